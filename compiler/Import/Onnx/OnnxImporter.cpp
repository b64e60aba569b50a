// SPDX-License-Identifier: Apache-2.0
// The import walk: model checks, graph inputs and initializers, the nodes
// the requested outputs need (each through its converter), the outputs.
#include "webnnc/Import/OnnxImporter.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "NodeContext.h"
#include "TensorProto.h"
#include "llvm/Support/MemoryBuffer.h"

namespace webnnc {

using importer::ImportedValue;
using importer::NodeContext;
using importer::ValueTable;

// The opsets whose operator definitions the importer follows, up to the
// newest the build's libonnx knows. Attributes of old opsets the
// converters do not read (broadcast, consumed_inputs...) are reported as
// unsupported, so older models import only where the meaning is the same.
// Each op's definition is the converter's own code, so the limit is what
// the converters follow, not the protobuf classes' version: opset 18-21
// forms (Reduce axes inputs, Split num_outputs, Pad axes, Resize's new
// attributes, GroupNormalization's per-channel scale...) are read. Opset
// 22 re-versioned ops only to add bfloat16 (a type WebNN lacks); their
// float semantics are opset 21's. Opsets 23 to 25 re-versioned ops for
// new types (float4e2m1, 2-bit integers: refused where they appear, like
// every type WebNN lacks) and added QuantizeLinear's precision (float32
// read) and the ops RMSNormalization, RotaryEmbedding, Attention (23),
// Swish and TensorScatter (24); those the converters do not know are
// refused by name, and an attribute no converter reads is an error.
static constexpr int64_t kMinOpset = 1;
static constexpr int64_t kMaxOpset = 25;

std::string OnnxProblem::message() const {
  std::string out;
  if (!node.empty() || !opType.empty())
    out = "node '" + node + "' (" + opType + "): ";
  out += kind == Kind::Unsupported  ? "unsupported: "
         : kind == Kind::NotInWebNN ? "not in WebNN: "
                                    : "invalid: ";
  return out + reason;
}

bool OnnxImportError::onlyUnsupported() const {
  for (const OnnxProblem &p : problems)
    if (p.kind == OnnxProblem::Kind::Invalid)
      return false;
  return !problems.empty();
}

bool OnnxImportError::onlyNotInWebNN() const {
  for (const OnnxProblem &p : problems)
    if (p.kind != OnnxProblem::Kind::NotInWebNN)
      return false;
  return !problems.empty();
}

std::string OnnxImportError::message() const {
  std::string out = source + ": ";
  if (problems.size() == 1)
    return out + problems[0].message();
  out += "cannot import the model (" + std::to_string(problems.size()) +
         " problems):";
  for (const OnnxProblem &p : problems)
    out += "\n  " + p.message();
  return out;
}

std::vector<std::string> supportedOnnxOps() {
  std::vector<std::string> ops;
  for (const auto &[name, converter] : importer::converters())
    ops.push_back(name);
  return ops;
}

namespace {

class Importer {
public:
  Importer(onnx::ModelProto &model, std::string baseDirectory,
           std::string source, const OnnxImportOptions &options)
      : model_(model), base_(std::move(baseDirectory)),
        options_(options), values_(builder_) {
    error_.source = std::move(source);
  }

  Expected<Graph, OnnxImportError> run() {
    if (!checkOpset() || !defineInitializers() || !defineInputs() ||
        !selectOutputs())
      return error_;
    importNodes(order_);
    if (!error_.problems.empty())
      return error_;
    return build();
  }

private:
  void modelProblem(OnnxProblem::Kind kind, std::string reason) {
    error_.problems.push_back({kind, "", "", std::move(reason)});
  }

