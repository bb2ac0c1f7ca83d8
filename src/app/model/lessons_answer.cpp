// Computing a question's answer and its common mistakes from the step's result, and
// judging a learner's answer against them (lessons_answer.h).
#include "app/model/lessons_answer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/geometry.h"

namespace convplay::app {

namespace {

// The key of each mistake's feedback in lessons/texts.json.
const char* mistake_key(Mistake mistake) {
  switch (mistake) {
    case Mistake::kConv2dFormula: return "mistake.conv2d_formula";
    case Mistake::kTransposedFormula: return "mistake.transposed_formula";
    case Mistake::kForgotPlusOne: return "mistake.forgot_plus_one";
    case Mistake::kForgotPadding: return "mistake.forgot_padding";
    case Mistake::kForgotOutputPadding: return "mistake.forgot_output_padding";
    case Mistake::kOutputPaddingZeros: return "mistake.output_padding_zeros";
    case Mistake::kKernelNotFlipped: return "mistake.kernel_not_flipped";
    case Mistake::kForgotBias: return "mistake.forgot_bias";
    case Mistake::kIgnoredStride: return "mistake.ignored_stride";
    case Mistake::kOutputPaddingTooLarge: return "mistake.output_padding_too_large";
  }
  return "wrong";
}

bool near(double a, double b) { return std::fabs(a - b) <= 0.01 + 1e-3 * std::fabs(b); }

void add_number_mistake(Expected* e, Mistake mistake, double value) {
  if (near(value, e->number)) return;
  for (const MistakenAnswer& m : e->mistakes) {
    if (near(m.number, value)) return;  // the first mistake that gives a value explains it
  }
  MistakenAnswer m{mistake, value, {}, {}};
  e->mistakes.push_back(m);
}

void add_size_mistake(Expected* e, Mistake mistake, int64_t h, int64_t w) {
  const IntPair size{static_cast<int>(h), static_cast<int>(w)};
  if (h <= 0 || w <= 0 || size == e->size) return;
  for (const MistakenAnswer& m : e->mistakes) {
    if (m.size == size) return;
  }
  e->mistakes.push_back({mistake, 0, size, {}});
}

void output_size_mistakes(const Document& doc, Expected* e) {
  const int64_t out_h = e->size.h, out_w = e->size.w;
  if (is_transposed(doc)) {
    add_size_mistake(e, Mistake::kConv2dFormula,
                     conv_output_size(doc.in.h, doc.kernel.h, doc.stride.h, doc.padding.h, doc.padding.h, doc.dilation.h),
                     conv_output_size(doc.in.w, doc.kernel.w, doc.stride.w, doc.padding.w, doc.padding.w, doc.dilation.w));
    add_size_mistake(e, Mistake::kForgotOutputPadding, out_h - doc.output_padding.h, out_w - doc.output_padding.w);
    add_size_mistake(e, Mistake::kForgotPlusOne, out_h - 1, out_w - 1);
    return;
  }
  add_size_mistake(e, Mistake::kTransposedFormula,
                   conv_transpose_output_size(doc.in.h, doc.kernel.h, doc.stride.h, doc.padding.h, doc.dilation.h, 0),
                   conv_transpose_output_size(doc.in.w, doc.kernel.w, doc.stride.w, doc.padding.w, doc.dilation.w, 0));
  add_size_mistake(e, Mistake::kForgotPlusOne, out_h - 1, out_w - 1);
  if (doc.padding_kind == PaddingKind::kExplicit) {
    add_size_mistake(e, Mistake::kForgotPadding,
                     conv_output_size(doc.in.h, doc.kernel.h, doc.stride.h, 0, 0, doc.dilation.h),
                     conv_output_size(doc.in.w, doc.kernel.w, doc.stride.w, 0, 0, doc.dilation.w));
  }
}

void output_value_mistakes(const Result& result, int c, int y, int x, Expected* e) {
  const Document& doc = result.doc;
  const Explanation explanation = explain_output(result, c, y, x);
  if (explanation.has_bias) add_number_mistake(e, Mistake::kForgotBias, e->number - explanation.bias);
  if (!is_transposed(doc)) return;
  const int64_t out_h = result.output.shape[2], out_w = result.output.shape[3];
  const bool in_extra_row = y >= out_h - doc.output_padding.h || x >= out_w - doc.output_padding.w;
  if (in_extra_row && (doc.output_padding.h > 0 || doc.output_padding.w > 0)) {
    add_number_mistake(e, Mistake::kOutputPaddingZeros, explanation.has_bias ? explanation.bias : 0.0);
  }
  // The kernel as stored: tap (ky, kx) read as (kH−1−ky, kW−1−kx).
  const Shape w_shape = weight_shape(doc);
  const std::vector<float>& weights = tensor_values(doc, TensorKind::kWeight);
  double unflipped = explanation.has_bias ? explanation.bias : 0.0;
  for (const Term& term : explanation.terms) {
    const int64_t ky = w_shape[2] - 1 - term.ky, kx = w_shape[3] - 1 - term.kx;
    const int64_t index = ((term.out_or_in * w_shape[1] + term.weight_ch) * w_shape[2] + ky) * w_shape[3] + kx;
    unflipped += static_cast<double>(term.x) * static_cast<double>(weights[static_cast<size_t>(index)]);
  }
  add_number_mistake(e, Mistake::kKernelNotFlipped, unflipped);
}

bool contains(const std::vector<OutputCell>& cells, const OutputCell& cell) {
  return std::find(cells.begin(), cells.end(), cell) != cells.end();
}

void reach_mistakes(const Result& result, int c, int y, int x, Expected* e) {
  Document stride_one = result.doc;
  if (stride_one.stride == IntPair{1, 1}) return;
  stride_one.stride = IntPair{1, 1};
  stride_one.output_padding = IntPair{0, 0};
  Computer computer;
  computer.update(stride_one);
  if (!computer.status().ok()) return;
  MistakenAnswer m{Mistake::kIgnoredStride, 0, {}, {}};
  for (const OutputCell& cell : reach_of_input(computer.result(), c, y, x)) {
    const bool inside = cell.oy < e->output_shape[2] && cell.ox < e->output_shape[3];
    if (inside && !contains(e->cells, cell)) m.cells.push_back(cell);
  }
  if (!m.cells.empty()) e->mistakes.push_back(m);
}

// The numbers in a learner's text: separators are spaces, commas, x, ×, brackets.
bool parse_numbers(std::string text, std::vector<double>* out) {
  for (size_t at; (at = text.find("\xE2\x88\x92")) != std::string::npos;) text.replace(at, 3, "-");  // −
  for (size_t at; (at = text.find("\xC3\x97")) != std::string::npos;) text.replace(at, 2, " ");       // ×
  std::string token;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c == ' ' || c == ',' || c == 'x' || c == 'X' || c == '[' || c == ']' || c == '(' ||
        c == ')' || c == ';' || c == '\t' || c == '\n') {
      if (token.empty()) continue;
      char* end = nullptr;
      const double value = std::strtod(token.c_str(), &end);
      if (end == nullptr || *end != '\0' || !std::isfinite(value)) return false;
      out->push_back(value);
      token.clear();
    } else {
      token += c;
    }
  }
  return !out->empty();
}

