// RUN: webnnc %s --emit=mlir -o - | FileCheck %s --check-prefix=MLIR
// RUN: webnnc %s --emit=llvm --name=tiny -o - | FileCheck %s --check-prefix=LLVM
// RUN: webnnc %s --emit=asm --name=tiny -o - | FileCheck %s --check-prefix=ASM
// RUN: webnnc %s -o %t.o --header %t.h --name=tiny --stats | FileCheck %s --check-prefix=STATS
// RUN: webnnc %s -o %t2.o --name=tiny --stats --no-fuse | FileCheck %s --check-prefix=UNFUSED
// RUN: webnnc %s --emit=mlir --stop-after=webnn-fuse -o - | FileCheck %s --check-prefix=FUSE
// RUN: webnnc %s --emit=mlir --mlir-print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=PASSES
// RUN: not webnnc %s --emit=mlir --stop-after=no-such-pass -o - 2>&1 | FileCheck %s --check-prefix=BADSTOP
// RUN: not webnnc %s --emit=mlir --stop-after=no-such-pass --no-integer-kernels -o - 2>&1 | FileCheck %s --check-prefix=NOINT
// RUN: webnnc %s -o %t3.o --mlir-timing 2>&1 | FileCheck %s --check-prefix=TIMING
// RUN: llvm-readelf -h -s %t.o | FileCheck %s --check-prefix=OBJ
// RUN: FileCheck %s --check-prefix=HEADER < %t.h

// Each stage can be emitted. relu and add are one kernel.
// MLIR: func.func private @emit_k0_relu_add
// MLIR-SAME: webnn.kernel
// MLIR-NEXT: webnn.relu
// MLIR-NEXT: webnn.add
// MLIR: func.func @main
// MLIR-SAME: webnn.arena_size
// MLIR: call @emit_k0_relu_add

// LLVM: @webnnc_tiny_model = {{.*}}constant {{.*}} ptr @tiny_entry
// LLVM: define internal i32 @tiny_entry(ptr
// LLVM: call i32 @tiny_k0_relu_add(

// ASM: # glue
// ASM: tiny_entry:
// ASM: # kernel tiny_k0_relu_add
// ASM: tiny_k0_relu_add:

// STATS: ops: 2 (after pruning, decomposition and folding: 2; folded: 0)
// STATS: kernels: 1 (calls: 1; ops fused into another's kernel: 1)
// STATS: arena_bytes: 0 (0 intermediate tensors
// STATS: code_bytes: {{[1-9][0-9]*}}
// STATS: object_bytes: {{[1-9][0-9]*}}

// UNFUSED: kernels: 2 (calls: 2; ops fused into another's kernel: 0)
// UNFUSED: arena_bytes: 64 (1 intermediate tensors of 24 bytes; unshared arena: 64; saved 0.0%

// The IR as one pass left it, and after every pass.
// FUSE: webnn.fused(%arg0)
// FUSE-NOT: func.func private
// PASSES: IR Dump After WebNNPruneSubgraphsPass (webnn-prune-subgraphs)
// PASSES: IR Dump After WebNNDecomposePass (webnn-decompose)
// PASSES: IR Dump After WebNNFoldConstantsPass (webnn-fold-constants)
// PASSES: IR Dump After Canonicalizer (canonicalize)
// PASSES: IR Dump After WebNNChannelsLastPass (webnn-channels-last)
// PASSES: IR Dump After WebNNFoldConstantsPass (webnn-fold-constants)
// PASSES: IR Dump After WebNNPackWeightsPass (webnn-pack-weights)
// PASSES: IR Dump After WebNNFusePass (webnn-fuse)
// PASSES: IR Dump After WebNNOutlineKernelsPass (webnn-outline-kernels)
// PASSES: IR Dump After WebNNPlanMemoryPass (webnn-plan-memory)
// One time report for the whole compile, in pipeline order.
// TIMING: Execution time report
// TIMING: WebNNPruneSubgraphsPass
// TIMING: WebNNFusePass
// TIMING: WebNNPlanMemoryPass
// TIMING: kernel generation (webnnc-kernelgen)
// TIMING: ConvertWebNNToLLVMPass
// TIMING: glue code generation (LLVM)
// TIMING: linking the model object
// TIMING: Total
// TIMING-NOT: Execution time report
// BADSTOP: --stop-after: 'no-such-pass' is not a pass of this pipeline; its passes are: webnn-prune-subgraphs, webnn-widen-int4, webnn-quantized-ops, webnn-pack-int4-weights, webnn-decompose,
// NOINT: its passes are: webnn-prune-subgraphs, webnn-widen-int4, webnn-pack-int4-weights, webnn-decompose, webnn-phase-conv-transpose, webnn-fold-constants, canonicalize, webnn-expand-quantization, webnn-sink-reshapes, webnn-recognize, webnn-channels-last, webnn-fold-constants, cse, webnn-pack-weights, webnn-fuse, webnn-outline-kernels, webnn-plan-memory

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
