// RUN: webnnc-opt %s -split-input-file -webnn-sink-reshapes | FileCheck %s

// A bias over the last dimension, which the reshape keeps, and the chain
// after it (a relu, a scalar multiply) move above the reshape: the
// reshape ends the chain.
// CHECK-LABEL: func.func @bias_chain
// CHECK: %[[A:.*]] = webnn.add %arg0, %arg1 : (tensor<1x1x6x8xf32>, tensor<8xf32>) -> tensor<1x1x6x8xf32>
// CHECK: %[[R:.*]] = webnn.relu %[[A]] : (tensor<1x1x6x8xf32>) -> tensor<1x1x6x8xf32>
// CHECK: %[[M:.*]] = webnn.mul %[[R]], %{{.*}} : (tensor<1x1x6x8xf32>, tensor<f32>) -> tensor<1x1x6x8xf32>
// CHECK: %[[Y:.*]] = webnn.reshape %[[M]] {{.*}} : (tensor<1x1x6x8xf32>) -> tensor<2x3x8xf32>
// CHECK: return %[[Y]]
func.func @bias_chain(%x: tensor<1x1x6x8xf32> {webnn.name = "x"}, %b: tensor<8xf32> {webnn.name = "b"}) -> (tensor<2x3x8xf32> {webnn.name = "y"}) {
  %two = webnn.constant dense<2.0> : tensor<f32>
  %r = webnn.reshape %x {new_shape = array<i64: 2, 3, 8>} : (tensor<1x1x6x8xf32>) -> tensor<2x3x8xf32>
  %a = webnn.add %r, %b : (tensor<2x3x8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  %u = webnn.relu %a : (tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  %m = webnn.mul %u, %two : (tensor<2x3x8xf32>, tensor<f32>) -> tensor<2x3x8xf32>
  return %m : tensor<2x3x8xf32>
}

// -----

// An operand of higher rank than the reshape's input loses its leading
// ones (broadcasting would add them to the result); casts change the
// element type on the way.
// CHECK-LABEL: func.func @rank_and_cast
// CHECK-DAG: %[[B:.*]] = webnn.reshape %arg1 {{.*}} : (tensor<1x1x1x8xf32>) -> tensor<8xf32>
// CHECK-DAG: %[[C:.*]] = webnn.cast %arg0 {{.*}} : (tensor<6x8xui8>) -> tensor<6x8xf32>
// CHECK: %[[A:.*]] = webnn.add %[[C]], %[[B]] : (tensor<6x8xf32>, tensor<8xf32>) -> tensor<6x8xf32>
// CHECK: webnn.reshape %[[A]] {{.*}} : (tensor<6x8xf32>) -> tensor<1x2x3x8xf32>
func.func @rank_and_cast(%x: tensor<6x8xui8> {webnn.name = "x"}, %b: tensor<1x1x1x8xf32> {webnn.name = "b"}) -> (tensor<1x2x3x8xf32> {webnn.name = "y"}) {
  %r = webnn.reshape %x {new_shape = array<i64: 1, 2, 3, 8>} : (tensor<6x8xui8>) -> tensor<1x2x3x8xui8>
  %c = webnn.cast %r {data_type = #webnn<data_type float32>} : (tensor<1x2x3x8xui8>) -> tensor<1x2x3x8xf32>
  %a = webnn.add %c, %b : (tensor<1x2x3x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x2x3x8xf32>
  return %a : tensor<1x2x3x8xf32>
}

// -----

// Near misses stay: an operand along a dimension the reshape changes (a
// per-row scale over [2, 3] where the input has 6 rows), and an op that
// broadcasts the reshape's result to a larger shape.
// CHECK-LABEL: func.func @near_misses
// CHECK: %[[R:.*]] = webnn.reshape %arg0
// CHECK: webnn.mul %[[R]], %arg1 : (tensor<2x3x8xf32>, tensor<2x3x1xf32>) -> tensor<2x3x8xf32>
// CHECK: webnn.add %[[R]], %arg2 : (tensor<2x3x8xf32>, tensor<4x1x1x1xf32>) -> tensor<4x2x3x8xf32>
func.func @near_misses(%x: tensor<6x8xf32> {webnn.name = "x"}, %s: tensor<2x3x1xf32> {webnn.name = "s"}, %t: tensor<4x1x1x1xf32> {webnn.name = "t"}) -> (tensor<2x3x8xf32> {webnn.name = "y"}, tensor<4x2x3x8xf32> {webnn.name = "z"}) {
  %r = webnn.reshape %x {new_shape = array<i64: 2, 3, 8>} : (tensor<6x8xf32>) -> tensor<2x3x8xf32>
  %m = webnn.mul %r, %s : (tensor<2x3x8xf32>, tensor<2x3x1xf32>) -> tensor<2x3x8xf32>
  %a = webnn.add %r, %t : (tensor<2x3x8xf32>, tensor<4x1x1x1xf32>) -> tensor<4x2x3x8xf32>
  return %m, %a : tensor<2x3x8xf32>, tensor<4x2x3x8xf32>
}
