// RUN: webnnc-opt %s -webnn-fold-constants -split-input-file | FileCheck %s
// RUN: webnnc-opt %s -webnn-fold-constants="max-elements=4" -split-input-file | FileCheck %s --check-prefix=SMALL

// A weight's transpose, a cast and arithmetic on constants become
// constants; the constants only they read disappear.
// CHECK-LABEL: func @folds
func.func @folds(%x: tensor<3x2xf32> {webnn.name = "x"}) -> (tensor<3x2xf32> {webnn.name = "y"}) {
  // CHECK-DAG: %[[T:.*]] = webnn.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
  // CHECK-DAG: %[[S:.*]] = webnn.constant dense<{{\[}}[2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00], [4.000000e+00, 7.000000e+00]]> : tensor<3x2xf32>
  // CHECK-NOT: webnn.transpose
  // CHECK-NOT: webnn.cast
  // CHECK: %[[A:.*]] = webnn.add %arg0, %[[T]]
  // CHECK: %[[B:.*]] = webnn.mul %[[A]], %[[S]]
  // CHECK: return %[[B]]
  %w = webnn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %t = webnn.transpose %w : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %i = webnn.constant dense<1> : tensor<3x2xi32>
  %one = webnn.cast %i {data_type = #webnn<data_type float32>} : (tensor<3x2xi32>) -> tensor<3x2xf32>
  %s = webnn.add %t, %one : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  %a = webnn.add %x, %t : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  %b = webnn.mul %a, %s : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %b : tensor<3x2xf32>
}

// -----

// A graph output stays computed by an operation.
// CHECK-LABEL: func @output_stays
func.func @output_stays() -> (tensor<2xf32> {webnn.name = "y"}) {
  // CHECK: %[[C:.*]] = webnn.constant dense<[-1.000000e+00, 2.000000e+00]>
  // CHECK: %[[R:.*]] = webnn.relu %[[C]]
  // CHECK: return %[[R]]
  %c = webnn.constant dense<[-1.0, 2.0]> : tensor<2xf32>
  %r = webnn.relu %c : (tensor<2xf32>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// -----

// expand would store every copy: with a small max-elements it stays.
// CHECK-LABEL: func @expand
// SMALL-LABEL: func @expand
func.func @expand(%x: tensor<4x2xf32> {webnn.name = "x"}) -> (tensor<4x2xf32> {webnn.name = "y"}) {
  // CHECK: webnn.constant dense<{{\[}}[5.000000e-01, 2.500000e-01], [5.000000e-01, 2.500000e-01], [5.000000e-01, 2.500000e-01], [5.000000e-01, 2.500000e-01]]>
  // CHECK-NOT: webnn.expand
  // SMALL: webnn.expand
  %c = webnn.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %e = webnn.expand %c {new_shape = array<i64: 4, 2>} : (tensor<2xf32>) -> tensor<4x2xf32>
  %y = webnn.add %x, %e : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
  return %y : tensor<4x2xf32>
}

// -----

// Folding would expand a splat constant on the host: a 2^30-element fill
// (4 GiB as float32) stays a kernel's input, even though the result is one
// number; a small splat still folds.
// CHECK-LABEL: func @large_splat
func.func @large_splat(%x: tensor<1xf32> {webnn.name = "x"}) -> (tensor<1xf32> {webnn.name = "y"}, tensor<1xf32> {webnn.name = "z"}) {
  // CHECK: webnn.constant dense<1.000000e+00> : tensor<32768x32768xf32>
  // CHECK: webnn.reduce_sum
  // CHECK-NOT: webnn.reduce_max
  %big = webnn.constant dense<1.0> : tensor<32768x32768xf32>
  %s = webnn.reduce_sum %big : (tensor<32768x32768xf32>) -> tensor<f32>
  %y = webnn.add %x, %s : (tensor<1xf32>, tensor<f32>) -> tensor<1xf32>
  %small = webnn.constant dense<2.0> : tensor<16x16xf32>
  %m = webnn.reduce_max %small : (tensor<16x16xf32>) -> tensor<f32>
  %z = webnn.add %x, %m : (tensor<1xf32>, tensor<f32>) -> tensor<1xf32>
  return %y, %z : tensor<1xf32>, tensor<1xf32>
}

// -----

// float16 and integer semantics are the evaluator's: rounding to float16,
// wrapping integers.
// CHECK-LABEL: func @types
func.func @types(%x: tensor<2xf16> {webnn.name = "x"}, %i: tensor<2xi8> {webnn.name = "i"}) -> (tensor<2xf16> {webnn.name = "y"}, tensor<2xi8> {webnn.name = "j"}) {
  // CHECK-DAG: webnn.constant dense<[1.000000e+00, 3.332520e-01]> : tensor<2xf16>
  // CHECK-DAG: webnn.constant dense<[-126, 0]> : tensor<2xi8>
  %a = webnn.constant dense<[1.0, 3.0]> : tensor<2xf16>
  %r = webnn.reciprocal %a : (tensor<2xf16>) -> tensor<2xf16>
  %b = webnn.constant dense<[127, -128]> : tensor<2xi8>
  %c = webnn.constant dense<[3, -128]> : tensor<2xi8>
  %w = webnn.add %b, %c : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  %y = webnn.mul %x, %r : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %j = webnn.sub %i, %w : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  return %y, %j : tensor<2xf16>, tensor<2xi8>
}
