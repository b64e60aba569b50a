// SPDX-License-Identifier: Apache-2.0
// Agreement cases: element-wise ops, activations, where and cast.
#include <cmath>

#include "Agreement.h"

namespace webnnc::test {
namespace {
using G = GraphBuilder;

AgreementCase make(std::string name, std::function<Outputs(G &)> build,
                   double lo = -2, double hi = 2) {
  AgreementCase c;
  c.name = std::move(name);
  c.build = std::move(build);
  c.lo = lo;
  c.hi = hi;
  return c;
}

} // namespace

std::vector<AgreementCase> elementwiseCases() {
  std::vector<AgreementCase> cases;
  for (DataType t : kAllTypes) {
    bool isFloat = spec::isFloatingPoint(t);
    // Arithmetic with broadcasting; integers wrap, x / 0 is 0.
    cases.push_back(make(
        "arithmetic_" + shortName(t),
        [t](G &b) {
          Operand x = b.input("a", {t, {3, 17}}), y = b.input("b", {t, {17}});
          return Outputs{{"add", b.add(x, y)}, {"sub", b.sub(x, y)},
                         {"mul", b.mul(x, y)}, {"div", b.div(x, y)},
                         {"max", b.max(x, y)}, {"min", b.min(x, y)}};
        },
        isFloat ? -3 : -60, isFloat ? 3 : 60));
    cases.push_back(make(
        "pow_" + shortName(t),
        [t](G &b) {
          return Outputs{{"pow", b.pow(b.input("a", {t, {2, 9}}),
                                       b.input("b", {t, {2, 9}}))}};
        },
        isFloat ? 0.25 : -3, isFloat ? 2.5 : 5));
    cases.back().rtol32 = 4e-6;
    // Comparisons on small integers, so equal values occur.
    cases.push_back(make(
        "compare_" + shortName(t),
        [t](G &b) {
          Operand x = b.input("a", {t, {4, 9}}), y = b.input("b", {t, {9}});
          return Outputs{{"equal", b.equal(x, y)},
                         {"notEqual", b.notEqual(x, y)},
                         {"greater", b.greater(x, y)},
                         {"greaterOrEqual", b.greaterOrEqual(x, y)},
                         {"lesser", b.lesser(x, y)},
                         {"lesserOrEqual", b.lesserOrEqual(x, y)}};
        },
        -3, 3));
    cases.push_back(make(
        "clamp_" + shortName(t),
        [t](G &b) {
          Operand x = b.input("x", {t, {33}});
          return Outputs{{"both", b.clamp(x, {.minValue = -1.5, .maxValue = 40.7})},
                         {"min", b.clamp(x, {.minValue = 3})},
                         {"max", b.clamp(x, {.maxValue = 9.25})}};
        },
        -60, 60));
    cases.push_back(make("identity_" + shortName(t), [t](G &b) {
      return Outputs{{"out", b.identity(b.input("x", {t, {2, 3, 5}}))}};
    }));
    cases.push_back(make(
        "where_" + shortName(t),
        [t](G &b) {
          Operand c = b.input("c", {DataType::Uint8, {3, 1}});
          return Outputs{{"out", b.where(c, b.input("t", {t, {3, 17}}),
                                         b.input("f", {t, {17}}))}};
        },
        -2, 2));
    // Casts to every type: floats truncate and saturate, integers wrap.
    cases.push_back(make(
        "cast_from_" + shortName(t),
        [t](G &b) {
          Operand x = b.input("x", {t, {37}});
          Outputs out;
          for (DataType to : kAllTypes)
            out["to_" + shortName(to)] = b.cast(x, to);
          return out;
        },
        -300, 300));
  }
  for (DataType t : kSignedNumberTypes) {
    bool isFloat = spec::isFloatingPoint(t);
    cases.push_back(make(
        "signed_unary_" + shortName(t),
        [t](G &b) {
          Operand x = b.input("x", {t, {3, 13}});
          return Outputs{{"abs", b.abs(x)}, {"neg", b.neg(x)},
                         {"sign", b.sign(x)}, {"relu", b.relu(x)}};
        },
        isFloat ? -4 : -100, isFloat ? 4 : 100));
    cases.push_back(make(
        "prelu_" + shortName(t),
        [t](G &b) {
          return Outputs{{"out", b.prelu(b.input("x", {t, {3, 17}}),
                                         b.input("slope", {t, {17}}))}};
        },
        isFloat ? -4 : -20, isFloat ? 4 : 20));
  }
  for (DataType t : kFloatTypes) {
    std::string s = shortName(t);
    cases.push_back(make(
        "math_" + s,
        [t](G &b) {
          Operand x = b.input("x", {t, {5, 11}});
          return Outputs{{"ceil", b.ceil(x)},       {"floor", b.floor(x)},
                         {"roundEven", b.roundEven(x)}, {"cos", b.cos(x)},
                         {"sin", b.sin(x)},         {"tan", b.tan(x)},
                         {"exp", b.exp(x)},         {"erf", b.erf(x)},
                         {"reciprocal", b.reciprocal(x)}};
        },
        -3, 3));
    cases.back().rtol32 = 5e-6;
    cases.back().atol = 1e-7;
    cases.push_back(make(
        "math_positive_" + s,
        [t](G &b) {
          Operand x = b.input("x", {t, {5, 11}});
          return Outputs{{"log", b.log(x)}, {"sqrt", b.sqrt(x)}};
        },
        0.05, 30));
    cases.back().rtol32 = 2e-6;
    cases.push_back(make(
        "activations_" + s,
        [t](G &b) {
          Operand x = b.input("x", {t, {4, 19}});
          return Outputs{
              {"sigmoid", b.sigmoid(x)},
              {"tanh", b.tanh(x)},
              {"gelu", b.gelu(x)},
              {"hardSwish", b.hardSwish(x)},
              {"softplus", b.softplus(x)},
              {"softsign", b.softsign(x)},
              {"elu", b.elu(x, {.alpha = 0.7})},
              {"hardSigmoid", b.hardSigmoid(x, {.alpha = 0.3, .beta = 0.4})},
              {"leakyRelu", b.leakyRelu(x, {.alpha = 0.05})},
              {"linear", b.linear(x, {.alpha = 1.5, .beta = -0.25})}};
        },
        -5, 5));
    cases.back().rtol32 = 1e-5;
    cases.back().atol = 1e-7;
    cases.push_back(make("special_values_" + s, [t](G &b) {
      double inf = INFINITY;
      Operand x = constantOf(b, t, {8},
                             {NAN, inf, -inf, 0, -0.0, 1.5, -2.5, 65504});
      return Outputs{{"isNaN", b.isNaN(x)},
                     {"isInfinite", b.isInfinite(x)},
                     {"roundEven", b.roundEven(constantOf(
                                       b, t, {8},
                                       {0.5, 1.5, 2.5, -0.5, -1.5, 3.5, -2.5,
                                        4.5}))},
                     {"relu", b.relu(x)},
                     // Vector code (not libm): infinities and NaN.
                     {"erf", b.erf(x)},
                     {"gelu", b.gelu(x)},
                     {"clamp", b.clamp(x, {.minValue = -1, .maxValue = 2})}};
    }));
  }
  // Every row of the unary-op table (webnnc/Spec/ElementwiseOps.h) in each
  // data type it accepts, on a positive range every row is defined on: a
  // new op is compared with the reference before it has cases of its own.
  for (DataType t : kAllTypes) {
    bool isFloat = spec::isFloatingPoint(t);
    cases.push_back(make(
        "unary_table_" + shortName(t),
        [t](G &b) {
          Operand x = b.input("x", {t, {3, 7}});
          Outputs out;
#define WEBNNC_UNARY_CASE(method, Kind, types, result, Options)                \
  if (spec::DataTypeSet(spec::types).contains(t))                              \
    out[#method] = b.method(x);
          WEBNNC_UNARY_OPS(WEBNNC_UNARY_CASE)
#undef WEBNNC_UNARY_CASE
          return out;
        },
        isFloat ? 0.05 : 0, isFloat ? 3 : (t == DataType::Uint8 ? 2 : 20)));
    cases.back().rtol32 = 1e-5;
    cases.back().atol = 1e-7;
  }
  cases.push_back(make(
      "logical_u8",
      [](G &b) {
        Operand x = b.input("a", {DataType::Uint8, {4, 9}}),
                y = b.input("b", {DataType::Uint8, {9}});
        return Outputs{{"and", b.logicalAnd(x, y)},
                       {"or", b.logicalOr(x, y)},
                       {"xor", b.logicalXor(x, y)},
                       {"not", b.logicalNot(x)}};
      },
      0, 2));
  return cases;
}

} // namespace webnnc::test
