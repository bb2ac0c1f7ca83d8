// --post-js, part 4 of 4: the public API of the engine module (CONTRACT.md §3,
// web/convplay.d.ts). Each call checks its arguments, copies tensors into a reusable
// scratch buffer in the wasm heap, runs one Embind function that takes only numbers,
// and copies the result out into a fresh Float32Array (or the caller's options.out).

var convplayScratch = 0;       // address of the scratch buffer (see reserve_scratch)
var convplayScratchBytes = 0;
// Calls whose arguments or result took more than this give the memory back afterwards.
var CONVPLAY_KEEP_BYTES = 4 << 20;
// Room for the largest response (4 tensors of rank 4 + pads, convTranspose2dAsConv).
var CONVPLAY_MIN_BLOCK_DOUBLES = 32;

function convplayAlign16(bytes) {
  return (bytes + 15) & ~15;
}

// Lays out [request block | input | weight | bias] in the scratch buffer, copies the
// request and the data in, and returns the block's address. `addresses`: the request
// starts with the three data addresses (every call but the round trip).
function convplayStage(op, input, weight, bias, addresses) {
  var blockBytes = convplayAlign16(Math.max(convplayRequestLength, CONVPLAY_MIN_BLOCK_DOUBLES) * 8);
  var inputBytes = convplayAlign16(input ? input.length * 4 : 0);
  var weightBytes = convplayAlign16(weight ? weight.length * 4 : 0);
  var biasBytes = convplayAlign16(bias ? bias.length * 4 : 0);
  var total = blockBytes + inputBytes + weightBytes + biasBytes;
  if (total > convplayScratchBytes) {
    convplayScratch = Module['_cpReserveScratch'](total);
    convplayScratchBytes = convplayScratch ? total : 0;
    if (!convplayScratch) {
      throw new ConvPlayError(op + ': not enough WebAssembly memory for the arguments (' + total + ' bytes)',
                              'too_large', 'input', 'RuntimeError');
    }
  }
  var base = convplayScratch;
  var inputAddress = base + blockBytes;
  var weightAddress = inputAddress + inputBytes;
  var biasAddress = weightAddress + weightBytes;
  if (addresses) {
    convplayRequest[0] = input ? inputAddress : 0;
    convplayRequest[1] = weight ? weightAddress : 0;
    convplayRequest[2] = bias ? biasAddress : 0;
  }
  var heap64 = HEAPF64;  // read after any growth above; addresses < 2 GiB, so >> is safe
  var at = base >> 3;
  for (var i = 0; i < convplayRequestLength; i++) heap64[at + i] = convplayRequest[i];
  if (input) HEAPF32.set(input, inputAddress >> 2);
  if (weight) HEAPF32.set(weight, weightAddress >> 2);
  if (bias) HEAPF32.set(bias, biasAddress >> 2);
  return base;
}

// Frees big scratch/result memory after a big call, so the heap does not stay large.
// resultElements: floats the engine holds for the result(s) just copied out.
function convplayAfterCall(resultElements) {
  if (convplayScratchBytes > CONVPLAY_KEEP_BYTES || resultElements * 4 > CONVPLAY_KEEP_BYTES) {
    Module['_cpReleaseMemory']();
    convplayScratch = 0;
    convplayScratchBytes = 0;
  }
}

// Reads a shape written by write_shape at HEAPF64[at]; returns [shape, next index].
function convplayReadShape(at) {
  var rank = HEAPF64[at];
  var shape = new Array(rank);
  for (var i = 0; i < rank; i++) shape[i] = HEAPF64[at + 1 + i];
  return shape;
}

// Reads a tensor written by write_tensor at HEAPF64[at] into a fresh { data, shape }.
function convplayReadTensor(at) {
  var address = HEAPF64[at];
  var shape = convplayReadShape(at + 1);
  var count = 1;
  for (var i = 0; i < shape.length; i++) count *= shape[i];
  var start = address >> 2;
  return { data: HEAPF32.slice(start, start + count), shape: shape };
}

// The caller's options.out for the call being made, or null (set by convplayRun and the
// quick path, dropped once the result is read so that the module keeps no caller array).
var convplayOut = null;

// The result's data: a fresh copy, or the caller's options.out filled in. A fresh array
// is most of an 8x8 call's cost (issue 5, W1): V8 gives every ArrayBuffer over 64 bytes
// its own backing store, ~1.5 us each in Node 20 here, so callers that convolve again and
// again pass the same `out`.
function convplayResultData(op, start, count, shape) {
  var out = convplayOut;
  convplayOut = null;
  if (out === null) return HEAPF32.slice(start, start + count);
  if (out.length !== count) {
    convplayAfterCall(count);
    throw convplayArgumentError(op, 'out', 'out has ' + out.length + ' elements, but the result ' +
                                convplayDescribe(shape) + ' needs ' + count);
  }
  if (count > CONVPLAY_LOOP_COPY_OUT) {
    out.set(HEAPF32.subarray(start, start + count));
  } else {
    var heap = HEAPF32;
    for (var i = 0; i < count; i++) out[i] = heap[start + i];
  }
  return out;
}

