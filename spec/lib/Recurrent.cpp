// SPDX-License-Identifier: Apache-2.0
// gru, gruCell, lstm and lstmCell.
#include "Common.h"
#include "webnnc/Spec/RecurrentOps.h"

namespace webnnc::spec {
using namespace detail;

using Activations = std::vector<RecurrentNetworkActivation>;

Activations resolveGruActivations(const Activations &given) {
  if (!given.empty())
    return given;
  return {RecurrentNetworkActivation::Sigmoid, RecurrentNetworkActivation::Tanh};
}

Activations resolveLstmActivations(const Activations &given) {
  if (!given.empty())
    return given;
  return {RecurrentNetworkActivation::Sigmoid, RecurrentNetworkActivation::Tanh,
          RecurrentNetworkActivation::Tanh};
}

namespace {

// The checks every recurrent op shares, for |gates| gates of |hiddenSize|
// (3 for gru, 4 for lstm). |directions| is 0 for the cells, whose weights
// have no direction dimension.
struct RecurrentCheck {
  const OperandDescriptor &input;
  int64_t hiddenSize;
  int64_t gates;
  int64_t directions; // 0: a cell

  // [directions,] rest...
  Shape shape(std::initializer_list<int64_t> rest) const {
    Shape s(rest);
    if (directions)
      s.insert(s.begin(), directions);
    return s;
  }

  std::optional<Error> operand(const OperandDescriptor &desc,
                               std::string_view name,
                               std::initializer_list<int64_t> rest) const {
    WEBNNC_SPEC_CHECK(checkSameType(desc, name, input, "input"));
    return checkShape(desc, name, shape(rest));
  }

  std::optional<Error> common(int64_t inputSize,
                              const OperandDescriptor &weight,
                              const OperandDescriptor &recurrentWeight,
                              size_t activations,
                              size_t expectedActivations) const {
    WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
    // The spec requires hiddenSize * (2 * gates) to be a valid dimension.
    if (hiddenSize <= 0 || hiddenSize * 2 * gates > kMaxDimension)
      return makeError("hiddenSize", "must be greater than 0 and small enough "
                                     "that the gate weights are valid");
    WEBNNC_SPEC_CHECK(
        operand(weight, "weight", {gates * hiddenSize, inputSize}));
    WEBNNC_SPEC_CHECK(operand(recurrentWeight, "recurrentWeight",
                              {gates * hiddenSize, hiddenSize}));
    if (activations != 0 && activations != expectedActivations)
      return makeError("activations",
                       "must have " + std::to_string(expectedActivations) +
                           " values, got " + std::to_string(activations));
    return std::nullopt;
  }

  template <typename Options>
  std::optional<Error> biases(const Options &options) const {
    if (options.bias)
      WEBNNC_SPEC_CHECK(operand(*options.bias, "bias", {gates * hiddenSize}));
    if (options.recurrentBias)
      WEBNNC_SPEC_CHECK(operand(*options.recurrentBias, "recurrentBias",
                                {gates * hiddenSize}));
    return std::nullopt;
  }
};

int64_t directionCount(RecurrentNetworkDirection direction) {
  return direction == RecurrentNetworkDirection::Both ? 2 : 1;
}

// With an open sequence length (webnnc's extension) steps is 0: the steps
// are the input's length at compute.
std::optional<Error> checkSequenceInput(const OperandDescriptor &input,
                                        int64_t steps) {
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 3));
  if (isOpen(input.shape[0])) {
    if (steps != 0)
      return makeError("steps", "must be 0 when the input's sequence length "
                                "(dimension 0) is open: the steps are its "
                                "length at compute");
    return std::nullopt;
  }
  if (steps <= 0)
    return makeError("steps", "must be greater than 0");
  if (input.shape[0] != steps)
    return makeError("steps", std::to_string(steps) +
                                  " must equal the input's first dimension " +
                                  std::to_string(input.shape[0]));
  return std::nullopt;
}

} // namespace

