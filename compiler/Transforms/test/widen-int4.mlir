// RUN: webnnc-opt %s -webnn-widen-int4 | FileCheck %s

// Four-bit inputs and outputs keep their type at the API (the runtime
// packs and unpacks them); inside, every four-bit tensor is one byte per
// element, a quantize to int4 is clamped to [-8, 7], constants are
// sign-extended from their low nibble, and ops that move data only change
// their result type.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[XQ:.*]]: tensor<2x3xi8> {webnn.abi_data_type = "int4", webnn.name = "xq"}
// CHECK-SAME: -> (tensor<3x2xf32> {webnn.name = "dequantized"}, tensor<2x3xui8> {webnn.abi_data_type = "uint4", webnn.name = "quantized"})
// CHECK-DAG: webnn.constant dense<[-8, 7, -1]> : tensor<3xi8>
// CHECK-DAG: webnn.constant dense<15> : tensor<3xui8>
// CHECK: %[[T:.*]] = webnn.transpose %[[XQ]] {{.*}} -> tensor<3x2xi8>
// CHECK: webnn.dequantize_linear %[[T]]
// CHECK: %[[Q:.*]] = webnn.quantize_linear {{.*}} -> tensor<2x3xui8>
// CHECK: %[[C:.*]] = webnn.clamp %[[Q]] {max_value = 1.500000e+01 : f64, min_value = 0.000000e+00 : f64}
// CHECK: return %{{.*}}, %[[C]]
func.func @main(%xq: tensor<2x3xi4> {webnn.name = "xq"}, %x: tensor<2x3xf32> {webnn.name = "x"})
    -> (tensor<3x2xf32> {webnn.name = "dequantized"}, tensor<2x3xui4> {webnn.name = "quantized"}) {
  %zero = webnn.constant dense<[-8, 7, -1]> : tensor<3xi4>
  %uzero = webnn.constant dense<15> : tensor<3xui4>
  %scale = webnn.constant dense<0.5> : tensor<3xf32>
  %scale2 = webnn.constant dense<0.5> : tensor<2xf32>
  %zero2 = webnn.constant dense<1> : tensor<2xi4>
  %t = webnn.transpose %xq {permutation = array<i64: 1, 0>} : (tensor<2x3xi4>) -> tensor<3x2xi4>
  %d = webnn.dequantize_linear %t, %scale2, %zero2 : (tensor<3x2xi4>, tensor<2xf32>, tensor<2xi4>) -> tensor<3x2xf32>
  %q = webnn.quantize_linear %x, %scale, %uzero : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xui4>) -> tensor<2x3xui4>
  return %d, %q : tensor<3x2xf32>, tensor<2x3xui4>
}
