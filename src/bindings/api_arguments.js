// --post-js, part 2 of 4: checks JavaScript arguments and packs them into the request
// block that convplay_bindings.cpp reads (a list of doubles, in this order):
//   input ptr, weight ptr, bias ptr, input shape, weight shape, has-bias [, bias shape],
//   then the options: conv2d:            stride, padding kind, padding, dilation, groups, mode
//                     conv_transpose2d:  stride, padding, dilation, output padding, groups,
//                                        has-output-size [, output size]
// where a shape or a tuple is written as its length followed by its values.
// Everything here is plain JS on purpose: it is the per-call cost of a small convolution.

// Largest tensor accepted from JS: as the engine's own limit (limits.h, kMaxElements),
// so that copying arguments into the wasm heap can never exhaust it.
var CONVPLAY_MAX_ELEMENTS = 67108864;

var convplayRequest = new Float64Array(64);
var convplayRequestLength = 0;

function convplayPut(value) {
  if (convplayRequestLength === convplayRequest.length) {
    var grown = new Float64Array(convplayRequest.length * 2);
    grown.set(convplayRequest);
    convplayRequest = grown;
  }
  convplayRequest[convplayRequestLength++] = value;
}

function convplayIsFloat32Array(data) {
  return data instanceof Float32Array ||
      Object.prototype.toString.call(data) === '[object Float32Array]';
}

// Checks a shape (an Array of non-negative integers), writes it, returns its element
// count. `param` is the argument blamed (input), `label` what the message calls it (input.shape).
function convplayPutShape(op, param, label, shape) {
  if (!Array.isArray(shape)) {
    throw convplayArgumentError(op, param, label + ' must be an array of non-negative integers, but got ' +
                                convplayDescribe(shape));
  }
  convplayPut(shape.length);
  var count = 1;
  for (var i = 0; i < shape.length; i++) {
    var d = shape[i];
    if (typeof d != 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw convplayArgumentError(op, param, label + ' must be an array of non-negative integers, but got ' +
                                  convplayDescribe(shape));
    }
    convplayPut(d);
    count *= d;
  }
  return count;
}

// Checks a tensor { data, shape }, writes its shape, and returns its data (unchanged).
function convplayPutTensor(op, name, tensor) {
  if (tensor === undefined || tensor === null) {
    throw convplayArgumentError(op, name, name + ' is missing: expected a tensor { data: Float32Array, shape: number[] }');
  }
  if (typeof tensor != 'object') {
    throw convplayArgumentError(op, name, name + ' must be a tensor { data: Float32Array, shape: number[] }, but got ' +
                                convplayDescribe(tensor));
  }
  var count = convplayPutShape(op, name, name + '.shape', tensor.shape);
  var data = tensor.data;
  if (!convplayIsFloat32Array(data)) convplayCheckOtherData(op, name, data);
  if (data.length !== count) {
    throw convplayArgumentError(op, name, name + '.data has ' + data.length + ' elements, but ' + name +
                                '.shape ' + convplayDescribe(tensor.shape) + ' needs ' + count);
  }
  if (count > CONVPLAY_MAX_ELEMENTS) {
    throw new ConvPlayError(op + ': ' + name + ' has ' + count + ' elements, more than convplay accepts (' +
                            CONVPLAY_MAX_ELEMENTS + ')', 'too_large', name, 'RuntimeError');
  }
  return data;
}

// data that is not a Float32Array: a plain Array of numbers or another numeric typed array.
function convplayCheckOtherData(op, name, data) {
  var message = name + '.data must be a Float32Array (or an Array of numbers), but got ';
  if (Array.isArray(data)) {
    for (var i = 0; i < data.length; i++) {
      if (typeof data[i] != 'number') {
        throw convplayArgumentError(op, name, message + 'an Array holding ' + convplayDescribe(data[i]) +
                                    ' at index ' + i);
      }
    }
    return;
  }
  var numericView = ArrayBuffer.isView(data) && !(data instanceof DataView) &&
      !(typeof BigInt64Array == 'function' &&
        (data instanceof BigInt64Array || data instanceof BigUint64Array));
  if (!numericView) throw convplayArgumentError(op, name, message + convplayDescribe(data));
}

function convplayCheckInteger(op, key, value, whole) {
  if (typeof value != 'number' || !Number.isInteger(value)) {
    throw convplayArgumentError(op, key, key + ' must be an integer or a list of integers, but got ' +
                                convplayDescribe(whole));
  }
}

// An int-or-tuple option: an integer means the same for both axes. Lists of any length
// are written as given: the engine rejects lengths other than 1 and 2 in PyTorch's words.
function convplayPutPair(op, key, value, fallback) {
  if (value === undefined) {
    convplayPut(1);
    convplayPut(fallback);
  } else if (Array.isArray(value)) {
    convplayPut(value.length);
    for (var i = 0; i < value.length; i++) {
      convplayCheckInteger(op, key, value[i], value);
      convplayPut(value[i]);
    }
  } else {
    convplayCheckInteger(op, key, value, value);
    convplayPut(1);
    convplayPut(value);
  }
}

function convplayPutGroups(op, groups) {
  if (groups === undefined) return convplayPut(1);
  if (typeof groups != 'number' || !Number.isInteger(groups)) {
    throw convplayArgumentError(op, 'groups', 'groups must be an integer, but got ' + convplayDescribe(groups));
  }
  convplayPut(groups);
}

