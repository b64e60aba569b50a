// SPDX-License-Identifier: Apache-2.0
// Reference semantics of gru, gruCell, lstm and lstmCell, straight from the
// spec's gate equations (float64; each result rounded to the data type).
#include <cmath>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;
using spec::RecurrentNetworkActivation;
using State = std::vector<double>; // [batch, hiddenSize], row-major

namespace {

double activate(RecurrentNetworkActivation fn, double x) {
  switch (fn) {
  case RecurrentNetworkActivation::Relu:
    return x > 0 ? x : 0;
  case RecurrentNetworkActivation::Sigmoid:
    return 1 / (1 + std::exp(-x));
  case RecurrentNetworkActivation::Tanh:
    return std::tanh(x);
  }
  return x;
}

// A slice of a weight or bias tensor: one direction's part, or all of it.
struct Slice {
  const RefTensor *tensor = nullptr; // null: absent (zeros)
  size_t offset = 0;
  double at(size_t i) const { return tensor ? tensor->f[offset + i] : 0.0; }
};

Slice sliceOf(const RefTensor *t, int64_t direction) {
  if (!t)
    return {};
  size_t per = t->size() / size_t(t->shape[0]);
  return {t, size_t(direction) * per};
}

// The shared dimensions of one step.
struct Step {
  int64_t batch, inputSize, hiddenSize;

