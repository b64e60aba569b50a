// SPDX-License-Identifier: Apache-2.0
// The reference evaluator's driver: binds inputs, walks the graph in order.
#include "webnnc/Reference/Evaluator.h"

#include <cstring>

#include "RefTensor.h"
#include "llvm/ADT/DenseMap.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

namespace webnnc::reference {
using namespace mlir;

namespace {

// The constant's elements, from inline dense data or a resource blob.
Expected<HostTensor, std::string> readConstantHost(webnn::ConstantOp op) {
  HostTensor host(*webnn::getDescriptor(op.getType()));
  FailureOr<ArrayRef<char>> raw = op.getRawData();
  if (failed(raw))
    return std::string("a constant's resource blob has no data");
  size_t elementBytes = spec::byteSize(host.dataType());
  if (spec::isFourBit(host.dataType())) {
    // Stored one element per byte; the host tensor packs them. Only the
    // low nibble counts (set() wraps).
    if (raw->size() != (op.isSplat() ? 1 : host.elementCount()))
      return std::string("a four-bit constant holds the wrong byte count");
    for (size_t k = 0; k < host.elementCount(); ++k)
      host.set(k, double(int8_t((*raw)[op.isSplat() ? 0 : k])));
    return host;
  }
  size_t expected = op.isSplat() ? elementBytes : host.byteSize();
  if (raw->size() != expected)
    return "constant holds " + std::to_string(raw->size()) +
           " bytes, its type needs " + std::to_string(expected);
  if (op.isSplat()) {
    for (size_t k = 0; k < host.elementCount(); ++k)
      std::memcpy(host.data() + k * elementBytes, raw->data(), elementBytes);
  } else {
    std::memcpy(host.data(), raw->data(), raw->size());
  }
  return host;
}

Expected<RefTensor, std::string> readConstant(webnn::ConstantOp op) {
  auto host = readConstantHost(op);
  if (!host)
    return host.error();
  return RefTensor::fromHost(*host);
}

MultiOpResult evaluateOp(Operation *op, const Operands &operands) {
  for (auto family : {evaluateElementwise, evaluateConvPool, evaluateMatmul,
                      evaluateNormalization, evaluateReduction, evaluateShape,
                      evaluateGather})
    if (std::optional<OpResult> result = family(op, operands)) {
      if (!*result)
        return result->error();
      return std::vector<RefTensor>{std::move(**result)};
    }
  for (auto family : {evaluateSplit, evaluateRecurrent})
    if (std::optional<MultiOpResult> results = family(op, operands))
      return std::move(*results);
  return "the reference evaluator cannot compute '" +
         op->getName().getStringRef().str() + "'";
}

} // namespace

Expected<std::vector<HostTensor>, std::string>
evaluate(func::FuncOp graph, const std::map<std::string, HostTensor> &inputs) {
  llvm::DenseMap<Value, RefTensor> values;
  for (BlockArgument arg : graph.getArguments()) {
    auto name = graph.getArgAttrOfType<StringAttr>(
        arg.getArgNumber(), webnn::WebNNDialect::kNameAttr);
    std::string key = name ? name.getValue().str() : "";
    auto it = inputs.find(key);
    if (it == inputs.end())
      return "missing input '" + key + "'";
    auto expected = webnn::getDescriptor(arg.getType());
    if (it->second.descriptor() != *expected)
      return "input '" + key + "' must be " + spec::toString(*expected) +
             ", got " + spec::toString(it->second.descriptor());
    values[arg] = RefTensor::fromHost(it->second);
  }

  for (Operation &op : graph.getBody().front()) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      std::vector<HostTensor> outputs;
      for (Value v : ret.getOperands())
        outputs.push_back(values[v].toHost());
      return outputs;
    }
    MultiOpResult results = std::string();
    if (auto constant = dyn_cast<webnn::ConstantOp>(op)) {
      Expected<RefTensor, std::string> value = readConstant(constant);
      if (!value)
        return value.error();
      results = std::vector<RefTensor>{std::move(*value)};
    } else {
      Operands operands;
      for (Value v : op.getOperands())
        operands.push_back(&values[v]);
      results = evaluateOp(&op, operands);
    }
    if (!results)
      return results.error();
    if (results->size() != op.getNumResults())
      return "the reference evaluator computed " +
             std::to_string(results->size()) + " results for '" +
             op.getName().getStringRef().str() + "', which has " +
             std::to_string(op.getNumResults());
    for (auto [value, result] : llvm::zip(op.getResults(), *results))
      values[value] = std::move(result);
  }
  return std::string("the graph function has no return");
}

Expected<HostTensor, std::string> constantValue(Operation *constant) {
  auto op = dyn_cast<webnn::ConstantOp>(constant);
  if (!op)
    return std::string("not a webnn.constant");
  return readConstantHost(op);
}

Expected<std::vector<HostTensor>, std::string>
evaluateOperation(Operation *op, const std::vector<HostTensor> &operands) {
  if (operands.size() != op->getNumOperands())
    return "'" + op->getName().getStringRef().str() + "' has " +
           std::to_string(op->getNumOperands()) + " operands, got " +
           std::to_string(operands.size()) + " values";
  std::vector<RefTensor> values;
  for (const HostTensor &t : operands)
    values.push_back(RefTensor::fromHost(t));
  Operands pointers;
  for (const RefTensor &t : values)
    pointers.push_back(&t);
  MultiOpResult results = evaluateOp(op, pointers);
  if (!results)
    return results.error();
  std::vector<HostTensor> out;
  for (const RefTensor &t : *results)
    out.push_back(t.toHost());
  return out;
}

Expected<std::vector<HostTensor>, std::string>
evaluate(const Graph &graph, const std::map<std::string, HostTensor> &inputs) {
  return evaluate(graph.function(), inputs);
}

} // namespace webnnc::reference
