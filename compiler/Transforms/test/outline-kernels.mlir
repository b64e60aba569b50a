// RUN: webnnc-opt %s -webnn-outline-kernels="model-name=m" | FileCheck %s

// Every compute op moves into its own kernel function; constants and
// reshapes stay in the graph; a splat constant becomes a literal inside the
// kernel; identical kernels are emitted once.

// CHECK-LABEL: func.func private @m_k0_conv2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x6x6xf32>, %[[W:.*]]: tensor<2x1x3x3xf32>) -> tensor<1x2x4x4xf32>
// CHECK-SAME: attributes {webnn.kernel}
// CHECK-NEXT: %[[C:.*]] = webnn.conv2d %[[X]], %[[W]]
// CHECK-NEXT: return %[[C]]
// CHECK-LABEL: func.func private @m_k1_relu
// CHECK-LABEL: func.func private @m_k2_add
// CHECK-SAME: (%[[A:.*]]: tensor<1x32xf32>) -> tensor<1x32xf32>
// CHECK-NEXT: %[[S:.*]] = webnn.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: webnn.add %[[A]], %[[S]]
// CHECK-NOT: func.func private
// CHECK-LABEL: func.func @main
// CHECK: %[[WEIGHTS:.*]] = webnn.constant dense_resource<weights>
// CHECK: %[[CONV:.*]] = call @m_k0_conv2d(%{{.*}}, %[[WEIGHTS]])
// CHECK: %[[R1:.*]] = call @m_k1_relu(%[[CONV]])
// CHECK: %[[FLAT:.*]] = webnn.reshape %[[R1]]
// CHECK: %[[ADD:.*]] = call @m_k2_add(%[[FLAT]])
// CHECK: %[[R2:.*]] = call @m_k1_relu(%[[CONV]])
// CHECK: return
func.func @main(%x: tensor<1x1x6x6xf32> {webnn.name = "x"}) -> (tensor<1x32xf32> {webnn.name = "y"}, tensor<1x2x4x4xf32> {webnn.name = "z"}) {
  %w = webnn.constant dense_resource<weights> : tensor<2x1x3x3xf32>
  %one = webnn.constant dense<1.0> : tensor<f32>
  %0 = webnn.conv2d %x, %w : (tensor<1x1x6x6xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x4x4xf32>
  %1 = webnn.relu %0 : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %2 = webnn.reshape %1 {new_shape = array<i64: 1, 32>} : (tensor<1x2x4x4xf32>) -> tensor<1x32xf32>
  %3 = webnn.add %2, %one : (tensor<1x32xf32>, tensor<f32>) -> tensor<1x32xf32>
  %4 = webnn.relu %0 : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %3, %4 : tensor<1x32xf32>, tensor<1x2x4x4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}
