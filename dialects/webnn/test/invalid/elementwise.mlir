// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid element-wise ops: each case breaks one of the spec's rules.

func.func @compare_types(%a: tensor<2xf32>, %b: tensor<2xf16>) {
  // expected-error@+1 {{'webnn.equal' op b: data type float16 must match a's float32}}
  %0 = webnn.equal %a, %b : (tensor<2xf32>, tensor<2xf16>) -> tensor<2xui8>
  return
}

// -----

func.func @compare_result_is_uint8(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.not_equal' op result: type must be 'tensor<2xui8>'}}
  %0 = webnn.not_equal %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @compare_broadcast(%a: tensor<2x3xi32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.greater' op b: shape [2] is not broadcastable with a's shape [2,3]}}
  %0 = webnn.greater %a, %b : (tensor<2x3xi32>, tensor<2xi32>) -> tensor<2x3xui8>
  return
}

// -----

func.func @greater_or_equal(%a: tensor<3xi8>, %b: tensor<3xui8>) {
  // expected-error@+1 {{'webnn.greater_or_equal' op b: data type uint8 must match a's int8}}
  %0 = webnn.greater_or_equal %a, %b : (tensor<3xi8>, tensor<3xui8>) -> tensor<3xui8>
  return
}

// -----

func.func @lesser(%a: tensor<3x1xf32>, %b: tensor<2x4xf32>) {
  // expected-error@+1 {{'webnn.lesser' op b: shape [2,4] is not broadcastable with a's shape [3,1]}}
  %0 = webnn.lesser %a, %b : (tensor<3x1xf32>, tensor<2x4xf32>) -> tensor<3x4xui8>
  return
}

// -----

func.func @lesser_or_equal(%a: tensor<3xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.lesser_or_equal' op result: type must be 'tensor<3xui8>'}}
  %0 = webnn.lesser_or_equal %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi8>
  return
}

// -----

func.func @logical_and_float(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.logical_and' op a: data type float32 is not allowed (allowed: uint8)}}
  %0 = webnn.logical_and %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xui8>
  return
}

// -----

func.func @logical_or_types(%a: tensor<2xui8>, %b: tensor<2xi8>) {
  // expected-error@+1 {{'webnn.logical_or' op b: data type int8 must match a's uint8}}
  %0 = webnn.logical_or %a, %b : (tensor<2xui8>, tensor<2xi8>) -> tensor<2xui8>
  return
}

// -----

func.func @logical_xor_int(%a: tensor<2xi32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.logical_xor' op a: data type int32 is not allowed (allowed: uint8)}}
  %0 = webnn.logical_xor %a, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xui8>
  return
}

// -----

func.func @logical_not_int(%a: tensor<2xi8>) {
  // expected-error@+1 {{'webnn.logical_not' op a: data type int8 is not allowed (allowed: uint8)}}
  %0 = webnn.logical_not %a : (tensor<2xi8>) -> tensor<2xui8>
  return
}

// -----

func.func @is_nan_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.is_nan' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.is_nan %a : (tensor<2xi32>) -> tensor<2xui8>
  return
}

// -----

