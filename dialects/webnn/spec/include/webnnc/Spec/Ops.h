// SPDX-License-Identifier: Apache-2.0
// The spec's validation steps and output descriptors, one function per
// operation (or family). Each returns the output descriptor, or the first
// rule the arguments break. The frontend and the dialect verifiers both call
// these, so the rules exist once.
#ifndef WEBNNC_SPEC_OPS_H_
#define WEBNNC_SPEC_OPS_H_

#include <array>
#include <string_view>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

using Conv2dOptions = Conv2dOptionsT<OperandDescriptor>;
using GemmOptions = GemmOptionsT<OperandDescriptor>;

// Bidirectional (numpy) broadcasting of two shapes.
Expected<Shape> broadcastShapes(const Shape &a, const Shape &b,
                                std::string_view aName = "a",
                                std::string_view bName = "b");
// Whether |from| broadcasts to exactly |to| (unidirectional).
bool isUnidirectionallyBroadcastable(const Shape &from, const Shape &to);

// --- Element-wise --------------------------------------------------------

enum class BinaryKind { Add, Sub, Mul, Div, Max, Min, Pow };
std::string_view toString(BinaryKind kind);
Expected<OperandDescriptor> elementwiseBinary(BinaryKind kind,
                                              const OperandDescriptor &a,
                                              const OperandDescriptor &b);

enum class UnaryKind { Relu, Sigmoid, Tanh };
std::string_view toString(UnaryKind kind);
DataTypeSet allowedDataTypes(UnaryKind kind);
Expected<OperandDescriptor> elementwiseUnary(UnaryKind kind,
                                             const OperandDescriptor &input);

Expected<OperandDescriptor> clamp(const OperandDescriptor &input,
                                  const ClampOptions &options);

// --- Convolution and pooling ---------------------------------------------

// Everything a conv2d computes with, resolved from the options and shapes,
// in NCHW/OIHW terms whatever the layouts.
struct Conv2dGeometry {
  int64_t batches = 0, inputChannels = 0, inputHeight = 0, inputWidth = 0;
  int64_t outputChannels = 0, filterHeight = 0, filterWidth = 0;
  int64_t outputHeight = 0, outputWidth = 0;
  std::array<int64_t, 4> padding{}; // beginH, endH, beginW, endW
  std::array<int64_t, 2> strides{}, dilations{};
  int64_t groups = 1;
};
Expected<Conv2dGeometry> resolveConv2d(const OperandDescriptor &input,
                                       const OperandDescriptor &filter,
                                       const Conv2dOptions &options);
Expected<OperandDescriptor> conv2d(const OperandDescriptor &input,
                                   const OperandDescriptor &filter,
                                   const Conv2dOptions &options);

enum class PoolKind { Average, L2, Max };
std::string_view toString(PoolKind kind);
struct Pool2dGeometry {
  int64_t batches = 0, channels = 0, inputHeight = 0, inputWidth = 0;
  int64_t windowHeight = 0, windowWidth = 0;
  int64_t outputHeight = 0, outputWidth = 0;
  std::array<int64_t, 4> padding{};
  std::array<int64_t, 2> strides{}, dilations{};
};
Expected<Pool2dGeometry> resolvePool2d(PoolKind kind,
                                       const OperandDescriptor &input,
                                       const Pool2dOptions &options);
Expected<OperandDescriptor> pool2d(PoolKind kind,
                                   const OperandDescriptor &input,
                                   const Pool2dOptions &options);

// --- Matrix multiplication -----------------------------------------------

Expected<OperandDescriptor> matmul(const OperandDescriptor &a,
                                   const OperandDescriptor &b);
Expected<OperandDescriptor> gemm(const OperandDescriptor &a,
                                 const OperandDescriptor &b,
                                 const GemmOptions &options);

// --- Shape and normalization ---------------------------------------------

Expected<OperandDescriptor> reshape(const OperandDescriptor &input,
                                    const Shape &newShape);
// The permutation transpose applies: the given one, or reversed axes.
std::vector<int64_t> resolvePermutation(const OperandDescriptor &input,
                                        const TransposeOptions &options);
Expected<OperandDescriptor> transpose(const OperandDescriptor &input,
                                      const TransposeOptions &options);
Expected<OperandDescriptor> softmax(const OperandDescriptor &input,
                                    int64_t axis);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_OPS_H_
