// SPDX-License-Identifier: Apache-2.0
// GRU and LSTM. ONNX's gate orders are WebNN's default layouts (zrn for
// GRU, iofg for LSTM); ONNX's B holds both biases, WebNN takes two.
// RNN, which WebNN lacks, unrolled here: h = f(x W^T + h R^T + Wb + Rb).
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::RecurrentNetworkActivation;
using spec::RecurrentNetworkDirection;

struct Common {
  uint32_t steps = 0, hiddenSize = 0;
  bool batchFirst = false; // layout 1: X [batch, steps, input], states
                           // [batch, directions, hidden]
  RecurrentNetworkDirection direction = RecurrentNetworkDirection::Forward;
  std::vector<RecurrentNetworkActivation> activations;
  std::optional<Operand> bias, recurrentBias;
};

// Attributes and inputs GRU and LSTM share; |gates| per direction.
std::optional<Common> readCommon(NodeContext &ctx, int64_t gates,
                                 size_t activationsPerDirection) {
  Common c;
  if (ctx.has("activation_alpha") || ctx.has("activation_beta"))
    return ctx.unsupported("activation_alpha/activation_beta"), std::nullopt;
  if (ctx.has("clip"))
    return ctx.unsupported("clip"), std::nullopt;
  c.batchFirst = ctx.attrInt("layout", 0) != 0;
  std::string direction = ctx.attrString("direction", "forward");
  if (direction == "reverse")
    c.direction = RecurrentNetworkDirection::Backward;
  else if (direction == "bidirectional")
    c.direction = RecurrentNetworkDirection::Both;
  else if (direction != "forward")
    return ctx.invalid("direction '" + direction + "'"), std::nullopt;
  const spec::Shape &x = ctx.inputShape(0);
  const spec::Shape &w = ctx.inputShape(1);
  if (ctx.failed())
    return std::nullopt;
  if (x.size() != 3 || w.size() != 3)
    return ctx.invalid("X and W must have rank 3"), std::nullopt;
  int64_t hidden = ctx.attrInt("hidden_size", w[1] / gates);
  int64_t length = x.size() == 3 ? x[c.batchFirst ? 1 : 0] : 0;
  bool open = spec::isOpen(length);
  if (hidden <= 0 || hidden > kMaxUnsignedLong ||
      (!open && (length <= 0 || length > kMaxUnsignedLong)))
    return ctx.invalid("hidden_size and the sequence length must be "
                       "positive and fit WebNN's unsigned long"),
           std::nullopt;
  c.steps = open ? 0 : uint32_t(length); // 0: the length at compute
  c.hiddenSize = uint32_t(hidden);

  size_t directions = c.direction == RecurrentNetworkDirection::Both ? 2 : 1;
  std::vector<std::string> names;
  if (ctx.has("activations")) {
    const auto &node = ctx.node();
    for (const auto &attr : node.attribute())
      if (attr.name() == "activations")
        for (const std::string &s : attr.strings())
          names.push_back(s);
    if (names.size() != activationsPerDirection * directions)
      return ctx.invalid("activations must name " +
                         std::to_string(activationsPerDirection * directions) +
                         " functions"),
             std::nullopt;
    for (size_t k = 0; k < activationsPerDirection; ++k) {
      if (directions == 2 && names[k] != names[k + activationsPerDirection])
        return ctx.unsupported("different activations per direction"),
               std::nullopt;
      if (names[k] == "Sigmoid")
        c.activations.push_back(RecurrentNetworkActivation::Sigmoid);
      else if (names[k] == "Tanh")
        c.activations.push_back(RecurrentNetworkActivation::Tanh);
      else if (names[k] == "Relu")
        c.activations.push_back(RecurrentNetworkActivation::Relu);
      else
        return ctx.unsupported("activation '" + names[k] + "'"), std::nullopt;
    }
  }
  if (ctx.hasInput(4)) {
    // sequence_lens: fine when every sequence is the whole length.
    const HostTensor *lens = ctx.known(4);
    bool whole = lens != nullptr;
    for (size_t i = 0; lens && i < lens->elementCount(); ++i)
      whole &= int64_t(lens->at(i)) == length;
    if (!whole)
      return ctx.notInWebNN("sequence_lens shorter than the sequence"),
             std::nullopt;
  }
  if (ctx.hasInput(3)) {
    Operand b = ctx.input(3);
    int64_t n = gates * hidden, d = int64_t(directions);
    c.bias = ctx.b().slice(b, {0, 0}, {d, n}, ctx.labelled(spec::SliceOptions{}));
    c.recurrentBias =
        ctx.b().slice(b, {0, n}, {d, n}, ctx.labelled(spec::SliceOptions{}));
  }
  return c;
}

