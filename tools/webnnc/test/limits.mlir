// `webnnc --limits` prints MLContext.opSupportLimits() as JSON; `--version`
// names the compiler, LLVM/MLIR and Halide.
// RUN: webnnc --limits | FileCheck %s
// RUN: webnnc --version | FileCheck %s --check-prefix=VERSION

// CHECK: "preferredInputLayout": "nhwc",
// CHECK: "maxTensorByteLength": 2147483647,
// CHECK: "input": {"dataTypes": ["float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8", "int4", "uint4"]
// Four-bit types: storage for quantized data, not arithmetic.
// CHECK: "add": {"a": {"dataTypes": ["float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8"], "rankRange"
// CHECK: "concat": {"inputs": {"dataTypes": [{{.*}}"int4", "uint4"]
// CHECK: "conv2d": {"input": {"dataTypes": ["float32", "float16"], "rankRange": {"min": 4, "max": 4}}, "filter": {"dataTypes": ["float32", "float16"], "rankRange": {"min": 4, "max": 4}}},
// CHECK: "cumulativeSum": {"input": {"dataTypes": ["float32", "float16", "int32", "uint32", "int64", "uint64"], "rankRange": {"min": 1, "max": 8}}},
// CHECK: "dequantizeLinear": {"input": {"dataTypes": ["int32", "uint32", "int8", "uint8", "int4", "uint4"]
// CHECK: "where": {"condition": {"dataTypes": ["uint8"]

// VERSION: webnnc {{[0-9]+\.[0-9]+\.[0-9]+}}
// VERSION-NEXT: LLVM/MLIR 22.
// VERSION-NEXT: Halide 14.
// VERSION-NEXT: default target: host (x86-64-linux
// VERSION-NEXT: targets: host, x86-64-v3, x86-64-v4, aarch64[+dotprod][+fp16] (aarch64 runtime: 
