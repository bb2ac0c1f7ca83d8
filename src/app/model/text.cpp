// English, the first language. A second one is another make_* function and a switch.
#include "app/model/text.h"

namespace convplay::app {

namespace {

Text make_english() {
  Text t{};
  t.app_title = "convplay";
  t.op_conv2d = "Conv2d";
  t.op_conv_transpose2d = "ConvTranspose2d";
  t.undo = "\u21b6 Undo";
  t.redo = "\u21b7 Redo";
  t.undo_icon = "\u21b6";
  t.redo_icon = "\u21b7";
  t.show_frame_time = "frame time";
  t.frame_time_fmt = "%.2f ms per frame (CPU) \u00b7 %.0f fps";
  t.repaired_heading = "This link had values the playground could not use:";
  t.dismiss = "OK";
  t.open_full_playground = "open in convplay \u2197";

  t.tab_params = "Parameters";
  t.tab_compute = "Compute";
  t.tab_scatter = "Scatter & as a convolution";
  t.tab_shapes = "Shapes & round trip";
  t.tab_params_short = "Params";
  t.tab_scatter_short = "Scatter";
  t.tab_shapes_short = "Shapes";

  t.section_tensors = "TENSORS";
  t.section_conv = "CONVOLUTION";
  t.same_for_h_and_w = "Same value for height and width";
  t.in_channels = "in_channels";
  t.out_channels = "out_channels";
  t.input_size = "input H\u00d7W";
  t.kernel_size = "kernel_size";
  t.stride = "stride";
  t.padding = "padding";
  t.padding_explicit = "int";
  t.padding_same = "'same'";
  t.padding_valid = "'valid'";
  t.dilation = "dilation";
  t.output_padding = "output_padding";
  t.groups = "groups";
  t.bias = "bias";
  t.padding_mode = "padding_mode";
  t.mode_zeros = "zeros";
  t.mode_reflect = "reflect";
  t.mode_replicate = "replicate";
  t.mode_circular = "circular";
  t.axis_h = "height";
  t.axis_w = "width";
  t.groups_hint = "Only common divisors of in_channels and out_channels are offered.";
  t.same_needs_stride1 = "padding='same' is not supported for strided convolutions";
  t.modes_conv2d_only = "Only \"zeros\" padding mode is supported for ConvTranspose2d";
  t.showing_last_valid = "Showing the last valid result.";

  t.input_title = "Input x %s";
  t.kernel_title = "Kernel w %s";
  t.output_title = "Output y %s";
  t.bias_title = "Bias b %s";
  t.channel_fmt = "channel %d of %d";
  t.kernel_pair_fmt = "w[%d, %d]";
  t.preset_label = "preset";
  t.preset_names[0] = "impulse";
  t.preset_names[1] = "ones";
  t.preset_names[2] = "ramp";
  t.preset_names[3] = "random";
  t.preset_names[4] = "checkerboard";
  t.brush_label = "Paint";
  t.edit_help = "click or drag on input/kernel to paint \u00b7 double-click to type";
  t.edit_value_title = "Exact value (Enter to apply, Esc to cancel)";
  t.edit_value_empty = "Type a number.";
  t.edit_value_not_number = "Not a number: type digits, e.g. 2.5 or -1.";
  t.edit_value_range_fmt = "Out of range: values go from -%g to %g.";
  t.show_overlap = "overlap count";
  t.overlap_legend = "stamps per cell";
  t.hover_output_help =
      "Hover an output cell to see its sum; hover an input cell to see which outputs it reaches.";
  t.explain_check_fmt = "The engine computed %s: the two disagree!";
  t.input_reach_fmt = "x[%d, %d, %d] = %s reaches %d output cells of this channel (teal).";
  t.ghost_cell_fmt = "padding cell (%d, %d): %s copies x[%d, %d] = %s";
  t.ghost_zero_fmt = "padding cell (%d, %d): zero";
  t.kernel_tap_fmt = "w[%d, %d, %d, %d] = %s";

  t.explain_total_fmt = "y[%d, %d, %d] = %s";
  t.explain_terms_one_fmt = "the sum of %d products x\u00b7w over input channel %d";
  t.explain_terms_range_fmt = "the sum of %d products x\u00b7w over input channels %d\u2013%d";
  t.explain_plus_bias_fmt = ", plus the bias b[%d]";
  t.explain_col_term = "term";
  t.explain_col_x = "x";
  t.explain_col_w = "w";
  t.explain_col_product = "x\u00b7w";
  t.explain_zero_pad = "pad";
  t.explain_sum_row = "sum";
  t.focus_reads_one_fmt = "y[%d, \u2026] reads channel %d";
  t.focus_reads_range_fmt = "y[%d, \u2026] reads input channels %d\u2013%d";

  t.play = "\u25b6 Play";
  t.pause = "\u2016 Pause";
  t.step_back = "previous output position";
  t.step_forward = "next output position";
  t.speed = "%.1f cells/s";
  t.position_fmt = "output cell %d of %d";
  t.stamp_position_fmt = "input pixel %d of %d";
  t.stamp_by_stamp = "stamp by stamp";
  t.stamp_by_stamp_help =
      "Step over input pixels: each stamps its weighted kernel onto the output, which shows the "
      "running sum (unchecked: step over output cells, as a convolution gathers them).";
  t.scatter_title = "Scatter";
  t.scatter_help =
      "Each input pixel stamps its weighted kernel onto the output, stride pixels apart; where "
      "stamps overlap they add up. Tick 'overlap count' to see how many stamps land on each cell: "
      "uneven counts are the checkerboard artefacts of transposed convolutions.";
  t.as_conv_title = "As a convolution";
  t.as_conv_help =
      "The same numbers as an ordinary convolution: insert stride\u22121 zeros between input "
      "pixels, pad each side by dilation\u00b7(k\u22121)\u2212padding (crop where that is "
      "negative), add output_padding at the bottom/right, and slide the flipped kernel at "
      "stride 1. Hatched cells are inserted zeros and padding.";
  t.spread_title = "Zeros inserted %s";
  t.padded_title = "Padded input %s";
  t.flipped_kernel_title = "Flipped kernel %s";
  t.crop_note_fmt =
      "Padding per side: top %d, bottom %d, left %d, right %d. Negative means that many rows/"
      "columns are cropped (outlined in red).";
  t.pad_note_fmt = "Padding per side: top %d, bottom %d, left %d, right %d.";
  t.only_transposed = "Switch to ConvTranspose2d to see this view.";

  t.shapes_heading = "Output size, per axis";
  t.formula_conv_fmt =
      "%s_out = \u230a(%s_in + 2p \u2212 d(k\u22121) \u2212 1) / s\u230b + 1 = \u230a(%d + "
      "2\u00b7%d \u2212 %d\u00b7(%d\u22121) \u2212 1) / %d\u230b + 1 = %d";
  t.formula_same_fmt = "%s_out = %s_in = %d   ('same' pads %d before and %d after)";
  t.formula_tconv_fmt =
      "%s_out = (%s_in \u2212 1)\u00b7s \u2212 2p + d(k\u22121) + output_padding + 1 = (%d "
      "\u2212 1)\u00b7%d \u2212 2\u00b7%d + %d\u00b7(%d\u22121) + %d + 1 = %d";
  t.round_trip_heading = "Round trip: Conv2d, then the ConvTranspose2d that restores the size";
  t.round_trip_help =
      "A strided Conv2d sends several input sizes to the same output size, so its transpose "
      "cannot know which one to restore: output_padding says which.";
  t.round_trip_axis_fmt = "%s: every Conv2d input size that gives %d";
  t.round_trip_col_input = "Conv2d in";
  t.round_trip_col_output = "Conv2d out";
  t.round_trip_col_op = "output_padding back";
  t.round_trip_invalid_op = "%d (rejected: must be < stride or < dilation)";
  t.round_trip_try = "Example: 7\u00d77 and 8\u00d78 \u2192 3\u00d73";
  t.round_trip_switch_fmt = "Switch to its ConvTranspose2d (output_padding=%d)";
  t.round_trip_back = "Back to the Conv2d it undoes";
  t.round_trip_needs_zeros = "The round trip is shown for numeric padding (not 'same').";

  t.note_bad_value_fmt = "\"%s=%s\" is not a valid value; using %s.";
  t.note_clamped_fmt = "\"%s=%s\" is outside %d\u2026%d; using %s.";
  t.note_fixed_fmt = "PyTorch would reject this (%s); changed %s.";
  t.note_data_length_fmt = "\"%s\" has %s values but the tensor has %d; using the preset.";
  t.note_too_long_fmt = "The link's state is %d KB, more than the %d KB a link may hold; it was not read.";
  t.note_unknown_keys_fmt = "Ignored %d unknown key(s): %s.";
  return t;
}

}  // namespace

const Text& text() {
  static const Text english = make_english();
  return english;
}

}  // namespace convplay::app