// Batch-first (layout 1) tensors to and from WebNN's time-major order:
// X and the states swap their first two axes, Y [steps, directions, batch,
// hidden] becomes [batch, steps, directions, hidden].
Operand swapFirstAxes(NodeContext &ctx, const Common &c, const Operand &t) {
  if (!c.batchFirst || !t)
    return t;
  spec::TransposeOptions options = ctx.labelled(spec::TransposeOptions{});
  options.permutation = {1, 0, 2};
  return ctx.b().transpose(t, options);
}
Operand batchFirstSequence(NodeContext &ctx, const Common &c,
                           const Operand &y) {
  if (!c.batchFirst || !y)
    return y;
  spec::TransposeOptions options = ctx.labelled(spec::TransposeOptions{});
  options.permutation = {2, 0, 1, 3};
  return ctx.b().transpose(y, options);
}
Operand input(NodeContext &ctx, const Common &c, size_t i) {
  return swapFirstAxes(ctx, c, ctx.input(i));
}

void convertGru(NodeContext &ctx) {
  auto c = readCommon(ctx, 3, 2);
  if (!c)
    return;
  GruOptions options = ctx.labelled(GruOptions{});
  options.bias = c->bias;
  options.recurrentBias = c->recurrentBias;
  options.direction = c->direction;
  options.activations = c->activations;
  options.resetAfter = ctx.attrInt("linear_before_reset", 0) != 0;
  options.returnSequence = ctx.wantsOutput(0);
  if (ctx.hasInput(5))
    options.initialHiddenState = input(ctx, *c, 5);
  auto outputs = ctx.b().gru(input(ctx, *c, 0), ctx.input(1), ctx.input(2),
                             c->steps, c->hiddenSize, options);
  if (outputs.empty())
    return ctx.invalid("gru produced no outputs");
  if (options.returnSequence)
    ctx.set(0, batchFirstSequence(ctx, *c, outputs.back()));
  ctx.set(1, swapFirstAxes(ctx, *c, outputs[0]));
}

void convertLstm(NodeContext &ctx) {
  auto c = readCommon(ctx, 4, 3);
  if (!c)
    return;
  if (ctx.attrInt("input_forget", 0) != 0)
    return ctx.unsupported("input_forget 1 (coupled input and forget gates)");
  LstmOptions options = ctx.labelled(LstmOptions{});
  options.bias = c->bias;
  options.recurrentBias = c->recurrentBias;
  options.direction = c->direction;
  options.activations = c->activations;
  options.returnSequence = ctx.wantsOutput(0);
  if (ctx.hasInput(5))
    options.initialHiddenState = input(ctx, *c, 5);
  if (ctx.hasInput(6))
    options.initialCellState = input(ctx, *c, 6);
  if (ctx.hasInput(7))
    options.peepholeWeight = ctx.input(7);
  auto outputs = ctx.b().lstm(input(ctx, *c, 0), ctx.input(1), ctx.input(2),
                              c->steps, c->hiddenSize, options);
  if (outputs.size() < 2)
    return ctx.invalid("lstm produced no outputs");
  if (options.returnSequence)
    ctx.set(0, batchFirstSequence(ctx, *c, outputs.back()));
  ctx.set(1, swapFirstAxes(ctx, *c, outputs[0]));
  ctx.set(2, swapFirstAxes(ctx, *c, outputs[1]));
}

