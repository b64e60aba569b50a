// SPDX-License-Identifier: Apache-2.0
// What an op converter sees of one ONNX node: its inputs as frontend
// operands or compile-time values, its attributes, and where its outputs go.
//
// The context records which attributes and optional inputs a converter
// read; anything present in the node but never read is reported as
// unsupported, so a converter that forgets an attribute cannot silently
// build a wrong graph.
#ifndef WEBNNC_IMPORT_ONNX_NODECONTEXT_H_
#define WEBNNC_IMPORT_ONNX_NODECONTEXT_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "onnx/onnx_pb.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Import/OnnxImporter.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc::importer {

// Compile-time values up to this many elements are kept on the host, so
// shape computations (Shape -> Gather -> Concat -> Reshape) fold away.
inline constexpr int64_t kMaxKnownElements = 1 << 16;

// A small integer tensor computed from tensor sizes where some are known
// only at compute (Shape of an input with open dimensions, then Gather,
// Concat, Mul...): each element an expression over the graph inputs' open
// dimensions, row-major. Reshape, Expand, Slice and ConstantOfShape take
// it as their sizes; it never becomes tensor data.
struct SizeTensor {
  spec::DataType type = spec::DataType::Int64;
  spec::Shape shape;
  std::vector<DimExpr> values;
};

// An ONNX value: a frontend operand, a compile-time tensor, sizes known
// at compute, or an initializer not yet decoded (decoded only when
// someone needs it).
struct ImportedValue {
  spec::OperandDescriptor descriptor;
  std::optional<Operand> operand;
  std::optional<HostTensor> known;
  std::optional<SizeTensor> sizes;
  onnx::TensorProto *initializer = nullptr;
  std::string externalBase; // directory of external data files
  bool poisoned = false;    // its producer could not be imported
  // Computed by a webnn op (not a graph input, a constant or an alias of
  // one); graph outputs must be.
  bool computed = false;
};

class ValueTable;

class NodeContext {
public:
  // |needed|: the value names the requested outputs depend on; outputs
  // outside it are never computed.
  NodeContext(const onnx::NodeProto &node, int64_t opset, GraphBuilder &builder,
              ValueTable &values, const std::set<std::string> &needed);

  const onnx::NodeProto &node() const { return node_; }
  const std::string &opType() const { return node_.op_type(); }
  int64_t opset() const { return opset_; }
  GraphBuilder &b() { return builder_; }
  // The node's name, or its first output's: labels every op it becomes.
  const std::string &label() const { return label_; }
  spec::OperatorOptions options() const { return {label_}; }
  template <typename O> O labelled(O options) const {
    options.label = label_;
    return options;
  }

  // Inputs. An optional input is absent when missing, named "", or an
  // empty tensor (exporters write Resize's unused roi and scales so).
  size_t inputCount() const { return node_.input_size(); }
  bool hasInput(size_t i) const;
  // Whether input |i| is named and holds an empty tensor (known).
  bool emptyInput(size_t i) const;
  Operand input(size_t i);
  const spec::OperandDescriptor &inputDescriptor(size_t i);
  spec::DataType inputType(size_t i) { return inputDescriptor(i).dataType; }
  const spec::Shape &inputShape(size_t i) { return inputDescriptor(i).shape; }
  size_t inputRank(size_t i) { return inputShape(i).size(); }
  // The input's value if known at compile time (a small initializer,
  // Constant or folded shape computation), else nullptr.
  const HostTensor *known(size_t i);
  // Whether the node has inputs and every one is present and known.
  bool allInputsKnown();
  // An integer list that must be known at compile time (shapes, axes,
  // pads...); reports `unsupported` naming |what| when it is not.
  std::optional<std::vector<int64_t>> constantInts(size_t i,
                                                   const std::string &what);
  std::optional<double> constantScalar(size_t i, const std::string &what);
  // Reports that input |i| (|what|) had to be known at compile time.
  void notKnown(size_t i, const std::string &what);

  // Sizes known at compute. Input |i| as a SizeTensor: a known integer
  // tensor (constant expressions) or one computed from open dimensions;
  // nullopt otherwise (nothing reported).
  std::optional<SizeTensor> sizeTensor(size_t i);
  // Whether input |i| holds sizes known only at compute.
  bool holdsOpenSizes(size_t i);
  // An integer list known at compile time or at compute (reshape's
  // shape...); reports `unsupported` naming |what| when neither.
  std::optional<std::vector<DimExpr>> sizeList(size_t i,
                                               const std::string &what);
  // The sizes of |operand|'s dimensions, constants where static.
  std::optional<std::vector<DimExpr>> dims(const Operand &operand);
  std::optional<std::vector<DimExpr>> inputDims(size_t i);
  // |x| reshaped to |shape| (a plain reshape when every size is known).
  Operand reshapeTo(const Operand &x, const std::vector<DimExpr> &shape);
  Operand expandTo(const Operand &x, const std::vector<DimExpr> &shape);
  // |sizes| as a tensor of their values, computed at compute.
  Operand sizesAsTensor(const SizeTensor &sizes);