Expected<std::vector<OperandDescriptor>>
gru(const OperandDescriptor &input, const OperandDescriptor &weight,
    const OperandDescriptor &recurrentWeight, int64_t steps,
    int64_t hiddenSize, const GruOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkSequenceInput(input, steps));
  int64_t batch = input.shape[1], inputSize = input.shape[2];
  int64_t dirs = directionCount(options.direction);
  RecurrentCheck check{input, hiddenSize, 3, dirs};
  WEBNNC_SPEC_CHECK(check.common(inputSize, weight, recurrentWeight,
                                 options.activations.size(), 2));
  WEBNNC_SPEC_CHECK(check.biases(options));
  if (options.initialHiddenState)
    WEBNNC_SPEC_CHECK(check.operand(*options.initialHiddenState,
                                    "initialHiddenState", {batch, hiddenSize}));
  std::vector<OperandDescriptor> out{
      {input.dataType, {dirs, batch, hiddenSize}}};
  if (options.returnSequence)
    out.push_back({input.dataType, {input.shape[0], dirs, batch, hiddenSize}});
  return out;
}

Expected<OperandDescriptor>
gruCell(const OperandDescriptor &input, const OperandDescriptor &weight,
        const OperandDescriptor &recurrentWeight,
        const OperandDescriptor &hiddenState, int64_t hiddenSize,
        const GruCellOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 2));
  int64_t batch = input.shape[0], inputSize = input.shape[1];
  RecurrentCheck check{input, hiddenSize, 3, 0};
  WEBNNC_SPEC_CHECK(check.common(inputSize, weight, recurrentWeight,
                                 options.activations.size(), 2));
  WEBNNC_SPEC_CHECK(
      check.operand(hiddenState, "hiddenState", {batch, hiddenSize}));
  WEBNNC_SPEC_CHECK(check.biases(options));
  return OperandDescriptor{input.dataType, {batch, hiddenSize}};
}

Expected<std::vector<OperandDescriptor>>
lstm(const OperandDescriptor &input, const OperandDescriptor &weight,
     const OperandDescriptor &recurrentWeight, int64_t steps,
     int64_t hiddenSize, const LstmOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkSequenceInput(input, steps));
  int64_t batch = input.shape[1], inputSize = input.shape[2];
  int64_t dirs = directionCount(options.direction);
  RecurrentCheck check{input, hiddenSize, 4, dirs};
  WEBNNC_SPEC_CHECK(check.common(inputSize, weight, recurrentWeight,
                                 options.activations.size(), 3));
  WEBNNC_SPEC_CHECK(check.biases(options));
  if (options.peepholeWeight)
    WEBNNC_SPEC_CHECK(check.operand(*options.peepholeWeight, "peepholeWeight",
                                    {3 * hiddenSize}));
  if (options.initialHiddenState)
    WEBNNC_SPEC_CHECK(check.operand(*options.initialHiddenState,
                                    "initialHiddenState", {batch, hiddenSize}));
  if (options.initialCellState)
    WEBNNC_SPEC_CHECK(check.operand(*options.initialCellState,
                                    "initialCellState", {batch, hiddenSize}));
  OperandDescriptor state{input.dataType, {dirs, batch, hiddenSize}};
  std::vector<OperandDescriptor> out{state, state};
  if (options.returnSequence)
    out.push_back({input.dataType, {input.shape[0], dirs, batch, hiddenSize}});
  return out;
}

Expected<std::vector<OperandDescriptor>>
lstmCell(const OperandDescriptor &input, const OperandDescriptor &weight,
         const OperandDescriptor &recurrentWeight,
         const OperandDescriptor &hiddenState,
         const OperandDescriptor &cellState, int64_t hiddenSize,
         const LstmCellOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 2));
  int64_t batch = input.shape[0], inputSize = input.shape[1];
  RecurrentCheck check{input, hiddenSize, 4, 0};
  WEBNNC_SPEC_CHECK(check.common(inputSize, weight, recurrentWeight,
                                 options.activations.size(), 3));
  WEBNNC_SPEC_CHECK(
      check.operand(hiddenState, "hiddenState", {batch, hiddenSize}));
  WEBNNC_SPEC_CHECK(check.operand(cellState, "cellState", {batch, hiddenSize}));
  WEBNNC_SPEC_CHECK(check.biases(options));
  if (options.peepholeWeight)
    WEBNNC_SPEC_CHECK(check.operand(*options.peepholeWeight, "peepholeWeight",
                                    {3 * hiddenSize}));
  OperandDescriptor state{input.dataType, {batch, hiddenSize}};
  return std::vector<OperandDescriptor>{state, state};
}

} // namespace webnnc::spec
