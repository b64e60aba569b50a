// SPDX-License-Identifier: Apache-2.0
// Agreement cases: quantized convolutions (dequantize -> conv2d ->
// activation -> quantize), which targets with int8 dot products compute
// as integer kernels. The reference computes the float formula; integer
// kernels sum exactly and requantize with one multiply-add, so a value
// on a rounding tie may land one step away.
#include <gtest/gtest.h>

#include <functional>

#include "../E2ETestUtils.h"
#include "Agreement.h"
#include "webnnc/Codegen/Target.h"

namespace webnnc::test {

namespace {

struct QuantizedConvShape {
  std::string name;
  int64_t batches, inputs, outputs, height, width, window;
  std::vector<int64_t> padding, strides, dilations;
  int64_t groups = 1; // inputs (and outputs) for a depthwise conv
};

// dequantizeLinear and quantizeLinear with per-tensor parameters of an
// 8-bit |type| (scale float32, zero point |type|).
struct PerTensorQdq {
  GraphBuilder &b;
  DataType type;
  Operand dequantize(Operand x, double scale, double zero) const {
    return b.dequantizeLinear(x, constantOf(b, DataType::Float32, {}, {scale}),
                              constantOf(b, type, {}, {zero}));
  }
  Operand quantize(Operand y, double scale, double zero) const {
    return b.quantizeLinear(y, constantOf(b, DataType::Float32, {}, {scale}),
                            constantOf(b, type, {}, {zero}));
  }
};

// x (8-bit, nchw) dequantized per tensor, int8 weights dequantized per
// output channel, bias, conv, activation, quantized per tensor: one output
// per activation (none, relu, clamp).
Outputs quantizedConv(GraphBuilder &b, const QuantizedConvShape &s, DataType in,
                      DataType out, DataType weightType = DataType::Int8) {
  bool signedIn = in == DataType::Int8;
  Operand x = b.input("x", {in, {s.batches, s.inputs, s.height, s.width}});
  Operand xf =
      b.dequantizeLinear(x, constantOf(b, DataType::Float32, {}, {0.02}),
                         constantOf(b, in, {}, {signedIn ? -3.0 : 128.0}));
  Shape filterShape{s.outputs, s.inputs / s.groups, s.window, s.window};
  // int8 weights with zero point 0, or uint8 ones in [0, 200] with zero
  // points around 75 (differences that fit an int8).
  bool unsignedWeights = weightType == DataType::Uint8;
  Operand w =
      pattern(b, {weightType, filterShape}, unsignedWeights ? 200 : 100);
  std::vector<double> scales, zeros;
  for (int64_t o = 0; o < s.outputs; ++o) {
    scales.push_back(0.01 + 0.001 * double(o % 7));
    zeros.push_back(unsignedWeights ? double(73 + o % 5) : 0.0);
  }
  Operand wf = b.dequantizeLinear(
      w, constantOf(b, DataType::Float32, {s.outputs, 1, 1, 1}, scales),
      constantOf(b, weightType, {s.outputs, 1, 1, 1}, zeros));
  Operand bias = pattern(b, {DataType::Float32, {s.outputs}}, 0.5);
  // A conv per output: a conv read by several activations stays float.
  auto conv = [&] {
    return b.conv2d(xf, wf,
                    {.padding = s.padding,
                     .strides = s.strides,
                     .dilations = s.dilations,
                     .groups = s.groups,
                     .bias = bias});
  };
  Operand scale = constantOf(b, DataType::Float32, {}, {0.08});
  Operand zero = constantOf(b, out, {}, {out == DataType::Int8 ? -5.0 : 100.0});
  return Outputs{{"float", b.sigmoid(conv())}, // not quantized: float32
                 {"plain", b.quantizeLinear(conv(), scale, zero)},
                 {"relu", b.quantizeLinear(b.relu(conv()), scale, zero)},
                 {"clamp", b.quantizeLinear(b.clamp(conv(), {.minValue = -1.5,
                                                             .maxValue = 3.0}),
                                            scale, zero)}};
}

// matmul and gemm with constant int8 matrices (1x1 convs of their rows):
// quantized results and float ones, a batch of matrices, b transposed, a
// bias and a relu.
Outputs quantizedMatrices(GraphBuilder &b, DataType type) {
  bool isSigned = type == DataType::Int8;
  double z = isSigned ? 3 : 130;
  PerTensorQdq qdq{b, type};
  auto dequantize = [&](Operand x, double scale) {
    return qdq.dequantize(x, scale, z);
  };
  auto quantize = [&](Operand y, double scale) {
    return qdq.quantize(y, scale, z);
  };
  // Per-output-column scales: [N] for a [K, N] matrix (aligned to the
  // last dimension), [N, 1] for a transposed [N, K] one.
  auto weights = [&](Shape shape, Shape scaleShape) {
    int64_t columns = spec::elementCount(scaleShape);
    std::vector<double> scales;
    for (int64_t j = 0; j < columns; ++j)
      scales.push_back(0.004 + 0.0005 * double(j % 5));
    return b.dequantizeLinear(
        pattern(b, {DataType::Int8, shape}, 110),
        constantOf(b, DataType::Float32, scaleShape, scales),
        constantOf(b, DataType::Int8, scaleShape,
                   std::vector<double>(size_t(columns), 0.0)));
  };
  Operand a = b.input("a", {type, {3, 5, 12}});
  Operand m = b.input("m", {type, {7, 16}});
  Operand bias = pattern(b, {DataType::Float32, {9}}, 0.3);
  auto gemm = [&] {
    return b.gemm(dequantize(m, 0.03), weights({9, 16}, {9, 1}),
                  {.c = bias, .bTranspose = true});
  };
  auto matmul = [&] {
    return b.matmul(dequantize(a, 0.02), weights({12, 20}, {20}));
  };
  return Outputs{{"matmul_quantized", quantize(matmul(), 0.01)},
                 {"matmul_float", matmul()},
                 {"gemm_relu", quantize(b.relu(gemm()), 0.02)},
                 {"gemm_float", gemm()}};
}

// Max pooling and data movement between the same quantization
// parameters, which run on the 8-bit values: padded and strided windows,
// batch 2, odd sizes; a transpose, slice and reshape chain.
Outputs quantizedMoves(GraphBuilder &b, DataType type) {
  PerTensorQdq qdq{b, type};
  double z = type == DataType::Int8 ? -5 : 130;
  Operand x = b.input("x", {type, {2, 5, 9, 7}});
  Operand pooled =
      b.maxPool2d(qdq.dequantize(x, 0.03, z),
                  {.windowDimensions = {3, 3}, .padding = {1, 1, 1, 1},
                   .strides = {2, 2}});
  Operand moved = b.reshape(
      b.slice(b.transpose(qdq.dequantize(x, 0.03, z),
                          {.permutation = {0, 2, 3, 1}}),
              {0, 1, 0, 0}, {2, 7, 7, 5}),
      {14, 35});
  return Outputs{{"pooled", qdq.quantize(pooled, 0.03, z)},
                 {"moved", qdq.quantize(moved, 0.03, z)}};
}

// Float products with 4-bit weights (weight-only quantization), which
// webnn.packed_int4_matmul computes from the codes: scales and zero points
// blockwise along K, per column and per tensor; partial panels (37 and 3
// columns), one row, several, and batches of rows.
Outputs int4Matrices(GraphBuilder &b, DataType type) {
  bool isSigned = type == DataType::Int4;
  auto weights = [&](Shape shape, Shape params) {
    size_t count = size_t(spec::elementCount(params));
    std::vector<double> scales, zeros;
    for (size_t i = 0; i < count; ++i) {
      scales.push_back(0.02 + 0.005 * double(i % 7));
      zeros.push_back(isSigned ? double(i % 5) - 2.0 : double(6 + i % 5));
    }
    return b.dequantizeLinear(pattern(b, {type, shape}, isSigned ? 8 : 15),
                              constantOf(b, DataType::Float32, params, scales),
                              constantOf(b, type, params, zeros));
  };
  Operand rows = b.input("rows", {DataType::Float32, {2, 3, 64}});
  Operand row = b.input("row", {DataType::Float32, {1, 48}});
  Operand odd = b.input("odd", {DataType::Float32, {5, 7}});
  Operand c = pattern(b, {DataType::Float32, {37}}, 0.5);
  return Outputs{
      {"blockwise", b.matmul(rows, weights({64, 37}, {4, 37}))},
      {"blockwise_transposed_gemm",
       b.gemm(row, weights({37, 48}, {37, 3}), {.c = c, .bTranspose = true})},
      {"per_column", b.matmul(odd, weights({7, 37}, {37}))},
      {"per_tensor", b.matmul(odd, weights({7, 3}, {}))}};
}

// Residual connections: dequantize two 8-bit tensors, add (with
// broadcasting), activation, quantize; and the same after a quantized
// conv, whose kernel then computes the add. A quantized concat.
Outputs quantizedAdds(GraphBuilder &b, DataType type) {
  bool isSigned = type == DataType::Int8;
  PerTensorQdq qdq{b, type};
  double z = isSigned ? -7 : 121;
  Operand a = b.input("a", {type, {3, 8, 5, 7}});
  Operand c = b.input("c", {type, {1, 8, 1, 7}});
  Operand s = b.input("s", {type, {3, 16, 5, 7}});
  Operand w = pattern(b, {DataType::Int8, {16, 8, 1, 1}}, 90);
  Operand wf =
      b.dequantizeLinear(w, constantOf(b, DataType::Float32, {}, {0.004}),
                         constantOf(b, DataType::Int8, {}, {0}));
  // Scales that keep most results inside the 8-bit range.
  Operand conv = qdq.quantize(b.conv2d(qdq.dequantize(a, 0.03, z), wf), 0.1, z);
  Operand residual =
      b.add(qdq.dequantize(conv, 0.1, z), qdq.dequantize(s, 0.02, z));
  return Outputs{
      {"plain", qdq.quantize(b.add(qdq.dequantize(a, 0.03, z),
                                   qdq.dequantize(c, 0.011, z + 3)),
                             0.06, z)},
      {"relu", qdq.quantize(b.relu(b.add(qdq.dequantize(a, 0.03, z),
                                         qdq.dequantize(c, 0.011, z + 3))),
                            0.06, z)},
      {"after_conv", qdq.quantize(b.relu(residual), 0.12, z)},
      // A conv's result (the same parameters: passed as is) and
      // an input (requantized) joined in 8 bits.
      {"concat",
       qdq.quantize(
           b.concat({qdq.dequantize(
                         qdq.quantize(b.conv2d(qdq.dequantize(a, 0.03, z), wf),
                                      0.1, z),
                         0.1, z),
                     qdq.dequantize(a, 0.03, z)},
                    1),
           0.1, z)}};
}

// Scales that are powers of two make every quantity exact, in the
// reference and in the integer kernels, so results on a rounding tie
// (x.5) must match exactly: ties go to the even integer. A pointwise conv
// (sums times 2^-9 plus 3/8: a tie in about one output of 500), a
// depthwise one (sums times 2^-6: one in 64) and an add (halves: every
// other output).
Outputs quantizedTies(GraphBuilder &b, DataType type) {
  bool isSigned = type == DataType::Int8;
  double z = isSigned ? -1 : 128;
  PerTensorQdq qdq{b, type};
  auto dequantize = [&](Operand x, double scale) {
    return qdq.dequantize(x, scale, z);
  };
  auto quantize = [&](Operand y, double scale) {
    return qdq.quantize(y, scale, z);
  };
  Operand x = b.input("x", {type, {3, 16, 13, 11}});
  Operand y = b.input("y", {type, {3, 16, 13, 11}});
  auto weights = [&](Shape shape) {
    std::vector<double> quarters(size_t(shape[0]), 0.25);
    return b.dequantizeLinear(
        pattern(b, {DataType::Int8, shape}, 127),
        constantOf(b, DataType::Float32, {shape[0], 1, 1, 1}, quarters),
        constantOf(b, DataType::Int8, {shape[0], 1, 1, 1},
                   std::vector<double>(size_t(shape[0]), 0.0)));
  };
  Operand bias = constantOf(b, DataType::Float32, {16},
                            std::vector<double>(16, 0.375 * 64));
  Operand xf = dequantize(x, 0.5);
  return Outputs{
      {"pointwise",
       quantize(b.conv2d(xf, weights({16, 16, 1, 1}), {.bias = bias}), 64)},
      {"depthwise",
       quantize(b.conv2d(xf, weights({16, 1, 3, 3}),
                         {.padding = {1, 1, 1, 1}, .groups = 16, .bias = bias}),
                8)},
      {"add", quantize(b.add(xf, dequantize(y, 0.5)), 1)}};
}

// The forms WPT's qdq_subgraph cases use: a float input quantized and
// dequantized inside the graph, an nhwc conv with an ohwi filter and an
// int32 bias dequantized with its own scale, the result quantized (and a
// quantized add of the dequantized conv result and a constant). int8
// activations with zero point -128.
Outputs quantizedGraphInput(GraphBuilder &b) {
  PerTensorQdq q8{b, DataType::Int8};
  PerTensorQdq q32{b, DataType::Int32};
  double s = 1.0 / 255;
  Operand x = b.input("x", {DataType::Float32, {2, 5, 6, 7}});
  Operand xq = q8.dequantize(q8.quantize(x, s, -128), s, -128);
  Operand filter =
      b.dequantizeLinear(pattern(b, {DataType::Int8, {9, 3, 3, 7}}, 100),
                         constantOf(b, DataType::Float32, {}, {0.02}),
                         constantOf(b, DataType::Int8, {}, {0}));
  Operand bias =
      q32.dequantize(pattern(b, {DataType::Int32, {9}}, 500), s * 0.02, 0);
  Operand conv =
      q8.quantize(b.conv2d(xq, filter,
                           {.padding = {1, 1, 1, 1},
                            .inputLayout = InputOperandLayout::Nhwc,
                            .filterLayout = Conv2dFilterOperandLayout::Ohwi,
                            .bias = bias}),
                  0.05, -3);
  Operand other =
      q8.dequantize(pattern(b, {DataType::Int8, {9}}, 100), 0.05, 0);
  return Outputs{
      {"conv", conv},
      {"add",
       q8.quantize(b.add(q8.dequantize(conv, 0.05, -3), other), 0.1, -128)}};
}

} // namespace

namespace {

// A case over |type| inputs (their whole range): integer outputs within a
// step, float outputs an exact integer sum scaled once against the
// reference's float sum of rounded products.
AgreementCase quantizedCase(std::string name, DataType type,
                            std::function<Outputs(GraphBuilder &)> build) {
  AgreementCase c;
  c.name = std::move(name);
  c.lo = type == DataType::Int8 ? -128 : 0;
  c.hi = type == DataType::Int8 ? 127 : 255;
  c.integerSteps = 1;
  c.rtol32 = 1e-5;
  c.atol = 1e-5;
  c.build = std::move(build);
  return c;
}

} // namespace

std::vector<AgreementCase> quantizedCases() {
  // Batches above 1, channel counts that do not fill a panel or a vector
  // (or a dot product: 3 and 6 inputs), odd maps, 1x1, strided, padded and
  // dilated windows; dense and depthwise.
  const QuantizedConvShape shapes[] = {
      {"pointwise", 3, 12, 37, 5, 7, 1, {}, {}, {}},
      {"strided_3x3", 2, 8, 32, 9, 6, 3, {1, 1, 1, 1}, {2, 2}, {}},
      {"dilated_3x3", 1, 36, 20, 7, 7, 3, {2, 2, 2, 2}, {}, {2, 2}},
      {"wide_5x5", 2, 6, 70, 6, 11, 5, {2, 1, 0, 2}, {}, {}},
      {"rgb_stem_7x7", 2, 3, 16, 15, 13, 7, {3, 3, 3, 3}, {2, 2}, {}},
      {"depthwise_3x3", 2, 24, 24, 9, 7, 3, {1, 1, 1, 1}, {}, {}, 24},
      {"depthwise_strided_5x5",
       3,
       37,
       37,
       11,
       10,
       5,
       {2, 2, 2, 2},
       {2, 2},
       {},
       37},
      {"depthwise_dilated_3x3",
       1,
       19,
       19,
       8,
       9,
       3,
       {2, 2, 2, 2},
       {},
       {2, 2},
       19},

  };
  std::vector<AgreementCase> cases;
  for (DataType type : {DataType::Uint8, DataType::Int8}) {
    std::string suffix = "_" + shortName(type);
    for (const QuantizedConvShape &s : shapes)
      cases.push_back(quantizedCase("quantized_conv_" + s.name + suffix, type,
                                    [s, type](GraphBuilder &b) {
                                      return quantizedConv(b, s, type, type);
                                    }));
    for (const QuantizedConvShape &s : {shapes[0], shapes[5]})
      cases.push_back(quantizedCase(
          "quantized_conv_" + s.name + "_u8_weights" + suffix, type,
          [s, type](GraphBuilder &b) {
            return quantizedConv(b, s, type, type, DataType::Uint8);
          }));
    cases.push_back(quantizedCase(
        "quantized_matmul_gemm" + suffix, type,
        [type](GraphBuilder &b) { return quantizedMatrices(b, type); }));
    cases.push_back(
        quantizedCase("quantized_add" + suffix, type, [type](GraphBuilder &b) {
          return quantizedAdds(b, type);
        }));
    AgreementCase ties =
        quantizedCase("quantized_ties" + suffix, type, [type](GraphBuilder &b) {
          return quantizedTies(b, type);
        });
    ties.integerSteps = 0;
    cases.push_back(ties);
  }
  for (DataType type : {DataType::Uint8, DataType::Int8})
    cases.push_back(quantizedCase(
        "quantized_moves_" + shortName(type), type,
        [type](GraphBuilder &b) { return quantizedMoves(b, type); }));
  for (DataType type : {DataType::Int4, DataType::Uint4}) {
    AgreementCase c;
    c.name = "quantized_int4_matmul_" + std::string(type == DataType::Int4
                                                        ? "i4"
                                                        : "u4");
    c.build = [type](GraphBuilder &b) { return int4Matrices(b, type); };
    c.rtol32 = 1e-5; // float32 sums against the reference's
    c.atol = 1e-5;
    cases.push_back(c);
  }
  AgreementCase graphInput =
      quantizedCase("quantized_graph_input_f32", DataType::Float32,
                    [](GraphBuilder &b) { return quantizedGraphInput(b); });
  graphInput.lo = -0.2;
  graphInput.hi = 1.2; // past both ends of the 8-bit range
  cases.push_back(graphInput);
  return cases;
}

} // namespace webnnc::test