// Results up to this many floats are copied into `out` element by element: a subarray
// view costs an allocation, ~190 ns against ~110 ns for a loop over 64 floats (Node 20).
var CONVPLAY_LOOP_COPY_OUT = 64;

// The op's result tensor at HEAPF64[at]: into options.out when given, else fresh.
function convplayReadResult(op, at) {
  var shape = convplayReadShape(at + 1);
  var count = 1;
  for (var i = 0; i < shape.length; i++) count *= shape[i];
  var result = { data: convplayResultData(op, HEAPF64[at] >> 2, count, shape), shape: shape };
  convplayAfterCall(count);
  return result;
}

// The data arrays of the call being made (module variables: no per-call allocation).
var convplayInputData = null;
var convplayWeightData = null;
var convplayBiasData = null;

// Writes the shapes of a call's tensors into the request and keeps their data arrays.
function convplayPutOperands(op, input, weight, bias) {
  convplayRequestLength = 3;  // the three data addresses, filled in by convplayStage
  convplayInputData = convplayPutTensor(op, 'input', input);
  convplayWeightData = convplayPutTensor(op, 'weight', weight);
  convplayBiasData = null;
  if (bias === undefined || bias === null) {
    convplayPut(0);
  } else {
    convplayPut(1);
    convplayBiasData = convplayPutTensor(op, 'bias', bias);
  }
}

// op(input, weight, options) is accepted as op(input, weight, null, options): a third
// argument that is an object with neither data nor shape is taken as the options.
function convplayLooksLikeOptions(bias, options) {
  return options === undefined && bias !== null && typeof bias == 'object' && !Array.isArray(bias) &&
      !('data' in bias) && !('shape' in bias);
}

// `allowed`: the option keys the op takes, when they include `out` (conv2d and
// convTranspose2d); without it, the op takes putOptions' own list.
function convplayRun(op, run, putOptions, input, weight, bias, options, allowed) {
  if (convplayLooksLikeOptions(bias, options)) {
    options = bias;
    bias = null;
  }
  convplayOut = null;
  convplayPutOperands(op, input, weight, bias);
  putOptions(op, options, allowed);
  if (allowed) convplayOut = convplayCheckOut(op, options);
  var block = convplayStage(op, convplayInputData, convplayWeightData, convplayBiasData, true);
  // Drop the references: the module must not keep the caller's arrays alive.
  convplayInputData = convplayWeightData = convplayBiasData = null;
  if (run(block) !== 0) {
    convplayOut = null;
    convplayAfterCall(0);
    throw convplayEngineError();
  }
  return block >> 3;
}

Module['conv2d'] = function(input, weight, bias, options) {
  var block = convplayQuickConv2d(input, weight, bias, options);
  if (block === 0) {
    var at = convplayRun('conv2d', Module['_cpConv2d'], convplayPutConv2dOptions, input, weight, bias,
                         options, CONVPLAY_CONV2D_OP_OPTIONS);
    return convplayReadResult('conv2d', at);
  }
  if (Module['_cpConv2dQuick'](block) !== 0) {
    convplayOut = null;
    convplayAfterCall(0);
    throw convplayEngineError();
  }
  return convplayReadQuickResult(block >> 3);
};

// convplayReadTensor + convplayAfterCall for the quick path: the shape as an array literal
// of its rank (no holey array to fill in), the data copied out in one slice.
function convplayReadQuickResult(at) {
  var heap64 = HEAPF64;
  var start = heap64[at] >> 2;
  var rank = heap64[at + 1];
  var shape, count;
  if (rank === 4) {
    shape = [heap64[at + 2], heap64[at + 3], heap64[at + 4], heap64[at + 5]];
    count = shape[0] * shape[1] * shape[2] * shape[3];
  } else if (rank === 3) {
    shape = [heap64[at + 2], heap64[at + 3], heap64[at + 4]];
    count = shape[0] * shape[1] * shape[2];
  } else {  // not reached: conv2d's output has the input's rank, 3 or 4
    return convplayReadResult('conv2d', at);
  }
  var result = { data: convplayResultData('conv2d', start, count, shape), shape: shape };
  convplayAfterCall(count);
  return result;
}

Module['convTranspose2d'] = function(input, weight, bias, options) {
  var at = convplayRun('convTranspose2d', Module['_cpConvTranspose2d'], convplayPutConvTranspose2dOptions,
                       input, weight, bias, options, CONVPLAY_CONV_TRANSPOSE2D_OP_OPTIONS);
  return convplayReadResult('convTranspose2d', at);
};

