// SPDX-License-Identifier: Apache-2.0
// MLIR types <-> spec descriptors.
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

#include "mlir/IR/Diagnostics.h"

namespace mlir::webnn {
using webnnc::spec::DataType;

Type getElementType(MLIRContext *context, DataType type) {
  Builder b(context);
  switch (type) {
  case DataType::Float32:
    return b.getF32Type();
  case DataType::Float16:
    return b.getF16Type();
  case DataType::Int32:
    return b.getIntegerType(32);
  case DataType::Uint32:
    return b.getIntegerType(32, /*isSigned=*/false);
  case DataType::Int64:
    return b.getIntegerType(64);
  case DataType::Uint64:
    return b.getIntegerType(64, /*isSigned=*/false);
  case DataType::Int8:
    return b.getIntegerType(8);
  case DataType::Uint8:
    return b.getIntegerType(8, /*isSigned=*/false);
  case DataType::Int4:
    return b.getIntegerType(4);
  case DataType::Uint4:
    return b.getIntegerType(4, /*isSigned=*/false);
  }
  return {};
}

std::optional<DataType> getDataType(Type elementType) {
  if (elementType.isF32())
    return DataType::Float32;
  if (elementType.isF16())
    return DataType::Float16;
  auto integer = dyn_cast<IntegerType>(elementType);
  if (!integer || integer.isSigned())
    return std::nullopt;
  bool isUnsigned = integer.isUnsigned();
  switch (integer.getWidth()) {
  case 32:
    return isUnsigned ? DataType::Uint32 : DataType::Int32;
  case 64:
    return isUnsigned ? DataType::Uint64 : DataType::Int64;
  case 8:
    return isUnsigned ? DataType::Uint8 : DataType::Int8;
  case 4:
    return isUnsigned ? DataType::Uint4 : DataType::Int4;
  default:
    return std::nullopt;
  }
}

std::optional<webnnc::spec::OperandDescriptor> getDescriptor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return std::nullopt;
  std::optional<DataType> dataType = getDataType(tensor.getElementType());
  if (!dataType)
    return std::nullopt;
  webnnc::spec::Shape shape;
  for (int64_t d : tensor.getShape())
    shape.push_back(ShapedType::isDynamic(d) ? webnnc::spec::kOpenDim : d);
  return webnnc::spec::OperandDescriptor{*dataType, shape};
}

RankedTensorType getTensorType(MLIRContext *context,
                               const webnnc::spec::OperandDescriptor &desc) {
  SmallVector<int64_t> shape;
  for (int64_t d : desc.shape)
    shape.push_back(webnnc::spec::isOpen(d) ? ShapedType::kDynamic : d);
  return RankedTensorType::get(shape, getElementType(context, desc.dataType));
}

LogicalResult emitSpecError(std::optional<Location> location, StringRef opName,
                            const webnnc::spec::Error &error) {
  if (!location)
    return failure();
  InFlightDiagnostic diag = emitError(*location) << "'" << opName << "' op ";
  if (!error.operand.empty())
    diag << error.operand << ": ";
  return diag << error.rule;
}

} // namespace mlir::webnn