namespace webnnc::test {
namespace {

// The compile statistics of the graph |build| makes, compiled for
// |target| (nullopt, the failure reported, when it does not build or
// compile).
std::optional<CompileStats>
compileStats(const std::function<Outputs(GraphBuilder &)> &build,
             const std::string &target = "host") {
  GraphBuilder b;
  auto graph = b.build(build(b));
  if (!graph) {
    ADD_FAILURE() << graph.error().message();
    return std::nullopt;
  }
  CompileOptions options;
  options.target = target;
  auto model = CompiledTestModel::compile(*graph, options);
  if (!model) {
    ADD_FAILURE() << model.error();
    return std::nullopt;
  }
  return (*model)->compiled().stats;
}

// The cases above exercise the integer kernels only where the target has
// integer dot products (4-term VNNI ones, or AVX2's 2-term ones: CI runs
// the cases compiled for x86-64-v3 too): there every conv of a case must
// become one (else the agreement would be the float path's), elsewhere
// none.
class QuantizedConvsOn : public ::testing::TestWithParam<std::string> {};

TEST_P(QuantizedConvsOn, BecomeIntegerKernelsWhereTheTargetHasDotProducts) {
  const std::string &name = GetParam();
  auto target = resolveTarget(name);
  ASSERT_TRUE(target) << target.error();
  if (name != "host") // AVX2 at least
    EXPECT_NE(target->int8DotTerms, 0) << name;
  int dots = target->int8DotTerms ? 1 : 0;
  auto compileStats = [&](const std::function<Outputs(GraphBuilder &)> &build) {
    return test::compileStats(build, name);
  };
  const QuantizedConvShape shapes[] = {
      {"pointwise", 3, 12, 37, 5, 7, 1, {}, {}, {}},
      {"depthwise", 2, 24, 24, 9, 7, 3, {1, 1, 1, 1}, {}, {}, 24}};
  for (const QuantizedConvShape &shape : shapes)
    for (auto [type, weights] : {std::pair{DataType::Uint8, DataType::Int8},
                                 std::pair{DataType::Int8, DataType::Int8},
                                 std::pair{DataType::Uint8, DataType::Uint8}}) {
      auto stats = compileStats([&](GraphBuilder &b) {
        return quantizedConv(b, shape, type, type, weights);
      });
      ASSERT_TRUE(stats);
      EXPECT_EQ(stats->integerConvs, 4 * dots)
          << shape.name << " " << shortName(type) << " with "
          << shortName(weights) << " weights";
    }
  for (DataType type : {DataType::Uint8, DataType::Int8}) {
    auto adds =
        compileStats([&](GraphBuilder &b) { return quantizedAdds(b, type); });
    ASSERT_TRUE(adds);
    EXPECT_EQ(adds->integerConvs, 2 * dots);
    EXPECT_EQ(adds->integerAdds, 3); // adds need no dot products
    // Each matmul and gemm is a 1x1 conv.
    auto matrices = compileStats(
        [&](GraphBuilder &b) { return quantizedMatrices(b, type); });
    ASSERT_TRUE(matrices);
    EXPECT_EQ(matrices->integerConvs, 4 * dots);
  }
  // Float products of 4-bit weights dequantize them in the kernel, on
  // every target.
  for (DataType type : {DataType::Int4, DataType::Uint4}) {
    auto int4 =
        compileStats([&](GraphBuilder &b) { return int4Matrices(b, type); });
    ASSERT_TRUE(int4);
    EXPECT_EQ(int4->int4Matmuls, 4) << shortName(type);
  }
  // WPT's forms: quantized in the graph, an int32 bias dequantized.
  auto wpt = compileStats(quantizedGraphInput);
  ASSERT_TRUE(wpt);
  EXPECT_EQ(wpt->integerConvs, dots);
  EXPECT_EQ(wpt->integerAdds, 1);
}

// --stats names each quantized region left float and says why.
TEST(QuantizedConvs, StatsSayWhyARegionStaysFloat) {
  // Two groups of four channels: neither dense nor depthwise.
  QuantizedConvShape grouped{"grouped", 1, 8, 6, 5, 5, 3, {}, {}, {}, 2};
  auto stats = compileStats([&](GraphBuilder &b) {
    return quantizedConv(b, grouped, DataType::Uint8, DataType::Uint8);
  });
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->integerConvs, 0);
  ASSERT_EQ(stats->floatQuantizedRegions.size(), 4u); // one per output
  for (const std::string &region : stats->floatQuantizedRegions)
    EXPECT_NE(region.find("conv2d"), std::string::npos) << region;
  EXPECT_NE(stats->floatQuantizedRegions[0].find(
                "grouped, neither one group nor one filter per channel"),
            std::string::npos)
      << stats->floatQuantizedRegions[0];
  // Regions that become integer kernels are not listed.
  auto matrices = compileStats(
      [&](GraphBuilder &b) { return quantizedMatrices(b, DataType::Uint8); });
  ASSERT_TRUE(matrices);
  EXPECT_TRUE(matrices->floatQuantizedRegions.empty());
}

INSTANTIATE_TEST_SUITE_P(Targets, QuantizedConvsOn,
                         ::testing::Values("host", "x86-64-v3", "x86-64-v4"),
                         [](const auto &info) {
                           std::string name = info.param;
                           for (char &c : name)
                             if (c == '-')
                               c = '_';
                           return name;
                         });

} // namespace
} // namespace webnnc::test