// The tutorial's formulation of a transposed convolution, with its intermediates.
Module['convTranspose2dAsConv'] = function(input, weight, bias, options) {
  var at = convplayRun('convTranspose2dAsConv', Module['_cpConvTranspose2dAsConv'],
                       convplayPutConvTranspose2dOptions, input, weight, bias, options);
  var tensors = [];
  for (var i = 0; i < 4; i++) {
    tensors.push(convplayReadTensor(at));
    at += 2 + HEAPF64[at + 1];
  }
  var result = {
    spread: tensors[0],
    padded: tensors[1],
    equivalentKernel: tensors[2],
    output: tensors[3],
    pads: { top: HEAPF64[at], bottom: HEAPF64[at + 1], left: HEAPF64[at + 2], right: HEAPF64[at + 3] },
  };
  convplayAfterCall(result.spread.data.length + result.padded.data.length + result.output.data.length);
  return result;
};

// Shape functions: the same checks as the ops (shapes instead of tensors, no bias).
function convplayOutputShape(op, run, putOptions, inputShape, weightShape, options) {
  convplayRequestLength = 3;
  convplayPutShape(op, 'inputShape', 'inputShape', inputShape);
  convplayPutShape(op, 'weightShape', 'weightShape', weightShape);
  convplayPut(0);  // no bias
  putOptions(op, options);
  var block = convplayStage(op, null, null, null, true);
  if (run(block) !== 0) throw convplayEngineError();
  return convplayReadShape(block >> 3);
}

Module['conv2dOutputShape'] = function(inputShape, weightShape, options) {
  return convplayOutputShape('conv2dOutputShape', Module['_cpConv2dOutputShape'], convplayPutConv2dOptions,
                             inputShape, weightShape, options);
};

Module['convTranspose2dOutputShape'] = function(inputShape, weightShape, options) {
  return convplayOutputShape('convTranspose2dOutputShape', Module['_cpConvTranspose2dOutputShape'],
                             convplayPutConvTranspose2dOptions, inputShape, weightShape, options);
};

// [h, w] of an int-or-pair option already accepted by the engine.
function convplayPairOf(value, fallback) {
  if (value === undefined) return [fallback, fallback];
  if (typeof value == 'number') return [value, value];
  return value.length === 1 ? [value[0], value[0]] : [value[0], value[1]];
}

// The round trip of a zero-padded Conv2d, per axis: every input size the conv sends to
// the same output size, and the ConvTranspose2d output_padding that restores each.
Module['conv2dRoundTrip'] = function(inputShape, weightShape, options) {
  var op = 'conv2dRoundTrip';
  var outputShape = convplayOutputShape(op, Module['_cpConv2dOutputShape'], convplayPutConv2dOptions,
                                        inputShape, weightShape, options);
  options = options || {};
  if (options.padding === 'same') {
    throw convplayArgumentError(op, 'padding', "padding='same' pads unevenly, which no ConvTranspose2d " +
                                'can undo; give the padding as numbers');
  }
  var padding = convplayPairOf(options.padding === 'valid' ? 0 : options.padding, 0);
  var stride = convplayPairOf(options.stride, 1);
  var dilation = convplayPairOf(options.dilation, 1);
  var rank = inputShape.length;
  var axes = [];
  for (var axis = 0; axis < 2; axis++) {
    convplayRequestLength = 0;
    convplayPut(inputShape[rank - 2 + axis]);
    convplayPut(weightShape[2 + axis]);
    convplayPut(stride[axis]);
    convplayPut(padding[axis]);
    convplayPut(dilation[axis]);
    var block = convplayStage(op, null, null, null, false);
    if (Module['_cpConv2dRoundTrip'](block) !== 0) throw convplayEngineError();
    var at = block >> 3;
    var count = HEAPF64[at + 1];
    var triples = HEAPF64[at + 2] >> 3;
    var candidates = [];
    for (var i = 0; i < count; i++) {
      candidates.push({
        inputSize: HEAPF64[triples + 3 * i],
        outputPadding: HEAPF64[triples + 3 * i + 1],
        outputPaddingValid: HEAPF64[triples + 3 * i + 2] === 1,
      });
    }
    axes.push({ inputSize: inputShape[rank - 2 + axis], outputSize: HEAPF64[at], candidates: candidates });
  }
  return { outputShape: outputShape, height: axes[0], width: axes[1] };
};

// Diagnostics: bytes malloc has handed out, and the size of the wasm memory.
Module['heapBytesInUse'] = function() {
  return Module['_cpHeapBytesInUse']();
};
Module['heapSize'] = function() {
  return HEAP8.length;
};
