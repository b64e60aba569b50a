// SPDX-License-Identifier: Apache-2.0
// Ops without WPT vectors, checked against values worked out by hand from
// the spec's definitions (or copied from the spec's own examples). Each
// graph runs through both the reference evaluator and the compiled path.
#include <gtest/gtest.h>

#include <cmath>

#include "E2ETestUtils.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Reference/Evaluator.h"

namespace webnnc {
namespace {

using Outputs = std::map<std::string, Operand>;
using Values = std::vector<double>;

Operand constant(GraphBuilder &b, DataType type, Shape shape, Values values) {
  HostTensor t = HostTensor::fromDoubles({type, shape}, values);
  return b.constant(t.descriptor(),
                    std::span<const std::byte>(t.data(), t.byteSize()));
}
Operand f32(GraphBuilder &b, Shape shape, Values values) {
  return constant(b, DataType::Float32, std::move(shape), std::move(values));
}

// Builds |outputs| with |build|, computes the graph (it has no inputs:
// every operand is a constant) with the reference evaluator and the
// compiled path, and checks both against |expected| (by output name).
void expectOutputs(const std::function<Outputs(GraphBuilder &)> &build,
                   const std::map<std::string, Values> &expected,
                   double tolerance = 1e-6) {
  GraphBuilder builder;
  auto graph = builder.build(build(builder));
  ASSERT_TRUE(graph) << graph.error().message();
  std::vector<NamedOperand> names = graph->outputs();
  auto reference = reference::evaluate(*graph, {});
  ASSERT_TRUE(reference) << reference.error();
  auto compiled = test::compileAndRun(*graph, {});
  ASSERT_TRUE(compiled) << compiled.error();
  for (size_t i = 0; i < names.size(); ++i) {
    auto it = expected.find(names[i].name);
    ASSERT_NE(it, expected.end()) << names[i].name;
    for (auto [path, tensors] : {std::pair{"reference", &*reference},
                                 std::pair{"compiled", &*compiled}}) {
      std::vector<double> actual = (*tensors)[i].toDoubles();
      ASSERT_EQ(actual.size(), it->second.size()) << names[i].name;
      for (size_t k = 0; k < actual.size(); ++k) {
        double a = actual[k], e = it->second[k];
        // Infinities must match exactly.
        bool ok = a == e || std::fabs(a - e) <= tolerance;
        EXPECT_TRUE(ok) << path << " " << names[i].name << "[" << k
                        << "] = " << a << ", expected " << e;
      }
    }
  }
}

TEST(HandComputed, Gemm) {
  expectOutputs(
      [](GraphBuilder &b) {
        Operand a = f32(b, {2, 3}, {1, 2, 3, 4, 5, 6});
        Operand at = f32(b, {3, 2}, {1, 4, 2, 5, 3, 6}); // a transposed
        Operand w = f32(b, {3, 2}, {1, 0, 0, 1, 1, 1});
        return Outputs{
            {"plain", b.gemm(a, w)},
            // 2 * a w + 0.5 * [1, 2]
            {"alpha_beta_c", b.gemm(a, w, {.c = f32(b, {2}, {1, 2}),
                                           .alpha = 2,
                                           .beta = 0.5})},
            {"a_transposed", b.gemm(at, w, {.aTranspose = true})}};
      },
      {{"plain", {4, 5, 10, 11}},
       {"alpha_beta_c", {8.5, 11, 20.5, 23}},
       {"a_transposed", {4, 5, 10, 11}}});
}

TEST(HandComputed, Gathers) {
  expectOutputs(
      [](GraphBuilder &b) {
        Operand x = f32(b, {3, 2}, {0, 1, 2, 3, 4, 5});
        Operand sq = f32(b, {2, 2}, {1, 2, 3, 4});
        return Outputs{
            // Rows 2, 0 and -1 (the last); 7 clamps to the last row.
            {"gather_rows", b.gather(x, constant(b, DataType::Int32, {4},
                                                 {2, 0, -1, 7}))},
            {"gather_column", b.gather(x, constant(b, DataType::Int64, {1}, {1}),
                                       {.axis = 1})},
            {"gather_elements",
             b.gatherElements(sq, constant(b, DataType::Int32, {2, 2},
                                           {0, 0, 1, 0}),
                              {.axis = 1})},
            {"gather_nd_elements",
             b.gatherND(sq, constant(b, DataType::Uint32, {2, 2}, {0, 0, 1, 1}))},
            {"gather_nd_rows",
             b.gatherND(sq, constant(b, DataType::Int32, {2, 1}, {1, 0}))}};
      },
      {{"gather_rows", {4, 5, 0, 1, 4, 5, 4, 5}},
       {"gather_column", {1, 3, 5}},
       {"gather_elements", {1, 1, 4, 3}},
       {"gather_nd_elements", {1, 4}},
       {"gather_nd_rows", {3, 4, 1, 2}}});
}

TEST(HandComputed, Scatters) {
  expectOutputs(
      [](GraphBuilder &b) {
        Operand zeros = f32(b, {3, 3}, Values(9, 0.0));
        Operand eight = f32(b, {8}, {1, 2, 3, 4, 5, 6, 7, 8});
        return Outputs{
            {"scatter_elements",
             b.scatterElements(
                 zeros, constant(b, DataType::Int32, {2, 3}, {1, 0, 2, 0, 2, 1}),
                 f32(b, {2, 3}, {1.0, 1.1, 1.2, 2.0, 2.1, 2.2}))},
            {"scatter_nd",
             b.scatterND(eight, constant(b, DataType::Int64, {4, 1}, {4, 3, 1, 7}),
                         f32(b, {4}, {9, 10, 11, 12}))}};
      },
      {{"scatter_elements", {2.0, 1.1, 0.0, 1.0, 0.0, 2.2, 0.0, 2.1, 1.2}},
       {"scatter_nd", {1, 11, 3, 10, 9, 6, 7, 12}}},
      1e-6);
}

TEST(HandComputed, QuantizeDequantize) {
  expectOutputs(
      [](GraphBuilder &b) {
        // x / 0.5 = -2, 0, 2.5, 3.5, 5.6, 2000 -> round half to even ->
        // -2, 0, 2, 4, 6, 2000 -> + 10 -> saturate to uint8.
        Operand x = f32(b, {6}, {-1, 0, 1.25, 1.75, 2.8, 1000});
        Operand scale = f32(b, {1}, {0.5});
        Operand zero = constant(b, DataType::Uint8, {1}, {10});
        // Blockwise: columns 0-1 use (scale 2, zero 1), 2-3 (0.25, -2).
        Operand q = constant(b, DataType::Int8, {2, 4}, {1, 3, -2, 2, 0, -1, 6, -10});
        Operand blockScale = f32(b, {1, 2}, {2, 0.25});
        Operand blockZero = constant(b, DataType::Int8, {1, 2}, {1, -2});
        return Outputs{{"quantize", b.quantizeLinear(x, scale, zero)},
                       {"dequantize_blockwise",
                        b.dequantizeLinear(q, blockScale, blockZero)}};
      },
      {{"quantize", {8, 10, 12, 14, 16, 255}},
       {"dequantize_blockwise", {0, 4, 0, 1, -2, -4, 2, -2}}});
}

TEST(HandComputed, TileWhereTriangular) {
  expectOutputs(
      [](GraphBuilder &b) {
        Operand m = f32(b, {2, 2}, {1, 2, 3, 4});
        Operand t = f32(b, {3, 3}, {7, 1, 2, 9, 4, 8, 2, 6, 3});
        Operand condition = constant(b, DataType::Uint8, {3}, {1, 0, 1});
        return Outputs{
            {"tile_columns", b.tile(m, {1, 2})},
            {"tile_rows", b.tile(m, {2, 1})},
            {"where", b.where(condition, f32(b, {3}, {1, 2, 3}),
                              f32(b, {1}, {-1}))},
            // The spec's examples.
            {"upper", b.triangular(t)},
            {"upper_diag_1", b.triangular(t, {.diagonal = 1})},
            {"lower", b.triangular(t, {.upper = false})},
            {"lower_diag_minus_1", b.triangular(t, {.upper = false,
                                                    .diagonal = -1})}};
      },
      {{"tile_columns", {1, 2, 1, 2, 3, 4, 3, 4}},
       {"tile_rows", {1, 2, 3, 4, 1, 2, 3, 4}},
       {"where", {1, -1, 3}},
       {"upper", {7, 1, 2, 0, 4, 8, 0, 0, 3}},
       {"upper_diag_1", {0, 1, 2, 0, 0, 8, 0, 0, 0}},
       {"lower", {7, 0, 0, 9, 4, 0, 2, 6, 3}},
       {"lower_diag_minus_1", {0, 0, 0, 9, 0, 0, 2, 6, 0}}});
}

TEST(HandComputed, CumulativeSumAndReverse) {
  expectOutputs(
      [](GraphBuilder &b) {
        Operand x = f32(b, {4}, {1, 2, 3, 4});
        Operand m = f32(b, {2, 3}, {1, 2, 3, 4, 5, 6});
        return Outputs{
            // The spec's examples.
            {"inclusive", b.cumulativeSum(x, 0)},
            {"exclusive", b.cumulativeSum(x, 0, {.exclusive = true})},
            {"reversed", b.cumulativeSum(x, 0, {.reversed = true})},
            {"exclusive_reversed",
             b.cumulativeSum(x, 0, {.exclusive = true, .reversed = true})},
            {"reverse_columns",
             b.reverse(m, {.axes = std::vector<int64_t>{1}})},
            {"reverse_all", b.reverse(m)}};
      },
      {{"inclusive", {1, 3, 6, 10}},
       {"exclusive", {0, 1, 3, 6}},
       {"reversed", {10, 9, 7, 4}},
       {"exclusive_reversed", {9, 7, 4, 0}},
       {"reverse_columns", {3, 2, 1, 6, 5, 4}},
       {"reverse_all", {6, 5, 4, 3, 2, 1}}});
}

TEST(HandComputed, Pad) {
  // The spec's examples for [[1,2,3],[4,5,6]] padded by [1,2] and [1,2].
  expectOutputs(
      [](GraphBuilder &b) {
        Operand x = f32(b, {2, 3}, {1, 2, 3, 4, 5, 6});
        return Outputs{
            {"constant", b.pad(x, {1, 2}, {1, 2})},
            {"edge", b.pad(x, {1, 2}, {1, 2}, {.mode = PaddingMode::Edge})},
            {"reflection",
             b.pad(x, {1, 2}, {1, 2}, {.mode = PaddingMode::Reflection})}};
      },
      {{"constant", {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0,
                     0, 0, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
       {"edge", {1, 1, 1, 2, 3, 3, 3, 1, 1, 1, 2, 3, 3, 3,
                 4, 4, 4, 5, 6, 6, 6, 4, 4, 4, 5, 6, 6, 6}},
       {"reflection", {6, 5, 4, 5, 6, 5, 4, 3, 2, 1, 2, 3, 2, 1,
                       6, 5, 4, 5, 6, 5, 4, 3, 2, 1, 2, 3, 2, 1}}});
}

TEST(HandComputed, Pooling) {
  expectOutputs(
      [](GraphBuilder &b) {
        Values ramp(16);
        for (int i = 0; i < 16; ++i)
          ramp[i] = i + 1;
        Operand x = f32(b, {1, 1, 4, 4}, ramp);
        Operand small = f32(b, {1, 1, 2, 2}, {1, 2, 3, 4});
        Pool2dOptions twoByTwo{.windowDimensions = {2, 2}, .strides = {2, 2}};
        return Outputs{
            {"max", b.maxPool2d(x, twoByTwo)},
            {"average", b.averagePool2d(x, twoByTwo)},
            {"l2", b.l2Pool2d(x, twoByTwo)},
            // Padding does not count: every window holds all four values.
            {"average_padded", b.averagePool2d(small, {.windowDimensions = {3, 3},
                                                       .padding = {1, 1, 1, 1}})},
            {"max_global", b.maxPool2d(x)}};
      },
      {{"max", {6, 8, 14, 16}},
       {"average", {3.5, 5.5, 11.5, 13.5}},
       // sqrt(1 + 4 + 25 + 36), ...
       {"l2", {std::sqrt(66.0), std::sqrt(9.0 + 16 + 49 + 64),
               std::sqrt(81.0 + 100 + 169 + 196), std::sqrt(121.0 + 144 + 225 + 256)}},
       {"average_padded", {2.5, 2.5, 2.5, 2.5}},
       {"max_global", {16}}},
      1e-5);
}

TEST(HandComputed, Resample2d) {
  // [[0, 4], [8, 12]] to 4x4: output o samples (o + 0.5) / 2 - 0.5 =
  // -0.25, 0.25, 0.75, 1.25, clamped to [0, 1].
  expectOutputs(
      [](GraphBuilder &b) {
        Operand x = f32(b, {1, 1, 2, 2}, {0, 4, 8, 12});
        return Outputs{
            {"nearest", b.resample2d(x, {.scales = {2, 2}})},
            {"linear", b.resample2d(x, {.mode = InterpolationMode::Linear,
                                        .sizes = {4, 4}})}};
      },
      {{"nearest", {0, 0, 4, 4, 0, 0, 4, 4, 8, 8, 12, 12, 8, 8, 12, 12}},
       {"linear", {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12}}});
}

// The recurrent cells with hidden size 1 or 2, worked out from the gate
// equations: z = sigmoid(x Wz + h Rz), r = sigmoid(x Wr + h Rr),
// n = tanh(x Wn + r (h Rn)) (reset after) or tanh(x Wn + (r h) Rn),
// h' = z h + (1 - z) n; and for lstm i, o, f with peepholes on the old c,
// g = tanh(...), c' = f c + i g, h' = o tanh(c').
TEST(HandComputed, GruCell) {
  expectOutputs(
      [](GraphBuilder &b) {
        Operand x = f32(b, {1, 1}, {1});
        Operand h = f32(b, {1, 2}, {0.5, -0.25});
        Operand w = f32(b, {6, 1}, {0.5, -0.5, 0.25, 1.0, -0.75, 0.5});
        Operand r = f32(b, {6, 2}, {0.25, 0.5, -1.0, 0.5, 0.5, 0.5, -0.25, 1.0,
                                    1.0, -0.5, 0.75, 0.25});
        return Outputs{
            {"reset_after", b.gruCell(x, w, r, h, 2)},
            {"reset_before", b.gruCell(x, w, r, h, 2, {.resetAfter = false})}};
      },
      {{"reset_after", {0.17442946628891007, 0.39667169383379586}},
       {"reset_before", {0.17684184693475952, 0.3860308516209025}}},
      1e-6);
}

TEST(HandComputed, GruSequence) {
  // Hidden size 1, W = [0.5, -0.5, 1] (z, r, n), R = [0.25, 0.5, -1],
  // inputs 1 then -1 from h = 0.
  expectOutputs(
      [](GraphBuilder &b) {
        Operand x = f32(b, {2, 1, 1}, {1, -1});
        Operand w = f32(b, {1, 3, 1}, {0.5, -0.5, 1.0});
        Operand r = f32(b, {1, 3, 1}, {0.25, 0.5, -1.0});
        std::vector<Operand> forward = b.gru(x, w, r, 2, 1,
                                             {.returnSequence = true});
        std::vector<Operand> backward =
            b.gru(x, w, r, 2, 1,
                  {.returnSequence = true,
                   .direction = RecurrentNetworkDirection::Backward});
        return Outputs{{"forward_hidden", forward[0]},
                       {"forward_sequence", forward[1]},
                       {"backward_sequence", backward[1]}};
      },
      {{"forward_hidden", {-0.3891181858085655}},
       {"forward_sequence", {0.2875327669922985, -0.3891181858085655}},
       // Backward walks step 1 first; the sequence keeps time order.
       {"backward_sequence", {0.05057712260537689, -0.47406138896346633}}},
      1e-6);
}

TEST(HandComputed, LstmCell) {
  // Hidden size 1, iofg rows W = [0.5, -0.25, 1, 0.75],
  // R = [0.1, 0.2, -0.3, 0.4], bias = [0.1, 0, 0, -0.1], peepholes
  // (i, o, f) = [0.5, -0.5, 0.25]; x = 2, h = 0.5, c = -1.
  expectOutputs(
      [](GraphBuilder &b) {
        std::vector<Operand> out = b.lstmCell(
            f32(b, {1, 1}, {2}), f32(b, {4, 1}, {0.5, -0.25, 1.0, 0.75}),
            f32(b, {4, 1}, {0.1, 0.2, -0.3, 0.4}), f32(b, {1, 1}, {0.5}),
            f32(b, {1, 1}, {-1}), 1,
            {.bias = f32(b, {4}, {0.1, 0, 0, -0.1}),
             .peepholeWeight = f32(b, {3}, {0.5, -0.5, 0.25})});
        return Outputs{{"hidden", out[0]}, {"cell", out[1]}};
      },
      {{"hidden", {-0.11690153216695204}}, {"cell", {-0.22647250177171396}}},
      1e-6);
}

TEST(HandComputed, LstmSequence) {
  // Hidden size 1, iofg rows W = [0.5, -0.25, 1, 0.75],
  // R = [0.1, 0.2, -0.3, 0.4], inputs 1 then -2 from h = c = 0.
  expectOutputs(
      [](GraphBuilder &b) {
        std::vector<Operand> out = b.lstm(
            f32(b, {2, 1, 1}, {1, -2}), f32(b, {1, 4, 1}, {0.5, -0.25, 1.0, 0.75}),
            f32(b, {1, 4, 1}, {0.1, 0.2, -0.3, 0.4}), 2, 1,
            {.returnSequence = true});
        return Outputs{{"hidden", out[0]}, {"cell", out[1]}, {"sequence", out[2]}};
      },
      {{"hidden", {-0.12305686664315227}},
       {"cell", {-0.19781803037689014}},
       {"sequence", {0.16460718752380082, -0.12305686664315227}}},
      1e-6);
}

TEST(HandComputed, ClampWithNonFiniteValues) {
  // What the WPT clamp cases whose vectors lost their infinities check:
  // infinite inputs clamp like any other value, infinite bounds clamp
  // nothing on their side, NaN bounds are ignored and NaN inputs stay NaN.
  double inf = INFINITY;
  double big = double(-3e35f); // as float32 stores it
  expectOutputs(
      [=](GraphBuilder &b) {
        Operand x = f32(b, {5}, {-inf, inf, big, -2, 1});
        return Outputs{
            {"min_minus_inf", b.clamp(x, {.minValue = -inf})},
            {"max_plus_inf", b.clamp(x, {.maxValue = inf})},
            {"min_plus_inf", b.clamp(x, {.minValue = inf})},
            {"max_minus_inf", b.clamp(x, {.maxValue = -inf})},
            {"equal_bounds", b.clamp(x, {.minValue = 0.5, .maxValue = 0.5})},
            {"nan_bounds", b.clamp(x, {.minValue = NAN, .maxValue = NAN})}};
      },
      {{"min_minus_inf", {-inf, inf, big, -2, 1}},
       {"max_plus_inf", {-inf, inf, big, -2, 1}},
       {"min_plus_inf", {inf, inf, inf, inf, inf}},
       {"max_minus_inf", {-inf, -inf, -inf, -inf, -inf}},
       {"equal_bounds", {0.5, 0.5, 0.5, 0.5, 0.5}},
       {"nan_bounds", {-inf, inf, big, -2, 1}}},
      0);
}

} // namespace
} // namespace webnnc
