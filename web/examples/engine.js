// The engine example's script (a file of its own: the page's CSP allows no inline script).
// Prints the result as rows of numbers, and exposes it for the browser smoke test.
createConvPlay().then(function (cp) {
  var input = { data: new Float32Array(9).fill(1), shape: [1, 1, 3, 3] };
  var weight = { data: new Float32Array(9).fill(1), shape: [1, 1, 3, 3] };
  var out = cp.convTranspose2d(input, weight, null, { stride: 2, outputPadding: 1 });
  var width = out.shape[3];
  var rows = [];
  for (var y = 0; y < out.shape[2]; y++) {
    rows.push(Array.from(out.data.subarray(y * width, (y + 1) * width)).join(' '));
  }
  document.getElementById('result').textContent =
      'shape [' + out.shape.join(', ') + ']\n' + rows.join('\n');
  window.engineResult = { shape: out.shape, data: Array.from(out.data) };
}).catch(function (error) {
  document.getElementById('result').textContent = 'error: ' + error.message;
  window.engineResult = { error: String(error.message) };
});
