"""Configurations PyTorch rejects (PYTORCH.md §4.4-4.10), and combinations of two faults
that show which check PyTorch makes first (§4.10). generate.py records the exact message,
exception class and the parameter it blames."""

from golden_cases import CONV, CONVT, error

X = [1, 1, 3, 3]  # a small valid input
W = [1, 1, 3, 3]  # and a kernel that fits it


def conv2d_errors():
    e = []
    # rank
    e.append(error("err_conv2d_input_rank2", CONV, [5, 5], W))
    e.append(error("err_conv2d_input_rank1", CONV, [9], W))
    e.append(error("err_conv2d_input_rank5", CONV, [1, 1, 1, 3, 3], W))
    e.append(error("err_conv2d_weight_rank2", CONV, X, [1, 9]))
    e.append(error("err_conv2d_weight_rank3", CONV, X, [1, 3, 3]))
    e.append(error("err_conv2d_weight_rank5", CONV, X, [1, 1, 1, 3, 3]))
    # tuple lengths
    e.append(error("err_conv2d_stride_tuple3", CONV, X, W, stride=[1, 1, 1]))
    e.append(error("err_conv2d_stride_tuple0", CONV, X, W, stride=[]))
    e.append(error("err_conv2d_padding_tuple3", CONV, X, W, padding=[1, 1, 1]))
    e.append(error("err_conv2d_dilation_tuple3", CONV, X, W, dilation=[1, 1, 1]))
    # ranges
    e.append(error("err_conv2d_groups_zero", CONV, X, W, groups=0))
    e.append(error("err_conv2d_groups_negative", CONV, X, W, groups=-2))
    e.append(error("err_conv2d_padding_negative", CONV, X, W, padding=-1))
    e.append(error("err_conv2d_padding_negative_w", CONV, [1, 1, 5, 5], W, padding=[1, -1]))
    e.append(error("err_conv2d_stride_zero", CONV, X, W, stride=0))
    e.append(error("err_conv2d_stride_negative_w", CONV, X, W, stride=[1, -1]))
    e.append(error("err_conv2d_dilation_zero", CONV, X, W, dilation=0))
    e.append(error("err_conv2d_dilation_zero_w", CONV, X, W, dilation=[1, 0]))
    e.append(error("err_conv2d_dilation_negative", CONV, [1, 1, 5, 5], W, dilation=-1))
    e.append(error("err_conv2d_kernel_zero_height", CONV, X, [1, 1, 0, 3]))
    e.append(error("err_conv2d_kernel_zero_width", CONV, [1, 1, 5, 5], [2, 1, 3, 0]))
    # groups, channels, bias
    e.append(error("err_conv2d_weight_fewer_than_groups", CONV, [1, 4, 5, 5], [2, 1, 3, 3], groups=3))
    e.append(error("err_conv2d_weight_not_divisible_by_groups", CONV, [1, 4, 5, 5], [3, 2, 3, 3], groups=2))
    e.append(error("err_conv2d_channel_mismatch", CONV, [1, 2, 3, 3], W))
    e.append(error("err_conv2d_channel_mismatch_groups2", CONV, [1, 4, 5, 5], [4, 1, 3, 3], groups=2))
    e.append(error("err_conv2d_channel_mismatch_unbatched", CONV, [4, 5, 5], [4, 1, 3, 3], groups=2))
    e.append(error("err_conv2d_bias_size", CONV, [1, 1, 5, 5], [2, 1, 3, 3], [3]))
    e.append(error("err_conv2d_bias_rank2", CONV, X, [2, 1, 3, 3], [1, 2]))
    # sizes
    e.append(error("err_conv2d_kernel_too_large_dilated", CONV, [1, 1, 5, 5], W, dilation=3))
    e.append(error("err_conv2d_kernel_too_large_dilated_w", CONV, [1, 1, 5, 5], W, dilation=[1, 3]))
    e.append(error("err_conv2d_kernel_too_large_rect", CONV, [1, 1, 3, 6], [1, 1, 4, 1]))
    e.append(error("err_conv2d_kernel_too_large_padded", CONV, [1, 1, 2, 2], [1, 1, 5, 5], padding=1))
    e.append(error("err_conv2d_input_height_zero", CONV, [1, 1, 0, 5], W))
    e.append(error("err_conv2d_valid_is_padding_0", CONV, [1, 1, 2, 2], W, padding="valid"))
    # padding strings and modes
    e.append(error("err_conv2d_padding_string_full", CONV, X, W, padding="full"))
    e.append(error("err_conv2d_padding_string_case", CONV, X, W, padding="SAME"))
    e.append(error("err_conv2d_padding_string_empty", CONV, X, W, padding=""))
    e.append(error("err_conv2d_same_with_stride", CONV, X, W, padding="same", stride=2))
    e.append(error("err_conv2d_same_with_stride_w", CONV, X, W, padding="same", stride=[1, 2]))
    e.append(error("err_conv2d_padding_mode_unknown", CONV, X, W, padding=1, paddingMode="foo"))
    e.append(error("err_conv2d_padding_mode_case", CONV, X, W, padding=1, paddingMode="Reflect"))
    e.append(error("err_reflect_pad_equals_width", CONV, X, W, padding=3, paddingMode="reflect"))
    e.append(error("err_reflect_pad_equals_height", CONV, X, W, padding=[3, 0], paddingMode="reflect"))
    e.append(error("err_reflect_pad_rect_w", CONV, [1, 1, 2, 4], [1, 1, 1, 1], padding=[1, 4],
                   paddingMode="reflect"))
    e.append(error("err_reflect_1x1_pad1", CONV, [1, 1, 1, 1], W, padding=1, paddingMode="reflect"))
    e.append(error("err_reflect_unbatched_pad_too_large", CONV, [1, 3, 3], W, padding=3, paddingMode="reflect"))
    e.append(error("err_reflect_unbatched_pad_too_large_h", CONV, [1, 2, 3], W, padding=[2, 1],
                   paddingMode="reflect"))
    e.append(error("err_reflect_same_kernel_larger_than_input", CONV, [1, 1, 2, 2], [1, 1, 5, 5],
                   padding="same", paddingMode="reflect"))
    e.append(error("err_circular_pad_more_than_size", CONV, X, W, padding=4, paddingMode="circular"))
    e.append(error("err_circular_pad_more_than_height", CONV, X, W, padding=[4, 0], paddingMode="circular"))
    e.append(error("err_circular_unbatched_pad_more_than_size", CONV, [1, 2, 2], W, padding=3,
                   paddingMode="circular"))
    e.append(error("err_replicate_kernel_too_large", CONV, [1, 1, 1, 1], [1, 1, 5, 5], padding=1,
                   paddingMode="replicate"))
    return e


