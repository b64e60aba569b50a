// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: inputs, constants, operand checks and build().
#include <cmath>
#include <cstring>
#include <set>

#include "BuilderImpl.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Graph/Prune.h"

namespace webnnc {
using namespace mlir;

std::string BuildError::message() const {
  std::string out = op;
  if (!label.empty())
    out += " '" + label + "'";
  out += ": ";
  if (!operand.empty())
    out += operand + ": ";
  return out + rule;
}

GraphBuilder::Impl::Impl() : context(createContext()), builder(context.get()) {
  module = ModuleOp::create(builder.getUnknownLoc());
  builder.setInsertionPointToEnd(module->getBody());
  func = func::FuncOp::create(builder, builder.getUnknownLoc(), "main",
                              builder.getFunctionType({}, {}));
  builder.setInsertionPointToEnd(func.addEntryBlock());
}

Operand GraphBuilder::Impl::makeOperand(Value value,
                                        const OperandDescriptor &desc) {
  Operand operand;
  operand.builder_ = this;
  operand.id_ = static_cast<uint32_t>(values.size());
  operand.descriptor_ = desc;
  values.push_back(value);
  return operand;
}

bool OpCall::check(const char *name, const Operand &operand) {
  if (error_)
    return false;
  if (operand.error_) {
    error_ = operand.error_; // propagate the root cause unchanged
    return false;
  }
  if (impl_.built)
    fail("", "the builder has already built its graph");
  else if (!operand.builder_)
    fail(name, "is not an operand of any GraphBuilder");
  else if (operand.builder_ != &impl_)
    fail(name, "belongs to a different GraphBuilder");
  // Open dimensions are each op's shape rule's to accept or refuse.
  return !error_;
}

Operand OpCall::failed() const {
  Operand operand;
  operand.error_ = error_;
  return operand;
}

Operand OpCall::fail(const spec::Error &error) {
  if (!error_) {
    BuildError built{op_, label_, error.operand, error.rule};
    built.openDimsUnsupported = error.needsStaticSizes;
    error_ = std::make_shared<BuildError>(std::move(built));
  }
  return failed();
}

Location OpCall::loc() const {
  Builder b(impl_.context.get());
  if (label_.empty())
    return b.getUnknownLoc();
  return NameLoc::get(b.getStringAttr(label_));
}

GraphBuilder::GraphBuilder() : impl_(std::make_unique<Impl>()) {}
GraphBuilder::~GraphBuilder() = default;

Operand GraphBuilder::input(const std::string &name,
                            const OperandDescriptor &descriptor,
                            const std::vector<OpenDimension> &openDims) {
  OpCall call(*impl_, this, "input", "");
  if (impl_->built)
    return call.fail("", "the builder has already built its graph");
  if (name.empty())
    return call.fail("name", "must not be empty");
  for (const std::string &existing : impl_->inputNames)
    if (existing == name)
      return call.fail("name", "'" + name + "' is already used by an input");
  if (auto error = spec::checkDescriptor(descriptor, "descriptor",
                                         /*allowOpen=*/true))
    return call.fail(*error);
  size_t numOpen = 0;
  for (int64_t d : descriptor.shape)
    numOpen += spec::isOpen(d);
  if (!openDims.empty() && openDims.size() != numOpen)
    return call.fail("openDims", "names " + std::to_string(openDims.size()) +
                                     " open dimensions, the descriptor has " +
                                     std::to_string(numOpen));
  SmallVector<Attribute> dimNames;
  SmallVector<int64_t> dimMax;
  for (const OpenDimension &dim : openDims) {
    if (dim.maxSize < 0 || dim.maxSize > spec::kMaxDimension)
      return call.fail("openDims", "maxSize of '" + dim.name +
                                       "' must be between 0 (unbounded) and "
                                       "4294967295");
    dimNames.push_back(impl_->builder.getStringAttr(dim.name));
    dimMax.push_back(dim.maxSize);
  }

  func::FuncOp func = impl_->func;
  unsigned index = func.getNumArguments();
  SmallVector<NamedAttribute> argAttrs{impl_->builder.getNamedAttr(
      webnn::WebNNDialect::kNameAttr, impl_->builder.getStringAttr(name))};
  if (!openDims.empty()) {
    argAttrs.push_back(impl_->builder.getNamedAttr(
        webnn::WebNNDialect::kOpenDimNamesAttr,
        impl_->builder.getArrayAttr(dimNames)));
    argAttrs.push_back(impl_->builder.getNamedAttr(
        webnn::WebNNDialect::kOpenDimMaxAttr,
        impl_->builder.getDenseI64ArrayAttr(dimMax)));
  }
  if (failed(func.insertArgument(index, impl_->tensorType(descriptor),
                                 impl_->builder.getDictionaryAttr(argAttrs),
                                 NameLoc::get(impl_->builder.getStringAttr(
                                     name)))))
    return call.fail("", "could not add the input");
  impl_->inputNames.push_back(name);
  return impl_->makeOperand(func.getArgument(index), descriptor);
}

namespace {

// Writes |value| cast to |type| (the spec's MLNumber cast) at |out|.
void castScalar(double value, DataType type, char *out) {
  auto store = [&](auto v) { std::memcpy(out, &v, sizeof(v)); };
  auto toInt = [&](auto lo, auto hi) -> double {
    // Truncate in range; saturate outside it (implementation-defined).
    if (std::isnan(value))
      return 0;
    double t = std::trunc(value);
    return std::min(std::max(t, double(lo)), double(hi));
  };
  switch (type) {
  case DataType::Float32:
    store(static_cast<float>(value));
    break;
  case DataType::Float16: {
    llvm::APFloat f(value);
    bool lost;
    f.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
              &lost);
    store(static_cast<uint16_t>(f.bitcastToAPInt().getZExtValue()));
    break;
  }
  case DataType::Int32:
    store(static_cast<int32_t>(toInt(INT32_MIN, INT32_MAX)));
    break;
  case DataType::Uint32:
    store(static_cast<uint32_t>(toInt(0, UINT32_MAX)));
    break;
  case DataType::Int64:
    store(static_cast<int64_t>(toInt(-9.2233720368547758e18,
                                      9.2233720368547748e18)));
    break;
  case DataType::Uint64:
    store(static_cast<uint64_t>(toInt(0, 1.8446744073709550e19)));
    break;
  case DataType::Int8:
    store(static_cast<int8_t>(toInt(INT8_MIN, INT8_MAX)));
    break;
  case DataType::Uint8:
    store(static_cast<uint8_t>(toInt(0, UINT8_MAX)));
    break;
  case DataType::Int4:
  case DataType::Uint4: { // stored one element per byte, like int8/uint8
    auto [lo, hi] = spec::fourBitRange(type);
    store(static_cast<int8_t>(toInt(lo, hi)));
    break;
  }
  }
}

} // namespace

