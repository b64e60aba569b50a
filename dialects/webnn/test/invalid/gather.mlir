// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid gather, scatter and quantization ops.

func.func @gather_index_type(%x: tensor<4xf32>, %i: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.gather' op indices: data type float32 is not allowed (allowed: int32, uint32, int64)}}
  %0 = webnn.gather %x, %i : (tensor<4xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_axis(%x: tensor<4xf32>, %i: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.gather' op axis: must be in [0, 1), got 1}}
  %0 = webnn.gather %x, %i {axis = 1 : i64} : (tensor<4xf32>, tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_elements_shape(%x: tensor<2x3xf32>, %i: tensor<3x2xi32>) {
  // expected-error@+1 {{'webnn.gather_elements' op indices: shape [3,2] must match the input's [2,3] except along the axis}}
  %0 = webnn.gather_elements %x, %i : (tensor<2x3xf32>, tensor<3x2xi32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @gather_nd_depth(%x: tensor<2x3xf32>, %i: tensor<1x3xi32>) {
  // expected-error@+1 {{'webnn.gather_nd' op indices: last dimension (3) must not exceed the input's rank (2)}}
  %0 = webnn.gather_nd %x, %i : (tensor<2x3xf32>, tensor<1x3xi32>) -> tensor<1xf32>
  return
}

// -----

func.func @scatter_elements_updates(%x: tensor<2x3xf32>, %i: tensor<1x3xi32>, %u: tensor<1x2xf32>) {
  // expected-error@+1 {{'webnn.scatter_elements' op updates: shape must be [1,3], got [1,2]}}
  %0 = webnn.scatter_elements %x, %i, %u : (tensor<2x3xf32>, tensor<1x3xi32>, tensor<1x2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @scatter_elements_type(%x: tensor<2x3xf32>, %i: tensor<1x3xi32>, %u: tensor<1x3xf16>) {
  // expected-error@+1 {{'webnn.scatter_elements' op updates: data type float16 must match input's float32}}
  %0 = webnn.scatter_elements %x, %i, %u : (tensor<2x3xf32>, tensor<1x3xi32>, tensor<1x3xf16>) -> tensor<2x3xf32>
  return
}

// -----

func.func @scatter_nd_updates(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x2xf32>) {
  // expected-error@+1 {{'webnn.scatter_nd' op updates: shape must be [2,3], got [2,2]}}
  %0 = webnn.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x2xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @quantize_zero_point_type(%x: tensor<4xf32>, %s: tensor<1xf32>, %z: tensor<1xf32>) {
  // expected-error@+1 {{'webnn.quantize_linear' op zeroPoint: data type float32 is not allowed (allowed: int32, uint32, int8, uint8, int4, uint4)}}
  %0 = webnn.quantize_linear %x, %s, %z : (tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @quantize_blocks(%x: tensor<4x6xf32>, %s: tensor<1x4xf32>, %z: tensor<1x4xui8>) {
  // expected-error@+1 {{'webnn.quantize_linear' op scale: shape [1,4] must divide the input's shape [4,6] dimension by dimension (blockwise)}}
  %0 = webnn.quantize_linear %x, %s, %z : (tensor<4x6xf32>, tensor<1x4xf32>, tensor<1x4xui8>) -> tensor<4x6xui8>
  return
}

// -----

func.func @dequantize_scale_rank(%x: tensor<4x6xi8>, %s: tensor<1x4x6xf32>, %z: tensor<1x4x6xi8>) {
  // A lower rank aligns to the trailing dimensions; a higher one cannot.
  // expected-error@+1 {{'webnn.dequantize_linear' op scale: rank 3 must be at most the input's (2)}}
  %0 = webnn.dequantize_linear %x, %s, %z : (tensor<4x6xi8>, tensor<1x4x6xf32>, tensor<1x4x6xi8>) -> tensor<4x6xf32>
  return
}

// -----

func.func @dequantize_scale_trailing(%x: tensor<4x6xi8>, %s: tensor<4xf32>, %z: tensor<4xi8>) {
  // expected-error@+1 {{'webnn.dequantize_linear' op scale: shape [4] must divide the input's shape [4,6] dimension by dimension (blockwise), aligned to its trailing dimensions}}
  %0 = webnn.dequantize_linear %x, %s, %z : (tensor<4x6xi8>, tensor<4xf32>, tensor<4xi8>) -> tensor<4x6xf32>
  return
}

// -----

func.func @dequantize_zero_point(%x: tensor<4xi8>, %s: tensor<1xf32>, %z: tensor<1xui8>) {
  // expected-error@+1 {{'webnn.dequantize_linear' op zeroPoint: data type uint8 must match input's int8}}
  %0 = webnn.dequantize_linear %x, %s, %z : (tensor<4xi8>, tensor<1xf32>, tensor<1xui8>) -> tensor<4xf32>
  return
}
