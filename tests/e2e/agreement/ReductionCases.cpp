// SPDX-License-Identifier: Apache-2.0
// Agreement cases: reductions, argMin/argMax, cumulativeSum and softmax.
#include "Agreement.h"

namespace webnnc::test {
namespace {
using G = GraphBuilder;
using Reduce = GraphBuilder::Reduce;

// The reduction's axis variants on a [3, 4, 5] input.
Outputs reductions(G &b, Reduce method, DataType t) {
  Operand x = b.input("x", {t, {3, 4, 5}});
  return Outputs{
      {"all", (b.*method)(x, {})},
      {"axis1_keep", (b.*method)(x, {.axes = std::vector<int64_t>{1},
                                     .keepDimensions = true})},
      {"axes_2_0", (b.*method)(x, {.axes = std::vector<int64_t>{2, 0}})},
      {"none", (b.*method)(x, {.axes = std::vector<int64_t>{}})}};
}

struct ReduceOp {
  const char *name;
  Reduce method;
  std::vector<DataType> types;
  double lo, hi;
};

} // namespace

std::vector<AgreementCase> reductionCases() {
  using G = GraphBuilder;
  const std::vector<DataType> sums = {DataType::Float32, DataType::Float16,
                                      DataType::Int32, DataType::Uint32};
  const std::vector<DataType> floats(std::begin(kFloatTypes),
                                     std::end(kFloatTypes));
  const std::vector<DataType> all(std::begin(kAllTypes), std::end(kAllTypes));
  const ReduceOp ops[] = {
      {"reduce_l1", &G::reduceL1, sums, -50, 50},
      {"reduce_l2", &G::reduceL2, floats, -2, 2},
      {"reduce_log_sum", &G::reduceLogSum, floats, 0.1, 2},
      {"reduce_log_sum_exp", &G::reduceLogSumExp, floats, -3, 3},
      {"reduce_max", &G::reduceMax, all, -100, 100},
      {"reduce_mean", &G::reduceMean, floats, -2, 2},
      {"reduce_min", &G::reduceMin, all, -100, 100},
      {"reduce_product", &G::reduceProduct, sums, 0.5, 1.6},
      {"reduce_sum", &G::reduceSum, sums, -50, 50},
      {"reduce_sum_square", &G::reduceSumSquare, sums, -20, 20},
  };
  std::vector<AgreementCase> cases;
  for (const ReduceOp &op : ops)
    for (DataType t : op.types) {
      AgreementCase c;
      c.name = std::string(op.name) + "_" + shortName(t);
      c.build = [method = op.method, t](G &b) {
        return reductions(b, method, t);
      };
      c.lo = op.lo;
      c.hi = op.hi;
      // Integer products of [0.5, 1.6] round to 1 or 2 and wrap.
      if (!spec::isFloatingPoint(t) && op.method == &G::reduceProduct)
        c.lo = 0, c.hi = 3;
      c.rtol32 = 2e-6;
      c.atol = 1e-6;
      cases.push_back(c);
    }
  for (DataType t : kAllTypes) {
    AgreementCase arg;
    arg.name = "arg_min_max_" + shortName(t);
    arg.lo = -3; // small values: ties pick the first index
    arg.hi = 3;
    arg.build = [t](G &b) {
      Operand x = b.input("x", {t, {3, 4, 5}});
      return Outputs{
          {"argmax_axis1", b.argMax(x, 1)},
          {"argmin_axis2_keep_i64",
           b.argMin(x, 2, {.keepDimensions = true,
                           .outputDataType = DataType::Int64})},
          {"argmax_axis0_keep", b.argMax(x, 0, {.keepDimensions = true})}};
    };
    cases.push_back(arg);
    if (t == DataType::Int8 || t == DataType::Uint8)
      continue; // cumulativeSum takes no 8-bit types (webnn #912)
    AgreementCase sum;
    sum.name = "cumulative_sum_" + shortName(t);
    sum.lo = -20;
    sum.hi = 20;
    sum.rtol32 = 2e-6;
    sum.atol = 1e-6;
    sum.build = [t](G &b) {
      Operand x = b.input("x", {t, {3, 6, 4}});
      return Outputs{
          {"axis1", b.cumulativeSum(x, 1)},
          {"axis2_exclusive", b.cumulativeSum(x, 2, {.exclusive = true})},
          {"axis0_reversed", b.cumulativeSum(x, 0, {.reversed = true})},
          {"axis1_both", b.cumulativeSum(x, 1, {.exclusive = true,
                                                .reversed = true})}};
    };
    cases.push_back(sum);
  }
  for (DataType t : kFloatTypes) {
    AgreementCase softmax;
    softmax.name = "softmax_" + shortName(t);
    softmax.lo = -4;
    softmax.hi = 4;
    softmax.rtol32 = 1e-5;
    softmax.atol = 1e-7;
    softmax.build = [t](G &b) {
      Operand x = b.input("x", {t, {3, 5, 7}});
      return Outputs{{"axis0", b.softmax(x, 0)}, {"axis2", b.softmax(x, 2)}};
    };
    cases.push_back(softmax);
  }
  return cases;
}

} // namespace webnnc::test
