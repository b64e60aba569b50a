// SPDX-License-Identifier: Apache-2.0
// Every op through the whole pipeline (frontend, passes, Halide kernels,
// LLVM glue, link, load) against the reference evaluator on random inputs.
// Shapes are deliberately not multiples of the vector width.
#include <gtest/gtest.h>

#include <functional>

#include "E2ETestUtils.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Reference/Evaluator.h"

using namespace webnnc;

namespace {

using Outputs = std::map<std::string, Operand>;

struct OpCase {
  std::string name;
  std::function<Outputs(GraphBuilder &)> build;
  double rtol = 2e-7, atol = 0;
  double lo = -2, hi = 2;
};

OperandDescriptor desc(DataType type, Shape shape) { return {type, shape}; }
OperandDescriptor f32(Shape shape) { return {DataType::Float32, shape}; }
OperandDescriptor f16(Shape shape) { return {DataType::Float16, shape}; }

// Tolerances: float32 element-wise ops round once (1-2 ULP); our vector
// exp/tanh are within a few ULP; reductions accumulate in float32 where the
// reference uses float64; float16 allows one float16 ULP.
constexpr double kTranscendental = 2e-6, kReduction = 2e-5, kHalf = 1e-3;

OpCase binary(const char *name, DataType type, Shape a, Shape b,
              Operand (GraphBuilder::*method)(const Operand &, const Operand &,
                                              const OperatorOptions &),
              double rtol = 2e-7, double lo = -2, double hi = 2) {
  OpCase c;
  c.name = name;
  c.build = [=](GraphBuilder &g) {
    Operand x = g.input("a", desc(type, a)), y = g.input("b", desc(type, b));
    return Outputs{{"out", (g.*method)(x, y, {})}};
  };
  c.rtol = rtol;
  c.lo = lo;
  c.hi = hi;
  return c;
}

OpCase unary(const char *name, OperandDescriptor input,
             std::function<Operand(GraphBuilder &, const Operand &)> op,
             double rtol = 2e-7, double atol = 0) {
  OpCase c;
  c.name = name;
  c.build = [=](GraphBuilder &g) {
    return Outputs{{"out", op(g, g.input("x", input))}};
  };
  c.rtol = rtol;
  c.atol = atol;
  return c;
}

// A constant filled with a deterministic pattern (weights are constants in
// real models, so kernels see them as such).
Operand patternConstant(GraphBuilder &g, OperandDescriptor d, double scale) {
  std::vector<float> values(spec::elementCount(d.shape));
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = float(scale * (double((i * 7919) % 97) / 48.5 - 1.0));
  if (d.dataType == DataType::Float32)
    return g.constant<float>(d, values);
  HostTensor t = HostTensor::fromDoubles(
      d, std::vector<double>(values.begin(), values.end()));
  return g.constant(d, std::span<const std::byte>(t.data(), t.byteSize()));
}

std::vector<OpCase> cases() {
  using G = GraphBuilder;
  std::vector<OpCase> c;
  // Element-wise binary, with broadcasting, over the data types.
  c.push_back(binary("add_f32_broadcast", DataType::Float32, {3, 17}, {17}, &G::add));
  c.push_back(binary("sub_f32_broadcast_both", DataType::Float32, {5, 1, 7}, {4, 1}, &G::sub));
  c.push_back(binary("mul_f32", DataType::Float32, {33}, {33}, &G::mul));
  c.push_back(binary("div_f32", DataType::Float32, {2, 19}, {2, 19}, &G::div, 2e-7, 0.5, 3));
  c.push_back(binary("max_f32", DataType::Float32, {7, 9}, {9}, &G::max));
  c.push_back(binary("min_f32_scalar", DataType::Float32, {5, 3}, {}, &G::min));
  c.push_back(binary("pow_f32", DataType::Float32, {21}, {21}, &G::pow, 2e-6, 0.25, 2));
  c.push_back(binary("add_f16", DataType::Float16, {3, 17}, {3, 1}, &G::add, kHalf));
  c.push_back(binary("div_f16", DataType::Float16, {19}, {19}, &G::div, kHalf, 0.5, 3));
  c.push_back(binary("add_i32_wraps", DataType::Int32, {11}, {11}, &G::add, 0, -2e9, 2e9));
  c.push_back(binary("mul_i64", DataType::Int64, {13}, {13}, &G::mul, 0, -3e9, 3e9));
  c.push_back(binary("div_i32_truncates", DataType::Int32, {6, 5}, {5}, &G::div, 0, -50, 50));
  c.push_back(binary("max_u32", DataType::Uint32, {17}, {17}, &G::max, 0, 0, 4e9));
  c.push_back(binary("min_i8", DataType::Int8, {4, 9}, {1, 9}, &G::min, 0, -128, 127));
  c.push_back(binary("add_u8_wraps", DataType::Uint8, {35}, {35}, &G::add, 0, 0, 255));
  c.push_back(binary("sub_u64", DataType::Uint64, {9}, {9}, &G::sub, 0, 0, 1e12));
  c.push_back(binary("pow_i32", DataType::Int32, {15}, {15}, &G::pow, 0, -4, 6));

  // Activations and clamp.
  c.push_back(unary("relu_f32", f32({3, 37}), [](G &g, const Operand &x) { return g.relu(x); }));
  c.push_back(unary("relu_i8", desc(DataType::Int8, {19}), [](G &g, const Operand &x) { return g.relu(x); }));
  c.push_back(unary("relu_i64", desc(DataType::Int64, {7}), [](G &g, const Operand &x) { return g.relu(x); }));
  c.push_back(unary("sigmoid_f32", f32({41}), [](G &g, const Operand &x) { return g.sigmoid(x); }, kTranscendental, 1e-7));
  c.push_back(unary("tanh_f32", f32({2, 23}), [](G &g, const Operand &x) { return g.tanh(x); }, kTranscendental, 1e-7));
  c.push_back(unary("sigmoid_f16", f16({29}), [](G &g, const Operand &x) { return g.sigmoid(x); }, kHalf, 1e-4));
  c.push_back(unary("tanh_f16", f16({29}), [](G &g, const Operand &x) { return g.tanh(x); }, kHalf, 1e-4));
  c.push_back(unary("clamp_f32", f32({3, 11}), [](G &g, const Operand &x) { return g.clamp(x, {.minValue = -0.5, .maxValue = 0.7}); }));
  c.push_back(unary("clamp_f16_rounds_bounds", f16({27}), [](G &g, const Operand &x) { return g.clamp(x, {.minValue = -0.1, .maxValue = 0.3}); }, 0));
  c.push_back(unary("clamp_i32_min_only", desc(DataType::Int32, {13}), [](G &g, const Operand &x) { return g.clamp(x, {.minValue = 0.7}); }));
  c.push_back(unary("clamp_u8", desc(DataType::Uint8, {13}), [](G &g, const Operand &x) { return g.clamp(x, {.minValue = 1, .maxValue = 200.9}); }));

  // conv2d: layouts, strides, dilations, padding, groups, bias.
  auto conv = [](const char *name, OperandDescriptor input,
                 OperandDescriptor filter, Conv2dOptions options, bool bias,
                 double rtol = kReduction) {
    OpCase k;
    k.name = name;
    k.build = [=](G &g) mutable {
      Operand x = g.input("x", input);
      Operand w = patternConstant(g, filter, 0.5);
      if (bias) {
        int64_t outChannels = 0;
        switch (options.filterLayout) {
        case Conv2dFilterOperandLayout::Oihw:
        case Conv2dFilterOperandLayout::Ohwi:
          outChannels = filter.shape[0];
          break;
        default:
          outChannels = filter.shape[3];
        }
        options.bias = patternConstant(g, {input.dataType, {outChannels}}, 1.0);
      }
      return Outputs{{"out", g.conv2d(x, w, options)}};
    };
    k.rtol = rtol;
    k.atol = rtol;
    return k;
  };
  c.push_back(conv("conv_nchw_odd", f32({1, 3, 13, 11}), f32({5, 3, 3, 3}), {}, true));
  c.push_back(conv("conv_stride_pad_dilation", f32({2, 2, 17, 15}), f32({3, 2, 3, 5}),
                   {.padding = {1, 2, 0, 3}, .strides = {2, 3}, .dilations = {2, 1}}, false));
  c.push_back(conv("conv_depthwise", f32({1, 6, 9, 10}), f32({6, 1, 3, 3}),
                   {.padding = {1, 1, 1, 1}, .groups = 6}, true));
  c.push_back(conv("conv_grouped", f32({1, 4, 7, 7}), f32({6, 2, 3, 3}), {.groups = 2}, true));
  c.push_back(conv("conv_nhwc_hwio", f32({1, 9, 8, 5}), f32({3, 3, 5, 18}),
                   {.padding = {1, 1, 1, 1}, .strides = {2, 2},
                    .inputLayout = InputOperandLayout::Nhwc,
                    .filterLayout = Conv2dFilterOperandLayout::Hwio}, true));
  c.push_back(conv("conv_nhwc_ohwi", f32({2, 6, 7, 3}), f32({4, 2, 2, 3}),
                   {.inputLayout = InputOperandLayout::Nhwc,
                    .filterLayout = Conv2dFilterOperandLayout::Ohwi}, false));
  c.push_back(conv("conv_nchw_ihwo", f32({1, 3, 6, 6}), f32({3, 3, 3, 7}),
                   {.filterLayout = Conv2dFilterOperandLayout::Ihwo}, true));
  c.push_back(conv("conv_pointwise_wide", f32({1, 16, 5, 37}), f32({24, 16, 1, 1}), {}, true));
  c.push_back(conv("conv_f16", f16({1, 3, 9, 9}), f16({4, 3, 3, 3}), {.padding = {1, 1, 1, 1}}, true, 4e-3));

  // Pooling.
  auto pool = [](const char *name, OperandDescriptor input,
                 Operand (G::*method)(const Operand &, const Pool2dOptions &),
                 Pool2dOptions options, double rtol = kReduction) {
    OpCase k;
    k.name = name;
    k.build = [=](G &g) {
      return Outputs{{"out", (g.*method)(g.input("x", input), options)}};
    };
    k.rtol = rtol;
    k.atol = rtol;
    return k;
  };
  c.push_back(pool("max_pool_2x2", f32({1, 5, 13, 11}), &G::maxPool2d,
                   {.windowDimensions = {2, 2}, .strides = {2, 2}}, 0));
  c.push_back(pool("max_pool_padded_ceil", f32({2, 3, 9, 8}), &G::maxPool2d,
                   {.windowDimensions = {3, 3}, .padding = {1, 1, 1, 1},
                    .strides = {2, 2}, .outputShapeRounding = RoundingType::Ceil}, 0));
  c.push_back(pool("average_pool_padded", f32({1, 4, 10, 9}), &G::averagePool2d,
                   {.windowDimensions = {3, 3}, .padding = {1, 1, 1, 1}}));
  c.push_back(pool("average_pool_ceil_stride", f32({1, 2, 9, 9}), &G::averagePool2d,
                   {.windowDimensions = {2, 2}, .strides = {2, 2},
                    .outputShapeRounding = RoundingType::Ceil}));
  c.push_back(pool("average_pool_global", f32({2, 7, 5, 6}), &G::averagePool2d, {}));
  c.push_back(pool("l2_pool_dilated", f32({1, 3, 11, 12}), &G::l2Pool2d,
                   {.windowDimensions = {2, 3}, .dilations = {2, 2}}));
  c.push_back(pool("max_pool_nhwc", f32({1, 8, 9, 19}), &G::maxPool2d,
                   {.windowDimensions = {3, 3}, .strides = {2, 2},
                    .layout = InputOperandLayout::Nhwc}, 0));
  c.push_back(pool("max_pool_i8", desc(DataType::Int8, {1, 3, 7, 7}), &G::maxPool2d,
                   {.windowDimensions = {2, 2}, .padding = {1, 0, 1, 0}}, 0));
  c.push_back(pool("average_pool_f16", f16({1, 3, 8, 8}), &G::averagePool2d,
                   {.windowDimensions = {3, 3}}, kHalf));

  // Matrix products.
  c.push_back({"matmul_odd", [](G &g) {
                 return Outputs{{"out", g.matmul(g.input("a", f32({3, 17})),
                                                 patternConstant(g, f32({17, 33}), 0.5))}};
               }, kReduction, kReduction});
  c.push_back({"matmul_gemv", [](G &g) {
                 return Outputs{{"out", g.matmul(g.input("a", f32({1, 70})),
                                                 g.input("b", f32({70, 45})))}};
               }, kReduction, kReduction});
  c.push_back({"matmul_batched_broadcast", [](G &g) {
                 return Outputs{{"out", g.matmul(g.input("a", f32({2, 1, 5, 7})),
                                                 g.input("b", f32({3, 7, 9})))}};
               }, kReduction, kReduction});
  c.push_back({"matmul_f16", [](G &g) {
                 return Outputs{{"out", g.matmul(g.input("a", f16({4, 9})),
                                                 g.input("b", f16({9, 6})))}};
               }, 4e-3, 4e-3});
  c.push_back({"gemm_transposes_c_alpha_beta", [](G &g) {
                 return Outputs{{"out", g.gemm(g.input("a", f32({7, 5})),
                                               g.input("b", f32({9, 7})),
                                               {.c = g.input("c", f32({9})),
                                                .alpha = 0.5, .beta = -2,
                                                .aTranspose = true,
                                                .bTranspose = true})}};
               }, kReduction, kReduction});
  c.push_back({"gemm_c_column", [](G &g) {
                 return Outputs{{"out", g.gemm(g.input("a", f32({6, 4})),
                                               g.input("b", f32({4, 11})),
                                               {.c = g.input("c", f32({6, 1}))})}};
               }, kReduction, kReduction});

  // Shape ops and softmax.
  c.push_back({"transpose_3d", [](G &g) {
                 return Outputs{{"out", g.transpose(g.input("x", f32({3, 5, 7})),
                                                    {.permutation = {1, 2, 0}})}};
               }});
  c.push_back({"transpose_default_u8", [](G &g) {
                 return Outputs{{"out", g.transpose(g.input("x", desc(DataType::Uint8, {4, 6, 3})))}};
               }, 0, 0, 0, 255});
  c.push_back({"softmax_last_axis", [](G &g) {
                 return Outputs{{"out", g.softmax(g.input("x", f32({3, 19})), 1)}};
               }, kTranscendental, 1e-7, -10, 10});
  c.push_back({"softmax_first_axis", [](G &g) {
                 return Outputs{{"out", g.softmax(g.input("x", f32({7, 4, 5})), 0)}};
               }, kTranscendental, 1e-7, -10, 10});
  c.push_back({"softmax_f16", [](G &g) {
                 return Outputs{{"out", g.softmax(g.input("x", f16({2, 13})), 1)}};
               }, kHalf, 1e-4});

  // Graph structure: chains, several outputs, aliases, copies.
  c.push_back({"chain_with_reshapes_and_two_outputs", [](G &g) {
                 Operand x = g.input("x", f32({2, 3, 4}));
                 Operand r = g.relu(g.reshape(x, {6, 4}));
                 Operand t = g.transpose(r);
                 Operand m = g.matmul(t, g.reshape(x, {6, 4}));
                 return Outputs{{"features", r}, {"out", g.softmax(g.reshape(m, {16}), 0)}};
               }, kTranscendental, 1e-6});
  c.push_back({"output_is_reshaped_input", [](G &g) {
                 // Needs a copy: the output's memory is not the input's.
                 Operand x = g.input("x", f32({2, 6}));
                 return Outputs{{"flat", g.reshape(x, {12})}, {"doubled", g.add(x, x)}};
               }});
  c.push_back({"same_value_twice", [](G &g) {
                 Operand x = g.input("x", f32({5}));
                 Operand y = g.relu(x);
                 return Outputs{{"a", y}, {"b", g.reshape(y, {5, 1})}};
               }});
  return c;
}

void PrintTo(const OpCase &c, std::ostream *os) { *os << c.name; }

class CompiledOps : public ::testing::TestWithParam<OpCase> {};

TEST_P(CompiledOps, MatchesReference) {
  const OpCase &c = GetParam();
  GraphBuilder builder;
  Outputs outputs = c.build(builder);
  for (const auto &[name, operand] : outputs)
    ASSERT_TRUE(operand) << name << ": "
                         << (operand.error() ? operand.error()->message() : "");
  auto graph = builder.build(outputs);
  ASSERT_TRUE(graph) << graph.error().message();
  auto inputs = test::randomInputs(*graph, /*seed=*/7, c.lo, c.hi);
  auto expected = reference::evaluate(*graph, inputs);
  ASSERT_TRUE(expected) << expected.error();
  auto actual = test::compileAndRun(*graph, inputs);
  ASSERT_TRUE(actual) << actual.error();
  ASSERT_EQ(actual->size(), expected->size());
  for (size_t i = 0; i < actual->size(); ++i)
    EXPECT_EQ(test::compare((*actual)[i], (*expected)[i], c.rtol, c.atol), "")
        << "output " << i;
}

INSTANTIATE_TEST_SUITE_P(Ops, CompiledOps, ::testing::ValuesIn(cases()),
                         [](const auto &info) { return info.param.name; });

// Shapes large enough that kernels split their loops across the thread
// pool, computed with two threads.
std::vector<OpCase> largeCases() {
  using G = GraphBuilder;
  std::vector<OpCase> c;
  c.push_back({"conv_parallel", [](G &g) {
                 Operand x = g.input("x", f32({1, 16, 40, 41}));
                 Operand w = patternConstant(g, f32({32, 16, 3, 3}), 0.25);
                 return Outputs{{"out", g.relu(g.conv2d(x, w, {.padding = {1, 1, 1, 1}}))}};
               }, kReduction, kReduction});
  c.push_back({"matmul_parallel", [](G &g) {
                 return Outputs{{"out", g.matmul(g.input("a", f32({70, 300})),
                                                 patternConstant(g, f32({300, 203}), 0.1))}};
               }, kReduction, kReduction});
  c.push_back({"pool_parallel", [](G &g) {
                 return Outputs{{"out", g.maxPool2d(g.input("x", f32({2, 32, 64, 63})),
                                                    {.windowDimensions = {3, 3},
                                                     .strides = {2, 2}})}};
               }, 0, 0});
  c.push_back({"elementwise_parallel", [](G &g) {
                 Operand x = g.input("x", f32({4, 64, 129}));
                 return Outputs{{"out", g.tanh(g.mul(x, x))}};
               }, kTranscendental, 1e-7});
  return c;
}

class CompiledOpsThreaded : public ::testing::TestWithParam<OpCase> {};

TEST_P(CompiledOpsThreaded, MatchesReferenceOnTwoThreads) {
  const OpCase &c = GetParam();
  GraphBuilder builder;
  auto graph = builder.build(c.build(builder));
  ASSERT_TRUE(graph) << graph.error().message();
  auto inputs = test::randomInputs(*graph, /*seed=*/11, c.lo, c.hi);
  auto expected = reference::evaluate(*graph, inputs);
  ASSERT_TRUE(expected) << expected.error();
  auto model = test::CompiledTestModel::compile(*graph);
  ASSERT_TRUE(model) << model.error();
  // Several computes on the same executor setup: the pool is reused.
  for (int round = 0; round < 3; ++round) {
    auto actual = (*model)->run(inputs, /*threads=*/2);
    ASSERT_TRUE(actual) << actual.error();
    EXPECT_EQ(test::compare((*actual)[0], (*expected)[0], c.rtol, c.atol), "")
        << "round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Large, CompiledOpsThreaded,
                         ::testing::ValuesIn(largeCases()),
                         [](const auto &info) { return info.param.name; });

} // namespace