  bool checkOpset() {
    opset_ = -1;
    for (const auto &entry : model_.opset_import())
      if (entry.domain().empty() || entry.domain() == "ai.onnx")
        opset_ = entry.version();
    if (opset_ < 0) {
      modelProblem(OnnxProblem::Kind::Invalid,
                   "the model imports no version of the default ONNX opset");
      return false;
    }
    if (opset_ < kMinOpset || opset_ > kMaxOpset) {
      modelProblem(OnnxProblem::Kind::Unsupported,
                   "opset " + std::to_string(opset_) +
                       " is outside the opsets webnnc imports (" +
                       std::to_string(kMinOpset) + " to " +
                       std::to_string(kMaxOpset) + ")");
      return false;
    }
    return true;
  }

  bool defineInitializers() {
    onnx::GraphProto &graph = *model_.mutable_graph();
    if (graph.sparse_initializer_size() > 0)
      modelProblem(OnnxProblem::Kind::Unsupported,
                   "sparse initializers are not supported");
    for (onnx::TensorProto &tensor : *graph.mutable_initializer())
      defineInitializer(tensor);
    return error_.problems.empty();
  }

  void defineInitializer(onnx::TensorProto &tensor) {
    if (auto empty = importer::emptyDescriptorOf(tensor)) {
      ImportedValue &value = values_.define(tensor.name());
      value.descriptor = *empty;
      value.known = HostTensor(*empty);
      return;
    }
    auto desc = importer::descriptorOf(tensor);
    if (!desc) {
      // Reported only if a needed node reads it.
      badInitializers_[tensor.name()] = desc.error();
      return;
    }
    ImportedValue &value = values_.define(tensor.name());
    value.descriptor = *desc;
    value.initializer = &tensor;
    value.externalBase = base_;
  }

  // The graph input's shape: the model's, with symbolic dimensions sized
  // from the options or left open (kOpenDim, named in |openDims|).
  std::optional<spec::Shape> inputShape(const onnx::ValueInfoProto &info,
                                        std::vector<OpenDimension> &openDims) {
    auto given = options_.inputShapes.find(info.name());
    if (given != options_.inputShapes.end())
      return given->second;
    const auto &type = info.type().tensor_type();
    if (!type.has_shape()) {
      modelProblem(OnnxProblem::Kind::Unsupported,
                   "input '" + info.name() +
                       "' has no shape (not even its rank); give one with "
                       "--input-shape " + info.name() + "=DIMSxDIMS");
      return std::nullopt;
    }
    spec::Shape shape;
    for (int k = 0; k < type.shape().dim_size(); ++k) {
      const auto &dim = type.shape().dim(k);
      if (dim.has_dim_value()) {
        shape.push_back(dim.dim_value());
        continue;
      }
      // A named dimension is one size wherever the name appears; an
      // unnamed one is its own.
      std::string name = dim.has_dim_param() && !dim.dim_param().empty()
                             ? dim.dim_param()
                             : info.name() + "." + std::to_string(k);
      if (auto sized = options_.dimensions.find(name);
          sized != options_.dimensions.end()) {
        shape.push_back(sized->second);
        continue;
      }
      // (A dimension given a bound is meant to stay open.)
      if (auto given = options_.sizeFromInputs.find(info.name());
          given != options_.sizeFromInputs.end() &&
          !options_.dimensionBounds.count(name) &&
          int(given->second.size()) == type.shape().dim_size()) {
        int64_t size = given->second[size_t(k)];
        auto [it, first] = sizedFromInputs_.try_emplace(name, size);
        if (!first && it->second != size) {
          modelProblem(OnnxProblem::Kind::Invalid,
                       "dimension '" + name + "' is " +
                           std::to_string(it->second) +
                           " in one input and " + std::to_string(size) +
                           " in input '" + info.name() + "'");
          return std::nullopt;
        }
        shape.push_back(size);
        continue;
      }
      auto bound = options_.dimensionBounds.find(name);
      shape.push_back(spec::kOpenDim);
      openDims.push_back(
          {name, bound == options_.dimensionBounds.end() ? 0 : bound->second});
      if (std::find(openDimNames_.begin(), openDimNames_.end(), name) ==
          openDimNames_.end())
        openDimNames_.push_back(name);
    }
    return shape;
  }

