// RUN: webnnc-opt %s | webnnc-opt | FileCheck %s
// Every op prints and parses back to itself; default options stay implicit.

// CHECK-LABEL: func @elementwise
func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  // CHECK: webnn.add %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.sub
  %1 = webnn.sub %0, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.mul
  %2 = webnn.mul %1, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.div
  %3 = webnn.div %2, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.max
  %4 = webnn.max %3, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.min
  %5 = webnn.min %4, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.pow
  %6 = webnn.pow %5, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.relu %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = webnn.relu %6 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.sigmoid
  %8 = webnn.sigmoid %7 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.tanh
  %9 = webnn.tanh %8 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{.*}} {max_value = 6.000000e+00 : f64, min_value = 0.000000e+00 : f64}
  %10 = webnn.clamp %9 {min_value = 0.0 : f64, max_value = 6.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %10 : tensor<2x3xf32>
}

// CHECK-LABEL: func @integer_types
func.func @integer_types(%a: tensor<4xui8>, %b: tensor<4xi64>) -> (tensor<4xui8>, tensor<4xi64>) {
  // CHECK: webnn.max %{{.*}} : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %0 = webnn.max %a, %a : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  // CHECK: webnn.relu %{{.*}} : (tensor<4xi64>) -> tensor<4xi64>
  %1 = webnn.relu %b : (tensor<4xi64>) -> tensor<4xi64>
  return %0, %1 : tensor<4xui8>, tensor<4xi64>
}

// CHECK-LABEL: func @conv_and_pool
func.func @conv_and_pool(%x: tensor<1x8x8x3xf16>, %w: tensor<3x3x3x16xf16>, %bias: tensor<16xf16>) -> tensor<1x4x4x16xf16> {
  // CHECK: webnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {filter_layout = #webnn<filter_layout hwio>, input_layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>}
  %0 = webnn.conv2d %x, %w, %bias {padding = array<i64: 1, 1, 1, 1>, input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout hwio>}
      : (tensor<1x8x8x3xf16>, tensor<3x3x3x16xf16>, tensor<16xf16>) -> tensor<1x8x8x16xf16>
  // CHECK: webnn.max_pool2d %{{.*}} {layout = #webnn<layout nhwc>, strides = array<i64: 2, 2>, window_dimensions = array<i64: 2, 2>}
  %1 = webnn.max_pool2d %0 {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #webnn<layout nhwc>}
      : (tensor<1x8x8x16xf16>) -> tensor<1x4x4x16xf16>
  // CHECK: webnn.average_pool2d %{{.*}} {layout = #webnn<layout nhwc>, output_shape_rounding = #webnn<rounding ceil>, window_dimensions = array<i64: 3, 3>}
  %2 = webnn.average_pool2d %1 {window_dimensions = array<i64: 3, 3>, layout = #webnn<layout nhwc>, output_shape_rounding = #webnn<rounding ceil>}
      : (tensor<1x4x4x16xf16>) -> tensor<1x2x2x16xf16>
  // CHECK: webnn.l2_pool2d %{{.*}} {layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>, window_dimensions = array<i64: 3, 3>}
  %3 = webnn.l2_pool2d %1 {window_dimensions = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, layout = #webnn<layout nhwc>}
      : (tensor<1x4x4x16xf16>) -> tensor<1x4x4x16xf16>
  return %3 : tensor<1x4x4x16xf16>
}

// CHECK-LABEL: func @matrices
func.func @matrices(%a: tensor<2x5x3xf32>, %b: tensor<3x4xf32>, %c: tensor<4xf32>) -> (tensor<2x5x4xf32>, tensor<10x4xf32>) {
  // CHECK: webnn.matmul %{{.*}}, %{{.*}} : (tensor<2x5x3xf32>, tensor<3x4xf32>) -> tensor<2x5x4xf32>
  %0 = webnn.matmul %a, %b : (tensor<2x5x3xf32>, tensor<3x4xf32>) -> tensor<2x5x4xf32>
  // CHECK: webnn.reshape %{{.*}} {new_shape = array<i64: 10, 3>} : (tensor<2x5x3xf32>) -> tensor<10x3xf32>
  %1 = webnn.reshape %a {new_shape = array<i64: 10, 3>} : (tensor<2x5x3xf32>) -> tensor<10x3xf32>
  // CHECK: webnn.gemm %{{.*}}, %{{.*}}, %{{.*}} {a_transpose = true, alpha = 5.000000e-01 : f64, b_transpose = true} : (tensor<3x4xf32>, tensor<10x3xf32>, tensor<4x1xf32>) -> tensor<4x10xf32>
  %cc = webnn.reshape %c {new_shape = array<i64: 4, 1>} : (tensor<4xf32>) -> tensor<4x1xf32>
  %2 = webnn.gemm %b, %1, %cc {alpha = 0.5 : f64, b_transpose = true, a_transpose = true} : (tensor<3x4xf32>, tensor<10x3xf32>, tensor<4x1xf32>) -> tensor<4x10xf32>
  // CHECK: webnn.transpose %{{.*}} : (tensor<4x10xf32>) -> tensor<10x4xf32>
  %3 = webnn.transpose %2 : (tensor<4x10xf32>) -> tensor<10x4xf32>
  // CHECK: webnn.transpose %{{.*}} {permutation = array<i64: 1, 0>}
  %4 = webnn.transpose %3 {permutation = array<i64: 1, 0>} : (tensor<10x4xf32>) -> tensor<4x10xf32>
  // CHECK: webnn.softmax %{{.*}} {axis = 0 : i64} : (tensor<4x10xf32>) -> tensor<4x10xf32>
  %5 = webnn.softmax %4 {axis = 0 : i64} : (tensor<4x10xf32>) -> tensor<4x10xf32>
  %6 = webnn.transpose %5 : (tensor<4x10xf32>) -> tensor<10x4xf32>
  return %0, %6 : tensor<2x5x4xf32>, tensor<10x4xf32>
}

// CHECK-LABEL: func @constants
func.func @constants() -> (tensor<2x2xf32>, tensor<3xui8>) {
  // CHECK: webnn.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  %0 = webnn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  // CHECK: webnn.constant dense_resource<blob1> : tensor<3xui8>
  %1 = webnn.constant dense_resource<blob1> : tensor<3xui8>
  return %0, %1 : tensor<2x2xf32>, tensor<3xui8>
}

// CHECK: dialect_resources
// CHECK: blob1: "0x01000000070809"
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x01000000070809"
    }
  }
#-}
