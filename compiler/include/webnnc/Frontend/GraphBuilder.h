// SPDX-License-Identifier: Apache-2.0
// The C++ frontend: GraphBuilder mirrors the spec's MLGraphBuilder.
//
//   webnnc::GraphBuilder b;
//   auto x = b.input("x", {webnnc::DataType::Float32, {1, 3, 32, 32}});
//   auto w = b.constant({webnnc::DataType::Float32, {8, 3, 3, 3}}, weights);
//   auto y = b.relu(b.conv2d(x, w, {.padding = {1, 1, 1, 1}}));
//   webnnc::Expected<webnnc::Graph, webnnc::BuildError> graph =
//       b.build({{"y", y}});
//
// Every method validates its arguments with the spec's steps. An invalid
// call returns an Operand carrying a BuildError (op, label, operand, rule)
// instead of throwing or aborting; passing that Operand on propagates the
// error, and build() returns the first one.
#ifndef WEBNNC_FRONTEND_GRAPHBUILDER_H_
#define WEBNNC_FRONTEND_GRAPHBUILDER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "webnnc/Graph/Graph.h"
#include "webnnc/Spec/DimExpr.h"
#include "webnnc/Spec/ElementwiseOps.h"
#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc {

using spec::Conv2dFilterOperandLayout;
using spec::DataType;
using spec::DimExpr;
using spec::InputOperandLayout;
using spec::OperandDescriptor;
using spec::RoundingType;
using spec::Shape;
using spec::kOpenDim;

// An open input dimension's name and bound (0: unbounded). The runtime
// rejects a larger size, and sizes its working memory for the bound.
struct OpenDimension {
  std::string name;
  int64_t maxSize = 0;
};

// Why an operation could not be built.
struct BuildError {
  std::string op;      // the MLGraphBuilder method, e.g. "conv2d"
  std::string label;   // MLOperatorOptions.label, if given
  std::string operand; // the operand or option, e.g. "filter", "strides"
  std::string rule;    // the rule broken
  // The operand is valid but has open dimensions, which the op does not
  // support (a limit of webnnc, not a broken rule).
  bool openDimsUnsupported = false;
  // "conv2d 'conv1': filter: rank must be 4, got 3"
  std::string message() const;
  friend bool operator==(const BuildError &, const BuildError &) = default;
};

class GraphBuilder;
class OpCall;

// An operand produced by a GraphBuilder (MLOperand): valid, or carrying
// the BuildError that prevented it. Cheap to copy.
class Operand {
public:
  Operand() = default;

  bool valid() const { return builder_ != nullptr && !error_; }
  explicit operator bool() const { return valid(); }
  // The error, or nullptr if valid. A default-constructed Operand has none
  // but is not valid either.
  const BuildError *error() const { return error_.get(); }

  const OperandDescriptor &descriptor() const { return descriptor_; }
  DataType dataType() const { return descriptor_.dataType; }
  const Shape &shape() const { return descriptor_.shape; }
  size_t rank() const { return descriptor_.shape.size(); }

private:
  friend class GraphBuilder;
  friend class OpCall;
  const void *builder_ = nullptr; // identity of the builder that made it
  uint32_t id_ = 0;
  OperandDescriptor descriptor_;
  std::shared_ptr<const BuildError> error_;
};

// Options with operand members, instantiated with Operand.
using Conv2dOptions = spec::Conv2dOptionsT<Operand>;
using ConvTranspose2dOptions = spec::ConvTranspose2dOptionsT<Operand>;
using GemmOptions = spec::GemmOptionsT<Operand>;
using BatchNormalizationOptions = spec::BatchNormalizationOptionsT<Operand>;
using InstanceNormalizationOptions =
    spec::InstanceNormalizationOptionsT<Operand>;
