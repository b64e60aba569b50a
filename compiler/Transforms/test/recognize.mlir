// RUN: webnnc-opt %s -split-input-file -webnn-recognize | FileCheck %s

// Layer normalization as torch exports it below opset 17 (ReduceMean,
// Sub, Pow, ReduceMean, Add, Sqrt, Div), then its scale and bias: the
// normalization becomes one op; scale and bias stay for fusion.
// CHECK-LABEL: func.func @layer_norm_opset13
// CHECK: %[[N:.*]] = webnn.layer_normalization %arg0 {axes = array<i64: 2>, epsilon = 9.9999997473787516E-6 : f64}
// CHECK-NEXT: %[[S:.*]] = webnn.mul %[[N]]
// CHECK-NEXT: webnn.add %[[S]]
// CHECK-NOT: webnn.reduce_mean
func.func @layer_norm_opset13(%x: tensor<2x5x8xf32> {webnn.name = "x"}) -> (tensor<2x5x8xf32> {webnn.name = "y"}) {
  %two = webnn.constant dense<2.0> : tensor<f32>
  %eps = webnn.constant dense<9.99999974E-6> : tensor<f32>
  %scale = webnn.constant dense<1.5> : tensor<8xf32>
  %bias = webnn.constant dense<0.25> : tensor<8xf32>
  %m = webnn.reduce_mean %x {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %d = webnn.sub %x, %m : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  %p = webnn.pow %d, %two : (tensor<2x5x8xf32>, tensor<f32>) -> tensor<2x5x8xf32>
  %v = webnn.reduce_mean %p {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %a = webnn.add %v, %eps : (tensor<2x5x1xf32>, tensor<f32>) -> tensor<2x5x1xf32>
  %s = webnn.sqrt %a : (tensor<2x5x1xf32>) -> tensor<2x5x1xf32>
  %n = webnn.div %d, %s : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  %y1 = webnn.mul %n, %scale : (tensor<2x5x8xf32>, tensor<8xf32>) -> tensor<2x5x8xf32>
  %y = webnn.add %y1, %bias : (tensor<2x5x8xf32>, tensor<8xf32>) -> tensor<2x5x8xf32>
  return %y : tensor<2x5x8xf32>
}

// -----

// Instance normalization written out over the spatial axes, with the
// square as a product, epsilon first and a reciprocal square root.
// CHECK-LABEL: func.func @instance_norm_spelled_out
// CHECK: webnn.layer_normalization %arg0 {axes = array<i64: 2, 3>, epsilon = 0.0010000000474974513 : f64}
// CHECK-NOT: webnn.reduce_mean
func.func @instance_norm_spelled_out(%x: tensor<1x3x4x5xf32> {webnn.name = "x"}) -> (tensor<1x3x4x5xf32> {webnn.name = "y"}) {
  %eps = webnn.constant dense<1.0E-3> : tensor<1xf32>
  %m = webnn.reduce_mean %x {axes = array<i64: 2, 3>, keep_dimensions = true} : (tensor<1x3x4x5xf32>) -> tensor<1x3x1x1xf32>
  %d = webnn.sub %x, %m : (tensor<1x3x4x5xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x4x5xf32>
  %p = webnn.mul %d, %d : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %v = webnn.reduce_mean %p {axes = array<i64: 3, 2>, keep_dimensions = true} : (tensor<1x3x4x5xf32>) -> tensor<1x3x1x1xf32>
  %a = webnn.add %eps, %v : (tensor<1xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x1x1xf32>
  %s = webnn.sqrt %a : (tensor<1x3x1x1xf32>) -> tensor<1x3x1x1xf32>
  %r = webnn.reciprocal %s : (tensor<1x3x1x1xf32>) -> tensor<1x3x1x1xf32>
  %y = webnn.mul %r, %d : (tensor<1x3x1x1xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  return %y : tensor<1x3x4x5xf32>
}

// -----

// Near misses stay as written: the variance over other axes than the
// mean, a non-constant epsilon, a cube instead of a square, and a mean
// of another value than the one centered.
// CHECK-LABEL: func.func @near_misses
// CHECK-NOT: webnn.layer_normalization
func.func @near_misses(%x: tensor<2x5x8xf32> {webnn.name = "x"}, %e: tensor<f32> {webnn.name = "e"}, %z: tensor<2x5x8xf32> {webnn.name = "z"}) -> (tensor<2x5x8xf32> {webnn.name = "a"}, tensor<2x5x8xf32> {webnn.name = "b"}, tensor<2x5x8xf32> {webnn.name = "c"}, tensor<2x5x8xf32> {webnn.name = "d"}) {
  %two = webnn.constant dense<2.0> : tensor<f32>
  %three = webnn.constant dense<3.0> : tensor<f32>
  %eps = webnn.constant dense<1.0E-5> : tensor<f32>
  %m = webnn.reduce_mean %x {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %d = webnn.sub %x, %m : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  %p = webnn.pow %d, %two : (tensor<2x5x8xf32>, tensor<f32>) -> tensor<2x5x8xf32>
  %q = webnn.pow %d, %three : (tensor<2x5x8xf32>, tensor<f32>) -> tensor<2x5x8xf32>
  // variance over axes 1 and 2
  %v1 = webnn.reduce_mean %p {axes = array<i64: 1, 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x1x1xf32>
  %a1 = webnn.add %v1, %eps : (tensor<2x1x1xf32>, tensor<f32>) -> tensor<2x1x1xf32>
  %s1 = webnn.sqrt %a1 : (tensor<2x1x1xf32>) -> tensor<2x1x1xf32>
  %y1 = webnn.div %d, %s1 : (tensor<2x5x8xf32>, tensor<2x1x1xf32>) -> tensor<2x5x8xf32>
  // epsilon an input
  %v2 = webnn.reduce_mean %p {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %a2 = webnn.add %v2, %e : (tensor<2x5x1xf32>, tensor<f32>) -> tensor<2x5x1xf32>
  %s2 = webnn.sqrt %a2 : (tensor<2x5x1xf32>) -> tensor<2x5x1xf32>
  %y2 = webnn.div %d, %s2 : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  // a cube
  %v3 = webnn.reduce_mean %q {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %a3 = webnn.add %v3, %eps : (tensor<2x5x1xf32>, tensor<f32>) -> tensor<2x5x1xf32>
  %s3 = webnn.sqrt %a3 : (tensor<2x5x1xf32>) -> tensor<2x5x1xf32>
  %y3 = webnn.div %d, %s3 : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  // centered on the mean of another value
  %mz = webnn.reduce_mean %z {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %dz = webnn.sub %x, %mz : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  %pz = webnn.pow %dz, %two : (tensor<2x5x8xf32>, tensor<f32>) -> tensor<2x5x8xf32>
  %v4 = webnn.reduce_mean %pz {axes = array<i64: 2>, keep_dimensions = true} : (tensor<2x5x8xf32>) -> tensor<2x5x1xf32>
  %a4 = webnn.add %v4, %eps : (tensor<2x5x1xf32>, tensor<f32>) -> tensor<2x5x1xf32>
  %s4 = webnn.sqrt %a4 : (tensor<2x5x1xf32>) -> tensor<2x5x1xf32>
  %y4 = webnn.div %dz, %s4 : (tensor<2x5x8xf32>, tensor<2x5x1xf32>) -> tensor<2x5x8xf32>
  return %y1, %y2, %y3, %y4 : tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>
}
