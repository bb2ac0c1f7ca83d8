// --extern-post-js of the engine module: runs after the factory is defined, outside it.
// Emscripten 3.1.6 returns an anonymous function; give it its contract name so that
// stack traces and createConvPlay.name say what it is.
if (typeof createConvPlay == 'function' && createConvPlay.name !== 'createConvPlay') {
  Object.defineProperty(createConvPlay, 'name', { value: 'createConvPlay' });
}
