// RUN: webnnc-opt %s -split-input-file -webnn-decompose | FileCheck %s

// Static steps unroll: one cell (two gemms) per step, no recurrent op left.
// CHECK-LABEL: func.func @main
// CHECK-COUNT-6: webnn.gemm
// CHECK-NOT: webnn.gemm
// CHECK-NOT: webnn.gru
// CHECK-NOT: webnn.recurrence
func.func @main(%x: tensor<3x2x4xf32> {webnn.name = "x"}) -> (tensor<1x2x5xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<0.5> : tensor<1x15x4xf32>
  %r = webnn.constant dense<0.25> : tensor<1x15x5xf32>
  %0 = webnn.gru %x, %w, %r {steps = 3 : i64, hidden_size = 5 : i64} : (tensor<3x2x4xf32>, tensor<1x15x4xf32>, tensor<1x15x5xf32>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}

// -----

// An open sequence length: one webnn.recurrence per result that is read
// (the cell state is not), with the op's operands, its attributes as
// integers and the resolved activations (sigmoid 1, tanh 2).
// CHECK-LABEL: func.func @main
// CHECK: %[[H:.*]] = webnn.recurrence %arg0, %{{.*}}, %{{.*}} bias %{{.*}} initial_hidden_state %arg1 {activations = array<i64: 1, 2, 2>, computes = 0 : i64, direction = 2 : i64, hidden_size = 5 : i64, layout = 0 : i64, lstm = true, reset_after = false} : {{.*}} -> tensor<2x?x5xf32>
// CHECK: %[[S:.*]] = webnn.recurrence %arg0, {{.*}}computes = 2 : i64{{.*}} -> tensor<?x2x?x5xf32>
// CHECK-NOT: computes = 1
// CHECK: return %[[H]], %[[S]]
func.func @main(%x: tensor<?x?x4xf32> {webnn.name = "x"}, %h: tensor<2x?x5xf32> {webnn.name = "h"}) -> (tensor<2x?x5xf32> {webnn.name = "y_h"}, tensor<?x2x?x5xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<0.5> : tensor<2x20x4xf32>
  %r = webnn.constant dense<0.25> : tensor<2x20x5xf32>
  %b = webnn.constant dense<0.125> : tensor<2x20xf32>
  %0:3 = webnn.lstm %x, %w, %r bias %b initial_hidden_state %h {steps = 0 : i64, hidden_size = 5 : i64, return_sequence = true, direction = #webnn<direction both>} : (tensor<?x?x4xf32>, tensor<2x20x4xf32>, tensor<2x20x5xf32>, tensor<2x20xf32>, tensor<2x?x5xf32>) -> (tensor<2x?x5xf32>, tensor<2x?x5xf32>, tensor<?x2x?x5xf32>)
  return %0#0, %0#2 : tensor<2x?x5xf32>, tensor<?x2x?x5xf32>
}
