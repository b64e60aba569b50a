// REQUIRES: aarch64-cross
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npy write %t/x.npy f4 2,3 -1.5,0,2,3.25,-4,0.5
// RUN: %npy write %t/h.npy f2 3 0.5,-1,2
// RUN: webnnc %s -o %t/m.o --target=aarch64+dotprod+fp16
// RUN: llvm-readelf -h %t/m.o | FileCheck %s --check-prefix=ELF
// RUN: webnnc run %s --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/host
// RUN: webnnc run %s --target aarch64 --threads 2 --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/arm | FileCheck %s
// RUN: %npy compare %t/arm/y.npy %t/host/y.npy 0 0
// RUN: %npy compare %t/arm/half.npy %t/host/half.npy 0 0
// RUN: not webnnc run %s --target aarch64 --input x=%t/h.npy --input h=%t/h.npy --output-dir %t/bad 2>&1 | FileCheck %s --check-prefix=WRONG
// RUN: not webnnc run %s --target aarch64 --bench 3 --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/bad 2>&1 | FileCheck %s --check-prefix=BENCH
// RUN: env WEBNNC_CROSS_RUNTIME_DIR=%t/nowhere not webnnc run %s --target aarch64 --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/bad 2>&1 | FileCheck %s --check-prefix=RUNTIME

// The object (glue, kernels, weights) is one AArch64 relocatable; under
// qemu it computes what the x86-64 build computes, and the runtime's
// checks reach the user.
// ELF: Type: REL
// ELF: Machine: AArch64
// CHECK: y: float32 [2,3] -> {{.*}}arm/y.npy
// CHECK: half: float16 [3] -> {{.*}}arm/half.npy
// WRONG: webnnc run: compute failed: input 'x': expected data type float32, got float16
// BENCH: --bench times models compiled for this machine; a model compiled for aarch64 runs under an emulator
// RUNTIME: cannot find the aarch64-linux-gnu runtime (tried {{.*}}/nowhere
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}, %h: tensor<3xf16> {webnn.name = "h"}) -> (tensor<2x3xf32> {webnn.name = "y"}, tensor<3xf16> {webnn.name = "half"}) {
  %w = webnn.constant dense<[[0.5, -1.0, 0.25], [2.0, 0.25, -0.5], [1.0, 1.0, 0.75]]> : tensor<3x3xf32>
  %0 = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = webnn.add %h, %h : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xf16>
  %2 = webnn.matmul %0, %w : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x3xf32>
  %3 = webnn.add %2, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3, %1 : tensor<2x3xf32>, tensor<3xf16>
}
