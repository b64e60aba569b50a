// RUN: webnnc-opt %s -split-input-file -webnn-pack-weights="panel-width=2 vector-lanes=2" | FileCheck %s
// RUN: webnnc-opt %s -split-input-file -webnn-pack-weights="vector-lanes=2 winograd=false" | FileCheck %s --check-prefix=NOWINO

// An oihw conv filter is stored as hwio: element (o, i, h, w) moves to
// [h][w][i][o]; the oihw original is gone.
// CHECK-LABEL: func.func @conv_filter
// CHECK: %[[W:.*]] = webnn.constant {webnn.packed} dense<{{\[\[\[}}[1.000000e+00, 5.000000e+00]], {{\[\[}}2.000000e+00, 6.000000e+00]]], {{\[\[\[}}3.000000e+00, 7.000000e+00]], {{\[\[}}4.000000e+00, 8.000000e+00]]]]> : tensor<2x2x1x2xf32>
// CHECK-NOT: webnn.constant
// CHECK: webnn.conv2d %arg0, %[[W]] {filter_layout = #webnn<filter_layout hwio>}
func.func @conv_filter(%x: tensor<1x1x3x3xf32> {webnn.name = "x"}) -> (tensor<1x2x2x2xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]], [[[5.0, 6.0], [7.0, 8.0]]]]> : tensor<2x1x2x2xf32>
  %c = webnn.conv2d %x, %w : (tensor<1x1x3x3xf32>, tensor<2x1x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %c : tensor<1x2x2x2xf32>
}

// -----

// A channels-last conv with one group: the oihw filter [O=3, I=2, 1, 2]
// becomes panels [2, 1, 2, 2, P=2] (vector-lanes=2: one vector per tile,
// as the tile planner picks for 3 channels), element (o, i, h, w) at
// [o / 2][h][w][i][o % 2], the last panel's missing channel zero.
// CHECK-LABEL: func.func @conv_panels
// CHECK: %[[P:.*]] = webnn.constant {webnn.packed} dense<{{\[\[\[\[\[}}1.000000e+00, 5.000000e+00], [3.000000e+00, 7.000000e+00]], {{\[\[}}2.000000e+00, 6.000000e+00], [4.000000e+00, 8.000000e+00]]]], {{\[\[\[\[}}9.000000e+00, 0.000000e+00], [1.100000e+01, 0.000000e+00]], {{\[\[}}1.000000e+01, 0.000000e+00], [1.200000e+01, 0.000000e+00]]]]]> : tensor<2x1x2x2x2xf32>
// CHECK-NOT: webnn.constant
// CHECK: webnn.packed_conv2d %arg0, %[[P]], %arg1 {dilations = array<i64: 1, 1>, output_channels = 3 : i64, padding = array<i64: 0, 0, 0, 1>, strides = array<i64: 1, 1>} : (tensor<1x2x3x2xf32>, tensor<2x1x2x2x2xf32>, tensor<3xf32>) -> tensor<1x2x3x3xf32>
// CHECK-NOT: webnn.conv2d
func.func @conv_panels(%x: tensor<1x2x3x2xf32> {webnn.name = "x"}, %b: tensor<3xf32> {webnn.name = "b"}) -> (tensor<1x2x3x3xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[[[1.0, 2.0]], [[3.0, 4.0]]], [[[5.0, 6.0]], [[7.0, 8.0]]], [[[9.0, 10.0]], [[11.0, 12.0]]]]> : tensor<3x2x1x2xf32>
  %c = webnn.conv2d %x, %w, %b {input_layout = #webnn<layout nhwc>, padding = array<i64: 0, 0, 0, 1>} : (tensor<1x2x3x2xf32>, tensor<3x2x1x2xf32>, tensor<3xf32>) -> tensor<1x2x3x3xf32>
  return %c : tensor<1x2x3x3xf32>
}

// -----

// A constant B [K=2, N=3] becomes panels [2, 2, 2]: columns 0-1, then
// column 2 padded with zeros. The matmul reads them as webnn.packed_matmul.
// CHECK-LABEL: func.func @matmul_panels
// CHECK: %[[P:.*]] = webnn.constant {webnn.packed} dense<{{\[\[}}[1.000000e+00, 2.000000e+00], [4.000000e+00, 5.000000e+00]], {{\[\[}}3.000000e+00, 0.000000e+00], [6.000000e+00, 0.000000e+00]]]> : tensor<2x2x2xf32>
// CHECK-NOT: webnn.constant
// CHECK: webnn.packed_matmul %arg0, %[[P]] {columns = 3 : i64} : (tensor<5x2xf32>, tensor<2x2x2xf32>) -> tensor<5x3xf32>
// CHECK-NOT: webnn.matmul
func.func @matmul_panels(%a: tensor<5x2xf32> {webnn.name = "a"}) -> (tensor<5x3xf32> {webnn.name = "y"}) {
  %b = webnn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %m = webnn.matmul %a, %b : (tensor<5x2xf32>, tensor<2x3xf32>) -> tensor<5x3xf32>
  return %m : tensor<5x3xf32>
}

// -----

