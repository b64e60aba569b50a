// SPDX-License-Identifier: Apache-2.0
// The spec's option dictionaries (MLConv2dOptions, ...), declared once.
// Each is a template over the operand type: the frontend instantiates it
// with its Operand handle, validation with OperandDescriptor. Fields mirror
// the spec's members in C++ naming; an empty list means "not given", and
// validation applies the spec's default.
#ifndef WEBNNC_SPEC_OPTIONS_H_
#define WEBNNC_SPEC_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace webnnc::spec {

enum class InputOperandLayout { Nchw, Nhwc };
enum class Conv2dFilterOperandLayout { Oihw, Hwio, Ohwi, Ihwo };
enum class RoundingType { Floor, Ceil };

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

// MLPool2dOptions.
struct Pool2dOptions {
  std::vector<int64_t> windowDimensions; // [h, w], default: the input's
  std::vector<int64_t> padding;
  std::vector<int64_t> strides;
  std::vector<int64_t> dilations;
  InputOperandLayout layout = InputOperandLayout::Nchw;
  RoundingType roundingType = RoundingType::Floor;
  std::vector<int64_t> outputSizes; // [h, w], overrides roundingType
  std::string label;
};

// MLClampOptions. Absent bounds do not clamp.
struct ClampOptions {
  std::optional<double> minValue;
  std::optional<double> maxValue;
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

// MLTransposeOptions.
struct TransposeOptions {
  std::vector<int64_t> permutation; // default: reversed axes
  std::string label;
};

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_OPTIONS_H_
