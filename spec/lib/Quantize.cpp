// SPDX-License-Identifier: Apache-2.0
// quantizeLinear and dequantizeLinear.
#include "Common.h"
#include "webnnc/Spec/Broadcast.h"
#include "webnnc/Spec/QuantizeOps.h"

namespace webnnc::spec {
using namespace detail;

namespace {

constexpr DataTypeSet kQuantizedTypes = {
    DataType::Uint8, DataType::Int8,  DataType::Uint32,
    DataType::Int32, DataType::Uint4, DataType::Int4};

// scale and zeroPoint: same shape, of the input's rank or lower, aligned
// to the input's trailing dimensions (missing leading ones count as 1),
// each dimension dividing the input's: unidirectional broadcasting, and
// blockwise (each scale element covering a block of the input).
std::optional<Error> checkScaleAndZeroPoint(const OperandDescriptor &input,
                                            const OperandDescriptor &scale,
                                            const OperandDescriptor &zeroPoint) {
  if (scale.rank() > input.rank())
    return makeError("scale", "rank " + std::to_string(scale.rank()) +
                                  " must be at most the input's (" +
                                  std::to_string(input.rank()) + ")");
  WEBNNC_SPEC_CHECK(checkShape(zeroPoint, "zeroPoint", scale.shape));
  Shape aligned(input.rank() - scale.rank(), 1);
  aligned.insert(aligned.end(), scale.shape.begin(), scale.shape.end());
  // Along an open input dimension the scale is one value (blocks of a
  // size known only at compute are not supported).
  Shape sized = input.shape;
  for (size_t d = 0; d < sized.size(); ++d) {
    if (!isOpen(sized[d]))
      continue;
    if (aligned[d] != 1)
      return makeError("scale", "dimension " +
                                    std::to_string(d - (input.rank() -
                                                        scale.rank())) +
                                    " must be 1 where the input's dimension " +
                                    std::to_string(d) + " is open");
    sized[d] = 1;
  }
  if (!isBlockwiseBroadcastable(aligned, sized))
    return makeError("scale", "shape " + toString(scale.shape) +
                                  " must divide the input's shape " +
                                  toString(input.shape) +
                                  " dimension by dimension (blockwise), "
                                  "aligned to its trailing dimensions");
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
