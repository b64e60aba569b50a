// SPDX-License-Identifier: Apache-2.0
// WPT operator calls -> GraphBuilder calls, with each operator's WPT
// tolerance.
#include "WptGraph.h"

#include <functional>
#include <set>

#include "WptArgs.h"
#include "WptSignatures.h"
#include "llvm/Support/JSON.h"
#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc::wpt {

namespace {

struct Called {
  std::vector<Operand> outputs;
  Tolerance tolerance;
};

using Handler = std::function<Called(GraphBuilder &, Args &)>;

bool isHalf(const Operand &o) { return o.dataType() == DataType::Float16; }
Tolerance ulp(double u) { return {u, 0}; }
// float32 / float16 variants.
Tolerance ulp(const Operand &o, double f32, double f16) {
  return ulp(isHalf(o) ? f16 : f32);
}
Tolerance atol(const Operand &o) {
  return {0, isHalf(o) ? 1.0 / 512 : 1.0 / 1024};
}

Handler binary(GraphBuilder::Binary method, double tolerance) {
  return [=](GraphBuilder &b, Args &a) {
    return Called{{(b.*method)(a.operand("a"), a.operand("b"), {a.label()})},
                  ulp(tolerance)};
  };
}

// WPT's tolerance for each single-input element-wise op (its test files'
// own numbers).
using UnaryTolerance = std::function<Tolerance(const Operand &)>;
const std::map<std::string, UnaryTolerance, std::less<>> &unaryTolerances() {
  auto fixed = [](double u) { return [u](const Operand &) { return ulp(u); }; };
  static const std::map<std::string, UnaryTolerance, std::less<>> t = {
      {"abs", fixed(0)},         {"ceil", fixed(0)},
      {"floor", fixed(0)},       {"identity", fixed(0)},
      {"neg", fixed(0)},         {"roundEven", fixed(0)},
      {"sign", fixed(0)},        {"relu", fixed(0)},
      {"isNaN", fixed(0)},       {"isInfinite", fixed(0)},
      {"logicalNot", fixed(0)},  {"sqrt", fixed(1)},
      {"reciprocal", fixed(2)},  {"softsign", fixed(3)},
      {"hardSwish", fixed(4)},   {"tanh", fixed(16)},
      {"gelu", fixed(18)},       {"softplus", fixed(18)},
      {"elu", fixed(18)},        {"hardSigmoid", fixed(2)},
      {"linear", fixed(2)},      {"cos", atol},
      {"sin", atol},             {"tan", atol},
      {"erf", atol},             {"log", atol},
      {"exp", [](const Operand &x) { return ulp(x, 32, 1); }},
      {"sigmoid", [](const Operand &x) { return ulp(x, 34, 10); }},
      {"leakyRelu", [](const Operand &x) { return ulp(x, 1, 2); }},
  };
  return t;
}

template <typename Options>
Handler unary(Operand (GraphBuilder::*method)(const Operand &, const Options &),
              const char *name) {
  return [=](GraphBuilder &b, Args &a) {
    Operand x = a.operand("input");
    Operand y = (b.*method)(x, a.options<Options>());
    auto tolerance = unaryTolerances().find(name);
    if (tolerance == unaryTolerances().end()) {
      if (a.error.empty())
        a.error = std::string(name) +
                  ": the runner knows no WPT tolerance for it "
                  "(unaryTolerances in WptGraph.cpp)";
      return Called{{y}, ulp(0)};
    }
    return Called{{y}, tolerance->second(x)};
  };
}

Handler pool(Operand (GraphBuilder::*method)(const Operand &,
                                             const Pool2dOptions &),
             bool isMax) {
  return [=](GraphBuilder &b, Args &a) {
    Operand x = a.operand("input");
    Pool2dOptions o = a.options<Pool2dOptions>();
    Operand y = (b.*method)(x, o);
    double window = 0;
    if (x.valid() && x.rank() == 4) {
      bool nchw = o.layout == InputOperandLayout::Nchw;
      window = o.windowDimensions.empty()
                   ? double(x.shape()[nchw ? 2 : 1] * x.shape()[nchw ? 3 : 2])
                   : double(o.windowDimensions[0] * o.windowDimensions[1]);
    }
    return Called{{y}, ulp(isMax ? 0 : window + 2)};
  };
}

// The elements a reduction combines into each output element.
double reducedCount(const Operand &x, const ReduceOptions &o) {
  if (!x.valid())
    return 0;
  double n = 1;
  if (!o.axes)
    return double(spec::elementCount(x.shape()));
  for (int64_t axis : *o.axes)
    if (axis >= 0 && axis < int64_t(x.rank()))
      n *= double(x.shape()[axis]);
  return n;
}

Handler reduce(GraphBuilder::Reduce method,
               std::function<double(double)> tolerance) {
  return [=](GraphBuilder &b, Args &a) {
    Operand x = a.operand("input");
    ReduceOptions o = a.options<ReduceOptions>();
    return Called{{(b.*method)(x, o)}, ulp(tolerance(reducedCount(x, o)))};
  };
}

using Handlers = std::map<std::string, Handler>;

void addElementwise(Handlers &h) {
  using G = GraphBuilder;
  // Element-wise binary.
  h["add"] = binary(&G::add, 1);
  h["sub"] = binary(&G::sub, 1);
  h["mul"] = binary(&G::mul, 1);
  h["div"] = binary(&G::div, 2);
  h["max"] = binary(&G::max, 0);
  h["min"] = binary(&G::min, 0);
  h["pow"] = [](G &b, Args &a) {
    Operand x = a.operand("a");
    return Called{{b.pow(x, a.operand("b"), {a.label()})}, ulp(x, 32, 2)};
  };
  for (auto [name, method] :
       std::initializer_list<std::pair<const char *, G::Binary>>{
           {"equal", &G::equal},
           {"notEqual", &G::notEqual},
           {"greater", &G::greater},
           {"greaterOrEqual", &G::greaterOrEqual},
           {"lesser", &G::lesser},
           {"lesserOrEqual", &G::lesserOrEqual},
           {"logicalAnd", &G::logicalAnd},
           {"logicalOr", &G::logicalOr},
           {"logicalXor", &G::logicalXor}})
    h[name] = binary(method, 0);
  // Element-wise unary ops and coefficient-only activations.
#define WEBNNC_WPT_UNARY(method, Kind, types, result, Options)                 \
  h[#method] = unary<Options>(&G::method, #method);
  WEBNNC_UNARY_OPS(WEBNNC_WPT_UNARY)
#undef WEBNNC_WPT_UNARY
  // Other activations.
  h["clamp"] = [](G &b, Args &a) {
    return Called{{b.clamp(a.operand("input"), a.options<ClampOptions>())},
                  ulp(0)};
  };
  h["prelu"] = [](G &b, Args &a) {
    return Called{{b.prelu(a.operand("input"), a.operand("slope"),
                           {a.label()})},
                  ulp(1)};
  };
  h["softmax"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    int64_t axis = a.integer("axis");
    double size = x.valid() && axis >= 0 && axis < int64_t(x.rank())
                      ? double(x.shape()[axis])
                      : 0;
    return Called{{b.softmax(x, uint32_t(axis), {a.label()})},
                  ulp(size * 3 + 3)};
  };
  h["cast"] = [](G &b, Args &a) {
    std::string type = a.has("type") ? a.string("type") : a.string("dataType");
    auto dataType = spec::parseDataType(type);
    if (!dataType && a.error.empty())
      a.error = "cast: unknown data type '" + type + "'";
    return Called{{b.cast(a.operand("input"),
                          dataType.value_or(DataType::Float32), {a.label()})},
                  ulp(0)};
  };
  h["where"] = [](G &b, Args &a) {
    return Called{{b.where(a.operand("condition"), a.operand("trueValue"),
                           a.operand("falseValue"), {a.label()})},
                  ulp(0)};
  };
}

void addConvolution(Handlers &h) {
  using G = GraphBuilder;
  // Convolution and pooling.
  h["conv2d"] = [](G &b, Args &a) {
    Operand x = a.operand("input"), w = a.operand("filter");
    Conv2dOptions o = a.options<Conv2dOptions>();
    // filterHeight * filterWidth * (inputChannels / groups): the product of
    // the filter's dimensions other than the output channels.
    double taps = 0;
    if (w.valid() && w.rank() == 4) {
      static const int outputAxis[] = {0, 3, 0, 3}; // oihw hwio ohwi ihwo
      taps = double(spec::elementCount(w.shape())) /
             double(w.shape()[outputAxis[int(o.filterLayout)]]);
    }
    return Called{{b.conv2d(x, w, o)}, ulp(taps * 2)};
  };
  h["convTranspose2d"] = [](G &b, Args &a) {
    Operand x = a.operand("input"), w = a.operand("filter");
    ConvTranspose2dOptions o = a.options<ConvTranspose2dOptions>();
    double taps = 0;
    if (w.valid() && w.rank() == 4) {
      static const int outputAxis[] = {1, 2, 0}; // iohw hwoi ohwi
      taps = double(spec::elementCount(w.shape())) /
             double(w.shape()[outputAxis[int(o.filterLayout)]]) /
             double(std::max<int64_t>(o.groups, 1));
    }
    return Called{{b.convTranspose2d(x, w, o)}, ulp(taps * 2)};
  };
  h["averagePool2d"] = pool(&G::averagePool2d, false);
  h["l2Pool2d"] = pool(&G::l2Pool2d, false);
  h["maxPool2d"] = pool(&G::maxPool2d, true);
  h["resample2d"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    Resample2dOptions o = a.options<Resample2dOptions>();
    Tolerance t = o.mode == InterpolationMode::Linear ? ulp(x, 84, 10) : ulp(0);
    return Called{{b.resample2d(x, o)}, t};
  };
}

void addMatmulAndNormalization(Handlers &h) {
  using G = GraphBuilder;
  // Matrix multiplication.
  h["matmul"] = [](G &b, Args &a) {
    Operand x = a.operand("a");
    double k = x.valid() && x.rank() >= 2 ? double(x.shape().back()) : 0;
    return Called{{b.matmul(x, a.operand("b"), {a.label()})}, ulp(k * 2)};
  };
  h["gemm"] = [](G &b, Args &a) {
    Operand x = a.operand("a");
    GemmOptions o = a.options<GemmOptions>();
    double k = x.valid() && x.rank() == 2 ? double(x.shape()[o.aTranspose ? 0 : 1])
                                          : 0;
    double u = k * 2 + (o.alpha != 1 ? 1 : 0) + (o.c ? 1 : 0) +
               (o.beta != 1 ? 1 : 0);
    return Called{{b.gemm(x, a.operand("b"), o)}, ulp(u)};
  };
  // Normalization.
  h["batchNormalization"] = [](G &b, Args &a) {
    return Called{{b.batchNormalization(
                      a.operand("input"), a.operand("mean"),
                      a.operand("variance"),
                      a.options<BatchNormalizationOptions>())},
                  ulp(6)};
  };
  h["instanceNormalization"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    return Called{
        {b.instanceNormalization(x, a.options<InstanceNormalizationOptions>())},
        ulp(x, 840, 8400)};
  };
  h["layerNormalization"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    return Called{
        {b.layerNormalization(x, a.options<LayerNormalizationOptions>())},
        atol(x)};
  };
}

void addReductions(Handlers &h) {
  using G = GraphBuilder;
  // Reductions.
  auto n = [](double k) { return [k](double n) { return k * n; }; };
  h["reduceL1"] = reduce(&G::reduceL1, n(1));
  h["reduceL2"] = reduce(&G::reduceL2, [](double n) { return 2 * n + 1; });
  h["reduceLogSum"] = reduce(&G::reduceLogSum, [](double n) { return n + 18; });
  h["reduceLogSumExp"] =
      reduce(&G::reduceLogSumExp, [](double n) { return 2 * n + 18; });
  h["reduceMax"] = reduce(&G::reduceMax, n(0));
  h["reduceMean"] = reduce(&G::reduceMean, [](double n) { return n + 2; });
  h["reduceMin"] = reduce(&G::reduceMin, n(0));
  h["reduceProduct"] = reduce(&G::reduceProduct, n(1));
  h["reduceSum"] = reduce(&G::reduceSum, n(1));
  h["reduceSumSquare"] = reduce(&G::reduceSumSquare, n(2));
  for (auto [name, isMax] : {std::pair{"argMin", false}, {"argMax", true}})
    h[name] = [isMax](G &b, Args &a) {
      ArgMinMaxOptions o = a.options<ArgMinMaxOptions>();
      Operand x = a.operand("input");
      uint32_t axis = uint32_t(a.integer("axis"));
      return Called{{isMax ? b.argMax(x, axis, o) : b.argMin(x, axis, o)},
                    ulp(0)};
    };
  h["cumulativeSum"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    int64_t axis = a.integer("axis");
    CumulativeSumOptions o = a.options<CumulativeSumOptions>();
    double size = x.valid() && axis >= 0 && axis < int64_t(x.rank())
                      ? double(x.shape()[axis])
                      : 0;
    return Called{{b.cumulativeSum(x, uint32_t(axis), o)}, ulp(size)};
  };
}

void addDataMovement(Handlers &h) {
  using G = GraphBuilder;
  // Shape and data movement.
  h["concat"] = [](G &b, Args &a) {
    return Called{{b.concat(a.operandList("inputs"), uint32_t(a.integer("axis")),
                            {a.label()})},
                  ulp(0)};
  };
  h["expand"] = [](G &b, Args &a) {
    return Called{{b.expand(a.operand("input"), a.ints("newShape"),
                            {a.label()})},
                  ulp(0)};
  };
  h["pad"] = [](G &b, Args &a) {
    return Called{{b.pad(a.operand("input"), a.ints("beginningPadding"),
                         a.ints("endingPadding"), a.options<PadOptions>())},
                  ulp(0)};
  };
  h["reshape"] = [](G &b, Args &a) {
    return Called{{b.reshape(a.operand("input"), a.ints("newShape"),
                             {a.label()})},
                  ulp(0)};
  };
  h["reverse"] = [](G &b, Args &a) {
    return Called{{b.reverse(a.operand("input"), a.options<ReverseOptions>())},
                  ulp(0)};
  };
  h["slice"] = [](G &b, Args &a) {
    return Called{{b.slice(a.operand("input"), a.ints("starts"),
                           a.ints("sizes"), a.options<SliceOptions>())},
                  ulp(0)};
  };
  h["split"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    SplitOptions o = a.options<SplitOptions>();
    const json::Value *splits = a.raw("splits");
    if (splits && splits->getAsInteger())
      return Called{b.split(x, uint32_t(*splits->getAsInteger()), o), ulp(0)};
    return Called{b.split(x, a.ints("splits"), o), ulp(0)};
  };
  h["tile"] = [](G &b, Args &a) {
    return Called{{b.tile(a.operand("input"), a.ints("repetitions"),
                          {a.label()})},
                  ulp(0)};
  };
  h["transpose"] = [](G &b, Args &a) {
    return Called{
        {b.transpose(a.operand("input"), a.options<TransposeOptions>())},
                  ulp(0)};
  };
  h["triangular"] = [](G &b, Args &a) {
    return Called{
        {b.triangular(a.operand("input"), a.options<TriangularOptions>())},
        ulp(0)};
  };
}

void addGatherAndQuantization(Handlers &h) {
  using G = GraphBuilder;
  // Gather and scatter.
  h["gather"] = [](G &b, Args &a) {
    return Called{{b.gather(a.operand("input"), a.operand("indices"),
                            a.options<GatherOptions>())},
                  ulp(0)};
  };
  h["gatherElements"] = [](G &b, Args &a) {
    return Called{{b.gatherElements(a.operand("input"), a.operand("indices"),
                                    a.options<GatherOptions>())},
                  ulp(0)};
  };
  h["gatherND"] = [](G &b, Args &a) {
    return Called{{b.gatherND(a.operand("input"), a.operand("indices"),
                              {a.label()})},
                  ulp(0)};
  };
  h["scatterElements"] = [](G &b, Args &a) {
    return Called{{b.scatterElements(a.operand("input"), a.operand("indices"),
                                     a.operand("updates"),
                                     a.options<GatherOptions>())},
                  ulp(0)};
  };
  h["scatterND"] = [](G &b, Args &a) {
    return Called{{b.scatterND(a.operand("input"), a.operand("indices"),
                               a.operand("updates"), {a.label()})},
                  ulp(0)};
  };
  // Quantization.
  h["quantizeLinear"] = [](G &b, Args &a) {
    return Called{{b.quantizeLinear(a.operand("input"), a.operand("scale"),
                                    a.operand("zeroPoint"), {a.label()})},
                  ulp(1)};
  };
  h["dequantizeLinear"] = [](G &b, Args &a) {
    return Called{{b.dequantizeLinear(a.operand("input"), a.operand("scale"),
                                      a.operand("zeroPoint"), {a.label()})},
                  ulp(1)};
  };
}

void addRecurrent(Handlers &h) {
  using G = GraphBuilder;
  // Recurrent networks.
  h["gru"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    GruOptions o = a.options<GruOptions>();
    return Called{b.gru(x, a.operand("weight"), a.operand("recurrentWeight"),
                        uint32_t(a.integer("steps")),
                        uint32_t(a.integer("hiddenSize")), o),
                  atol(x)};
  };
  h["gruCell"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    GruCellOptions o = a.options<GruCellOptions>();
    return Called{{b.gruCell(x, a.operand("weight"),
                             a.operand("recurrentWeight"),
                             a.operand("hiddenState"),
                             uint32_t(a.integer("hiddenSize")), o)},
                  atol(x)};
  };
  h["lstm"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    LstmOptions o = a.options<LstmOptions>();
    return Called{b.lstm(x, a.operand("weight"), a.operand("recurrentWeight"),
                         uint32_t(a.integer("steps")),
                         uint32_t(a.integer("hiddenSize")), o),
                  atol(x)};
  };
  h["lstmCell"] = [](G &b, Args &a) {
    Operand x = a.operand("input");
    LstmCellOptions o = a.options<LstmCellOptions>();
    return Called{b.lstmCell(x, a.operand("weight"),
                             a.operand("recurrentWeight"),
                             a.operand("hiddenState"), a.operand("cellState"),
                             uint32_t(a.integer("hiddenSize")), o),
                  atol(x)};
  };
}

Handlers handlers() {
  Handlers h;
  addElementwise(h);
  addConvolution(h);
  addMatmulAndNormalization(h);
  addReductions(h);
  addDataMovement(h);
  addGatherAndQuantization(h);
  addRecurrent(h);
  return h;
}

const std::map<std::string, Handler> &handlerTable() {
  static const std::map<std::string, Handler> table = handlers();
  return table;
}

} // namespace

std::vector<std::string> supportedOperators() {
  std::vector<std::string> names;
  for (const auto &[name, handler] : handlerTable())
    names.push_back(name);
  return names;
}

Expected<BuiltCase, BuildFailure> buildCase(const Case &c) {
  auto runner = [](std::string message) {
    return BuildFailure{std::move(message), false};
  };
  auto rejected = [](std::string message) {
    return BuildFailure{std::move(message), true};
  };
  GraphBuilder builder;
  Operands operands;
  std::map<std::string, HostTensor> inputs;
  for (const auto &[name, tensor] : c.inputs) {
    const HostTensor &value = tensor.value;
    std::vector<OpenDimension> openDims;
    for (const auto &[dimName, maxSize] : tensor.openDims)
      openDims.push_back({dimName, maxSize});
    Operand operand =
        tensor.constant
            ? builder.constant(value.descriptor(),
                               std::span<const std::byte>(value.data(),
                                                          value.byteSize()))
            : builder.input(name, tensor.descriptor, openDims);
    if (!operand)
      return rejected("input '" + name + "': " + operand.error()->message());
    operands[name] = operand;
    if (!tensor.constant)
      inputs[name] = value;
  }
  Tolerance tolerance;
  for (const Operator &op : c.operators) {
    auto it = handlerTable().find(op.name);
    if (it == handlerTable().end())
      return runner("operator '" + op.name + "' is not supported by the runner");
    Args args(op, operands);
    Called called = it->second(builder, args);
    args.checkOptionsRead();
    if (!args.error.empty())
      return runner(args.error);
    // A rejected call first (a failing gru returns every operand its
    // options ask for, each carrying the error).
    for (const Operand &output : called.outputs)
      if (!output && output.error())
        return rejected(output.error()->message());
    if (called.outputs.size() != op.outputs.size())
      return runner(op.name + " returned " +
                    std::to_string(called.outputs.size()) +
                    " operands, the case names " +
                    std::to_string(op.outputs.size()));
    for (size_t i = 0; i < op.outputs.size(); ++i) {
      if (!called.outputs[i])
        return rejected(called.outputs[i].error()
                            ? called.outputs[i].error()->message()
                            : op.name + " failed");
      operands[op.outputs[i]] = called.outputs[i];
    }
    tolerance += called.tolerance;
  }
  std::map<std::string, Operand> outputs;
  for (const auto &[name, expected] : c.expected) {
    auto it = operands.find(name);
    if (it == operands.end())
      return runner("expected output '" + name +
                    "' is not computed by the graph");
    outputs[name] = it->second;
  }
  Expected<Graph, BuildError> graph = builder.build(outputs);
  if (!graph)
    return rejected(graph.error().message());
  return BuiltCase{std::move(*graph), std::move(inputs), tolerance};
}

} // namespace webnnc::wpt
