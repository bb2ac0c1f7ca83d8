// --post-js, part 1 of 4: the error type every convplay call throws.
// Engine errors carry the engine's message (PyTorch's words), its stable code, the
// offending parameter (JS API name) and the Python exception class PyTorch raises.
// Wrong JavaScript types are caught in the glue and reported the same way.

/** @constructor */
class ConvPlayError extends Error {
  constructor(message, code, param, pythonType) {
    super(message);
    this.name = 'ConvPlayError';
    this.code = code;
    this.param = param;
    this.pythonType = pythonType;
  }
}
Module['ConvPlayError'] = ConvPlayError;

// The error the engine just reported (only read on the error path: strings cost).
function convplayEngineError() {
  return new ConvPlayError(Module['_cpErrorMessage'](), Module['_cpErrorCode'](),
                           Module['_cpErrorParam'](), Module['_cpErrorPythonType']());
}

// A JavaScript value of the wrong type or form: PyTorch would raise TypeError here.
function convplayArgumentError(op, param, message) {
  return new ConvPlayError(op + ': ' + message, 'bad_argument', param, 'TypeError');
}

// A short, readable rendering of any value for error messages: 'abc' (a string), NaN,
// [1, 2], {...}, undefined.
function convplayDescribe(value) {
  if (typeof value == 'string') return "'" + value + "' (a string)";
  if (typeof value == 'number' || typeof value == 'boolean' || typeof value == 'bigint' ||
      value === null || value === undefined) {
    return String(value) + (typeof value == 'boolean' || typeof value == 'bigint' ?
                                ' (a ' + typeof value + ')' : '');
  }
  if (Array.isArray(value)) {
    return '[' + value.map(function(v) {
      return typeof v == 'string' ? "'" + v + "'" : String(v);
    }).join(', ') + ']';
  }
  if (ArrayBuffer.isView(value)) return 'a ' + value.constructor.name;
  if (typeof value == 'function') return 'a function';
  return 'an object';
}
