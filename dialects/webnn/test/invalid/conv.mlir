// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid convTranspose2d and resample2d (conv2d and pooling: ../invalid.mlir).

func.func @conv_transpose_input_type(%x: tensor<1x2x3x3xi32>, %w: tensor<2x2x3x3xi32>) {
  // expected-error@+1 {{'webnn.conv_transpose2d' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0 = webnn.conv_transpose2d %x, %w : (tensor<1x2x3x3xi32>, tensor<2x2x3x3xi32>) -> tensor<1x2x5x5xi32>
  return
}

// -----

func.func @conv_transpose_channels(%x: tensor<1x2x3x3xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv_transpose2d' op filter: input channels (3) must equal the input's channels (2)}}
  %0 = webnn.conv_transpose2d %x, %w : (tensor<1x2x3x3xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return
}

// -----

func.func @conv_transpose_output_padding(%x: tensor<1x2x3x3xf32>, %w: tensor<2x2x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv_transpose2d' op outputPadding: values must be smaller than the strides, got [1,0]}}
  %0 = webnn.conv_transpose2d %x, %w {output_padding = array<i64: 1, 0>} : (tensor<1x2x3x3xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x6x5xf32>
  return
}

// -----

func.func @conv_transpose_output_sizes(%x: tensor<1x2x3x3xf32>, %w: tensor<2x2x3x3xf32>) {
  // expected-error@+1 {{'webnn.conv_transpose2d' op outputSizes: height 9 must be in [7, 9)}}
  %0 = webnn.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, output_sizes = array<i64: 9, 7>} : (tensor<1x2x3x3xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x9x7xf32>
  return
}

// -----

func.func @conv_transpose_bias(%x: tensor<1x2x3x3xf32>, %w: tensor<2x4x3x3xf32>, %b: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.conv_transpose2d' op bias: shape must be [4], got [2]}}
  %0 = webnn.conv_transpose2d %x, %w, %b : (tensor<1x2x3x3xf32>, tensor<2x4x3x3xf32>, tensor<2xf32>) -> tensor<1x4x5x5xf32>
  return
}

// -----

func.func @conv_transpose_padding_crops_everything(%x: tensor<1x2x1x1xf32>, %w: tensor<2x2x1x1xf32>) {
  // expected-error@+1 {{'webnn.conv_transpose2d' op output: size [-1,1] is not a valid shape (padding crops the whole output)}}
  %0 = webnn.conv_transpose2d %x, %w {padding = array<i64: 1, 1, 0, 0>} : (tensor<1x2x1x1xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x1x1xf32>
  return
}

// -----

func.func @resample_rank(%x: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'webnn.resample2d' op input: rank must be 4, got 3}}
  %0 = webnn.resample2d %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @resample_scales(%x: tensor<1x1x2x2xf32>) {
  // expected-error@+1 {{'webnn.resample2d' op scales: values must be greater than 0}}
  %0 = webnn.resample2d %x {scales = array<f64: 2.0, -1.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x2xf32>
  return
}

// -----

func.func @resample_axes(%x: tensor<1x1x2x2xf32>) {
  // expected-error@+1 {{'webnn.resample2d' op axes: value 3 is repeated}}
  %0 = webnn.resample2d %x {sizes = array<i64: 4, 4>, axes = array<i64: 3, 3>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x4xf32>
  return
}

// -----

func.func @resample_integer(%x: tensor<1x1x2x2xi32>) {
  // expected-error@+1 {{'webnn.resample2d' op input: data type int32 is not allowed (allowed: float32, float16, int8, uint8)}}
  %0 = webnn.resample2d %x : (tensor<1x1x2x2xi32>) -> tensor<1x1x2x2xi32>
  return
}

// -----

func.func @average_pool_output_sizes_count_the_padding(%x: tensor<1x1x4x4xf32>) {
  // outputSizes is a rounding of the size with the padding (5 here); the
  // unpadded size (3) is not one.
  // expected-error@+1 {{'webnn.average_pool2d' op outputSizes: must be the computed output sizes rounded down ([5,5]) or up ([5,5])}}
  %0 = webnn.average_pool2d %x {window_dimensions = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, output_sizes = array<i64: 3, 3>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return
}
