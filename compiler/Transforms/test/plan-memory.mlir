// RUN: webnnc-opt %s -split-input-file -webnn-plan-memory | FileCheck %s
// RUN: webnnc-opt %s -split-input-file -webnn-plan-memory="in-place=false" | FileCheck %s --check-prefix=OFF

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

// -----

// In place: an element-wise kernel that is the last reader of an arena
// operand of its result's type writes over it. The call and the kernel are
// marked (the kernel is then scheduled to read each element before it
// writes it).
// CHECK-LABEL: func.func private @relu
// CHECK-SAME: webnn.in_place
// CHECK-LABEL: func.func @in_place
// CHECK-SAME: webnn.arena_size = 256 : i64
// CHECK: %[[A:.*]] = call @producer(%{{.*}}) {webnn.result_offsets = array<i64: 0>}
// CHECK: %[[B:.*]] = call @relu(%[[A]]) {webnn.in_place, webnn.result_offsets = array<i64: 0>}
// CHECK: call @producer(%[[B]]) {webnn.result_offsets = array<i64: -1>}
// OFF-LABEL: func.func private @relu
// OFF-NOT: webnn.in_place
// OFF-LABEL: func.func @in_place
// OFF-SAME: webnn.arena_size = 512 : i64
// OFF-NOT: webnn.in_place
func.func private @producer(tensor<64xf32>) -> tensor<64xf32> attributes {webnn.kernel}
func.func private @relu(%a: tensor<64xf32>) -> tensor<64xf32> attributes {webnn.kernel} {
  %r = webnn.relu %a : (tensor<64xf32>) -> tensor<64xf32>
  return %r : tensor<64xf32>
}
func.func @in_place(%x: tensor<64xf32> {webnn.name = "x"}) -> (tensor<64xf32> {webnn.name = "y"}) {
  %a = call @producer(%x) : (tensor<64xf32>) -> tensor<64xf32>
  %b = call @relu(%a) : (tensor<64xf32>) -> tensor<64xf32>
  %c = call @producer(%b) : (tensor<64xf32>) -> tensor<64xf32>
  return %c : tensor<64xf32>
}

// -----

// Not in place: an operand read again later (the residual %a), an operand
// of another type (a cast), a kernel that is not element-wise (softmax reads
// a whole row before writing it) and a graph input. The residual add is the
// last reader of both its operands, so it may be.
// CHECK-LABEL: func.func @not_in_place
// CHECK: call @relu(%arg0) {webnn.result_offsets
// CHECK: %[[A:.*]] = call @producer
// CHECK: %[[B:.*]] = call @relu(%[[A]]) {webnn.result_offsets
// CHECK: %[[C:.*]] = call @add(%[[B]], %[[A]]) {webnn.in_place
// CHECK: %[[D:.*]] = call @softmax(%[[C]]) {webnn.result_offsets
// CHECK: %[[E:.*]] = call @cast(%[[D]]) {webnn.result_offsets
// CHECK: call @consume(%[[E]]) {webnn.result_offsets
func.func private @producer(tensor<4x64xf32>) -> tensor<4x64xf32> attributes {webnn.kernel}
func.func private @consume(tensor<4x64xi32>) -> tensor<4x64xf32> attributes {webnn.kernel}
func.func private @relu(%a: tensor<4x64xf32>) -> tensor<4x64xf32> attributes {webnn.kernel} {
  %r = webnn.relu %a : (tensor<4x64xf32>) -> tensor<4x64xf32>
  return %r : tensor<4x64xf32>
}
func.func private @add(%a: tensor<4x64xf32>, %b: tensor<4x64xf32>) -> tensor<4x64xf32> attributes {webnn.kernel} {
  %r = webnn.add %a, %b : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32>
  return %r : tensor<4x64xf32>
}
func.func private @cast(%a: tensor<4x64xf32>) -> tensor<4x64xi32> attributes {webnn.kernel} {
  %r = webnn.cast %a {data_type = #webnn<data_type int32>} : (tensor<4x64xf32>) -> tensor<4x64xi32>
  return %r : tensor<4x64xi32>
}
func.func private @softmax(%a: tensor<4x64xf32>) -> tensor<4x64xf32> attributes {webnn.kernel} {
  %r = webnn.softmax %a {axis = 1 : i64} : (tensor<4x64xf32>) -> tensor<4x64xf32>
  return %r : tensor<4x64xf32>
}
func.func @not_in_place(%x: tensor<4x64xf32> {webnn.name = "x"}) -> (tensor<4x64xf32> {webnn.name = "y"}) {
  %i = call @relu(%x) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  %a = call @producer(%i) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  %b = call @relu(%a) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  %c = call @add(%b, %a) : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32>
  %d = call @softmax(%c) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  %e = call @cast(%d) : (tensor<4x64xf32>) -> tensor<4x64xi32>
  %f = call @consume(%e) : (tensor<4x64xi32>) -> tensor<4x64xf32>
  return %f : tensor<4x64xf32>
}
