// SPDX-License-Identifier: Apache-2.0
// KernelSpec text form.
//
//   webnnc-kernels 2
//   target x86-64-linux-avx2
//   kernel lenet_k0_conv2d
//   in_place                      (optional: output may alias an input)
//   producer pool_tiles           (two stages: where the first is computed)
//   input float32 1,1,28,28
//   input float32 20,1,5,5
//   op conv2d float32 1,20,24,24 operands 0,1 int padding 0,0,0,0
//   op relu float32 1,20,24,24 operands 2 elementwise
//   output 3
//   end
#include "webnnc/KernelSpec/KernelSpec.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

namespace webnnc::kernels {

const std::vector<int64_t> *OpSpec::intAttr(const std::string &key) const {
  auto it = ints.find(key);
  return it == ints.end() ? nullptr : &it->second;
}

int64_t OpSpec::intAttr(const std::string &key, int64_t fallback) const {
  const std::vector<int64_t> *values = intAttr(key);
  return values && !values->empty() ? values->front() : fallback;
}

std::vector<int64_t> OpSpec::intList(const std::string &key) const {
  const std::vector<int64_t> *values = intAttr(key);
  return values ? *values : std::vector<int64_t>{};
}

const std::vector<double> *OpSpec::floatAttr(const std::string &key) const {
  auto it = floats.find(key);
  return it == floats.end() ? nullptr : &it->second;
}

const TensorSpec &KernelSpec::valueType(int value) const {
  if (value < static_cast<int>(inputs.size()))
    return inputs[value];
  return ops[value - inputs.size()].result;
}

std::vector<KernelStage> KernelSpec::stages() const {
  std::vector<KernelStage> stages;
  for (size_t i = 0; i < ops.size(); ++i) {
    const std::string &kind = ops[i].kind;
    if (kind == "constant")
      continue;
    if (stages.empty() || !ops[i].elementwise) {
      stages.push_back({i, i + 1, i});
      continue;
    }
    KernelStage &stage = stages.back();
    stage.end = i + 1;
    if (ops[stage.anchor].elementwise) // an element-wise stage
      stage.anchor = i;
  }
  if (!stages.empty()) { // constants before or after belong to the ends
    stages.front().begin = 0;
    stages.back().end = ops.size();
  }
  return stages;
}

std::string_view toString(ProducerPlacement placement) {
  switch (placement) {
  case ProducerPlacement::None:
    return "none";
  case ProducerPlacement::PoolTiles:
    return "pool_tiles";
  case ProducerPlacement::SlidingRows:
    return "sliding_rows";
  case ProducerPlacement::Inlined:
    return "inlined";
  }
  return "none";
}

namespace {

std::optional<ProducerPlacement> parsePlacement(std::string_view text) {
  for (ProducerPlacement p :
       {ProducerPlacement::PoolTiles, ProducerPlacement::SlidingRows,
        ProducerPlacement::Inlined})
    if (toString(p) == text)
      return p;
  return std::nullopt;
}

std::string joinInts(const std::vector<int64_t> &values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? "," : "") + std::to_string(values[i]);
  return out.empty() ? "-" : out;
}

std::string formatDouble(double v) {
  if (std::isnan(v))
    return "nan";
  if (std::isinf(v))
    return v > 0 ? "inf" : "-inf";
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", v);
  return buffer;
}

std::string tensorText(const TensorSpec &t) {
  std::vector<int64_t> shape(t.shape.begin(), t.shape.end());
  return std::string(spec::toString(t.dataType)) + " " + joinInts(shape);
}

void writeKernelBody(std::ostream &os, const KernelSpec &k) {
  if (k.inPlace)
    os << "in_place\n";
  if (k.producer != ProducerPlacement::None)
    os << "producer " << toString(k.producer) << "\n";
  for (const TensorSpec &in : k.inputs)
    os << "input " << tensorText(in) << "\n";
  for (const OpSpec &op : k.ops) {
    std::vector<int64_t> operands(op.operands.begin(), op.operands.end());
    os << "op " << op.kind << " " << tensorText(op.result) << " operands "
       << joinInts(operands) << (op.elementwise ? " elementwise" : "");
    for (const auto &[key, values] : op.ints)
      os << " int " << key << " " << joinInts(values);
    for (const auto &[key, values] : op.floats) {
      os << " float " << key << " ";
      for (size_t i = 0; i < values.size(); ++i)
        os << (i ? "," : "") << formatDouble(values[i]);
      if (values.empty())
        os << "-";
    }
    os << "\n";
  }
  for (int out : k.outputs)
    os << "output " << out << "\n";
}

} // namespace

std::string signature(const KernelSpec &kernel) {
  std::ostringstream os;
  writeKernelBody(os, kernel);
  return os.str();
}

std::string serialize(const KernelBatch &batch) {
  std::ostringstream os;
  os << "webnnc-kernels 2\n";
  os << "target " << batch.target << "\n";
  for (const KernelSpec &k : batch.kernels) {
    os << "kernel " << k.name << "\n";
    writeKernelBody(os, k);
    os << "end\n";
  }
  return os.str();
}

namespace {

class Parser {
public:
  explicit Parser(std::string_view text) : text_(text) {}

