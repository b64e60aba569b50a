// SPDX-License-Identifier: Apache-2.0
// Reductions, argMin/argMax, cumulativeSum and softmax.
#include "Common.h"
#include "webnnc/Spec/ReductionOps.h"

namespace webnnc::spec {
using namespace detail;

std::string_view toString(ReduceKind kind) {
  switch (kind) {
  case ReduceKind::L1: return "reduceL1";
  case ReduceKind::L2: return "reduceL2";
  case ReduceKind::LogSum: return "reduceLogSum";
  case ReduceKind::LogSumExp: return "reduceLogSumExp";
  case ReduceKind::Max: return "reduceMax";
  case ReduceKind::Mean: return "reduceMean";
  case ReduceKind::Min: return "reduceMin";
  case ReduceKind::Product: return "reduceProduct";
  case ReduceKind::Sum: return "reduceSum";
  case ReduceKind::SumSquare: return "reduceSumSquare";
  }
  return "?";
}

DataTypeSet allowedDataTypes(ReduceKind kind) {
  switch (kind) {
  case ReduceKind::L1:
  case ReduceKind::Product:
  case ReduceKind::Sum:
  case ReduceKind::SumSquare:
    return {DataType::Float32, DataType::Float16, DataType::Int32,
            DataType::Uint32};
  case ReduceKind::Max:
  case ReduceKind::Min:
    return DataTypeSet::all();
  default:
    return kFloatTypes;
  }
}

std::vector<int64_t> resolveReduceAxes(const OperandDescriptor &input,
                                       const ReduceOptions &options) {
  if (options.axes)
    return *options.axes;
  std::vector<int64_t> all(input.rank());
  for (size_t d = 0; d < all.size(); ++d)
    all[d] = int64_t(d);
  return all;
}

namespace {

// The shape left after reducing |axes| of |shape|.
Shape reducedShape(const Shape &shape, const std::vector<int64_t> &axes,
                   bool keepDimensions) {
  std::vector<bool> reduced(shape.size(), false);
  for (int64_t axis : axes)
    reduced[axis] = true;
  Shape out;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (!reduced[d])
      out.push_back(shape[d]);
    else if (keepDimensions)
      out.push_back(1);
  }
  return out;
}

} // namespace

Expected<OperandDescriptor> reduce(ReduceKind kind,
                                   const OperandDescriptor &input,
                                   const ReduceOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", allowedDataTypes(kind)));
  std::vector<int64_t> axes = resolveReduceAxes(input, options);
  WEBNNC_SPEC_CHECK(checkAxes(axes, input.rank()));
  return OperandDescriptor{
      input.dataType, reducedShape(input.shape, axes, options.keepDimensions)};
}

Expected<OperandDescriptor> argMinMax(const OperandDescriptor &input,
                                      int64_t axis,
                                      const ArgMinMaxOptions &options) {
  WEBNNC_SPEC_CHECK(checkAxis(axis, input.rank()));
  DataType type = options.outputDataType;
  if (type != DataType::Int32 && type != DataType::Int64)
    return makeError("outputDataType",
                     "must be int32 or int64, got " +
                         std::string(toString(type)));
  if (type == DataType::Int32 && input.shape[axis] > INT32_MAX)
    return makeError("input", "dimension " + std::to_string(axis) +
                                  " is too large for int32 indices");
  return OperandDescriptor{
      type, reducedShape(input.shape, {axis}, options.keepDimensions)};
}

Expected<OperandDescriptor> cumulativeSum(const OperandDescriptor &input,
                                          int64_t axis) {
  // No int8/uint8 since the 2025 spec (webnn #912): sums overflow them.
  WEBNNC_SPEC_CHECK(checkDataType(
      input, "input",
      {DataType::Float32, DataType::Float16, DataType::Int32, DataType::Uint32,
       DataType::Int64, DataType::Uint64}));
  WEBNNC_SPEC_CHECK(checkAxis(axis, input.rank()));
  return input;
}

Expected<OperandDescriptor> softmax(const OperandDescriptor &input,
                                    int64_t axis) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkAxis(axis, input.rank()));
  return input;
}

} // namespace webnnc::spec
