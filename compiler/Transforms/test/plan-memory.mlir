// RUN: webnnc-opt %s -split-input-file -webnn-plan-memory | FileCheck %s

// A chain: each result is written once read; buffers whose lifetimes do not
// overlap share bytes, and the result returned is written straight into
// output 0 (offset -1). Offsets are 64-byte aligned.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: webnn.arena_size = 512 : i64
// CHECK: %[[A:.*]] = call @k(%{{.*}}) {webnn.result_offsets = array<i64: 0>}
// CHECK: %[[B:.*]] = call @k(%[[A]]) {webnn.result_offsets = array<i64: 256>}
// A's last reader was B's kernel: C reuses A's bytes.
// CHECK: %[[C:.*]] = call @k(%[[B]]) {webnn.result_offsets = array<i64: 0>}
// CHECK: call @k(%[[C]]) {webnn.result_offsets = array<i64: -1>}
func.func private @k(tensor<64xf32>) -> tensor<64xf32> attributes {webnn.kernel}
func.func @chain(%x: tensor<64xf32> {webnn.name = "x"}) -> (tensor<64xf32> {webnn.name = "y"}) {
  %a = call @k(%x) : (tensor<64xf32>) -> tensor<64xf32>
  %b = call @k(%a) : (tensor<64xf32>) -> tensor<64xf32>
  %c = call @k(%b) : (tensor<64xf32>) -> tensor<64xf32>
  %d = call @k(%c) : (tensor<64xf32>) -> tensor<64xf32>
  return %d : tensor<64xf32>
}

// -----

// A value read late (through a reshape) stays live: nothing defined before
// its last use may take its bytes.
// CHECK-LABEL: func.func @long_lived
// CHECK-SAME: webnn.arena_size = 192 : i64
// CHECK: %[[A:.*]] = call @k(%{{.*}}) {webnn.result_offsets = array<i64: 0>}
// CHECK: %[[B:.*]] = call @k(%[[A]]) {webnn.result_offsets = array<i64: 64>}
// CHECK: %[[C:.*]] = call @k(%[[B]]) {webnn.result_offsets = array<i64: 128>}
// CHECK: call @k2(%[[C]], %{{.*}}) {webnn.result_offsets = array<i64: -1>}
func.func private @k(tensor<4xf32>) -> tensor<4xf32> attributes {webnn.kernel}
func.func private @k2(tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> attributes {webnn.kernel}
func.func @long_lived(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}) {
  %a = call @k(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %b = call @k(%a) : (tensor<4xf32>) -> tensor<4xf32>
  %c = call @k(%b) : (tensor<4xf32>) -> tensor<4xf32>
  %ra = webnn.reshape %a {new_shape = array<i64: 4>} : (tensor<4xf32>) -> tensor<4xf32>
  %d = call @k2(%c, %ra) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// A value returned twice is written into the first output; the second is
// copied from it (the conversion emits the copy). A value returned and also
// read later still goes straight to its output.
// CHECK-LABEL: func.func @returned_twice
// CHECK-SAME: webnn.arena_size = 0 : i64
// CHECK: %[[A:.*]] = call @k(%{{.*}}) {webnn.result_offsets = array<i64: -1>}
// CHECK: call @k(%[[A]]) {webnn.result_offsets = array<i64: -3>}
func.func private @k(tensor<4xf32>) -> tensor<4xf32> attributes {webnn.kernel}
func.func @returned_twice(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "a"}, tensor<4xf32> {webnn.name = "b"}, tensor<4xf32> {webnn.name = "c"}) {
  %a = call @k(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %c = call @k(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %a, %a, %c : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
