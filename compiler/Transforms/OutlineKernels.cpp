// SPDX-License-Identifier: Apache-2.0
// webnn-outline-kernels: one kernel function per compute op.
#include <map>

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "webnnc/Transforms/BuildKernelSpec.h"
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

// The kernel's name suffix: its ops' names, e.g. "conv2d_add_relu".
std::string kernelSuffix(ArrayRef<Operation *> ops) {
  std::string name;
  for (Operation *op : ops) {
    if (isa<webnn::ConstantOp, webnn::YieldOp>(op))
      continue;
    std::string kind = op->getName().stripDialect().str();
    if (name.size() + kind.size() > 48) {
      name += "_etc";
      break;
    }
    name += (name.empty() ? "" : "_") + kind;
  }
  return name;
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
    eraseUnreadConstants(graph);
  }

  FailureOr<func::FuncOp>
  outline(Operation &op, func::FuncOp graph, SymbolTable &symbols,
          std::map<std::string, func::FuncOp> &bySignature) {
    auto fused = dyn_cast<webnn::FusedOp>(op);
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
    if (fused && fused.getProducer())
      kernel->setAttr(kProducerAttr, fused.getProducerAttr());
    Block *body = kernel.addEntryBlock();
    builder.setInsertionPointToStart(body);
    IRMapping mapping;
    for (auto [arg, value] : llvm::zip(body->getArguments(), args))
      mapping.map(value, arg);
    for (Value v : op.getOperands())
      if (isSplatConstant(v) && !mapping.contains(v))
        mapping.map(v, builder.clone(*v.getDefiningOp())->getResult(0));
    SmallVector<Operation *> ops;
    SmallVector<Value> results;
    if (fused) {
      // The region's ops, its block arguments bound to the inputs.
      Block &region = fused.getBody().front();
      for (auto [arg, input] :
           llvm::zip(region.getArguments(), fused.getInputs()))
        mapping.map(arg, mapping.lookup(input));
      for (Operation &inner : region.without_terminator())
        ops.push_back(builder.clone(inner, mapping));
      results.push_back(mapping.lookup(
          cast<webnn::YieldOp>(region.getTerminator()).getValue()));
    } else {
      Operation *clone = builder.clone(op, mapping);
      ops.push_back(clone);
      results.append(clone->result_begin(), clone->result_end());
    }
    func::ReturnOp::create(builder, op.getLoc(), results);

    FailureOr<kernels::KernelSpec> spec = buildKernelSpec(kernel);
    if (failed(spec)) {
      kernel.erase();
      return failure();
    }
    // Sizes named by open dimensions (expand's or slice's open_sizes) are
    // not part of the kernel's code but the shapes program reads them from
    // its body: kernels that differ in them stay apart.
    std::string signature = kernels::signature(*spec);
    for (Operation *inner : ops)
      if (Attribute named = inner->getAttr("open_sizes")) {
        llvm::raw_string_ostream os(signature);
        os << "\nopen_sizes " << named;
      }
    func::FuncOp callee;
    if (auto it = bySignature.find(signature); it != bySignature.end()) {
      kernel.erase();
      callee = it->second;
    } else {
      std::string name = modelName + "_k" +
                         std::to_string(bySignature.size()) + "_" +
                         kernelSuffix(ops);
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
