"""The configurations tests/golden/generate.py asks PyTorch about: hand-picked cases
(the tutorial's worked examples, edge cases, every rejection) and seeded random sweeps.

A case is a dict: name, op, input / weight / bias shapes (bias None = no bias), options
with the JS API keys of CONTRACT.md §3 (keys at their default are left out), fill
('random', 'ones' or 'ramp') and expect ('valid' or 'error', checked against torch).
"""


def case(name, op, x, w, bias=None, fill="random", expect="valid", **options):
    return {"name": name, "op": op, "input": list(x), "weight": list(w),
            "bias": None if bias is None else list(bias), "options": options, "fill": fill,
            "expect": expect}


def error(name, op, x, w, bias=None, **options):
    return case(name, op, x, w, bias, fill="ones", expect="error", **options)


def tag(value):
    """3 -> '3', [2, 3] -> '2x3' (for names)."""
    return "x".join(str(v) for v in value) if isinstance(value, list) else str(value)


CONV, CONVT = "conv2d", "conv_transpose2d"


# ---------------------------------------------------------------------------- tutorial

def tutorial_cases():
    """Inputs 2x2 and 3x3, k=3, stride 1/2, padding 0/1 (PYTORCH.md §4.2), both ops."""
    out = []
    for op in (CONV, CONVT):
        for i in (2, 3):
            for s in (1, 2):
                for p in (0, 1):
                    base = f"tutorial_{op}_i{i}_k3_s{s}_p{p}"
                    opts = {}
                    put(opts, "stride", None if s == 1 else s)
                    put(opts, "padding", None if p == 0 else p)
                    if op == CONV and i + 2 * p < 3:  # 2x2 with k=3, p=0: kernel too large
                        out.append(error(base + "_kernel_too_large", op, [1, 1, i, i], [1, 1, 3, 3], **opts))
                        continue
                    for fill in ("ones", "random"):
                        out.append(case(f"{base}_{fill}", op, [1, 1, i, i], [1, 1, 3, 3], fill=fill, **opts))
    return out


def round_trip_cases():
    """The output_padding ambiguity: Conv2d(k3, s2) sends 7x7 and 8x8 to 3x3, and back."""
    out = []
    for fill in ("ones", "random"):
        for i in (7, 8):
            out.append(case(f"roundtrip_conv2d_i{i}_k3_s2_to3_{fill}", CONV, [1, 1, i, i], [1, 1, 3, 3],
                            fill=fill, stride=2))
        for op_pad, size in ((0, 7), (1, 8)):
            opts = {"stride": 2}
            if op_pad:
                opts["outputPadding"] = op_pad
            out.append(case(f"roundtrip_convT_i3_k3_s2_op{op_pad}_to{size}_{fill}", CONVT, [1, 1, 3, 3],
                            [1, 1, 3, 3], fill=fill, **opts))
            out.append(case(f"roundtrip_convT_i3_k3_s2_outsize{size}_{fill}", CONVT, [1, 1, 3, 3],
                            [1, 1, 3, 3], fill=fill, stride=2, outputSize=[size, size]))
        # With p=1: 3 -> 2 and 4 -> 2; back with op 0 / 1.
        for i in (3, 4):
            out.append(case(f"roundtrip_conv2d_i{i}_k3_s2_p1_to2_{fill}", CONV, [1, 1, i, i], [1, 1, 3, 3],
                            fill=fill, stride=2, padding=1))
        out.append(case(f"roundtrip_convT_i2_k3_s2_p1_op0_to3_{fill}", CONVT, [1, 1, 2, 2], [1, 1, 3, 3],
                        fill=fill, stride=2, padding=1))
        out.append(case(f"roundtrip_convT_i2_k3_s2_p1_op1_to4_{fill}", CONVT, [1, 1, 2, 2], [1, 1, 3, 3],
                        fill=fill, stride=2, padding=1, outputPadding=1))
        out.append(case(f"dcgan_convT_i2_k4_s2_p1_to4_{fill}", CONVT, [1, 1, 2, 2], [1, 1, 4, 4],
                        fill=fill, stride=2, padding=1))
    out.append(case("dcgan_convT_n2_c3to2_i4_k4_s2_p1_bias", CONVT, [2, 3, 4, 4], [3, 2, 4, 4], [2],
                    stride=2, padding=1))
    # PYTORCH.md §4.4: with p=1, op=1 the extra row holds real values [1,2,1,2,1,1]; with
    # p=0 it only sees inserted zeros, so it holds the bias alone.
    out.append(case("convT_ones_k3_s2_p1_op1_extra_row_is_real", CONVT, [1, 1, 3, 3], [1, 1, 3, 3],
                    fill="ones", stride=2, padding=1, outputPadding=1))
    out.append(case("convT_k3_s2_p0_op1_extra_row_is_bias_only", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], [1],
                    stride=2, outputPadding=1))
    return out


