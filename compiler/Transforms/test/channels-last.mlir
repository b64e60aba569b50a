// RUN: webnnc-opt %s -split-input-file -webnn-channels-last | FileCheck %s
// RUN: webnnc-opt %s -split-input-file -webnn-channels-last -webnn-fold-constants | FileCheck %s --check-prefix=FOLD

// A conv chain with a bias, an activation and a residual add: one
// transpose in, one out; the bias constant is reshaped to channels-last
// (its transpose moves no data) and folded.
// CHECK-LABEL: func.func @chain
// CHECK-DAG: %[[B:.*]] = webnn.constant dense<{{\[\[\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]]]]> : tensor<1x1x1x4xf32>
// CHECK-DAG: %[[IN:.*]] = webnn.transpose %arg0 {permutation = array<i64: 0, 2, 3, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x8x8x3xf32>
// CHECK: %[[C1:.*]] = webnn.conv2d %[[IN]], %arg1 {input_layout = #webnn<layout nhwc>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[A:.*]] = webnn.add %[[C1]], %[[B]] : (tensor<1x8x8x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[R:.*]] = webnn.relu %[[A]] : (tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[C2:.*]] = webnn.conv2d %[[R]], %arg2 {input_layout = #webnn<layout nhwc>}
// CHECK: %[[S:.*]] = webnn.add %[[C2]], %[[R]] : (tensor<1x8x8x4xf32>, tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[OUT:.*]] = webnn.transpose %[[S]] {permutation = array<i64: 0, 3, 1, 2>} : (tensor<1x8x8x4xf32>) -> tensor<1x4x8x8xf32>
// CHECK: return %[[OUT]]
// CHECK-NOT: webnn.transpose
func.func @chain(%x: tensor<1x3x8x8xf32> {webnn.name = "x"}, %w1: tensor<4x3x3x3xf32> {webnn.name = "w1"}, %w2: tensor<4x4x1x1xf32> {webnn.name = "w2"}) -> (tensor<1x4x8x8xf32> {webnn.name = "y"}) {
  %b = webnn.constant dense<[[[[1.0]], [[2.0]], [[3.0]], [[4.0]]]]> : tensor<1x4x1x1xf32>
  %c1 = webnn.conv2d %x, %w1 {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %a = webnn.add %c1, %b : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x8x8xf32>
  %r = webnn.relu %a : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %c2 = webnn.conv2d %r, %w2 : (tensor<1x4x8x8xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x8x8xf32>
  %s = webnn.add %c2, %r : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %s : tensor<1x4x8x8xf32>
}

// -----

// Pooling turns channels-last too; concat's axis, a reduction's axes and
// softmax's axis follow the permutation. Reducing the spatial axes leaves
// [N, C] in either layout: no transpose after it.
// CHECK-LABEL: func.func @axes
// CHECK: %[[IN:.*]] = webnn.transpose %arg0 {permutation = array<i64: 0, 2, 3, 1>}
// CHECK: %[[P:.*]] = webnn.max_pool2d %[[IN]] {layout = #webnn<layout nhwc>, window_dimensions = array<i64: 2, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x3x3x2xf32>
// CHECK: %[[C:.*]] = webnn.conv2d %[[P]], %arg1 {input_layout = #webnn<layout nhwc>}
// CHECK: %[[J:.*]] = webnn.concat %[[P]], %[[C]] {axis = 3 : i64} : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x4xf32>
// CHECK: %[[SM:.*]] = webnn.softmax %[[J]] {axis = 3 : i64}
// CHECK: %[[M:.*]] = webnn.reduce_mean %[[SM]] {axes = array<i64: 1, 2>} : (tensor<1x3x3x4xf32>) -> tensor<1x4xf32>
// CHECK: return %[[M]]
func.func @axes(%x: tensor<1x2x4x4xf32> {webnn.name = "x"}, %w: tensor<2x2x1x1xf32> {webnn.name = "w"}) -> (tensor<1x4xf32> {webnn.name = "y"}) {
  %p = webnn.max_pool2d %x {window_dimensions = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x3x3xf32>
  %c = webnn.conv2d %p, %w : (tensor<1x2x3x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %j = webnn.concat %p, %c {axis = 1 : i64} : (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x4x3x3xf32>
  %s = webnn.softmax %j {axis = 1 : i64} : (tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  %m = webnn.reduce_mean %s {axes = array<i64: 2, 3>} : (tensor<1x4x3x3xf32>) -> tensor<1x4xf32>
  return %m : tensor<1x4xf32>
}

// -----

// A reduction without kept dimensions whose remaining axes change order
// gets the transpose that restores it; with kept dimensions the result is
// transposed as the input was.
// CHECK-LABEL: func.func @reduction_order
// CHECK: %[[S:.*]] = webnn.reduce_sum %{{.*}} {axes = array<i64: 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x4x3xf32>
// CHECK: webnn.transpose %[[S]] {permutation = array<i64: 0, 2, 1>} : (tensor<1x4x3xf32>) -> tensor<1x3x4xf32>
// CHECK: %[[K:.*]] = webnn.reduce_max %{{.*}} {axes = array<i64: 1, 2>, keep_dimensions = true} : (tensor<1x4x5x3xf32>) -> tensor<1x1x1x3xf32>
// CHECK: webnn.reshape %[[K]] {new_shape = array<i64: 1, 3, 1, 1>}
func.func @reduction_order(%x: tensor<1x3x6x7xf32> {webnn.name = "x"}) -> (tensor<1x3x4xf32> {webnn.name = "y"}, tensor<1x3x1x1xf32> {webnn.name = "z"}) {
  %p = webnn.average_pool2d %x {window_dimensions = array<i64: 3, 3>} : (tensor<1x3x6x7xf32>) -> tensor<1x3x4x5xf32>
  %s = webnn.reduce_sum %p {axes = array<i64: 3>} : (tensor<1x3x4x5xf32>) -> tensor<1x3x4xf32>
  %k = webnn.reduce_max %p {axes = array<i64: 2, 3>, keep_dimensions = true} : (tensor<1x3x4x5xf32>) -> tensor<1x3x1x1xf32>
  return %s, %k : tensor<1x3x4xf32>, tensor<1x3x1x1xf32>
}

// -----

// A channels-last feature map flattened for a classifier: the flatten
// reads the conv's result directly and the constant weights' rows are
// permuted instead (a reshape, transpose and reshape of the constant,
// which folding computes (the reshapes of
// the constant fold at once): nchw row c * 2 + w is nhwc row w * 3 + c).
// CHECK-LABEL: func.func @flatten_into_weights
// CHECK: %[[W1:.*]] = webnn.constant dense<{{.*}}> : tensor<3x1x2x2xf32>
// CHECK: %[[C:.*]] = webnn.conv2d {{.*}} -> tensor<1x1x2x3xf32>
// CHECK: %[[W2:.*]] = webnn.transpose %[[W1]] {permutation = array<i64: 1, 2, 0, 3>} : (tensor<3x1x2x2xf32>) -> tensor<1x2x3x2xf32>
// CHECK: %[[W3:.*]] = webnn.reshape %[[W2]] {new_shape = array<i64: 6, 2>}
// CHECK: %[[F:.*]] = webnn.reshape %[[C]] {new_shape = array<i64: 1, 6>}
// CHECK: webnn.matmul %[[F]], %[[W3]]
// FOLD-LABEL: func.func @flatten_into_weights
// FOLD: %[[W:.*]] = webnn.constant dense<{{\[}}[0.000000e+00, 1.000000e+00], [2.000000e+01, 2.100000e+01], [4.000000e+01, 4.100000e+01], [1.000000e+01, 1.100000e+01], [3.000000e+01, 3.100000e+01], [5.000000e+01, 5.100000e+01]]> : tensor<6x2xf32>
// FOLD-NOT: webnn.transpose
// FOLD: webnn.matmul %{{.*}}, %[[W]]
func.func @flatten_into_weights(%x: tensor<1x1x1x2xf32> {webnn.name = "x"}, %f: tensor<3x1x1x1xf32> {webnn.name = "f"}) -> (tensor<1x2xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[0.0, 1.0], [10.0, 11.0], [20.0, 21.0], [30.0, 31.0], [40.0, 41.0], [50.0, 51.0]]> : tensor<6x2xf32>
  %c = webnn.conv2d %x, %f : (tensor<1x1x1x2xf32>, tensor<3x1x1x1xf32>) -> tensor<1x3x1x2xf32>
  %r = webnn.reshape %c {new_shape = array<i64: 1, 6>} : (tensor<1x3x1x2xf32>) -> tensor<1x6xf32>
  %m = webnn.matmul %r, %w : (tensor<1x6xf32>, tensor<6x2xf32>) -> tensor<1x2xf32>
  return %m : tensor<1x2xf32>
}

// -----

// Ops that care about the layout and have no rule here read the nchw
// tensor: the transpose stays in front of them. An input of one channel
// becomes channels-last by a reshape.
// CHECK-LABEL: func.func @blocked
// CHECK: %[[IN:.*]] = webnn.reshape %arg0 {new_shape = array<i64: 1, 4, 4, 1>}
// CHECK: %[[C:.*]] = webnn.conv2d %[[IN]]
// CHECK: %[[T:.*]] = webnn.transpose %[[C]] {permutation = array<i64: 0, 3, 1, 2>}
// CHECK: webnn.slice %[[T]]
func.func @blocked(%x: tensor<1x1x4x4xf32> {webnn.name = "x"}, %f: tensor<2x1x1x1xf32> {webnn.name = "f"}) -> (tensor<1x1x4x4xf32> {webnn.name = "y"}) {
  %c = webnn.conv2d %x, %f : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %s = webnn.slice %c {starts = array<i64: 0, 1, 0, 0>, sizes = array<i64: 1, 1, 4, 4>} : (tensor<1x2x4x4xf32>) -> tensor<1x1x4x4xf32>
  return %s : tensor<1x1x4x4xf32>
}

// -----

// Open batch and image sizes go channels-last the same way.
// CHECK-LABEL: func.func @open_dims
// CHECK: webnn.transpose %arg0 {permutation = array<i64: 0, 2, 3, 1>} : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x3xf32>
// CHECK: webnn.conv2d {{.*}} -> tensor<?x?x?x8xf32>
// CHECK: webnn.transpose {{.*}} {permutation = array<i64: 0, 3, 1, 2>} : (tensor<?x?x?x8xf32>) -> tensor<?x8x?x?xf32>
func.func @open_dims(%x: tensor<?x3x?x?xf32> {webnn.name = "x"}, %f: tensor<8x3x3x3xf32> {webnn.name = "f"}) -> (tensor<?x8x?x?xf32> {webnn.name = "y"}) {
  %c = webnn.conv2d %x, %f {padding = array<i64: 1, 1, 1, 1>} : (tensor<?x3x?x?xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32>
  %r = webnn.relu %c : (tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32>
  return %r : tensor<?x8x?x?xf32>
}

// -----

// A bilinear resize of a channels-last map resizes its spatial axes in
// place (axes 2, 3 become 1, 2; sizes keep their order), so the decoder's
// concat with a skip conv stays channels-last too: one transpose out.
// Near miss:
// a resize of axes 1, 2 of the nchw map (channels and height) would
// rename to axes 3, 1, not consecutive: it stays behind its transpose.
// CHECK-LABEL: func.func @resample
// CHECK: %[[IN:.*]] = webnn.transpose %arg0 {permutation = array<i64: 0, 2, 3, 1>}
// CHECK: %[[C:.*]] = webnn.conv2d %[[IN]], %arg1 {input_layout = #webnn<layout nhwc>}
// CHECK-NOT: permutation = array<i64: 0, 3, 1, 2>
// CHECK: %[[R:.*]] = webnn.resample2d %[[C]] {axes = array<i64: 1, 2>, mode = #webnn<interpolation linear>, sizes = array<i64: 8, 6>} : (tensor<1x4x3x2xf32>) -> tensor<1x8x6x2xf32>
// CHECK: %[[J:.*]] = webnn.concat %[[R]], %{{.*}} {axis = 3 : i64} : (tensor<1x8x6x2xf32>, tensor<1x8x6x2xf32>) -> tensor<1x8x6x4xf32>
// CHECK: %[[OUT:.*]] = webnn.transpose %[[J]] {permutation = array<i64: 0, 3, 1, 2>}
// CHECK: return %[[OUT]]
func.func @resample(%x: tensor<1x2x4x3xf32> {webnn.name = "x"}, %w: tensor<2x2x1x1xf32> {webnn.name = "w"}, %skip: tensor<1x2x8x6xf32> {webnn.name = "skip"}) -> (tensor<1x4x8x6xf32> {webnn.name = "y"}) {
  %c = webnn.conv2d %x, %w : (tensor<1x2x4x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x3xf32>
  %r = webnn.resample2d %c {mode = #webnn<interpolation linear>, sizes = array<i64: 8, 6>} : (tensor<1x2x4x3xf32>) -> tensor<1x2x8x6xf32>
  %s = webnn.conv2d %skip, %w : (tensor<1x2x8x6xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x8x6xf32>
  %j = webnn.concat %r, %s {axis = 1 : i64} : (tensor<1x2x8x6xf32>, tensor<1x2x8x6xf32>) -> tensor<1x4x8x6xf32>
  return %j : tensor<1x4x8x6xf32>
}

// -----

// CHECK-LABEL: func.func @resample_channels_axis
// CHECK: webnn.transpose
// CHECK: webnn.resample2d %{{.*}} {axes = array<i64: 1, 2>, sizes = array<i64: 4, 8>} : (tensor<1x2x4x3xf32>) -> tensor<1x4x8x3xf32>
func.func @resample_channels_axis(%x: tensor<1x2x4x3xf32> {webnn.name = "x"}, %w: tensor<2x2x1x1xf32> {webnn.name = "w"}) -> (tensor<1x4x8x3xf32> {webnn.name = "y"}) {
  %c = webnn.conv2d %x, %w : (tensor<1x2x4x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x3xf32>
  %r = webnn.resample2d %c {axes = array<i64: 1, 2>, sizes = array<i64: 4, 8>} : (tensor<1x2x4x3xf32>) -> tensor<1x4x8x3xf32>
  return %r : tensor<1x4x8x3xf32>
}
