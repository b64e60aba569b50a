// SPDX-License-Identifier: Apache-2.0
// webnnc-opt: mlir-opt for the webnn dialect and webnnc's passes.
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "webnnc/Conversion/Passes.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Transforms/Passes.h"
#include "webnnc/Transforms/Pipeline.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::webnn::WebNNDialect, mlir::func::FuncDialect,
                  mlir::LLVM::LLVMDialect>();
  webnnc::registerWebNNTransformsPasses();
  webnnc::registerWebNNConversionPasses();
  webnnc::registerWebNNCompilePipeline();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "webnnc optimizer driver\n", registry));
}