def conv2d_check_order():
    """Two faults at once: the message says which check PyTorch runs first."""
    e = []
    e.append(error("order_conv2d_input_rank_before_groups", CONV, [3, 3], W, groups=0))
    e.append(error("order_conv2d_input_rank_before_stride_tuple", CONV, [3, 3], W, stride=[1, 1, 1]))
    e.append(error("order_conv2d_stride_tuple_before_padding_tuple", CONV, X, W, stride=[1, 1, 1],
                   padding=[1, 1, 1]))
    e.append(error("order_conv2d_groups_before_negative_padding", CONV, X, W, groups=0, padding=-1))
    e.append(error("order_conv2d_negative_padding_before_stride", CONV, X, W, padding=-1, stride=0))
    e.append(error("order_conv2d_stride_before_channels", CONV, [1, 2, 3, 3], W, stride=0))
    e.append(error("order_conv2d_weight_groups_before_channels", CONV, [1, 5, 5, 5], [2, 1, 3, 3], groups=3))
    e.append(error("order_conv2d_channels_before_bias", CONV, [1, 2, 3, 3], W, [4]))
    e.append(error("order_conv2d_channels_before_kernel_size", CONV, [1, 2, 2, 2], W))
    e.append(error("order_conv2d_bias_before_kernel_size", CONV, [1, 1, 2, 2], W, [2]))
    e.append(error("order_conv2d_channels_before_dilation", CONV, [1, 2, 3, 3], W, dilation=0))
    e.append(error("order_conv2d_dilation0_shrinks_kernel_then_dilation_error", CONV, [1, 1, 2, 2], W, dilation=0))
    e.append(error("order_conv2d_kernel_size_before_dilation", CONV, [1, 1, 2, 2], W, dilation=[0, 1]))
    e.append(error("order_conv2d_channels_before_kernel_zero", CONV, [1, 2, 3, 3], [1, 1, 0, 3]))
    e.append(error("order_conv2d_same_stride_before_groups", CONV, X, W, padding="same", stride=2, groups=0))
    e.append(error("order_conv2d_groups_before_same_channels", CONV, [1, 2, 3, 3], W, padding="same", groups=0))
    e.append(error("order_conv2d_padding_string_before_stride", CONV, X, W, padding="full", stride=0))
    # nn.Conv2d with a padding_mode: constructor checks, then F.pad, then F.conv2d on the
    # padded input with padding 0.
    e.append(error("order_reflect_groups_checked_by_constructor", CONV, X, W, groups=0, padding=1,
                   paddingMode="reflect"))
    e.append(error("order_reflect_same_stride_checked_by_constructor", CONV, X, W, padding="same", stride=2,
                   paddingMode="reflect"))
    e.append(error("order_reflect_out_channels_checked_by_constructor", CONV, [1, 4, 5, 5], [3, 2, 3, 3],
                   groups=2, padding=1, paddingMode="reflect"))
    e.append(error("order_reflect_pad_before_channels", CONV, [1, 2, 3, 3], W, padding=3, paddingMode="reflect"))
    e.append(error("order_reflect_channels_message_shows_padded_input", CONV, [1, 2, 3, 3], W, padding=1,
                   paddingMode="reflect"))
    e.append(error("order_circular_pad_before_kernel_size", CONV, [1, 1, 1, 1], [1, 1, 5, 5], padding=2,
                   paddingMode="circular"))
    return e