  // What to tell a user whose node failed on open dimensions.
  std::string openDimsHint() const {
    std::string dims;
    for (const std::string &name : openDimNames_)
      dims += (dims.empty() ? "" : " ") + ("--dim " + name + "=N");
    return "; the node reads open dimensions (sized at compute), which it "
           "does not support: size them at compile time with " + dims;
  }

  bool defineInputs() {
    for (const onnx::ValueInfoProto &info : model_.graph().input()) {
      if (values_.find(info.name()))
        continue; // an initializer listed as input (IR < 4): a constant
      if (auto fixed = options_.constantInputs.find(info.name());
          fixed != options_.constantInputs.end()) {
        ImportedValue &value = values_.define(info.name());
        value.descriptor = fixed->second.descriptor();
        value.known = fixed->second;
        continue;
      }
      if (!info.type().has_tensor_type()) {
        modelProblem(OnnxProblem::Kind::NotInWebNN,
                     "input '" + info.name() + "' is not a tensor");
        continue;
      }
      int32_t elem = info.type().tensor_type().elem_type();
      auto type = importer::webnnType(elem);
      if (!type) {
        modelProblem(OnnxProblem::Kind::NotInWebNN,
                     "input '" + info.name() + "' has element type " +
                         importer::onnxTypeName(elem) +
                         ", which WebNN does not have");
        continue;
      }
      std::vector<OpenDimension> openDims;
      auto shape = inputShape(info, openDims);
      if (!shape)
        continue;
      spec::OperandDescriptor desc{*type, *shape};
      if (std::count(shape->begin(), shape->end(), 0)) {
        modelProblem(OnnxProblem::Kind::NotInWebNN,
                     "input '" + info.name() + "' is empty (shape " +
                         spec::toString(*shape) +
                         "); WebNN has no empty tensors");
        continue;
      }
      Operand operand = builder_.input(info.name(), desc, openDims);
      if (const BuildError *e = operand.error()) {
        modelProblem(OnnxProblem::Kind::Invalid,
                     "input '" + info.name() + "': " + e->rule);
        continue;
      }
      ImportedValue &value = values_.define(info.name());
      value.descriptor = desc;
      value.operand = operand;
    }
    return error_.problems.empty();
  }

  // The requested outputs, and the values and nodes they need.
  bool selectOutputs() {
    const onnx::GraphProto &graph = model_.graph();
    if (options_.outputs.empty())
      for (const auto &info : graph.output())
        outputs_.push_back(info.name());
    else
      outputs_ = options_.outputs;
    if (outputs_.empty()) {
      modelProblem(OnnxProblem::Kind::Invalid, "the model has no outputs");
      return false;
    }
    std::map<std::string, int> producer = producers(graph);
    for (const std::string &name : outputs_)
      if (!producer.count(name) && !values_.find(name) &&
          !badInitializers_.count(name))
        modelProblem(OnnxProblem::Kind::Invalid,
                     "no value named '" + name +
                         "' (not a graph input, initializer or node output)");
    if (!error_.problems.empty())
      return false;
    order_ = neededNodes(graph, outputs_);
    return error_.problems.empty();
  }

  // Output name -> index of the node producing it.
  static std::map<std::string, int> producers(const onnx::GraphProto &graph) {
    std::map<std::string, int> producer;
    for (int n = 0; n < graph.node_size(); ++n)
      for (const std::string &out : graph.node(n).output())
        if (!out.empty())
          producer[out] = n;
    return producer;
  }

  // The values a node reads: its inputs and, for a node with subgraphs
  // (If's branches), the enclosing scope's values the subgraphs read.
  static std::vector<std::string> reads(const onnx::NodeProto &node) {
    std::vector<std::string> names;
    for (const std::string &in : node.input())
      if (!in.empty())
        names.push_back(in);
    for (const onnx::AttributeProto &attr : node.attribute())
      if (attr.has_g()) {
        std::set<std::string> outer;
        outerReads(attr.g(), outer);
        names.insert(names.end(), outer.begin(), outer.end());
      }
    return names;
  }

