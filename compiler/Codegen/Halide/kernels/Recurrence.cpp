// SPDX-License-Identifier: Apache-2.0
// webnn.recurrence: a gru or lstm over a sequence length known only at
// compute, as one kernel that loops over the steps.
//
// The input projection x W^T (+ biases) of every step is one pure Func.
// The recurrence is a state Func st(j, batch, direction, t), t = 0 the
// initial state and t = s the state after s steps, updated over an RDom
// (j, k, s): step s accumulates h_{s-1}(k) R(j, k) into each gate's sum
// and, at the last k, applies the gates. Halide requires a Func's
// references to itself to keep its pure variables in place, so j (read
// at k) is a reduction variable too; the loop order (s outermost, then k,
// then j) makes every read of step s - 1 follow its write. A gru whose
// reset gate applies before the recurrent product ((r h) R_n) takes a
// second pass over k per step, after every r is known.
#include <stdexcept>

#include "../Math.h"
#include "Families.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

Expr activate(int64_t f, Expr x) {
  switch (static_cast<spec::RecurrentNetworkActivation>(f)) {
  case spec::RecurrentNetworkActivation::Relu:
    return max(x, 0.0f);
  case spec::RecurrentNetworkActivation::Sigmoid:
    return vsigmoid(x);
  default:
    return vtanh(x);
  }
}

struct Recurrence {
  const kernels::OpSpec &op;
  // Operands by role: input, weight, recurrentWeight, bias, recurrentBias,
  // peepholeWeight, initialHiddenState, initialCellState (null if absent).
  std::vector<const Value *> role;
  bool lstm, resetAfter;
  int hidden, direction, layout;
  std::vector<int64_t> activations;

  Recurrence(const kernels::OpSpec &op, const std::vector<Value> &operands)
      : op(op), role(8, nullptr) {
    std::vector<int64_t> segments = op.intList("operandSegmentSizes");
    if (segments.size() != 8)
      throw std::runtime_error("recurrence: expected 8 operand segments");
    size_t next = 0;
    for (size_t r = 0; r < 8; ++r)
      if (segments[r] != 0) {
        if (next >= operands.size())
          throw std::runtime_error("recurrence: missing operands");
        role[r] = &operands[next++];
      }
    lstm = op.intAttr("lstm", 0) != 0;
    resetAfter = op.intAttr("reset_after", 0) != 0;
    hidden = int(op.intAttr("hidden_size", 0));
    direction = int(op.intAttr("direction", 0));
    layout = int(op.intAttr("layout", 0));
    activations = op.intList("activations");
    if (activations.size() != (lstm ? 3u : 2u) || hidden <= 0)
      throw std::runtime_error("recurrence: malformed attributes");
  }

  const Value &input() const { return *role[0]; }
  Expr backward(Expr d) const {
    return direction == 1 ? Expr(true) : direction == 2 ? d == 1 : Expr(false);
  }
  // Where gate |name| starts in the weights' gate dimension.
  int gateAt(char name) const {
    const char *order =
        lstm ? (layout == 0 ? "iofg" : "ifgo") : (layout == 0 ? "zrn" : "rzn");
    return int(std::string(order).find(name)) * hidden;
  }
  Expr at(int r, std::vector<Expr> index) const {
    return role[r] ? readAt(*role[r], index) : Expr(0.0f);
  }

