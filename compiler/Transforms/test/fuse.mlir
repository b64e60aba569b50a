// RUN: webnnc-opt %s -split-input-file -webnn-fuse | FileCheck %s

// conv2d + bias add + relu + max pooling: one fused region whose inputs
// are the image, the filter and the bias; nothing is left outside.
// CHECK-LABEL: func.func @conv_epilogue_pool
// CHECK: %[[F:.*]] = webnn.fused(%arg0, %{{.*}}, %{{.*}}) {producer = #webnn<producer pool_tiles>} : (tensor<1x1x6x6xf32>, tensor<2x1x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x2x2xf32> {
// CHECK-NEXT: ^bb0(%[[X:.*]]: tensor<1x1x6x6xf32>, %[[W:.*]]: tensor<2x1x3x3xf32>, %[[B:.*]]: tensor<1x2x1x1xf32>):
// CHECK-NEXT: %[[C:.*]] = webnn.conv2d %[[X]], %[[W]]
// CHECK-NEXT: %[[A:.*]] = webnn.add %[[C]], %[[B]]
// CHECK-NEXT: %[[R:.*]] = webnn.relu %[[A]]
// CHECK-NEXT: %[[P:.*]] = webnn.max_pool2d %[[R]]
// CHECK-NEXT: webnn.yield %[[P]] : tensor<1x2x2x2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F]]
func.func @conv_epilogue_pool(%x: tensor<1x1x6x6xf32> {webnn.name = "x"}) -> (tensor<1x2x2x2xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], [[[0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]]]]> : tensor<2x1x3x3xf32>
  %b = webnn.constant dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>
  %c = webnn.conv2d %x, %w : (tensor<1x1x6x6xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x4x4xf32>
  %a = webnn.add %c, %b : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %r = webnn.relu %a : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = webnn.max_pool2d %r {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  return %p : tensor<1x2x2x2xf32>
}

// -----

// A matmul with its bias and activation; a splat constant moves into the
// region (it becomes a literal) instead of being an input.
// CHECK-LABEL: func.func @matmul_bias_clamp
// CHECK: webnn.fused(%arg0, %arg1, %arg2) : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
// CHECK: webnn.constant dense<5.000000e-01> : tensor<f32>
// CHECK-NEXT: webnn.matmul
// CHECK-NEXT: webnn.add
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.clamp
// CHECK-NEXT: webnn.yield
// CHECK-NOT: webnn.constant
func.func @matmul_bias_clamp(%a: tensor<4x8xf32> {webnn.name = "a"}, %b: tensor<8x16xf32> {webnn.name = "b"}, %c: tensor<16xf32> {webnn.name = "c"}) -> (tensor<4x16xf32> {webnn.name = "y"}) {
  %half = webnn.constant dense<0.5> : tensor<f32>
  %m = webnn.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %s = webnn.add %m, %c : (tensor<4x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  %h = webnn.mul %s, %half : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xf32>
  %y = webnn.clamp %h {min_value = 0.0 : f64, max_value = 6.0 : f64} : (tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

// An element-wise chain with broadcasting operands is one loop nest (a
// value read twice by the same op is still private to it); a reduction
// reading the chain joins it.
// CHECK-LABEL: func.func @chain_then_reduce
// CHECK: webnn.fused(%arg0, %arg1) {producer = #webnn<producer inlined>} : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.sub
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.exp
// CHECK-NEXT: webnn.reduce_sum
// CHECK-NEXT: webnn.yield
// CHECK-NOT: webnn.
// CHECK: return
func.func @chain_then_reduce(%x: tensor<3x4xf32> {webnn.name = "x"}, %m: tensor<4xf32> {webnn.name = "m"}) -> (tensor<3xf32> {webnn.name = "y"}) {
  %d = webnn.sub %x, %m : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  %q = webnn.mul %d, %d : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %e = webnn.exp %q : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %s = webnn.reduce_sum %e {axes = array<i64: 1>} : (tensor<3x4xf32>) -> tensor<3xf32>
  return %s : tensor<3xf32>
}

// -----

// Never across a requested output: the conv's result is returned, so the
// relu gets its own kernel and the conv stays alone.
// CHECK-LABEL: func.func @output_is_a_boundary
// CHECK-NOT: webnn.fused
// CHECK: %[[C:.*]] = webnn.conv2d
// CHECK-NEXT: %[[R:.*]] = webnn.relu %[[C]]
// CHECK-NEXT: return %[[C]], %[[R]]
func.func @output_is_a_boundary(%x: tensor<1x1x4x4xf32> {webnn.name = "x"}, %w: tensor<1x1x3x3xf32> {webnn.name = "w"}) -> (tensor<1x1x2x2xf32> {webnn.name = "features"}, tensor<1x1x2x2xf32> {webnn.name = "y"}) {
  %c = webnn.conv2d %x, %w : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  %r = webnn.relu %c : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  return %c, %r : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
}

// -----

// A value with two readers is computed once: neither reader takes it in.
// CHECK-LABEL: func.func @shared_value
// CHECK-NOT: webnn.fused
// CHECK: %[[M:.*]] = webnn.matmul
// CHECK-NEXT: webnn.relu %[[M]]
// CHECK-NEXT: webnn.sigmoid %[[M]]
func.func @shared_value(%a: tensor<2x2xf32> {webnn.name = "a"}, %b: tensor<2x2xf32> {webnn.name = "b"}) -> (tensor<2x2xf32> {webnn.name = "y"}, tensor<2x2xf32> {webnn.name = "z"}) {
  %m = webnn.matmul %a, %b : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %r = webnn.relu %m : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %s = webnn.sigmoid %m : (tensor<2x2xf32>) -> tensor<2x2xf32>
  return %r, %s : tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// An element-wise op that broadcasts its producer to a larger shape would
// need a different loop nest; a reshape relabels memory and is not fused
// through; a matmul is not a producer a pooling can tile; and a kernel
// holds at most one pooling or reduction stage.
// CHECK-LABEL: func.func @not_fused
// CHECK: webnn.reduce_sum
// CHECK-NEXT: webnn.add
// CHECK-NEXT: webnn.matmul
// CHECK-NEXT: webnn.reshape
// CHECK-NEXT: webnn.max_pool2d
// CHECK-NEXT: %[[F:.*]] = webnn.fused
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.conv2d
// CHECK-NEXT: webnn.max_pool2d
// CHECK-NEXT: webnn.yield
// CHECK-NEXT: }
// CHECK-NEXT: webnn.average_pool2d %[[F]]
func.func @not_fused(%x: tensor<2x4xf32> {webnn.name = "x"}, %b: tensor<4x4xf32> {webnn.name = "b"}, %i: tensor<1x1x6x6xf32> {webnn.name = "i"}, %w: tensor<1x1x3x3xf32> {webnn.name = "w"}) -> (tensor<2x4xf32> {webnn.name = "y"}, tensor<1x1x1x1xf32> {webnn.name = "z"}, tensor<1x1x1x1xf32> {webnn.name = "v"}) {
  %s = webnn.reduce_sum %x {axes = array<i64: 1>, keep_dimensions = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %y = webnn.add %s, %x : (tensor<2x1xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %m = webnn.matmul %x, %b : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  %r = webnn.reshape %m {new_shape = array<i64: 1, 1, 2, 4>} : (tensor<2x4xf32>) -> tensor<1x1x2x4xf32>
  %p = webnn.max_pool2d %r {window_dimensions = array<i64: 2, 4>} : (tensor<1x1x2x4xf32>) -> tensor<1x1x1x1xf32>
  %c = webnn.conv2d %i, %w : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  %q = webnn.max_pool2d %c {window_dimensions = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  %v = webnn.average_pool2d %q : (tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
  return %y, %p, %v : tensor<2x4xf32>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>
}

// -----

// MobileNet's expand 1x1 conv (packed) + relu6, then a channels-last
// depthwise conv + relu6: one kernel when the expanded tensor (here
// 64x64x96 floats, 1.5 MB) would not stay in cache between two kernels
// (the splat weights move into the region). A smaller one (32x32x96,
// 384 KB) stays two kernels.
// CHECK-LABEL: func.func @expand_depthwise
// CHECK: %[[F:.*]] = webnn.fused(%arg0) {producer = #webnn<producer sliding_rows>} : (tensor<1x64x64x8xf32>) -> tensor<1x64x64x96xf32> {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.constant
// CHECK-NEXT: webnn.constant
// CHECK-NEXT: webnn.packed_conv2d
// CHECK-NEXT: webnn.clamp
// CHECK-NEXT: webnn.conv2d {{.*}}groups = 96
// CHECK-NEXT: webnn.clamp
// CHECK-NEXT: webnn.yield
// CHECK: %[[S:.*]] = webnn.fused(%arg1)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.constant
// CHECK-NEXT: webnn.packed_conv2d
// CHECK-NEXT: webnn.clamp
// CHECK-NEXT: webnn.yield
// CHECK: %[[Z:.*]] = webnn.fused(%[[S]])
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.constant
// CHECK-NEXT: webnn.conv2d {{.*}}groups = 96
// CHECK-NEXT: webnn.clamp
// CHECK-NEXT: webnn.yield
// CHECK: return %[[F]], %[[Z]]
func.func @expand_depthwise(%x: tensor<1x64x64x8xf32> {webnn.name = "x"}, %s: tensor<1x32x32x8xf32> {webnn.name = "s"}) -> (tensor<1x64x64x96xf32> {webnn.name = "y"}, tensor<1x32x32x96xf32> {webnn.name = "z"}) {
  %panels = webnn.constant dense<0.125> : tensor<2x1x1x8x48xf32>
  %w = webnn.constant dense<0.5> : tensor<3x3x1x96xf32>
  %e = webnn.packed_conv2d %x, %panels {dilations = array<i64: 1, 1>, output_channels = 96 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x64x64x8xf32>, tensor<2x1x1x8x48xf32>) -> tensor<1x64x64x96xf32>
  %r = webnn.clamp %e {min_value = 0.0 : f64, max_value = 6.0 : f64} : (tensor<1x64x64x96xf32>) -> tensor<1x64x64x96xf32>
  %d = webnn.conv2d %r, %w {groups = 96 : i64, input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout hwio>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x64x64x96xf32>, tensor<3x3x1x96xf32>) -> tensor<1x64x64x96xf32>
  %y = webnn.clamp %d {min_value = 0.0 : f64, max_value = 6.0 : f64} : (tensor<1x64x64x96xf32>) -> tensor<1x64x64x96xf32>
  %se = webnn.packed_conv2d %s, %panels {dilations = array<i64: 1, 1>, output_channels = 96 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x32x32x8xf32>, tensor<2x1x1x8x48xf32>) -> tensor<1x32x32x96xf32>
  %sr = webnn.clamp %se {min_value = 0.0 : f64, max_value = 6.0 : f64} : (tensor<1x32x32x96xf32>) -> tensor<1x32x32x96xf32>
  %dz = webnn.conv2d %sr, %w {groups = 96 : i64, input_layout = #webnn<layout nhwc>, filter_layout = #webnn<filter_layout hwio>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x32x32x96xf32>, tensor<3x3x1x96xf32>) -> tensor<1x32x32x96xf32>
  %z = webnn.clamp %dz {min_value = 0.0 : f64, max_value = 6.0 : f64} : (tensor<1x32x32x96xf32>) -> tensor<1x32x32x96xf32>
  return %y, %z : tensor<1x64x64x96xf32>, tensor<1x32x32x96xf32>
}

// -----

// SiLU after a conv (x * sigmoid(x): the conv's value has two readers,
// both in the group) and GELU's tanh form after a matmul (a DAG of
// element-wise ops reading the product four times) are each one kernel.
// CHECK-LABEL: func.func @silu_and_gelu_tanh
// CHECK: webnn.fused
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.constant
// CHECK-NEXT: webnn.conv2d
// CHECK-NEXT: webnn.sigmoid
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.yield
// CHECK: webnn.fused
// CHECK: webnn.matmul
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.add
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.tanh
// CHECK-NEXT: webnn.add
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.yield
// CHECK-NOT: webnn.fused
func.func @silu_and_gelu_tanh(%x: tensor<1x2x5x5xf32> {webnn.name = "x"}, %a: tensor<4x8xf32> {webnn.name = "a"}, %b: tensor<8x16xf32> {webnn.name = "b"}) -> (tensor<1x2x3x3xf32> {webnn.name = "y"}, tensor<4x16xf32> {webnn.name = "z"}) {
  %w = webnn.constant dense<0.25> : tensor<2x2x3x3xf32>
  %c = webnn.conv2d %x, %w : (tensor<1x2x5x5xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %s = webnn.sigmoid %c : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %y = webnn.mul %c, %s : (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %k1 = webnn.constant dense<0.044715> : tensor<f32>
  %k2 = webnn.constant dense<0.797884583> : tensor<f32>
  %one = webnn.constant dense<1.0> : tensor<f32>
  %half = webnn.constant dense<0.5> : tensor<f32>
  %m = webnn.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %m2 = webnn.mul %m, %m : (tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %m3 = webnn.mul %m2, %m : (tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %t1 = webnn.mul %m3, %k1 : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xf32>
  %t2 = webnn.add %m, %t1 : (tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %t3 = webnn.mul %t2, %k2 : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xf32>
  %t4 = webnn.tanh %t3 : (tensor<4x16xf32>) -> tensor<4x16xf32>
  %t5 = webnn.add %t4, %one : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xf32>
  %t6 = webnn.mul %m, %half : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xf32>
  %z = webnn.mul %t6, %t5 : (tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y, %z : tensor<1x2x3x3xf32>, tensor<4x16xf32>
}

// -----

// A value inside a would-be group that is also read after it (here also a
// graph output) ends the group there: the conv and its relu are one
// kernel, the relu's readers another.
// CHECK-LABEL: func.func @escaping_value_ends_the_group
// CHECK: %[[A:.*]] = webnn.fused
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.constant
// CHECK-NEXT: webnn.conv2d
// CHECK-NEXT: webnn.relu
// CHECK-NEXT: webnn.yield
// CHECK: %[[B:.*]] = webnn.fused(%[[A]]
// CHECK-NEXT: ^bb0
// CHECK-NEXT: webnn.sigmoid
// CHECK-NEXT: webnn.mul
// CHECK-NEXT: webnn.yield
// CHECK: return %[[A]], %[[B]]
func.func @escaping_value_ends_the_group(%x: tensor<1x2x5x5xf32> {webnn.name = "x"}) -> (tensor<1x2x3x3xf32> {webnn.name = "r"}, tensor<1x2x3x3xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<0.25> : tensor<2x2x3x3xf32>
  %c = webnn.conv2d %x, %w : (tensor<1x2x5x5xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %r = webnn.relu %c : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %s = webnn.sigmoid %r : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %y = webnn.mul %r, %s : (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %r, %y : tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>
}