# ---------------------------------------------------------------------------- conv2d edges

def conv2d_edge_cases():
    c = []
    c.append(case("conv2d_kernel_equals_padded_input", CONV, [1, 1, 3, 3], [1, 1, 5, 5], padding=1))
    c.append(case("conv2d_kernel_equals_input", CONV, [1, 2, 4, 4], [3, 2, 4, 4], [3]))
    c.append(case("conv2d_kernel_equals_input_rect", CONV, [1, 1, 2, 5], [1, 1, 2, 5], fill="ones"))
    c.append(case("conv2d_dilated_kernel_equals_input", CONV, [1, 1, 7, 7], [1, 1, 3, 3], dilation=3))
    c.append(case("conv2d_1x1_kernel", CONV, [1, 3, 4, 5], [2, 3, 1, 1], [2]))
    c.append(case("conv2d_1x1_kernel_stride2", CONV, [2, 2, 5, 5], [3, 2, 1, 1], stride=2))
    c.append(case("conv2d_1x1_kernel_unbatched_ramp", CONV, [2, 3, 3], [1, 2, 1, 1], fill="ramp"))
    c.append(case("conv2d_kernel_1x3", CONV, [1, 1, 4, 6], [2, 1, 1, 3]))
    c.append(case("conv2d_kernel_3x1", CONV, [1, 1, 6, 4], [2, 1, 3, 1], [2]))
    c.append(case("conv2d_rect_input_2x7", CONV, [1, 1, 2, 7], [1, 1, 2, 2], fill="ramp"))
    c.append(case("conv2d_rect_everything", CONV, [1, 2, 6, 9], [2, 2, 2, 3], [2], stride=[1, 2],
                  padding=[2, 1], dilation=[2, 1]))
    c.append(case("conv2d_ramp_k2_s1", CONV, [1, 1, 4, 4], [1, 1, 2, 2], fill="ramp"))
    c.append(case("conv2d_ramp_k3_s2_p1", CONV, [1, 1, 5, 5], [1, 1, 3, 3], fill="ramp", stride=2, padding=1))
    c.append(case("conv2d_ones_k3_p1_counts_taps", CONV, [1, 1, 4, 4], [1, 1, 3, 3], fill="ones", padding=1))
    c.append(case("conv2d_dilation2_5x5_k3", CONV, [1, 1, 5, 5], [1, 1, 3, 3], dilation=2))
    c.append(case("conv2d_dilation_rect_1x3", CONV, [1, 1, 4, 7], [1, 1, 2, 3], dilation=[1, 3]))
    c.append(case("conv2d_dilation2_ramp", CONV, [1, 1, 5, 5], [1, 1, 2, 2], fill="ramp", dilation=2))
    c.append(case("conv2d_groups2", CONV, [1, 4, 4, 4], [4, 2, 3, 3], [4], groups=2))
    c.append(case("conv2d_groups2_out6", CONV, [1, 4, 4, 4], [6, 2, 2, 2], groups=2))
    c.append(case("conv2d_groups3_multiplier2", CONV, [1, 3, 5, 5], [6, 1, 3, 3], [6], groups=3))
    c.append(case("conv2d_depthwise_c4", CONV, [2, 4, 4, 4], [4, 1, 3, 3], [4], groups=4, padding=1))
    c.append(case("conv2d_depthwise_ones", CONV, [1, 2, 3, 3], [2, 1, 3, 3], fill="ones", groups=2, padding=1))
    c.append(case("conv2d_depthwise_stride2_dilation2", CONV, [1, 3, 7, 7], [3, 1, 3, 3], groups=3,
                  stride=2, dilation=2, padding=2))
    c.append(case("conv2d_groups_equal_channels_1x1", CONV, [1, 4, 3, 3], [4, 1, 1, 1], groups=4))
    c.append(case("conv2d_batch0", CONV, [0, 1, 5, 5], [2, 1, 3, 3]))
    c.append(case("conv2d_batch0_bias_groups", CONV, [0, 4, 3, 3], [2, 2, 3, 3], [2], groups=2, padding=1))
    c.append(case("conv2d_unbatched", CONV, [1, 5, 5], [2, 1, 3, 3]))
    c.append(case("conv2d_unbatched_bias_stride", CONV, [3, 5, 6], [2, 3, 2, 2], [2], stride=2))
    c.append(case("conv2d_batch3", CONV, [3, 2, 4, 4], [2, 2, 3, 3], [2], padding=1))
    c.append(case("conv2d_padding_wider_than_kernel_bias", CONV, [1, 1, 2, 2], [1, 1, 1, 1], [1], padding=3))
    c.append(case("conv2d_stride_larger_than_kernel", CONV, [1, 1, 7, 7], [1, 1, 2, 2], fill="ramp", stride=3))
    c.append(case("conv2d_stride_larger_than_input", CONV, [1, 1, 3, 3], [1, 1, 1, 1], stride=5))
    c.append(case("conv2d_stride_pair_int_padding", CONV, [1, 1, 6, 6], [1, 1, 3, 3], stride=[2, 1], padding=1))
    c.append(case("conv2d_padding_pair", CONV, [1, 1, 4, 4], [1, 1, 3, 3], fill="ones", padding=[0, 2]))
    c.append(case("conv2d_1x1_input_1x1_kernel", CONV, [1, 1, 1, 1], [1, 1, 1, 1], [1]))
    c.append(case("conv2d_1x1_input_k3_p1", CONV, [1, 1, 1, 1], [1, 1, 3, 3], padding=1))
    c.append(case("conv2d_all_options_at_once", CONV, [2, 4, 7, 8], [4, 2, 3, 2], [4], stride=[2, 3],
                  padding=[1, 2], dilation=[2, 1], groups=2))
    return c


