// --post-js, part 3 of 4: the quick path of conv2d, for the calls the playground and blog
// pages make over and over (issue 5, W1: an 8x8 cell costs about as much in this glue as
// in the engine). It recognizes the common shapes of arguments only: tensors with a plain
// Array shape of small non-negative integers and a Float32Array of the right length, and
// options that are absent or hold int32s, [h, w] pairs, 'same'/'valid', a known
// paddingMode and a Float32Array `out`. It writes the request the general path writes, as int32s, straight into
// the wasm heap, with no allocation, for the Embind function _cpConv2dQuick. Anything else
// (every argument the general path rejects included) returns 0 having touched nothing but
// scratch space, and the general path in convplay_api.js then runs as before, so
// its checks and messages stay the only ones.

// Largest rank taken here; deeper shapes (which the engine rejects anyway) go the long way.
var CONVPLAY_QUICK_MAX_RANK = 6;

// The element count of the shape convplayQuickShape wrote last (a module variable, so
// that the index it returns stays a small integer and no pair is allocated).
var convplayQuickCount = 0;

// Writes a shape (count, then dims) at req[at] and returns the index after it, or -1
// when the shape is not a plain list of non-negative int32s.
function convplayQuickShape(req, at, shape) {
  if (!Array.isArray(shape)) return -1;
  var rank = shape.length;
  if (rank > CONVPLAY_QUICK_MAX_RANK) return -1;
  req[at] = rank;
  var count = 1;
  for (var i = 0; i < rank; i++) {
    var d = shape[i];
    if (typeof d != 'number' || (d | 0) !== d || d < 0) return -1;  // also rejects NaN, 1.5, 2^40
    req[at + 1 + i] = d;
    count *= d;
  }
  convplayQuickCount = count;
  return at + 1 + rank;
}

// An int-or-pair option at req[at]; returns the next index, or -1 to go the long way.
function convplayQuickPair(req, at, value, fallback) {
  if (value === undefined) {
    req[at] = 1;
    req[at + 1] = fallback;
    return at + 2;
  }
  if (typeof value == 'number') {
    if ((value | 0) !== value) return -1;
    req[at] = 1;
    req[at + 1] = value;
    return at + 2;
  }
  if (!Array.isArray(value)) return -1;
  var n = value.length;
  if (n !== 1 && n !== 2) return -1;
  req[at] = n;
  for (var i = 0; i < n; i++) {
    var v = value[i];
    if (typeof v != 'number' || (v | 0) !== v) return -1;
    req[at + 1 + i] = v;
  }
  return at + 1 + n;
}

// The conv2d options at req[at] (layout in api_arguments.js); returns the index after
// the request, or -1 to go the long way.
function convplayQuickConv2dOptions(req, at, options) {
  var stride, padding, dilation, groups, mode;
  if (options !== undefined && options !== null) {
    if (typeof options != 'object' || Array.isArray(options)) return -1;
    // The general path's key check (an unknown key is an error there), one switch per key.
    for (var key in options) {
      switch (key) {
        case 'stride': case 'padding': case 'dilation': case 'groups': case 'paddingMode': case 'out': break;
        default: return -1;
      }
    }
    var out = options.out;
    if (out !== undefined && out !== null) {
      if (!(out instanceof Float32Array)) return -1;
      convplayOut = out;  // convplayRun resets it should the general path take the call after all
    }
    stride = options.stride;
    padding = options.padding;
    dilation = options.dilation;
    groups = options.groups;
    mode = options.paddingMode;
  }
  var modeIndex = 0;
  if (mode !== undefined) {
    modeIndex = mode === 'zeros' ? 0 : mode === 'reflect' ? 1 : mode === 'replicate' ? 2 :
        mode === 'circular' ? 3 : -1;
    if (modeIndex < 0) return -1;
  }
  if ((at = convplayQuickPair(req, at, stride, 1)) < 0) return -1;
  var kind = 0;
  if (typeof padding == 'string') {
    kind = padding === 'same' ? 1 : padding === 'valid' ? 2 : -1;
    if (kind < 0) return -1;
    padding = undefined;  // 'same'/'valid' travel as the kind, with padding [0]
  }
  req[at] = kind;
  if ((at = convplayQuickPair(req, at + 1, padding, 0)) < 0) return -1;
  if ((at = convplayQuickPair(req, at, dilation, 1)) < 0) return -1;
  if (groups === undefined) {
    groups = 1;
  } else if (typeof groups != 'number' || (groups | 0) !== groups) {
    return -1;
  }
  req[at] = groups;
  req[at + 1] = modeIndex;
  return at + 2;
}

