// RUN: webnnc-opt %s | webnnc-opt | FileCheck %s
// Every op added after the foundation, printed and parsed back (ops.mlir
// covers the foundation's).

// CHECK-LABEL: func @elementwise
func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %u: tensor<2x3xui8>, %i: tensor<3xi32>) {
  // CHECK: webnn.equal %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  %0 = webnn.equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.not_equal
  %1 = webnn.not_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.greater
  %2 = webnn.greater %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.greater_or_equal
  %3 = webnn.greater_or_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.lesser
  %4 = webnn.lesser %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.lesser_or_equal
  %5 = webnn.lesser_or_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.logical_and
  %6 = webnn.logical_and %u, %0 : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.logical_or
  %7 = webnn.logical_or %u, %0 : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.logical_xor
  %8 = webnn.logical_xor %u, %0 : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.logical_not
  %9 = webnn.logical_not %u : (tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.is_nan
  %10 = webnn.is_nan %a : (tensor<2x3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.is_infinite
  %11 = webnn.is_infinite %a : (tensor<2x3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.abs
  %12 = webnn.abs %i : (tensor<3xi32>) -> tensor<3xi32>
  // CHECK: webnn.ceil
  %13 = webnn.ceil %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.cos
  %14 = webnn.cos %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.erf
  %15 = webnn.erf %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.exp
  %16 = webnn.exp %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.floor
  %17 = webnn.floor %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.identity
  %18 = webnn.identity %u : (tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.log
  %19 = webnn.log %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.neg
  %20 = webnn.neg %i : (tensor<3xi32>) -> tensor<3xi32>
  // CHECK: webnn.reciprocal
  %21 = webnn.reciprocal %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.round_even
  %22 = webnn.round_even %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.sign
  %23 = webnn.sign %i : (tensor<3xi32>) -> tensor<3xi32>
  // CHECK: webnn.sin
  %24 = webnn.sin %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.sqrt
  %25 = webnn.sqrt %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.tan
  %26 = webnn.tan %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.elu %{{.*}} {alpha = 5.000000e-01 : f64}
  %27 = webnn.elu %a {alpha = 0.5 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.gelu
  %28 = webnn.gelu %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.hard_sigmoid %{{.*}} {alpha = 1.000000e-01 : f64, beta = 2.500000e-01 : f64}
  %29 = webnn.hard_sigmoid %a {alpha = 0.1 : f64, beta = 0.25 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.hard_swish
  %30 = webnn.hard_swish %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.leaky_relu
  %31 = webnn.leaky_relu %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.linear %{{.*}} {beta = 1.000000e+00 : f64}
  %32 = webnn.linear %a {beta = 1.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.softplus
  %33 = webnn.softplus %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.softsign
  %34 = webnn.softsign %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.prelu %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %35 = webnn.prelu %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xui8>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %36 = webnn.where %u, %a, %b : (tensor<2x3xui8>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.cast %{{.*}} {data_type = #webnn<data_type float16>} : (tensor<3xi32>) -> tensor<3xf16>
  %37 = webnn.cast %i {data_type = #webnn<data_type float16>} : (tensor<3xi32>) -> tensor<3xf16>
  return
}

// CHECK-LABEL: func @conv_resample
func.func @conv_resample(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>, %bias: tensor<3xf32>) {
  // CHECK: webnn.conv_transpose2d %{{.*}}, %{{.*}}, %{{.*}} {output_padding = array<i64: 1, 1>, strides = array<i64: 2, 2>}
  %0 = webnn.conv_transpose2d %x, %w, %bias {strides = array<i64: 2, 2>, output_padding = array<i64: 1, 1>} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x8x8xf32>
  // CHECK: webnn.resample2d %{{.*}} {mode = #webnn<interpolation linear>, scales = array<f64: 2.000000e+00, 1.500000e+00>}
  %1 = webnn.resample2d %x {mode = #webnn<interpolation linear>, scales = array<f64: 2.0, 1.5>} : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x4xf32>
  return
}

// CHECK-LABEL: func @normalization
func.func @normalization(%x: tensor<2x3x4x5xf32>, %c: tensor<3xf32>) {
  // CHECK: webnn.batch_normalization %{{.*}}, %{{.*}}, %{{.*}} scale %{{.*}} {epsilon = 1.000000e-03 : f64}
  %0 = webnn.batch_normalization %x, %c, %c scale %c {epsilon = 1.0e-3 : f64} : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
  // CHECK: webnn.instance_normalization %{{.*}} bias %{{.*}} :
  %1 = webnn.instance_normalization %x bias %c : (tensor<2x3x4x5xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
  // CHECK: webnn.layer_normalization %{{.*}} {axes = array<i64: 3>}
  %2 = webnn.layer_normalization %x {axes = array<i64: 3>} : (tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32>
  return
}

// CHECK-LABEL: func @reductions
func.func @reductions(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>) {
  // CHECK: webnn.reduce_l1 %{{.*}} {axes = array<i64: 1>, keep_dimensions = true}
  %0 = webnn.reduce_l1 %x {axes = array<i64: 1>, keep_dimensions = true} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  // CHECK: webnn.reduce_l2
  %1 = webnn.reduce_l2 %x : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK: webnn.reduce_log_sum
  %2 = webnn.reduce_log_sum %x : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK: webnn.reduce_log_sum_exp
  %3 = webnn.reduce_log_sum_exp %x : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK: webnn.reduce_max
  %4 = webnn.reduce_max %i : (tensor<2x3xi32>) -> tensor<i32>
  // CHECK: webnn.reduce_mean %{{.*}} {axes = array<i64>}
  %5 = webnn.reduce_mean %x {axes = array<i64>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.reduce_min
  %6 = webnn.reduce_min %i : (tensor<2x3xi32>) -> tensor<i32>
  // CHECK: webnn.reduce_product
  %7 = webnn.reduce_product %i : (tensor<2x3xi32>) -> tensor<i32>
  // CHECK: webnn.reduce_sum
  %8 = webnn.reduce_sum %x {axes = array<i64: 0>} : (tensor<2x3xf32>) -> tensor<3xf32>
  // CHECK: webnn.reduce_sum_square
  %9 = webnn.reduce_sum_square %x : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK: webnn.arg_max %{{.*}} {axis = 1 : i64, output_data_type = #webnn<data_type int64>}
  %10 = webnn.arg_max %x {axis = 1 : i64, output_data_type = #webnn<data_type int64>} : (tensor<2x3xf32>) -> tensor<2xi64>
  // CHECK: webnn.arg_min %{{.*}} {axis = 0 : i64, keep_dimensions = true}
  %11 = webnn.arg_min %x {axis = 0 : i64, keep_dimensions = true} : (tensor<2x3xf32>) -> tensor<1x3xi32>
  // CHECK: webnn.cumulative_sum %{{.*}} {axis = 1 : i64, exclusive = true}
  %12 = webnn.cumulative_sum %i {axis = 1 : i64, exclusive = true} : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return
}

// CHECK-LABEL: func @data_movement
func.func @data_movement(%x: tensor<2x3xf32>) {
  // CHECK: webnn.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  %0 = webnn.concat %x, %x {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  // CHECK: webnn.expand %{{.*}} {new_shape = array<i64: 4, 2, 3>}
  %1 = webnn.expand %x {new_shape = array<i64: 4, 2, 3>} : (tensor<2x3xf32>) -> tensor<4x2x3xf32>
  // CHECK: webnn.pad %{{.*}} {beginning_padding = array<i64: 1, 0>, ending_padding = array<i64: 0, 2>, mode = #webnn<padding_mode edge>}
  %2 = webnn.pad %x {beginning_padding = array<i64: 1, 0>, ending_padding = array<i64: 0, 2>, mode = #webnn<padding_mode edge>} : (tensor<2x3xf32>) -> tensor<3x5xf32>
  // CHECK: webnn.reverse %{{.*}} {axes = array<i64: 1>}
  %3 = webnn.reverse %x {axes = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.slice %{{.*}} {sizes = array<i64: 2, 2>, starts = array<i64: 0, 1>, strides = array<i64: 1, 2>}
  %4 = webnn.slice %x {starts = array<i64: 0, 1>, sizes = array<i64: 2, 2>, strides = array<i64: 1, 2>} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  // CHECK: webnn.split %{{.*}} {axis = 1 : i64, splits = array<i64: 1, 2>} : (tensor<2x3xf32>) -> (tensor<2x1xf32>, tensor<2x2xf32>)
  %5:2 = webnn.split %x {splits = array<i64: 1, 2>, axis = 1 : i64} : (tensor<2x3xf32>) -> (tensor<2x1xf32>, tensor<2x2xf32>)
  // CHECK: webnn.tile %{{.*}} {repetitions = array<i64: 2, 1>}
  %6 = webnn.tile %x {repetitions = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: webnn.triangular %{{.*}} {diagonal = -1 : i64, upper = false}
  %7 = webnn.triangular %x {upper = false, diagonal = -1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func @gather_quantize
func.func @gather_quantize(%x: tensor<4x3xf32>, %i: tensor<2xi32>, %e: tensor<2x3xi64>, %n: tensor<2x1xui32>, %s: tensor<1x3xf32>, %z: tensor<1x3xi8>) {
  // CHECK: webnn.gather %{{.*}}, %{{.*}} {axis = 1 : i64}
  %0 = webnn.gather %x, %i {axis = 1 : i64} : (tensor<4x3xf32>, tensor<2xi32>) -> tensor<4x2xf32>
  // CHECK: webnn.gather_elements
  %1 = webnn.gather_elements %x, %e : (tensor<4x3xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  // CHECK: webnn.gather_nd
  %2 = webnn.gather_nd %x, %n : (tensor<4x3xf32>, tensor<2x1xui32>) -> tensor<2x3xf32>
  // CHECK: webnn.scatter_elements
  %3 = webnn.scatter_elements %x, %e, %1 : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: webnn.scatter_nd
  %4 = webnn.scatter_nd %x, %n, %2 : (tensor<4x3xf32>, tensor<2x1xui32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: webnn.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x3xf32>, tensor<1x3xf32>, tensor<1x3xi8>) -> tensor<4x3xi8>
  %5 = webnn.quantize_linear %x, %s, %z : (tensor<4x3xf32>, tensor<1x3xf32>, tensor<1x3xi8>) -> tensor<4x3xi8>
  // CHECK: webnn.dequantize_linear
  %6 = webnn.dequantize_linear %5, %s, %z : (tensor<4x3xi8>, tensor<1x3xf32>, tensor<1x3xi8>) -> tensor<4x3xf32>
  return
}

// CHECK-LABEL: func @recurrent
func.func @recurrent(%x: tensor<3x2x3xf32>, %x1: tensor<2x3xf32>, %h: tensor<2x4xf32>,
                     %gw: tensor<2x12x3xf32>, %gr: tensor<2x12x4xf32>,
                     %cw: tensor<12x3xf32>, %cr: tensor<12x4xf32>,
                     %lw: tensor<1x16x3xf32>, %lr: tensor<1x16x4xf32>,
                     %lcw: tensor<16x3xf32>, %lcr: tensor<16x4xf32>, %p: tensor<12xf32>) {
  // CHECK: webnn.gru %{{.*}}, %{{.*}}, %{{.*}} {activations = [#webnn<activation sigmoid>, #webnn<activation relu>], direction = #webnn<direction both>, hidden_size = 4 : i64, return_sequence = true, steps = 3 : i64}
  %0:2 = webnn.gru %x, %gw, %gr {steps = 3 : i64, hidden_size = 4 : i64, return_sequence = true, direction = #webnn<direction both>, activations = [#webnn<activation sigmoid>, #webnn<activation relu>]} : (tensor<3x2x3xf32>, tensor<2x12x3xf32>, tensor<2x12x4xf32>) -> (tensor<2x2x4xf32>, tensor<3x2x2x4xf32>)
  // CHECK: webnn.gru_cell %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {hidden_size = 4 : i64, layout = #webnn<gru_layout rzn>, reset_after = false}
  %1 = webnn.gru_cell %x1, %cw, %cr, %h {hidden_size = 4 : i64, reset_after = false, layout = #webnn<gru_layout rzn>} : (tensor<2x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK: webnn.lstm %{{.*}}, %{{.*}}, %{{.*}} {hidden_size = 4 : i64, layout = #webnn<lstm_layout ifgo>, steps = 3 : i64}
  %2:2 = webnn.lstm %x, %lw, %lr {steps = 3 : i64, hidden_size = 4 : i64, layout = #webnn<lstm_layout ifgo>} : (tensor<3x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  // CHECK: webnn.lstm_cell %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} peephole_weight %{{.*}} {hidden_size = 4 : i64}
  %3:2 = webnn.lstm_cell %x1, %lcw, %lcr, %h, %h peephole_weight %p {hidden_size = 4 : i64} : (tensor<2x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<12xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>)
  return
}