Operand activate(NodeContext &ctx, RecurrentNetworkActivation f,
                 const Operand &x) {
  switch (f) {
  case RecurrentNetworkActivation::Relu:
    return ctx.b().relu(x, ctx.options());
  case RecurrentNetworkActivation::Sigmoid:
    return ctx.b().sigmoid(x, ctx.options());
  default:
    return ctx.b().tanh(x, ctx.options());
  }
}

// Element |i| of |x| along axis 0, that axis dropped.
Operand at(NodeContext &ctx, const Operand &x, int64_t i) {
  return ctx.b().gather(
      x, ctx.b().constant({spec::DataType::Int32, {}}, double(i)),
      ctx.labelled(spec::GatherOptions{}));
}

void convertRnn(NodeContext &ctx) {
  auto c = readCommon(ctx, 1, 1);
  if (!c)
    return;
  if (c->steps == 0)
    return ctx.unsupported("an open sequence length (RNN is unrolled: give "
                           "the length with --dim)");
  Operand x = input(ctx, *c, 0), w = ctx.input(1), r = ctx.input(2);
  Operand initial = ctx.hasInput(5) ? input(ctx, *c, 5) : Operand();
  auto dims = ctx.dims(x);
  if (ctx.failed() || !dims)
    return;
  auto &g = ctx.b();
  auto options = ctx.options();
  RecurrentNetworkActivation f = c->activations.empty()
                                     ? RecurrentNetworkActivation::Tanh
                                     : c->activations.front();
  int64_t steps = c->steps, hidden = c->hiddenSize;
  DimExpr batch = (*dims)[1], inputSize = (*dims)[2];
  size_t directions = c->direction == RecurrentNetworkDirection::Both ? 2 : 1;
  // [steps * batch, input] x W_d^T (+ biases) for every step at once.
  Operand rows = ctx.reshapeTo(x, {DimExpr(steps) * batch, inputSize});
  std::vector<Operand> finals;
  std::vector<std::vector<Operand>> sequence(static_cast<size_t>(steps));
  for (size_t d = 0; d < directions; ++d) {
    GemmOptions project = ctx.labelled(GemmOptions{});
    project.bTranspose = true;
    if (c->bias)
      project.c = g.add(at(ctx, *c->bias, int64_t(d)),
                        at(ctx, *c->recurrentBias, int64_t(d)), options);
    Operand projected =
        ctx.reshapeTo(g.gemm(rows, at(ctx, w, int64_t(d)), project),
                      {DimExpr(steps), batch, DimExpr(hidden)});
    Operand recurrent = at(ctx, r, int64_t(d));
    Operand h = initial ? at(ctx, initial, int64_t(d)) : Operand();
    bool backward =
        c->direction == RecurrentNetworkDirection::Backward || d == 1;
    for (int64_t t = 0; t < steps; ++t) {
      int64_t step = backward ? steps - 1 - t : t;
      Operand sum = at(ctx, projected, step);
      if (h) { // the first step of a zero initial state has no h R^T
        GemmOptions hr = ctx.labelled(GemmOptions{});
        hr.bTranspose = true;
        sum = g.add(sum, g.gemm(h, recurrent, hr), options);
      }
      h = activate(ctx, f, sum);
      sequence[size_t(step)].push_back(
          ctx.reshapeTo(h, {DimExpr(1), DimExpr(1), batch, DimExpr(hidden)}));
    }
    finals.push_back(ctx.reshapeTo(h, {DimExpr(1), batch, DimExpr(hidden)}));
  }
  if (ctx.wantsOutput(0)) {
    std::vector<Operand> perStep;
    for (const auto &parts : sequence)
      perStep.push_back(concatAll(ctx, parts, 1));
    ctx.set(0, batchFirstSequence(ctx, *c, concatAll(ctx, perStep, 0)));
  }
  ctx.set(1, swapFirstAxes(ctx, *c, concatAll(ctx, finals, 0)));
}

} // namespace

void registerRecurrentOps(ConverterTable &t) {
  t["RNN"] = convertRnn;
  t["GRU"] = convertGru;
  t["LSTM"] = convertLstm;
}

} // namespace webnnc::importer
