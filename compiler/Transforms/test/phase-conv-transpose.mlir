// RUN: webnnc-opt %s -split-input-file -webnn-phase-conv-transpose | FileCheck %s

// A 3x3 stride-2 transposed conv (padding 1, outputPadding 1) becomes one
// channels-last conv over the 4 phases (2x2 taps each, so padding 1 in
// front and qh - ih = 5 - 4 = 1 behind), a reshape to
// [n, qh, qw, groups, sh, sw, o], the transpose that interleaves the
// phases, a slice of the padding and the transpose back to nchw.
// CHECK-LABEL: func.func @main
// CHECK: %[[F:.*]] = webnn.constant {{.*}} : tensor<8x3x2x2xf32>
// CHECK: %[[X:.*]] = webnn.transpose %arg0 {permutation = array<i64: 0, 2, 3, 1>}
// CHECK: %[[C:.*]] = webnn.conv2d %[[X]], %[[F]] {input_layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x4x3xf32>, tensor<8x3x2x2xf32>) -> tensor<1x5x5x8xf32>
// CHECK: %[[R:.*]] = webnn.reshape %[[C]] {new_shape = array<i64: 1, 5, 5, 1, 2, 2, 2>}
// CHECK: %[[T:.*]] = webnn.transpose %[[R]] {permutation = array<i64: 0, 1, 4, 2, 5, 3, 6>}
// CHECK: %[[W:.*]] = webnn.reshape %[[T]] {new_shape = array<i64: 1, 10, 10, 2>}
// CHECK: %[[S:.*]] = webnn.slice %[[W]] {sizes = array<i64: 1, 8, 8, 2>, starts = array<i64: 0, 1, 1, 0>}
// CHECK: webnn.transpose %[[S]] {permutation = array<i64: 0, 3, 1, 2>}
// CHECK-NOT: conv_transpose2d
func.func @main(%x: tensor<1x3x4x4xf32> {webnn.name = "x"}) -> (tensor<1x2x8x8xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<1.0> : tensor<3x2x3x3xf32>
  %0 = webnn.conv_transpose2d %x, %w {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>, output_padding = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x8x8xf32>
  return %0 : tensor<1x2x8x8xf32>
}

// -----

// Near misses keep the direct kernel: a filter computed at compute, an
// nhwc input, a dilation, an open height.
// CHECK-LABEL: func.func @main
// CHECK-COUNT-4: webnn.conv_transpose2d
func.func @main(%x: tensor<1x3x4x4xf32> {webnn.name = "x"}, %f: tensor<3x2x3x3xf32> {webnn.name = "f"}, %h: tensor<1x4x4x3xf32> {webnn.name = "h"}, %o: tensor<1x3x?x4xf32> {webnn.name = "o"}) -> (tensor<1x2x9x9xf32> {webnn.name = "a"}, tensor<1x9x9x2xf32> {webnn.name = "b"}, tensor<1x2x11x11xf32> {webnn.name = "c"}, tensor<1x2x?x9xf32> {webnn.name = "d"}) {
  %w = webnn.constant dense<1.0> : tensor<3x2x3x3xf32>
  %0 = webnn.conv_transpose2d %x, %f {strides = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x9x9xf32>
  %1 = webnn.conv_transpose2d %h, %w {strides = array<i64: 2, 2>, input_layout = #webnn<layout nhwc>} : (tensor<1x4x4x3xf32>, tensor<3x2x3x3xf32>) -> tensor<1x9x9x2xf32>
  %2 = webnn.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x11x11xf32>
  %3 = webnn.conv_transpose2d %o, %w {strides = array<i64: 2, 2>} : (tensor<1x3x?x4xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x?x9xf32>
  return %0, %1, %2, %3 : tensor<1x2x9x9xf32>, tensor<1x9x9x2xf32>, tensor<1x2x11x11xf32>, tensor<1x2x?x9xf32>
}
