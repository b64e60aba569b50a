// SPDX-License-Identifier: Apache-2.0
// quantizeLinear and dequantizeLinear.
#include "Common.h"
#include "webnnc/Spec/Broadcast.h"
#include "webnnc/Spec/QuantizeOps.h"

namespace webnnc::spec {
using namespace detail;

namespace {

constexpr DataTypeSet kQuantizedTypes = {DataType::Uint8, DataType::Int8,
                                         DataType::Uint32, DataType::Int32};

// scale and zeroPoint: same shape, blockwise broadcastable to the input.
std::optional<Error> checkScaleAndZeroPoint(const OperandDescriptor &input,
                                            const OperandDescriptor &scale,
                                            const OperandDescriptor &zeroPoint) {
  WEBNNC_SPEC_CHECK(checkRank(scale, "scale", input.rank()));
  WEBNNC_SPEC_CHECK(checkShape(zeroPoint, "zeroPoint", scale.shape));
  if (!isBlockwiseBroadcastable(scale.shape, input.shape))
    return makeError("scale", "shape " + toString(scale.shape) +
                                  " must divide the input's shape " +
                                  toString(input.shape) +
                                  " dimension by dimension (blockwise)");
  return std::nullopt;
}

} // namespace

Expected<OperandDescriptor> quantizeLinear(const OperandDescriptor &input,
                                           const OperandDescriptor &scale,
                                           const OperandDescriptor &zeroPoint) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkSameType(scale, "scale", input, "input"));
  WEBNNC_SPEC_CHECK(checkDataType(zeroPoint, "zeroPoint", kQuantizedTypes));
  WEBNNC_SPEC_CHECK(checkScaleAndZeroPoint(input, scale, zeroPoint));
  return OperandDescriptor{zeroPoint.dataType, input.shape};
}

Expected<OperandDescriptor>
dequantizeLinear(const OperandDescriptor &input,
                 const OperandDescriptor &scale,
                 const OperandDescriptor &zeroPoint) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kQuantizedTypes));
  WEBNNC_SPEC_CHECK(checkDataType(scale, "scale", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkSameType(zeroPoint, "zeroPoint", input, "input"));
  WEBNNC_SPEC_CHECK(checkScaleAndZeroPoint(input, scale, zeroPoint));
  return OperandDescriptor{scale.dataType, input.shape};
}

} // namespace webnnc::spec