  // The values |graph|'s nodes read that the graph does not define.
  static void outerReads(const onnx::GraphProto &graph,
                         std::set<std::string> &outer) {
    std::set<std::string> defined;
    for (const auto &t : graph.initializer())
      defined.insert(t.name());
    for (const auto &info : graph.input())
      defined.insert(info.name());
    for (const auto &node : graph.node())
      for (const std::string &out : node.output())
        defined.insert(out);
    for (const auto &node : graph.node())
      for (const std::string &in : reads(node))
        if (!defined.count(in))
          outer.insert(in);
    for (const auto &info : graph.output())
      if (!defined.count(info.name()))
        outer.insert(info.name());
  }

  // The nodes of |graph| that |outputs| need, in an order where each comes
  // after the producers of what it reads: the file's order where that
  // holds (exporters are not required to sort their nodes). Marks every
  // value they read or make as needed.
  std::vector<const onnx::NodeProto *>
  neededNodes(const onnx::GraphProto &graph,
              const std::vector<std::string> &outputs) {
    std::map<std::string, int> producer = producers(graph);
    std::set<int> nodes;
    std::vector<std::string> work(outputs.begin(), outputs.end());
    while (!work.empty()) {
      std::string name = work.back();
      work.pop_back();
      if (!needed_.insert(name).second)
        continue;
      auto it = producer.find(name);
      if (it == producer.end() || !nodes.insert(it->second).second)
        continue;
      for (const std::string &in : reads(graph.node(it->second)))
        work.push_back(in);
    }
    // Kahn's algorithm, lowest index first among the ready nodes.
    std::map<int, int> waiting; // node -> producers not yet placed
    std::map<int, std::vector<int>> readers;
    for (int n : nodes) {
      std::set<int> deps;
      for (const std::string &in : reads(graph.node(n)))
        if (auto it = producer.find(in);
            it != producer.end() && nodes.count(it->second) && it->second != n)
          deps.insert(it->second);
      waiting[n] = int(deps.size());
      for (int d : deps)
        readers[d].push_back(n);
    }
    std::set<int> ready;
    for (auto [n, count] : waiting)
      if (count == 0)
        ready.insert(n);
    std::vector<const onnx::NodeProto *> order;
    while (!ready.empty()) {
      int n = *ready.begin();
      ready.erase(ready.begin());
      order.push_back(&graph.node(n));
      for (int r : readers[n])
        if (--waiting[r] == 0)
          ready.insert(r);
    }
    if (order.size() != nodes.size())
      for (auto [n, count] : waiting)
        if (count > 0) {
          const onnx::NodeProto &node = graph.node(n);
          error_.problems.push_back(
              {OnnxProblem::Kind::Invalid, importer::nodeLabel(node),
               node.op_type(), "the graph has a cycle through this node"});
          break;
        }
    return order;
  }

  void poison(const onnx::NodeProto &node) {
    for (const std::string &out : node.output())
      if (!out.empty())
        values_.define(out).poisoned = true;
  }

  bool readsOpenDims(const onnx::NodeProto &node) {
    for (const std::string &in : node.input())
      if (ImportedValue *value = in.empty() ? nullptr : values_.find(in))
        if (value->sizes || spec::hasOpenDims(value->descriptor.shape))
          return true;
    return false;
  }

  void importNodes(const std::vector<const onnx::NodeProto *> &order) {
    for (const onnx::NodeProto *node : order)
      importNode(*node);
  }

