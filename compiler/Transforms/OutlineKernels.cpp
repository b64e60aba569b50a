// SPDX-License-Identifier: Apache-2.0
// webnn-outline-kernels: one kernel function per compute op.
#include <map>

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "webnnc/Codegen/BuildKernelSpec.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNOUTLINEKERNELSPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

bool isSplatConstant(Value v) {
  auto constant = v.getDefiningOp<webnn::ConstantOp>();
  return constant && constant.isSplat();
}

// Ops that only relabel memory need no kernel.
bool needsKernel(Operation &op) {
  return !isa<func::ReturnOp, webnn::ConstantOp, webnn::ReshapeOp>(op);
}

struct OutlineKernels : impl::WebNNOutlineKernelsPassBase<OutlineKernels> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<func::FuncOp> graphOrError = requireGraphFunction(module);
    if (failed(graphOrError))
      return signalPassFailure();
    func::FuncOp graph = *graphOrError;
    SymbolTable symbols(module);
    std::map<std::string, func::FuncOp> bySignature;
    for (Operation &op :
         llvm::make_early_inc_range(graph.getBody().front())) {
      if (!needsKernel(op))
        continue;
      FailureOr<func::FuncOp> kernel =
          outline(op, graph, symbols, bySignature);
      if (failed(kernel))
        return signalPassFailure();
    }
    // Splat constants now live inside the kernels that read them.
    for (Operation &op :
         llvm::make_early_inc_range(graph.getBody().front()))
      if (isa<webnn::ConstantOp>(op) && op.use_empty())
        op.erase();
  }

  FailureOr<func::FuncOp>
  outline(Operation &op, func::FuncOp graph, SymbolTable &symbols,
          std::map<std::string, func::FuncOp> &bySignature) {
    SmallVector<Value> args;
    for (Value v : op.getOperands())
      if (!isSplatConstant(v) && !llvm::is_contained(args, v))
        args.push_back(v);

    OpBuilder builder(graph);
    auto kernel = func::FuncOp::create(
        builder, op.getLoc(), "webnn_outlining",
        builder.getFunctionType(ValueRange(args).getTypes(),
                                op.getResultTypes()));
    kernel.setPrivate();
    kernel->setAttr(kKernelAttr, builder.getUnitAttr());
    Block *body = kernel.addEntryBlock();
    builder.setInsertionPointToStart(body);
    IRMapping mapping;
    for (auto [arg, value] : llvm::zip(body->getArguments(), args))
      mapping.map(value, arg);
    for (Value v : op.getOperands())
      if (isSplatConstant(v) && !mapping.contains(v))
        mapping.map(v, builder.clone(*v.getDefiningOp())->getResult(0));
    Operation *clone = builder.clone(op, mapping);
    func::ReturnOp::create(builder, op.getLoc(), clone->getResults());

    FailureOr<kernels::KernelSpec> spec = buildKernelSpec(kernel);
    if (failed(spec)) {
      kernel.erase();
      return failure();
    }
    std::string signature = kernels::signature(*spec);
    func::FuncOp callee;
    if (auto it = bySignature.find(signature); it != bySignature.end()) {
      kernel.erase();
      callee = it->second;
    } else {
      std::string name = modelName + "_k" +
                         std::to_string(bySignature.size()) + "_" +
                         op.getName().stripDialect().str();
      kernel.setSymName(name);
      symbols.insert(kernel);
      bySignature.emplace(signature, kernel);
      callee = kernel;
    }
    builder.setInsertionPoint(&op);
    auto call = func::CallOp::create(builder, op.getLoc(), callee, args);
    op.replaceAllUsesWith(call.getResults());
    op.erase();
    return callee;
  }
};

} // namespace
} // namespace webnnc
