// --pre-js of the engine module. In Node, Emscripten 3.1.6 would fetch() the .wasm by
// its file path (Node 18+ has a global fetch), which fails; hand it the bytes instead,
// read from convplay.wasm next to this script. Browsers load the file as usual.
if (typeof process == 'object' && process.versions && process.versions.node &&
    !Module['wasmBinary'] && !Module['instantiateWasm']) {
  var convplayWasmDir = typeof __dirname == 'string' ? __dirname : process.cwd();
  var convplayWasmPath = Module['locateFile'] ?
      Module['locateFile']('convplay.wasm', convplayWasmDir + '/') :
      require('path').join(convplayWasmDir, 'convplay.wasm');
  Module['wasmBinary'] = require('fs').readFileSync(convplayWasmPath);
}
