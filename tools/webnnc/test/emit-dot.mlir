// RUN: webnnc %s --emit=dot -o - | FileCheck %s
// RUN: webnnc %s --emit=dot --no-fuse -o - | FileCheck %s --check-prefix=UNFUSED

// The optimized graph for Graphviz: the input turns channels-last by a
// reshape (its one channel moves no data), the fused packed conv + bias +
// relu is one cluster named after its kernel, the packed filter a weight
// node; the result turns back to nchw (a transpose kernel) for the
// flattening reshape. Every edge is labelled with its tensor's shape and
// type.
// CHECK: digraph "main" {
// CHECK: input0 [shape=ellipse, label="x\n1x1x5x5 f32"];
// CHECK: [[IN:op[0-9]+]] [shape=plaintext, label="reshape"];
// CHECK: [[W:weight[0-9]+]] [shape=note, fontsize=10, label="weight 1x3x3x1x16 f32\n(packed)"];
// CHECK: subgraph cluster_0 {
// CHECK-NEXT: label="emit_dot_k0_packed_conv2d_add_relu";
// CHECK: k0_0 [label="packed_conv2d"];
// CHECK-NEXT: k0_1 [label="add"];
// CHECK-NEXT: k0_0 -> k0_1 [label="1x3x3x2 f32"];
// CHECK-NEXT: k0_2 [label="relu"];
// CHECK-NEXT: k0_1 -> k0_2 [label="1x3x3x2 f32"];
// CHECK-NEXT: }
// CHECK-DAG: [[IN]] -> k0_0 [label="1x5x5x1 f32"];
// CHECK-DAG: [[W]] -> k0_0 [label="1x3x3x1x16 f32"];
// CHECK: label="emit_dot_k1_transpose";
// CHECK: k0_2 -> k1_0 [label="1x3x3x2 f32"];
// CHECK: op{{[0-9]+}} [shape=plaintext, label="reshape"];
// CHECK: output0 [shape=ellipse, style=bold, label="y"];
// CHECK: }

// Unfused: a cluster per op.
// UNFUSED-COUNT-4: subgraph cluster_
// UNFUSED-NOT: subgraph cluster_
func.func @main(%x: tensor<1x1x5x5xf32> {webnn.name = "x"}) -> (tensor<1x18xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], [[[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]]]]> : tensor<2x1x3x3xf32>
  %b = webnn.constant dense<[[[[1.0]], [[-1.0]]]]> : tensor<1x2x1x1xf32>
  %c = webnn.conv2d %x, %w : (tensor<1x1x5x5xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x3x3xf32>
  %a = webnn.add %c, %b : (tensor<1x2x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %r = webnn.relu %a : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %y = webnn.reshape %r {new_shape = array<i64: 1, 18>} : (tensor<1x2x3x3xf32>) -> tensor<1x18xf32>
  return %y : tensor<1x18xf32>
}