  Expected<KernelBatch, std::string> parse() {
    KernelBatch batch;
    if (!nextLine() || line_ != "webnnc-kernels 2")
      return error("expected 'webnnc-kernels 2'");
    if (!nextLine() || word(0) != "target" || words_.size() != 2)
      return error("expected 'target <halide target>'");
    batch.target = words_[1];
    KernelSpec *kernel = nullptr;
    while (nextLine()) {
      std::string_view w = word(0);
      if (w == "kernel" && !kernel && words_.size() == 2) {
        kernel = &batch.kernels.emplace_back();
        kernel->name = words_[1];
      } else if (w == "end" && kernel) {
        if (kernel->outputs.empty() || kernel->ops.empty())
          return error("kernel '" + kernel->name + "' has no ops or outputs");
        kernel = nullptr;
      } else if (w == "in_place" && kernel && kernel->inputs.empty() &&
                 words_.size() == 1) {
        kernel->inPlace = true;
      } else if (w == "producer" && kernel && kernel->inputs.empty() &&
                 words_.size() == 2) {
        auto placement = parsePlacement(words_[1]);
        if (!placement)
          return error("unknown producer placement '" + words_[1] + "'");
        kernel->producer = *placement;
      } else if (w == "input" && kernel && kernel->ops.empty() &&
                 words_.size() == 3) {
        auto t = tensor(1);
        if (!t)
          return t.error();
        kernel->inputs.push_back(*t);
      } else if (w == "op" && kernel) {
        auto op = opSpec(*kernel);
        if (!op)
          return op.error();
        kernel->ops.push_back(*op);
      } else if (w == "output" && kernel && words_.size() == 2) {
        auto v = integers(words_[1]);
        if (!v || v->size() != 1 || !validValue(*kernel, (*v)[0]))
          return error("bad output value");
        kernel->outputs.push_back(static_cast<int>((*v)[0]));
      } else {
        return error("unexpected line");
      }
    }
    if (kernel)
      return error("missing 'end' for kernel '" + kernel->name + "'");
    return batch;
  }

private:
  bool nextLine() {
    while (pos_ < text_.size()) {
      size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos)
        end = text_.size();
      line_ = std::string(text_.substr(pos_, end - pos_));
      pos_ = end + 1;
      ++lineNumber_;
      words_.clear();
      std::istringstream is(line_);
      std::string w;
      while (is >> w)
        words_.push_back(w);
      if (!words_.empty())
        return true;
    }
    return false;
  }
  std::string_view word(size_t i) const {
    return i < words_.size() ? std::string_view(words_[i]) : "";
  }
  std::string error(const std::string &why) const {
    return "kernel spec line " + std::to_string(lineNumber_) + ": " + why +
           ": '" + line_ + "'";
  }
  bool validValue(const KernelSpec &k, int64_t v) const {
    return v >= 0 && v < static_cast<int64_t>(k.inputs.size() + k.ops.size());
  }

  // A comma-separated list ("-" for empty), each item read by |parse|
  // (strtoll or strtod style), or nullopt if an item is malformed.
  template <typename T, typename Parse>
  static std::optional<std::vector<T>> list(const std::string &text,
                                            Parse parse) {
    std::vector<T> out;
    if (text == "-")
      return out;
    std::istringstream is(text);
    std::string item;
    while (std::getline(is, item, ',')) {
      char *end = nullptr;
      T v = parse(item.c_str(), &end);
      if (item.empty() || *end != '\0')
        return std::nullopt;
      out.push_back(v);
    }
    return out;
  }
  static std::optional<std::vector<int64_t>> integers(const std::string &text) {
    return list<int64_t>(text, [](const char *s, char **end) -> int64_t {
      return std::strtoll(s, end, 10);
    });
  }
  static std::optional<std::vector<double>> doubles(const std::string &text) {
    return list<double>(text, [](const char *s, char **end) {
      return std::strtod(s, end);
    });
  }
  Expected<TensorSpec, std::string> tensor(size_t at) const {
    auto type = spec::parseDataType(word(at));
    auto shape = integers(words_.size() > at + 1 ? words_[at + 1] : "");
    if (!type || !shape)
      return error("bad tensor type");
    return TensorSpec{*type, spec::Shape(shape->begin(), shape->end())};
  }
  Expected<OpSpec, std::string> opSpec(const KernelSpec &k) const {
    if (words_.size() < 6 || word(4) != "operands")
      return error("expected 'op <kind> <type> <shape> operands <values> "
                   "[elementwise]'");
    OpSpec op;
    op.kind = words_[1];
    auto t = tensor(2);
    if (!t)
      return t.error();
    op.result = *t;
    auto operands = integers(words_[5]);
    if (!operands)
      return error("bad operands");
    int64_t self = static_cast<int64_t>(k.inputs.size() + k.ops.size());
    for (int64_t v : *operands) {
      if (v < 0 || v >= self)
        return error("operand " + std::to_string(v) + " is not defined yet");
      op.operands.push_back(static_cast<int>(v));
    }
    size_t attributes = 6;
    if (words_.size() > 6 && words_[6] == "elementwise") {
      op.elementwise = true;
      attributes = 7;
    }
    for (size_t i = attributes; i < words_.size(); i += 3) {
      if (i + 2 >= words_.size())
        return error("attribute needs '<int|float> <key> <values>'");
      if (words_[i] == "int") {
        auto v = integers(words_[i + 2]);
        if (!v)
          return error("bad int attribute");
        op.ints[words_[i + 1]] = *v;
      } else if (words_[i] == "float") {
        auto v = doubles(words_[i + 2]);
        if (!v)
          return error("bad float attribute");
        op.floats[words_[i + 1]] = *v;
      } else {
        return error("unknown attribute kind '" + words_[i] + "'");
      }
    }
    return op;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int lineNumber_ = 0;
  std::string line_;
  std::vector<std::string> words_;
};

} // namespace

Expected<KernelBatch, std::string> parseKernelBatch(std::string_view text) {
  return Parser(text).parse();
}

} // namespace webnnc::kernels