# ---------------------------------------------------------------------------- conv_transpose2d edges

def convT_edge_cases():
    c = []
    c.append(case("convT_negative_effective_padding_crop", CONVT, [1, 1, 5, 5], [1, 1, 3, 3], padding=3))
    c.append(case("convT_negative_effective_padding_stride2", CONVT, [1, 1, 4, 4], [1, 1, 3, 3],
                  stride=2, padding=3))
    c.append(case("convT_negative_effective_padding_rect", CONVT, [1, 2, 4, 5], [2, 1, 2, 3], [1],
                  stride=[2, 1], padding=[2, 3]))
    c.append(case("convT_output_padding_below_dilation_above_stride", CONVT, [1, 1, 3, 3], [1, 1, 3, 3],
                  dilation=2, outputPadding=1))
    c.append(case("convT_output_padding_below_dilation_ones", CONVT, [1, 1, 2, 2], [1, 1, 2, 2],
                  fill="ones", dilation=3, outputPadding=2))
    c.append(case("convT_output_padding_rect", CONVT, [1, 1, 3, 2], [1, 1, 3, 3], stride=[2, 3],
                  outputPadding=[1, 2]))
    c.append(case("convT_output_padding_with_padding_ones", CONVT, [1, 1, 2, 3], [1, 1, 3, 3], fill="ones",
                  stride=3, padding=1, outputPadding=2))
    c.append(case("convT_dilation2", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], [1], dilation=2))
    c.append(case("convT_dilation_rect", CONVT, [1, 2, 2, 3], [2, 1, 2, 3], dilation=[3, 1], padding=[1, 0]))
    c.append(case("convT_groups2", CONVT, [1, 4, 3, 3], [4, 3, 3, 3], [6], groups=2))
    c.append(case("convT_groups3_stride2", CONVT, [1, 3, 2, 3], [3, 2, 2, 2], groups=3, stride=2))
    c.append(case("convT_depthwise", CONVT, [1, 3, 3, 3], [3, 1, 3, 3], [3], groups=3, padding=1))
    c.append(case("convT_depthwise_ones_stride2", CONVT, [1, 2, 2, 2], [2, 1, 3, 3], fill="ones", groups=2,
                  stride=2))
    c.append(case("convT_1x1_kernel_stride2_gaps", CONVT, [1, 1, 3, 3], [1, 1, 1, 1], fill="ramp", stride=2))
    c.append(case("convT_1x1_kernel_stride2_op1", CONVT, [1, 1, 2, 2], [1, 1, 1, 1], [1], stride=2,
                  outputPadding=1))
    c.append(case("convT_1x1_kernel_stride1", CONVT, [2, 3, 3, 3], [3, 2, 1, 1], [2]))
    c.append(case("convT_stride_larger_than_kernel", CONVT, [1, 1, 3, 3], [1, 1, 2, 2], fill="ones", stride=3))
    c.append(case("convT_stride_rect_kernel_rect", CONVT, [1, 1, 3, 4], [1, 2, 3, 2], stride=[3, 2]))
    c.append(case("convT_1x1_input", CONVT, [1, 1, 1, 1], [1, 1, 3, 3], [1]))
    c.append(case("convT_1x1_input_p1_to1", CONVT, [1, 1, 1, 1], [1, 1, 3, 3], padding=1))
    c.append(case("convT_output_exactly_1", CONVT, [1, 1, 2, 2], [1, 1, 2, 2], fill="ones", padding=1))
    c.append(case("convT_unbatched", CONVT, [1, 5, 5], [1, 2, 3, 3]))
    c.append(case("convT_unbatched_groups_bias", CONVT, [4, 2, 2], [4, 1, 3, 3], [2], groups=2, stride=2))
    c.append(case("convT_batch0", CONVT, [0, 1, 2, 3], [1, 1, 3, 3]))
    c.append(case("convT_batch0_bias_stride", CONVT, [0, 2, 3, 3], [2, 3, 2, 2], [3], stride=2))
    c.append(case("convT_batch3_bias", CONVT, [3, 2, 2, 2], [2, 2, 3, 3], [2], stride=2, padding=1))
    c.append(case("convT_ramp_k2_s2", CONVT, [1, 1, 2, 2], [1, 1, 2, 2], fill="ramp", stride=2))
    c.append(case("convT_ramp_k3_s1_overlaps", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], fill="ramp"))
    c.append(case("convT_padding_mode_zeros_spelled_out", CONVT, [1, 2, 3, 3], [2, 1, 3, 3], [1], stride=2,
                  padding=1, paddingMode="zeros"))
    c.append(case("conv2d_padding_mode_zeros_spelled_out", CONV, [1, 2, 3, 3], [1, 2, 3, 3], [1], padding=1,
                  paddingMode="zeros"))
    c.append(case("convT_all_options_at_once", CONVT, [2, 4, 3, 4], [4, 2, 3, 2], [4], stride=[2, 3],
                  padding=[1, 2], dilation=[2, 1], groups=2, outputPadding=[1, 2]))
    return c


