// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: sequences of GraphBuilder calls decoded from the bytes —
// inputs and constants of any type and shape (open dimensions too), ops with
// fuzzed options, operands of another builder or of a failed call, then
// build() with fuzzed outputs. A graph that builds must print, parse back
// and describe the same inputs and outputs; a call that fails must carry an
// error naming its op.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <cstdio>
#include <functional>

#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Graph/Graph.h"

using namespace webnnc;

namespace {

// Sizes a fuzzer can reach quickly: small ones, the limits and past them.
int64_t pickDim(FuzzedDataProvider &in) {
  static const int64_t kDims[] = {1, 2, 3, 4, 5, 7, 8, 16, 0, -1, -2,
                                  spec::kMaxDimension,
                                  spec::kMaxDimension + 1, int64_t(1) << 40,
                                  INT64_MAX, INT64_MIN};
  return in.PickValueInArray(kDims);
}

Shape pickShape(FuzzedDataProvider &in, size_t maxRank = 5) {
  Shape shape(in.ConsumeIntegralInRange<size_t>(0, maxRank));
  for (int64_t &d : shape)
    d = in.ConsumeBool() ? in.ConsumeIntegralInRange<int64_t>(1, 6)
                         : pickDim(in);
  return shape;
}

std::vector<int64_t> pickInts(FuzzedDataProvider &in, size_t maxCount = 6) {
  std::vector<int64_t> v(in.ConsumeIntegralInRange<size_t>(0, maxCount));
  for (int64_t &x : v)
    x = in.ConsumeBool() ? in.ConsumeIntegralInRange<int64_t>(-2, 6)
                         : pickDim(in);
  return v;
}

DataType pickType(FuzzedDataProvider &in) {
  return in.PickValueInArray(spec::kAllDataTypes);
}

struct Session {
  FuzzedDataProvider &in;
  GraphBuilder builder, other; // |other|: operands from the wrong builder
  std::vector<Operand> pool;

  Operand pick() {
    if (pool.empty() || in.ConsumeProbability<float>() < 0.03f)
      return Operand(); // default-constructed: belongs to no builder
    if (in.ConsumeProbability<float>() < 0.03f)
      return other.input("stranger", {DataType::Float32, {2}});
    return pool[in.ConsumeIntegralInRange<size_t>(0, pool.size() - 1)];
  }
  std::optional<Operand> maybe() {
    if (in.ConsumeBool())
      return std::nullopt;
    return pick();
  }

  // A failed call must say which op failed.
  void keep(const Operand &operand, const char *op) {
    if (const BuildError *e = operand.error()) {
      if (e->op.empty() || e->rule.empty()) {
        std::fprintf(stderr, "%s failed without naming op or rule: %s\n", op,
                     e->message().c_str());
        std::abort();
      }
    }
    pool.push_back(operand);
  }

