"""Issue 12's audit of the weight-shape rules against PyTorch 1.13: weights of the wrong
rank (0-D to 6-D) and with a zero dimension, biases of the wrong shape, the tuple that a
wrong-rank weight makes PyTorch blame, and inputs that F.pad's reflect / replicate refuse
because a plane is empty. generate.py records what torch says; cases torch answers with
an IndexError or a PyTorch-internal quirk are listed in README (Fuzzing and sanitizers)."""

from golden_cases import CONV, CONVT, case, error

X = [1, 1, 5, 5]


def weight_rank_cases():
    e = []
    for rank, w in [(0, []), (1, [9]), (6, [1, 1, 1, 1, 3, 3])]:
        e.append(error(f"audit_conv2d_weight_rank{rank}", CONV, X, w))
        e.append(error(f"audit_convT_weight_rank{rank}", CONVT, X, w))
    # A 3-D weight: PyTorch blames stride (as given, or as a scalar expands to [s, s]).
    e.append(error("audit_conv2d_weight_rank3_stride2", CONV, X, [2, 1, 3], stride=2))
    e.append(error("audit_conv2d_weight_rank3_stride_tuple3", CONV, X, [2, 1, 3], stride=[1, 1, 1]))
    e.append(error("audit_conv2d_weight_rank3_unbatched", CONV, [1, 5, 5], [2, 1, 3]))
    e.append(error("audit_conv2d_weight_rank3_bad_bias", CONV, X, [2, 1, 3], [5]))
    e.append(error("audit_conv2d_weight_rank3_negative_padding", CONV, X, [2, 1, 3], padding=-1))
    e.append(error("audit_conv2d_weight_rank3_groups0", CONV, X, [2, 1, 3], groups=0))
    e.append(error("audit_conv2d_weight_rank3_same", CONV, X, [2, 1, 3], padding="same"))
    e.append(error("audit_conv2d_weight_rank3_valid", CONV, X, [2, 1, 3], padding="valid"))
    e.append(error("audit_conv2d_weight_rank2_input_rank2", CONV, [5, 5], [2, 1]))
    # A 5-D weight takes 3-tuples: then padding, dilation, output_padding are blamed in turn.
    e.append(error("audit_conv2d_weight_rank5_stride_tuple3", CONV, X, [2, 1, 3, 3, 3], stride=[1, 1, 1]))
    e.append(error("audit_conv2d_weight_rank5_all_tuple3", CONV, X, [2, 1, 3, 3, 3], stride=[1, 1, 1],
                   padding=[0, 0, 0], dilation=[1, 1, 1]))
    e.append(error("audit_conv2d_weight_rank5_same", CONV, X, [2, 1, 3, 3, 3], padding="same"))
    # padding='same' runs convolution_same's checks first: weight rank, tuple lengths, stride.
    e.append(error("audit_conv2d_same_weight_rank3_before_groups", CONV, X, [1, 1, 3], padding="same", groups=0))
    e.append(error("audit_conv2d_same_weight_rank3_before_stride", CONV, X, [1, 1, 3], padding="same", stride=2))
    e.append(error("audit_conv2d_same_stride_tuple3", CONV, X, [1, 1, 3, 3], padding="same", stride=[1, 1, 1],
                   groups=0))
    e.append(error("audit_conv2d_same_dilation_tuple3", CONV, X, [1, 1, 3, 3], padding="same", dilation=[2, 1, 2]))
    e.append(error("audit_conv2d_same_dilation_empty", CONV, X, [1, 1, 3, 3], padding="same", dilation=[]))
    e.append(error("audit_reflect_weight_rank3_pads_first", CONV, [1, 1, 0, 5], [1, 1, 3], padding=1,
                   paddingMode="reflect"))
    e.append(error("audit_convT_weight_rank3", CONVT, X, [1, 2, 3]))
    e.append(error("audit_convT_weight_rank3_stride2_output_padding1", CONVT, X, [1, 2, 3], stride=2,
                   outputPadding=1))
    e.append(error("audit_convT_weight_rank5_stride_tuple3", CONVT, X, [1, 2, 3, 3, 3], stride=[1, 1, 1]))
    e.append(error("audit_convT_weight_rank5_all_tuple3", CONVT, X, [1, 2, 3, 3, 3], stride=[1, 1, 1],
                   padding=[0, 0, 0], dilation=[1, 1, 1], outputPadding=[0, 0, 0]))
    return e