func.func @is_infinite_result(%a: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.is_infinite' op result: type must be 'tensor<2xui8>'}}
  %0 = webnn.is_infinite %a : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @abs_unsigned(%a: tensor<2xui8>) {
  // expected-error@+1 {{'webnn.abs' op input: data type uint8 is not allowed (allowed: float32, float16, int32, int64, int8)}}
  %0 = webnn.abs %a : (tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @neg_unsigned(%a: tensor<2xui32>) {
  // expected-error@+1 {{'webnn.neg' op input: data type uint32 is not allowed}}
  %0 = webnn.neg %a : (tensor<2xui32>) -> tensor<2xui32>
  return
}

// -----

func.func @sign_unsigned(%a: tensor<2xui64>) {
  // expected-error@+1 {{'webnn.sign' op input: data type uint64 is not allowed}}
  %0 = webnn.sign %a : (tensor<2xui64>) -> tensor<2xui64>
  return
}

// -----

func.func @ceil_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.ceil' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.ceil %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @floor_int(%a: tensor<2xi64>) {
  // expected-error@+1 {{'webnn.floor' op input: data type int64 is not allowed}}
  %0 = webnn.floor %a : (tensor<2xi64>) -> tensor<2xi64>
  return
}

// -----

func.func @round_even_int(%a: tensor<2xi8>) {
  // expected-error@+1 {{'webnn.round_even' op input: data type int8 is not allowed}}
  %0 = webnn.round_even %a : (tensor<2xi8>) -> tensor<2xi8>
  return
}

// -----

func.func @cos_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.cos' op input: data type int32 is not allowed}}
  %0 = webnn.cos %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @sin_int(%a: tensor<2xui8>) {
  // expected-error@+1 {{'webnn.sin' op input: data type uint8 is not allowed}}
  %0 = webnn.sin %a : (tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @tan_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.tan' op input: data type int32 is not allowed}}
  %0 = webnn.tan %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @erf_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.erf' op input: data type int32 is not allowed}}
  %0 = webnn.erf %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @exp_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.exp' op input: data type int32 is not allowed}}
  %0 = webnn.exp %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @log_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.log' op input: data type int32 is not allowed}}
  %0 = webnn.log %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @sqrt_int(%a: tensor<2xui32>) {
  // expected-error@+1 {{'webnn.sqrt' op input: data type uint32 is not allowed}}
  %0 = webnn.sqrt %a : (tensor<2xui32>) -> tensor<2xui32>
  return
}

// -----

func.func @reciprocal_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.reciprocal' op input: data type int32 is not allowed}}
  %0 = webnn.reciprocal %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @identity_shape(%a: tensor<2x3xi64>) {
  // expected-error@+1 {{'webnn.identity' op result: type must be 'tensor<2x3xi64>'}}
  %0 = webnn.identity %a : (tensor<2x3xi64>) -> tensor<3x2xi64>
  return
}

// -----

func.func @elu_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.elu' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.elu %a {alpha = 0.5 : f64} : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @gelu_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.gelu' op input: data type int32 is not allowed}}
  %0 = webnn.gelu %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @hard_sigmoid_int(%a: tensor<2xi8>) {
  // expected-error@+1 {{'webnn.hard_sigmoid' op input: data type int8 is not allowed}}
  %0 = webnn.hard_sigmoid %a : (tensor<2xi8>) -> tensor<2xi8>
  return
}

// -----

func.func @hard_swish_int(%a: tensor<2xi8>) {
  // expected-error@+1 {{'webnn.hard_swish' op input: data type int8 is not allowed}}
  %0 = webnn.hard_swish %a : (tensor<2xi8>) -> tensor<2xi8>
  return
}

// -----

func.func @leaky_relu_int(%a: tensor<2xi64>) {
  // expected-error@+1 {{'webnn.leaky_relu' op input: data type int64 is not allowed}}
  %0 = webnn.leaky_relu %a : (tensor<2xi64>) -> tensor<2xi64>
  return
}

// -----

func.func @linear_int(%a: tensor<2xui8>) {
  // expected-error@+1 {{'webnn.linear' op input: data type uint8 is not allowed}}
  %0 = webnn.linear %a : (tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @softplus_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.softplus' op input: data type int32 is not allowed}}
  %0 = webnn.softplus %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @softsign_int(%a: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.softsign' op input: data type int32 is not allowed}}
  %0 = webnn.softsign %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @prelu_unsigned(%a: tensor<2xui8>, %s: tensor<2xui8>) {
  // expected-error@+1 {{'webnn.prelu' op input: data type uint8 is not allowed (allowed: float32, float16, int32, int64, int8)}}
  %0 = webnn.prelu %a, %s : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @prelu_slope_shape(%a: tensor<2x3xf32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.prelu' op slope: shape [2] is not broadcastable with input's shape [2,3]}}
  %0 = webnn.prelu %a, %s : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @where_condition_type(%c: tensor<2xi8>, %t: tensor<2xf32>, %f: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.where' op condition: data type int8 is not allowed (allowed: uint8)}}
  %0 = webnn.where %c, %t, %f : (tensor<2xi8>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @where_value_types(%c: tensor<2xui8>, %t: tensor<2xf32>, %f: tensor<2xf16>) {
  // expected-error@+1 {{'webnn.where' op falseValue: data type float16 must match trueValue's float32}}
  %0 = webnn.where %c, %t, %f : (tensor<2xui8>, tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
  return
}

// -----

func.func @where_broadcast(%c: tensor<3xui8>, %t: tensor<2xf32>, %f: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.where' op condition: shape [3] is not broadcastable with trueValue/falseValue's shape [2]}}
  %0 = webnn.where %c, %t, %f : (tensor<3xui8>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @cast_result_type(%a: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.cast' op result: type must be 'tensor<2xi32>'}}
  %0 = webnn.cast %a {data_type = #webnn<data_type int32>} : (tensor<2xf32>) -> tensor<2xi8>
  return
}

// -----

func.func @clamp_bounds(%a: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.clamp' op minValue: must not be greater than maxValue}}
  %0 = webnn.clamp %a {min_value = 3.0 : f64, max_value = 1.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @pow_types(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.pow' op b: data type int32 must match a's float32}}
  %0 = webnn.pow %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @div_broadcast(%a: tensor<2xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.div' op b: shape [3] is not broadcastable with a's shape [2]}}
  %0 = webnn.div %a, %b : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @max_types(%a: tensor<2xi8>, %b: tensor<2xui8>) {
  // expected-error@+1 {{'webnn.max' op b: data type uint8 must match a's int8}}
  %0 = webnn.max %a, %b : (tensor<2xi8>, tensor<2xui8>) -> tensor<2xi8>
  return
}

// -----

func.func @min_types(%a: tensor<2xi64>, %b: tensor<2xui64>) {
  // expected-error@+1 {{'webnn.min' op b: data type uint64 must match a's int64}}
  %0 = webnn.min %a, %b : (tensor<2xi64>, tensor<2xui64>) -> tensor<2xi64>
  return
}

// -----

func.func @cumulative_sum_int8(%x: tensor<3x4xi8>) {
  // 8-bit sums overflow: not allowed since webnn #912.
  // expected-error@+1 {{'webnn.cumulative_sum' op input: data type int8 is not allowed (allowed: float32, float16, int32, uint32, int64, uint64)}}
  %0 = webnn.cumulative_sum %x {axis = 1 : i64} : (tensor<3x4xi8>) -> tensor<3x4xi8>
  return
}
