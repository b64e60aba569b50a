// SPDX-License-Identifier: Apache-2.0
// Property tests of the generated kernels: random graphs of one kernel
// family (a fusion group: an anchor op, its epilogue, a second stage) over
// grids of awkward shapes -- batches of 1, 2, 3, 8 and 39, channel counts
// that are no multiple of a vector, M, N or K of 1, windows as large as
// the input, ceil rounding, padding larger than the window's reach -- each
// compiled twice: with checked kernels (every read tested against its
// buffer, Halide's assertions on: a kernel that would touch memory outside
// its buffers fails the compute instead) and normally. Both must compute
// the reference evaluator's values, on one and two threads.
//
// WEBNNC_PROPERTY_SEEDS=N runs N seeds per family (default 6; the slow
// suite, scripts/test-slow, runs 60).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>

#include "E2ETestUtils.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Reference/Evaluator.h"

using namespace webnnc;

namespace {

// Draws the shapes and options of one family's graph. The same seed draws
// the same graph, so the reference and the compiled copy are built alike.
class Draw {
public:
  explicit Draw(unsigned seed) : rng_(seed) {}

  int64_t pick(std::initializer_list<int64_t> options) {
    return *(options.begin() + rng_() % options.size());
  }
  bool chance(int percent) { return int(rng_() % 100) < percent; }
  int64_t upTo(int64_t n) { return int64_t(rng_() % uint64_t(n + 1)); }

  // Float32 weights uniform in +-scale.
  Operand weights(GraphBuilder &b, Shape shape, double scale) {
    std::vector<float> v(size_t(spec::elementCount(shape)));
    std::uniform_real_distribution<float> dist(-float(scale), float(scale));
    for (float &x : v)
      x = dist(rng_);
    return b.constant({DataType::Float32, std::move(shape)},
                      std::span<const float>(v));
  }

  // An epilogue as exporters write them after a conv or a gemm.
  Operand epilogue(GraphBuilder &b, Operand x) {
    switch (rng_() % 8) {
    case 0:
      return b.relu(x);
    case 1:
      return b.sigmoid(x);
    case 2:
      return b.leakyRelu(x, {.alpha = 0.1});
    case 3:
      return b.clamp(x, {.minValue = 0.0, .maxValue = 6.0});
    case 4: // SiLU as two ops
      return b.mul(x, b.sigmoid(x));
    case 5: // leakyRelu then max with the input (one exporter's form)
      return b.max(b.leakyRelu(x, {.alpha = 0.2}), x);
    case 6:
      return b.tanh(x);
    default:
      return x;
    }
  }

