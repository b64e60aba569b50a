// RUN: webnnc %s --emit=asm --target=x86-64-v3 -o - | FileCheck %s --check-prefix=V3
// RUN: webnnc %s --emit=asm --target=x86-64-v4 -o - | FileCheck %s --check-prefix=V4
// RUN: webnnc %s --emit=asm --target=aarch64 -o - | FileCheck %s --check-prefix=A64

// x86-64-v3 kernels use AVX2 (ymm, FMA) and never AVX-512; x86-64-v4
// kernels use 512-bit zmm FMAs.
// V3: # kernel targets_k0_matmul
// V3-NOT: zmm
// V3: vfmadd{{[0-9]+}}ps {{.*}}%ymm
// V3-NOT: zmm
// V4: # kernel targets_k0_matmul
// V4: vfmadd{{[0-9]+}}ps {{.*}}%zmm
// aarch64 kernels use NEON's 4-lane FMAs, and nothing of x86's.
// A64: # kernel targets_k0_matmul
// A64-NOT: {{[xyz]mm}}
// A64: fmla v{{[0-9]+}}.4s
// A64-NOT: {{[xyz]mm}}
func.func @main(%a: tensor<8x64xf32> {webnn.name = "a"}, %b: tensor<64x64xf32> {webnn.name = "b"}) -> (tensor<8x64xf32> {webnn.name = "c"}) {
  %0 = webnn.matmul %a, %b : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>
  return %0 : tensor<8x64xf32>
}
