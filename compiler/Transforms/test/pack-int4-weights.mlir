// RUN: webnnc-opt %s -split-input-file -webnn-widen-int4 -webnn-pack-int4-weights=panel-width=4 | FileCheck %s

// int4 weights [K = 2, N = 3] with per-column scales and one zero point:
// codes are value + 8 ([[-8, 1, 7], [0, -1, 2]] -> [[0, 9, 15],
// [8, 7, 10]]). Panels of 4 columns hold two bytes per row: column q in
// the low four bits, column q + 2 in the high four (column 3 is past N):
// row 0 is [0 | 15 << 4, 9], row 1 [8 | 10 << 4, 7]. The zero point 1 is
// code 9; the padded column has zero and scale 0.
// CHECK-LABEL: func.func @per_column
// CHECK-DAG: %[[B:.*]] = webnn.constant {webnn.packed} dense<{{\[\[\[}}240, 9], [168, 7]]]> : tensor<1x2x2xui8>
// CHECK-DAG: %[[Z:.*]] = webnn.constant {webnn.packed} dense<{{\[\[\[}}9.000000e+00, 9.000000e+00, 9.000000e+00, 0.000000e+00]]]> : tensor<1x1x4xf32>
// CHECK-DAG: %[[S:.*]] = webnn.constant {webnn.packed} dense<{{\[\[\[}}5.000000e-01, 2.500000e-01, 2.000000e+00, 0.000000e+00]]]> : tensor<1x1x4xf32>
// CHECK: %[[Y:.*]] = webnn.packed_int4_matmul %arg0, %[[B]], %[[Z]], %[[S]] {block_size = 2 : i64, columns = 3 : i64} : (tensor<5x2xf32>, tensor<1x2x2xui8>, tensor<1x1x4xf32>, tensor<1x1x4xf32>) -> tensor<5x3xf32>
// CHECK: return %[[Y]]
// CHECK-NOT: webnn.dequantize_linear
func.func @per_column(%a: tensor<5x2xf32> {webnn.name = "a"}) -> (tensor<5x3xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[-8, 1, 7], [0, -1, 2]]> : tensor<2x3xi4>
  %s = webnn.constant dense<[0.5, 0.25, 2.0]> : tensor<3xf32>
  %z = webnn.constant dense<1> : tensor<3xi4>
  %b = webnn.dequantize_linear %w, %s, %z : (tensor<2x3xi4>, tensor<3xf32>, tensor<3xi4>) -> tensor<2x3xf32>
  %y = webnn.matmul %a, %b : (tensor<5x2xf32>, tensor<2x3xf32>) -> tensor<5x3xf32>
  return %y : tensor<5x3xf32>
}

// -----

// A gemm with B transposed ([N = 2, K = 4]), uint4 codes as they are, and
// blockwise parameters [N, K / 2]: blocks of 2 rows of B, each column's
// scale and zero point per block ([panels, blocks, P]). C is kept.
// CHECK-LABEL: func.func @blockwise_transposed
// CHECK-DAG: webnn.constant {webnn.packed} dense<{{\[\[\[}}1.000000e+00, 3.000000e+00, 0.000000e+00, 0.000000e+00], [2.000000e+00, 4.000000e+00, 0.000000e+00, 0.000000e+00]]]> : tensor<1x2x4xf32>
// CHECK-DAG: webnn.constant {webnn.packed} dense<{{\[\[\[}}1.250000e-01, 5.000000e-01, 0.000000e+00, 0.000000e+00], [2.500000e-01, 1.000000e+00, 0.000000e+00, 0.000000e+00]]]> : tensor<1x2x4xf32>
// CHECK: webnn.packed_int4_matmul %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %arg1 {block_size = 2 : i64, columns = 2 : i64} : (tensor<3x4xf32>, tensor<1x4x2xui8>, tensor<1x2x4xf32>, tensor<1x2x4xf32>, tensor<2xf32>) -> tensor<3x2xf32>
func.func @blockwise_transposed(%a: tensor<3x4xf32> {webnn.name = "a"}, %c: tensor<2xf32> {webnn.name = "c"}) -> (tensor<3x2xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[0, 5, 10, 15], [3, 3, 12, 1]]> : tensor<2x4xui4>
  %s = webnn.constant dense<[[0.125, 0.25], [0.5, 1.0]]> : tensor<2x2xf32>
  %z = webnn.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xui4>
  %b = webnn.dequantize_linear %w, %s, %z : (tensor<2x4xui4>, tensor<2x2xf32>, tensor<2x2xui4>) -> tensor<2x4xf32>
  %y = webnn.gemm %a, %b, %c {b_transpose = true} : (tensor<3x4xf32>, tensor<2x4xf32>, tensor<2xf32>) -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// Kept float: 8-bit values past the 4-bit range, more static rows than
// max-rows (65 over the default 64), and a gemm with alpha 2.
// CHECK-LABEL: func.func @near_misses
// CHECK-NOT: webnn.packed_int4_matmul
// CHECK-COUNT-3: webnn.dequantize_linear
func.func @near_misses(%a: tensor<4x2xf32> {webnn.name = "a"}, %tall: tensor<65x2xf32> {webnn.name = "tall"}) -> (tensor<4x3xf32> {webnn.name = "y"}, tensor<65x3xf32> {webnn.name = "t"}, tensor<4x3xf32> {webnn.name = "g"}) {
  %wide = webnn.constant dense<[[16, 1, 7], [0, 1, 2]]> : tensor<2x3xui8>
  %w = webnn.constant dense<[[1, 1, 7], [0, 1, 2]]> : tensor<2x3xi4>
  %w2 = webnn.constant dense<[[1, 1, 7], [0, 1, 2]]> : tensor<2x3xi4>
  %s = webnn.constant dense<0.5> : tensor<f32>
  %zu = webnn.constant dense<0> : tensor<ui8>
  %z = webnn.constant dense<0> : tensor<i4>
  %b0 = webnn.dequantize_linear %wide, %s, %zu : (tensor<2x3xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x3xf32>
  %y = webnn.matmul %a, %b0 : (tensor<4x2xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %b1 = webnn.dequantize_linear %w, %s, %z : (tensor<2x3xi4>, tensor<f32>, tensor<i4>) -> tensor<2x3xf32>
  %t = webnn.matmul %tall, %b1 : (tensor<65x2xf32>, tensor<2x3xf32>) -> tensor<65x3xf32>
  %b2 = webnn.dequantize_linear %w2, %s, %z : (tensor<2x3xi4>, tensor<f32>, tensor<i4>) -> tensor<2x3xf32>
  %g = webnn.gemm %a, %b2 {alpha = 2.0 : f64} : (tensor<4x2xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %y, %t, %g : tensor<4x3xf32>, tensor<65x3xf32>, tensor<4x3xf32>
}
