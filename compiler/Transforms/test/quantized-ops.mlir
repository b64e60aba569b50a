// RUN: webnnc-opt %s -split-input-file -webnn-quantized-ops | FileCheck %s
// RUN: webnnc-opt %s -split-input-file -webnn-quantized-ops=dot-terms=2 | FileCheck %s --check-prefix=TWO
// RUN: webnnc-opt %s -split-input-file -webnn-quantized-ops=dot-terms=0 | FileCheck %s --check-prefix=NONE

// Without integer dot products (dot-terms=0) convs and matrices stay
// float; quantized adds need none.
// NONE-NOT: webnn.quantized_conv2d

// An nchw conv between dequantize and quantize, with per-output-channel
// weight scales, a bias and a relu: one quantized_conv2d on the uint8
// input in channels-last layout. The relu is the output's lower bound
// (the zero point); the weights sum to 4 per channel, so the accumulator
// starts at -zero_point * 4 = -40. Scales: 0.5 * [0.25, 0.5, 1] / 0.125;
// offsets: the bias / 0.125.
// CHECK-LABEL: func.func @nchw_relu
// CHECK: %[[X:.*]] = webnn.transpose %arg0 {permutation = array<i64: 0, 2, 3, 1>} : (tensor<2x4x5x6xui8>) -> tensor<2x5x6x4xui8>
// CHECK-DAG: webnn.constant dense<[8.000000e+00, 1.600000e+01, 2.400000e+01]> : tensor<3xf32>
// CHECK-DAG: webnn.constant dense<[1.000000e+00, 2.000000e+00, 4.000000e+00]> : tensor<3xf32>
// CHECK-DAG: webnn.constant dense<-40> : tensor<3xi32>
// CHECK: %[[Q:.*]] = webnn.quantized_conv2d %[[X]], {{.*}} {dilations = array<i64: 1, 1>, input_zero_point = 10 : i64, output_channels = 3 : i64, output_max = 255 : i64, output_min = 7 : i64, output_zero_point = 7 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<2x5x6x4xui8>, tensor<1x1x1x1x32x4xi8>, tensor<3xi32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x5x6x3xui8>
// CHECK: %[[Y:.*]] = webnn.transpose %[[Q]] {permutation = array<i64: 0, 3, 1, 2>} : (tensor<2x5x6x3xui8>) -> tensor<2x3x5x6xui8>
// CHECK: return %[[Y]]
// CHECK-NOT: webnn.conv2d
func.func @nchw_relu(%x: tensor<2x4x5x6xui8> {webnn.name = "x"}) -> (tensor<2x3x5x6xui8> {webnn.name = "y"}) {
  %sx = webnn.constant dense<0.5> : tensor<f32>
  %zx = webnn.constant dense<10> : tensor<ui8>
  %w = webnn.constant dense<1> : tensor<3x4x1x1xi8>
  %sw = webnn.constant dense<[[[[0.25]]], [[[0.5]]], [[[1.0]]]]> : tensor<3x1x1x1xf32>
  %zw = webnn.constant dense<0> : tensor<3x1x1x1xi8>
  %b = webnn.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %sy = webnn.constant dense<0.125> : tensor<f32>
  %zy = webnn.constant dense<7> : tensor<ui8>
  %xf = webnn.dequantize_linear %x, %sx, %zx : (tensor<2x4x5x6xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x4x5x6xf32>
  %wf = webnn.dequantize_linear %w, %sw, %zw : (tensor<3x4x1x1xi8>, tensor<3x1x1x1xf32>, tensor<3x1x1x1xi8>) -> tensor<3x4x1x1xf32>
  %c = webnn.conv2d %xf, %wf, %b : (tensor<2x4x5x6xf32>, tensor<3x4x1x1xf32>, tensor<3xf32>) -> tensor<2x3x5x6xf32>
  %r = webnn.relu %c : (tensor<2x3x5x6xf32>) -> tensor<2x3x5x6xf32>
  %y = webnn.quantize_linear %r, %sy, %zy : (tensor<2x3x5x6xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3x5x6xui8>
  return %y : tensor<2x3x5x6xui8>
}

// -----

// int8 activations are read as uint8 + 128 (the zero point moves to 128);
// an nhwc conv with an ohwi filter needs no transposes; clamp(-1, 2)
// bounds the output at round(-1 / 0.5) and round(2 / 0.5).
// CHECK-LABEL: func.func @nhwc_int8_clamp
// CHECK-NOT: webnn.transpose
// CHECK: webnn.quantized_conv2d %arg0, {{.*}}input_zero_point = 128 : i64, output_channels = 8 : i64, output_max = 4 : i64, output_min = -2 : i64, output_zero_point = 0 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x7x7x8xi8>, tensor<1x3x3x2x32x4xi8>, tensor<8xi32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xi8>
func.func @nhwc_int8_clamp(%x: tensor<1x7x7x8xi8> {webnn.name = "x"}) -> (tensor<1x4x4x8xi8> {webnn.name = "y"}) {
  %sx = webnn.constant dense<0.5> : tensor<f32>
  %zx = webnn.constant dense<0> : tensor<i8>
  %w = webnn.constant dense<2> : tensor<8x3x3x8xi8>
  %sw = webnn.constant dense<0.5> : tensor<f32>
  %zw = webnn.constant dense<0> : tensor<i8>
  %sy = webnn.constant dense<0.5> : tensor<f32>
  %zy = webnn.constant dense<0> : tensor<i8>
  %xf = webnn.dequantize_linear %x, %sx, %zx : (tensor<1x7x7x8xi8>, tensor<f32>, tensor<i8>) -> tensor<1x7x7x8xf32>
  %wf = webnn.dequantize_linear %w, %sw, %zw : (tensor<8x3x3x8xi8>, tensor<f32>, tensor<i8>) -> tensor<8x3x3x8xf32>
  %c = webnn.conv2d %xf, %wf {input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout ohwi>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x7x7x8xf32>, tensor<8x3x3x8xf32>) -> tensor<1x4x4x8xf32>
  %r = webnn.clamp %c {min_value = -1.0 : f64, max_value = 2.0 : f64} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %y = webnn.quantize_linear %r, %sy, %zy : (tensor<1x4x4x8xf32>, tensor<f32>, tensor<i8>) -> tensor<1x4x4x8xi8>
  return %y : tensor<1x4x4x8xi8>
}

// -----

// Three input channels (an RGB stem): the input is padded to four with
// its zero point, the weights with zeros.
// CHECK-LABEL: func.func @three_channels
// CHECK: %[[T:.*]] = webnn.transpose %arg0
// CHECK: %[[P:.*]] = webnn.pad %[[T]] {beginning_padding = array<i64: 0, 0, 0, 0>, ending_padding = array<i64: 0, 0, 0, 1>, value = 5.000000e+00 : f64} : (tensor<2x6x6x3xui8>) -> tensor<2x6x6x4xui8>
// CHECK: webnn.quantized_conv2d %[[P]], {{.*}} : (tensor<2x6x6x4xui8>, tensor<1x3x3x1x32x4xi8>, tensor<8xi32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x4x8xui8>
// With 2-term dot products (AVX2) the filter packs pairs of channels.
// TWO-LABEL: func.func @three_channels
// TWO: webnn.pad {{.*}} -> tensor<2x6x6x4xui8>
// TWO: webnn.quantized_conv2d {{.*}} : (tensor<2x6x6x4xui8>, tensor<1x3x3x2x32x2xi8>, {{.*}}) -> tensor<2x4x4x8xui8>
func.func @three_channels(%x: tensor<2x3x6x6xui8> {webnn.name = "x"}) -> (tensor<2x8x4x4xui8> {webnn.name = "y"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %z = webnn.constant dense<5> : tensor<ui8>
  %zi = webnn.constant dense<0> : tensor<i8>
  %w = webnn.constant dense<3> : tensor<8x3x3x3xi8>
  %xf = webnn.dequantize_linear %x, %s, %z : (tensor<2x3x6x6xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x3x6x6xf32>
  %wf = webnn.dequantize_linear %w, %s, %zi : (tensor<8x3x3x3xi8>, tensor<f32>, tensor<i8>) -> tensor<8x3x3x3xf32>
  %c = webnn.conv2d %xf, %wf : (tensor<2x3x6x6xf32>, tensor<8x3x3x3xf32>) -> tensor<2x8x4x4xf32>
  %y = webnn.quantize_linear %c, %s, %z : (tensor<2x8x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x8x4x4xui8>
  return %y : tensor<2x8x4x4xui8>
}

// -----

// A depthwise conv (one filter per channel): its filter packed [h, w, C];
// no channel padding, whatever the channel count.
// CHECK-LABEL: func.func @depthwise
// CHECK-NOT: webnn.pad
// CHECK: webnn.quantized_conv2d {{.*}} : (tensor<1x6x6x3xui8>, tensor<3x3x3xi8>, tensor<3xi32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x6x6x3xui8>
func.func @depthwise(%x: tensor<1x3x6x6xui8> {webnn.name = "x"}) -> (tensor<1x3x6x6xui8> {webnn.name = "y"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %z = webnn.constant dense<5> : tensor<ui8>
  %zi = webnn.constant dense<0> : tensor<i8>
  %w = webnn.constant dense<3> : tensor<3x1x3x3xi8>
  %xf = webnn.dequantize_linear %x, %s, %z : (tensor<1x3x6x6xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x3x6x6xf32>
  %wf = webnn.dequantize_linear %w, %s, %zi : (tensor<3x1x3x3xi8>, tensor<f32>, tensor<i8>) -> tensor<3x1x3x3xf32>
  %c = webnn.conv2d %xf, %wf {groups = 3 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x6x6xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x6x6xf32>
  %y = webnn.quantize_linear %c, %s, %z : (tensor<1x3x6x6xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x3x6x6xui8>
  return %y : tensor<1x3x6x6xui8>
}

// -----

// Near misses stay float: a weight zero point that moves the weights out
// of the int8 range (1 - -128), grouped convs that are not depthwise,
// per-channel input scales and weights computed from an input. A conv whose result is not quantized (its relu
// read elsewhere, a sigmoid before the quantize) computes on integers and
// returns float32 (the relu and sigmoid stay).
// CHECK-LABEL: func.func @near_misses
// CHECK: webnn.conv2d
// CHECK: webnn.conv2d
// CHECK: %[[D:.*]] = webnn.quantized_conv2d {{.*}} -> tensor<1x4x4x4xf32>
// CHECK-NEXT: %[[DT:.*]] = webnn.transpose %[[D]]
// CHECK-NEXT: webnn.relu %[[DT]]
// CHECK: %[[E:.*]] = webnn.quantized_conv2d {{.*}} -> tensor<1x4x4x4xf32>
// CHECK-NEXT: %[[ET:.*]] = webnn.transpose %[[E]]
// CHECK-NEXT: webnn.sigmoid %[[ET]]
// CHECK: webnn.conv2d
// CHECK: webnn.conv2d
// CHECK-NOT: webnn.quantized_conv2d
func.func @near_misses(%x: tensor<1x4x4x4xui8> {webnn.name = "x"}, %wi: tensor<4x4x1x1xi8> {webnn.name = "wi"}) -> (tensor<1x4x4x4xui8> {webnn.name = "b"}, tensor<1x4x4x4xui8> {webnn.name = "c"}, tensor<1x4x4x4xui8> {webnn.name = "d"}, tensor<1x4x4x4xf32> {webnn.name = "d_relu"}, tensor<1x4x4x4xui8> {webnn.name = "e"}, tensor<1x4x4x4xui8> {webnn.name = "f"}, tensor<1x4x4x4xui8> {webnn.name = "g"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %z = webnn.constant dense<0> : tensor<ui8>
  %zi = webnn.constant dense<0> : tensor<i8>
  %zi1 = webnn.constant dense<-128> : tensor<i8>
  %sc = webnn.constant dense<[[[[0.5]], [[0.25]], [[0.5]], [[0.5]]]]> : tensor<1x4x1x1xf32>
  %zc = webnn.constant dense<0> : tensor<1x4x1x1xui8>
  %w = webnn.constant dense<1> : tensor<4x4x1x1xi8>
  %wg = webnn.constant dense<1> : tensor<4x2x1x1xi8>
  %xf = webnn.dequantize_linear %x, %s, %z : (tensor<1x4x4x4xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xf32>
  %xc = webnn.dequantize_linear %x, %sc, %zc : (tensor<1x4x4x4xui8>, tensor<1x4x1x1xf32>, tensor<1x4x1x1xui8>) -> tensor<1x4x4x4xf32>
  %wf = webnn.dequantize_linear %w, %s, %zi : (tensor<4x4x1x1xi8>, tensor<f32>, tensor<i8>) -> tensor<4x4x1x1xf32>
  %wz = webnn.dequantize_linear %w, %s, %zi1 : (tensor<4x4x1x1xi8>, tensor<f32>, tensor<i8>) -> tensor<4x4x1x1xf32>
  %wgf = webnn.dequantize_linear %wg, %s, %zi : (tensor<4x2x1x1xi8>, tensor<f32>, tensor<i8>) -> tensor<4x2x1x1xf32>
  %wif = webnn.dequantize_linear %wi, %s, %zi : (tensor<4x4x1x1xi8>, tensor<f32>, tensor<i8>) -> tensor<4x4x1x1xf32>
  %cb = webnn.conv2d %xf, %wz : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %b = webnn.quantize_linear %cb, %s, %z : (tensor<1x4x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xui8>
  %cc = webnn.conv2d %xf, %wgf {groups = 2 : i64} : (tensor<1x4x4x4xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x4x4xf32>
  %c = webnn.quantize_linear %cc, %s, %z : (tensor<1x4x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xui8>
  %cd = webnn.conv2d %xf, %wf : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %rd = webnn.relu %cd : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %d = webnn.quantize_linear %rd, %s, %z : (tensor<1x4x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xui8>
  %ce = webnn.conv2d %xf, %wf : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %se = webnn.sigmoid %ce : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %e = webnn.quantize_linear %se, %s, %z : (tensor<1x4x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xui8>
  %cf = webnn.conv2d %xc, %wf : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %f = webnn.quantize_linear %cf, %s, %z : (tensor<1x4x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xui8>
  %cg = webnn.conv2d %xf, %wif : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %g = webnn.quantize_linear %cg, %s, %z : (tensor<1x4x4x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x4xui8>
  return %b, %c, %d, %rd, %e, %f, %g : tensor<1x4x4x4xui8>, tensor<1x4x4x4xui8>, tensor<1x4x4x4xui8>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xui8>, tensor<1x4x4x4xui8>, tensor<1x4x4x4xui8>
}

// -----

// A residual add of two dequantized tensors, relu, quantize: one
// quantized_add with each scale over the output's (0.5 / 0.25, 0.125 /
// 0.25), the relu as the lower bound (the output zero point, 3). An add
// whose result is also read elsewhere, or of per-channel parameters, stays.
// CHECK-LABEL: func.func @residual_add
// CHECK: %[[Q:.*]] = webnn.quantized_add %arg0, %arg1 {a_scale = 2.000000e+00 : f64, a_zero_point = 10 : i64, b_scale = 5.000000e-01 : f64, b_zero_point = 0 : i64, output_max = 255 : i64, output_min = 3 : i64, output_zero_point = 3 : i64} : (tensor<2x3x4xui8>, tensor<2x3x4xui8>) -> tensor<2x3x4xui8>
// CHECK: %[[S:.*]] = webnn.add
// CHECK: %[[P:.*]] = webnn.add
// CHECK: return %[[Q]]
// CHECK-NOT: quantized_add
func.func @residual_add(%a: tensor<2x3x4xui8> {webnn.name = "a"}, %b: tensor<2x3x4xui8> {webnn.name = "b"}) -> (tensor<2x3x4xui8> {webnn.name = "y"}, tensor<2x3x4xui8> {webnn.name = "shared"}, tensor<2x3x4xf32> {webnn.name = "sum"}, tensor<2x3x4xui8> {webnn.name = "per_channel"}) {
  %sa = webnn.constant dense<0.5> : tensor<f32>
  %za = webnn.constant dense<10> : tensor<ui8>
  %sb = webnn.constant dense<0.125> : tensor<f32>
  %zb = webnn.constant dense<0> : tensor<ui8>
  %sy = webnn.constant dense<0.25> : tensor<f32>
  %zy = webnn.constant dense<3> : tensor<ui8>
  %sc = webnn.constant dense<[[[0.5]], [[0.25]]]> : tensor<2x1x1xf32>
  %zc = webnn.constant dense<0> : tensor<2x1x1xui8>
  %af = webnn.dequantize_linear %a, %sa, %za : (tensor<2x3x4xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x3x4xf32>
  %bf = webnn.dequantize_linear %b, %sb, %zb : (tensor<2x3x4xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x3x4xf32>
  %s = webnn.add %af, %bf : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %r = webnn.relu %s : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %y = webnn.quantize_linear %r, %sy, %zy : (tensor<2x3x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3x4xui8>
  %s2 = webnn.add %af, %bf : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %shared = webnn.quantize_linear %s2, %sy, %zy : (tensor<2x3x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3x4xui8>
  %cf = webnn.dequantize_linear %a, %sc, %zc : (tensor<2x3x4xui8>, tensor<2x1x1xf32>, tensor<2x1x1xui8>) -> tensor<2x3x4xf32>
  %p = webnn.add %cf, %bf : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %pc = webnn.quantize_linear %p, %sy, %zy : (tensor<2x3x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3x4xui8>
  return %y, %shared, %s2, %pc : tensor<2x3x4xui8>, tensor<2x3x4xui8>, tensor<2x3x4xf32>, tensor<2x3x4xui8>
}

// -----

// A quantize after a concat moves into its inputs (the same values: it is
// per-tensor); there a quantize of a dequantize with the same parameters
// is the 8-bit input itself, another one stays a requantization. A concat
// read twice keeps its quantize.
// CHECK-LABEL: func.func @concat
// CHECK: %[[R:.*]] = webnn.quantize_linear %{{.*}} : (tensor<1x2x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x2x3xui8>
// CHECK: %[[C:.*]] = webnn.concat %arg0, %[[R]] {axis = 1 : i64} : (tensor<1x2x3xui8>, tensor<1x2x3xui8>) -> tensor<1x4x3xui8>
// CHECK: webnn.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<1x2x3xf32>, tensor<1x2x3xf32>) -> tensor<1x4x3xf32>
// CHECK: return %[[C]]
func.func @concat(%a: tensor<1x2x3xui8> {webnn.name = "a"}, %b: tensor<1x2x3xui8> {webnn.name = "b"}) -> (tensor<1x4x3xui8> {webnn.name = "y"}, tensor<1x4x3xui8> {webnn.name = "shared"}, tensor<1x4x3xf32> {webnn.name = "joined"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %s2 = webnn.constant dense<0.25> : tensor<f32>
  %z = webnn.constant dense<7> : tensor<ui8>
  %af = webnn.dequantize_linear %a, %s, %z : (tensor<1x2x3xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x2x3xf32>
  %bf = webnn.dequantize_linear %b, %s2, %z : (tensor<1x2x3xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x2x3xf32>
  %c = webnn.concat %af, %bf {axis = 1 : i64} : (tensor<1x2x3xf32>, tensor<1x2x3xf32>) -> tensor<1x4x3xf32>
  %y = webnn.quantize_linear %c, %s, %z : (tensor<1x4x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x3xui8>
  %c2 = webnn.concat %af, %bf {axis = 1 : i64} : (tensor<1x2x3xf32>, tensor<1x2x3xf32>) -> tensor<1x4x3xf32>
  %shared = webnn.quantize_linear %c2, %s, %z : (tensor<1x4x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x3xui8>
  return %y, %shared, %c2 : tensor<1x4x3xui8>, tensor<1x4x3xui8>, tensor<1x4x3xf32>
}

// -----

// A matmul with a constant int8 [K, N] matrix is a 1x1 conv over the rows
// of a, laid along the width (the kernel's register tiles span columns):
// [3, 20, 16] -> [1, 1, 60, 16] -> [1, 1, 60, 24] -> [3, 20, 24].
// CHECK-LABEL: func.func @matmul_rows
// CHECK: %[[X:.*]] = webnn.reshape %arg0 {{.*}} : (tensor<3x20x16xui8>) -> tensor<1x1x60x16xui8>
// CHECK: %[[Q:.*]] = webnn.quantized_conv2d %[[X]], {{.*}} : (tensor<1x1x60x16xui8>, tensor<1x1x1x4x32x4xi8>, tensor<24xi32>, tensor<24xf32>, tensor<24xf32>) -> tensor<1x1x60x24xui8>
// CHECK: %[[Y:.*]] = webnn.reshape %[[Q]] {{.*}} : (tensor<1x1x60x24xui8>) -> tensor<3x20x24xui8>
// TWO-LABEL: func.func @matmul_rows
// TWO: webnn.quantized_conv2d {{.*}} : (tensor<1x1x60x16xui8>, tensor<1x1x1x8x32x2xi8>, {{.*}}) -> tensor<1x1x60x24xui8>
// CHECK: return %[[Y]]
// CHECK-NOT: webnn.matmul
func.func @matmul_rows(%a: tensor<3x20x16xui8> {webnn.name = "a"}) -> (tensor<3x20x24xui8> {webnn.name = "y"}) {
  %sa = webnn.constant dense<0.5> : tensor<f32>
  %za = webnn.constant dense<3> : tensor<ui8>
  %w = webnn.constant dense<1> : tensor<16x24xi8>
  %sw = webnn.constant dense<0.25> : tensor<f32>
  %zw = webnn.constant dense<0> : tensor<i8>
  %sy = webnn.constant dense<2.0> : tensor<f32>
  %zy = webnn.constant dense<5> : tensor<ui8>
  %af = webnn.dequantize_linear %a, %sa, %za : (tensor<3x20x16xui8>, tensor<f32>, tensor<ui8>) -> tensor<3x20x16xf32>
  %wf = webnn.dequantize_linear %w, %sw, %zw : (tensor<16x24xi8>, tensor<f32>, tensor<i8>) -> tensor<16x24xf32>
  %m = webnn.matmul %af, %wf : (tensor<3x20x16xf32>, tensor<16x24xf32>) -> tensor<3x20x24xf32>
  %y = webnn.quantize_linear %m, %sy, %zy : (tensor<3x20x24xf32>, tensor<f32>, tensor<ui8>) -> tensor<3x20x24xui8>
  return %y : tensor<3x20x24xui8>
}

// -----

// uint8 weights with zero point 128 (older exporters' default) are int8
// weights w - 128 with zero point 0; weights whose differences from their
// zero point leave the int8 range (255 - 0) keep the float conv.
// CHECK-LABEL: func.func @uint8_weights
// CHECK-DAG: webnn.quantized_conv2d %arg0, {{.*}} -> tensor<1x4x4x8xui8>
// CHECK-DAG: webnn.conv2d
// CHECK-NOT: webnn.quantized_conv2d
func.func @uint8_weights(%x: tensor<1x4x4x8xui8> {webnn.name = "x"}) -> (tensor<1x4x4x8xui8> {webnn.name = "y"}, tensor<1x4x4x8xui8> {webnn.name = "z"}) {
  %sx = webnn.constant dense<0.5> : tensor<f32>
  %zx = webnn.constant dense<0> : tensor<ui8>
  %w = webnn.constant dense<[[[[0, 128, 200, 255, 1, 2, 3, 4]]], [[[5, 6, 7, 8, 9, 10, 11, 12]]], [[[13, 14, 15, 16, 17, 18, 19, 20]]], [[[21, 22, 23, 24, 25, 26, 27, 28]]], [[[29, 30, 31, 32, 33, 34, 35, 36]]], [[[37, 38, 39, 40, 41, 42, 43, 44]]], [[[45, 46, 47, 48, 49, 50, 51, 52]]], [[[53, 54, 55, 56, 57, 58, 59, 60]]]]> : tensor<8x1x1x8xui8>
  %sw = webnn.constant dense<0.5> : tensor<f32>
  %z128 = webnn.constant dense<128> : tensor<ui8>
  %z0 = webnn.constant dense<0> : tensor<ui8>
  %sy = webnn.constant dense<4.0> : tensor<f32>
  %zy = webnn.constant dense<0> : tensor<ui8>
  %xf = webnn.dequantize_linear %x, %sx, %zx : (tensor<1x4x4x8xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x8xf32>
  %w1 = webnn.dequantize_linear %w, %sw, %z128 : (tensor<8x1x1x8xui8>, tensor<f32>, tensor<ui8>) -> tensor<8x1x1x8xf32>
  %w2 = webnn.dequantize_linear %w, %sw, %z0 : (tensor<8x1x1x8xui8>, tensor<f32>, tensor<ui8>) -> tensor<8x1x1x8xf32>
  %c1 = webnn.conv2d %xf, %w1 {input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout ohwi>} : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %c2 = webnn.conv2d %xf, %w2 {input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout ohwi>} : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %y = webnn.quantize_linear %c1, %sy, %zy : (tensor<1x4x4x8xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x8xui8>
  %z = webnn.quantize_linear %c2, %sy, %zy : (tensor<1x4x4x8xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x4x4x8xui8>
  return %y, %z : tensor<1x4x4x8xui8>, tensor<1x4x4x8xui8>
}

// -----

// quantize(maxPool2d(dequantize(x))) with the same parameters on both
// sides is maxPool2d(x): the pool moves uint8 values. With another output
// scale it stays float.
// CHECK-LABEL: func.func @max_pool
// CHECK: %[[P:.*]] = webnn.max_pool2d %arg0 {strides = array<i64: 2, 2>, window_dimensions = array<i64: 2, 2>} : (tensor<1x2x4x4xui8>) -> tensor<1x2x2x2xui8>
// CHECK: %[[F:.*]] = webnn.max_pool2d %{{.*}} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
// CHECK: %[[Q:.*]] = webnn.quantize_linear %[[F]]
// CHECK: return %[[P]], %[[Q]]
func.func @max_pool(%x: tensor<1x2x4x4xui8> {webnn.name = "x"}, %x2: tensor<1x2x4x4xui8> {webnn.name = "x2"}) -> (tensor<1x2x2x2xui8> {webnn.name = "y"}, tensor<1x2x2x2xui8> {webnn.name = "y2"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %s2 = webnn.constant dense<0.25> : tensor<f32>
  %z = webnn.constant dense<3> : tensor<ui8>
  %xf = webnn.dequantize_linear %x, %s, %z : (tensor<1x2x4x4xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x2x4x4xf32>
  %p = webnn.max_pool2d %xf {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %y = webnn.quantize_linear %p, %s, %z : (tensor<1x2x2x2xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x2x2x2xui8>
  %xf2 = webnn.dequantize_linear %x2, %s, %z : (tensor<1x2x4x4xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x2x4x4xf32>
  %p2 = webnn.max_pool2d %xf2 {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %y2 = webnn.quantize_linear %p2, %s2, %z : (tensor<1x2x2x2xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x2x2x2xui8>
  return %y, %y2 : tensor<1x2x2x2xui8>, tensor<1x2x2x2xui8>
}

// -----

// A chain of data movement (transpose, slice, reshape) between the same
// parameters moves int8 values.
// CHECK-LABEL: func.func @moves
// CHECK: %[[T:.*]] = webnn.transpose %arg0 {{.*}} : (tensor<2x3x4xi8>) -> tensor<4x3x2xi8>
// CHECK: %[[S:.*]] = webnn.slice %[[T]] {{.*}} : (tensor<4x3x2xi8>) -> tensor<2x3x2xi8>
// CHECK: %[[R:.*]] = webnn.reshape %[[S]] {{.*}} : (tensor<2x3x2xi8>) -> tensor<12xi8>
// CHECK: return %[[R]]
// CHECK-NOT: quantize_linear
func.func @moves(%x: tensor<2x3x4xi8> {webnn.name = "x"}) -> (tensor<12xi8> {webnn.name = "y"}) {
  %s = webnn.constant dense<0.5> : tensor<f32>
  %z = webnn.constant dense<-3> : tensor<i8>
  %xf = webnn.dequantize_linear %x, %s, %z : (tensor<2x3x4xi8>, tensor<f32>, tensor<i8>) -> tensor<2x3x4xf32>
  %t = webnn.transpose %xf {permutation = array<i64: 2, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %sl = webnn.slice %t {starts = array<i64: 1, 0, 0>, sizes = array<i64: 2, 3, 2>} : (tensor<4x3x2xf32>) -> tensor<2x3x2xf32>
  %r = webnn.reshape %sl {new_shape = array<i64: 12>} : (tensor<2x3x2xf32>) -> tensor<12xf32>
  %y = webnn.quantize_linear %r, %s, %z : (tensor<12xf32>, tensor<f32>, tensor<i8>) -> tensor<12xi8>
  return %y : tensor<12xi8>
}
