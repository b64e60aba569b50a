// RUN: not webnnc %s -o %t.o --outputs nothing 2>&1 | FileCheck %s --check-prefix=OUTPUT
// RUN: not webnnc %s -o %t.o --name 9lives 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: not webnnc %s -o %t.o --target pentium 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not webnnc %s -o %t.o --target aarch64+sve 2>&1 | FileCheck %s --check-prefix=FEATURE
// RUN: not webnnc %s --emit=mlir -o %t.mlir --header %t.h 2>&1 | FileCheck %s --check-prefix=HEADER
// RUN: webnnc %s --emit=mlir --outputs hidden -o - 2>&1 | FileCheck %s --check-prefix=PRUNED

// OUTPUT: options.mlir:[[@LINE+10]]:1: error: no operand named 'nothing': not a graph output nor an op label
// NAME: model name '9lives' must be a C identifier of at most 64 characters
// TARGET: --target: unknown target 'pentium' (expected host, x86-64-v3, x86-64-v4, aarch64, aarch64+dotprod or aarch64+fp16)
// FEATURE: --target: unknown aarch64 feature '+sve' in target 'aarch64+sve' (expected +dotprod or +fp16)
// HEADER: --header needs --emit=obj
// An intermediate output: only its producer is compiled, the unused
// input is reported.
// PRUNED: warning: input 'bias' is not needed by the requested outputs
// PRUNED: func.func @main(%{{.*}}: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "hidden"})
// PRUNED-NOT: webnn.add
func.func @main(%x: tensor<4xf32> {webnn.name = "x"}, %bias: tensor<4xf32> {webnn.name = "bias"}) -> (tensor<4xf32> {webnn.name = "y"}) {
  %0 = webnn.tanh %x : (tensor<4xf32>) -> tensor<4xf32> loc("hidden")
  %1 = webnn.add %0, %bias : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