  std::mt19937 &rng() { return rng_; }

private:
  std::mt19937 rng_;
};

using Family = std::function<Operand(GraphBuilder &, Draw &)>;

constexpr std::initializer_list<int64_t> kBatches = {1, 2, 3, 8, 39};

// conv2d (any layout, groups, stride, dilation, padding) + bias +
// epilogue, then maybe pooling (fused as a second stage) or global pooling.
Operand convGroup(GraphBuilder &b, Draw &d) {
  int64_t n = d.pick(kBatches);
  bool small = n > 8;
  int64_t c = d.pick({1, 3, 5, 16, 17, 40});
  int64_t h = small ? d.pick({1, 3, 6}) : d.pick({1, 2, 5, 7, 11, 16, 20, 23});
  int64_t w = small ? d.pick({2, 5}) : d.pick({1, 3, 6, 9, 11, 13, 20});
  bool nhwc = d.chance(30);
  Operand x = b.input("x", {DataType::Float32,
                            nhwc ? Shape{n, h, w, c} : Shape{n, c, h, w}});
  int64_t k = d.pick({1, 1, 2, 3, 3, 5});
  int64_t kh = std::min(k, h + 2), kw = std::min(k, w + 2);
  int64_t groups = d.chance(25) ? c : 1;
  int64_t o = groups == c && d.chance(70) ? c : d.pick({1, 5, 8, 16, 17, 24, 33, 70});
  if (groups > 1 && o % groups)
    o = c;
  int64_t sh = d.pick({1, 1, 2, 3}), sw = d.pick({1, 1, 2});
  int64_t dh = d.chance(20) ? 2 : 1;
  std::vector<int64_t> pad = {d.upTo(kh - 1), d.upTo(kh - 1), d.upTo(kw - 1),
                              d.upTo(kw - 1)};
  // Too small an input for the window: pad it up.
  if (h + pad[0] + pad[1] < (kh - 1) * dh + 1)
    pad[1] = (kh - 1) * dh + 1 - h - pad[0];
  if (w + pad[2] + pad[3] < kw)
    pad[3] = kw - w - pad[2];
  Shape filterShape = nhwc ? Shape{o, kh, kw, c / groups}
                           : Shape{o, c / groups, kh, kw};
  Operand y = b.conv2d(
      x, d.weights(b, filterShape, 1.0 / std::sqrt(double(c / groups * kh * kw))),
      {.padding = pad,
       .strides = {sh, sw},
       .dilations = {dh, 1},
       .groups = groups,
       .inputLayout = nhwc ? InputOperandLayout::Nhwc : InputOperandLayout::Nchw,
       .filterLayout = nhwc ? Conv2dFilterOperandLayout::Ohwi
                            : Conv2dFilterOperandLayout::Oihw,
       .bias = d.chance(70) ? std::optional<Operand>(d.weights(b, {o}, 0.5))
                            : std::nullopt});
  y = d.epilogue(b, y);
  if (!y)
    return y;
  int64_t oh = y.shape()[nhwc ? 1 : 2], ow = y.shape()[nhwc ? 2 : 3];
  Pool2dOptions pool{.layout = nhwc ? InputOperandLayout::Nhwc
                                    : InputOperandLayout::Nchw};
  switch (d.rng()() % 5) {
  case 0:
  case 1: { // a window of up to 3, any stride, padding, rounding
    int64_t wh = std::min<int64_t>(d.pick({1, 2, 3}), oh);
    int64_t ww = std::min<int64_t>(d.pick({1, 2, 3}), ow);
    pool.windowDimensions = {wh, ww};
    pool.strides = {d.pick({1, 2}), d.pick({1, 2})};
    pool.padding = {d.upTo(wh - 1), d.upTo(wh - 1), d.upTo(ww - 1),
                    d.upTo(ww - 1)};
    if (d.chance(40))
      pool.outputShapeRounding = RoundingType::Ceil;
    return d.chance(50) ? b.maxPool2d(y, pool) : b.averagePool2d(y, pool);
  }
  case 2: // global pooling
    return d.chance(50) ? b.averagePool2d(y, pool) : b.maxPool2d(y, pool);
  default:
    return y;
  }
}

// gemm or matmul with M, N, K from 1 up, batches, broadcasting, constant
// or input B, transposes, a bias of any broadcastable shape, an epilogue.
Operand matmulGroup(GraphBuilder &b, Draw &d) {
  int64_t m = d.pick({1, 2, 3, 5, 16, 17, 33, 64});
  int64_t k = d.pick({1, 2, 3, 7, 16, 33, 100});
  int64_t nn = d.pick({1, 2, 3, 5, 16, 17, 33, 64, 100});
  double scale = 1.0 / std::sqrt(double(k));
  if (d.chance(50)) {
    bool aT = d.chance(30), bT = d.chance(50);
    Operand a = b.input("a", {DataType::Float32, aT ? Shape{k, m} : Shape{m, k}});
    Shape bShape = bT ? Shape{nn, k} : Shape{k, nn};
    Operand bb = d.chance(70) ? d.weights(b, bShape, scale)
                              : b.input("b", {DataType::Float32, bShape});
    GemmOptions options{.alpha = d.chance(30) ? 0.5 : 1.0,
                        .aTranspose = aT,
                        .bTranspose = bT};
    switch (d.rng()() % 4) {
    case 0:
      options.c = d.weights(b, {nn}, 0.5);
      break;
    case 1:
      options.c = d.weights(b, {m, nn}, 0.5);
      break;
    case 2:
      options.c = d.weights(b, {1, nn}, 0.5);
      options.beta = 2.0;
      break;
    default:
      break;
    }
    return d.epilogue(b, b.gemm(a, bb, options));
  }
  // matmul: batch dimensions, one side broadcast.
  int64_t batch = d.pick(kBatches);
  if (batch > 8)
    m = std::min<int64_t>(m, 5);
  Shape aShape = {batch, m, k};
  Shape bShape = d.chance(50) ? Shape{k, nn}
                 : d.chance(50) ? Shape{1, k, nn}
                                : Shape{batch, k, nn};
  if (d.chance(30))
    aShape = {2, batch, m, k}, bShape = {batch, k, nn};
  Operand a = b.input("a", {DataType::Float32, aShape});
  Operand bb = d.chance(60) ? d.weights(b, bShape, scale)
                            : b.input("b", {DataType::Float32, bShape});
  Operand y = b.matmul(a, bb);
  if (d.chance(50))
    y = b.add(y, d.weights(b, {nn}, 0.5));
  return d.epilogue(b, y);
}

// Element-wise chains with broadcasting operands of ranks 0 to 5.
Operand elementwiseGroup(GraphBuilder &b, Draw &d) {
  size_t rank = size_t(d.upTo(5));
  Shape shape;
  for (size_t i = 0; i < rank; ++i)
    shape.push_back(d.pick({1, 2, 3, 5, 8, 17, 39}));
  Operand x = b.input("x", {DataType::Float32, shape});
  Operand y = x;
  for (int steps = int(1 + d.upTo(3)); steps > 0; --steps) {
    // A broadcast operand: some dimensions 1, maybe a lower rank.
    Shape other;
    size_t start = size_t(d.upTo(int64_t(rank)));
    for (size_t i = start; i < rank; ++i)
      other.push_back(d.chance(50) ? shape[i] : 1);
    Operand z = d.chance(50) ? d.weights(b, other, 1.0)
                             : b.input("y" + std::to_string(steps),
                                       {DataType::Float32, other});
    switch (d.rng()() % 6) {
    case 0:
      y = b.add(y, z);
      break;
    case 1:
      y = b.mul(y, z);
      break;
    case 2:
      y = b.max(y, z);
      break;
    case 3:
      y = b.sub(z, y); // the broadcast operand first
      break;
    case 4:
      y = b.div(y, b.add(b.abs(z), b.constant({DataType::Float32, {}}, 1.0)));
      break;
    default:
      y = b.where(b.greater(y, z), y, z);
      break;
    }
    y = d.epilogue(b, y);
  }
  return y;
}

// Reductions, softmax and the normalizations over random axes.
Operand reductionGroup(GraphBuilder &b, Draw &d) {
  int64_t n = d.pick(kBatches);
  Shape shape = {n, d.pick({1, 3, 5, 16, 17}), d.pick({1, 2, 7, 9}),
                 d.pick({1, 3, 13, 20})};
  if (n > 8)
    shape[1] = std::min<int64_t>(shape[1], 5);
  Operand x = b.input("x", {DataType::Float32, shape});
  if (d.chance(30))
    x = d.epilogue(b, x); // an element-wise producer read inline
  std::vector<int64_t> axes;
  for (int64_t a = 0; a < 4; ++a)
    if (d.chance(40))
      axes.push_back(a);
  switch (d.rng()() % 7) {
  case 0:
    return b.reduceSum(x, {.axes = axes, .keepDimensions = d.chance(50)});
  case 1:
    return b.reduceMax(x, {.axes = axes, .keepDimensions = d.chance(50)});
  case 2:
    return b.reduceMean(x, {.axes = axes, .keepDimensions = true});
  case 3:
    return b.softmax(x, uint32_t(d.upTo(3)));
  case 4: {
    if (axes.empty())
      axes = {3};
    Shape scaleShape;
    for (int64_t a : axes)
      scaleShape.push_back(shape[size_t(a)]);
    return b.layerNormalization(
        x, {.scale = d.weights(b, scaleShape, 1.0), .axes = axes});
  }
  case 5:
    return b.instanceNormalization(
        x, {.scale = d.weights(b, {shape[1]}, 1.0),
            .bias = d.weights(b, {shape[1]}, 1.0)});
  default:
    return b.argMax(x, uint32_t(d.upTo(3)));
  }
}

// Layout and data movement kernels, resampling and transposed convs.
Operand movementGroup(GraphBuilder &b, Draw &d) {
  int64_t n = d.pick({1, 2, 3, 8});
  Shape shape = {n, d.pick({1, 3, 5, 17}), d.pick({1, 2, 7}),
                 d.pick({1, 3, 13})};
  Operand x = b.input("x", {DataType::Float32, shape});
  switch (d.rng()() % 6) {
  case 0: {
    std::vector<int64_t> perm = {0, 1, 2, 3};
    std::shuffle(perm.begin(), perm.end(), d.rng());
    return b.transpose(d.epilogue(b, x), {.permutation = perm});
  }
  case 1: {
    uint32_t axis = uint32_t(d.upTo(3));
    Shape other = shape;
    other[axis] = d.pick({1, 2, 5});
    return b.concat({x, d.weights(b, other, 1.0), x}, axis);
  }
  case 2: {
    std::vector<int64_t> starts, sizes, strides;
    for (int64_t s : shape) {
      int64_t start = d.upTo(s - 1);
      int64_t stride = d.pick({1, 1, 2, 3});
      starts.push_back(start);
      sizes.push_back(1 + d.upTo(s - start - 1));
      strides.push_back(stride);
    }
    return b.slice(x, starts, sizes, {.strides = strides});
  }
  case 3: {
    std::vector<int64_t> before = {0, 0, d.upTo(2), d.upTo(3)};
    std::vector<int64_t> after = {0, d.upTo(1), d.upTo(2), d.upTo(3)};
    PaddingMode mode = d.chance(50) ? PaddingMode::Constant : PaddingMode::Edge;
    return b.pad(x, before, after, {.mode = mode, .value = 0.5});
  }
  case 4:
    return b.resample2d(
        x, {.mode = d.chance(50) ? InterpolationMode::Linear
                                 : InterpolationMode::NearestNeighbor,
            .scales = {double(d.pick({1, 2, 3})) / double(d.pick({1, 2})),
                       double(d.pick({1, 2, 4})) / double(d.pick({1, 2, 3}))}});
  default: {
    int64_t o = d.pick({1, 4, 17});
    int64_t k = d.pick({1, 2, 3});
    return d.epilogue(
        b, b.convTranspose2d(x, d.weights(b, {shape[1], o, k, k}, 0.5),
                             {.padding = {0, d.upTo(k - 1), d.upTo(k - 1), 0},
                              .strides = {d.pick({1, 2}), d.pick({1, 3})},
                              .bias = d.weights(b, {o}, 0.5)}));
  }
  }
}

struct FamilyCase {
  const char *name;
  Family build;
};

const FamilyCase kFamilies[] = {
    {"conv", convGroup},
    {"matmul", matmulGroup},
    {"elementwise", elementwiseGroup},
    {"reduction", reductionGroup},
    {"movement", movementGroup},
};

// The graph of |family| for |seed|: the first draw from |seed| on whose
// shapes the ops are valid (a draw may pick a window larger than a map).
Expected<Graph, BuildError> buildCase(const FamilyCase &family, unsigned seed,
                                      std::string *description) {
  for (unsigned attempt = 0;; ++attempt) {
    GraphBuilder b;
    Draw d(seed * 7919u + attempt);
    Operand y = family.build(b, d);
    if (!y && attempt < 50)
      continue;
    auto graph = b.build({{"y", y}});
    if (graph && description) {
      *description = std::string(family.name) + " seed " +
                     std::to_string(seed) + ":";
      for (const NamedOperand &input : graph->inputs())
        *description += " " + input.name + " " + spec::toString(input.descriptor);
      for (const NamedOperand &output : graph->outputs())
        *description += " -> " + spec::toString(output.descriptor);
    }
    return graph;
  }
}

unsigned seedsPerFamily() {
  const char *env = std::getenv("WEBNNC_PROPERTY_SEEDS");
  int n = env ? std::atoi(env) : 0;
  return n > 0 ? unsigned(n) : 6u;
}

// Compiles |family|'s graph for |seed| checked and normally and compares
// both with the reference evaluator on one and two threads. Every third
// seed also keeps the graph's own layout (the nchw kernels).
void checkSeed(const FamilyCase &family, unsigned seed) {
  std::string what;
  auto reference = buildCase(family, seed, &what);
  ASSERT_TRUE(reference) << family.name << " seed " << seed << ": "
                         << reference.error().message();
  // The graph, for reproducing a failure with webnnc-opt or webnnc.
  std::string mlirPath = ::testing::TempDir() + "/" + family.name + "_" +
                         std::to_string(seed) + ".mlir";
  std::ofstream(mlirPath) << reference->toMlir(/*elideLargeConstants=*/false);
  what += " (graph: " + mlirPath + ")";
  auto inputs = test::randomInputs(*reference, seed, -1, 1);
  auto expected = reference::evaluate(*reference, inputs);
  ASSERT_TRUE(expected) << what << ": " << expected.error();
  for (bool checked : {true, false}) {
    auto graph = buildCase(family, seed, nullptr);
    ASSERT_TRUE(graph);
    CompileOptions options;
    options.checkedKernels = checked;
    options.optimizations.channelsLast = seed % 3 != 0;
    std::string variant = what + (checked ? " (checked" : " (normal") +
                          (seed % 3 ? ")" : ", nchw)");
    auto model = test::CompiledTestModel::compile(*graph, options);
    ASSERT_TRUE(model) << variant << ": " << model.error();
    for (int threads : {1, 2}) {
      auto actual = (*model)->run(inputs, threads);
      ASSERT_TRUE(actual) << variant << ", " << threads
                          << " threads: " << actual.error();
      EXPECT_EQ(test::compare((*actual)[0], (*expected)[0], 1e-4, 1e-5), "")
          << variant << ", " << threads << " threads";
    }
  }
}

class KernelProperty : public ::testing::TestWithParam<size_t> {};

TEST_P(KernelProperty, CheckedAndNormalKernelsMatchReference) {
  for (unsigned seed = 1; seed <= seedsPerFamily(); ++seed)
    checkSeed(kFamilies[GetParam()], seed);
}

// Graphs that failed before their fixes, each with what went wrong.
Operand fusedConvReadsLeftOfItsInput(GraphBuilder &b, Draw &d) {
  // The pooling needs 10 of the conv's 11 columns; a conv tile 11 wide,
  // shifted inwards to fit the 10, started at column -1 (8 images: the
  // schedule that splits rows across threads).
  Operand x = b.input("x", {DataType::Float32, {8, 3, 20, 13}});
  Operand y = b.conv2d(x, d.weights(b, {16, 3, 3, 3}, 0.3),
                       {.bias = d.weights(b, {16}, 0.1)});
  return b.averagePool2d(y, {.windowDimensions = {2, 2}, .strides = {2, 2}});
}
Operand singleLogitClassifier(GraphBuilder &b, Draw &d) {
  // gemm with one output column (packed in a 32-column panel) and a fused
  // sigmoid: Halide 14 lowered the tile's empty second vector to
  // `unreachable` and failed.
  Operand x = b.input("x", {DataType::Float32, {3, 64}});
  return b.sigmoid(b.gemm(x, d.weights(b, {1, 64}, 0.2),
                          {.c = d.weights(b, {1}, 0.1), .bTranspose = true}));
}
Operand slidingConvIntoPool(GraphBuilder &b, Draw &d) {
  // A 1x1 conv sliding down a 3x3 stride-2 max pool's rows: Halide's
  // asserts overestimate the input rows read (123 of 64), so checked
  // kernels test each read instead.
  Operand x = b.input("x", {DataType::Float32, {1, 1, 64, 13}});
  Operand y = b.clamp(b.conv2d(x, d.weights(b, {24, 1, 1, 1}, 1.0),
                               {.dilations = {2, 2},
                                .bias = d.weights(b, {24}, 0.5)}),
                      {.minValue = 0.0, .maxValue = 6.0});
  return b.maxPool2d(y, {.windowDimensions = {3, 3}, .strides = {2, 2}});
}

const FamilyCase kRegressions[] = {
    {"fused_conv_reads_left_of_its_input", fusedConvReadsLeftOfItsInput},
    {"single_logit_classifier", singleLogitClassifier},
    {"sliding_conv_into_pool", slidingConvIntoPool},
};

class KernelRegression : public ::testing::TestWithParam<size_t> {};

TEST_P(KernelRegression, CheckedAndNormalKernelsMatchReference) {
  checkSeed(kRegressions[GetParam()], 1);
  checkSeed(kRegressions[GetParam()], 3); // nchw
}

INSTANTIATE_TEST_SUITE_P(Graphs, KernelRegression,
                         ::testing::Range<size_t>(0, std::size(kRegressions)),
                         [](const ::testing::TestParamInfo<size_t> &info) {
                           return std::string(kRegressions[info.param].name);
                         });

INSTANTIATE_TEST_SUITE_P(Families, KernelProperty,
                         ::testing::Range<size_t>(0, std::size(kFamilies)),
                         [](const ::testing::TestParamInfo<size_t> &info) {
                           return std::string(kFamilies[info.param].name);
                         });

} // namespace
