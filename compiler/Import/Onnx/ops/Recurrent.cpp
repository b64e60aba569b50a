// SPDX-License-Identifier: Apache-2.0
// GRU and LSTM. ONNX's gate orders are WebNN's default layouts (zrn for
// GRU, iofg for LSTM); ONNX's B holds both biases, WebNN takes two.
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::RecurrentNetworkActivation;
using spec::RecurrentNetworkDirection;

struct Common {
  uint32_t steps = 0, hiddenSize = 0;
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
  if (ctx.attrInt("layout", 0) != 0)
    return ctx.unsupported("layout 1 (batch first)"), std::nullopt;
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
  if (spec::isOpen(x[0]))
    return ctx.unsupported("an open sequence length (WebNN's steps "
                           "option is a number)"),
           std::nullopt;
  if (hidden <= 0 || hidden > kMaxUnsignedLong || x[0] <= 0 ||
      x[0] > kMaxUnsignedLong)
    return ctx.invalid("hidden_size and the sequence length must be "
                       "positive and fit WebNN's unsigned long"),
           std::nullopt;
  c.steps = uint32_t(x[0]);
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
      whole &= int64_t(lens->at(i)) == x[0];
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
    options.initialHiddenState = ctx.input(5);
  auto outputs = ctx.b().gru(ctx.input(0), ctx.input(1), ctx.input(2),
                             c->steps, c->hiddenSize, options);
  if (outputs.empty())
    return ctx.invalid("gru produced no outputs");
  if (options.returnSequence)
    ctx.set(0, outputs.back());
  ctx.set(1, outputs[0]);
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
    options.initialHiddenState = ctx.input(5);
  if (ctx.hasInput(6))
    options.initialCellState = ctx.input(6);
  if (ctx.hasInput(7))
    options.peepholeWeight = ctx.input(7);
  auto outputs = ctx.b().lstm(ctx.input(0), ctx.input(1), ctx.input(2),
                              c->steps, c->hiddenSize, options);
  if (outputs.size() < 2)
    return ctx.invalid("lstm produced no outputs");
  if (options.returnSequence)
    ctx.set(0, outputs.back());
  ctx.set(1, outputs[0]);
  ctx.set(2, outputs[1]);
}

} // namespace

void registerRecurrentOps(ConverterTable &t) {
  t["GRU"] = convertGru;
  t["LSTM"] = convertLstm;
}

} // namespace webnnc::importer
