// Builds the small ONNX models the benchmark feeds onnxruntime-web: one Conv or
// ConvTranspose node, weight and bias as initializers, written as protobuf bytes by
// hand (field numbers from onnx/onnx.proto), so nothing is downloaded or generated
// by another tool.
'use strict';

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;
const ONNX_FLOAT = 1;         // TensorProto.DataType.FLOAT
const ATTRIBUTE_INTS = 7;     // AttributeProto.AttributeType.INTS
const ATTRIBUTE_INT = 2;      // AttributeProto.AttributeType.INT

function varint(value) {
  const bytes = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return bytes;
}

const key = (field, wire) => varint((field << 3) | wire);
const intField = (field, value) => [...key(field, WIRE_VARINT), ...varint(value)];
function bytesField(field, payload) {
  const body = payload instanceof Uint8Array ? Array.from(payload) : payload;
  return [...key(field, WIRE_BYTES), ...varint(body.length), ...body];
}
const stringField = (field, text) => bytesField(field, Array.from(Buffer.from(text, 'utf8')));

// AttributeProto: name = 1, i = 3, ints = 8, type = 20.
function intsAttribute(name, values) {
  return [...stringField(1, name), ...values.flatMap((v) => intField(8, v)), ...intField(20, ATTRIBUTE_INTS)];
}
function intAttribute(name, value) {
  return [...stringField(1, name), ...intField(3, value), ...intField(20, ATTRIBUTE_INT)];
}

// TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian floats).
function initializer(name, dims, data) {
  const raw = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return [...dims.flatMap((d) => intField(1, d)), ...intField(2, ONNX_FLOAT), ...stringField(8, name),
          ...bytesField(9, raw)];
}

// ValueInfoProto{name = 1, type = 2: TypeProto{tensor_type = 1: {elem_type = 1,
// shape = 2: TensorShapeProto{dim = 1: Dimension{dim_value = 1}}}}}
function valueInfo(name, dims) {
  const shape = dims.flatMap((d) => bytesField(1, intField(1, d)));
  const tensorType = [...intField(1, ONNX_FLOAT), ...bytesField(2, shape)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

// op: 'Conv' or 'ConvTranspose'; bias may be omitted. attrs: { strides, pads ([top, left, bottom, right]),
// dilations, group }. Returns the model as Uint8Array.
function buildConvModel({ op, inputShape, weightShape, weight, bias, outputShape, attrs }) {
  const nodeAttributes = [
    bytesField(5, intsAttribute('kernel_shape', weightShape.slice(2))),
    bytesField(5, intsAttribute('strides', attrs.strides)),
    bytesField(5, intsAttribute('pads', attrs.pads)),
    bytesField(5, intsAttribute('dilations', attrs.dilations)),
    bytesField(5, intAttribute('group', attrs.group)),
  ].flat();
  // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.
  const inputs = bias ? ['X', 'W', 'B'] : ['X', 'W'];
  const node = [...inputs.flatMap((name) => stringField(1, name)),
                ...stringField(2, 'Y'), ...stringField(3, 'conv'), ...stringField(4, op),
                ...nodeAttributes];
  // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
  const graph = [...bytesField(1, node), ...stringField(2, 'bench'),
                 ...bytesField(5, initializer('W', weightShape, weight)),
                 ...(bias ? bytesField(5, initializer('B', [bias.length], bias)) : []),
                 ...bytesField(11, valueInfo('X', inputShape)),
                 ...bytesField(12, valueInfo('Y', outputShape))];
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8
  // (OperatorSetIdProto: domain = 1, version = 2).
  const model = [...intField(1, 8), ...stringField(2, 'convplay-bench'), ...bytesField(7, graph),
                 ...bytesField(8, [...stringField(1, ''), ...intField(2, 13)])];
  return Uint8Array.from(model);
}

module.exports = { buildConvModel };
