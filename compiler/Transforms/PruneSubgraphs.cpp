// SPDX-License-Identifier: Apache-2.0
// webnn-prune-subgraphs: keep only what the requested outputs need.
#include "GraphPass.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Graph/Prune.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNPRUNESUBGRAPHSPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

// The label of |op|: the name of a NameLoc, possibly inside a FusedLoc.
std::optional<StringRef> labelOf(Operation *op) {
  Location loc = op->getLoc();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (auto name = dyn_cast<NameLoc>(inner))
        return name.getName().getValue();
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().getValue();
  return std::nullopt;
}

struct PruneSubgraphs : GraphPass<PruneSubgraphs, impl::WebNNPruneSubgraphsPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    if (!outputs.empty() && failed(selectOutputs(graph)))
      return signalPassFailure();
    for (const std::string &input : pruneUnreachable(graph))
      graph.emitWarning() << "input '" << input
                          << "' is not needed by the requested outputs; the "
                             "compiled model does not take it";
  }

  // Makes the graph return the operands named in |outputs|.
  LogicalResult selectOutputs(func::FuncOp graph) {
    auto ret = cast<func::ReturnOp>(graph.getBody().front().getTerminator());
    SmallVector<Value> values;
    SmallVector<std::string> names;
    for (const std::string &name : outputs) {
      if (llvm::is_contained(names, name))
        return graph.emitError() << "output '" << name
                                 << "' is requested twice";
      FailureOr<Value> value = resolve(graph, ret, name);
      if (failed(value))
        return failure();
      values.push_back(*value);
      names.push_back(name);
    }
    OpBuilder builder(ret);
    func::ReturnOp::create(builder, ret.getLoc(), values);
    ret.erase();
    graph.setFunctionType(builder.getFunctionType(
        graph.getArgumentTypes(), ValueRange(values).getTypes()));
    SmallVector<DictionaryAttr> resultAttrs;
    for (const std::string &name : names)
      resultAttrs.push_back(builder.getDictionaryAttr({builder.getNamedAttr(
          webnn::WebNNDialect::kNameAttr, builder.getStringAttr(name))}));
    graph.setAllResultAttrs(resultAttrs);
    return success();
  }

  // A graph output of that name, else the result of the op labelled so.
  FailureOr<Value> resolve(func::FuncOp graph, func::ReturnOp ret,
                           StringRef name) {
    for (unsigned i = 0; i < graph.getNumResults(); ++i)
      if (auto attr = graph.getResultAttrOfType<StringAttr>(
              i, webnn::WebNNDialect::kNameAttr);
          attr && attr.getValue() == name)
        return ret.getOperand(i);
    Operation *found = nullptr;
    for (Operation &op : graph.getBody().front().without_terminator()) {
      if (labelOf(&op) != name)
        continue;
      if (found)
        return graph.emitError() << "output '" << name
                                 << "' is ambiguous: several operations carry "
                                    "that label";
      found = &op;
    }
    if (!found) {
      for (BlockArgument arg : graph.getArguments())
        if (auto attr = graph.getArgAttrOfType<StringAttr>(
                arg.getArgNumber(), webnn::WebNNDialect::kNameAttr);
            attr && attr.getValue() == name)
          return graph.emitError()
                 << "output '" << name
                 << "' is a graph input; outputs must be computed";
      return graph.emitError() << "no operand named '" << name
                               << "': not a graph output nor an op label";
    }
    if (isa<webnn::ConstantOp>(found))
      return graph.emitError() << "output '" << name
                               << "' is a constant; outputs must be computed";
    return found->getResult(0);
  }
};

} // namespace
} // namespace webnnc
