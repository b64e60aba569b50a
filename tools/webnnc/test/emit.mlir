// RUN: webnnc %s --emit=mlir -o - | FileCheck %s --check-prefix=MLIR
// RUN: webnnc %s --emit=llvm --name=tiny -o - | FileCheck %s --check-prefix=LLVM
// RUN: webnnc %s --emit=asm --name=tiny -o - | FileCheck %s --check-prefix=ASM
// RUN: webnnc %s -o %t.o --header %t.h --name=tiny --stats | FileCheck %s --check-prefix=STATS
// RUN: llvm-readelf -h -s %t.o | FileCheck %s --check-prefix=OBJ
// RUN: FileCheck %s --check-prefix=HEADER < %t.h

// Each stage can be emitted.
// MLIR: func.func private @emit_k0_relu
// MLIR-SAME: webnn.kernel
// MLIR: func.func @main
// MLIR-SAME: webnn.arena_size
// MLIR: call @emit_k0_relu

// LLVM: @webnnc_tiny_model = {{.*}}constant {{.*}} ptr @tiny_entry
// LLVM: define internal i32 @tiny_entry(ptr
// LLVM: call i32 @tiny_k0_relu(
// LLVM: call i32 @tiny_k1_add(

// ASM: # glue
// ASM: tiny_entry:
// ASM: # kernel tiny_k1_add
// ASM: tiny_k1_add:

// STATS: ops: 2
// STATS: kernels: 2 (calls: 2)

// One relocatable object whose only global definition is the model.
// OBJ: Type: REL (Relocatable file)
// OBJ-NOT: GLOBAL {{.*}} tiny_k
// OBJ: GLOBAL DEFAULT {{.*}} webnnc_tiny_model
// OBJ-NOT: GLOBAL {{.*}} tiny_k

// HEADER: extern const webnnc_model_t webnnc_tiny_model;
// HEADER: WEBNNC_TINY_INPUT_X_ELEMENTS = 6,
// HEADER: typedef struct webnnc_tiny_inputs_t {
// HEADER-NEXT: const float *x;
// HEADER: static inline webnnc_status_t webnnc_tiny_compute(
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
  %0 = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = webnn.add %0, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