  // Attributes; reading one marks it handled.
  bool has(const std::string &name);
  int64_t attrInt(const std::string &name, int64_t defaultValue);
  double attrFloat(const std::string &name, double defaultValue);
  std::string attrString(const std::string &name,
                         const std::string &defaultValue);
  std::vector<int64_t> attrInts(const std::string &name,
                                std::vector<int64_t> defaultValue = {});
  std::vector<double> attrFloats(const std::string &name);
  const onnx::TensorProto *attrTensor(const std::string &name);
  // Marks attributes that do not change inference results (e.g. momentum).
  void ignore(const std::string &name);

  // Outputs. An output is wanted when named and needed downstream.
  size_t outputCount() const { return node_.output_size(); }
  bool wantsOutput(size_t i) const;
  void set(size_t i, const Operand &operand);
  void setKnown(size_t i, HostTensor tensor);
  // Output |i| holds |sizes|: known when every element is a constant.
  void setSizes(size_t i, SizeTensor sizes);
  // Output |i| is input |input| unchanged (Identity, inference Dropout).
  void forward(size_t i, size_t input);

  // This node converted as another op type over |inputs| (an invalid
  // Operand for an absent one), with this node's attributes: the integer
  // ops are their float op over dequantized inputs. Returns output 0, or
  // an invalid Operand after reporting the other op's problem as this
  // node's.
  Operand convertAs(const std::string &opType,
                    const std::vector<Operand> &inputs);

  // Problems; the first one wins.
  void unsupported(std::string reason);
  void notInWebNN(std::string reason);
  void invalid(std::string reason);
  bool failed() const { return problem_.has_value(); }
  // Called after the converter: unread attributes, unread inputs and
  // unset outputs become problems.
  std::optional<OnnxProblem> finish();

private:
  const onnx::AttributeProto *attribute(const std::string &name);

  const onnx::NodeProto &node_;
  int64_t opset_;
  GraphBuilder &builder_;
  ValueTable &values_;
  const std::set<std::string> &needed_;
  std::string label_;
  std::set<std::string> readAttributes_;
  std::set<size_t> readInputs_, setOutputs_;
  std::optional<OnnxProblem> problem_;
};

// Value name -> ImportedValue, with materialization of constants.
class ValueTable {
public:
  explicit ValueTable(GraphBuilder &builder) : builder_(builder) {}
  ImportedValue *find(const std::string &name);
  ImportedValue &define(const std::string &name);
  // The value as a frontend operand (constants become webnn constants,
  // once); an error message if its bytes cannot be read.
  Expected<Operand, std::string> operand(ImportedValue &value);
  // The value on the host, if small enough and known.
  const HostTensor *known(ImportedValue &value, std::string &error);

private:
  GraphBuilder &builder_;
  std::map<std::string, ImportedValue> values_;
};

using Converter = void (*)(NodeContext &);
using ConverterTable = std::map<std::string, Converter>;

// Each file under ops/ registers its converters.
void registerElementwiseOps(ConverterTable &table);
void registerActivationOps(ConverterTable &table);
void registerConvPoolOps(ConverterTable &table);
void registerMatmulOps(ConverterTable &table);
void registerNormalizationOps(ConverterTable &table);
void registerReductionOps(ConverterTable &table);
void registerShapeOps(ConverterTable &table);
void registerSlicePadOps(ConverterTable &table);
void registerGatherScatterOps(ConverterTable &table);
void registerQuantizationOps(ConverterTable &table);
void registerIntegerOps(ConverterTable &table);
void registerEinsumOps(ConverterTable &table);
void registerComposedOps(ConverterTable &table);
void registerTopKOps(ConverterTable &table);
void registerGridSampleOps(ConverterTable &table);
void registerSpectralOps(ConverterTable &table);
void registerRecurrentOps(ConverterTable &table);
void registerResizeOps(ConverterTable &table);

// Computes a node whose data inputs hold sizes known only at compute
// (Gather, Concat, Slice, arithmetic... on Shape's result) as expressions.
// Returns false, reporting nothing, for a node it does not compute so.
bool foldSizes(NodeContext &ctx);

const ConverterTable &converters();

// "batch, sequence * 8" (in brackets for a list).
std::string describeSizes(const SizeTensor &sizes);

// How a node is named in messages and op labels: its name, else its first
// output's, else its op type.
std::string nodeLabel(const onnx::NodeProto &node);

// Normalizes a possibly negative axis for |rank|; nullopt if out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

} // namespace webnnc::importer

#endif // WEBNNC_IMPORT_ONNX_NODECONTEXT_H_
