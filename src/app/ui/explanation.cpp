// The sum behind the focused output cell, written out term by term: each product with
// its indices as PyTorch writes them (x[c,y,x]·w[o,i,ky,kx]) and its values, in a list
// that scrolls, so a sum over several input channels is there in full.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/model/explain.h"
#include "app/model/text.h"
#include "app/ui/panels.h"
#include "app/ui/tensor_grid.h"
#include "imgui.h"

namespace convplay::app {

namespace {

constexpr int kMaxVisibleRows = 12;

// A value with a typographic minus (−), as in printed sums.
std::string signed_text(double value) {
  std::string text_value = format_value(static_cast<float>(value));
  if (!text_value.empty() && text_value[0] == '-') text_value = "\u2212" + text_value.substr(1);
  return text_value;
}

void muted_wrapped(const char* text_value, float width) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMuted));
  ImGui::TextUnformatted(text_value);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

void summary(const PanelContext& ctx, const Explanation& e, const ChannelFocus& channels,
             float width) {
  const Text& t = text();
  char line[160];
  std::snprintf(line, sizeof line, t.explain_total_fmt, static_cast<int>(e.out_channel),
                static_cast<int>(e.oy), static_cast<int>(e.ox), signed_text(e.sum).c_str());
  ImGui::PushFont(ctx.fonts.body);
  ImGui::TextUnformatted(line);
  ImGui::PopFont();
  char detail[200];
  const int products = static_cast<int>(e.terms.size());
  const int first = static_cast<int>(channels.in_first);
  const int last = static_cast<int>(channels.in_first + channels.in_count - 1);
  if (first == last) {
    std::snprintf(detail, sizeof detail, t.explain_terms_one_fmt, products, first);
  } else {
    std::snprintf(detail, sizeof detail, t.explain_terms_range_fmt, products, first, last);
  }
  std::string text_value = detail;
  if (e.has_bias) {
    char bias[80];
    std::snprintf(bias, sizeof bias, t.explain_plus_bias_fmt, static_cast<int>(e.out_channel));
    text_value += bias;
  }
  muted_wrapped(text_value.c_str(), width);
}

void cell_text(const std::string& value, bool right_aligned) {
  if (right_aligned) {
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(value.c_str()).x;
    if (room > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room);
  }
  ImGui::TextUnformatted(value.c_str());
}

// One row per product, then the bias and the sum. The rows of the input channel the
// grids show are in the highlight colour, like their cells.
void term_table(const PanelContext& ctx, const Explanation& e, int shown_channel, float width) {
  const Text& t = text();
  const int rows = static_cast<int>(e.terms.size()) + (e.has_bias ? 1 : 0) + 1;
  const float row_height = ImGui::GetTextLineHeightWithSpacing() + 2.0f * ctx.scale;
  const int visible = std::min(rows + 1, kMaxVisibleRows);  // + the header
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("sum_terms", 4, flags,
                         ImVec2(width, row_height * static_cast<float>(visible) + 4.0f * ctx.scale))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  const float value_width = ImGui::CalcTextSize("\u22120.00").x + 6.0f * ctx.scale;
  ImGui::TableSetupColumn(t.explain_col_term, ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(t.explain_col_x, ImGuiTableColumnFlags_WidthFixed, value_width);
  ImGui::TableSetupColumn(t.explain_col_w, ImGuiTableColumnFlags_WidthFixed, value_width);
  ImGui::TableSetupColumn(t.explain_col_product, ImGuiTableColumnFlags_WidthFixed, value_width);
  ImGui::TableHeadersRow();
  const ImVec4 highlight = ImGui::ColorConvertU32ToFloat4(colors::kHighlight);
  // Only the rows in view are drawn: a sum over many channels has hundreds.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(e.terms.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Term& term = e.terms[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      const bool shown = term.in_channel == shown_channel;
      if (shown) ImGui::PushStyleColor(ImGuiCol_Text, highlight);
      ImGui::TableNextColumn();
      const std::string x_index = term.iy < 0 ? t.explain_zero_pad : input_index_text(term);
      cell_text(x_index + "\u00b7" + weight_index_text(term), false);
      ImGui::TableNextColumn();
      cell_text(signed_text(term.x), true);
      ImGui::TableNextColumn();
      cell_text(signed_text(term.w), true);
      ImGui::TableNextColumn();
      cell_text(signed_text(static_cast<double>(term.x) * static_cast<double>(term.w)), true);
      if (shown) ImGui::PopStyleColor();
    }
  }
  if (e.has_bias) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text("b[" + std::to_string(e.out_channel) + "]", false);
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    cell_text(signed_text(e.bias), true);
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(t.explain_sum_row);
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  cell_text(signed_text(e.sum), true);
  ImGui::EndTable();
}

// The most height the explanation takes for this document: two lines of summary and the
// table at its longest. It is reserved whether or not a cell is focused, so that the view
// keeps its height when hover comes and goes: else a wheel scroll that moves the hovered
// cell away shrinks the view, which snaps back, and a tap right after misses.
float reserved_height(const PanelContext& ctx) {
  const Document& doc = ctx.doc;
  const int terms = doc.in_channels / std::max(1, doc.groups) * doc.kernel.h * doc.kernel.w;
  const int rows = std::min(terms + (doc.use_bias ? 1 : 0) + 2, kMaxVisibleRows);
  const float row_height = ImGui::GetTextLineHeightWithSpacing() + 2.0f * ctx.scale;
  return 2.0f * ImGui::GetTextLineHeightWithSpacing() + row_height * static_cast<float>(rows) +
         4.0f * ctx.scale;
}

// Ends the explanation's group after padding it to its reserved height.
void end_reserved_group(float top, float reserved) {
  const float used = ImGui::GetCursorPosY() - top;
  if (used < reserved) ImGui::Dummy(ImVec2(1.0f, reserved - used));
  ImGui::EndGroup();
}

}  // namespace

void draw_explanation(PanelContext& ctx, float width) {
  const Text& t = text();
  const Highlights& h = *ctx.highlights;
  const float top = ImGui::GetCursorPosY();
  const float reserved = reserved_height(ctx);
  ImGui::BeginGroup();
  if (!h.explained) {
    const CellRef& in = ctx.ui.hover_input;
    const Document& doc = ctx.doc;
    if (in.valid && ctx.computer.has_result() && in.y < doc.in.h && in.x < doc.in.w &&
        in.channel < doc.in_channels) {
      const float v = doc.input[static_cast<size_t>((in.channel * doc.in.h + in.y) * doc.in.w + in.x)];
      char message[200];
      std::snprintf(message, sizeof message, t.input_reach_fmt, in.channel, in.y, in.x,
                    format_value(v).c_str(), h.reach_count);
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
      ImGui::TextUnformatted(message);
      ImGui::PopTextWrapPos();
    } else {
      muted_wrapped(t.hover_output_help, width);
    }
    end_reserved_group(top, reserved);
    return;
  }
  const Explanation& e = h.explanation;
  summary(ctx, e, h.channels, width);
  term_table(ctx, e, h.input_channel, width);
  const double diff = std::fabs(e.sum - static_cast<double>(e.engine_value));
  if (diff > 1e-3 * (1.0 + std::fabs(static_cast<double>(e.engine_value)))) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kError), t.explain_check_fmt,
                       format_value(e.engine_value).c_str());
  }
  end_reserved_group(top, reserved);
}

}  // namespace convplay::app
