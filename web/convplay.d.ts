// TypeScript definitions of the convplay engine module, build/site/convplay.js
// (CONTRACT.md §3). Load it with
//   const createConvPlay = require('./build/site/convplay.js');   // Node (CommonJS)
//   <script src="convplay.js"></script>                            // browser: a global
//   const cp = await createConvPlay();

declare namespace createConvPlay {
  /** A float32 tensor, row-major: [N, C, H, W] (batched) or [C, H, W] (unbatched). */
  interface Tensor {
    /** Any Float32Array, views included; a plain Array of numbers (or another numeric typed
     *  array) is accepted too and converted. Never modified. */
    data: Float32Array | ArrayLike<number>;
    /** Non-negative integers; their product must equal data.length. */
    shape: number[];
  }

  /** What every op returns: a fresh Float32Array that the caller owns (or options.out). */
  interface ResultTensor {
    data: Float32Array;
    shape: number[];
  }

  /** One value for both axes, or [h, w]. */
  type IntOrPair = number | [number, number];

  type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

  /** torch.nn.functional.conv2d, and nn.Conv2d(padding_mode=...). Every key is optional. */
  interface Conv2dOptions {
    stride?: IntOrPair;             // default 1
    padding?: IntOrPair | 'same' | 'valid';  // default 0; 'same' puts an odd extra row/col at the bottom/right
    dilation?: IntOrPair;           // default 1
    groups?: number;                // default 1
    paddingMode?: PaddingMode;      // default 'zeros'
  }

  /** torch.nn.functional.conv_transpose2d, and nn.ConvTranspose2d.forward(input, output_size). */
  interface ConvTranspose2dOptions {
    stride?: IntOrPair;             // default 1
    padding?: IntOrPair;            // default 0
    outputPadding?: IntOrPair;      // default 0; must be < stride or < dilation, per axis
    dilation?: IntOrPair;           // default 1
    groups?: number;                // default 1
    /** [H, W], or with the input's leading dims: picks outputPadding as PyTorch's module does
     *  (and replaces any outputPadding given). null means not given. */
    outputSize?: number[] | null;
    /** Only 'zeros' is supported, as in PyTorch. */
    paddingMode?: 'zeros';
  }

  /** Where the result goes: conv2d and convTranspose2d only (the shape functions and the
   *  tutorial's calls reject `out`). */
  interface ResultOptions {
    /** Write the result into this array and return it as the result's data, instead of a
     *  fresh Float32Array: for callers that recompute on every edit (a fresh array costs V8
     *  more than an 8x8 convolution). Its length must equal the output's element count
     *  (else a ConvPlayError with code 'bad_argument', param 'out', and `out` untouched);
     *  it may be a view, or even the input's own data (inputs are read first). */
    out?: Float32Array | null;
  }

  /** Stable snake_case codes (src/engine/status.h). */
  type ErrorCode =
    | 'bad_input_rank' | 'bad_weight_rank' | 'bad_tuple_length' | 'non_positive_groups'
    | 'negative_padding' | 'negative_output_padding' | 'non_positive_stride'
    | 'non_positive_dilation' | 'non_positive_kernel' | 'weight_groups_mismatch'
    | 'channel_mismatch' | 'bias_mismatch' | 'kernel_too_large' | 'output_too_small'
    | 'output_padding_too_large' | 'bad_output_size' | 'bad_padding_string' | 'same_with_stride'
    | 'bad_padding_mode' | 'padding_mode_not_supported' | 'padding_too_large_for_mode'
    | 'bad_argument' | 'too_large' | 'empty_weight';

  /** Every rejection. message: PyTorch's own words for what PyTorch rejects (searchable). */
  class ConvPlayError extends Error {
    readonly name: 'ConvPlayError';
    readonly code: ErrorCode;
    /** The argument or option at fault, by its JS name: 'input', 'weight', 'bias', 'stride',
     *  'padding', 'outputPadding', 'outputSize', 'paddingMode', ... */
    readonly param: string;
    /** The exception class PyTorch raises for it: 'RuntimeError', 'ValueError' or 'TypeError'. */
    readonly pythonType: 'RuntimeError' | 'ValueError' | 'TypeError';
  }

  /** The tutorial's view of a transposed convolution: spread, pad (or crop), convolve. */
  interface TransposedAsConv {
    /** Input with stride-1 zeros inserted between pixels: [N, C_in, (H-1)s+1, (W-1)s+1]. */
    spread: ResultTensor;
    /** spread padded by dilation*(k-1)-padding per side (+ outputPadding bottom/right). */
    padded: ResultTensor;
    /** [C_out, C_in/groups, kH, kW]: the kernel flipped 180°, in/out swapped per group. */
    equivalentKernel: ResultTensor;
    /** conv2d(padded, equivalentKernel, stride 1, same dilation and groups) + bias. */
    output: ResultTensor;
    /** What was added to spread on each side; negative means rows/cols cropped. */
    pads: { top: number; bottom: number; left: number; right: number };
  }

  interface RoundTripCandidate {
    /** An input size that the conv maps to the same output size. */
    inputSize: number;
    /** The ConvTranspose2d output_padding (same k, s, p, d) that restores inputSize. */
    outputPadding: number;
    /** PyTorch accepts that outputPadding (< stride or < dilation). */
    outputPaddingValid: boolean;
  }

  interface RoundTripAxis {
    inputSize: number;
    outputSize: number;
    /** Every input size with that output size, ascending. */
    candidates: RoundTripCandidate[];
  }

  interface ConvPlayModule {
    conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: Conv2dOptions & ResultOptions): ResultTensor;
    /** Short form: bias omitted, options third. */
    conv2d(input: Tensor, weight: Tensor, options: Conv2dOptions & ResultOptions): ResultTensor;
    convTranspose2d(input: Tensor, weight: Tensor, bias?: Tensor | null,
                    options?: ConvTranspose2dOptions & ResultOptions): ResultTensor;
    convTranspose2d(input: Tensor, weight: Tensor, options: ConvTranspose2dOptions & ResultOptions): ResultTensor;
    /** The output shape conv2d would give; rejects exactly what conv2d rejects (bias aside). */
    conv2dOutputShape(inputShape: number[], weightShape: number[], options?: Conv2dOptions): number[];
    convTranspose2dOutputShape(inputShape: number[], weightShape: number[], options?: ConvTranspose2dOptions): number[];
    /** convTranspose2d computed as the tutorial explains it, with its intermediates. */
    convTranspose2dAsConv(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: ConvTranspose2dOptions): TransposedAsConv;
    /** For a zero-padded Conv2d: per axis, every input size it sends to the same output size,
     *  and the outputPadding that brings each back. padding 'same' is refused. */
    conv2dRoundTrip(inputShape: number[], weightShape: number[], options?: Conv2dOptions):
        { outputShape: number[]; height: RoundTripAxis; width: RoundTripAxis };
    /** The error class every function throws. */
    ConvPlayError: typeof ConvPlayError;
    /** Diagnostics: bytes malloc has handed out, and the wasm memory's size in bytes. */
    heapBytesInUse(): number;
    heapSize(): number;
  }
}

/** Emscripten's module options (locateFile, wasmBinary, ...) may be passed; none are needed. */
declare function createConvPlay(moduleOverrides?: Record<string, unknown>): Promise<createConvPlay.ConvPlayModule>;

export = createConvPlay;
/** In a browser, <script src="convplay.js"> defines the global createConvPlay. */
export as namespace createConvPlay;
