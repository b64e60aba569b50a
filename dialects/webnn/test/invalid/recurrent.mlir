// RUN: webnnc-opt %s -split-input-file -verify-diagnostics
// Invalid recurrent ops.

func.func @gru_cell_weight(%x: tensor<2x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<2x4xf32>) {
  // 3 gates of hidden size 5: weight must be [15, 3].
  // expected-error@+1 {{'webnn.gru_cell' op weight: shape must be [15,3], got [12,3]}}
  %0 = webnn.gru_cell %x, %w, %r, %h {hidden_size = 5 : i64} : (tensor<2x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<2x4xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gru_cell_hidden_state(%x: tensor<2x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) {
  // expected-error@+1 {{'webnn.gru_cell' op hiddenState: shape must be [2,4], got [1,4]}}
  %0 = webnn.gru_cell %x, %w, %r, %h {hidden_size = 4 : i64} : (tensor<2x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @gru_steps(%x: tensor<3x2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) {
  // expected-error@+1 {{'webnn.gru' op steps: 2 must equal the input's first dimension 3}}
  %0 = webnn.gru %x, %w, %r {steps = 2 : i64, hidden_size = 4 : i64} : (tensor<3x2x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x2x4xf32>
  return
}

// -----

func.func @gru_activations(%x: tensor<3x2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) {
  // expected-error@+1 {{'webnn.gru' op activations: must have 2 values, got 1}}
  %0 = webnn.gru %x, %w, %r {steps = 3 : i64, hidden_size = 4 : i64, activations = [#webnn<activation relu>]} : (tensor<3x2x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x2x4xf32>
  return
}

// -----

func.func @gru_both_directions(%x: tensor<3x2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) {
  // expected-error@+1 {{'webnn.gru' op weight: shape must be [2,12,3], got [1,12,3]}}
  %0 = webnn.gru %x, %w, %r {steps = 3 : i64, hidden_size = 4 : i64, direction = #webnn<direction both>} : (tensor<3x2x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<2x2x4xf32>
  return
}

// -----

func.func @lstm_cell_peephole(%x: tensor<2x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<2x4xf32>, %c: tensor<2x4xf32>, %p: tensor<16xf32>) {
  // expected-error@+1 {{'webnn.lstm_cell' op peepholeWeight: shape must be [12], got [16]}}
  %0:2 = webnn.lstm_cell %x, %w, %r, %h, %c peephole_weight %p {hidden_size = 4 : i64} : (tensor<2x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<16xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>)
  return
}

// -----

func.func @lstm_cell_type(%x: tensor<2x3xi32>, %w: tensor<16x3xi32>, %r: tensor<16x4xi32>, %h: tensor<2x4xi32>, %c: tensor<2x4xi32>) {
  // expected-error@+1 {{'webnn.lstm_cell' op input: data type int32 is not allowed (allowed: float32, float16)}}
  %0:2 = webnn.lstm_cell %x, %w, %r, %h, %c {hidden_size = 4 : i64} : (tensor<2x3xi32>, tensor<16x3xi32>, tensor<16x4xi32>, tensor<2x4xi32>, tensor<2x4xi32>) -> (tensor<2x4xi32>, tensor<2x4xi32>)
  return
}

// -----

func.func @lstm_initial_cell(%x: tensor<3x2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>, %c: tensor<2x4xf32>) {
  // expected-error@+1 {{'webnn.lstm' op initialCellState: shape must be [1,2,4], got [2,4]}}
  %0:2 = webnn.lstm %x, %w, %r initial_cell_state %c {steps = 3 : i64, hidden_size = 4 : i64} : (tensor<3x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<2x4xf32>) -> (tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @lstm_sequence_result(%x: tensor<3x2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) {
  // returnSequence adds a third result.
  // expected-error@+1 {{'webnn.lstm' op must have 3 results by the spec, got 2}}
  %0:2 = webnn.lstm %x, %w, %r {steps = 3 : i64, hidden_size = 4 : i64, return_sequence = true} : (tensor<3x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return
}
