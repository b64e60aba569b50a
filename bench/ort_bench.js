// SPDX-License-Identifier: Apache-2.0
// ONNX Runtime's side of bench/run.py: loads MODEL with onnxruntime-node
// (CPU, all graph optimizations, T intra-op threads), computes INPUT.npy a
// few times to warm up, prints "ready", then answers each stdin line N with
// the times (ms) of N computes on one line. At end of input writes the
// first output to OUTPUT.npy.
//
//   node ort_bench.js MODEL INPUT.npy OUTPUT.npy THREADS
//
// ORT_MATMULNBITS_ACCURACY_LEVEL=N sets ORT's accuracy level for the
// MatMulNBits kernels it makes of int4 DequantizeLinear -> MatMul (its
// default, 4, quantizes the activations to int8; 0 computes in float32,
// as webnnc does).
'use strict';
const fs = require('fs');
const readline = require('readline');
const ort = require('onnxruntime-node');

// A little-endian float32 .npy file (what numpy.save writes for float32).
function readNpy(path) {
  const bytes = fs.readFileSync(path);
  if (bytes.toString('latin1', 1, 6) !== 'NUMPY')
    throw new Error(`${path}: not a .npy file`);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.toString('latin1', 10, 10 + headerLength);
  if (!header.includes("'descr': '<f4'") || header.includes("'fortran_order': True"))
    throw new Error(`${path}: expected a C-order float32 array, header ${header}`);
  const shape = header.match(/'shape': \(([^)]*)\)/)[1]
      .split(',').map((s) => s.trim()).filter((s) => s).map(Number);
  const offset = 10 + headerLength;
  const data = new Float32Array(bytes.buffer.slice(
      bytes.byteOffset + offset, bytes.byteOffset + bytes.length));
  return new ort.Tensor('float32', data, shape);
}

function writeNpy(path, tensor) {
  const shape = tensor.dims.length === 1 ? `(${tensor.dims[0]},)`
                                         : `(${tensor.dims.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  header += ' '.repeat(63 - ((header.length + 10) % 64)) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const data = Buffer.from(tensor.data.buffer, tensor.data.byteOffset,
                           tensor.data.byteLength);
  fs.writeFileSync(path, Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]));
}

async function main() {
  const [modelPath, inputPath, outputPath, threads] = process.argv.slice(2);
  const options = {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: Number(threads),
    interOpNumThreads: 1,
  };
  const level = process.env.ORT_MATMULNBITS_ACCURACY_LEVEL;
  if (level)
    options.extra = {session: {qdq_matmulnbits_accuracy_level: level}};
  const session = await ort.InferenceSession.create(modelPath, options);
  const feeds = {[session.inputNames[0]]: readNpy(inputPath)};
  let outputs;
  const start = process.hrtime.bigint();
  for (let i = 0; i < 3 || process.hrtime.bigint() - start < 200000000n; ++i)
    outputs = await session.run(feeds);
  console.log('ready');
  const lines = readline.createInterface({input: process.stdin});
  for await (const line of lines) {
    const count = Number(line);
    const times = [];
    for (let i = 0; i < count; ++i) {
      const t0 = process.hrtime.bigint();
      outputs = await session.run(feeds);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(times.join(' '));
  }
  writeNpy(outputPath, outputs[session.outputNames[0]]);
}

main().catch((error) => {
  console.error(`ort_bench: ${error.message}`);
  process.exit(1);
});
