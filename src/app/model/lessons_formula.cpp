// Formula lines for lesson steps, from the document's parameters (lessons_formula.h).
#include "app/model/lessons_formula.h"

#include "engine/geometry.h"

namespace convplay::app {

namespace {

constexpr const char* kIds[] = {"conv2d_size", "conv_transpose2d_size", "as_conv"};

struct Axis {
  const char* out_name;
  const char* in_name;
  int in, k, s, p, d, op;
};

std::string n(int v) { return std::to_string(v); }

std::string conv2d_line(const Axis& a) {
  const int64_t out = conv_output_size(a.in, a.k, a.s, a.p, a.p, a.d);
  return std::string(a.out_name) + " = ⌊(" + a.in_name + " + 2·p − d·(k − 1) − 1) / s⌋ + 1 = ⌊(" +
         n(a.in) + " + 2·" + n(a.p) + " − " + n(a.d) + "·(" + n(a.k) + " − 1) − 1) / " + n(a.s) +
         "⌋ + 1 = " + std::to_string(out);
}

std::string transposed_line(const Axis& a) {
  const int64_t out = conv_transpose_output_size(a.in, a.k, a.s, a.p, a.d, a.op);
  return std::string(a.out_name) + " = (" + a.in_name +
         " − 1)·s − 2·p + d·(k − 1) + output_padding + 1 = (" + n(a.in) + " − 1)·" + n(a.s) + " − 2·" +
         n(a.p) + " + " + n(a.d) + "·(" + n(a.k) + " − 1) + " + n(a.op) + " + 1 = " + std::to_string(out);
}

std::string as_conv_line(const Axis& a, Lang lang, bool both_axes, const LessonTexts& texts) {
  const std::string axis = both_axes ? "H, W" : a.out_name[0] == 'H' ? "H" : "W";
  const std::string separator = texts.get("as_conv.separator", lang);
  std::string line = axis + ": " + texts.get("as_conv.zeros", lang, n(a.s - 1)) + separator +
                     texts.get("as_conv.padding", lang, n(a.d * (a.k - 1) - a.p));
  if (a.op > 0) line += separator + texts.get("as_conv.extra", lang, n(a.op));
  return line + separator + texts.get("as_conv.flip", lang);
}

}  // namespace

bool is_formula_id(const std::string& id) {
  for (const char* known : kIds) {
    if (id == known) return true;
  }
  return false;
}

std::string formula_ids() { return "conv2d_size, conv_transpose2d_size, as_conv"; }

bool formula_applies(const std::string& id, const Document& doc) {
  if (id == "conv2d_size") return !is_transposed(doc) && doc.padding_kind == PaddingKind::kExplicit;
  return is_transposed(doc);
}

std::string formula_text(const std::string& id, const Document& doc, Lang lang,
                         const LessonTexts& texts) {
  if (!formula_applies(id, doc)) return "";
  const Axis h{"H_out", "H_in", doc.in.h, doc.kernel.h, doc.stride.h,
               doc.padding.h, doc.dilation.h, doc.output_padding.h};
  const Axis w{"W_out", "W_in", doc.in.w, doc.kernel.w, doc.stride.w,
               doc.padding.w, doc.dilation.w, doc.output_padding.w};
  const bool same = h.in == w.in && h.k == w.k && h.s == w.s && h.p == w.p && h.d == w.d && h.op == w.op;
  auto line = [&](const Axis& a) {
    if (id == "conv2d_size") return conv2d_line(a);
    if (id == "conv_transpose2d_size") return transposed_line(a);
    return as_conv_line(a, lang, same, texts);
  };
  return same ? line(h) : line(h) + "\n" + line(w);
}

}  // namespace convplay::app
