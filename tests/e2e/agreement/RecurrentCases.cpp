// SPDX-License-Identifier: Apache-2.0
// Agreement cases: gru, gruCell, lstm and lstmCell. The compiled path runs
// the spec's emulation (gemm and element-wise ops, each rounding to the
// data type) against the reference's float64 gate equations.
#include "Agreement.h"

namespace webnnc::test {
namespace {
using G = GraphBuilder;
using A = RecurrentNetworkActivation;

constexpr int64_t kBatch = 2, kInput = 3, kHidden = 4, kSteps = 3;

AgreementCase make(std::string name, std::function<Outputs(G &)> build) {
  AgreementCase c;
  c.name = std::move(name);
  c.build = std::move(build);
  c.lo = -1;
  c.hi = 1;
  c.rtol32 = 1e-5;
  c.atol = 1e-5;
  // The emulation rounds every intermediate to float16: a few float16
  // ULPs (about 1e-3 near 1) per step.
  c.rtol16 = 1e-2;
  c.atol16 = 2e-3;
  return c;
}

} // namespace

std::vector<AgreementCase> recurrentCases() {
  std::vector<AgreementCase> cases;
  for (DataType t : kFloatTypes) {
    std::string s = shortName(t);
    cases.push_back(make("gru_cell_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {kBatch, kInput}});
      Operand h = b.input("h", {t, {kBatch, kHidden}});
      Operand w = pattern(b, {t, {3 * kHidden, kInput}}, 0.7);
      Operand r = pattern(b, {t, {3 * kHidden, kHidden}}, 0.6);
      Operand bias = pattern(b, {t, {3 * kHidden}}, 0.3);
      Operand rbias = pattern(b, {t, {3 * kHidden}}, 0.2);
      return Outputs{
          {"default", b.gruCell(x, w, r, h, kHidden)},
          {"biases_reset_before",
           b.gruCell(x, w, r, h, kHidden,
                     {.bias = bias, .recurrentBias = rbias, .resetAfter = false})},
          {"rzn_activations",
           b.gruCell(x, w, r, h, kHidden,
                     {.recurrentBias = rbias,
                      .layout = GruWeightLayout::Rzn,
                      .activations = {A::Sigmoid, A::Relu}})}};
    }));
    cases.push_back(make("gru_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {kSteps, kBatch, kInput}});
      auto weights = [&](int64_t dirs) {
        return std::pair{pattern(b, {t, {dirs, 3 * kHidden, kInput}}, 0.7),
                         pattern(b, {t, {dirs, 3 * kHidden, kHidden}}, 0.6)};
      };
      auto [w1, r1] = weights(1);
      auto [w2, r2] = weights(2);
      Operand h2 = b.input("h0", {t, {2, kBatch, kHidden}});
      std::vector<Operand> forward = b.gru(x, w1, r1, kSteps, kHidden,
                                           {.bias = pattern(b, {t, {1, 3 * kHidden}}, 0.3),
                                            .returnSequence = true});
      std::vector<Operand> both = b.gru(
          x, w2, r2, kSteps, kHidden,
          {.recurrentBias = pattern(b, {t, {2, 3 * kHidden}}, 0.2),
           .initialHiddenState = h2,
           .resetAfter = false,
           .returnSequence = true,
           .direction = RecurrentNetworkDirection::Both});
      std::vector<Operand> backward =
          b.gru(x, w1, r1, kSteps, kHidden,
                {.direction = RecurrentNetworkDirection::Backward,
                 .layout = GruWeightLayout::Rzn});
      return Outputs{{"forward_hidden", forward[0]},
                     {"forward_sequence", forward[1]},
                     {"both_hidden", both[0]},
                     {"both_sequence", both[1]},
                     {"backward_hidden", backward[0]}};
    }));
    cases.push_back(make("lstm_cell_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {kBatch, kInput}});
      Operand h = b.input("h", {t, {kBatch, kHidden}});
      Operand c = b.input("c", {t, {kBatch, kHidden}});
      Operand w = pattern(b, {t, {4 * kHidden, kInput}}, 0.7);
      Operand r = pattern(b, {t, {4 * kHidden, kHidden}}, 0.6);
      std::vector<Operand> plain = b.lstmCell(x, w, r, h, c, kHidden);
      std::vector<Operand> full = b.lstmCell(
          x, w, r, h, c, kHidden,
          {.bias = pattern(b, {t, {4 * kHidden}}, 0.3),
           .recurrentBias = pattern(b, {t, {4 * kHidden}}, 0.2),
           .peepholeWeight = pattern(b, {t, {3 * kHidden}}, 0.5),
           .layout = LstmWeightLayout::Ifgo,
           .activations = {A::Sigmoid, A::Relu, A::Tanh}});
      return Outputs{{"plain_hidden", plain[0]},
                     {"plain_cell", plain[1]},
                     {"full_hidden", full[0]},
                     {"full_cell", full[1]}};
    }));
    cases.push_back(make("lstm_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {kSteps, kBatch, kInput}});
      Operand w = pattern(b, {t, {2, 4 * kHidden, kInput}}, 0.7);
      Operand r = pattern(b, {t, {2, 4 * kHidden, kHidden}}, 0.6);
      Operand w1 = pattern(b, {t, {1, 4 * kHidden, kInput}}, 0.5);
      Operand r1 = pattern(b, {t, {1, 4 * kHidden, kHidden}}, 0.4);
      std::vector<Operand> both = b.lstm(
          x, w, r, kSteps, kHidden,
          {.bias = pattern(b, {t, {2, 4 * kHidden}}, 0.3),
           .peepholeWeight = pattern(b, {t, {2, 3 * kHidden}}, 0.5),
           .initialHiddenState = b.input("h0", {t, {2, kBatch, kHidden}}),
           .initialCellState = b.input("c0", {t, {2, kBatch, kHidden}}),
           .returnSequence = true,
           .direction = RecurrentNetworkDirection::Both});
      std::vector<Operand> backward =
          b.lstm(x, w1, r1, kSteps, kHidden,
                 {.recurrentBias = pattern(b, {t, {1, 4 * kHidden}}, 0.2),
                  .direction = RecurrentNetworkDirection::Backward,
                  .layout = LstmWeightLayout::Ifgo});
      return Outputs{{"both_hidden", both[0]},
                     {"both_cell", both[1]},
                     {"both_sequence", both[2]},
                     {"backward_hidden", backward[0]},
                     {"backward_cell", backward[1]}};
    }));
  }
  return cases;
}

} // namespace webnnc::test
