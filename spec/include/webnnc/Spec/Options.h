// SPDX-License-Identifier: Apache-2.0
// The spec's option dictionaries (MLConv2dOptions, ...), declared once.
// Dictionaries with operand members are templates over the operand type:
// the frontend instantiates them with its Operand handle, validation with
// OperandDescriptor. Fields mirror the spec's members in C++ naming. For
// list members where "not given" and "empty" mean the same (an empty list
// is invalid anyway) an empty vector means "not given"; where they differ
// (reduction axes, ...) the member is a std::optional.
#ifndef WEBNNC_SPEC_OPTIONS_H_
#define WEBNNC_SPEC_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "webnnc/Spec/Operand.h"

namespace webnnc::spec {

enum class InputOperandLayout { Nchw, Nhwc };
enum class Conv2dFilterOperandLayout { Oihw, Hwio, Ohwi, Ihwo };
enum class ConvTranspose2dFilterOperandLayout { Iohw, Hwoi, Ohwi };
enum class RoundingType { Floor, Ceil };
enum class InterpolationMode { NearestNeighbor, Linear };
enum class PaddingMode { Constant, Edge, Reflection };
enum class RecurrentNetworkDirection { Forward, Backward, Both };
enum class RecurrentNetworkActivation { Relu, Sigmoid, Tanh };
enum class GruWeightLayout { Zrn, Rzn };
enum class LstmWeightLayout { Iofg, Ifgo };

// MLOperatorOptions: every options dictionary ends with |label|.
struct OperatorOptions {
  std::string label;
};

// MLConv2dOptions.
template <typename OperandT> struct Conv2dOptionsT {
  std::vector<int64_t> padding;   // [beginH, endH, beginW, endW], default 0s
  std::vector<int64_t> strides;   // [h, w], default [1, 1]
  std::vector<int64_t> dilations; // [h, w], default [1, 1]
  int64_t groups = 1;
  InputOperandLayout inputLayout = InputOperandLayout::Nchw;
  Conv2dFilterOperandLayout filterLayout = Conv2dFilterOperandLayout::Oihw;
  std::optional<OperandT> bias;
  std::string label;
};

// MLConvTranspose2dOptions.
template <typename OperandT> struct ConvTranspose2dOptionsT {
  std::vector<int64_t> padding;
  std::vector<int64_t> strides;
  std::vector<int64_t> dilations;
  std::vector<int64_t> outputPadding; // [h, w], default [0, 0]
  std::vector<int64_t> outputSizes;   // [h, w], overrides outputPadding
  int64_t groups = 1;
  InputOperandLayout inputLayout = InputOperandLayout::Nchw;
  ConvTranspose2dFilterOperandLayout filterLayout =
      ConvTranspose2dFilterOperandLayout::Iohw;
  std::optional<OperandT> bias;
  std::string label;
};

// MLPool2dOptions.
struct Pool2dOptions {
  std::vector<int64_t> windowDimensions; // [h, w], default: the input's
  std::vector<int64_t> padding;          // [beginH, endH, beginW, endW]
  std::vector<int64_t> strides;
  std::vector<int64_t> dilations;
  InputOperandLayout layout = InputOperandLayout::Nchw;
  // The spec's outputShapeRounding (renamed from roundingType in 2024).
  RoundingType outputShapeRounding = RoundingType::Floor;
  std::vector<int64_t> outputSizes; // [h, w], overrides outputShapeRounding
  std::string label;
};

// MLResample2dOptions.
struct Resample2dOptions {
  InterpolationMode mode = InterpolationMode::NearestNeighbor;
  std::vector<double> scales;  // [h, w] along |axes|, default [1, 1]
  std::vector<int64_t> sizes;  // [h, w], overrides scales
  std::vector<int64_t> axes;   // default [2, 3]
  std::string label;
};

// MLClampOptions. Absent bounds do not clamp.
struct ClampOptions {
  std::optional<double> minValue;
  std::optional<double> maxValue;
  std::string label;
};

// MLEluOptions, MLLeakyReluOptions: one coefficient.
struct EluOptions {
  double alpha = 1.0;
  std::string label;
};
struct LeakyReluOptions {
  double alpha = 0.01;
  std::string label;
};
// MLHardSigmoidOptions, MLLinearOptions: alpha * x + beta (hardSigmoid then
// clamps to [0, 1]).
struct HardSigmoidOptions {
  double alpha = 0.2;
  double beta = 0.5;
  std::string label;
};
struct LinearOptions {
  double alpha = 1.0;
  double beta = 0.0;
  std::string label;
};

// MLGemmOptions.
template <typename OperandT> struct GemmOptionsT {
  std::optional<OperandT> c;
  double alpha = 1.0;
  double beta = 1.0;
  bool aTranspose = false;
  bool bTranspose = false;
  std::string label;
};

// MLBatchNormalizationOptions.
template <typename OperandT> struct BatchNormalizationOptionsT {
  std::optional<OperandT> scale;
  std::optional<OperandT> bias;
  int64_t axis = 1;
  double epsilon = 1e-5;
  std::string label;
};

// MLInstanceNormalizationOptions.
template <typename OperandT> struct InstanceNormalizationOptionsT {
  std::optional<OperandT> scale;
  std::optional<OperandT> bias;
  double epsilon = 1e-5;
  InputOperandLayout layout = InputOperandLayout::Nchw;
  std::string label;
};

// MLLayerNormalizationOptions.
template <typename OperandT> struct LayerNormalizationOptionsT {
  std::optional<OperandT> scale;
  std::optional<OperandT> bias;
  std::optional<std::vector<int64_t>> axes; // default: [1, rank)
  double epsilon = 1e-5;
  std::string label;
};

// MLReduceOptions. Absent axes reduce every dimension; empty axes none.
struct ReduceOptions {
  std::optional<std::vector<int64_t>> axes;
  bool keepDimensions = false;
  std::string label;
};

// MLArgMinMaxOptions.
struct ArgMinMaxOptions {
  bool keepDimensions = false;
  DataType outputDataType = DataType::Int32; // int32 or int64
  std::string label;
};

// MLCumulativeSumOptions.
struct CumulativeSumOptions {
  bool exclusive = false;
  bool reversed = false;
  std::string label;
};

// MLTransposeOptions.
struct TransposeOptions {
  std::vector<int64_t> permutation; // default: reversed axes
  std::string label;
};

// MLPadOptions.
struct PadOptions {
  PaddingMode mode = PaddingMode::Constant;
  double value = 0; // cast to the input's data type
  std::string label;
};

// MLReverseOptions. Absent axes reverse every dimension; empty axes none.
struct ReverseOptions {
  std::optional<std::vector<int64_t>> axes;
  std::string label;
};

// MLSliceOptions.
struct SliceOptions {
  std::vector<int64_t> strides; // default: 1s
  std::string label;
};

// MLSplitOptions.
struct SplitOptions {
  int64_t axis = 0;
  std::string label;
};

// MLTriangularOptions.
struct TriangularOptions {
  bool upper = true;
  int64_t diagonal = 0;
  std::string label;
};

// MLGatherOptions and MLScatterOptions: the axis indices address.
struct GatherOptions {
  int64_t axis = 0;
  std::string label;
};
using ScatterOptions = GatherOptions;

// MLGruCellOptions.
template <typename OperandT> struct GruCellOptionsT {
  std::optional<OperandT> bias;
  std::optional<OperandT> recurrentBias;
  bool resetAfter = true;
  GruWeightLayout layout = GruWeightLayout::Zrn;
  // [gate, candidate], default [sigmoid, tanh]
  std::vector<RecurrentNetworkActivation> activations;
  std::string label;
};

// MLGruOptions.
template <typename OperandT> struct GruOptionsT {
  std::optional<OperandT> bias;
  std::optional<OperandT> recurrentBias;
  std::optional<OperandT> initialHiddenState;
  bool resetAfter = true;
  bool returnSequence = false;
  RecurrentNetworkDirection direction = RecurrentNetworkDirection::Forward;
  GruWeightLayout layout = GruWeightLayout::Zrn;
  std::vector<RecurrentNetworkActivation> activations;
  std::string label;
};

// MLLstmCellOptions.
template <typename OperandT> struct LstmCellOptionsT {
  std::optional<OperandT> bias;
  std::optional<OperandT> recurrentBias;
  std::optional<OperandT> peepholeWeight;
  LstmWeightLayout layout = LstmWeightLayout::Iofg;
  // [gates, cell, output], default [sigmoid, tanh, tanh]
  std::vector<RecurrentNetworkActivation> activations;
  std::string label;
};

// MLLstmOptions.
template <typename OperandT> struct LstmOptionsT {
  std::optional<OperandT> bias;
  std::optional<OperandT> recurrentBias;
  std::optional<OperandT> peepholeWeight;
  std::optional<OperandT> initialHiddenState;
  std::optional<OperandT> initialCellState;
  bool returnSequence = false;
  RecurrentNetworkDirection direction = RecurrentNetworkDirection::Forward;
  LstmWeightLayout layout = LstmWeightLayout::Iofg;
  std::vector<RecurrentNetworkActivation> activations;
  std::string label;
};

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_OPTIONS_H_