// A tensor's data when the quick path takes it (a Float32Array of the right length).
function convplayQuickData(tensor, count) {
  var data = tensor.data;
  if (!(data instanceof Float32Array) || data.length !== count || count > CONVPLAY_MAX_ELEMENTS) return null;
  return data;
}

// Stages conv2d(input, weight, bias, options) in the scratch buffer, as convplayRun does,
// and returns the address of its request block, or 0 when the general path must take the
// call (part of a request may sit in the scratch block then; the general path overwrites it).
function convplayQuickConv2d(input, weight, bias, options) {
  if (typeof input != 'object' || input === null || typeof weight != 'object' || weight === null) return 0;
  var hasBias = bias !== undefined && bias !== null;
  // A bias without a shape list may be options in its place: the general path decides.
  if (hasBias && (typeof bias != 'object' || !Array.isArray(bias.shape))) return 0;
  // The request goes straight into the block at the start of the scratch buffer, as
  // int32s (every value here fits one; _cpConv2dQuick reads them so). No wasm call runs
  // until the engine's, so HEAP32 stays valid. The block has room for the longest quick
  // request, 3 + 3 * (1 + CONVPLAY_QUICK_MAX_RANK) + 1 + 12 = 37 values.
  if (convplayScratchBytes < CONVPLAY_MIN_BLOCK_DOUBLES * 8) return 0;  // first call: the general path sizes the scratch
  var req = HEAP32;
  var base = convplayScratch;
  var block = base >> 2;
  var at = convplayQuickShape(req, block + 3, input.shape);
  if (at < 0) return 0;
  var inputCount = convplayQuickCount;
  if ((at = convplayQuickShape(req, at, weight.shape)) < 0) return 0;
  var weightCount = convplayQuickCount;
  var biasCount = 0;
  req[at++] = hasBias ? 1 : 0;
  if (hasBias) {
    if ((at = convplayQuickShape(req, at, bias.shape)) < 0) return 0;
    biasCount = convplayQuickCount;
  }
  if (convplayQuickConv2dOptions(req, at, options) < 0) return 0;
  var inputData = convplayQuickData(input, inputCount);
  if (!inputData) return 0;
  var weightData = convplayQuickData(weight, weightCount);
  if (!weightData) return 0;
  var biasData = null;
  if (hasBias && !(biasData = convplayQuickData(bias, biasCount))) return 0;
  // The scratch layout of convplayStage: [block | input | weight | bias], 16-byte aligned.
  var blockBytes = CONVPLAY_MIN_BLOCK_DOUBLES * 8;  // 256 bytes: the request, then the result's header
  var inputBytes = (inputCount * 4 + 15) & ~15;
  var weightBytes = (weightCount * 4 + 15) & ~15;
  var total = blockBytes + inputBytes + weightBytes + ((biasCount * 4 + 15) & ~15);
  if (total > convplayScratchBytes) return 0;  // the general path grows the scratch
  var inputAddress = base + blockBytes;
  var weightAddress = inputAddress + inputBytes;
  req[block] = inputAddress;
  req[block + 1] = weightAddress;
  req[block + 2] = hasBias ? weightAddress + weightBytes : 0;
  var heap32 = HEAPF32;
  convplayQuickCopyIn(heap32, inputAddress >> 2, inputData);
  convplayQuickCopyIn(heap32, weightAddress >> 2, weightData);
  if (hasBias) convplayQuickCopyIn(heap32, (weightAddress + weightBytes) >> 2, biasData);
  return base;
}

// Copies below this many floats go element by element: TypedArray.set has a fixed cost
// of about 80 ns in V8, which a 3x3 kernel or a bias does not repay (measured in Node 20).
var CONVPLAY_QUICK_LOOP_COPY = 32;

function convplayQuickCopyIn(heap, at, data) {
  var n = data.length;
  if (n > CONVPLAY_QUICK_LOOP_COPY) {
    heap.set(data, at);
    return;
  }
  for (var i = 0; i < n; i++) heap[at + i] = data[i];
}