  // x W[row]^T + h R[row]^T (+ biases) for gate row |row| (of the stacked
  // gates) and batch entry |b|; |recurrent| false drops the h R term.
  double gate(const State &x, const State &h, const Slice &w, const Slice &r,
              const Slice &bias, const Slice &recurrentBias, int64_t b,
              int64_t row, bool withRecurrent = true) const {
    double sum = bias.at(row) + (withRecurrent ? recurrentBias.at(row) : 0);
    for (int64_t k = 0; k < inputSize; ++k)
      sum += x[b * inputSize + k] * w.at(row * inputSize + k);
    if (withRecurrent)
      for (int64_t k = 0; k < hiddenSize; ++k)
        sum += h[b * hiddenSize + k] * r.at(row * hiddenSize + k);
    return sum;
  }
  double recurrentOnly(const State &h, const Slice &r,
                       const Slice &recurrentBias, int64_t b,
                       int64_t row) const {
    double sum = recurrentBias.at(row);
    for (int64_t k = 0; k < hiddenSize; ++k)
      sum += h[b * hiddenSize + k] * r.at(row * hiddenSize + k);
    return sum;
  }
};

struct GruParams {
  Slice w, r, bias, recurrentBias;
  bool resetAfter;
  spec::GruWeightLayout layout;
  std::vector<RecurrentNetworkActivation> activations; // [f, g]
};

// One gru step: z and r gate the candidate n, h' = z h + (1 - z) n.
State gruStep(const Step &s, const State &x, const State &h,
              const GruParams &p) {
  int64_t H = s.hiddenSize;
  bool zrn = p.layout == spec::GruWeightLayout::Zrn;
  int64_t zRow = zrn ? 0 : H, rRow = zrn ? H : 0, nRow = 2 * H;
  State next(h.size());
  for (int64_t b = 0; b < s.batch; ++b)
    for (int64_t j = 0; j < H; ++j) {
      auto f = [&](double v) { return activate(p.activations[0], v); };
      auto g = [&](double v) { return activate(p.activations[1], v); };
      double z = f(s.gate(x, h, p.w, p.r, p.bias, p.recurrentBias, b, zRow + j));
      double r = f(s.gate(x, h, p.w, p.r, p.bias, p.recurrentBias, b, rRow + j));
      double n;
      if (p.resetAfter) {
        double xn = s.gate(x, h, p.w, p.r, p.bias, p.recurrentBias, b,
                           nRow + j, /*withRecurrent=*/false);
        double hn = s.recurrentOnly(h, p.r, p.recurrentBias, b, nRow + j);
        n = g(xn + r * hn);
      } else {
        // (r * h) R^T: the reset gate of every hidden unit scales h first.
        State rh(h.size());
        for (int64_t k = 0; k < H; ++k) {
          double rk = f(s.gate(x, h, p.w, p.r, p.bias, p.recurrentBias, b,
                               rRow + k));
          rh[b * H + k] = rk * h[b * H + k];
        }
        double xn = s.gate(x, h, p.w, p.r, p.bias, p.recurrentBias, b,
                           nRow + j, /*withRecurrent=*/false);
        n = g(xn + s.recurrentOnly(rh, p.r, p.recurrentBias, b, nRow + j));
      }
      next[b * H + j] = z * h[b * H + j] + (1 - z) * n;
    }
  return next;
}

struct LstmParams {
  Slice w, r, bias, recurrentBias, peephole;
  spec::LstmWeightLayout layout;
  std::vector<RecurrentNetworkActivation> activations; // [gates, cell, out]
};

// One lstm step. Peepholes (i, o, f order) read the previous cell state,
// as the spec's emulation does for all three gates.
std::pair<State, State> lstmStep(const Step &s, const State &x, const State &h,
                                 const State &c, const LstmParams &p) {
  int64_t H = s.hiddenSize;
  bool iofg = p.layout == spec::LstmWeightLayout::Iofg;
  int64_t iRow = 0, oRow = iofg ? H : 3 * H, fRow = iofg ? 2 * H : H,
          gRow = iofg ? 3 * H : 2 * H;
  State nextH(h.size()), nextC(c.size());
  for (int64_t b = 0; b < s.batch; ++b)
    for (int64_t j = 0; j < H; ++j) {
      double cj = c[b * H + j];
      auto gate = [&](int64_t row) {
        return s.gate(x, h, p.w, p.r, p.bias, p.recurrentBias, b, row + j);
      };
      auto f0 = [&](double v) { return activate(p.activations[0], v); };
      double i = f0(gate(iRow) + cj * p.peephole.at(j));
      double o = f0(gate(oRow) + cj * p.peephole.at(H + j));
      double f = f0(gate(fRow) + cj * p.peephole.at(2 * H + j));
      double g = activate(p.activations[1], gate(gRow));
      double cell = f * cj + i * g;
      nextC[b * H + j] = cell;
      nextH[b * H + j] = o * activate(p.activations[2], cell);
    }
  return {nextH, nextC};
}

State rows(const RefTensor &t, size_t offset, size_t count) {
  return State(t.f.begin() + offset, t.f.begin() + offset + count);
}

RefTensor tensorOf(spec::DataType type, spec::Shape shape, const State &v) {
  RefTensor t(type, std::move(shape));
  t.f = v;
  t.roundToType();
  return t;
}

// The operand after the required ones: present optional operands follow
// in declaration order.
struct OptionalOperands {
  const Operands &operands;
  size_t next;
  const RefTensor *take(bool present) {
    return present ? operands[next++] : nullptr;
  }
};

MultiOpResult gruCell(webnn::GruCellOp op, const Operands &operands) {
  spec::GruCellOptions options = webnn::optionsOf<spec::GruCellOptions>(op);
  const RefTensor &x = *operands[0], &h = *operands[3];
  OptionalOperands rest{operands, 4};
  const RefTensor *bias = rest.take(options.bias.has_value());
  const RefTensor *recurrentBias = rest.take(options.recurrentBias.has_value());
  Step s{x.shape[0], x.shape[1], int64_t(op.getHiddenSize())};
  GruParams p{{operands[1], 0}, {operands[2], 0}, {bias, 0},
              {recurrentBias, 0}, options.resetAfter, options.layout,
              spec::resolveGruActivations(options.activations)};
  State next = gruStep(s, x.f, h.f, p);
  return std::vector<RefTensor>{
      tensorOf(x.type, {s.batch, s.hiddenSize}, next)};
}

// The step order of a direction: forward, or backward from the last step.
int64_t stepAt(int64_t t, int64_t steps, bool backward) {
  return backward ? steps - 1 - t : t;
}

MultiOpResult gru(webnn::GruOp op, const Operands &operands) {
  spec::GruOptions options = webnn::optionsOf<spec::GruOptions>(op);
  const RefTensor &x = *operands[0];
  OptionalOperands rest{operands, 3};
  const RefTensor *bias = rest.take(options.bias.has_value());
  const RefTensor *recurrentBias = rest.take(options.recurrentBias.has_value());
  const RefTensor *initial = rest.take(options.initialHiddenState.has_value());
  int64_t steps = x.shape[0], batch = x.shape[1], inputSize = x.shape[2];
  int64_t H = int64_t(op.getHiddenSize());
  int64_t dirs = options.direction == spec::RecurrentNetworkDirection::Both ? 2 : 1;
  Step s{batch, inputSize, H};
  State hidden(dirs * batch * H), sequence(steps * dirs * batch * H);
  for (int64_t d = 0; d < dirs; ++d) {
    bool backward = options.direction == spec::RecurrentNetworkDirection::Backward ||
                    d == 1;
    GruParams p{sliceOf(operands[1], d), sliceOf(operands[2], d),
                sliceOf(bias, d), sliceOf(recurrentBias, d),
                options.resetAfter, options.layout,
                spec::resolveGruActivations(options.activations)};
    State h = initial ? rows(*initial, d * batch * H, batch * H)
                      : State(batch * H, 0.0);
    for (int64_t t = 0; t < steps; ++t) {
      int64_t at = stepAt(t, steps, backward);
      h = gruStep(s, rows(x, at * batch * inputSize, batch * inputSize), h, p);
      std::copy(h.begin(), h.end(),
                sequence.begin() + (at * dirs + d) * batch * H);
    }
    std::copy(h.begin(), h.end(), hidden.begin() + d * batch * H);
  }
  std::vector<RefTensor> out{tensorOf(x.type, {dirs, batch, H}, hidden)};
  if (options.returnSequence)
    out.push_back(tensorOf(x.type, {steps, dirs, batch, H}, sequence));
  return out;
}

MultiOpResult lstmCell(webnn::LstmCellOp op, const Operands &operands) {
  spec::LstmCellOptions options = webnn::optionsOf<spec::LstmCellOptions>(op);
  const RefTensor &x = *operands[0], &h = *operands[3], &c = *operands[4];
  OptionalOperands rest{operands, 5};
  const RefTensor *bias = rest.take(options.bias.has_value());
  const RefTensor *recurrentBias = rest.take(options.recurrentBias.has_value());
  const RefTensor *peephole = rest.take(options.peepholeWeight.has_value());
  Step s{x.shape[0], x.shape[1], int64_t(op.getHiddenSize())};
  LstmParams p{{operands[1], 0}, {operands[2], 0}, {bias, 0},
               {recurrentBias, 0}, {peephole, 0}, options.layout,
               spec::resolveLstmActivations(options.activations)};
  auto [nextH, nextC] = lstmStep(s, x.f, h.f, c.f, p);
  return std::vector<RefTensor>{
      tensorOf(x.type, {s.batch, s.hiddenSize}, nextH),
      tensorOf(x.type, {s.batch, s.hiddenSize}, nextC)};
}

MultiOpResult lstm(webnn::LstmOp op, const Operands &operands) {
  spec::LstmOptions options = webnn::optionsOf<spec::LstmOptions>(op);
  const RefTensor &x = *operands[0];
  OptionalOperands rest{operands, 3};
  const RefTensor *bias = rest.take(options.bias.has_value());
  const RefTensor *recurrentBias = rest.take(options.recurrentBias.has_value());
  const RefTensor *peephole = rest.take(options.peepholeWeight.has_value());
  const RefTensor *initialH = rest.take(options.initialHiddenState.has_value());
  const RefTensor *initialC = rest.take(options.initialCellState.has_value());
  int64_t steps = x.shape[0], batch = x.shape[1], inputSize = x.shape[2];
  int64_t H = int64_t(op.getHiddenSize());
  int64_t dirs = options.direction == spec::RecurrentNetworkDirection::Both ? 2 : 1;
  Step s{batch, inputSize, H};
  State hidden(dirs * batch * H), cell(dirs * batch * H),
      sequence(steps * dirs * batch * H);
  for (int64_t d = 0; d < dirs; ++d) {
    bool backward = options.direction == spec::RecurrentNetworkDirection::Backward ||
                    d == 1;
    LstmParams p{sliceOf(operands[1], d), sliceOf(operands[2], d),
                 sliceOf(bias, d), sliceOf(recurrentBias, d),
                 sliceOf(peephole, d), options.layout,
                 spec::resolveLstmActivations(options.activations)};
    State h = initialH ? rows(*initialH, d * batch * H, batch * H)
                       : State(batch * H, 0.0);
    State c = initialC ? rows(*initialC, d * batch * H, batch * H)
                       : State(batch * H, 0.0);
    for (int64_t t = 0; t < steps; ++t) {
      int64_t at = stepAt(t, steps, backward);
      std::tie(h, c) = lstmStep(
          s, rows(x, at * batch * inputSize, batch * inputSize), h, c, p);
      std::copy(h.begin(), h.end(),
                sequence.begin() + (at * dirs + d) * batch * H);
    }
    std::copy(h.begin(), h.end(), hidden.begin() + d * batch * H);
    std::copy(c.begin(), c.end(), cell.begin() + d * batch * H);
  }
  std::vector<RefTensor> out{tensorOf(x.type, {dirs, batch, H}, hidden),
                             tensorOf(x.type, {dirs, batch, H}, cell)};
  if (options.returnSequence)
    out.push_back(tensorOf(x.type, {steps, dirs, batch, H}, sequence));
  return out;
}

} // namespace

std::optional<MultiOpResult> evaluateRecurrent(Operation *op,
                                               const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<MultiOpResult>>(op)
      .Case([&](webnn::GruCellOp g) { return gruCell(g, operands); })
      .Case([&](webnn::GruOp g) { return gru(g, operands); })
      .Case([&](webnn::LstmCellOp l) { return lstmCell(l, operands); })
      .Case([&](webnn::LstmOp l) { return lstm(l, operands); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
