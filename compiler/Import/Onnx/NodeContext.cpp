// SPDX-License-Identifier: Apache-2.0
#include "NodeContext.h"

#include <cmath>
#include <cstring>

#include "TensorProto.h"

namespace webnnc::importer {

std::string nodeLabel(const onnx::NodeProto &node) {
  return !node.name().empty()       ? node.name()
         : node.output_size() > 0 ? node.output(0)
                                   : node.op_type();
}

std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

std::string describeSizes(const SizeTensor &sizes) {
  std::string text;
  for (const DimExpr &e : sizes.values)
    text += (text.empty() ? "" : ", ") + e.toString();
  return sizes.shape.empty() ? text : "[" + text + "]";
}

// --- ValueTable -------------------------------------------------------------

ImportedValue *ValueTable::find(const std::string &name) {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

ImportedValue &ValueTable::define(const std::string &name) {
  values_.erase(name);
  return values_[name];
}

Expected<Operand, std::string> ValueTable::operand(ImportedValue &value) {
  if (value.operand)
    return *value.operand;
  if (value.sizes)
    return "it holds sizes known only at compute (" +
           describeSizes(*value.sizes) +
           "), which webnnc does not make into tensor data";
  if (value.known) {
    value.operand = builder_.constant(value.known->descriptor(),
                                      std::span<const std::byte>(
                                          value.known->data(),
                                          value.known->byteSize()));
    return *value.operand;
  }
  if (value.initializer) {
    Operand made;
    auto error = withTensorBytes(*value.initializer, value.externalBase,
                                 [&](std::span<const std::byte> bytes) {
                                   made = builder_.constant(value.descriptor,
                                                            bytes);
                                 });
    if (error)
      return *error;
    value.operand = made;
    // Large weights now live in the graph; drop the protobuf's copy. Small
    // ones stay: shape computations may still read them.
    if (spec::elementCount(value.descriptor.shape) > kMaxKnownElements)
      releaseTensorData(*value.initializer);
    return made;
  }
  return std::string("value has no definition");
}

const HostTensor *ValueTable::known(ImportedValue &value, std::string &error) {
  if (value.known)
    return &*value.known;
  if (value.initializer &&
      spec::elementCount(value.descriptor.shape) <= kMaxKnownElements) {
    auto decoded = decodeTensor(*value.initializer, value.externalBase);
    if (!decoded) {
      error = decoded.error();
      return nullptr;
    }
    value.known = std::move(*decoded);
    return &*value.known;
  }
  return nullptr;
}

// --- NodeContext ------------------------------------------------------------

NodeContext::NodeContext(const onnx::NodeProto &node, int64_t opset,
                         GraphBuilder &builder, ValueTable &values,
                         const std::set<std::string> &needed)
    : node_(node), opset_(opset), builder_(builder), values_(values),
      needed_(needed), label_(nodeLabel(node)) {}

bool NodeContext::hasInput(size_t i) const {
  return int(i) < node_.input_size() && !node_.input(i).empty() &&
         !(i > 0 && emptyInput(i));
}

bool NodeContext::emptyInput(size_t i) const {
  if (int(i) >= node_.input_size() || node_.input(i).empty())
    return false;
  ImportedValue *value = values_.find(node_.input(i));
  return value && value->known && value->known->elementCount() == 0;
}

Operand NodeContext::input(size_t i) {
  readInputs_.insert(i);
  if (!hasInput(i)) {
    invalid("input " + std::to_string(i) + " is required");
    return {};
  }
  ImportedValue *value = values_.find(node_.input(i));
  if (!value) {
    invalid("input '" + node_.input(i) + "' is not defined before the node");
    return {};
  }
  if (value->sizes) {
    // Read as data (index tensors built from shapes, sizes concatenated
    // with computed values): the sizes become a tensor at compute, once.
    if (!value->operand)
      value->operand = sizesAsTensor(*value->sizes);
    return *value->operand;
  }
  if (value->known && value->known->elementCount() == 0) {
    notInWebNN("input '" + node_.input(i) + "' is empty (shape " +
               spec::toString(value->known->shape()) +
               "); WebNN has no empty tensors");
    return {};
  }
  auto operand = values_.operand(*value);
  if (!operand) {
    invalid(operand.error());
    return {};
  }
  return *operand;
}

// Each size is a constant, or the element count of ones expanded to it
// (reduceSum of int32 ones: the runtime computes the expression).
Operand NodeContext::sizesAsTensor(const SizeTensor &sizes) {
  if (sizes.values.empty()) {
    notInWebNN("an empty list of sizes read as a tensor (WebNN has no "
               "empty tensors)");
    return {};
  }
  spec::OperatorOptions labelled = options();
  if (!labelled.label.empty())
    labelled.label += ".sizes";
  std::vector<Operand> parts;
  for (const DimExpr &size : sizes.values) {
    if (auto fixed = size.constantValue()) {
      parts.push_back(
          builder_.constant({spec::DataType::Int32, {1}}, double(*fixed)));
      continue;
    }
    Operand ones =
        expandTo(builder_.constant({spec::DataType::Int32, {}}, 1), {size});
    spec::ReduceOptions count;
    count.label = labelled.label;
    count.axes = std::vector<int64_t>{0};
    count.keepDimensions = true;
    parts.push_back(builder_.reduceSum(ones, count));
  }
  Operand list =
      parts.size() == 1 ? parts[0] : builder_.concat(parts, 0, labelled);
  if (sizes.type != spec::DataType::Int32)
    list = builder_.cast(list, sizes.type, labelled);
  return builder_.reshape(list, sizes.shape, labelled);
}

const spec::OperandDescriptor &NodeContext::inputDescriptor(size_t i) {
  static const spec::OperandDescriptor none{};
  readInputs_.insert(i);
  if (!hasInput(i)) {
    invalid("input " + std::to_string(i) + " is required");
    return none;
  }
  ImportedValue *value = values_.find(node_.input(i));
  if (!value) {
    invalid("input '" + node_.input(i) + "' is not defined before the node");
    return none;
  }
  return value->descriptor;
}

const HostTensor *NodeContext::known(size_t i) {
  readInputs_.insert(i);
  if (!hasInput(i))
    return nullptr;
  ImportedValue *value = values_.find(node_.input(i));
  if (!value)
    return nullptr;
  std::string error;
  const HostTensor *t = values_.known(*value, error);
  if (!error.empty())
    invalid(error);
  return t;
}

bool NodeContext::allInputsKnown() {
  // A node without inputs, or with an absent one (an empty name), has
  // nothing to fold: every folding converter reads its inputs, and a
  // required one left out must reach input(), which reports it.
  if (inputCount() == 0)
    return false;
  for (size_t i = 0; i < inputCount(); ++i)
    if (!hasInput(i) || !known(i))
      return false;
  return true;
}

std::optional<std::vector<int64_t>>
NodeContext::constantInts(size_t i, const std::string &what) {
  const HostTensor *t = known(i);
  if (!t) {
    notKnown(i, what);
    return std::nullopt;
  }
  if (spec::isFloatingPoint(t->dataType())) {
    invalid(what + " must hold integers");
    return std::nullopt;
  }
  std::vector<int64_t> out(t->elementCount());
  for (size_t k = 0; k < out.size(); ++k)
    out[k] = t->dataType() == spec::DataType::Int64 ? t->as<int64_t>()[k]
                                                    : int64_t(t->at(k));
  return out;
}

void NodeContext::notKnown(size_t i, const std::string &what) {
  if (failed())
    return;
  if (holdsOpenSizes(i)) {
    ImportedValue *value = values_.find(node_.input(i));
    unsupported(what + " must be known at compile time, and it depends on "
                       "open dimensions (" +
                describeSizes(*value->sizes) + ")");
  } else {
    unsupported(what + " must be known at compile time (a constant, or "
                       "computed from constants and static shapes)");
  }
  if (hasInput(i))
    problem_->needsConstant = node_.input(i);
}

bool NodeContext::holdsOpenSizes(size_t i) {
  ImportedValue *value = hasInput(i) ? values_.find(node_.input(i)) : nullptr;
  return value && value->sizes;
}

std::optional<SizeTensor> NodeContext::sizeTensor(size_t i) {
  readInputs_.insert(i);
  if (holdsOpenSizes(i))
    return values_.find(node_.input(i))->sizes;
  const HostTensor *t = known(i);
  if (!t || spec::isFloatingPoint(t->dataType()))
    return std::nullopt;
  SizeTensor out{t->dataType(), t->shape(), {}};
  for (size_t k = 0; k < t->elementCount(); ++k)
    out.values.push_back(DimExpr(t->dataType() == spec::DataType::Int64
                                     ? t->as<int64_t>()[k]
                                     : int64_t(t->at(k))));
  return out;
}

std::optional<std::vector<DimExpr>>
NodeContext::sizeList(size_t i, const std::string &what) {
  if (auto sizes = sizeTensor(i))
    return sizes->values;
  if (const HostTensor *t = known(i); t && spec::isFloatingPoint(t->dataType()))
    invalid(what + " must hold integers");
  else
    notKnown(i, what);
  return std::nullopt;
}

std::optional<std::vector<DimExpr>> NodeContext::dims(const Operand &operand) {
  std::vector<DimExpr> out;
  for (size_t d = 0; d < operand.rank(); ++d) {
    auto dim = builder_.dim(operand, d);
    if (!dim) {
      unsupported("the sizes of its input: " + dim.error().message());
      return std::nullopt;
    }
    out.push_back(*dim);
  }
  return out;
}

std::optional<std::vector<DimExpr>> NodeContext::inputDims(size_t i) {
  const spec::OperandDescriptor &desc = inputDescriptor(i);
  if (failed())
    return std::nullopt;
  if (!spec::hasOpenDims(desc.shape))
    return std::vector<DimExpr>(desc.shape.begin(), desc.shape.end());
  Operand x = input(i);
  if (failed())
    return std::nullopt;
  return dims(x);
}

namespace {

// The static shape of |sizes|, or nullopt when one is an expression.
std::optional<spec::Shape> staticShape(const std::vector<DimExpr> &sizes) {
  spec::Shape shape;
  for (const DimExpr &e : sizes) {
    auto v = e.constantValue();
    if (!v)
      return std::nullopt;
    shape.push_back(*v);
  }
  return shape;
}

} // namespace

Operand NodeContext::reshapeTo(const Operand &x,
                               const std::vector<DimExpr> &shape) {
  if (auto fixed = staticShape(shape))
    return builder_.reshape(x, *fixed, options());
  return builder_.reshapeSymbolic(x, shape, options());
}

Operand NodeContext::expandTo(const Operand &x,
                              const std::vector<DimExpr> &shape) {
  if (auto fixed = staticShape(shape))
    return builder_.expand(x, *fixed, options());
  return builder_.expandSymbolic(x, shape, options());
}

std::optional<double> NodeContext::constantScalar(size_t i,
                                                  const std::string &what) {
  const HostTensor *t = known(i);
  if (!t) {
    notKnown(i, what);
    return std::nullopt;
  }
  if (t->elementCount() != 1) {
    invalid(what + " must hold one element, it holds " +
            std::to_string(t->elementCount()));
    return std::nullopt;
  }
  return t->at(0);
}

const onnx::AttributeProto *NodeContext::attribute(const std::string &name) {
  readAttributes_.insert(name);
  for (const auto &attr : node_.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

bool NodeContext::has(const std::string &name) {
  return attribute(name) != nullptr;
}

void NodeContext::ignore(const std::string &name) { attribute(name); }

int64_t NodeContext::attrInt(const std::string &name, int64_t defaultValue) {
  const auto *a = attribute(name);
  if (!a)
    return defaultValue;
  if (a->type() != onnx::AttributeProto::INT) {
    invalid("attribute '" + name + "' must be an int");
    return defaultValue;
  }
  return a->i();
}

double NodeContext::attrFloat(const std::string &name, double defaultValue) {
  const auto *a = attribute(name);
  if (!a)
    return defaultValue;
  if (a->type() != onnx::AttributeProto::FLOAT) {
    invalid("attribute '" + name + "' must be a float");
    return defaultValue;
  }
  return a->f();
}

std::string NodeContext::attrString(const std::string &name,
                                    const std::string &defaultValue) {
  const auto *a = attribute(name);
  if (!a)
    return defaultValue;
  if (a->type() != onnx::AttributeProto::STRING) {
    invalid("attribute '" + name + "' must be a string");
    return defaultValue;
  }
  return a->s();
}

std::vector<int64_t> NodeContext::attrInts(const std::string &name,
                                           std::vector<int64_t> defaultValue) {
  const auto *a = attribute(name);
  if (!a)
    return defaultValue;
  if (a->type() != onnx::AttributeProto::INTS) {
    invalid("attribute '" + name + "' must be a list of ints");
    return defaultValue;
  }
  return {a->ints().begin(), a->ints().end()};
}

std::vector<double> NodeContext::attrFloats(const std::string &name) {
  const auto *a = attribute(name);
  if (!a)
    return {};
  if (a->type() != onnx::AttributeProto::FLOATS) {
    invalid("attribute '" + name + "' must be a list of floats");
    return {};
  }
  return {a->floats().begin(), a->floats().end()};
}

const onnx::TensorProto *NodeContext::attrTensor(const std::string &name) {
  const auto *a = attribute(name);
  if (!a)
    return nullptr;
  if (a->type() != onnx::AttributeProto::TENSOR) {
    invalid("attribute '" + name + "' must be a tensor");
    return nullptr;
  }
  return &a->t();
}

bool NodeContext::wantsOutput(size_t i) const {
  return int(i) < node_.output_size() && !node_.output(i).empty() &&
         needed_.count(node_.output(i));
}

void NodeContext::set(size_t i, const Operand &operand) {
  if (failed())
    return;
  if (const BuildError *error = operand.error()) {
    if (error->openDimsUnsupported)
      unsupported(error->message());
    else
      invalid(error->message());
    return;
  }
  if (!operand.valid()) {
    invalid("internal: output " + std::to_string(i) + " has no operand");
    return;
  }
  setOutputs_.insert(i);
  if (!wantsOutput(i))
    return;
  ImportedValue &value = values_.define(node_.output(i));
  value.descriptor = operand.descriptor();
  value.operand = operand;
  value.computed = true;
}

void NodeContext::forward(size_t i, size_t input) {
  readInputs_.insert(input);
  if (failed())
    return;
  ImportedValue *from = hasInput(input) ? values_.find(node_.input(input))
                                        : nullptr;
  if (!from) {
    invalid("input " + std::to_string(input) + " is required");
    return;
  }
  setOutputs_.insert(i);
  if (!wantsOutput(i))
    return;
  // Materialize a large initializer once, so aliases share one constant.
  if (from->initializer && !from->operand && !from->known) {
    auto operand = values_.operand(*from);
    if (!operand)
      return invalid(operand.error());
  }
  ImportedValue copy = *from;
  ImportedValue &value = values_.define(node_.output(i));
  value = std::move(copy);
}

void NodeContext::setKnown(size_t i, HostTensor tensor) {
  if (failed())
    return;
  setOutputs_.insert(i);
  if (!wantsOutput(i))
    return;
  ImportedValue &value = values_.define(node_.output(i));
  value.descriptor = tensor.descriptor();
  value.known = std::move(tensor);
}

void NodeContext::setSizes(size_t i, SizeTensor sizes) {
  if (failed())
    return;
  bool constant = true;
  for (const DimExpr &e : sizes.values)
    constant &= e.isConstant();
  if (constant) {
    HostTensor t({sizes.type, sizes.shape});
    for (size_t k = 0; k < sizes.values.size(); ++k)
      t.set(k, double(*sizes.values[k].constantValue()));
    return setKnown(i, std::move(t));
  }
  setOutputs_.insert(i);
  if (!wantsOutput(i))
    return;
  ImportedValue &value = values_.define(node_.output(i));
  value.descriptor = {sizes.type, sizes.shape};
  value.sizes = std::move(sizes);
}

void NodeContext::unsupported(std::string reason) {
  if (!problem_)
    problem_ = OnnxProblem{OnnxProblem::Kind::Unsupported, label_,
                           node_.op_type(), std::move(reason)};
}

void NodeContext::notInWebNN(std::string reason) {
  if (!problem_)
    problem_ = OnnxProblem{OnnxProblem::Kind::NotInWebNN, label_,
                           node_.op_type(), std::move(reason)};
}

void NodeContext::invalid(std::string reason) {
  if (!problem_)
    problem_ = OnnxProblem{OnnxProblem::Kind::Invalid, label_, node_.op_type(),
                           std::move(reason)};
}

Operand NodeContext::convertAs(const std::string &opType,
                               const std::vector<Operand> &inputs) {
  if (failed())
    return {};
  auto converter = converters().find(opType);
  if (converter == converters().end()) {
    invalid("internal: no converter for " + opType);
    return {};
  }
  // The stand-in node's values are named after this node's first output
  // with a '#', which ONNX names in the same graph cannot collide with
  // (each name is defined once, and these are defined here only).
  std::string prefix = node_.output(0) + "#" + opType;
  onnx::NodeProto node;
  node.set_op_type(opType);
  node.set_name(label_);
  for (const onnx::AttributeProto &attr : node_.attribute()) {
    *node.add_attribute() = attr;
    readAttributes_.insert(attr.name());
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i]) {
      node.add_input("");
      continue;
    }
    std::string name = prefix + ":" + std::to_string(i);
    ImportedValue &value = values_.define(name);
    value.descriptor = inputs[i].descriptor();
    value.operand = inputs[i];
    value.computed = true;
    node.add_input(name);
  }
  node.add_output(prefix);
  std::set<std::string> needed{prefix};
  NodeContext inner(node, opset_, builder_, values_, needed);
  converter->second(inner);
  if (std::optional<OnnxProblem> problem = inner.finish()) {
    problem_ = problem;
    problem_->opType = node_.op_type();
    problem_->reason = "as " + opType + ": " + problem_->reason;
    return {};
  }
  ImportedValue *result = values_.find(prefix);
  if (!result || !result->operand) {
    invalid("internal: " + opType + " computed no operand");
    return {};
  }
  return *result->operand;
}

std::optional<OnnxProblem> NodeContext::finish() {
  if (!problem_) {
    for (const auto &attr : node_.attribute())
      if (!readAttributes_.count(attr.name())) {
        unsupported("attribute '" + attr.name() + "' is not supported");
        break;
      }
  }
  if (!problem_) {
    for (size_t i = 0; i < inputCount(); ++i)
      if (hasInput(i) && !readInputs_.count(i)) {
        unsupported("input " + std::to_string(i) + " ('" + node_.input(i) +
                    "') is not supported");
        break;
      }
  }
  if (!problem_) {
    for (size_t i = 0; i < outputCount(); ++i)
      if (wantsOutput(i) && !setOutputs_.count(i)) {
        unsupported("output " + std::to_string(i) + " ('" + node_.output(i) +
                    "') is not supported");
        break;
      }
  }
  return problem_;
}

} // namespace webnnc::importer
