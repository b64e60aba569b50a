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

// Each enum's IDL strings, in case order (how WPT and the docs spell them).
template <typename Enum> struct EnumNames;
#define WEBNNC_ENUM_NAMES(Enum, ...)                                           \
  template <> struct EnumNames<Enum> {                                         \
    static constexpr const char *names[] = {__VA_ARGS__};                      \
  };
WEBNNC_ENUM_NAMES(InputOperandLayout, "nchw", "nhwc")
WEBNNC_ENUM_NAMES(Conv2dFilterOperandLayout, "oihw", "hwio", "ohwi", "ihwo")
WEBNNC_ENUM_NAMES(ConvTranspose2dFilterOperandLayout, "iohw", "hwoi", "ohwi")
WEBNNC_ENUM_NAMES(RoundingType, "floor", "ceil")
WEBNNC_ENUM_NAMES(InterpolationMode, "nearest-neighbor", "linear")
WEBNNC_ENUM_NAMES(PaddingMode, "constant", "edge", "reflection")
WEBNNC_ENUM_NAMES(RecurrentNetworkDirection, "forward", "backward", "both")
WEBNNC_ENUM_NAMES(RecurrentNetworkActivation, "relu", "sigmoid", "tanh")
WEBNNC_ENUM_NAMES(GruWeightLayout, "zrn", "rzn")
WEBNNC_ENUM_NAMES(LstmWeightLayout, "iofg", "ifgo")
#undef WEBNNC_ENUM_NAMES

// |name| as a case of Enum, if it names one.
template <typename Enum> std::optional<Enum> parseEnum(const std::string &name) {
  int i = 0;
  for (const char *candidate : EnumNames<Enum>::names) {
    if (name == candidate)
      return static_cast<Enum>(i);
    ++i;
  }
  return std::nullopt;
}

// MLOperatorOptions: every options dictionary ends with |label|.
struct OperatorOptions {
  std::string label;
};

// Each dictionary below is one table; its rows declare the struct's
// members (type, name, default, in the spec's order) and, through
// OptionMembers<Options> (OptionMembers.h), every bridge to it: the
// dialect's attribute readers, the frontend's attribute writer, the
// Operand -> OperandDescriptor conversion and the WPT runner's reader.
//   VALUE(type, member, default, Accessor): a value member, held by an op
//     as the attribute the ODS accessor get<Accessor>Attr() returns
//     (attribute input_layout has accessor InputLayout).
//   OPERAND(member, Accessor): an optional operand member, the op's
//     operand get<Accessor>().
// Every dictionary also ends with MLOperatorOptions' |label|.
#define WEBNNC_OPTION_MEMBER(type, member, default, accessor)                  \
  type member = default;
#define WEBNNC_OPTION_OPERAND_MEMBER(member, accessor)                         \
  std::optional<OperandT> member;

// MLConv2dOptions. padding is [beginH, endH, beginW, endW] (default 0s);
// strides and dilations are [h, w] (default 1s).
#define WEBNNC_CONV2D_OPTIONS(VALUE, OPERAND)                                  \
  VALUE(std::vector<int64_t>, padding, {}, Padding)                            \
  VALUE(std::vector<int64_t>, strides, {}, Strides)                            \
  VALUE(std::vector<int64_t>, dilations, {}, Dilations)                        \
  VALUE(int64_t, groups, 1, Groups)                                            \
  VALUE(InputOperandLayout, inputLayout, InputOperandLayout::Nchw,             \
        InputLayout)                                                           \
  VALUE(Conv2dFilterOperandLayout, filterLayout,                               \
        Conv2dFilterOperandLayout::Oihw, FilterLayout)                         \
  OPERAND(bias, Bias)

// MLConvTranspose2dOptions. outputPadding is [h, w] (default 0s);
// outputSizes [h, w] overrides it.
#define WEBNNC_CONV_TRANSPOSE2D_OPTIONS(VALUE, OPERAND)                        \
  VALUE(std::vector<int64_t>, padding, {}, Padding)                            \
  VALUE(std::vector<int64_t>, strides, {}, Strides)                            \
  VALUE(std::vector<int64_t>, dilations, {}, Dilations)                        \
  VALUE(std::vector<int64_t>, outputPadding, {}, OutputPadding)                \
  VALUE(std::vector<int64_t>, outputSizes, {}, OutputSizes)                    \
  VALUE(int64_t, groups, 1, Groups)                                            \
  VALUE(InputOperandLayout, inputLayout, InputOperandLayout::Nchw,             \
        InputLayout)                                                           \
  VALUE(ConvTranspose2dFilterOperandLayout, filterLayout,                      \
        ConvTranspose2dFilterOperandLayout::Iohw, FilterLayout)                \
  OPERAND(bias, Bias)

