// RUN: not webnnc %s -o %t.o 2>&1 | FileCheck %s
// RUN: not webnnc %t.missing.mlir -o %t.o 2>&1 | FileCheck %s --check-prefix=MISSING

// Errors point at file:line:col and name the op, the operand and the rule.
// CHECK: diagnostics.mlir:[[@LINE+3]]:8: error: 'webnn.conv2d' op filter: input channels (2) must equal the input's channels / groups (3)
// MISSING: cannot read '{{.*}}.missing.mlir': No such file or directory
func.func @main(%x: tensor<1x3x8x8xf32> {webnn.name = "x"}, %w: tensor<4x2x3x3xf32> {webnn.name = "w"}) -> (tensor<1x4x6x6xf32> {webnn.name = "y"}) {
  %0 = webnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}