using LayerNormalizationOptions = spec::LayerNormalizationOptionsT<Operand>;
using GruOptions = spec::GruOptionsT<Operand>;
using GruCellOptions = spec::GruCellOptionsT<Operand>;
using LstmOptions = spec::LstmOptionsT<Operand>;
using LstmCellOptions = spec::LstmCellOptionsT<Operand>;
using spec::ArgMinMaxOptions;
using spec::ClampOptions;
using spec::ConvTranspose2dFilterOperandLayout;
using spec::CumulativeSumOptions;
using spec::EluOptions;
using spec::GatherOptions;
using spec::GruWeightLayout;
using spec::HardSigmoidOptions;
using spec::InterpolationMode;
using spec::LeakyReluOptions;
using spec::LinearOptions;
using spec::LstmWeightLayout;
using spec::OperatorOptions;
using spec::PaddingMode;
using spec::PadOptions;
using spec::Pool2dOptions;
using spec::RecurrentNetworkActivation;
using spec::RecurrentNetworkDirection;
using spec::ReduceOptions;
using spec::Resample2dOptions;
using spec::ReverseOptions;
using spec::ScatterOptions;
using spec::SliceOptions;
using spec::SplitOptions;
using spec::TransposeOptions;
using spec::TriangularOptions;

// Methods returning several operands (split, gru, lstm, lstmCell) return
// as many as the arguments ask for; if the call is invalid, each carries
// the error.
class GraphBuilder {
public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder &) = delete;
  GraphBuilder &operator=(const GraphBuilder &) = delete;

  // Graph inputs and constants. A descriptor dimension of kOpenDim is open:
  // its size is given at compute. |openDims| optionally names and bounds
  // the open dimensions, in order (empty: each is its own unbounded size).
  // Open dimensions of the same name must have the same size at compute.
  Operand input(const std::string &name, const OperandDescriptor &descriptor,
                const std::vector<OpenDimension> &openDims = {});
  // |data| holds the elements in row-major order, little-endian, exactly
  // the descriptor's byte length (int4/uint4: two elements per byte,
  // element 2k in the low nibble). The bytes are copied.
  Operand constant(const OperandDescriptor &descriptor,
                   std::span<const std::byte> data);
  template <typename T>
  Operand constant(const OperandDescriptor &descriptor,
                   std::span<const T> data) {
    return constant(descriptor, std::as_bytes(data));
  }
  // A constant of |descriptor|'s shape filled with |value| cast to its
  // data type (the spec's scalar constant() form).
  Operand constant(const OperandDescriptor &descriptor, double value);

  using Options = OperatorOptions;
  using Binary = Operand (GraphBuilder::*)(const Operand &, const Operand &,
                                           const Options &);
  using Unary = Operand (GraphBuilder::*)(const Operand &, const Options &);

  // Element-wise binary, with bidirectional broadcasting.
  Operand add(const Operand &a, const Operand &b, const Options & = {});
  Operand sub(const Operand &a, const Operand &b, const Options & = {});
  Operand mul(const Operand &a, const Operand &b, const Options & = {});
  Operand div(const Operand &a, const Operand &b, const Options & = {});
  Operand max(const Operand &a, const Operand &b, const Options & = {});
  Operand min(const Operand &a, const Operand &b, const Options & = {});
  Operand pow(const Operand &a, const Operand &b, const Options & = {});

  // Comparison and logical operations; results are uint8 0 or 1.
  Operand equal(const Operand &a, const Operand &b, const Options & = {});
  Operand notEqual(const Operand &a, const Operand &b, const Options & = {});
  Operand greater(const Operand &a, const Operand &b, const Options & = {});
  Operand greaterOrEqual(const Operand &a, const Operand &b,
                         const Options & = {});
  Operand lesser(const Operand &a, const Operand &b, const Options & = {});
  Operand lesserOrEqual(const Operand &a, const Operand &b,
                        const Options & = {});
  Operand logicalAnd(const Operand &a, const Operand &b, const Options & = {});
  Operand logicalOr(const Operand &a, const Operand &b, const Options & = {});
  Operand logicalXor(const Operand &a, const Operand &b, const Options & = {});

  // Element-wise unary ops and the activations whose options are only
  // coefficients: abs, ceil, ..., elu, gelu, ... (one per row of
  // WEBNNC_UNARY_OPS, webnnc/Spec/ElementwiseOps.h).
