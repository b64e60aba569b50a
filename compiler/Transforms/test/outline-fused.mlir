// RUN: webnnc-opt %s -split-input-file -webnn-outline-kernels="model-name=m" | FileCheck %s

// A webnn.fused region becomes one kernel holding the region's ops, named
// after them; its splat constant stays inside as a literal. Two identical
// regions share the kernel.
// CHECK-LABEL: func.func private @m_k0_conv2d_add_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>, %[[W:.*]]: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
// CHECK-SAME: attributes {webnn.kernel}
// CHECK-NEXT: %[[ONE:.*]] = webnn.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[C:.*]] = webnn.conv2d %[[X]], %[[W]]
// CHECK-NEXT: %[[A:.*]] = webnn.add %[[C]], %[[ONE]]
// CHECK-NEXT: %[[R:.*]] = webnn.relu %[[A]]
// CHECK-NEXT: return %[[R]]
// CHECK-NOT: func.func private
// CHECK-LABEL: func.func @main
// CHECK-NOT: webnn.fused
// CHECK: %[[Y:.*]] = call @m_k0_conv2d_add_relu(%arg0, %arg1)
// CHECK: %[[Z:.*]] = call @m_k0_conv2d_add_relu(%arg0, %arg2)
// CHECK: return %[[Y]], %[[Z]]
func.func @main(%x: tensor<1x1x4x4xf32> {webnn.name = "x"}, %w: tensor<1x1x3x3xf32> {webnn.name = "w"}, %v: tensor<1x1x3x3xf32> {webnn.name = "v"}) -> (tensor<1x1x2x2xf32> {webnn.name = "y"}, tensor<1x1x2x2xf32> {webnn.name = "z"}) {
  %y = webnn.fused(%x, %w) : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  ^bb0(%a: tensor<1x1x4x4xf32>, %f: tensor<1x1x3x3xf32>):
    %one = webnn.constant dense<1.0> : tensor<f32>
    %c = webnn.conv2d %a, %f : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
    %s = webnn.add %c, %one : (tensor<1x1x2x2xf32>, tensor<f32>) -> tensor<1x1x2x2xf32>
    %r = webnn.relu %s : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    webnn.yield %r : tensor<1x1x2x2xf32>
  }
  %z = webnn.fused(%x, %v) : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  ^bb0(%a: tensor<1x1x4x4xf32>, %f: tensor<1x1x3x3xf32>):
    %one = webnn.constant dense<1.0> : tensor<f32>
    %c = webnn.conv2d %a, %f : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
    %s = webnn.add %c, %one : (tensor<1x1x2x2xf32>, tensor<f32>) -> tensor<1x1x2x2xf32>
    %r = webnn.relu %s : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    webnn.yield %r : tensor<1x1x2x2xf32>
  }
  return %y, %z : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
}

// -----

// Where a region of two stages computes its first goes with it into the
// kernel function (BuildKernelSpec hands it to the kernel generator).
// CHECK-LABEL: func.func private @m_k0_conv2d_max_pool2d
// CHECK-SAME: attributes {webnn.kernel, webnn.producer = #webnn<producer pool_tiles>}
func.func @main(%x: tensor<1x1x6x6xf32> {webnn.name = "x"}, %w: tensor<1x1x3x3xf32> {webnn.name = "w"}) -> (tensor<1x1x2x2xf32> {webnn.name = "y"}) {
  %y = webnn.fused(%x, %w) {producer = #webnn<producer pool_tiles>} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  ^bb0(%a: tensor<1x1x6x6xf32>, %f: tensor<1x1x3x3xf32>):
    %c = webnn.conv2d %a, %f : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
    %p = webnn.max_pool2d %c {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
    webnn.yield %p : tensor<1x1x2x2xf32>
  }
  return %y : tensor<1x1x2x2xf32>
}
