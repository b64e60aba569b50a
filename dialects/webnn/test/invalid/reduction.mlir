// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid reductions, argMin/argMax and cumulativeSum.

func.func @reduce_sum_type(%x: tensor<2x3xi8>) {
  // expected-error@+1 {{'webnn.reduce_sum' op input: data type int8 is not allowed (allowed: float32, float16, int32, uint32)}}
  %0 = webnn.reduce_sum %x : (tensor<2x3xi8>) -> tensor<i8>
  return
}

// -----

func.func @reduce_mean_type(%x: tensor<2x3xi32>) {
  // expected-error@+1 {{'webnn.reduce_mean' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.reduce_mean %x : (tensor<2x3xi32>) -> tensor<i32>
  return
}

// -----

func.func @reduce_max_axes_repeated(%x: tensor<2x3xi8>) {
  // expected-error@+1 {{'webnn.reduce_max' op axes: value 1 is repeated}}
  %0 = webnn.reduce_max %x {axes = array<i64: 1, 1>} : (tensor<2x3xi8>) -> tensor<2xi8>
  return
}

// -----

func.func @reduce_min_axis_range(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.reduce_min' op axes: value 2 is out of range [0, 2)}}
  %0 = webnn.reduce_min %x {axes = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @reduce_l1_keep_dimensions(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.reduce_l1' op result: type must be 'tensor<2x1xf32>'}}
  %0 = webnn.reduce_l1 %x {axes = array<i64: 1>, keep_dimensions = true} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @reduce_l2_type(%x: tensor<2x3xui32>) {
  // expected-error@+1 {{'webnn.reduce_l2' op input: data type uint32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.reduce_l2 %x : (tensor<2x3xui32>) -> tensor<ui32>
  return
}

// -----

func.func @reduce_log_sum_type(%x: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.reduce_log_sum' op input: data type int32 is not allowed}}
  %0 = webnn.reduce_log_sum %x : (tensor<2xi32>) -> tensor<i32>
  return
}

// -----

func.func @reduce_log_sum_exp_type(%x: tensor<2xi64>) {
  // expected-error@+1 {{'webnn.reduce_log_sum_exp' op input: data type int64 is not allowed}}
  %0 = webnn.reduce_log_sum_exp %x : (tensor<2xi64>) -> tensor<i64>
  return
}

// -----

func.func @reduce_product_type(%x: tensor<2xi64>) {
  // expected-error@+1 {{'webnn.reduce_product' op input: data type int64 is not allowed}}
  %0 = webnn.reduce_product %x : (tensor<2xi64>) -> tensor<i64>
  return
}

// -----

func.func @reduce_sum_square_empty_axes(%x: tensor<2x3xf32>) {
  // Empty axes reduce nothing: the shape stays.
  // expected-error@+1 {{'webnn.reduce_sum_square' op result: type must be 'tensor<2x3xf32>'}}
  %0 = webnn.reduce_sum_square %x {axes = array<i64>} : (tensor<2x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @arg_max_axis(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.arg_max' op axis: must be in [0, 2), got 2}}
  %0 = webnn.arg_max %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2xi32>
  return
}

// -----

func.func @arg_min_output_type(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.arg_min' op outputDataType: must be int32 or int64, got uint8}}
  %0 = webnn.arg_min %x {axis = 1 : i64, output_data_type = #webnn<data_type uint8>} : (tensor<2x3xf32>) -> tensor<2xui8>
  return
}

// -----

func.func @cumulative_sum_axis(%x: tensor<4xi32>) {
  // expected-error@+1 {{'webnn.cumulative_sum' op axis: must be in [0, 1), got 1}}
  %0 = webnn.cumulative_sum %x {axis = 1 : i64} : (tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<4xf32>) {
  // expected-error@+1 {{'webnn.softmax' op axis: must be in [0, 1), got 3}}
  %0 = webnn.softmax %x {axis = 3 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return
}