def convT_errors():
    e = []
    e.append(error("err_convT_input_rank2", CONVT, [3, 3], W))
    e.append(error("err_convT_input_rank5", CONVT, [1, 1, 1, 3, 3], W))
    e.append(error("err_convT_weight_rank2", CONVT, X, [1, 9]))
    e.append(error("err_convT_weight_rank5", CONVT, X, [1, 1, 1, 3, 3]))
    e.append(error("err_convT_stride_tuple3", CONVT, X, W, stride=[1, 1, 1]))
    e.append(error("err_convT_padding_tuple3", CONVT, X, W, padding=[1, 1, 1]))
    e.append(error("err_convT_output_padding_tuple3", CONVT, X, W, outputPadding=[1, 1, 1]))
    e.append(error("err_convT_dilation_tuple3", CONVT, X, W, dilation=[1, 1, 1]))
    e.append(error("err_convT_groups_zero", CONVT, X, W, groups=0))
    e.append(error("err_convT_padding_negative", CONVT, X, W, padding=-1))
    e.append(error("err_convT_output_padding_negative", CONVT, X, W, outputPadding=-1))
    e.append(error("err_convT_output_padding_negative_w", CONVT, X, W, stride=2, outputPadding=[1, -1]))
    e.append(error("err_convT_stride_zero", CONVT, X, W, stride=0))
    e.append(error("err_convT_weight_fewer_than_groups", CONVT, [1, 4, 5, 5], [2, 2, 3, 3], groups=3))
    e.append(error("err_convT_weight_not_divisible_by_groups", CONVT, [1, 4, 5, 5], [3, 2, 3, 3], groups=2))
    e.append(error("err_convT_channel_mismatch", CONVT, [1, 4, 5, 5], [3, 2, 3, 3]))
    e.append(error("err_convT_channel_mismatch_groups2", CONVT, [1, 2, 3, 3], [4, 1, 3, 3], groups=2))
    e.append(error("err_convT_channel_mismatch_unbatched", CONVT, [2, 3, 3], W))
    e.append(error("err_convT_bias_size", CONVT, [1, 1, 5, 5], [1, 2, 3, 3], [3]))
    e.append(error("err_convT_bias_size_groups", CONVT, [1, 2, 3, 3], [2, 2, 3, 3], [2], groups=2))
    e.append(error("err_convT_kernel_zero_height", CONVT, X, [1, 1, 0, 3]))
    e.append(error("err_convT_kernel_zero_width", CONVT, X, [1, 1, 3, 0]))
    e.append(error("err_convT_dilation_zero", CONVT, X, W, dilation=0))
    e.append(error("err_convT_dilation_zero_w", CONVT, X, W, dilation=[1, 0]))
    e.append(error("err_convT_output_padding_equals_stride", CONVT, X, W, outputPadding=1))
    e.append(error("err_convT_output_padding_equals_stride_2", CONVT, X, W, stride=2, outputPadding=2))
    e.append(error("err_convT_output_padding_one_axis", CONVT, X, W, stride=[2, 1], outputPadding=[0, 1]))
    e.append(error("err_convT_output_padding_not_below_dilation", CONVT, X, W, dilation=2, outputPadding=2))
    e.append(error("err_convT_output_too_small_zero", CONVT, [1, 1, 2, 2], W, padding=2))
    e.append(error("err_convT_output_too_small_negative", CONVT, X, W, padding=3))
    e.append(error("err_convT_output_too_small_rect", CONVT, X, W, padding=[1, 5]))
    e.append(error("err_convT_input_height_zero", CONVT, [1, 1, 0, 3], W))
    e.append(error("err_convT_input_width_zero_unbatched", CONVT, [1, 3, 0], W))
    e.append(error("err_convT_padding_mode_reflect", CONVT, X, W, paddingMode="reflect"))
    e.append(error("err_convT_padding_mode_circular_with_output_size", CONVT, X, W, stride=2,
                   outputSize=[8, 8], paddingMode="circular"))
    # output_size (module only)
    e.append(error("err_outsize_3_elements_for_4d", CONVT, X, W, stride=2, outputSize=[1, 8, 8]))
    e.append(error("err_outsize_1_element", CONVT, X, W, stride=2, outputSize=[8]))
    e.append(error("err_outsize_empty", CONVT, X, W, stride=2, outputSize=[]))
    e.append(error("err_outsize_4_elements_for_3d", CONVT, [1, 3, 3], W, stride=2, outputSize=[1, 1, 8, 8]))
    e.append(error("err_outsize_above_range", CONVT, X, W, stride=2, padding=1, outputSize=[7, 7]))
    e.append(error("err_outsize_below_range", CONVT, X, W, stride=2, outputSize=[6, 7]))
    e.append(error("err_outsize_one_axis_out_of_range", CONVT, [1, 1, 3, 4], W, stride=2, outputSize=[7, 11]))
    e.append(error("err_outsize_unbatched_message_slices_w_only", CONVT, [1, 3, 3], W, stride=2, padding=1,
                   outputSize=[9, 9]))
    e.append(error("err_outsize_4_element_form_out_of_range", CONVT, X, W, stride=2, outputSize=[1, 1, 9, 9]))
    e.append(error("err_outsize_dilation_cannot_reach", CONVT, X, W, dilation=2, outputSize=[8, 8]))
    return e