  Defined define() const {
    const Value &x = input();
    Expr steps = x.extent(0), inputSize = x.extent(2);
    int64_t result = op.intAttr("computes", 0);
    int gates = lstm ? 4 : 3, H = hidden;
    Var j("j"), g("g"), b("b"), d("d"), t("t");

    // The projected input of iteration s (1-based) in direction d.
    RDom ri(0, inputSize, "ri");
    Expr time = select(backward(d), steps - t, t - 1);
    Func projected("projected");
    Expr sum =
        Halide::sum(readAt(x, {time, b, ri}) * readAt(*role[1], {d, g, ri}));
    // Biases that add outside the gates' recurrent sums: all of them but
    // a reset-after gru's recurrent n bias, which r scales.
    Expr recurrentBias = at(4, {d, g});
    if (!lstm && resetAfter)
      recurrentBias = select(g >= gateAt('n'), 0.0f, recurrentBias);
    projected(g, b, d, t) = sum + at(3, {d, g}) + recurrentBias;

    // State tuple: lstm (h, c, sum_i, sum_f, sum_g, sum_o); gru (h, sum_z,
    // sum_r, sum_n, r).
    Func st("state");
    Expr h0 = at(6, {d, b, j});
    if (lstm)
      st(j, b, d, t) = Tuple(h0, at(7, {d, b, j}), 0.0f, 0.0f, 0.0f, 0.0f);
    else
      st(j, b, d, t) = Tuple(h0, 0.0f, 0.0f, 0.0f, 0.0f);
    bool twoPasses = !lstm && !resetAfter;
    RDom R(0, H, 0, twoPasses ? 2 * H : H, 1, steps, "R");
    Expr jj = R.x, k = R.y, s = R.z;
    auto now = [&](int e) { return st(jj, b, d, s)[e]; };
    auto before = [&](Expr at, int e) { return st(at, b, d, s - 1)[e]; };
    auto recurrent = [&](int gate, Expr col) {
      return readAt(*role[2], {d, gate + jj, col});
    };
    auto pre = [&](char name) { return projected(gateAt(name) + jj, b, d, s); };
    Expr first = k == 0, last = k == H - 1;
    if (lstm) {
      Expr hk = before(k, 0), cPrev = before(jj, 1);
      std::vector<Expr> sums;
      const char *names = "ifgo";
      for (int q = 0; q < 4; ++q)
        sums.push_back(select(first, 0.0f, now(2 + q)) +
                       recurrent(gateAt(names[q]), k) * hk);
      // Peepholes (i, o, f order) read the previous cell state.
      Expr gi =
          activate(activations[0], pre('i') + sums[0] + at(5, {d, jj}) * cPrev);
      Expr gf = activate(activations[0],
                         pre('f') + sums[1] + at(5, {d, 2 * H + jj}) * cPrev);
      Expr gg = activate(activations[1], pre('g') + sums[2]);
      Expr go = activate(activations[0],
                         pre('o') + sums[3] + at(5, {d, H + jj}) * cPrev);
      Expr c = gf * cPrev + gi * gg;
      Expr h = go * activate(activations[2], c);
      st(jj, b, d, s) = Tuple(select(last, h, now(0)), select(last, c, now(1)),
                              sums[0], sums[1], sums[2], sums[3]);
    } else if (resetAfter) {
      // One pass: the z, r and n sums of h R^T (n's starting from its
      // recurrent bias, which r scales); the gates at the last k.
      Expr hk = before(k, 0), hPrev = before(jj, 0);
      Expr sumZ = select(first, 0.0f, now(1)) + recurrent(gateAt('z'), k) * hk;
      Expr sumR = select(first, 0.0f, now(2)) + recurrent(gateAt('r'), k) * hk;
      Expr sumN = select(first, at(4, {d, gateAt('n') + jj}), now(3)) +
                  recurrent(gateAt('n'), k) * hk;
      Expr z = activate(activations[0], pre('z') + sumZ);
      Expr r = activate(activations[0], pre('r') + sumR);
      Expr n = activate(activations[1], pre('n') + r * sumN);
      Expr h = n + z * (hPrev - n);
      st(jj, b, d, s) = Tuple(select(last, h, now(0)), sumZ, sumR, sumN, 0.0f);
    } else {
      // Pass 1 (k < H): the z and r sums; at its end r is kept. Pass 2
      // (k >= H): n's sum of (r h) R_n, reading every j's r of this step.
      Expr k1 = clamp(k, 0, H - 1), k2 = clamp(k - H, 0, H - 1);
      Expr hk = before(k1, 0), hPrev = before(jj, 0);
      Expr inFirst = k < H;
      Expr sumZ = select(first, 0.0f, now(1)) + recurrent(gateAt('z'), k1) * hk;
      Expr sumR = select(first, 0.0f, now(2)) + recurrent(gateAt('r'), k1) * hk;
      Expr sumN = select(k == H, 0.0f, now(3)) + recurrent(gateAt('n'), k2) *
                                                     st(k2, b, d, s)[4] *
                                                     before(k2, 0);
      Expr z = activate(activations[0], pre('z') + now(1));
      Expr n = activate(activations[1], pre('n') + sumN);
      Expr h = n + z * (hPrev - n);
      st(jj, b, d, s) = Tuple(
          select(k == 2 * H - 1, h, now(0)), select(inFirst, sumZ, now(1)),
          select(inFirst, sumR, now(2)), select(inFirst, now(3), sumN),
          select(k == H - 1, activate(activations[0], pre('r') + sumR),
                 now(4)));
    }

    Func out("recurrence");
    std::vector<Var> vars = makeVars(op.result.shape.size());
    std::vector<Expr> w = webnnOrder(vars); // WebNN order
    spec::DataType type = op.result.dataType;
    if (result == 2) // [steps, directions, batch, hidden]
      out(vars) = store(st(w[3], w[2], w[1],
                           select(backward(w[1]), steps - w[0], w[0] + 1))[0],
                        type);
    else // [directions, batch, hidden] after the last step
      out(vars) = store(st(w[2], w[1], w[0], steps)[result == 1 ? 1 : 0], type);

    Value value{out, op.result};
    value.openExtents.assign(op.result.shape.size(), Expr());
    if (result == 2)
      value.openExtents[0] = steps;
    if (op.result.shape.size() >= 2) {
      size_t batchDim = result == 2 ? 2 : 1;
      if (isOpen(op.result.shape[batchDim]))
        value.openExtents[batchDim] = x.extent(1);
    }
    Schedule schedule = [projected, st, g, H, R](Func output,
                                                 const Target &target,
                                                 const Placement &) mutable {
      int width = target.natural_vector_size(Float(32));
      projected.compute_root().vectorize(g, width, TailStrategy::GuardWithIf);
      st.compute_root();
      // The steps run in order; within a step every (k, j) of one batch
      // row and direction. The j of a vector write their own elements and
      // read step s - 1 (or, in a gru's second pass, r values finished in
      // the first): no race, which Halide cannot prove for a reduction
      // variable, hence allow_race_conditions.
      st.update()
          .reorder(R.x, R.y, R.z)
          .allow_race_conditions()
          .vectorize(R.x, width, TailStrategy::GuardWithIf);
      output.compute_root();
    };
    return Defined{value, schedule};
  }
};

} // namespace

std::optional<Defined> defineRecurrence(const kernels::OpSpec &op,
                                        const std::vector<Value> &operands) {
  if (op.kind != "recurrence")
    return std::nullopt;
  return Recurrence(op, operands).define();
}

} // namespace webnnc::halide
