// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid compiler-internal ops (made by the passes; .mlir input may still
// spell them, so they are checked like the graph ops).

func.func @packed_matmul_k(%a: tensor<2x3xf32>, %b: tensor<1x4x8xf32>) {
  // expected-error@+1 {{'webnn.packed_matmul' op packed_b: K must be 3, got 4}}
  %0 = webnn.packed_matmul %a, %b {columns = 8 : i64} : (tensor<2x3xf32>, tensor<1x4x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @packed_conv_filter_rank(%x: tensor<1x4x4x2xf32>, %w: tensor<1x3x3x2xf32>) {
  // expected-error@+1 {{'webnn.packed_conv2d' op packed_filter: must be [panels, height, width, input channels, panel width]}}
  %0 = webnn.packed_conv2d %x, %w {dilations = array<i64: 1, 1>, output_channels = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x2x2x1xf32>
  return
}

// -----

func.func @packed_conv_channels(%x: tensor<1x4x4x2xf32>, %w: tensor<2x3x3x2x4xf32>) {
  // expected-error@+1 {{'webnn.packed_conv2d' op output_channels: 4 does not fill 2 panels of width 4}}
  %0 = webnn.packed_conv2d %x, %w {dilations = array<i64: 1, 1>, output_channels = 4 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<2x3x3x2x4xf32>) -> tensor<1x2x2x4xf32>
  return
}

// -----

func.func @packed_conv_input_channels(%x: tensor<1x4x4x3xf32>, %w: tensor<1x3x3x2x4xf32>) {
  // expected-error@+1 {{'webnn.packed_conv2d' op conv2d: filter: input channels}}
  %0 = webnn.packed_conv2d %x, %w {dilations = array<i64: 1, 1>, output_channels = 4 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x3xf32>, tensor<1x3x3x2x4xf32>) -> tensor<1x2x2x4xf32>
  return
}

// -----

func.func @packed_conv_result(%x: tensor<1x4x4x2xf32>, %w: tensor<1x3x3x2x4xf32>) {
  // expected-error@+1 {{'webnn.packed_conv2d' op result: must be 'tensor<1x2x2x4xf32>'}}
  %0 = webnn.packed_conv2d %x, %w {dilations = array<i64: 1, 1>, output_channels = 4 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<1x3x3x2x4xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

func.func @winograd_tile(%x: tensor<1x4x4x2xf32>, %w: tensor<9x1x2x4xf32>) {
  // expected-error@+1 {{'webnn.winograd_conv2d' op tile: must be 2 or 4}}
  %0 = webnn.winograd_conv2d %x, %w {output_channels = 4 : i64, padding = array<i64: 1, 1, 1, 1>, tile = 1 : i64} : (tensor<1x4x4x2xf32>, tensor<9x1x2x4xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

func.func @winograd_filter(%x: tensor<1x4x4x2xf32>, %w: tensor<36x1x2x4xf32>) {
  // expected-error@+1 {{'webnn.winograd_conv2d' op transformed_filter: must be [16, panels, input channels, panel width]}}
  %0 = webnn.winograd_conv2d %x, %w {output_channels = 4 : i64, padding = array<i64: 1, 1, 1, 1>, tile = 2 : i64} : (tensor<1x4x4x2xf32>, tensor<36x1x2x4xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

func.func @winograd_open(%x: tensor<1x?x4x2xf32>, %w: tensor<16x1x2x4xf32>) {
  // expected-error@+1 {{'webnn.winograd_conv2d' op input: must have static height, width and channels}}
  %0 = webnn.winograd_conv2d %x, %w {output_channels = 4 : i64, padding = array<i64: 1, 1, 1, 1>, tile = 2 : i64} : (tensor<1x?x4x2xf32>, tensor<16x1x2x4xf32>) -> tensor<1x?x4x4xf32>
  return
}

// -----

func.func @winograd_result(%x: tensor<1x4x4x2xf32>, %w: tensor<16x1x2x4xf32>) {
  // expected-error@+1 {{'webnn.winograd_conv2d' op result: must be 'tensor<1x2x2x4xf32>'}}
  %0 = webnn.winograd_conv2d %x, %w {output_channels = 4 : i64, padding = array<i64: 0, 0, 0, 0>, tile = 2 : i64} : (tensor<1x4x4x2xf32>, tensor<16x1x2x4xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

// A region of two stages (a pooling after the conv) must say where its
// first stage is computed.
func.func @fused_two_stages_no_producer(%x: tensor<1x1x6x6xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'webnn.fused' op producer: a region of two stages must name where its first is computed}}
  %y = webnn.fused(%x, %w) : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  ^bb0(%a: tensor<1x1x6x6xf32>, %f: tensor<1x1x3x3xf32>):
    %c = webnn.conv2d %a, %f : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
    %p = webnn.max_pool2d %c {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
    webnn.yield %p : tensor<1x1x2x2xf32>
  }
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @fused_one_stage_with_producer(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'webnn.fused' op producer: only a region of two stages has one}}
  %y = webnn.fused(%x) {producer = #webnn<producer inlined>} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %r = webnn.relu %a : (tensor<4xf32>) -> tensor<4xf32>
    %n = webnn.neg %r : (tensor<4xf32>) -> tensor<4xf32>
    webnn.yield %n : tensor<4xf32>
  }
  return %y : tensor<4xf32>
}

// -----

func.func @fused_three_stages(%x: tensor<2x4xf32>) -> tensor<f32> {
  // expected-error @+1 {{'webnn.fused' op region: has 3 stages; a kernel computes at most two}}
  %y = webnn.fused(%x) {producer = #webnn<producer inlined>} : (tensor<2x4xf32>) -> tensor<f32> {
  ^bb0(%a: tensor<2x4xf32>):
    %r = webnn.relu %a : (tensor<2x4xf32>) -> tensor<2x4xf32>
    %s = webnn.reduce_sum %r {axes = array<i64: 1>} : (tensor<2x4xf32>) -> tensor<2xf32>
    %t = webnn.reduce_sum %s : (tensor<2xf32>) -> tensor<f32>
    webnn.yield %t : tensor<f32>
  }
  return %y : tensor<f32>
}

// -----

func.func @quantized_conv_float_input(%x: tensor<1x4x4x4xf32>, %w: tensor<1x1x1x1x32x4xi8>, %o: tensor<2xi32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.quantized_conv2d' op input: must be uint8 or int8; result: uint8, int8 or float32}}
  %0 = webnn.quantized_conv2d %x, %w, %o, %s, %s {dilations = array<i64: 1, 1>, input_zero_point = 0 : i64, output_channels = 2 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xf32>, tensor<1x1x1x1x32x4xi8>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xui8>
  return
}

// -----

func.func @quantized_conv_filter(%x: tensor<1x4x4x4xui8>, %w: tensor<1x1x1x1x32x3xi8>, %o: tensor<2xi32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.quantized_conv2d' op packed_filter: must be int8 [panels, height, width, input channels / T, panel width, T] with T = 2 or 4, or [height, width, channels] for a depthwise conv}}
  %0 = webnn.quantized_conv2d %x, %w, %o, %s, %s {dilations = array<i64: 1, 1>, input_zero_point = 0 : i64, output_channels = 2 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xui8>, tensor<1x1x1x1x32x3xi8>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xui8>
  return
}

// -----

// Pairs of input channels (2-term dot products) must cover the input's.
func.func @quantized_conv_pairs(%x: tensor<1x4x4x4xui8>, %w: tensor<1x1x1x1x32x2xi8>, %o: tensor<2xi32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.quantized_conv2d' op conv2d: filter: input channels (2) must equal the input's channels / groups (4)}}
  %0 = webnn.quantized_conv2d %x, %w, %o, %s, %s {dilations = array<i64: 1, 1>, input_zero_point = 0 : i64, output_channels = 2 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xui8>, tensor<1x1x1x1x32x2xi8>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xui8>
  return
}

// -----

func.func @quantized_conv_scale(%x: tensor<1x4x4x4xui8>, %w: tensor<1x1x1x1x32x4xi8>, %o: tensor<2xi32>, %s: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.quantized_conv2d' op scale: must be 'tensor<2xf32>'}}
  %0 = webnn.quantized_conv2d %x, %w, %o, %s, %s {dilations = array<i64: 1, 1>, input_zero_point = 0 : i64, output_channels = 2 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xui8>, tensor<1x1x1x1x32x4xi8>, tensor<2xi32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x4x4x2xui8>
  return
}

// -----

func.func @quantized_conv_bounds(%x: tensor<1x4x4x4xi8>, %w: tensor<1x1x1x1x32x4xi8>, %o: tensor<2xi32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.quantized_conv2d' op output_min, output_max, output_zero_point: must be an ordered range and a value of the result type}}
  %0 = webnn.quantized_conv2d %x, %w, %o, %s, %s {dilations = array<i64: 1, 1>, input_zero_point = 128 : i64, output_channels = 2 : i64, output_max = 200 : i64, output_min = -128 : i64, output_zero_point = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xi8>, tensor<1x1x1x1x32x4xi8>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xi8>
  return
}

// -----

func.func @quantized_conv_result(%x: tensor<1x4x4x4xui8>, %w: tensor<1x3x3x1x32x4xi8>, %o: tensor<2xi32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.quantized_conv2d' op result: must be 'tensor<1x2x2x2xui8>'}}
  %0 = webnn.quantized_conv2d %x, %w, %o, %s, %s {dilations = array<i64: 1, 1>, input_zero_point = 0 : i64, output_channels = 2 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xui8>, tensor<1x3x3x1x32x4xi8>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xui8>
  return
}

// -----

func.func @quantized_add_shape(%a: tensor<2x3xui8>, %b: tensor<4x3xui8>) {
  // expected-error@+1 {{'webnn.quantized_add' op result: must have the broadcast shape of a and b}}
  %0 = webnn.quantized_add %a, %b {a_scale = 1.0 : f64, a_zero_point = 0 : i64, b_scale = 1.0 : f64, b_zero_point = 0 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64} : (tensor<2x3xui8>, tensor<4x3xui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @quantized_add_scale(%a: tensor<2x3xi8>, %b: tensor<1x3xi8>) {
  // expected-error@+1 {{'webnn.quantized_add' op a_scale, b_scale: must be positive}}
  %0 = webnn.quantized_add %a, %b {a_scale = 0.0 : f64, a_zero_point = 0 : i64, b_scale = 1.0 : f64, b_zero_point = -3 : i64, output_max = 127 : i64, output_min = -128 : i64, output_zero_point = 0 : i64} : (tensor<2x3xi8>, tensor<1x3xi8>) -> tensor<2x3xi8>
  return
}

// -----

func.func @quantized_add_zero_point(%a: tensor<2x3xui8>, %b: tensor<2x3xui8>) {
  // expected-error@+1 {{'webnn.quantized_add' op a_zero_point, b_zero_point: must be values of a's and b's types}}
  %0 = webnn.quantized_add %a, %b {a_scale = 1.0 : f64, a_zero_point = -1 : i64, b_scale = 1.0 : f64, b_zero_point = 0 : i64, output_max = 255 : i64, output_min = 0 : i64, output_zero_point = 0 : i64} : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  return
}