def convT_check_order():
    e = []
    e.append(error("order_convT_input_rank_before_groups", CONVT, [3, 3], W, groups=0))
    e.append(error("order_convT_stride_tuple_before_output_padding_tuple", CONVT, X, W, stride=[1, 1, 1],
                   outputPadding=[1, 1, 1]))
    e.append(error("order_convT_groups_before_negative_padding", CONVT, X, W, groups=0, padding=-1))
    e.append(error("order_convT_negative_padding_before_output_padding", CONVT, X, W, padding=-1,
                   outputPadding=-1))
    e.append(error("order_convT_negative_output_padding_before_stride", CONVT, X, W, outputPadding=-1, stride=0))
    e.append(error("order_convT_stride_before_channels", CONVT, [1, 2, 3, 3], W, stride=0))
    e.append(error("order_convT_channels_before_kernel_zero", CONVT, [1, 2, 3, 3], [1, 1, 0, 3]))
    e.append(error("order_convT_channels_before_input_size_zero", CONVT, [1, 2, 0, 3], W))
    e.append(error("order_convT_kernel_zero_before_dilation", CONVT, X, [1, 1, 0, 3], dilation=0))
    e.append(error("order_convT_dilation_before_output_padding", CONVT, X, W, dilation=0, outputPadding=3))
    e.append(error("order_convT_output_padding_before_output_size", CONVT, X, W, padding=9, outputPadding=3))
    e.append(error("order_convT_bias_before_output_padding", CONVT, X, W, [2], outputPadding=1))
    e.append(error("order_convT_input_size_zero_before_output_padding", CONVT, [1, 1, 0, 3], W, outputPadding=2))
    e.append(error("order_outsize_before_channels", CONVT, [1, 2, 3, 3], W, stride=2, outputSize=[9, 9]))
    return e


def error_cases():
    from golden_audit_cases import audit_cases  # noqa: E402 (issue 12's audit, its own file)
    return conv2d_errors() + conv2d_check_order() + convT_errors() + convT_check_order() + audit_cases()
