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
#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc {

using spec::Conv2dFilterOperandLayout;
using spec::DataType;
using spec::InputOperandLayout;
using spec::OperandDescriptor;
using spec::RoundingType;
using spec::Shape;

// Why an operation could not be built.
struct BuildError {
  std::string op;      // the MLGraphBuilder method, e.g. "conv2d"
  std::string label;   // MLOperatorOptions.label, if given
  std::string operand; // the operand or option, e.g. "filter", "strides"
  std::string rule;    // the rule broken
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
using GemmOptions = spec::GemmOptionsT<Operand>;
using spec::ClampOptions;
using spec::OperatorOptions;
using spec::Pool2dOptions;
using spec::TransposeOptions;

class GraphBuilder {
public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder &) = delete;
  GraphBuilder &operator=(const GraphBuilder &) = delete;

  // Graph inputs and constants.
  Operand input(const std::string &name, const OperandDescriptor &descriptor);
  // |data| holds the elements in row-major order, little-endian, exactly
  // the descriptor's byte length. The bytes are copied.
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

  // Element-wise binary, with bidirectional broadcasting.
  Operand add(const Operand &a, const Operand &b, const OperatorOptions & = {});
  Operand sub(const Operand &a, const Operand &b, const OperatorOptions & = {});
  Operand mul(const Operand &a, const Operand &b, const OperatorOptions & = {});
  Operand div(const Operand &a, const Operand &b, const OperatorOptions & = {});
  Operand max(const Operand &a, const Operand &b, const OperatorOptions & = {});
  Operand min(const Operand &a, const Operand &b, const OperatorOptions & = {});
  Operand pow(const Operand &a, const Operand &b, const OperatorOptions & = {});

  // Activations.
  Operand relu(const Operand &input, const OperatorOptions & = {});
  Operand sigmoid(const Operand &input, const OperatorOptions & = {});
  Operand tanh(const Operand &input, const OperatorOptions & = {});
  Operand clamp(const Operand &input, const ClampOptions &options = {});

  // Convolution and pooling.
  Operand conv2d(const Operand &input, const Operand &filter,
                 const Conv2dOptions &options = {});
  Operand averagePool2d(const Operand &input,
                        const Pool2dOptions &options = {});
  Operand l2Pool2d(const Operand &input, const Pool2dOptions &options = {});
  Operand maxPool2d(const Operand &input, const Pool2dOptions &options = {});

  // Matrix multiplication.
  Operand matmul(const Operand &a, const Operand &b,
                 const OperatorOptions & = {});
  Operand gemm(const Operand &a, const Operand &b,
               const GemmOptions &options = {});

  // Shape and normalization.
  Operand reshape(const Operand &input, const Shape &newShape,
                  const OperatorOptions & = {});
  Operand transpose(const Operand &input,
                    const TransposeOptions &options = {});
  Operand softmax(const Operand &input, uint32_t axis,
                  const OperatorOptions & = {});

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