#define WEBNNC_UNARY_METHOD(method, Kind, types, result, Options)              \
  Operand method(const Operand &input, const Options & = {});
  WEBNNC_UNARY_OPS(WEBNNC_UNARY_METHOD)
#undef WEBNNC_UNARY_METHOD

  // Activations.
  Operand clamp(const Operand &input, const ClampOptions &options = {});
  Operand prelu(const Operand &input, const Operand &slope,
                const Options & = {});
  Operand softmax(const Operand &input, uint32_t axis, const Options & = {});

  // Convolution, pooling and resampling.
  Operand conv2d(const Operand &input, const Operand &filter,
                 const Conv2dOptions &options = {});
  Operand convTranspose2d(const Operand &input, const Operand &filter,
                          const ConvTranspose2dOptions &options = {});
  Operand averagePool2d(const Operand &input,
                        const Pool2dOptions &options = {});
  Operand l2Pool2d(const Operand &input, const Pool2dOptions &options = {});
  Operand maxPool2d(const Operand &input, const Pool2dOptions &options = {});
  Operand resample2d(const Operand &input,
                     const Resample2dOptions &options = {});

  // Matrix multiplication.
  Operand matmul(const Operand &a, const Operand &b, const Options & = {});
  Operand gemm(const Operand &a, const Operand &b,
               const GemmOptions &options = {});

  // Normalization.
  Operand batchNormalization(const Operand &input, const Operand &mean,
                             const Operand &variance,
                             const BatchNormalizationOptions &options = {});
  Operand instanceNormalization(const Operand &input,
                                const InstanceNormalizationOptions &options =
                                    {});
  Operand layerNormalization(const Operand &input,
                             const LayerNormalizationOptions &options = {});

  // Reductions.
  using Reduce = Operand (GraphBuilder::*)(const Operand &,
                                           const ReduceOptions &);
  Operand reduceL1(const Operand &input, const ReduceOptions &options = {});
  Operand reduceL2(const Operand &input, const ReduceOptions &options = {});
  Operand reduceLogSum(const Operand &input,
                       const ReduceOptions &options = {});
  Operand reduceLogSumExp(const Operand &input,
                          const ReduceOptions &options = {});
  Operand reduceMax(const Operand &input, const ReduceOptions &options = {});
  Operand reduceMean(const Operand &input, const ReduceOptions &options = {});
  Operand reduceMin(const Operand &input, const ReduceOptions &options = {});
  Operand reduceProduct(const Operand &input,
                        const ReduceOptions &options = {});
  Operand reduceSum(const Operand &input, const ReduceOptions &options = {});
  Operand reduceSumSquare(const Operand &input,
                          const ReduceOptions &options = {});
  Operand argMin(const Operand &input, uint32_t axis,
                 const ArgMinMaxOptions &options = {});
  Operand argMax(const Operand &input, uint32_t axis,
                 const ArgMinMaxOptions &options = {});
  Operand cumulativeSum(const Operand &input, uint32_t axis,
                        const CumulativeSumOptions &options = {});

  // Shape and data movement.
  Operand cast(const Operand &input, DataType type, const Options & = {});
  Operand concat(const std::vector<Operand> &inputs, uint32_t axis,
                 const Options & = {});
  Operand expand(const Operand &input, const Shape &newShape,
                 const Options & = {});
  // expand and slice with sizes that may be expressions, as
  // reshapeSymbolic.
  Operand expandSymbolic(const Operand &input,
                         const std::vector<DimExpr> &newShape,
                         const Options & = {});
  Operand pad(const Operand &input, const std::vector<int64_t> &beginningPadding,
              const std::vector<int64_t> &endingPadding,
              const PadOptions &options = {});
  Operand reshape(const Operand &input, const Shape &newShape,
                  const Options & = {});
  // Sizes known only at compute (dimensions of inputs with open
  // dimensions): entries are expressions over the graph inputs' open
  // dimensions, such as dim(x, 0) * 8 (webnnc/Spec/DimExpr.h). The
  // element count is checked at compute.
  Operand reshapeSymbolic(const Operand &input,
                          const std::vector<DimExpr> &newShape,
                          const Options & = {});
  // The size of |operand|'s dimension |axis|: a constant when static, else
  // an expression over the graph inputs' open dimensions, by name (an
  // unnamed one is INPUT.AXIS). An invalid operand or axis gives the error.
  Expected<DimExpr, BuildError> dim(const Operand &operand, size_t axis);
  Operand reverse(const Operand &input, const ReverseOptions &options = {});
  Operand slice(const Operand &input, const std::vector<int64_t> &starts,
                const std::vector<int64_t> &sizes,
                const SliceOptions &options = {});
  Operand sliceSymbolic(const Operand &input,
                        const std::vector<int64_t> &starts,
                        const std::vector<DimExpr> &sizes,
                        const SliceOptions &options = {});
  // split into |count| equal parts, or into parts of the given |sizes|.
  std::vector<Operand> split(const Operand &input, uint32_t count,
                             const SplitOptions &options = {});
  std::vector<Operand> split(const Operand &input,
                             const std::vector<int64_t> &sizes,
                             const SplitOptions &options = {});
  Operand tile(const Operand &input, const std::vector<int64_t> &repetitions,
               const Options & = {});
  Operand transpose(const Operand &input,
                    const TransposeOptions &options = {});
  Operand triangular(const Operand &input,
                     const TriangularOptions &options = {});
  Operand where(const Operand &condition, const Operand &trueValue,
                const Operand &falseValue, const Options & = {});

  // Gather and scatter. Negative indices count from the end; out-of-range
  // indices clamp to the nearest valid one.
  Operand gather(const Operand &input, const Operand &indices,
                 const GatherOptions &options = {});
  Operand gatherElements(const Operand &input, const Operand &indices,
                         const GatherOptions &options = {});
  Operand gatherND(const Operand &input, const Operand &indices,
                   const Options & = {});
  Operand scatterElements(const Operand &input, const Operand &indices,
                          const Operand &updates,
                          const ScatterOptions &options = {});
  Operand scatterND(const Operand &input, const Operand &indices,
                    const Operand &updates, const Options & = {});

  // Quantization.
  Operand quantizeLinear(const Operand &input, const Operand &scale,
                         const Operand &zeroPoint, const Options & = {});
  Operand dequantizeLinear(const Operand &input, const Operand &scale,
                           const Operand &zeroPoint, const Options & = {});

  // Recurrent networks. gru returns [hidden] or, with returnSequence,
  // [hidden, sequence]; lstm [hidden, cell] or [hidden, cell, sequence];
  // lstmCell [hidden, cell]. Over an input whose sequence length
  // (dimension 0) is open, steps is 0: the steps are the length at compute.
  std::vector<Operand> gru(const Operand &input, const Operand &weight,
                           const Operand &recurrentWeight, uint32_t steps,
                           uint32_t hiddenSize,
                           const GruOptions &options = {});
  Operand gruCell(const Operand &input, const Operand &weight,
                  const Operand &recurrentWeight, const Operand &hiddenState,
                  uint32_t hiddenSize, const GruCellOptions &options = {});
  std::vector<Operand> lstm(const Operand &input, const Operand &weight,
                            const Operand &recurrentWeight, uint32_t steps,
                            uint32_t hiddenSize,
                            const LstmOptions &options = {});
  std::vector<Operand> lstmCell(const Operand &input, const Operand &weight,
                                const Operand &recurrentWeight,
                                const Operand &hiddenState,
                                const Operand &cellState, uint32_t hiddenSize,
                                const LstmCellOptions &options = {});

  // Builds the graph computing |outputs| (name -> operand). Only the
  // operations and inputs the outputs need become part of the graph. The
  // builder cannot build again afterwards.
  Expected<Graph, BuildError> build(const std::map<std::string, Operand> &outputs);

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

} // namespace webnnc

#endif // WEBNNC_FRONTEND_GRAPHBUILDER_H_
