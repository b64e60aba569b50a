// RUN: webnnc %s --emit=asm -o - | FileCheck %s

// Large kernels split their loops over the runtime's thread pool; small
// ones are not split below a useful grain.
// CHECK-LABEL: # kernel parallel_k{{[0-9]+}}_conv2d
// CHECK: call{{q?}} halide_do_par_for
// CHECK-LABEL: # kernel parallel_k{{[0-9]+}}_relu
// CHECK-NOT: halide_do_par_for
func.func @main(%x: tensor<1x16x40x41xf32> {webnn.name = "x"}, %w: tensor<32x16x3x3xf32> {webnn.name = "w"}, %s: tensor<2x8xf32> {webnn.name = "s"}) -> (tensor<1x32x40x41xf32> {webnn.name = "y"}, tensor<2x8xf32> {webnn.name = "r"}) {
  %0 = webnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x40x41xf32>, tensor<32x16x3x3xf32>) -> tensor<1x32x40x41xf32>
  %1 = webnn.relu %s : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %0, %1 : tensor<1x32x40x41xf32>, tensor<2x8xf32>
}