bool whole(double v) { return v == std::floor(v) && std::fabs(v) < 1e6; }

std::string number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

Verdict verdict(AnswerStatus status, const std::string& feedback) { return {status, feedback}; }

}  // namespace

bool expected_answer(const Question& q, const Result& result, Expected* e, std::string* why) {
  *e = Expected{};
  e->kind = answer_kind(q.ask);
  e->output_shape = result.output.shape;
  const Document& doc = result.doc;
  const Shape& out = result.output.shape;
  const int c = q.cell[0], y = q.cell[1], x = q.cell[2];
  switch (q.ask) {
    case Ask::kOutputSize:
      e->size = IntPair{static_cast<int>(out[2]), static_cast<int>(out[3])};
      output_size_mistakes(doc, e);
      return true;
    case Ask::kOutputValue:
      if (c < 0 || c >= out[1] || y < 0 || y >= out[2] || x < 0 || x >= out[3]) {
        *why = "the cell is outside the output";
        return false;
      }
      e->number = result.output.data[static_cast<size_t>((c * out[2] + y) * out[3] + x)];
      output_value_mistakes(result, c, y, x, e);
      return true;
    case Ask::kReach: {
      const Shape in = input_shape(doc);
      if (c < 0 || c >= in[1] || y < 0 || y >= in[2] || x < 0 || x >= in[3]) {
        *why = "the pixel is outside the input";
        return false;
      }
      e->cells = reach_of_input(result, c, y, x);
      if (e->cells.empty()) {
        *why = "the pixel reaches no output cell";
        return false;
      }
      reach_mistakes(result, c, y, x, e);
      return true;
    }
    case Ask::kOutputPaddingToRestore: {
      if (!is_transposed(doc)) {
        *why = "output_padding belongs to ConvTranspose2d";
        return false;
      }
      const int64_t base_h = conv_transpose_output_size(doc.in.h, doc.kernel.h, doc.stride.h, doc.padding.h, doc.dilation.h, 0);
      const int64_t base_w = conv_transpose_output_size(doc.in.w, doc.kernel.w, doc.stride.w, doc.padding.w, doc.dilation.w, 0);
      const int64_t need_h = q.size.h - base_h, need_w = q.size.w - base_w;
      e->max_output_padding = std::max(std::max(doc.stride.h, doc.dilation.h), std::max(doc.stride.w, doc.dilation.w));
      if (need_h != need_w || need_h < 0 || need_h >= e->max_output_padding) {
        *why = "no output_padding gives " + std::to_string(q.size.h) + "x" + std::to_string(q.size.w);
        return false;
      }
      e->number = static_cast<double>(need_h);
      return true;
    }
    case Ask::kChoice:
      if (q.choice_answer < 0 || q.choice_answer >= static_cast<int>(q.choices.size())) {
        *why = "'answer' is not the index of a choice (0 is the first)";
        return false;
      }
      e->choice = q.choice_answer;
      return true;
  }
  return false;
}