// MLPool2dOptions. windowDimensions [h, w] defaults to the input's spatial
// size. outputShapeRounding is the spec's name since 2024 (was
// roundingType); outputSizes [h, w] overrides it.
#define WEBNNC_POOL2D_OPTIONS(VALUE, OPERAND)                                  \
  VALUE(std::vector<int64_t>, windowDimensions, {}, WindowDimensions)          \
  VALUE(std::vector<int64_t>, padding, {}, Padding)                            \
  VALUE(std::vector<int64_t>, strides, {}, Strides)                            \
  VALUE(std::vector<int64_t>, dilations, {}, Dilations)                        \
  VALUE(InputOperandLayout, layout, InputOperandLayout::Nchw, Layout)          \
  VALUE(RoundingType, outputShapeRounding, RoundingType::Floor,                \
        OutputShapeRounding)                                                   \
  VALUE(std::vector<int64_t>, outputSizes, {}, OutputSizes)

// MLResample2dOptions. scales [h, w] along |axes| default to 1s; sizes
// [h, w] override them; axes default to [2, 3].
#define WEBNNC_RESAMPLE2D_OPTIONS(VALUE, OPERAND)                              \
  VALUE(InterpolationMode, mode, InterpolationMode::NearestNeighbor, Mode)     \
  VALUE(std::vector<double>, scales, {}, Scales)                               \
  VALUE(std::vector<int64_t>, sizes, {}, Sizes)                                \
  VALUE(std::vector<int64_t>, axes, {}, Axes)

// MLClampOptions. Absent bounds do not clamp.
#define WEBNNC_CLAMP_OPTIONS(VALUE, OPERAND)                                   \
  VALUE(std::optional<double>, minValue, std::nullopt, MinValue)               \
  VALUE(std::optional<double>, maxValue, std::nullopt, MaxValue)

// MLEluOptions, MLLeakyReluOptions: one coefficient. MLHardSigmoidOptions,
// MLLinearOptions: alpha * x + beta (hardSigmoid then clamps to [0, 1]).
#define WEBNNC_ELU_OPTIONS(VALUE, OPERAND) VALUE(double, alpha, 1.0, Alpha)
#define WEBNNC_LEAKY_RELU_OPTIONS(VALUE, OPERAND)                              \
  VALUE(double, alpha, 0.01, Alpha)
#define WEBNNC_HARD_SIGMOID_OPTIONS(VALUE, OPERAND)                            \
  VALUE(double, alpha, 0.2, Alpha)                                             \
  VALUE(double, beta, 0.5, Beta)
#define WEBNNC_LINEAR_OPTIONS(VALUE, OPERAND)                                  \
  VALUE(double, alpha, 1.0, Alpha)                                             \
  VALUE(double, beta, 0.0, Beta)

// MLGemmOptions.
#define WEBNNC_GEMM_OPTIONS(VALUE, OPERAND)                                    \
  OPERAND(c, C)                                                                \
  VALUE(double, alpha, 1.0, Alpha)                                             \
  VALUE(double, beta, 1.0, Beta)                                               \
  VALUE(bool, aTranspose, false, ATranspose)                                   \
  VALUE(bool, bTranspose, false, BTranspose)

// MLBatchNormalizationOptions.
#define WEBNNC_BATCH_NORMALIZATION_OPTIONS(VALUE, OPERAND)                     \
  OPERAND(scale, Scale)                                                        \
  OPERAND(bias, Bias)                                                          \
  VALUE(int64_t, axis, 1, Axis)                                                \
  VALUE(double, epsilon, 1e-5, Epsilon)

// MLInstanceNormalizationOptions.
#define WEBNNC_INSTANCE_NORMALIZATION_OPTIONS(VALUE, OPERAND)                  \
  OPERAND(scale, Scale)                                                        \
  OPERAND(bias, Bias)                                                          \
  VALUE(double, epsilon, 1e-5, Epsilon)                                        \
  VALUE(InputOperandLayout, layout, InputOperandLayout::Nchw, Layout)

// MLLayerNormalizationOptions. Absent axes mean [1, rank).
#define WEBNNC_LAYER_NORMALIZATION_OPTIONS(VALUE, OPERAND)                     \
  OPERAND(scale, Scale)                                                        \
  OPERAND(bias, Bias)                                                          \
  VALUE(std::optional<std::vector<int64_t>>, axes, std::nullopt, Axes)         \
  VALUE(double, epsilon, 1e-5, Epsilon)