# ---------------------------------------------------------------------------- padding modes

def padding_mode_cases():
    c = []
    for mode in ("reflect", "replicate", "circular"):
        m = mode
        c.append(case(f"{m}_k3_p1_ramp", CONV, [1, 1, 4, 4], [1, 1, 3, 3], fill="ramp", padding=1, paddingMode=m))
        c.append(case(f"{m}_k3_p1_random", CONV, [1, 1, 4, 4], [1, 1, 3, 3], padding=1, paddingMode=m))
        c.append(case(f"{m}_pad_rect", CONV, [1, 1, 4, 5], [1, 1, 2, 3], padding=[1, 2], paddingMode=m))
        c.append(case(f"{m}_batched_channels_bias", CONV, [2, 2, 4, 4], [3, 2, 3, 3], [3], padding=1,
                      paddingMode=m))
        c.append(case(f"{m}_unbatched", CONV, [2, 3, 4], [2, 2, 3, 3], [2], padding=1, paddingMode=m))
        c.append(case(f"{m}_stride2_dilation2_groups2", CONV, [1, 2, 5, 5], [4, 1, 3, 3], [4], stride=2,
                      dilation=2, groups=2, padding=2, paddingMode=m))
        c.append(case(f"{m}_same_k4", CONV, [1, 1, 5, 5], [1, 1, 4, 4], padding="same", paddingMode=m))
        c.append(case(f"{m}_same_k2x5_d3x1", CONV, [1, 1, 5, 6], [1, 1, 2, 5], padding="same",
                      dilation=[3, 1], paddingMode=m))
        c.append(case(f"{m}_same_ramp_k2", CONV, [1, 1, 3, 3], [1, 1, 2, 2], fill="ramp", padding="same",
                      paddingMode=m))
        c.append(case(f"{m}_valid", CONV, [1, 1, 4, 4], [1, 1, 3, 3], padding="valid", paddingMode=m))
        c.append(case(f"{m}_zero_padding", CONV, [1, 1, 4, 4], [1, 1, 3, 3], [1], paddingMode=m))
        c.append(case(f"{m}_batch0", CONV, [0, 1, 3, 3], [1, 1, 3, 3], padding=1, paddingMode=m))
        c.append(case(f"{m}_kernel_equals_padded_input", CONV, [1, 1, 3, 3], [1, 1, 5, 5], padding=1,
                      paddingMode=m))
    # The limits: reflect needs pad < size, circular pad <= size, replicate has none.
    c.append(case("reflect_pad_equals_size_minus_1", CONV, [1, 1, 3, 3], [1, 1, 3, 3], fill="ramp",
                  padding=2, paddingMode="reflect"))
    c.append(case("reflect_pad_limit_rect", CONV, [1, 1, 2, 4], [1, 1, 2, 2], padding=[1, 3],
                  paddingMode="reflect"))
    c.append(case("reflect_pad_limit_unbatched", CONV, [1, 3, 2], [1, 1, 3, 3], padding=[2, 1],
                  paddingMode="reflect"))
    c.append(case("circular_pad_equals_size", CONV, [1, 1, 3, 3], [1, 1, 3, 3], fill="ramp", padding=3,
                  paddingMode="circular"))
    c.append(case("circular_pad_equals_size_2x2", CONV, [1, 1, 2, 2], [1, 1, 1, 1], fill="ramp", padding=2,
                  paddingMode="circular"))
    c.append(case("circular_pad_limit_rect", CONV, [1, 1, 2, 3], [1, 1, 2, 2], padding=[2, 3],
                  paddingMode="circular"))
    c.append(case("circular_unbatched_as_batch_of_one", CONV, [1, 3, 3], [2, 1, 3, 3], [2], padding=1,
                  paddingMode="circular"))
    c.append(case("circular_unbatched_pad_limit", CONV, [2, 2, 3], [1, 2, 2, 2], padding=[2, 3],
                  paddingMode="circular"))
    c.append(case("replicate_1x1_pad2", CONV, [1, 1, 1, 1], [1, 1, 3, 3], padding=2, paddingMode="replicate"))
    c.append(case("replicate_3x3_pad5", CONV, [1, 1, 3, 3], [1, 1, 3, 3], fill="ramp", padding=5,
                  paddingMode="replicate"))
    c.append(case("replicate_pad_rect_large", CONV, [1, 1, 2, 2], [1, 1, 2, 2], padding=[4, 1],
                  paddingMode="replicate"))
    return c


