// SPDX-License-Identifier: Apache-2.0
// Computes an ONNX model with ONNX Runtime (npm onnxruntime-node, the
// package bench/ installs), as the reference the model corpus compares
// webnnc with:
//
//   node ort_run.js MODEL OUT_DIR NAME=INPUT.npy ... [--threads T]
//
// writes OUT_DIR/<output name>.npy for every graph output (names with '/'
// or ':' have them replaced by '_'). Reads and writes .npy files of
// float32, float16, float64, int8/16/32/64, uint8/16/32/64 and bool.
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require(path.join(__dirname, '../../bench/node_modules/onnxruntime-node'));

const kinds = {
  '<f4': ['float32', Float32Array], '<f8': ['float64', Float64Array],
  '<f2': ['float16', Uint16Array], '|i1': ['int8', Int8Array],
  '|u1': ['uint8', Uint8Array], '<i2': ['int16', Int16Array],
  '<u2': ['uint16', Uint16Array], '<i4': ['int32', Int32Array],
  '<u4': ['uint32', Uint32Array], '<i8': ['int64', BigInt64Array],
  '<u8': ['uint64', BigUint64Array], '|b1': ['bool', Uint8Array],
};

function readNpy(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${file}: not .npy`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', start, start + headerLength);
  const descr = header.match(/'descr': '([^']*)'/)[1];
  if (header.includes("'fortran_order': True")) throw new Error(`${file}: fortran order`);
  const shape = header.match(/'shape': \(([^)]*)\)/)[1]
      .split(',').map((s) => s.trim()).filter((s) => s).map(Number);
  const kind = kinds[descr];
  if (!kind) throw new Error(`${file}: unsupported dtype ${descr}`);
  const offset = start + headerLength;
  const raw = bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + bytes.length);
  let data = new kind[1](raw);
  if (kind[0] === 'bool') data = Uint8Array.from(data);
  return new ort.Tensor(kind[0], kind[0] === 'bool' ? Array.from(data, (v) => v !== 0) : data, shape);
}

function writeNpy(file, tensor) {
  const descr = Object.keys(kinds).find((k) => kinds[k][0] === tensor.type);
  if (!descr) throw new Error(`output type ${tensor.type} not supported`);
  const dims = tensor.dims;
  const shape = dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  header += ' '.repeat(63 - ((header.length + 10) % 64)) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix.writeUInt16LE(header.length, 8);
  let data = tensor.data;
  if (tensor.type === 'bool') data = Uint8Array.from(data, (v) => (v ? 1 : 0));
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  fs.writeFileSync(file, Buffer.concat([prefix, Buffer.from(header, 'latin1'), body]));
}

async function main() {
  const args = process.argv.slice(2);
  let threads = 1;
  const t = args.indexOf('--threads');
  if (t >= 0) { threads = Number(args[t + 1]); args.splice(t, 2); }
  const [modelPath, outDir, ...inputs] = args;
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'], graphOptimizationLevel: 'all',
    intraOpNumThreads: threads, interOpNumThreads: 1,
  });
  const feeds = {};
  for (const spec of inputs) {
    const eq = spec.indexOf('=');
    feeds[spec.slice(0, eq)] = readNpy(spec.slice(eq + 1));
  }
  const outputs = await session.run(feeds);
  fs.mkdirSync(outDir, {recursive: true});
  for (const name of session.outputNames) {
    const file = path.join(outDir, name.replace(/[/:]/g, '_') + '.npy');
    writeNpy(file, outputs[name]);
    console.log(`${name} -> ${file}`);
  }
}

main().catch((e) => { console.error(`ort_run: ${e.message}`); process.exit(1); });
