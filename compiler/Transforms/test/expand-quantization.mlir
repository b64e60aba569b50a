// RUN: webnnc-opt %s -split-input-file -webnn-expand-quantization | FileCheck %s

// Per-tensor dequantize and quantize become element-wise ops; a zero point
// of 0 adds no subtraction.
// CHECK-LABEL: func.func @per_tensor
// CHECK: %[[F:.*]] = webnn.cast %arg0 {data_type = #webnn<data_type float32>} : (tensor<1x4x3xui8>) -> tensor<1x4x3xf32>
// CHECK: %[[D:.*]] = webnn.sub %[[F]], %{{.*}} : (tensor<1x4x3xf32>, tensor<f32>)
// CHECK: %[[X:.*]] = webnn.mul %[[D]], %{{.*}} : (tensor<1x4x3xf32>, tensor<f32>)
// CHECK: %[[R:.*]] = webnn.relu %[[X]]
// CHECK: %[[Q:.*]] = webnn.div %[[R]], %{{.*}} : (tensor<1x4x3xf32>, tensor<f32>)
// CHECK: %[[E:.*]] = webnn.round_even %[[Q]]
// CHECK-NOT: webnn.add
// CHECK: %[[C:.*]] = webnn.clamp %[[E]] {max_value = 1.270000e+02 : f64, min_value = -1.280000e+02 : f64}
// CHECK: webnn.cast %[[C]] {data_type = #webnn<data_type int8>} : (tensor<1x4x3xf32>) -> tensor<1x4x3xi8>
// CHECK-NOT: quantize_linear
func.func @per_tensor(%x: tensor<1x4x3xui8> {webnn.name = "x"}) -> (tensor<1x4x3xi8> {webnn.name = "y"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %z = webnn.constant dense<3> : tensor<ui8>
  %s2 = webnn.constant dense<0.25> : tensor<1x1x1xf32>
  %z2 = webnn.constant dense<0> : tensor<1x1x1xi8>
  %f = webnn.dequantize_linear %x, %s, %z : (tensor<1x4x3xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x4x3xf32>
  %r = webnn.relu %f : (tensor<1x4x3xf32>) -> tensor<1x4x3xf32>
  %q = webnn.quantize_linear %r, %s2, %z2 : (tensor<1x4x3xf32>, tensor<1x1x1xf32>, tensor<1x1x1xi8>) -> tensor<1x4x3xi8>
  return %q : tensor<1x4x3xi8>
}

// -----

// Per-channel scales, scales computed from an input and int32 zero points
// keep their ops.
// CHECK-LABEL: func.func @not_per_tensor
// CHECK: webnn.dequantize_linear %arg0
// CHECK: webnn.quantize_linear
// CHECK: webnn.dequantize_linear %arg2
func.func @not_per_tensor(%x: tensor<2x3xui8> {webnn.name = "x"}, %s: tensor<f32> {webnn.name = "s"}, %w: tensor<2x3xi32> {webnn.name = "w"}) -> (tensor<2x3xf32> {webnn.name = "a"}, tensor<2x3xui8> {webnn.name = "b"}, tensor<2x3xf32> {webnn.name = "c"}) {
  %sc = webnn.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %z = webnn.constant dense<1> : tensor<2x1xui8>
  %z0 = webnn.constant dense<1> : tensor<ui8>
  %z32 = webnn.constant dense<1> : tensor<i32>
  %one = webnn.constant dense<1.0> : tensor<f32>
  %a = webnn.dequantize_linear %x, %sc, %z : (tensor<2x3xui8>, tensor<2x1xf32>, tensor<2x1xui8>) -> tensor<2x3xf32>
  %b = webnn.quantize_linear %a, %s, %z0 : (tensor<2x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3xui8>
  %c = webnn.dequantize_linear %w, %one, %z32 : (tensor<2x3xi32>, tensor<f32>, tensor<i32>) -> tensor<2x3xf32>
  return %a, %b, %c : tensor<2x3xf32>, tensor<2x3xui8>, tensor<2x3xf32>
}