def same_valid_cases():
    c = []
    c.append(case("same_k3", CONV, [1, 1, 4, 4], [1, 1, 3, 3], padding="same"))
    c.append(case("same_k4_extra_bottom_right_ones", CONV, [1, 1, 5, 5], [1, 1, 4, 4], fill="ones", padding="same"))
    c.append(case("same_k4_ramp", CONV, [1, 1, 4, 4], [1, 1, 4, 4], fill="ramp", padding="same"))
    c.append(case("same_k2", CONV, [1, 1, 3, 3], [1, 1, 2, 2], fill="ramp", padding="same"))
    c.append(case("same_k2x5", CONV, [1, 1, 4, 6], [1, 1, 2, 5], padding="same"))
    c.append(case("same_k5_larger_than_input", CONV, [1, 1, 2, 2], [1, 1, 5, 5], padding="same"))
    c.append(case("same_k3_dilation2", CONV, [1, 1, 5, 5], [1, 1, 3, 3], padding="same", dilation=2))
    c.append(case("same_k2_dilation3_odd_total", CONV, [1, 1, 5, 5], [1, 1, 2, 2], padding="same", dilation=3))
    c.append(case("same_k4_dilation2_even_total", CONV, [1, 1, 6, 6], [1, 1, 4, 4], padding="same", dilation=2))
    c.append(case("same_k2x3_dilation3x2", CONV, [1, 1, 5, 5], [1, 1, 2, 3], padding="same", dilation=[3, 2]))
    c.append(case("same_groups_bias_batched", CONV, [2, 4, 3, 4], [4, 2, 2, 3], [4], padding="same", groups=2))
    c.append(case("same_unbatched", CONV, [2, 3, 3], [1, 2, 4, 2], padding="same"))
    c.append(case("same_1x1_kernel", CONV, [1, 2, 3, 3], [2, 2, 1, 1], padding="same"))
    c.append(case("same_stride_one_spelled_out", CONV, [1, 1, 4, 4], [1, 1, 3, 2], padding="same", stride=[1, 1]))
    c.append(case("same_batch0", CONV, [0, 1, 3, 3], [1, 1, 2, 2], padding="same"))
    c.append(case("valid_k3", CONV, [1, 1, 5, 5], [1, 1, 3, 3], padding="valid"))
    c.append(case("valid_rect_stride", CONV, [1, 2, 5, 7], [1, 2, 2, 3], [1], padding="valid", stride=[1, 2]))
    c.append(case("valid_kernel_equals_input", CONV, [1, 1, 3, 3], [1, 1, 3, 3], fill="ones", padding="valid"))
    return c


