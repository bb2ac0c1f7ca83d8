// Every string the user sees, one field per string; text.cpp fills the field in English and
// 简体中文 side by side. Format strings take printf arguments in the order their comments give.
#pragma once

#include <vector>

#include "app/model/view_state.h"  // Lang

namespace convplay::app {

struct Text {
  // Top bar
  const char* app_title;
  const char* op_conv2d;
  const char* op_conv_transpose2d;
  const char* undo;
  const char* redo;
  const char* undo_icon;  // narrow screens
  const char* redo_icon;
  const char* show_frame_time;
  const char* frame_time_fmt;  // ms per frame, frames per second
  const char* repaired_heading;
  const char* dismiss;
  const char* open_full_playground;

  // Tabs, one per entry of ui/panel_table.cpp (named by its PanelId)
  const char* tab_params;
  const char* tab_compute;
  const char* tab_scatter;
  const char* tab_shapes;
  const char* tab_params_short;  // phone-sized screens
  const char* tab_scatter_short;
  const char* tab_shapes_short;

  // Parameters
  const char* section_tensors;
  const char* section_conv;
  const char* same_for_h_and_w;
  const char* in_channels;
  const char* out_channels;
  const char* input_size;
  const char* kernel_size;
  const char* stride;
  const char* padding;
  const char* padding_explicit;
  const char* padding_same;
  const char* padding_valid;
  const char* dilation;
  const char* output_padding;
  const char* groups;
  const char* bias;
  const char* padding_mode;
  const char* mode_zeros;
  const char* mode_reflect;
  const char* mode_replicate;
  const char* mode_circular;
  const char* axis_h;
  const char* axis_w;
  const char* groups_hint;          // shown under the groups choice
  const char* same_needs_stride1;   // why 'same' is greyed out
  const char* modes_conv2d_only;    // why padding_mode is greyed out
  const char* showing_last_valid;   // under it

  // Editors and output
  const char* input_title;          // shape
  const char* kernel_title;         // shape
  const char* output_title;         // shape
  const char* bias_title;           // shape
  const char* channel_fmt;          // channel index
  const char* kernel_pair_fmt;      // out channel, in channel
  const char* preset_label;
  const char* preset_names[5];      // impulse, ones, ramp, random, checkerboard
  const char* brush_label;
  const char* edit_help;
  const char* edit_value_title;
  const char* edit_value_empty;
  const char* edit_value_not_number;
  const char* edit_value_range_fmt;  // the limit
  const char* show_overlap;
  const char* overlap_legend;
  const char* hover_output_help;
  const char* explain_check_fmt;    // engine value
  const char* input_reach_fmt;      // channel, y, x, count
  const char* ghost_cell_fmt;       // y, x, mode, source y, source x
  const char* ghost_zero_fmt;       // y, x
  const char* kernel_tap_fmt;       // out, in, ky, kx, value

  // The sum behind a focused output cell (ui/explanation.cpp), term by term
  const char* explain_total_fmt;    // out channel, y, x, sum
  const char* explain_terms_one_fmt;    // products, input channel
  const char* explain_terms_range_fmt;  // products, first and last input channel
  const char* explain_plus_bias_fmt;    // out channel
  const char* explain_col_term;     // column headers: "x·w" indices, x, w, product
  const char* explain_col_x;
  const char* explain_col_w;
  const char* explain_col_product;
  const char* explain_zero_pad;     // stands for x where zero padding supplies the value
  const char* explain_sum_row;
  const char* focus_reads_one_fmt;    // under the input grid: out channel, input channel
  const char* focus_reads_range_fmt;  // out channel, first and last input channel

  // Animation
  const char* play;
  const char* pause;
  const char* step_back;
  const char* step_forward;
  const char* speed;
  const char* position_fmt;         // index, count
  const char* stamp_position_fmt;   // index, count
  const char* stamp_by_stamp;
  const char* stamp_by_stamp_help;
  const char* scatter_title;
  const char* scatter_help;
  const char* as_conv_title;
  const char* as_conv_help;
  const char* spread_title;         // shape
  const char* padded_title;         // shape
  const char* flipped_kernel_title; // shape
  const char* crop_note_fmt;        // rows/cols cropped per side: top, bottom, left, right
  const char* pad_note_fmt;         // top, bottom, left, right
  const char* only_transposed;

  // Shapes
  const char* shapes_heading;
  const char* formula_conv_fmt;     // axis, in, pad, dil, k, stride, out
  const char* formula_same_fmt;     // axis, in
  const char* formula_tconv_fmt;    // axis, in, stride, pad, dil, k, op, out
  const char* round_trip_heading;
  const char* round_trip_help;
  const char* round_trip_axis_fmt;  // axis, conv output size
  const char* round_trip_col_input;
  const char* round_trip_col_output;
  const char* round_trip_col_op;
  const char* round_trip_invalid_op;
  const char* round_trip_try;       // button: load 7×7 / 8×8 example
  const char* round_trip_switch_fmt;// button: switch to the ConvTranspose2d with op
  const char* round_trip_back;      // button: back to the Conv2d
  const char* round_trip_needs_zeros;

  // URL repair notes
  const char* note_bad_value_fmt;   // key, given value, used value
  const char* note_clamped_fmt;     // key, given, min, max, used
  const char* note_fixed_fmt;       // engine message, what was changed
  const char* note_data_length_fmt; // key, given count, expected count
  const char* note_too_long_fmt;    // KB given, KB allowed
  const char* note_unknown_keys_fmt;// count, the first names

  // The language switch in the top bar (each language named in itself)
  const char* lang_en;
  const char* lang_zh;
  const char* lang_switch_help;

  // Loading and errors handled in C++ (the no-WebGL2 message is in the HTML shell)
};

// The table of the language shown; English until set_text_language says otherwise.
const Text& text();
const Text& text_in(Lang lang);
void set_text_language(Lang lang);
Lang text_language();

// Every string of a table, in field order (a missing translation is a null pointer): for the
// tests that check both tables are complete and their formats agree.
std::vector<const char*> text_strings(const Text& table);

}  // namespace convplay::app
