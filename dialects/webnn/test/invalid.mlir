// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Each case breaks one of the spec's validation rules.

func.func @binary_type_mismatch(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.add' op b: data type int32 must match a's float32}}
  %0 = webnn.add %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @binary_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'webnn.mul' op b: shape [4] is not broadcastable with a's shape [2,3]}}
  %0 = webnn.mul %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @wrong_result_type(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.sub' op result: type must be 'tensor<2x3xf32>' by the spec's output shape rule, got 'tensor<3xf32>'}}
  %0 = webnn.sub %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @not_a_webnn_type(%a: tensor<2xf64>) {
  // expected-error@+1 {{'webnn.relu' op operand #0 must be ranked tensor of}}
  %0 = webnn.relu %a : (tensor<2xf64>) -> tensor<2xf64>
  return
}

// -----

func.func @zero_dimension(%a: tensor<0x2xf32>) {
  // expected-error@+1 {{'webnn.relu' op input: dimensions must be between 1 and 4294967295, got [0,2]}}
  %0 = webnn.relu %a : (tensor<0x2xf32>) -> tensor<0x2xf32>
  return
}

// -----

func.func @sigmoid_integer(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.sigmoid' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.sigmoid %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @tanh_integer(%a: tensor<2xui8>) {
  // expected-error@+1 {{'webnn.tanh' op input: data type uint8 is not allowed (allowed: float32, float16)}}
  %0 = webnn.tanh %a : (tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @relu_unsigned(%a: tensor<2xui32>) {
  // expected-error@+1 {{'webnn.relu' op input: data type uint32 is not allowed (allowed: float32, float16, int32, int64, int8)}}
  %0 = webnn.relu %a : (tensor<2xui32>) -> tensor<2xui32>
  return
}

// -----

func.func @clamp_inverted(%a: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.clamp' op minValue: must not be greater than maxValue}}
  %0 = webnn.clamp %a {min_value = 3.0 : f64, max_value = 1.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @conv_input_rank(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op input: rank must be 4, got 3}}
  %0 = webnn.conv2d %x, %w : (tensor<1x3x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_filter_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op filter: rank must be 4, got 3}}
  %0 = webnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_integer(%x: tensor<1x3x8x8xi32>, %w: tensor<4x3x3x3xi32>) {
  // expected-error@+1 {{'webnn.conv2d' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.conv2d %x, %w : (tensor<1x3x8x8xi32>, tensor<4x3x3x3xi32>) -> tensor<1x4x6x6xi32>
  return
}

// -----

func.func @conv_filter_type(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf16>) {
  // expected-error@+1 {{'webnn.conv2d' op filter: data type float16 must match input's float32}}
  %0 = webnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf16>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_padding_size(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op padding: must have 4 values, got 2}}
  %0 = webnn.conv2d %x, %w {padding = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_negative_padding(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op padding: values must be non-negative}}
  %0 = webnn.conv2d %x, %w {padding = array<i64: -1, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op strides: values must be greater than 0}}
  %0 = webnn.conv2d %x, %w {strides = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_zero_dilation(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op dilations: values must be greater than 0}}
  %0 = webnn.conv2d %x, %w {dilations = array<i64: 1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_zero_groups(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op groups: must be greater than 0}}
  %0 = webnn.conv2d %x, %w {groups = 0 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_groups_divide_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op input: channels (3) must be divisible by groups (2)}}
  %0 = webnn.conv2d %x, %w {groups = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_filter_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op filter: input channels (2) must equal the input's channels / groups (3)}}
  %0 = webnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op bias: shape must be [4], got [3]}}
  %0 = webnn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_window_too_large(%x: tensor<1x3x4x4xf32>, %w: tensor<4x3x5x5xf32>) {
  // expected-error@+1 {{'webnn.conv2d' op output: height must be a valid dimension, got 0 (the window does not fit the padded input)}}
  %0 = webnn.conv2d %x, %w : (tensor<1x3x4x4xf32>, tensor<4x3x5x5xf32>) -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @pool_rank(%x: tensor<3x8x8xf32>) {
  // expected-error@+1 {{'webnn.max_pool2d' op input: rank must be 4, got 3}}
  %0 = webnn.max_pool2d %x : (tensor<3x8x8xf32>) -> tensor<3x1x1xf32>
  return
}

// -----

func.func @average_pool_integer(%x: tensor<1x3x8x8xi8>) {
  // expected-error@+1 {{'webnn.average_pool2d' op input: data type int8 is not allowed (allowed: float32, float16)}}
  %0 = webnn.average_pool2d %x : (tensor<1x3x8x8xi8>) -> tensor<1x3x1x1xi8>
  return
}

// -----

func.func @pool_window_size(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'webnn.max_pool2d' op windowDimensions: must have 2 values, got 3}}
  %0 = webnn.max_pool2d %x {window_dimensions = array<i64: 2, 2, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_output_sizes(%x: tensor<1x3x7x7xf32>) {
  // expected-error@+1 {{'webnn.l2_pool2d' op outputSizes: must be the computed output sizes rounded down ([3,3]) or up ([4,4])}}
  %0 = webnn.l2_pool2d %x {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>, output_sizes = array<i64: 2, 3>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x2x3xf32>
  return
}

// -----

func.func @pool_zero_stride(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'webnn.average_pool2d' op strides: values must be greater than 0}}
  %0 = webnn.average_pool2d %x {strides = array<i64: 0, 0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
  return
}

// -----

func.func @matmul_inner(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error@+1 {{'webnn.matmul' op b: rows (4) must equal a's columns (3)}}
  %0 = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul_rank(%a: tensor<3xf32>, %b: tensor<3x5xf32>) {
  // expected-error@+1 {{'webnn.matmul' op a: rank must be at least 2, got 1}}
  %0 = webnn.matmul %a, %b : (tensor<3xf32>, tensor<3x5xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x2x3xf32>, %b: tensor<3x3x5xf32>) {
  // expected-error@+1 {{'webnn.matmul' op b: batch dimensions [3] are not broadcastable with a's [2]}}
  %0 = webnn.matmul %a, %b : (tensor<2x2x3xf32>, tensor<3x3x5xf32>) -> tensor<2x2x5xf32>
  return
}

// -----

func.func @gemm_rank(%a: tensor<2x2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error@+1 {{'webnn.gemm' op a: rank must be 2, got 3}}
  %0 = webnn.gemm %a, %b : (tensor<2x2x3xf32>, tensor<3x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gemm_k(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error@+1 {{'webnn.gemm' op b: K dimension (3) must equal a's K dimension (2)}}
  %0 = webnn.gemm %a, %b {a_transpose = true} : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  return
}

// -----

func.func @gemm_c(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>, %c: tensor<2x4xf32>) {
  // expected-error@+1 {{'webnn.gemm' op c: shape [2,4] is not broadcastable to the output shape [2,5]}}
  %0 = webnn.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<2x4xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @reshape_count(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.reshape' op newShape: element count of [4,2] (8) must equal the input's (6)}}
  %0 = webnn.reshape %a {new_shape = array<i64: 4, 2>} : (tensor<2x3xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @transpose_permutation(%a: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'webnn.transpose' op permutation: value 3 is out of range [0, 3)}}
  %0 = webnn.transpose %a {permutation = array<i64: 0, 3, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  return
}

// -----

func.func @transpose_repeat(%a: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'webnn.transpose' op permutation: value 0 is repeated}}
  %0 = webnn.transpose %a {permutation = array<i64: 0, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<2x2x3xf32>
  return
}

// -----

func.func @softmax_axis(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.softmax' op axis: must be in [0, 2), got 2}}
  %0 = webnn.softmax %a {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @softmax_integer(%a: tensor<2x3xi8>) {
  // expected-error@+1 {{'webnn.softmax' op input: data type int8 is not allowed (allowed: float32, float16)}}
  %0 = webnn.softmax %a {axis = 1 : i64} : (tensor<2x3xi8>) -> tensor<2x3xi8>
  return
}

// -----

func.func @constant_type() {
  // expected-error@+1 {{'webnn.constant' op result #0 must be ranked tensor of}}
  %0 = webnn.constant dense<1.0> : tensor<2xf64>
  return
}