def output_size_cases():
    c = []
    c.append(case("outsize_4_element_form", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], stride=2, outputSize=[1, 1, 8, 8]))
    c.append(case("outsize_unbatched_2_element", CONVT, [1, 3, 3], [1, 1, 3, 3], stride=2, outputSize=[8, 7]))
    c.append(case("outsize_unbatched_3_element_form", CONVT, [1, 3, 3], [1, 2, 3, 3], stride=2, outputSize=[2, 8, 8]))
    c.append(case("outsize_rect_one_axis_padded", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], stride=2, outputSize=[7, 8]))
    c.append(case("outsize_stride3_max", CONVT, [1, 1, 2, 2], [1, 1, 2, 2], fill="ones", stride=3,
                  outputSize=[7, 7]))
    c.append(case("outsize_stride3_middle_rect", CONVT, [1, 1, 2, 3], [1, 1, 3, 2], stride=[3, 2],
                  padding=1, outputSize=[5, 5]))
    c.append(case("outsize_dilation_only_min", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], dilation=2, outputSize=[7, 7]))
    c.append(case("outsize_overrides_output_padding", CONVT, [1, 1, 3, 3], [1, 1, 3, 3], stride=2, padding=1,
                  outputPadding=1, outputSize=[5, 5]))
    c.append(case("outsize_groups_bias", CONVT, [1, 4, 2, 2], [4, 1, 3, 3], [2], groups=2, stride=2,
                  outputSize=[6, 5]))
    c.append(case("outsize_batch0", CONVT, [0, 1, 2, 2], [1, 1, 3, 3], stride=2, outputSize=[6, 6]))
    c.append(case("outsize_batched2_min", CONVT, [2, 1, 3, 2], [1, 2, 2, 2], [2], stride=2, outputSize=[6, 4]))
    c.append(case("outsize_negative_effective_padding", CONVT, [1, 1, 4, 4], [1, 1, 3, 3], stride=2, padding=3,
                  outputSize=[4, 4]))
    return c


