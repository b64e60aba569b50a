// SPDX-License-Identifier: Apache-2.0
// convert-webnn-to-llvm: the model's glue in the LLVM dialect (built by
// GlueBuilder.h).
#include "GlueBuilder.h"
#include "webnnc/Conversion/Passes.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"

namespace webnnc {
#define GEN_PASS_DEF_CONVERTWEBNNTOLLVMPASS
#include "webnnc/Conversion/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

struct ConvertWebNNToLLVM
    : impl::ConvertWebNNToLLVMPassBase<ConvertWebNNToLLVM> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<func::FuncOp> graphOrError = requireGraphFunction(module);
    if (failed(graphOrError))
      return signalPassFailure();
    func::FuncOp graph = *graphOrError;
    if (failed(glue::GlueBuilder(module, graph, modelName).build()))
      signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
