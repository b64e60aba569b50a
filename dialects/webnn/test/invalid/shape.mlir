// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid shape and data-movement ops.

func.func @concat_shapes(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) {
  // expected-error@+1 {{'webnn.concat' op inputs[1]: shape [3,2] must match inputs[0]'s [2,3] except along the axis}}
  %0 = webnn.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<5x3xf32>
  return
}

// -----

func.func @concat_types(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{'webnn.concat' op inputs[1]: data type int32 must match inputs[0]'s float32}}
  %0 = webnn.concat %a, %b {axis = 0 : i64} : (tensor<2xf32>, tensor<2xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @concat_axis(%a: tensor<2xf32>) {
  // expected-error@+1 {{'webnn.concat' op axis: must be in [0, 1), got 1}}
  %0 = webnn.concat %a {axis = 1 : i64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @expand_not_broadcastable(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.expand' op newShape: input shape [2,3] is not broadcastable to [2,4]}}
  %0 = webnn.expand %x {new_shape = array<i64: 2, 4>} : (tensor<2x3xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @pad_sizes(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.pad' op beginningPadding: must have 2 values (the input's rank), got 1}}
  %0 = webnn.pad %x {beginning_padding = array<i64: 1>, ending_padding = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @pad_reflection_too_wide(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.pad' op beginningPadding: reflection padding of dimension 0 must be smaller than its size (2)}}
  %0 = webnn.pad %x {beginning_padding = array<i64: 2, 0>, ending_padding = array<i64: 0, 0>, mode = #webnn<padding_mode reflection>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @pad_scalar(%x: tensor<f32>) {
  // expected-error@+1 {{'webnn.pad' op input: rank must be at least 1, got 0}}
  %0 = webnn.pad %x {beginning_padding = array<i64>, ending_padding = array<i64>} : (tensor<f32>) -> tensor<f32>
  return
}

// -----

func.func @reverse_axes(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.reverse' op axes: value 0 is repeated}}
  %0 = webnn.reverse %x {axes = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @slice_out_of_bounds(%x: tensor<4xf32>) {
  // expected-error@+1 {{'webnn.slice' op sizes: slice [2, 2+3) of dimension 0 exceeds its size 4}}
  %0 = webnn.slice %x {starts = array<i64: 2>, sizes = array<i64: 3>} : (tensor<4xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @slice_strides(%x: tensor<4xf32>) {
  // expected-error@+1 {{'webnn.slice' op strides: values must be greater than 0}}
  %0 = webnn.slice %x {starts = array<i64: 0>, sizes = array<i64: 2>, strides = array<i64: 0>} : (tensor<4xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @split_sizes(%x: tensor<6xf32>) {
  // expected-error@+1 {{'webnn.split' op splits: sizes must add up to the axis' size 6, got 5}}
  %0:2 = webnn.split %x {splits = array<i64: 2, 3>} : (tensor<6xf32>) -> (tensor<2xf32>, tensor<3xf32>)
  return
}

// -----

func.func @split_results(%x: tensor<6xf32>) {
  // expected-error@+1 {{'webnn.split' op result 1: type must be 'tensor<4xf32>'}}
  %0:2 = webnn.split %x {splits = array<i64: 2, 4>} : (tensor<6xf32>) -> (tensor<2xf32>, tensor<3xf32>)
  return
}

// -----

func.func @tile_repetitions(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.tile' op repetitions: values must be greater than 0}}
  %0 = webnn.tile %x {repetitions = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @triangular_rank(%x: tensor<3xf32>) {
  // expected-error@+1 {{'webnn.triangular' op input: rank must be at least 2, got 1}}
  %0 = webnn.triangular %x : (tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.reshape' op newShape: element count of [4,2] (8) must equal the input's (6)}}
  %0 = webnn.reshape %x {new_shape = array<i64: 4, 2>} : (tensor<2x3xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @transpose_permutation(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'webnn.transpose' op permutation: value 1 is repeated}}
  %0 = webnn.transpose %x {permutation = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<3x3xf32>
  return
}