// gemm with bTranspose: B is stored [N=2, K=2]; the panels hold B'. alpha,
// beta, C and aTranspose carry over.
// CHECK-LABEL: func.func @gemm_transposed_b
// CHECK: %[[P:.*]] = webnn.constant {webnn.packed} dense<{{\[\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]]> : tensor<1x2x2xf32>
// CHECK: webnn.packed_matmul %arg0, %[[P]], %arg1 {a_transpose = true, alpha = 2.000000e+00 : f64, beta = 5.000000e-01 : f64, columns = 2 : i64}
func.func @gemm_transposed_b(%a: tensor<2x4xf32> {webnn.name = "a"}, %c: tensor<2xf32> {webnn.name = "c"}) -> (tensor<4x2xf32> {webnn.name = "y"}) {
  %b = webnn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %g = webnn.gemm %a, %b, %c {a_transpose = true, b_transpose = true, alpha = 2.0 : f64, beta = 0.5 : f64} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<4x2xf32>
  return %g : tensor<4x2xf32>
}

// -----

// What must not change: a B that is an input, a batched (3-D) constant B,
// and the hwio filter of a depthwise conv (already what its kernel reads).
// A constant that is packed for one reader and read as-is by another keeps
// its original too.
// CHECK-LABEL: func.func @untouched
// CHECK: webnn.matmul %arg0, %arg1
// CHECK: webnn.matmul %{{.*}}, %{{.*}} : (tensor<2x2x2xf32>, tensor<2x2x2xf32>)
// CHECK: webnn.conv2d %{{.*}}, %{{.*}} {filter_layout = #webnn<filter_layout hwio>, groups = 2 : i64, input_layout = #webnn<layout nhwc>}
// CHECK: %[[K:.*]] = webnn.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK: %[[P:.*]] = webnn.constant {webnn.packed}
// CHECK: %[[M:.*]] = webnn.packed_matmul %arg0, %[[P]]
// CHECK: webnn.add %[[M]], %[[K]] :
// CHECK-NOT: webnn.matmul
func.func @untouched(%a: tensor<2x2xf32> {webnn.name = "a"}, %b: tensor<2x2xf32> {webnn.name = "b"}, %x: tensor<2x2x2xf32> {webnn.name = "x"}, %i: tensor<1x2x2x2xf32> {webnn.name = "i"}) -> (tensor<2x2xf32> {webnn.name = "y"}, tensor<2x2x2xf32> {webnn.name = "z"}, tensor<1x2x2x2xf32> {webnn.name = "v"}, tensor<2x2xf32> {webnn.name = "w"}) {
  %m = webnn.matmul %a, %b : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %b3 = webnn.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]> : tensor<2x2x2xf32>
  %m3 = webnn.matmul %x, %b3 : (tensor<2x2x2xf32>, tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  %f = webnn.constant dense<[[[[1.0, 2.0]]]]> : tensor<1x1x1x2xf32>
  %c = webnn.conv2d %i, %f {groups = 2 : i64, input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout hwio>} : (tensor<1x2x2x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x2x2x2xf32>
  %k = webnn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %p = webnn.matmul %a, %k : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %s = webnn.add %p, %k : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %m, %m3, %c, %s : tensor<2x2xf32>, tensor<2x2x2xf32>, tensor<1x2x2x2xf32>, tensor<2x2xf32>
}

// -----

// A float32 3x3 channels-last conv with stride 1 and 16 channels or more
// takes Winograd F(2x2, 3x3): its filter becomes G g G^T for each channel
// pair, [16 = 4 x 4, panels, I, P = 4 vectors]. A 3x3 conv with fewer channels, or a
// float16 one, is packed in panels instead.
// CHECK-LABEL: func.func @winograd
// CHECK: webnn.constant {webnn.packed} {{.*}} : tensor<16x2x16x8xf32>
// CHECK: webnn.winograd_conv2d %arg0, %{{.*}} {output_channels = 16 : i64, padding = array<i64: 1, 1, 1, 1>, tile = 2 : i64} : (tensor<1x6x6x16xf32>, tensor<16x2x16x8xf32>) -> tensor<1x6x6x16xf32>
// CHECK: webnn.packed_conv2d %arg1
// CHECK: webnn.packed_conv2d %arg2
// NOWINO-LABEL: func.func @winograd
// NOWINO-NOT: webnn.winograd_conv2d
func.func @winograd(%x: tensor<1x6x6x16xf32> {webnn.name = "x"}, %s: tensor<1x6x6x8xf32> {webnn.name = "s"}, %h: tensor<1x6x6x16xf16> {webnn.name = "h"}) -> (tensor<1x6x6x16xf32> {webnn.name = "y"}, tensor<1x6x6x16xf32> {webnn.name = "z"}, tensor<1x6x6x16xf16> {webnn.name = "v"}) {
  %w = webnn.constant dense<0.5> : tensor<16x16x3x3xf32>
  %y = webnn.conv2d %x, %w {input_layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x6x6x16xf32>
  %w8 = webnn.constant dense<0.5> : tensor<16x8x3x3xf32>
  %z = webnn.conv2d %s, %w8 {input_layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x8xf32>, tensor<16x8x3x3xf32>) -> tensor<1x6x6x16xf32>
  %wh = webnn.constant dense<0.5> : tensor<16x16x3x3xf16>
  %v = webnn.conv2d %h, %wh {input_layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x16xf16>, tensor<16x16x3x3xf16>) -> tensor<1x6x6x16xf16>
  return %y, %z, %v : tensor<1x6x6x16xf32>, tensor<1x6x6x16xf32>, tensor<1x6x6x16xf16>
}
