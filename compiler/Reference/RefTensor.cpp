// SPDX-License-Identifier: Apache-2.0
// Evaluator tensors: conversion, rounding, broadcasting.
#include "RefTensor.h"

#include <cmath>
#include <cstring>

#include "mlir/IR/BuiltinTypes.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Support/Float16.h"

namespace webnnc::reference {
using spec::DataType;

RefTensor::RefTensor(DataType type, spec::Shape shape)
    : type(type), shape(std::move(shape)) {
  size_t n = static_cast<size_t>(spec::elementCount(this->shape));
  if (isFloat())
    f.assign(n, 0.0);
  else
    i.assign(n, 0);
}

double roundTo(DataType type, double value) {
  if (type == DataType::Float16)
    return halfToDouble(doubleToHalf(value));
  return static_cast<double>(static_cast<float>(value));
}

int64_t wrapTo(DataType type, int64_t value) {
  switch (type) {
  case DataType::Int32:
    return static_cast<int32_t>(value);
  case DataType::Uint32:
    return static_cast<uint32_t>(value);
  case DataType::Int8:
    return static_cast<int8_t>(value);
  case DataType::Uint8:
    return static_cast<uint8_t>(value);
  case DataType::Int4:
  case DataType::Uint4:
    return spec::fourBitValue(type, uint64_t(value));
  default:
    return value;
  }
}

int64_t castToInteger(DataType type, double value) {
  if (std::isnan(value))
    return 0;
  double lo, hi;
  switch (type) {
  case DataType::Int32: lo = INT32_MIN, hi = INT32_MAX; break;
  case DataType::Uint32: lo = 0, hi = UINT32_MAX; break;
  case DataType::Int8: lo = INT8_MIN, hi = INT8_MAX; break;
  case DataType::Uint8: lo = 0, hi = UINT8_MAX; break;
  case DataType::Int4: lo = -8, hi = 7; break;
  case DataType::Uint4: lo = 0, hi = 15; break;
  // The largest doubles below 2^64 and 2^63.
  case DataType::Uint64: lo = 0, hi = 18446744073709549568.0; break;
  default: lo = -9223372036854775808.0, hi = 9223372036854774784.0; break;
  }
  double t = std::min(std::max(std::trunc(value), lo), hi);
  return type == DataType::Uint64
             ? static_cast<int64_t>(static_cast<uint64_t>(t))
             : static_cast<int64_t>(t);
}

int64_t lowestInteger(DataType type) {
  switch (type) {
  case DataType::Int32:
    return INT32_MIN;
  case DataType::Int64:
    return INT64_MIN;
  case DataType::Int8:
    return INT8_MIN;
  case DataType::Int4:
    return -8;
  default:
    return 0;
  }
}

void RefTensor::roundToType() {
  for (double &v : f)
    v = roundTo(type, v);
}

RefTensor RefTensor::fromHost(const HostTensor &host) {
  RefTensor t(host.dataType(), host.shape());
  size_t n = host.elementCount();
  for (size_t k = 0; k < n; ++k) {
    switch (host.dataType()) {
    case DataType::Float32:
    case DataType::Float16:
      t.f[k] = host.at(k);
      break;
    case DataType::Int32:
      t.i[k] = host.as<int32_t>()[k];
      break;
    case DataType::Uint32:
      t.i[k] = host.as<uint32_t>()[k];
      break;
    case DataType::Int64:
      t.i[k] = host.as<int64_t>()[k];
      break;
    case DataType::Uint64:
      t.i[k] = static_cast<int64_t>(host.as<uint64_t>()[k]);
      break;
    case DataType::Int8:
      t.i[k] = host.as<int8_t>()[k];
      break;
    case DataType::Uint8:
      t.i[k] = host.as<uint8_t>()[k];
      break;
    case DataType::Int4:
    case DataType::Uint4:
      t.i[k] = static_cast<int64_t>(host.at(k));
      break;
    }
  }
  return t;
}

HostTensor RefTensor::toHost() const {
  HostTensor host({type, shape});
  size_t n = size();
  for (size_t k = 0; k < n; ++k) {
    switch (type) {
    case DataType::Float32:
    case DataType::Float16:
      host.set(k, f[k]);
      break;
    case DataType::Int32:
      host.as<int32_t>()[k] = static_cast<int32_t>(i[k]);
      break;
    case DataType::Uint32:
      host.as<uint32_t>()[k] = static_cast<uint32_t>(i[k]);
      break;
    case DataType::Int64:
      host.as<int64_t>()[k] = i[k];
      break;
    case DataType::Uint64:
      host.as<uint64_t>()[k] = static_cast<uint64_t>(i[k]);
      break;
    case DataType::Int8:
      host.as<int8_t>()[k] = static_cast<int8_t>(i[k]);
      break;
    case DataType::Uint8:
      host.as<uint8_t>()[k] = static_cast<uint8_t>(i[k]);
      break;
    case DataType::Int4:
    case DataType::Uint4:
      host.set(k, static_cast<double>(i[k]));
      break;
    }
  }
  return host;
}

std::vector<int64_t> stridesOf(const spec::Shape &shape) {
  std::vector<int64_t> strides(shape.size());
  int64_t stride = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return strides;
}

void forEachBroadcast(const spec::Shape &out, const spec::Shape &a,
                      const spec::Shape &b,
                      const std::function<void(size_t, size_t, size_t)> &body) {
  size_t rank = out.size();
  // Strides of a and b aligned to out's trailing dimensions; broadcast
  // dimensions get stride 0.
  auto aligned = [&](const spec::Shape &s) {
    std::vector<int64_t> strides(rank, 0), own = stridesOf(s);
    for (size_t d = 0; d < s.size(); ++d)
      if (s[d] != 1)
        strides[rank - s.size() + d] = own[d];
    return strides;
  };
  std::vector<int64_t> sa = aligned(a), sb = aligned(b);
  std::vector<int64_t> index(rank, 0);
  size_t n = static_cast<size_t>(spec::elementCount(out));
  for (size_t k = 0; k < n; ++k) {
    size_t ia = 0, ib = 0;
    for (size_t d = 0; d < rank; ++d) {
      ia += index[d] * sa[d];
      ib += index[d] * sb[d];
    }
    body(k, ia, ib);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out[d])
        break;
      index[d] = 0;
    }
  }
}

void forEachIndex(const spec::Shape &shape,
                  const std::function<void(const std::vector<int64_t> &,
                                           size_t)> &body) {
  size_t rank = shape.size();
  size_t n = static_cast<size_t>(spec::elementCount(shape));
  std::vector<int64_t> index(rank, 0);
  for (size_t k = 0; k < n; ++k) {
    body(index, k);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

size_t offsetOf(const std::vector<int64_t> &index, const spec::Shape &shape) {
  size_t offset = 0;
  for (size_t d = 0; d < shape.size(); ++d)
    offset = offset * shape[d] + index[d];
  return offset;
}

size_t broadcastOffset(const std::vector<int64_t> &index,
                       const spec::Shape &shape) {
  size_t skip = index.size() - shape.size();
  size_t offset = 0;
  for (size_t d = 0; d < shape.size(); ++d)
    offset = offset * shape[d] + (shape[d] == 1 ? 0 : index[skip + d]);
  return offset;
}

spec::Shape shapeOf(mlir::Value value) {
  auto type = mlir::cast<mlir::RankedTensorType>(value.getType());
  return spec::Shape(type.getShape().begin(), type.getShape().end());
}

spec::OperandDescriptor descriptorOf(mlir::Value value) {
  return *mlir::webnn::getDescriptor(value.getType());
}

} // namespace webnnc::reference