// MLReduceOptions. Absent axes reduce every dimension; empty axes none.
#define WEBNNC_REDUCE_OPTIONS(VALUE, OPERAND)                                  \
  VALUE(std::optional<std::vector<int64_t>>, axes, std::nullopt, Axes)         \
  VALUE(bool, keepDimensions, false, KeepDimensions)

// MLArgMinMaxOptions. outputDataType is int32 or int64.
#define WEBNNC_ARG_MIN_MAX_OPTIONS(VALUE, OPERAND)                             \
  VALUE(bool, keepDimensions, false, KeepDimensions)                           \
  VALUE(DataType, outputDataType, DataType::Int32, OutputDataType)

// MLCumulativeSumOptions.
#define WEBNNC_CUMULATIVE_SUM_OPTIONS(VALUE, OPERAND)                          \
  VALUE(bool, exclusive, false, Exclusive)                                     \
  VALUE(bool, reversed, false, Reversed)

// MLTransposeOptions. permutation defaults to the reversed axes.
#define WEBNNC_TRANSPOSE_OPTIONS(VALUE, OPERAND)                               \
  VALUE(std::vector<int64_t>, permutation, {}, Permutation)

// MLPadOptions. value is cast to the input's data type.
#define WEBNNC_PAD_OPTIONS(VALUE, OPERAND)                                     \
  VALUE(PaddingMode, mode, PaddingMode::Constant, Mode)                        \
  VALUE(double, value, 0.0, Value)

// MLReverseOptions. Absent axes reverse every dimension; empty axes none.
#define WEBNNC_REVERSE_OPTIONS(VALUE, OPERAND)                                 \
  VALUE(std::optional<std::vector<int64_t>>, axes, std::nullopt, Axes)

// MLSliceOptions. strides default to 1s.
#define WEBNNC_SLICE_OPTIONS(VALUE, OPERAND)                                   \
  VALUE(std::vector<int64_t>, strides, {}, Strides)

// MLSplitOptions; MLGatherOptions and MLScatterOptions (the axis indices
// address).
#define WEBNNC_AXIS_OPTIONS(VALUE, OPERAND) VALUE(int64_t, axis, 0, Axis)

// MLTriangularOptions.
#define WEBNNC_TRIANGULAR_OPTIONS(VALUE, OPERAND)                              \
  VALUE(bool, upper, true, Upper)                                              \
  VALUE(int64_t, diagonal, 0, Diagonal)

// MLGruCellOptions. activations are [gate, candidate], default
// [sigmoid, tanh].
#define WEBNNC_GRU_CELL_OPTIONS(VALUE, OPERAND)                                \
  OPERAND(bias, Bias)                                                          \
  OPERAND(recurrentBias, RecurrentBias)                                        \
  VALUE(bool, resetAfter, true, ResetAfter)                                    \
  VALUE(GruWeightLayout, layout, GruWeightLayout::Zrn, Layout)                 \
  VALUE(std::vector<RecurrentNetworkActivation>, activations, {}, Activations)

// MLGruOptions.
#define WEBNNC_GRU_OPTIONS(VALUE, OPERAND)                                     \
  OPERAND(bias, Bias)                                                          \
  OPERAND(recurrentBias, RecurrentBias)                                        \
  OPERAND(initialHiddenState, InitialHiddenState)                              \
  VALUE(bool, resetAfter, true, ResetAfter)                                    \
  VALUE(bool, returnSequence, false, ReturnSequence)                           \
  VALUE(RecurrentNetworkDirection, direction,                                  \
        RecurrentNetworkDirection::Forward, Direction)                         \
  VALUE(GruWeightLayout, layout, GruWeightLayout::Zrn, Layout)                 \
  VALUE(std::vector<RecurrentNetworkActivation>, activations, {}, Activations)

// MLLstmCellOptions. activations are [gates, cell, output], default
// [sigmoid, tanh, tanh].
#define WEBNNC_LSTM_CELL_OPTIONS(VALUE, OPERAND)                               \
  OPERAND(bias, Bias)                                                          \
  OPERAND(recurrentBias, RecurrentBias)                                        \
  OPERAND(peepholeWeight, PeepholeWeight)                                      \
  VALUE(LstmWeightLayout, layout, LstmWeightLayout::Iofg, Layout)              \
  VALUE(std::vector<RecurrentNetworkActivation>, activations, {}, Activations)