const char* answer_status_key(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::kCorrect: return "correct";
    case AnswerStatus::kWrong: return "wrong";
    case AnswerStatus::kInvalid: return "invalid";
  }
  return "invalid";
}

Verdict judge_answer(const Question& q, const Expected& e, const std::string& input, Lang lang,
                     const LessonTexts& texts) {
  std::vector<double> v;
  const Verdict invalid =
      verdict(AnswerStatus::kInvalid, texts.get(std::string("invalid.") + answer_kind_key(e.kind), lang));
  if (!parse_numbers(input, &v)) return invalid;
  // One number is written alone: "4x" or "3,5" is not a number.
  const bool single = e.kind == AnswerKind::kNumber || e.kind == AnswerKind::kChoice;
  if (single && input.find_first_of("xX,;[]()") != std::string::npos) return invalid;
  const std::string right = texts.get("right", lang) + " " + q.explanation.in(lang);
  const Verdict wrong = verdict(AnswerStatus::kWrong, texts.get("wrong", lang));
  auto mistake = [&](Mistake m) { return verdict(AnswerStatus::kWrong, texts.get(mistake_key(m), lang)); };
  switch (e.kind) {
    case AnswerKind::kNumber:
      if (v.size() != 1) return invalid;
      if (near(v[0], e.number)) return verdict(AnswerStatus::kCorrect, right);
      if (q.ask == Ask::kOutputPaddingToRestore) {
        if (!whole(v[0]) || v[0] < 0) return invalid;
        if (v[0] >= e.max_output_padding) return mistake(Mistake::kOutputPaddingTooLarge);
      }
      for (const MistakenAnswer& m : e.mistakes) {
        if (near(v[0], m.number)) return mistake(m.mistake);
      }
      return wrong;
    case AnswerKind::kSize: {
      if (v.size() != 2 || !whole(v[0]) || !whole(v[1])) return invalid;
      const IntPair size{static_cast<int>(v[0]), static_cast<int>(v[1])};
      if (size == e.size) return verdict(AnswerStatus::kCorrect, right);
      for (const MistakenAnswer& m : e.mistakes) {
        if (m.size == size) return mistake(m.mistake);
      }
      return wrong;
    }
    case AnswerKind::kCell: {
      if ((v.size() != 2 && v.size() != 3) || !std::all_of(v.begin(), v.end(), whole)) return invalid;
      const int64_t c = v.size() == 3 ? static_cast<int64_t>(v[0]) : -1;
      const int64_t y = static_cast<int64_t>(v[v.size() - 2]), x = static_cast<int64_t>(v.back());
      const Shape& out = e.output_shape;
      if (c >= out[1] || c < -1 || y < 0 || y >= out[2] || x < 0 || x >= out[3]) return invalid;
      // [y, x] alone names the cell in any output channel.
      auto matches = [&](const std::vector<OutputCell>& cells) {
        return std::any_of(cells.begin(), cells.end(), [&](const OutputCell& cell) {
          return (c < 0 || cell.out_channel == c) && cell.oy == y && cell.ox == x;
        });
      };
      if (matches(e.cells)) return verdict(AnswerStatus::kCorrect, right);
      for (const MistakenAnswer& m : e.mistakes) {
        if (matches(m.cells)) return mistake(m.mistake);
      }
      return verdict(AnswerStatus::kWrong, texts.get("wrong_cell", lang));
    }
    case AnswerKind::kChoice:
      if (v.size() != 1 || !whole(v[0]) || v[0] < 0 || v[0] >= static_cast<double>(q.choices.size())) {
        return invalid;
      }
      if (static_cast<int>(v[0]) == e.choice) return verdict(AnswerStatus::kCorrect, right);
      return wrong;
  }
  return invalid;
}

std::string answer_text(const Question& q, const Expected& e, Lang lang) {
  switch (e.kind) {
    case AnswerKind::kNumber: return number_text(e.number);
    case AnswerKind::kSize: return std::to_string(e.size.h) + "×" + std::to_string(e.size.w);
    case AnswerKind::kCell: {
      std::string text;
      for (const OutputCell& cell : e.cells) {
        if (!text.empty()) text += ", ";
        text += "(" + std::to_string(cell.oy) + ", " + std::to_string(cell.ox) + ")";
      }
      return text;
    }
    case AnswerKind::kChoice: return q.choices[static_cast<size_t>(e.choice)].in(lang);
  }
  return "";
}

}  // namespace convplay::app