  void importNode(const onnx::NodeProto &node) {
    std::string label = importer::nodeLabel(node);
    auto problem = [&](OnnxProblem::Kind kind, std::string reason) {
      error_.problems.push_back(
          {kind, label, node.op_type(), std::move(reason)});
      poison(node);
    };
    // A node after an unimportable one is not reported again.
    for (const std::string &in : reads(node)) {
      if (auto bad = badInitializers_.find(in); bad != badInitializers_.end())
        return problem(OnnxProblem::Kind::NotInWebNN, bad->second);
      ImportedValue *value = values_.find(in);
      if (!value)
        return problem(OnnxProblem::Kind::Invalid,
                       "input '" + in + "' is not defined by any node");
      if (value->poisoned)
        return poison(node);
    }
    if (!node.domain().empty() && node.domain() != "ai.onnx")
      return problem(OnnxProblem::Kind::Unsupported,
                     "domain '" + node.domain() + "' is not supported");
    if (node.op_type() == "If")
      return importIf(node);
    const auto &table = importer::converters();
    auto converter = table.find(node.op_type());
    if (converter == table.end())
      return problem(OnnxProblem::Kind::Unsupported,
                     "op type '" + node.op_type() + "' is not supported");
    NodeContext context(node, opset_, builder_, values_, needed_);
    if (!importer::foldSizes(context))
      converter->second(context);
    if (auto p = context.finish()) {
      if (readsOpenDims(node))
        p->reason += openDimsHint();
      error_.problems.push_back(*p);
      poison(node);
    }
  }

  // An If whose condition is known at compile time (a shape check, a
  // fixed flag) is its chosen branch, inlined: the branch's initializers
  // and nodes join the graph and its outputs become the If's. A condition
  // known only at compute is not in WebNN (no control flow).
  void importIf(const onnx::NodeProto &node) {
    NodeContext context(node, opset_, builder_, values_, needed_);
    const HostTensor *condition = context.known(0);
    const onnx::AttributeProto *branches[2] = {nullptr, nullptr};
    for (const onnx::AttributeProto &attr : node.attribute())
      if (attr.name() == "then_branch" && attr.has_g())
        branches[0] = &attr;
      else if (attr.name() == "else_branch" && attr.has_g())
        branches[1] = &attr;
    auto problem = [&](OnnxProblem::Kind kind, std::string reason) {
      error_.problems.push_back({kind, importer::nodeLabel(node),
                                 node.op_type(), std::move(reason)});
      poison(node);
    };
    if (!branches[0] || !branches[1])
      return problem(OnnxProblem::Kind::Invalid,
                     "needs then_branch and else_branch graphs");
    if (!condition)
      return problem(OnnxProblem::Kind::NotInWebNN,
                     "the condition is known only at compute, and WebNN "
                     "graphs have no control flow (an If whose condition "
                     "depends on constants and static shapes is inlined)");
    if (condition->elementCount() != 1)
      return problem(OnnxProblem::Kind::Invalid,
                     "the condition must hold one element");
    const onnx::GraphProto &branch =
        branches[condition->at(0) != 0 ? 0 : 1]->g();
    if (branch.output_size() != node.output_size())
      return problem(OnnxProblem::Kind::Invalid,
                     "the branch has " + std::to_string(branch.output_size()) +
                         " outputs, the If " +
                         std::to_string(node.output_size()));
    // The model is the importer's to consume (weights are released once
    // they live in the graph), branches included.
    onnx::GraphProto &mutableBranch = const_cast<onnx::GraphProto &>(branch);
    for (onnx::TensorProto &tensor : *mutableBranch.mutable_initializer())
      defineInitializer(tensor);
    std::vector<std::string> branchOutputs;
    for (const auto &info : branch.output())
      branchOutputs.push_back(info.name());
    importNodes(neededNodes(branch, branchOutputs));
    for (int i = 0; i < node.output_size(); ++i) {
      if (node.output(i).empty())
        continue;
      ImportedValue *value = values_.find(branchOutputs[size_t(i)]);
      if (!value) {
        values_.define(node.output(i)).poisoned = true;
        continue;
      }
      ImportedValue copy = *value;
      values_.define(node.output(i)) = std::move(copy);
    }
  }

  Expected<Graph, OnnxImportError> build() {
    std::map<std::string, Operand> outputs;
    for (const std::string &name : outputs_) {
      ImportedValue *value = values_.find(name);
      if (!value)
        continue;
      auto operand = values_.operand(*value);
      if (!operand) {
        modelProblem(OnnxProblem::Kind::Invalid,
                     "output '" + name + "': " + operand.error());
        continue;
      }
      // WebNN outputs are computed by an operation; a constant (also a
      // folded shape computation) or an input is copied by one.
      Operand out = value->computed
                        ? *operand
                        : builder_.identity(*operand, {name});
      outputs[name] = out;
    }
    if (!error_.problems.empty())
      return error_;
    auto graph = builder_.build(outputs);
    if (!graph) {
      modelProblem(OnnxProblem::Kind::Invalid, graph.error().message());
      return error_;
    }
    return std::move(*graph);
  }

