// RUN: webnnc-opt %s -webnn-compile="model-name=tiny" | FileCheck %s
// RUN: webnnc-opt %s -webnn-compile="model-name=tiny fuse=false channels-last=false" | FileCheck %s --check-prefix=PLAIN
// RUN: webnnc-opt %s -webnn-compile="model-name=tiny outputs=h" | FileCheck %s --check-prefix=PRUNED
// The pipeline webnnc-opt runs is the one webnnc compiles with: the same
// module for the same options (x86-64-v4's 16 lanes and 32 registers).
// RUN: webnnc-opt %s -webnn-compile="model-name=tiny" --mlir-elide-elementsattrs-if-larger=16 --mlir-elide-resource-strings-if-larger=64 -o %t.opt.mlir
// RUN: webnnc %s --target=x86-64-v4 --name=tiny --emit=mlir -o %t.webnnc.mlir
// RUN: diff -B %t.opt.mlir %t.webnnc.mlir

// The nchw conv runs channels-last with its filter packed, its relu and
// the add fused into its kernel; the arena is planned.
// CHECK: func.func private @tiny_k0_{{.*}}webnn.kernel
// CHECK: webnn.packed_conv2d
// CHECK: webnn.relu
// CHECK: func.func @main
// CHECK-SAME: webnn.arena_size
// CHECK: call @tiny_k0_

// Without fusion and channels-last each op is its own kernel, the conv's
// filter still packed for the nchw kernel.
// PLAIN-COUNT-3: func.func private @tiny_k{{[0-9]}}_{{.*}}webnn.kernel
// PLAIN-NOT: webnn.transpose
// PLAIN: func.func @main

// Asking for the intermediate h computes only the conv and its relu.
// PRUNED: func.func @main
// PRUNED-SAME: {webnn.name = "h"}
// PRUNED-NOT: webnn.add

func.func @main(%x: tensor<1x2x5x5xf32> {webnn.name = "x"}, %r: tensor<1x3x5x5xf32> {webnn.name = "r"}) -> (tensor<1x3x5x5xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<0.5> : tensor<3x2x3x3xf32>
  %c = webnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x5xf32>
  %h = webnn.relu %c : (tensor<1x3x5x5xf32>) -> tensor<1x3x5x5xf32> loc("h")
  %y = webnn.add %h, %r : (tensor<1x3x5x5xf32>, tensor<1x3x5x5xf32>) -> tensor<1x3x5x5xf32>
  return %y : tensor<1x3x5x5xf32>
}
