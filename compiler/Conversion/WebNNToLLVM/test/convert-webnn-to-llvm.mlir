// RUN: webnnc-opt %s -split-input-file -verify-diagnostics -convert-webnn-to-llvm="model-name=m" | FileCheck %s

// The entry loads its buffers (inputs, outputs, arena), builds a
// halide_buffer_t per kernel argument, calls the kernels in order, stops at
// the first failure, and copies outputs no kernel wrote in place.
// CHECK-DAG: llvm.mlir.global internal constant @__webnn_const0(dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>) {addr_space = 0 : i32, alignment = 64 : i64} : !llvm.array<4 x f32>
// CHECK-DAG: llvm.mlir.global external constant @webnnc_m_model()
// CHECK-DAG: llvm.func @m_k0_add(!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK: llvm.func internal @m_entry(%[[CTX:.*]]: !llvm.ptr, %[[BUFFERS:.*]]: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK: %[[X:.*]] = llvm.load
// CHECK: %[[OUT0:.*]] = llvm.load
// CHECK: %[[OUT1:.*]] = llvm.load
// CHECK: %[[ARENA:.*]] = llvm.load
// CHECK: llvm.alloca
// CHECK: %[[STATUS:.*]] = llvm.call @m_k0_add(%[[CTX]],
// CHECK: llvm.icmp "ne" %[[STATUS]]
// CHECK: llvm.cond_br
// CHECK: "llvm.intr.memcpy"(%[[OUT1]], %[[X]]
// CHECK: llvm.return
func.func private @m_k0_add(tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> attributes {webnn.kernel}
func.func @main(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}, tensor<2x2xf32> {webnn.name = "x_copy"}) attributes {webnn.arena_size = 0 : i64} {
  %c = webnn.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %0 = call @m_k0_add(%x, %c) {webnn.result_offsets = array<i64: -1>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = webnn.reshape %x {new_shape = array<i64: 2, 2>} : (tensor<4xf32>) -> tensor<2x2xf32>
  return %0, %1 : tensor<4xf32>, tensor<2x2xf32>
}

// -----

func.func private @k(tensor<4xf32>) -> tensor<4xf32> attributes {webnn.kernel}
// expected-error@+1 {{graph is not planned: run webnn-plan-memory before convert-webnn-to-llvm}}
func.func @main(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}) {
  %0 = call @k(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Open dimensions: a shapes function checks the rules at compute (here the
// broadcast of the open batch against the static 1 of %b is free, and
// the named dimension's bound goes into the descriptor), reports output
// dimensions and the arena, which the runtime places.
// CHECK-LABEL: llvm.func internal @m_shapes
// CHECK: llvm.call @webnnc_rt_plan_arena
// CHECK: llvm.func internal @m_entry
// CHECK: llvm.call @webnnc_rt_plan_arena
// CHECK: llvm.call @m_k0_add
// CHECK: llvm.call @m_k1_relu
func.func private @m_k0_add(%a: tensor<?x4xf32>, %b: tensor<1x4xf32>) -> tensor<?x4xf32> attributes {webnn.kernel} {
  %0 = webnn.add %a, %b : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
func.func private @m_k1_relu(%a: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {webnn.kernel} {
  %0 = webnn.relu %a : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
func.func @main(%x: tensor<?x4xf32> {webnn.name = "x", webnn.open_dims = ["batch"], webnn.open_dim_max = array<i64: 8>}) -> (tensor<?x4xf32> {webnn.name = "y"}) attributes {webnn.arena_size = 0 : i64, webnn.buffer_lifetimes = array<i64: 1, 2>} {
  %c = webnn.constant dense<1.0> : tensor<1x4xf32>
  %0 = call @m_k0_add(%x, %c) {webnn.result_buffers = array<i64: 0>} : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
  %1 = call @m_k1_relu(%0) {webnn.result_buffers = array<i64: -1>} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

// -----

// An open dimension a shape rule cannot take is rejected by the verifier,
// before any sizing at compute could guess: gatherND's index tuples must
// have a static length.
func.func private @k(%a: tensor<?x4xf32>, %i: tensor<2x?xi64>) -> tensor<2x4xf32> attributes {webnn.kernel} {
  // expected-error@+1 {{'webnn.gather_nd' op indices: the last dimension must not be open (it is the length of each index tuple)}}
  %0 = webnn.gather_nd %a, %i : (tensor<?x4xf32>, tensor<2x?xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
func.func @main(%x: tensor<?x4xf32> {webnn.name = "x"}, %i: tensor<2x?xi64> {webnn.name = "i"}) -> (tensor<2x4xf32> {webnn.name = "y"}) attributes {webnn.arena_size = 0 : i64, webnn.buffer_lifetimes = array<i64>} {
  %0 = call @k(%x, %i) {webnn.result_buffers = array<i64: -1>} : (tensor<?x4xf32>, tensor<2x?xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