// MLLstmOptions.
#define WEBNNC_LSTM_OPTIONS(VALUE, OPERAND)                                    \
  OPERAND(bias, Bias)                                                          \
  OPERAND(recurrentBias, RecurrentBias)                                        \
  OPERAND(peepholeWeight, PeepholeWeight)                                      \
  OPERAND(initialHiddenState, InitialHiddenState)                              \
  OPERAND(initialCellState, InitialCellState)                                  \
  VALUE(bool, returnSequence, false, ReturnSequence)                           \
  VALUE(RecurrentNetworkDirection, direction,                                  \
        RecurrentNetworkDirection::Forward, Direction)                         \
  VALUE(LstmWeightLayout, layout, LstmWeightLayout::Iofg, Layout)              \
  VALUE(std::vector<RecurrentNetworkActivation>, activations, {}, Activations)

// Dictionaries with operand members: templates over the operand type
// (NAME##T), the others plain structs.
#define WEBNNC_OPTIONS_WITH_OPERANDS(X)                                        \
  X(Conv2dOptions, WEBNNC_CONV2D_OPTIONS)                                      \
  X(ConvTranspose2dOptions, WEBNNC_CONV_TRANSPOSE2D_OPTIONS)                   \
  X(GemmOptions, WEBNNC_GEMM_OPTIONS)                                          \
  X(BatchNormalizationOptions, WEBNNC_BATCH_NORMALIZATION_OPTIONS)             \
  X(InstanceNormalizationOptions, WEBNNC_INSTANCE_NORMALIZATION_OPTIONS)       \
  X(LayerNormalizationOptions, WEBNNC_LAYER_NORMALIZATION_OPTIONS)             \
  X(GruCellOptions, WEBNNC_GRU_CELL_OPTIONS)                                   \
  X(GruOptions, WEBNNC_GRU_OPTIONS)                                            \
  X(LstmCellOptions, WEBNNC_LSTM_CELL_OPTIONS)                                 \
  X(LstmOptions, WEBNNC_LSTM_OPTIONS)
#define WEBNNC_OPTIONS_WITHOUT_OPERANDS(X)                                     \
  X(Pool2dOptions, WEBNNC_POOL2D_OPTIONS)                                      \
  X(Resample2dOptions, WEBNNC_RESAMPLE2D_OPTIONS)                              \
  X(ClampOptions, WEBNNC_CLAMP_OPTIONS)                                        \
  X(EluOptions, WEBNNC_ELU_OPTIONS)                                            \
  X(LeakyReluOptions, WEBNNC_LEAKY_RELU_OPTIONS)                               \
  X(HardSigmoidOptions, WEBNNC_HARD_SIGMOID_OPTIONS)                           \
  X(LinearOptions, WEBNNC_LINEAR_OPTIONS)                                      \
  X(ReduceOptions, WEBNNC_REDUCE_OPTIONS)                                      \
  X(ArgMinMaxOptions, WEBNNC_ARG_MIN_MAX_OPTIONS)                              \
  X(CumulativeSumOptions, WEBNNC_CUMULATIVE_SUM_OPTIONS)                       \
  X(TransposeOptions, WEBNNC_TRANSPOSE_OPTIONS)                                \
  X(PadOptions, WEBNNC_PAD_OPTIONS)                                            \
  X(ReverseOptions, WEBNNC_REVERSE_OPTIONS)                                    \
  X(SliceOptions, WEBNNC_SLICE_OPTIONS)                                        \
  X(SplitOptions, WEBNNC_AXIS_OPTIONS)                                         \
  X(GatherOptions, WEBNNC_AXIS_OPTIONS)                                        \
  X(TriangularOptions, WEBNNC_TRIANGULAR_OPTIONS)

#define WEBNNC_DECLARE_OPTIONS_WITH_OPERANDS(Name, TABLE)                      \
  template <typename OperandT> struct Name##T {                                \
    TABLE(WEBNNC_OPTION_MEMBER, WEBNNC_OPTION_OPERAND_MEMBER)                  \
    std::string label;                                                         \
  };
#define WEBNNC_DECLARE_OPTIONS(Name, TABLE)                                    \
  struct Name {                                                                \
    TABLE(WEBNNC_OPTION_MEMBER, WEBNNC_OPTION_OPERAND_MEMBER)                  \
    std::string label;                                                         \
  };
WEBNNC_OPTIONS_WITH_OPERANDS(WEBNNC_DECLARE_OPTIONS_WITH_OPERANDS)
WEBNNC_OPTIONS_WITHOUT_OPERANDS(WEBNNC_DECLARE_OPTIONS)
#undef WEBNNC_DECLARE_OPTIONS_WITH_OPERANDS
#undef WEBNNC_DECLARE_OPTIONS

using ScatterOptions = GatherOptions;

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_OPTIONS_H_
