// SPDX-License-Identifier: Apache-2.0
// Reading WPT conformance JSON.
#include "WptCase.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "llvm/Support/JSON.h"

namespace webnnc::wpt {
namespace json = llvm::json;

namespace {

// A descriptor whose shape may hold dynamic dimensions ({"name",
// "maxSize"}): those are kOpenDim, named and bounded in |openDims|.
Expected<spec::OperandDescriptor, std::string>
descriptorFromJson(const json::Value *value,
                   std::vector<std::pair<std::string, int64_t>> *openDims =
                       nullptr) {
  const json::Object *object = value ? value->getAsObject() : nullptr;
  if (!object)
    return std::string("'descriptor' must be an object");
  spec::OperandDescriptor desc;
  auto type = object->getString("dataType");
  if (!type || !spec::parseDataType(*type))
    return std::string("'descriptor.dataType' must name a WebNN data type");
  desc.dataType = *spec::parseDataType(*type);
  const json::Array *shape = object->getArray("shape");
  if (!shape)
    shape = object->getArray("dimensions"); // older WPT spelling
  if (!shape)
    return std::string("'descriptor.shape' must be a list");
  for (const json::Value &d : *shape) {
    if (const json::Object *dynamic = d.getAsObject(); dynamic && openDims) {
      auto name = dynamic->getString("name");
      auto maxSize = dynamic->getInteger("maxSize");
      if (!name || !maxSize || *maxSize < 1)
        return std::string("a dynamic dimension needs 'name' and a positive "
                           "'maxSize'");
      desc.shape.push_back(spec::kOpenDim);
      openDims->push_back({name->str(), *maxSize});
      continue;
    }
    auto dim = d.getAsInteger();
    if (!dim)
      return std::string("'descriptor.shape' must hold integers or dynamic "
                         "dimensions");
    desc.shape.push_back(*dim);
  }
  if (auto error = spec::checkDescriptor(desc, "descriptor",
                                         /*allowOpen=*/openDims != nullptr))
    return error->format("descriptor");
  return desc;
}

// The concrete shape of a tensor with dynamic dimensions: its top-level
// "shape", which must agree with the descriptor's static dimensions.
Expected<spec::Shape, std::string>
concreteShape(const json::Object &object, const spec::OperandDescriptor &desc) {
  const json::Array *shape = object.getArray("shape");
  if (!shape || shape->size() != desc.shape.size())
    return std::string("a descriptor with dynamic dimensions needs a "
                       "concrete 'shape' of the same rank");
  spec::Shape out;
  for (size_t d = 0; d < shape->size(); ++d) {
    auto dim = (*shape)[d].getAsInteger();
    if (!dim || *dim < 1 ||
        (!spec::isOpen(desc.shape[d]) && *dim != desc.shape[d]))
      return std::string("the concrete 'shape' must hold the descriptor's "
                         "static dimensions and positive sizes");
    out.push_back(*dim);
  }
  return out;
}

// One element as int64 bits (integers) or double (floats).
bool readElement(const json::Value &v, spec::DataType type, HostTensor &t,
                 size_t i) {
  if (!spec::isFloatingPoint(type)) {
    int64_t bits = 0;
    if (auto s = v.getAsString()) {
      std::string text = s->str();
      if (!text.empty() && text.back() == 'n') // a JavaScript BigInt
        text.pop_back();
      errno = 0;
      char *end = nullptr;
      bits = type == spec::DataType::Uint64
                 ? int64_t(std::strtoull(text.c_str(), &end, 10))
                 : std::strtoll(text.c_str(), &end, 10);
      if (errno || !end || *end)
        return false;
    } else if (auto n = v.getAsInteger()) {
      bits = *n;
    } else if (auto d = v.getAsNumber()) {
      bits = int64_t(*d);
    } else {
      return false;
    }
    if (spec::isFourBit(type)) {
      t.set(i, double(bits)); // packs the nibble
      return true;
    }
    size_t size = spec::byteSize(type);
    std::memcpy(t.data() + i * size, &bits, size); // little-endian
    return true;
  }
  std::optional<double> d = v.getAsNumber();
  if (v.kind() == json::Value::Null)
    return false;
  if (!d) {
    // Non-finite values are spelled as strings.
    auto s = v.getAsString();
    if (!s)
      return false;
    if (*s == "NaN")
      d = std::nan("");
    else if (*s == "Infinity")
      d = INFINITY;
    else if (*s == "-Infinity")
      d = -INFINITY;
    else
      return false;
  }
  t.set(i, *d);
  return true;
}

Expected<Tensor, std::string> tensorOf(const json::Value &value,
                                       bool allowConstant) {
  const json::Object *object = value.getAsObject();
  if (!object)
    return std::string("must be an object");
  Tensor tensor;
  auto desc = descriptorFromJson(object->get("descriptor"), &tensor.openDims);
  if (!desc)
    return desc.error();
  tensor.descriptor = *desc;
  spec::OperandDescriptor concrete = *desc;
  if (!tensor.openDims.empty()) {
    auto shape = concreteShape(*object, *desc);
    if (!shape)
      return shape.error();
    concrete.shape = *shape;
  }
  const json::Value *data = object->get("data");
  if (!data)
    return std::string("has no 'data'");
  auto host = tensorFromJson(concrete, *data);
  if (!host)
    return host.error();
  tensor.value = std::move(*host);
  if (allowConstant)
    tensor.constant = object->getBoolean("constant").value_or(false);
  return tensor;
}

Expected<Case, std::string> caseOf(const json::Value &value,
                                   const std::string &operation) {
  const json::Object *object = value.getAsObject();
  if (!object)
    return std::string("a test must be an object");
  Case c;
  c.operation = operation;
  c.name = object->getString("name").value_or("").str();
  const json::Object *graph = object->getObject("graph");
  if (!graph)
    return c.name + ": has no 'graph'";
  if (const json::Object *inputs = graph->getObject("inputs"))
    for (const auto &[name, v] : *inputs) {
      auto t = tensorOf(v, /*allowConstant=*/true);
      if (!t)
        return c.name + ": input '" + name.str() + "' " + t.error();
      c.inputs[name.str()] = std::move(*t);
    }
  const json::Array *operators = graph->getArray("operators");
  if (!operators || operators->empty())
    return c.name + ": has no 'operators'";
  for (const json::Value &o : *operators) {
    const json::Object *op = o.getAsObject();
    if (!op || !op->getString("name"))
      return c.name + ": every operator needs a 'name'";
    Operator call;
    call.name = op->getString("name")->str();
    if (const json::Array *args = op->getArray("arguments"))
      for (const json::Value &a : *args) {
        const json::Object *arg = a.getAsObject();
        if (!arg || arg->size() != 1)
          return c.name + ": " + call.name +
                 ": each argument must be a single-key object";
        call.arguments.push_back({arg->begin()->first.str(),
                                  &arg->begin()->second});
      }
    const json::Value *outputs = op->get("outputs");
    if (outputs && outputs->getAsString())
      call.outputs.push_back(outputs->getAsString()->str());
    else if (outputs && outputs->getAsArray())
      for (const json::Value &name : *outputs->getAsArray())
        call.outputs.push_back(name.getAsString().value_or("").str());
    if (call.outputs.empty())
      return c.name + ": " + call.name + ": has no 'outputs'";
    c.operators.push_back(std::move(call));
  }
  if (const json::Object *expected = graph->getObject("expectedOutputs"))
    for (const auto &[name, v] : *expected) {
      auto t = tensorOf(v, /*allowConstant=*/false);
      if (!t)
        return c.name + ": expected output '" + name.str() + "' " + t.error();
      c.expected[name.str()] = std::move(t->value);
    }
  return c;
}

} // namespace

Expected<HostTensor, std::string>
tensorFromJson(const spec::OperandDescriptor &descriptor,
               const json::Value &data) {
  HostTensor t(descriptor);
  size_t n = t.elementCount();
  if (const json::Array *values = data.getAsArray()) {
    // A one-element list also fills a tensor (scalars are written [x]).
    if (values->size() != n && values->size() != 1)
      return "'data' has " + std::to_string(values->size()) +
             " values, the descriptor needs " + std::to_string(n);
    for (size_t i = 0; i < n; ++i) {
      const json::Value &v = (*values)[values->size() == 1 ? 0 : i];
      if (v.kind() == json::Value::Null)
        return std::string("'data' holds null (a non-finite number the "
                           "JSON conversion lost)");
      if (!readElement(v, descriptor.dataType, t, i))
        return std::string("'data' holds a value that is not a ") +
               std::string(spec::toString(descriptor.dataType));
    }
    return t;
  }
  for (size_t i = 0; i < n; ++i)
    if (!readElement(data, descriptor.dataType, t, i))
      return std::string("'data' is not a number or list");
  return t;
}

Expected<File, std::string> readFile(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    return "cannot read '" + path + "'";
  std::stringstream text;
  text << in.rdbuf();
  llvm::Expected<json::Value> parsed = json::parse(text.str());
  if (!parsed)
    return path + ": " + llvm::toString(parsed.takeError());
  File file;
  file.path = path;
  file.document = std::make_shared<json::Value>(std::move(*parsed));
  const json::Object *root = file.document->getAsObject();
  if (!root)
    return path + ": the top level must be an object";
  std::string operation = root->getString("operation").value_or("").str();
  const json::Array *tests = root->getArray("tests");
  if (!tests)
    return path + ": has no 'tests' list";
  for (const json::Value &t : *tests) {
    auto c = caseOf(t, operation);
    if (!c) {
      // Keep the case, so it is reported rather than silently dropped.
      Case broken;
      broken.operation = operation;
      broken.name = t.getAsObject()
                        ? t.getAsObject()->getString("name").value_or("").str()
                        : "";
      broken.error = c.error();
      file.cases.push_back(std::move(broken));
      continue;
    }
    if (c->operation.empty())
      c->operation = c->operators.front().name;
    file.cases.push_back(std::move(*c));
  }
  return file;
}

} // namespace webnnc::wpt
