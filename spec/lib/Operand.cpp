// SPDX-License-Identifier: Apache-2.0
// Data types, descriptors and errors.
#include "webnnc/Spec/Operand.h"

#include <limits>

namespace webnnc::spec {

std::string_view toString(DataType type) {
  switch (type) {
  case DataType::Float32:
    return "float32";
  case DataType::Float16:
    return "float16";
  case DataType::Int32:
    return "int32";
  case DataType::Uint32:
    return "uint32";
  case DataType::Int64:
    return "int64";
  case DataType::Uint64:
    return "uint64";
  case DataType::Int8:
    return "int8";
  case DataType::Uint8:
    return "uint8";
  case DataType::Int4:
    return "int4";
  case DataType::Uint4:
    return "uint4";
  }
  return "invalid";
}

std::optional<DataType> parseDataType(std::string_view name) {
  for (DataType t : kAllDataTypes)
    if (toString(t) == name)
      return t;
  return std::nullopt;
}

size_t byteSize(DataType type) {
  switch (type) {
  case DataType::Float32:
  case DataType::Int32:
  case DataType::Uint32:
    return 4;
  case DataType::Float16:
    return 2;
  case DataType::Int64:
  case DataType::Uint64:
    return 8;
  case DataType::Int8:
  case DataType::Uint8:
  case DataType::Int4:
  case DataType::Uint4:
    return 1;
  }
  return 0;
}

uint64_t byteLength(DataType type, uint64_t elementCount) {
  if (isFourBit(type))
    return elementCount / 2 + elementCount % 2;
  return elementCount * byteSize(type);
}

bool isFourBit(DataType type) {
  return type == DataType::Int4 || type == DataType::Uint4;
}

std::pair<int64_t, int64_t> fourBitRange(DataType type) {
  return type == DataType::Int4 ? std::pair<int64_t, int64_t>{-8, 7}
                                : std::pair<int64_t, int64_t>{0, 15};
}

bool isFloatingPoint(DataType type) {
  return type == DataType::Float32 || type == DataType::Float16;
}

bool isSigned(DataType type) {
  return type != DataType::Uint32 && type != DataType::Uint64 &&
         type != DataType::Uint8 && type != DataType::Uint4;
}

std::string DataTypeSet::describe() const {
  std::string out;
  for (DataType t : kAllDataTypes) {
    if (!contains(t))
      continue;
    if (!out.empty())
      out += ", ";
    out += toString(t);
  }
  return out;
}

std::string toString(const Shape &shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      out += ",";
    out += isOpen(shape[i]) ? std::string("?") : std::to_string(shape[i]);
  }
  return out + "]";
}

bool hasOpenDims(const Shape &shape) {
  for (int64_t d : shape)
    if (isOpen(d))
      return true;
  return false;
}

std::string toString(const OperandDescriptor &desc) {
  return std::string(toString(desc.dataType)) + " " + toString(desc.shape);
}

std::string Error::format(std::string_view op) const {
  std::string out(op);
  out += ": ";
  if (!operand.empty()) {
    out += operand;
    out += ": ";
  }
  return out + rule;
}

std::optional<Error> checkDescriptor(const OperandDescriptor &desc,
                                     std::string_view operand,
                                     bool allowOpen) {
  if (byteSize(desc.dataType) == 0)
    return makeError(std::string(operand), "invalid data type");
  if (desc.shape.size() > kMaxRank)
    return makeError(std::string(operand),
                     "rank " + std::to_string(desc.shape.size()) +
                         " exceeds " + std::to_string(kMaxRank) +
                         ", the most webnnc computes");
  int64_t elements = 1;
  for (int64_t d : desc.shape) {
    if (isOpen(d) && allowOpen)
      continue; // checked at compute, against the actual size
    if (d <= 0 || d > kMaxDimension)
      return makeError(std::string(operand),
                       "dimensions must be between 1 and 4294967295, got " +
                           toString(desc.shape));
    if (__builtin_mul_overflow(elements, d, &elements) ||
        elements > kMaxElementCount)
      return makeError(std::string(operand),
                       "tensor of shape " + toString(desc.shape) +
                           " has more than 2^31-1 elements, the most webnnc "
                           "computes in one tensor");
  }
  return std::nullopt;
}

int64_t elementCount(const Shape &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

} // namespace webnnc::spec