def zero_dimension_cases():
    e = []
    e.append(error("audit_conv2d_weight_zero_out_channels", CONV, X, [0, 1, 3, 3]))
    e.append(error("audit_conv2d_weight_zero_out_channels_groups2", CONV, [1, 2, 5, 5], [0, 1, 3, 3], groups=2))
    e.append(error("audit_conv2d_weight_zero_in_channels", CONV, X, [2, 0, 3, 3]))
    e.append(error("audit_conv2d_weight_zero_kernel", CONV, X, [2, 1, 0, 0]))
    e.append(error("audit_conv2d_weight_zero_kernel_dilated", CONV, X, [2, 1, 0, 0], dilation=2))
    # ConvTranspose2d refuses a weight with no output channels (weight[1] == 0), after
    # the bias, dilation and output_padding checks and before the output size.
    e.append(error("audit_convT_weight_zero_out_channels", CONVT, [1, 5, 1, 1], [5, 0, 5, 5]))
    e.append(error("audit_convT_weight_zero_out_channels_groups2", CONVT, [1, 2, 3, 3], [2, 0, 3, 3], groups=2))
    e.append(error("audit_convT_weight_zero_out_channels_unbatched", CONVT, [1, 3, 3], [1, 0, 3, 3]))
    e.append(error("audit_convT_weight_zero_out_channels_empty_bias", CONVT, [1, 1, 3, 3], [1, 0, 3, 3], [0]))
    e.append(error("order_convT_bias_before_empty_weight", CONVT, [1, 1, 3, 3], [1, 0, 3, 3], [2]))
    e.append(error("order_convT_channels_before_empty_weight", CONVT, [1, 2, 3, 3], [1, 0, 3, 3]))
    e.append(error("order_convT_dilation_before_empty_weight", CONVT, [1, 1, 3, 3], [1, 0, 3, 3], dilation=0))
    e.append(error("order_convT_output_padding_before_empty_weight", CONVT, [1, 1, 3, 3], [1, 0, 3, 3],
                   outputPadding=1))
    e.append(error("order_convT_empty_weight_before_output_size", CONVT, [1, 1, 1, 1], [1, 0, 3, 3], padding=3))
    e.append(error("audit_convT_weight_zero_in_channels", CONVT, [1, 0, 3, 3], [0, 2, 3, 3]))
    e.append(error("audit_convT_weight_zero_kernel", CONVT, [1, 1, 3, 3], [1, 2, 0, 0]))
    # An empty batch with H = 0: the zero-insertion view must not build a negative size.
    e.append(case("audit_convT_empty_batch_zero_height_stride2", CONVT, [0, 1, 0, 3], [1, 2, 3, 3], stride=2))
    return e


def bias_cases():
    e = []
    e.append(error("audit_conv2d_bias_rank0", CONV, X, [2, 1, 3, 3], []))
    e.append(error("audit_conv2d_bias_empty", CONV, X, [2, 1, 3, 3], [0]))
    e.append(error("audit_conv2d_bias_rank2_right_count", CONV, X, [2, 1, 3, 3], [2, 1]))
    e.append(error("audit_convT_bias_rank0", CONVT, X, [1, 2, 3, 3], []))
    e.append(error("audit_convT_bias_rank2", CONVT, X, [1, 2, 3, 3], [2, 1]))
    e.append(error("audit_convT_bias_in_channels", CONVT, X, [1, 2, 3, 3], [1]))
    return e


def empty_plane_padding_mode_cases():
    """F.pad's reflect and replicate refuse a plane with a zero size (a zero batch is fine),
    even with padding 0; circular only checks pad <= size."""
    one = [1, 1, 1, 1]
    # (name, mode, input, weight, padding): each one refused by torch
    refused = [
        ("audit_reflect_height_zero", "reflect", [1, 1, 0, 5], one, 1),
        ("audit_reflect_height_zero_pad0", "reflect", [1, 1, 0, 5], one, 0),
        ("audit_reflect_width_zero_unbatched", "reflect", [1, 3, 0], one, 1),
        ("audit_reflect_channels_zero", "reflect", [1, 0, 3, 3], [2, 0, 3, 3], 1),
        ("audit_replicate_height_zero", "replicate", [8, 4, 0, 8], [4, 4, 4, 3], 2),
        ("audit_replicate_width_zero", "replicate", [1, 1, 3, 0], one, 1),
        ("audit_replicate_channels_zero_unbatched", "replicate", [0, 3, 3], [2, 0, 3, 3], 1),
        ("audit_circular_height_zero", "circular", [1, 1, 0, 5], one, 1),
        ("audit_circular_height_zero_pad0", "circular", [1, 1, 0, 5], one, 0),
    ]
    e = [error(name, CONV, x, w, padding=p, paddingMode=mode) for name, mode, x, w, p in refused]
    e.append(case("audit_reflect_zero_batch", CONV, [0, 1, 3, 3], [2, 1, 3, 3], padding=1, paddingMode="reflect"))
    e.append(case("audit_replicate_zero_batch", CONV, [0, 1, 3, 3], [2, 1, 3, 3], padding=1, paddingMode="replicate"))
    return e


def module_output_size_cases():
    """outputSize means nn.ConvTranspose2d: its constructor checks groups first, and
    forward(output_size) reads the first two values of a tuple as given."""
    e = []
    W = [2, 1, 3, 3]
    e.append(error("audit_outsize_constructor_groups0", CONVT, [1, 2, 3, 3], W, groups=0, outputSize=[5, 5]))
    e.append(error("audit_outsize_constructor_groups_negative_before_input_rank", CONVT, [3, 3], W, groups=-1,
                   outputSize=[5, 5]))
    e.append(error("audit_outsize_constructor_in_channels_divisible", CONVT, [1, 3, 3, 3], [3, 1, 3, 3], groups=2,
                   outputSize=[5, 5]))
    e.append(error("audit_outsize_reads_two_values_of_a_stride_3_tuple", CONVT, [1, 1, 3, 3], [1, 1, 3, 3],
                   stride=[1, 2, 3], outputSize=[5, 5]))
    e.append(error("audit_outsize_reads_two_values_of_a_dilation_3_tuple", CONVT, [1, 1, 3, 3], [1, 1, 3, 3],
                   dilation=[1, 0, 2], outputSize=[5, 5]))
    return e


def audit_cases():
    return (weight_rank_cases() + zero_dimension_cases() + bias_cases() + empty_plane_padding_mode_cases()
            + module_output_size_cases())
