// Every string the user sees, English and 简体中文 side by side: one TR(field, English,
// Chinese) row per string, so a translator reads both at once. A row with one language
// does not compile; a field without a row is caught by tests/native/text_test.cpp.
// Keep PyTorch's identifiers (stride, output_padding, padding_mode, 'same') as they are.
#include "app/model/text.h"

#include <cstddef>
#include <cstring>
#include <type_traits>

namespace convplay::app {

namespace {

// One row per string: where its field is, and the string in each language. A table of
// data (not code that assigns fields): the page downloads less.
struct Translation {
  size_t offset;
  const char* en;
  const char* zh;
};

#define TR(field, english, chinese) \
  Translation { offsetof(Text, field), english, chinese }

const Translation kTranslations[] = {
  TR(app_title, "convplay", "convplay"),
  TR(op_conv2d, "Conv2d", "Conv2d"),
  TR(op_conv_transpose2d, "ConvTranspose2d", "ConvTranspose2d"),
  TR(undo, "\u21b6 Undo", "\u21b6 撤销"),
  TR(redo, "\u21b7 Redo", "\u21b7 重做"),
  TR(undo_icon, "\u21b6", "\u21b6"),
  TR(redo_icon, "\u21b7", "\u21b7"),
  TR(show_frame_time, "frame time", "帧耗时"),
  TR(frame_time_fmt, "%.2f ms per frame (CPU) \u00b7 %.0f fps", "每帧 %.2f ms（CPU）\u00b7 %.0f fps"),
  TR(repaired_heading, "This link had values the playground could not use:",
     "这个链接里有些值无法使用："),
  TR(dismiss, "OK", "知道了"),
  TR(open_full_playground, "open in convplay \u2197", "在 convplay 中打开 \u2197"),

  TR(tab_params, "Parameters", "参数"),
  TR(tab_compute, "Compute", "计算"),
  TR(tab_scatter, "Scatter & as a convolution", "散布与等价卷积"),
  TR(tab_shapes, "Shapes & round trip", "形状与往返"),
  TR(tab_params_short, "Params", "参数"),
  TR(tab_scatter_short, "Scatter", "散布"),
  TR(tab_shapes_short, "Shapes", "形状"),

  TR(section_tensors, "TENSORS", "张量"),
  TR(section_conv, "CONVOLUTION", "卷积"),
  TR(same_for_h_and_w, "Same value for height and width", "高和宽取相同的值"),
  TR(in_channels, "in_channels", "in_channels"),
  TR(out_channels, "out_channels", "out_channels"),
  TR(input_size, "input H\u00d7W", "输入 H\u00d7W"),
  TR(kernel_size, "kernel_size", "kernel_size"),
  TR(stride, "stride", "stride"),
  TR(padding, "padding", "padding"),
  TR(padding_explicit, "int", "int"),
  TR(padding_same, "'same'", "'same'"),
  TR(padding_valid, "'valid'", "'valid'"),
  TR(dilation, "dilation", "dilation"),
  TR(output_padding, "output_padding", "output_padding"),
  TR(groups, "groups", "groups"),
  TR(bias, "bias", "bias"),
  TR(padding_mode, "padding_mode", "padding_mode"),
  TR(mode_zeros, "zeros", "zeros"),
  TR(mode_reflect, "reflect", "reflect"),
  TR(mode_replicate, "replicate", "replicate"),
  TR(mode_circular, "circular", "circular"),
  TR(axis_h, "height", "高"),
  TR(axis_w, "width", "宽"),
  TR(groups_hint, "Only common divisors of in_channels and out_channels are offered.",
     "分组卷积：groups 只能取 in_channels 与 out_channels 的公约数。"),
  // PyTorch's own words first (what people search for), then the rule in Chinese.
  TR(same_needs_stride1, "padding='same' is not supported for strided convolutions",
     "padding='same' is not supported for strided convolutions\n"
     "步幅（stride）大于 1 时不能用 padding='same'。"),
  TR(modes_conv2d_only, "Only \"zeros\" padding mode is supported for ConvTranspose2d",
     "Only \"zeros\" padding mode is supported for ConvTranspose2d\n"
     "转置卷积只支持补零（padding_mode='zeros'）。"),
  TR(showing_last_valid, "Showing the last valid result.", "下面显示的是上一个有效结果。"),

  TR(input_title, "Input x %s", "输入 x %s"),
  TR(kernel_title, "Kernel w %s", "卷积核 w %s"),
  TR(output_title, "Output y %s", "输出 y %s"),
  TR(bias_title, "Bias b %s", "偏置 b %s"),
  TR(channel_fmt, "channel %d of %d", "通道 %d / %d"),
  TR(kernel_pair_fmt, "w[%d, %d]", "w[%d, %d]"),
  TR(preset_label, "preset", "预设"),
  TR(preset_names[0], "impulse", "脉冲"),
  TR(preset_names[1], "ones", "全 1"),
  TR(preset_names[2], "ramp", "渐变"),
  TR(preset_names[3], "random", "随机"),
  TR(preset_names[4], "checkerboard", "棋盘格"),
  TR(brush_label, "Paint", "画笔"),
  TR(edit_help, "click or drag on input/kernel to paint \u00b7 double-click to type",
     "在输入或卷积核上点击、拖动即可涂写 \u00b7 双击可输入数值"),
  TR(edit_value_title, "Exact value (Enter to apply, Esc to cancel)",
     "精确数值（按 Enter 确认，Esc 取消）"),
  TR(edit_value_empty, "Type a number.", "请输入一个数。"),
  TR(edit_value_not_number, "Not a number: type digits, e.g. 2.5 or -1.",
     "不是数字：请输入数字，例如 2.5 或 -1。"),
  TR(edit_value_range_fmt, "Out of range: values go from -%g to %g.",
     "超出范围：取值须在 -%g 到 %g 之间。"),
  TR(show_overlap, "overlap count", "重叠次数"),
  TR(overlap_legend, "stamps per cell", "每格叠加的印章数"),
  TR(hover_output_help,
     "Hover an output cell to see its sum; hover an input cell to see which outputs it reaches.",
     "鼠标停在输出格上可看它的求和过程；停在输入格上可看它影响哪些输出。"),
  TR(explain_check_fmt, "The engine computed %s: the two disagree!", "引擎算出的是 %s：两者不一致！"),
  TR(input_reach_fmt, "x[%d, %d, %d] = %s reaches %d output cells of this channel (teal).",
     "x[%d, %d, %d] = %s 影响本通道的 %d 个输出格（青色）。"),
  TR(ghost_cell_fmt, "padding cell (%d, %d): %s copies x[%d, %d] = %s",
     "填充格 (%d, %d)：%s 模式复制 x[%d, %d] = %s"),
  TR(ghost_zero_fmt, "padding cell (%d, %d): zero", "填充格 (%d, %d)：补零"),
  TR(kernel_tap_fmt, "w[%d, %d, %d, %d] = %s", "w[%d, %d, %d, %d] = %s"),

  TR(explain_total_fmt, "y[%d, %d, %d] = %s", "y[%d, %d, %d] = %s"),
  TR(explain_terms_one_fmt, "the sum of %d products x\u00b7w over input channel %d",
     "%d 个乘积 x\u00b7w 之和，来自输入通道 %d"),
  TR(explain_terms_range_fmt, "the sum of %d products x\u00b7w over input channels %d\u2013%d",
     "%d 个乘积 x\u00b7w 之和，来自输入通道 %d\u2013%d"),
  TR(explain_plus_bias_fmt, ", plus the bias b[%d]", "，再加偏置 b[%d]"),
  TR(explain_col_term, "term", "项"),
  TR(explain_col_x, "x", "x"),
  TR(explain_col_w, "w", "w"),
  TR(explain_col_product, "x\u00b7w", "x\u00b7w"),
  TR(explain_zero_pad, "pad", "填充"),
  TR(explain_sum_row, "sum", "和"),
  TR(focus_reads_one_fmt, "y[%d, \u2026] reads channel %d", "y[%d, \u2026] 读取通道 %d"),
  TR(focus_reads_range_fmt, "y[%d, \u2026] reads input channels %d\u2013%d",
     "y[%d, \u2026] 读取输入通道 %d\u2013%d"),

  TR(play, "\u25b6 Play", "\u25b6 播放"),
  TR(pause, "\u2016 Pause", "\u2016 暂停"),
  TR(step_back, "previous output position", "上一个输出位置"),
  TR(step_forward, "next output position", "下一个输出位置"),
  TR(speed, "%.1f cells/s", "%.1f 格/秒"),
  TR(position_fmt, "output cell %d of %d", "输出格 %d / %d"),
  TR(stamp_position_fmt, "input pixel %d of %d", "输入像素 %d / %d"),
  TR(stamp_by_stamp, "stamp by stamp", "逐个盖印"),
  TR(stamp_by_stamp_help,
     "Step over input pixels: each stamps its weighted kernel onto the output, which shows the "
     "running sum (unchecked: step over output cells, as a convolution gathers them).",
     "按输入像素逐步走：每个像素把按自身数值加权的卷积核盖印到输出上，输出显示累加到此刻的和"
     "（不勾选：按输出格逐步走，就像卷积逐格收集那样）。"),
  TR(scatter_title, "Scatter", "散布"),
  TR(scatter_help,
     "Each input pixel stamps its weighted kernel onto the output, stride pixels apart; where "
     "stamps overlap they add up. Tick 'overlap count' to see how many stamps land on each cell: "
     "uneven counts are the checkerboard artefacts of transposed convolutions.",
     "每个输入像素把按自身数值加权的卷积核盖印到输出上，相邻印章相隔 stride 个像素，"
     "重叠处相加。勾选“重叠次数”可看每格叠了几个印章：次数不均匀，就是转置卷积的棋盘格伪影。"),
  TR(as_conv_title, "As a convolution", "等价的普通卷积"),
  TR(as_conv_help,
     "The same numbers as an ordinary convolution: insert stride\u22121 zeros between input "
     "pixels, pad each side by dilation\u00b7(k\u22121)\u2212padding (crop where that is "
     "negative), add output_padding at the bottom/right, and slide the flipped kernel at "
     "stride 1. Hatched cells are inserted zeros and padding.",
     "同样的数值也能用普通卷积算出：在输入像素之间插入 stride\u22121 个零，每边填充 "
     "dilation\u00b7(k\u22121)\u2212padding（为负时改为裁剪），在下方和右侧补上 "
     "output_padding，再以步幅 1 滑动翻转后的卷积核。斜线格是插入的零和填充。"),
  TR(spread_title, "Zeros inserted %s", "插零后 %s"),
  TR(padded_title, "Padded input %s", "填充后的输入 %s"),
  TR(flipped_kernel_title, "Flipped kernel %s", "翻转的卷积核 %s"),
  TR(crop_note_fmt,
     "Padding per side: top %d, bottom %d, left %d, right %d. Negative means that many rows/"
     "columns are cropped (outlined in red).",
     "每边填充：上 %d，下 %d，左 %d，右 %d。负数表示裁掉相应的行/列（红框标出）。"),
  TR(pad_note_fmt, "Padding per side: top %d, bottom %d, left %d, right %d.",
     "每边填充：上 %d，下 %d，左 %d，右 %d。"),
  TR(only_transposed, "Switch to ConvTranspose2d to see this view.",
     "切换到 ConvTranspose2d（转置卷积）才能看到这个视图。"),

  TR(shapes_heading, "Output size, per axis", "输出尺寸（逐轴计算）"),
  TR(formula_conv_fmt,
     "%s_out = \u230a(%s_in + 2p \u2212 d(k\u22121) \u2212 1) / s\u230b + 1 = \u230a(%d + "
     "2\u00b7%d \u2212 %d\u00b7(%d\u22121) \u2212 1) / %d\u230b + 1 = %d",
     "%s_out = \u230a(%s_in + 2p \u2212 d(k\u22121) \u2212 1) / s\u230b + 1 = \u230a(%d + "
     "2\u00b7%d \u2212 %d\u00b7(%d\u22121) \u2212 1) / %d\u230b + 1 = %d"),
  TR(formula_same_fmt, "%s_out = %s_in = %d   ('same' pads %d before and %d after)",
     "%s_out = %s_in = %d   （'same' 在前面填充 %d，后面填充 %d）"),
  TR(formula_tconv_fmt,
     "%s_out = (%s_in \u2212 1)\u00b7s \u2212 2p + d(k\u22121) + output_padding + 1 = (%d "
     "\u2212 1)\u00b7%d \u2212 2\u00b7%d + %d\u00b7(%d\u22121) + %d + 1 = %d",
     "%s_out = (%s_in \u2212 1)\u00b7s \u2212 2p + d(k\u22121) + output_padding + 1 = (%d "
     "\u2212 1)\u00b7%d \u2212 2\u00b7%d + %d\u00b7(%d\u22121) + %d + 1 = %d"),
  TR(round_trip_heading, "Round trip: Conv2d, then the ConvTranspose2d that restores the size",
     "往返：先做 Conv2d，再用 ConvTranspose2d 恢复原来的尺寸"),
  TR(round_trip_help,
     "A strided Conv2d sends several input sizes to the same output size, so its transpose "
     "cannot know which one to restore: output_padding says which.",
     "带步幅的 Conv2d 会把几种不同的输入尺寸映射到同一个输出尺寸，它的转置无从知道该恢复成哪一个："
     "由 output_padding（输出填充）指定。"),
  TR(round_trip_axis_fmt, "%s: every Conv2d input size that gives %d",
     "%s：Conv2d 输出为 %d 的所有输入尺寸"),
  TR(round_trip_col_input, "Conv2d in", "Conv2d 输入"),
  TR(round_trip_col_output, "Conv2d out", "Conv2d 输出"),
  TR(round_trip_col_op, "output_padding back", "还原所需 output_padding"),
  TR(round_trip_invalid_op, "%d (rejected: must be < stride or < dilation)",
     "%d（不允许：须 < stride 或 < dilation）"),
  TR(round_trip_try, "Example: 7\u00d77 and 8\u00d78 \u2192 3\u00d73",
     "示例：7\u00d77 和 8\u00d78 \u2192 3\u00d73"),
  TR(round_trip_switch_fmt, "Switch to its ConvTranspose2d (output_padding=%d)",
     "切换到对应的 ConvTranspose2d（output_padding=%d）"),
  TR(round_trip_back, "Back to the Conv2d it undoes", "回到它所逆转的 Conv2d"),
  TR(round_trip_needs_zeros, "The round trip is shown for numeric padding (not 'same').",
     "只有 padding 为数值时才显示往返（'same' 不适用）。"),

  TR(note_bad_value_fmt, "\"%s=%s\" is not a valid value; using %s.",
     "“%s=%s”不是有效值，改用 %s。"),
  TR(note_clamped_fmt, "\"%s=%s\" is outside %d\u2026%d; using %s.",
     "“%s=%s”超出 %d\u2026%d 的范围，改用 %s。"),
  TR(note_fixed_fmt, "PyTorch would reject this (%s); changed %s.",
     "PyTorch 会拒绝这个设置（%s）；已修改 %s。"),
  TR(note_data_length_fmt, "\"%s\" has %s values but the tensor has %d; using the preset.",
     "“%s”有 %s 个值，但张量有 %d 个；改用预设值。"),
  TR(note_too_long_fmt,
     "The link's state is %d KB, more than the %d KB a link may hold; it was not read.",
     "链接中的状态有 %d KB，超过链接能容纳的 %d KB，没有读取。"),
  TR(note_unknown_keys_fmt, "Ignored %d unknown key(s): %s.", "忽略了 %d 个未知的键：%s。"),

  TR(lang_en, "EN", "EN"),
  TR(lang_zh, "中文", "中文"),
  TR(lang_switch_help, "Interface language", "界面语言"),
};

#undef TR

struct Tables {
  Text en{};
  Text zh{};
  Tables() {
    for (const Translation& row : kTranslations) {
      std::memcpy(reinterpret_cast<char*>(&en) + row.offset, &row.en, sizeof row.en);
      std::memcpy(reinterpret_cast<char*>(&zh) + row.offset, &row.zh, sizeof row.zh);
    }
  }
};

const Tables& tables() {
  static const Tables built;
  return built;
}

Lang g_language = Lang::kEn;

}  // namespace

const Text& text_in(Lang lang) { return lang == Lang::kZh ? tables().zh : tables().en; }
const Text& text() { return text_in(g_language); }
void set_text_language(Lang lang) { g_language = lang; }
Lang text_language() { return g_language; }

// Text is nothing but const char* fields (and one array of them), so it reads as an array.
std::vector<const char*> text_strings(const Text& table) {
  static_assert(std::is_standard_layout_v<Text> && sizeof(Text) % sizeof(const char*) == 0,
                "Text holds only const char* fields");
  std::vector<const char*> strings(sizeof(Text) / sizeof(const char*));
  std::memcpy(strings.data(), &table, sizeof(Text));
  return strings;
}

}  // namespace convplay::app