  void step();
};

void Session::step() {
  GraphBuilder &b = builder;
  switch (in.ConsumeIntegralInRange<int>(0, 27)) {
  case 0: {
    Shape shape = pickShape(in);
    std::vector<OpenDimension> open;
    for (int64_t &d : shape)
      if (in.ConsumeProbability<float>() < 0.2f) {
        d = spec::kOpenDim;
        open.push_back({in.ConsumeBool() ? "n" : "m",
                        in.ConsumeIntegralInRange<int64_t>(-1, 9)});
      }
    if (in.ConsumeBool() && !open.empty())
      open.pop_back(); // a count that does not match
    std::string name = in.ConsumeBool() ? "x" : in.ConsumeRandomLengthString(4);
    return keep(b.input(name, {pickType(in), shape}, open), "input");
  }
  case 1:
    return keep(b.constant({pickType(in), pickShape(in)},
                           in.ConsumeFloatingPoint<double>()),
                "constant");
  case 2: {
    OperandDescriptor desc{pickType(in), pickShape(in, 3)};
    std::vector<uint8_t> bytes =
        in.ConsumeBytes<uint8_t>(in.ConsumeIntegralInRange<size_t>(0, 512));
    return keep(b.constant(desc, std::as_bytes(std::span<const uint8_t>(bytes))),
                "constant");
  }
  case 3: {
    static const GraphBuilder::Binary kBinary[] = {
        &GraphBuilder::add,        &GraphBuilder::sub,
        &GraphBuilder::mul,        &GraphBuilder::div,
        &GraphBuilder::max,        &GraphBuilder::pow,
        &GraphBuilder::equal,      &GraphBuilder::greater,
        &GraphBuilder::logicalAnd, &GraphBuilder::matmul,
        &GraphBuilder::prelu};
    return keep((b.*in.PickValueInArray(kBinary))(pick(), pick(), {}),
                "binary");
  }
  case 4: {
    static const GraphBuilder::Unary kUnary[] = {
        &GraphBuilder::relu,     &GraphBuilder::sigmoid, &GraphBuilder::exp,
        &GraphBuilder::abs,      &GraphBuilder::sqrt,    &GraphBuilder::neg,
        &GraphBuilder::logicalNot, &GraphBuilder::isNaN, &GraphBuilder::gelu,
        &GraphBuilder::identity, &GraphBuilder::erf,     &GraphBuilder::sign};
    return keep((b.*in.PickValueInArray(kUnary))(pick(), {}), "unary");
  }
  case 5: {
    Conv2dOptions o;
    o.padding = pickInts(in);
    o.strides = pickInts(in, 3);
    o.dilations = pickInts(in, 3);
    o.groups = in.ConsumeBool() ? 1 : pickDim(in);
    o.inputLayout = in.ConsumeBool() ? spec::InputOperandLayout::Nchw
                                     : spec::InputOperandLayout::Nhwc;
    o.bias = maybe();
    return keep(b.conv2d(pick(), pick(), o), "conv2d");
  }
  case 6: {
    ConvTranspose2dOptions o;
    o.padding = pickInts(in);
    o.strides = pickInts(in, 3);
    o.outputPadding = pickInts(in, 3);
    o.outputSizes = pickInts(in, 3);
    o.groups = in.ConsumeBool() ? 1 : pickDim(in);
    return keep(b.convTranspose2d(pick(), pick(), o), "convTranspose2d");
  }
  case 7: {
    Pool2dOptions o;
    o.windowDimensions = pickInts(in, 3);
    o.padding = pickInts(in);
    o.strides = pickInts(in, 3);
    o.dilations = pickInts(in, 3);
    o.outputSizes = pickInts(in, 3);
    if (in.ConsumeBool())
      o.outputShapeRounding = spec::RoundingType::Ceil;
    return keep(in.ConsumeBool() ? b.maxPool2d(pick(), o)
                                 : b.averagePool2d(pick(), o),
                "pool2d");
  }
  case 8: {
    ReduceOptions o;
    if (in.ConsumeBool())
      o.axes = pickInts(in, 4);
    o.keepDimensions = in.ConsumeBool();
    static const GraphBuilder::Reduce kReduce[] = {
        &GraphBuilder::reduceSum, &GraphBuilder::reduceMean,
        &GraphBuilder::reduceMax, &GraphBuilder::reduceLogSumExp,
        &GraphBuilder::reduceL2};
    return keep((b.*in.PickValueInArray(kReduce))(pick(), o), "reduce");
  }
  case 9:
    return keep(b.reshape(pick(), pickShape(in)), "reshape");
  case 10: {
    TransposeOptions o;
    if (in.ConsumeBool())
      o.permutation = pickInts(in, 5);
    return keep(b.transpose(pick(), o), "transpose");
  }
  case 11: {
    std::vector<Operand> parts(in.ConsumeIntegralInRange<size_t>(0, 4));
    for (Operand &p : parts)
      p = pick();
    return keep(b.concat(parts, in.ConsumeIntegral<uint32_t>() % 6), "concat");
  }
  case 12: {
    SliceOptions o;
    o.strides = pickInts(in, 4);
    return keep(b.slice(pick(), pickInts(in, 4), pickInts(in, 4), o), "slice");
  }
  case 13: {
    GatherOptions o;
    o.axis = in.ConsumeIntegralInRange<int64_t>(-1, 5);
    return keep(b.gather(pick(), pick(), o), "gather");
  }
  case 14: {
    PadOptions o;
    o.mode = static_cast<spec::PaddingMode>(in.ConsumeIntegralInRange(0, 3));
    o.value = in.ConsumeFloatingPoint<double>();
    return keep(b.pad(pick(), pickInts(in, 4), pickInts(in, 4), o), "pad");
  }
  case 15:
    return keep(b.softmax(pick(), in.ConsumeIntegral<uint32_t>() % 6),
                "softmax");
  case 16: {
    GemmOptions o;
    o.c = maybe();
    o.alpha = in.ConsumeFloatingPoint<double>();
    o.aTranspose = in.ConsumeBool();
    o.bTranspose = in.ConsumeBool();
    return keep(b.gemm(pick(), pick(), o), "gemm");
  }
  case 17: {
    SplitOptions o;
    o.axis = in.ConsumeIntegralInRange<int64_t>(-1, 5);
    auto parts = in.ConsumeBool()
                     ? b.split(pick(), in.ConsumeIntegral<uint32_t>() % 9, o)
                     : b.split(pick(), pickInts(in, 4), o);
    for (const Operand &p : parts)
      keep(p, "split");
    return;
  }
  case 18:
    return keep(b.expand(pick(), pickShape(in)), "expand");
  case 19: {
    LayerNormalizationOptions o;
    o.scale = maybe();
    o.bias = maybe();
    if (in.ConsumeBool())
      o.axes = pickInts(in, 4);
    o.epsilon = in.ConsumeFloatingPoint<double>();
    return keep(b.layerNormalization(pick(), o), "layerNormalization");
  }
  case 20: {
    BatchNormalizationOptions o;
    o.scale = maybe();
    o.bias = maybe();
    o.axis = in.ConsumeIntegralInRange<int64_t>(-1, 5);
    return keep(b.batchNormalization(pick(), pick(), pick(), o),
                "batchNormalization");
  }
  case 21: {
    Resample2dOptions o;
    o.sizes = pickInts(in, 3);
    if (in.ConsumeBool())
      o.scales = {in.ConsumeFloatingPoint<double>(),
                  in.ConsumeFloatingPoint<double>()};
    o.axes = pickInts(in, 3);
    return keep(b.resample2d(pick(), o), "resample2d");
  }
  case 22:
    return keep(b.where(pick(), pick(), pick()), "where");
  case 23:
    return keep(b.cast(pick(), pickType(in)), "cast");
  case 24: {
    ClampOptions o;
    o.minValue = in.ConsumeFloatingPoint<double>();
    o.maxValue = in.ConsumeFloatingPoint<double>();
    return keep(b.clamp(pick(), o), "clamp");
  }
  case 25:
    return keep(b.quantizeLinear(pick(), pick(), pick()), "quantizeLinear");
  case 26:
    return keep(b.tile(pick(), pickInts(in, 5)), "tile");
  case 27: {
    GruOptions o;
    o.bias = maybe();
    o.returnSequence = in.ConsumeBool();
    auto outs = b.gru(pick(), pick(), pick(),
                      in.ConsumeIntegralInRange<uint32_t>(0, 4),
                      in.ConsumeIntegralInRange<uint32_t>(0, 6), o);
    for (const Operand &p : outs)
      keep(p, "gru");
    return;
  }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  Session s{in, {}, {}, {}};
  int steps = in.ConsumeIntegralInRange<int>(0, 24);
  for (int i = 0; i < steps && in.remaining_bytes() > 0; ++i)
    s.step();

  std::map<std::string, Operand> outputs;
  int count = in.ConsumeIntegralInRange<int>(0, 3);
  for (int i = 0; i < count; ++i)
    outputs["out" + std::to_string(i)] = s.pick();
  auto graph = s.builder.build(outputs);
  if (!graph)
    return 0;
  // What builds must survive printing and parsing back.
  std::string text = graph->toMlir();
  auto parsed = Graph::parse(text, "fuzz");
  if (!parsed) {
    std::fprintf(stderr, "built graph does not parse back: %s\n%s\n",
                 parsed.error().c_str(), text.c_str());
    std::abort();
  }
  if (parsed->inputs().size() != graph->inputs().size() ||
      parsed->outputs().size() != graph->outputs().size()) {
    std::fprintf(stderr, "round trip changed the graph's interface\n");
    std::abort();
  }
  return 0;
}
