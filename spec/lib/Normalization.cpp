// SPDX-License-Identifier: Apache-2.0
// batchNormalization, instanceNormalization and layerNormalization.
#include <cmath>

#include "Common.h"
#include "webnnc/Spec/NormalizationOps.h"

namespace webnnc::spec {
using namespace detail;

namespace {

std::optional<Error> checkEpsilon(double epsilon) {
  if (std::isfinite(epsilon))
    return std::nullopt;
  return makeError("epsilon", "must be finite");
}

// A per-channel operand: same type as the input, shape |shape|.
std::optional<Error> checkParameter(const OperandDescriptor &param,
                                    std::string_view name,
                                    const OperandDescriptor &input,
                                    const Shape &shape) {
  WEBNNC_SPEC_CHECK(checkSameType(param, name, input, "input"));
  return checkShape(param, name, shape);
}

// The optional scale and bias, and epsilon, every normalization has.
template <typename Options>
std::optional<Error> checkScaleBiasEpsilon(const Options &options,
                                           const OperandDescriptor &input,
                                           const Shape &shape) {
  if (options.scale)
    WEBNNC_SPEC_CHECK(checkParameter(*options.scale, "scale", input, shape));
  if (options.bias)
    WEBNNC_SPEC_CHECK(checkParameter(*options.bias, "bias", input, shape));
  return checkEpsilon(options.epsilon);
}

} // namespace

Expected<OperandDescriptor>
batchNormalization(const OperandDescriptor &input,
                   const OperandDescriptor &mean,
                   const OperandDescriptor &variance,
                   const BatchNormalizationOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkAxis(options.axis, input.rank()));
  Shape channels{input.shape[options.axis]};
  WEBNNC_SPEC_CHECK(checkParameter(mean, "mean", input, channels));
  WEBNNC_SPEC_CHECK(checkParameter(variance, "variance", input, channels));
  WEBNNC_SPEC_CHECK(checkScaleBiasEpsilon(options, input, channels));
  return input;
}

Expected<OperandDescriptor>
instanceNormalization(const OperandDescriptor &input,
                      const InstanceNormalizationOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 4));
  int64_t axis = options.layout == InputOperandLayout::Nchw ? 1 : 3;
  WEBNNC_SPEC_CHECK(
      checkScaleBiasEpsilon(options, input, {input.shape[axis]}));
  return input;
}

std::vector<int64_t> resolveLayerNormalizationAxes(
    const OperandDescriptor &input,
    const std::optional<std::vector<int64_t>> &axes) {
  if (axes)
    return *axes;
  std::vector<int64_t> all;
  for (int64_t d = 1; d < int64_t(input.rank()); ++d)
    all.push_back(d);
  return all;
}

Expected<OperandDescriptor>
layerNormalization(const OperandDescriptor &input,
                   const LayerNormalizationOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  std::vector<int64_t> axes =
      resolveLayerNormalizationAxes(input, options.axes);
  WEBNNC_SPEC_CHECK(checkAxes(axes, input.rank()));
  Shape normalized;
  for (int64_t axis : axes)
    normalized.push_back(input.shape[axis]);
  WEBNNC_SPEC_CHECK(checkScaleBiasEpsilon(options, input, normalized));
  return input;
}

} // namespace webnnc::spec