  onnx::ModelProto &model_;
  std::string base_;
  const OnnxImportOptions &options_;
  GraphBuilder builder_;
  ValueTable values_;
  OnnxImportError error_;
  int64_t opset_ = 0;
  std::map<std::string, std::string> badInitializers_;
  std::vector<std::string> openDimNames_; // symbolic dims left open
  std::map<std::string, int64_t> sizedFromInputs_; // by sizeFromInputs
  std::vector<std::string> outputs_;
  std::set<std::string> needed_;
  std::vector<const onnx::NodeProto *> order_; // the needed nodes, sorted
};

} // namespace

namespace {

std::optional<OnnxImportError> parseModel(std::string_view bytes,
                                          const std::string &sourceName,
                                          onnx::ModelProto &model) {
  if (bytes.size() > size_t(INT32_MAX) ||
      !model.ParseFromArray(bytes.data(), int(bytes.size())))
    return OnnxImportError{
        sourceName,
        {{OnnxProblem::Kind::Invalid, "", "",
          "not a valid ONNX model (the protobuf does not parse)"}}};
  return std::nullopt;
}

} // namespace

Expected<Graph, OnnxImportError>
importOnnxBytes(std::string_view bytes, const std::string &baseDirectory,
                const std::string &sourceName,
                const OnnxImportOptions &options) {
  onnx::ModelProto model;
  if (auto error = parseModel(bytes, sourceName, model))
    return *error;
  return Importer(model, baseDirectory, sourceName, options).run();
}

Expected<Graph, OnnxImportError>
importOnnxFile(const std::string &path, const OnnxImportOptions &options) {
  onnx::ModelProto model;
  {
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer)
      return OnnxImportError{
          path,
          {{OnnxProblem::Kind::Invalid, "", "",
            "cannot read the file: " + buffer.getError().message()}}};
    if (auto error = parseModel((*buffer)->getBuffer(), path, model))
      return *error;
  } // the file's bytes (mapped) go before the weights are copied again
  std::string base = std::filesystem::path(path).parent_path().string();
  return Importer(model, base, path, options).run();
}

Expected<NamedTensor, std::string>
readOnnxTensorFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return "'" + path + "': " + buffer.getError().message();
  onnx::TensorProto tensor;
  llvm::StringRef bytes = (*buffer)->getBuffer();
  if (bytes.size() > size_t(INT32_MAX) ||
      !tensor.ParseFromArray(bytes.data(), int(bytes.size())))
    return "'" + path + "' is not a serialized ONNX TensorProto";
  std::string base = std::filesystem::path(path).parent_path().string();
  auto decoded = importer::decodeTensor(tensor, base);
  if (!decoded)
    return "'" + path + "': " + decoded.error();
  return NamedTensor{tensor.name(), std::move(*decoded)};
}

namespace importer {

const ConverterTable &converters() {
  static const ConverterTable table = [] {
    ConverterTable t;
    registerElementwiseOps(t);
    registerActivationOps(t);
    registerConvPoolOps(t);
    registerMatmulOps(t);
    registerNormalizationOps(t);
    registerReductionOps(t);
    registerShapeOps(t);
    registerSlicePadOps(t);
    registerGatherScatterOps(t);
    registerQuantizationOps(t);
    registerIntegerOps(t);
    registerEinsumOps(t);
    registerComposedOps(t);
    registerTopKOps(t);
    registerGridSampleOps(t);
    registerSpectralOps(t);
    registerRecurrentOps(t);
    registerResizeOps(t);
    return t;
  }();
  return table;
}

} // namespace importer
} // namespace webnnc
