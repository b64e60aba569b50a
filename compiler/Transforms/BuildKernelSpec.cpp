// SPDX-License-Identifier: Apache-2.0
// Describing an outlined kernel function as a KernelSpec.
#include "webnnc/Transforms/BuildKernelSpec.h"

#include <cstring>

#include "llvm/ADT/DenseMap.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
using namespace mlir;

namespace {

kernels::TensorSpec tensorSpec(Type type) {
  auto desc = webnn::getDescriptor(type);
  return {desc->dataType, desc->shape};
}

// Stores a webnn enum attribute (any of |EnumAttrs|) as its integer value.
template <typename... EnumAttrs>
bool addEnum(kernels::OpSpec &op, const std::string &key, Attribute attr) {
  return ([&] {
    if (auto e = dyn_cast<EnumAttrs>(attr)) {
      op.ints[key] = {static_cast<int64_t>(e.getValue())};
      return true;
    }
    return false;
  }() || ...);
}

// Copies |attr| into |op|'s ints or floats under |name|.
LogicalResult addAttribute(kernels::OpSpec &op, StringRef name,
                           Attribute attr) {
  std::string key = name.str();
  if (auto array = dyn_cast<DenseI64ArrayAttr>(attr)) {
    op.ints[key] = std::vector<int64_t>(array.asArrayRef().begin(),
                                        array.asArrayRef().end());
  } else if (auto array = dyn_cast<DenseI32ArrayAttr>(attr)) {
    op.ints[key] = std::vector<int64_t>(array.asArrayRef().begin(),
                                        array.asArrayRef().end());
  } else if (auto array = dyn_cast<DenseF64ArrayAttr>(attr)) {
    op.floats[key] = std::vector<double>(array.asArrayRef().begin(),
                                         array.asArrayRef().end());
  } else if (auto boolean = dyn_cast<BoolAttr>(attr)) {
    op.ints[key] = {boolean.getValue() ? 1 : 0};
  } else if (auto integer = dyn_cast<IntegerAttr>(attr)) {
    op.ints[key] = {integer.getInt()};
  } else if (auto number = dyn_cast<FloatAttr>(attr)) {
    op.floats[key] = {number.getValueAsDouble()};
  } else if (!addEnum<webnn::InputOperandLayoutAttr,
                      webnn::Conv2dFilterOperandLayoutAttr,
                      webnn::ConvTranspose2dFilterOperandLayoutAttr,
                      webnn::RoundingTypeAttr, webnn::OperandDataTypeAttr,
                      webnn::InterpolationModeAttr, webnn::PaddingModeAttr>(
                 op, key, attr)) {
    return failure();
  }
  return success();
}

} // namespace

FailureOr<kernels::KernelSpec> buildKernelSpec(func::FuncOp kernel) {
  kernels::KernelSpec spec;
  spec.name = kernel.getSymName().str();
  spec.inPlace = kernel->hasAttr(kInPlaceAttr);
  if (auto producer =
          kernel->getAttrOfType<webnn::ProducerPlacementAttr>(kProducerAttr)) {
    switch (producer.getValue()) {
    case webnn::ProducerPlacement::pool_tiles:
      spec.producer = kernels::ProducerPlacement::PoolTiles;
      break;
    case webnn::ProducerPlacement::sliding_rows:
      spec.producer = kernels::ProducerPlacement::SlidingRows;
      break;
    case webnn::ProducerPlacement::inlined:
      spec.producer = kernels::ProducerPlacement::Inlined;
      break;
    }
  }
  llvm::DenseMap<Value, int> index;
  for (BlockArgument arg : kernel.getArguments()) {
    index[arg] = static_cast<int>(spec.inputs.size());
    spec.inputs.push_back(tensorSpec(arg.getType()));
  }
  for (Operation &op : kernel.getBody().front()) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      for (Value v : ret.getOperands())
        spec.outputs.push_back(index.at(v));
      break;
    }
    if (op.getNumResults() != 1)
      return op.emitOpError("has no kernel form (expected one result)");
    kernels::OpSpec opSpec;
    opSpec.kind = op.getName().stripDialect().str();
    opSpec.elementwise = webnn::isElementwise(&op);
    for (Value v : op.getOperands())
      opSpec.operands.push_back(index.at(v));
    opSpec.result = tensorSpec(op.getResult(0).getType());
    if (auto constant = dyn_cast<webnn::ConstantOp>(op)) {
      // Only splats live inside kernels, as literals.
      FailureOr<ArrayRef<char>> raw = constant.getRawData();
      if (!constant.isSplat() || failed(raw))
        return op.emitOpError("only splat constants can be kernel literals");
      uint64_t bits = 0;
      std::memcpy(&bits, raw->data(), std::min<size_t>(raw->size(), 8));
      opSpec.ints["bits"] = {static_cast<int64_t>(bits)};
    } else {
      for (NamedAttribute attr : op.getAttrDictionary()) {
        // Open sizes are the shape program's; the kernel's buffers carry
        // the sizes they give.
        if (attr.getName() == "open_sizes")
          continue;
        if (failed(addAttribute(opSpec, attr.getName(), attr.getValue())))
          return op.emitOpError()
                 << "attribute '" << attr.getName()
                 << "' has no kernel form";
      }
    }
    index[op.getResult(0)] =
        static_cast<int>(spec.inputs.size() + spec.ops.size());
    spec.ops.push_back(std::move(opSpec));
  }
  return spec;
}

} // namespace webnnc
