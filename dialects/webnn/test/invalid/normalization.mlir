// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid normalization ops.

func.func @batch_norm_axis(%x: tensor<2x3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.batch_normalization' op axis: must be in [0, 2), got 2}}
  %0 = webnn.batch_normalization %x, %m, %v {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @batch_norm_mean_shape(%x: tensor<2x3xf32>, %m: tensor<2xf32>, %v: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.batch_normalization' op mean: shape must be [3], got [2]}}
  %0 = webnn.batch_normalization %x, %m, %v : (tensor<2x3xf32>, tensor<2xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @batch_norm_scale_type(%x: tensor<2x3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %s: tensor<3xf16>) {
  // expected-error@+1 {{'webnn.batch_normalization' op scale: data type float16 must match input's float32}}
  %0 = webnn.batch_normalization %x, %m, %v scale %s : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf16>) -> tensor<2x3xf32>
  return
}

// -----

func.func @instance_norm_rank(%x: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'webnn.instance_normalization' op input: rank must be 4, got 3}}
  %0 = webnn.instance_normalization %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @instance_norm_nhwc_scale(%x: tensor<1x2x2x3xf32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.instance_normalization' op scale: shape must be [3], got [2]}}
  %0 = webnn.instance_normalization %x scale %s {layout = #webnn<layout nhwc>} : (tensor<1x2x2x3xf32>, tensor<2xf32>) -> tensor<1x2x2x3xf32>
  return
}

// -----

func.func @layer_norm_axes(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.layer_normalization' op axes: value 2 is out of range [0, 2)}}
  %0 = webnn.layer_normalization %x {axes = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @layer_norm_scale_shape(%x: tensor<2x3x4xf32>, %s: tensor<4x3xf32>) {
  // The default axes are [1, 2]: scale is [3, 4].
  // expected-error@+1 {{'webnn.layer_normalization' op scale: shape must be [3,4], got [4,3]}}
  %0 = webnn.layer_normalization %x scale %s : (tensor<2x3x4xf32>, tensor<4x3xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_integer(%x: tensor<2x3xi32>) {
  // expected-error@+1 {{'webnn.layer_normalization' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.layer_normalization %x : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return
}