var CONVPLAY_PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'];

// Returns the mode's index in the engine's PaddingMode enum; unknown strings get the
// engine's own message.
function convplayPaddingModeIndex(op, mode) {
  if (mode === undefined) return 0;
  if (typeof mode != 'string') {
    throw convplayArgumentError(op, 'paddingMode', "paddingMode must be one of 'zeros', 'reflect', " +
                                "'replicate', 'circular', but got " + convplayDescribe(mode));
  }
  var index = CONVPLAY_PADDING_MODES.indexOf(mode);
  if (index < 0) {
    Module['_cpRejectPaddingMode'](mode);
    throw convplayEngineError();
  }
  return index;
}

function convplayCheckOptions(op, options, allowed) {
  if (options === undefined || options === null) return {};
  if (typeof options != 'object' || Array.isArray(options)) {
    throw convplayArgumentError(op, 'options', 'options must be an object, but got ' + convplayDescribe(options));
  }
  for (var key in options) {
    if (allowed.indexOf(key) < 0) {
      throw convplayArgumentError(op, key, "unknown option '" + key + "' (" + op + ' takes ' +
                                  allowed.join(', ') + ')');
    }
  }
  return options;
}

var CONVPLAY_CONV2D_OPTIONS = ['stride', 'padding', 'dilation', 'groups', 'paddingMode'];
var CONVPLAY_CONV_TRANSPOSE2D_OPTIONS =
    ['stride', 'padding', 'outputPadding', 'dilation', 'groups', 'outputSize', 'paddingMode'];
// conv2d and convTranspose2d also take `out`, the array to write the result into; the
// shape functions and the tutorial's calls, which return no single tensor, do not.
var CONVPLAY_CONV2D_OP_OPTIONS = CONVPLAY_CONV2D_OPTIONS.concat(['out']);
var CONVPLAY_CONV_TRANSPOSE2D_OP_OPTIONS = CONVPLAY_CONV_TRANSPOSE2D_OPTIONS.concat(['out']);

// options.out: absent, or a Float32Array for the result (its length is checked against
// the output's once the engine has computed it, in convplayResultData).
function convplayCheckOut(op, options) {
  var out = options === undefined || options === null ? undefined : options.out;
  if (out === undefined || out === null) return null;
  if (!convplayIsFloat32Array(out)) {
    throw convplayArgumentError(op, 'out', 'out must be a Float32Array for the result, but got ' +
                                convplayDescribe(out));
  }
  return out;
}

function convplayPutConv2dOptions(op, options, allowed) {
  options = convplayCheckOptions(op, options, allowed || CONVPLAY_CONV2D_OPTIONS);
  // nn.Conv2d's constructor rejects a bad padding_mode before anything else.
  var mode = convplayPaddingModeIndex(op, options.paddingMode);
  convplayPutPair(op, 'stride', options.stride, 1);
  var padding = options.padding;
  if (typeof padding == 'string') {
    var kind = padding === 'same' ? 1 : padding === 'valid' ? 2 : 0;
    if (kind === 0) {
      Module['_cpRejectPaddingString'](padding);
      throw convplayEngineError();
    }
    convplayPut(kind);
    convplayPutPair(op, 'padding', undefined, 0);
  } else {
    convplayPut(0);
    convplayPutPair(op, 'padding', padding, 0);
  }
  convplayPutPair(op, 'dilation', options.dilation, 1);
  convplayPutGroups(op, options.groups);
  convplayPut(mode);
}

function convplayPutConvTranspose2dOptions(op, options, allowed) {
  options = convplayCheckOptions(op, options, allowed || CONVPLAY_CONV_TRANSPOSE2D_OPTIONS);
  // ConvTranspose2d is zeros-only, as in PyTorch's nn.ConvTranspose2d.
  if (convplayPaddingModeIndex(op, options.paddingMode) !== 0) {
    throw new ConvPlayError('Only "zeros" padding mode is supported for ConvTranspose2d',
                            'padding_mode_not_supported', 'paddingMode', 'ValueError');
  }
  convplayPutPair(op, 'stride', options.stride, 1);
  if (typeof options.padding == 'string') {  // no 'same'/'valid' for transposed convolutions
    throw new ConvPlayError("conv_transpose2d(): argument 'padding' must be tuple of ints, not str",
                            'bad_argument', 'padding', 'TypeError');
  }
  convplayPutPair(op, 'padding', options.padding, 0);
  convplayPutPair(op, 'dilation', options.dilation, 1);
  convplayPutPair(op, 'outputPadding', options.outputPadding, 0);
  convplayPutGroups(op, options.groups);
  var outputSize = options.outputSize;
  if (outputSize === undefined || outputSize === null) {
    convplayPut(0);
  } else if (!Array.isArray(outputSize)) {
    throw convplayArgumentError(op, 'outputSize', 'outputSize must be a list of integers ([H, W] or with ' +
                                'leading dims), but got ' + convplayDescribe(outputSize));
  } else {
    convplayPut(1);
    convplayPut(outputSize.length);
    for (var i = 0; i < outputSize.length; i++) {
      convplayCheckInteger(op, 'outputSize', outputSize[i], outputSize);
      convplayPut(outputSize[i]);
    }
  }
}
