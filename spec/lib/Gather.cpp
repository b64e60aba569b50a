// SPDX-License-Identifier: Apache-2.0
// gather, gatherElements, gatherND, scatterElements and scatterND.
#include "Common.h"
#include "webnnc/Spec/GatherOps.h"

namespace webnnc::spec {
using namespace detail;

const DataTypeSet kIndexTypes = {DataType::Int32, DataType::Uint32,
                                 DataType::Int64};

namespace {

// indices must be |input|-shaped except along |axis|. An open dimension
// on either side is compared at compute, when its size is known.
std::optional<Error> checkElementsIndices(const OperandDescriptor &input,
                                          const OperandDescriptor &indices,
                                          int64_t axis) {
  WEBNNC_SPEC_CHECK(checkRank(indices, "indices", input.rank()));
  for (size_t d = 0; d < input.rank(); ++d)
    if (int64_t(d) != axis && !isOpen(indices.shape[d]) &&
        !isOpen(input.shape[d]) && indices.shape[d] != input.shape[d])
      return makeError("indices",
                       "shape " + toString(indices.shape) +
                           " must match the input's " + toString(input.shape) +
                           " except along the axis");
  return std::nullopt;
}

// gatherND's and scatterND's result shape:
// indices.shape[:-1] + input.shape[indices.shape[-1]:].
Expected<Shape> ndShape(const OperandDescriptor &input,
                        const OperandDescriptor &indices) {
  WEBNNC_SPEC_CHECK(checkMinRank(input, "input", 1));
  WEBNNC_SPEC_CHECK(checkMinRank(indices, "indices", 1));
  WEBNNC_SPEC_CHECK(checkDataType(indices, "indices", kIndexTypes));
  int64_t k = indices.shape.back();
  if (isOpen(k))
    return makeOpenDimsError("indices",
                             "the last dimension must not be open (it "
                             "is the length of each index tuple)");
  if (k > int64_t(input.rank()))
    return makeError("indices",
                     "last dimension (" + std::to_string(k) +
                         ") must not exceed the input's rank (" +
                         std::to_string(input.rank()) + ")");
  Shape out(indices.shape.begin(), indices.shape.end() - 1);
  out.insert(out.end(), input.shape.begin() + k, input.shape.end());
  return out;
}

} // namespace

Expected<OperandDescriptor> gather(const OperandDescriptor &input,
                                   const OperandDescriptor &indices,
                                   const GatherOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(indices, "indices", kIndexTypes));
  WEBNNC_SPEC_CHECK(checkAxis(options.axis, input.rank()));
  Shape out(input.shape.begin(), input.shape.begin() + options.axis);
  out.insert(out.end(), indices.shape.begin(), indices.shape.end());
  out.insert(out.end(), input.shape.begin() + options.axis + 1,
             input.shape.end());
  OperandDescriptor desc{input.dataType, out};
  WEBNNC_SPEC_CHECK(checkOutput(desc));
  return desc;
}

Expected<OperandDescriptor> gatherElements(const OperandDescriptor &input,
                                           const OperandDescriptor &indices,
                                           const GatherOptions &options) {
  WEBNNC_SPEC_CHECK(checkMinRank(input, "input", 1));
  WEBNNC_SPEC_CHECK(checkDataType(indices, "indices", kIndexTypes));
  WEBNNC_SPEC_CHECK(checkAxis(options.axis, input.rank()));
  WEBNNC_SPEC_CHECK(checkElementsIndices(input, indices, options.axis));
  return OperandDescriptor{input.dataType, indices.shape};
}

Expected<OperandDescriptor> gatherND(const OperandDescriptor &input,
                                     const OperandDescriptor &indices) {
  Expected<Shape> shape = ndShape(input, indices);
  if (!shape)
    return shape.error();
  OperandDescriptor desc{input.dataType, *shape};
  WEBNNC_SPEC_CHECK(checkOutput(desc));
  return desc;
}

Expected<OperandDescriptor> scatterElements(const OperandDescriptor &input,
                                            const OperandDescriptor &indices,
                                            const OperandDescriptor &updates,
                                            const ScatterOptions &options) {
  WEBNNC_SPEC_CHECK(checkMinRank(input, "input", 1));
  WEBNNC_SPEC_CHECK(checkDataType(indices, "indices", kIndexTypes));
  WEBNNC_SPEC_CHECK(checkSameType(updates, "updates", input, "input"));
  WEBNNC_SPEC_CHECK(checkAxis(options.axis, input.rank()));
  WEBNNC_SPEC_CHECK(checkElementsIndices(input, indices, options.axis));
  WEBNNC_SPEC_CHECK(checkShapeAgrees(updates, "updates", indices.shape));
  return input;
}

Expected<OperandDescriptor> scatterND(const OperandDescriptor &input,
                                      const OperandDescriptor &indices,
                                      const OperandDescriptor &updates) {
  WEBNNC_SPEC_CHECK(checkSameType(updates, "updates", input, "input"));
  Expected<Shape> shape = ndShape(input, indices);
  if (!shape)
    return shape.error();
  WEBNNC_SPEC_CHECK(checkShapeAgrees(updates, "updates", *shape));
  return input;
}

} // namespace webnnc::spec