Operand GraphBuilder::constant(const OperandDescriptor &descriptor,
                               std::span<const std::byte> data) {
  OpCall call(*impl_, this, "constant", "");
  if (impl_->built)
    return call.fail("", "the builder has already built its graph");
  if (auto error = spec::checkDescriptor(descriptor, "descriptor"))
    return call.fail(*error);
  size_t count = static_cast<size_t>(spec::elementCount(descriptor.shape));
  size_t expected = spec::byteLength(descriptor.dataType, count);
  if (data.size() != expected)
    return call.fail("data", "holds " + std::to_string(data.size()) +
                                 " bytes, the descriptor needs " +
                                 std::to_string(expected));
  ArrayRef<char> bytes(reinterpret_cast<const char *>(data.data()),
                       data.size());
  // Four-bit data comes packed (two per byte); the dialect stores one
  // element per byte, sign- or zero-extended.
  std::vector<char> unpacked;
  if (spec::isFourBit(descriptor.dataType)) {
    auto packed = reinterpret_cast<const uint8_t *>(data.data());
    unpacked.resize(count);
    for (size_t i = 0; i < count; ++i)
      unpacked[i] = char(spec::packedFourBitAt(descriptor.dataType, packed, i));
    bytes = unpacked;
  }
  auto op = webnn::createConstant(impl_->builder, call.loc(),
                                  impl_->tensorType(descriptor), bytes);
  return impl_->makeOperand(op.getResult(), descriptor);
}

Operand GraphBuilder::constant(const OperandDescriptor &descriptor,
                               double value) {
  OpCall call(*impl_, this, "constant", "");
  if (impl_->built)
    return call.fail("", "the builder has already built its graph");
  if (auto error = spec::checkDescriptor(descriptor, "descriptor"))
    return call.fail(*error);
  char element[8];
  castScalar(value, descriptor.dataType, element);
  RankedTensorType type = impl_->tensorType(descriptor);
  // A splat: one element whatever the shape.
  auto splatType = RankedTensorType::get({}, type.getElementType());
  auto scalar = DenseElementsAttr::getFromRawBuffer(
      splatType, ArrayRef<char>(element, spec::byteSize(descriptor.dataType)));
  auto op = webnn::ConstantOp::create(
      impl_->builder, call.loc(), type,
      DenseElementsAttr::get(type, scalar.getSplatValue<Attribute>()));
  return impl_->makeOperand(op.getResult(), descriptor);
}

Expected<Graph, BuildError>
GraphBuilder::build(const std::map<std::string, Operand> &outputs) {
  OpCall call(*impl_, this, "build", "");
  auto error = [&](std::string operand, std::string rule) {
    return BuildError{"build", "", std::move(operand), std::move(rule)};
  };
  if (impl_->built)
    return error("", "the builder has already built its graph");
  if (outputs.empty())
    return error("outputs", "must not be empty");
  SmallVector<Value> values;
  for (const auto &[name, operand] : outputs) {
    if (name.empty())
      return error("outputs", "names must not be empty");
    if (!call.check(name.c_str(), operand))
      return *call.failed().error();
    Value value = impl_->value(operand);
    // The spec rejects inputs and constants as outputs.
    if (isa<BlockArgument>(value))
      return error(name, "is a graph input; outputs must be computed by an "
                         "operation");
    if (value.getDefiningOp<webnn::ConstantOp>())
      return error(name, "is a constant; outputs must be computed by an "
                         "operation");
    values.push_back(value);
  }
  impl_->built = true;

  func::FuncOp func = impl_->func;
  func::ReturnOp::create(impl_->builder, impl_->builder.getUnknownLoc(),
                         values);
  func.setFunctionType(impl_->builder.getFunctionType(
      func.getArgumentTypes(), ValueRange(values).getTypes()));
  unsigned i = 0;
  for (const auto &[name, operand] : outputs)
    func.setResultAttr(i++, webnn::WebNNDialect::kNameAttr,
                       impl_->builder.getStringAttr(name));
  // As in the spec, the graph holds only what its outputs need.
  pruneUnreachable(func);

  Expected<Graph, std::string> graph =
      Graph::adopt(std::move(impl_->context), impl_->module.release());
  if (!graph)
    return error("", "internal error: " + graph.error());
  return std::move(graph).value();
}

} // namespace webnnc
