// SPDX-License-Identifier: Apache-2.0
// Conversions out of the webnn dialect.
#ifndef WEBNNC_CONVERSION_PASSES_TD
#define WEBNNC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertWebNNToLLVMPass : Pass<"convert-webnn-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lower a planned graph to the model's LLVM-dialect glue";
  let description = [{
    Expects the output of `webnn-outline-kernels` and `webnn-plan-memory`.
    Emits, in the LLVM dialect:
    - `<model>_entry(ptr exec_context, ptr buffers) -> i32`: builds a
      `halide_buffer_t` for each kernel argument (inputs, outputs, arena
      slices, weights), calls the kernels in order, stops at the first
      failure, and copies results into outputs where a kernel could not
      write them directly;
    - each constant as a 64-byte-aligned read-only global;
    - `webnnc_<model>_model`, the `webnnc_model_t` descriptor (the only
      exported symbol);
    - external declarations of the kernels, which Halide compiles.
  }];
  let options = [
    Option<"modelName", "model-name", "std::string", "\"model\"",
           "Model name (a C identifier)">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // WEBNNC_CONVERSION_PASSES_TD