# ---------------------------------------------------------------------------- random sweeps

def pair_option(rng, h, w, default):
    """Omitted at the default; otherwise an int when both axes agree (sometimes still a pair)."""
    if h == default and w == default:
        return None
    if h == w and rng.random() < 0.7:
        return h
    return [h, w]


def put(options, key, value):
    if value is not None:
        options[key] = value


def conv_out(size, k, s, p_total, d):
    return (size + p_total - d * (k - 1) - 1) // s + 1


def sweep_conv2d(rng, count, modes):
    """Random valid conv2d configurations, ints and pairs mixed, outputs of <= 600 values."""
    out = []
    while len(out) < count:
        groups = rng.choice([1, 1, 1, 2, 3])
        cin, cout = rng.randint(1, 3) * groups, rng.randint(1, 3) * groups
        h, w = rng.randint(1, 8), rng.randint(1, 8)
        kh, kw = rng.randint(1, 4), rng.randint(1, 4)
        mode = rng.choice(modes)
        same = rng.random() < 0.15
        sh, sw = (1, 1) if same else (rng.randint(1, 3), rng.randint(1, 3))
        dh, dw = rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2])
        if same:
            ph_lo, pw_lo = dh * (kh - 1) // 2, dw * (kw - 1) // 2
            ph_hi, pw_hi = dh * (kh - 1) - ph_lo, dw * (kw - 1) - pw_lo
        else:
            ph_lo = ph_hi = rng.randint(0, 2)
            pw_lo = pw_hi = rng.randint(0, 2)
        # Stay inside the modes' limits: reflect needs pad < size, circular pad <= size.
        if mode == "reflect" and (max(ph_lo, ph_hi) >= h or max(pw_lo, pw_hi) >= w):
            continue
        if mode == "circular" and (max(ph_lo, ph_hi) > h or max(pw_lo, pw_hi) > w):
            continue
        if h + ph_lo + ph_hi < dh * (kh - 1) + 1 or w + pw_lo + pw_hi < dw * (kw - 1) + 1:
            continue
        batch = rng.choice([None, 1, 2])
        oh, ow = conv_out(h, kh, sh, ph_lo + ph_hi, dh), conv_out(w, kw, sw, pw_lo + pw_hi, dw)
        if (batch or 1) * cout * oh * ow > 600:
            continue
        x = ([batch] if batch else []) + [cin, h, w]
        bias = [cout] if rng.random() < 0.5 else None
        opts = {}
        put(opts, "stride", pair_option(rng, sh, sw, 1))
        if same:
            opts["padding"] = "same"
        else:
            put(opts, "padding", pair_option(rng, ph_lo, pw_lo, 0))
        put(opts, "dilation", pair_option(rng, dh, dw, 1))
        if groups != 1:
            opts["groups"] = groups
        if mode != "zeros":
            opts["paddingMode"] = mode
        name = (f"sweep_conv2d_{len(out):03d}_{'n' + str(batch) if batch else 'unbatched'}_c{cin}to{cout}"
                f"_g{groups}_i{h}x{w}_k{kh}x{kw}_s{sh}x{sw}_"
                + ("same" if same else f"p{ph_lo}x{pw_lo}") + f"_d{dh}x{dw}_{mode}"
                + ("_bias" if bias else ""))
        out.append(case(name, CONV, x, [cout, cin // groups, kh, kw], bias, **opts))
    return out


def sweep_conv_transpose2d(rng, count):
    """Random valid conv_transpose2d configurations; some pick the size with outputSize."""
    out = []
    while len(out) < count:
        groups = rng.choice([1, 1, 1, 2, 3])
        cin, cout_g = rng.randint(1, 3) * groups, rng.randint(1, 3)
        h, w = rng.randint(1, 5), rng.randint(1, 5)
        kh, kw = rng.randint(1, 4), rng.randint(1, 4)
        sh, sw = rng.randint(1, 3), rng.randint(1, 3)
        dh, dw = rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2])
        ph, pw = rng.randint(0, 3), rng.randint(0, 3)
        oph, opw = rng.randint(0, max(sh, dh) - 1), rng.randint(0, max(sw, dw) - 1)
        use_size = rng.random() < 0.2
        if use_size:  # output_size can only reach stride-1 extra rows (PYTORCH.md §4.5)
            oph, opw = rng.randint(0, sh - 1), rng.randint(0, sw - 1)
        oh = (h - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1
        ow = (w - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1
        batch = rng.choice([None, 1, 2])
        if oh < 1 or ow < 1 or (batch or 1) * cout_g * groups * oh * ow > 600:
            continue
        x = ([batch] if batch else []) + [cin, h, w]
        bias = [cout_g * groups] if rng.random() < 0.5 else None
        opts = {}
        put(opts, "stride", pair_option(rng, sh, sw, 1))
        put(opts, "padding", pair_option(rng, ph, pw, 0))
        put(opts, "dilation", pair_option(rng, dh, dw, 1))
        if groups != 1:
            opts["groups"] = groups
        if use_size:
            leading = [] if rng.random() < 0.7 else x[:-2]
            opts["outputSize"] = leading + [oh, ow]
        else:
            put(opts, "outputPadding", pair_option(rng, oph, opw, 0))
        name = (f"sweep_convT_{len(out):03d}_{'n' + str(batch) if batch else 'unbatched'}_c{cin}to{cout_g * groups}"
                f"_g{groups}_i{h}x{w}_k{kh}x{kw}_s{sh}x{sw}_p{ph}x{pw}_d{dh}x{dw}_"
                + (f"size{oh}x{ow}" if use_size else f"op{oph}x{opw}") + ("_bias" if bias else ""))
        out.append(case(name, CONVT, x, [cin, cout_g, kh, kw], bias, **opts))
    return out


def fast_path_sized_cases():
    """A few cases with enough channels and pixels to fill the fast paths' SIMD tiles and
    leave remainders (the golden suite replays every engine path, fast ones included)."""
    return [
        case("tiles_conv2d_c8to8_i8x8_k3_p1_bias", CONV, [1, 8, 8, 8], [8, 8, 3, 3], [8], padding=1),
        case("tiles_conv2d_c5to9_i7x6_k2x3_s1x2_bias", CONV, [1, 5, 7, 6], [9, 5, 2, 3], [9], stride=[1, 2]),
        case("tiles_conv2d_n2_c6to12_g3_i5x5_k3_d2_p2", CONV, [2, 6, 5, 5], [12, 2, 3, 3], groups=3,
             dilation=2, padding=2),
        case("tiles_depthwise_c16_i6x6_k3_p1_bias", CONV, [1, 16, 6, 6], [16, 1, 3, 3], [16], groups=16,
             padding=1),
        case("tiles_depthwise_c9_i7x5_k3x2_s2_reflect", CONV, [1, 9, 7, 5], [9, 1, 3, 2], groups=9, stride=2,
             padding=1, paddingMode="reflect"),
        case("tiles_convT_c8to8_i4x4_k4_s2_p1_bias", CONVT, [1, 8, 4, 4], [8, 8, 4, 4], [8], stride=2, padding=1),
        case("tiles_convT_c6to5_i3x5_k3_s2_op1", CONVT, [1, 6, 3, 5], [6, 5, 3, 3], stride=2, outputPadding=1),
        case("tiles_convT_n2_c4to6_g2_i4x3_k3x2_s3x2_p1", CONVT, [2, 4, 4, 3], [4, 3, 3, 2], [6], groups=2,
             stride=[3, 2], padding=1),
    ]


def all_cases(rng, *_unused):
    cases = (tutorial_cases() + round_trip_cases() + conv2d_edge_cases() + convT_edge_cases()
             + padding_mode_cases() + same_valid_cases() + output_size_cases() + fast_path_sized_cases())
    cases += sweep_conv2d(rng, 70, ["zeros"])
    cases += sweep_conv2d(rng, 40, ["reflect", "replicate", "circular"])
    cases += sweep_conv_transpose2d(rng, 80)
    from golden_error_cases import error_cases  # noqa: E402 (kept in its own file)
    cases += error_cases()
    return cases
