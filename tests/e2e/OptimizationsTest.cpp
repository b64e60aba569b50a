// SPDX-License-Identifier: Apache-2.0
// The optimization passes on random graphs: every planned arena keeps
// values that are still needed intact (checked on the plan itself), and
// the compiled graph equals the reference evaluator with every pass on,
// with every pass off, and when intermediate values are requested too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "E2ETestUtils.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Reference/Evaluator.h"
#include "webnnc/Transforms/MemoryPlan.h"
#include "webnnc/Transforms/Passes.h"

using namespace webnnc;

namespace {

// A random DAG over [1, C, H, W] float32 values: element-wise chains,
// convolutions, pooling, a reduction broadcast back, a matmul on a
// reshaped value. Operands are drawn from all values made so far, so
// values are read by several ops and live across long stretches.
class RandomGraph {
public:
  explicit RandomGraph(unsigned seed) : rng_(seed) {}

  Expected<Graph, BuildError> build(int ops, bool extraOutputs) {
    int64_t c = pick({2, 4, 8}), h = pick({5, 6, 8});
    shape_ = {1, c, h, h};
    values_.push_back(b_.input("x", {DataType::Float32, shape_}));
    values_.push_back(b_.input("y", {DataType::Float32, shape_}));
    for (int i = 0; i < ops; ++i)
      values_.push_back(
          b_.tanh(step(), {.label = "v" + std::to_string(i)}));
    std::map<std::string, Operand> outputs{{"out", values_.back()}};
    // Intermediate values as outputs too: fusion must not cross them.
    if (extraOutputs)
      for (int i = 0; i < 2; ++i) {
        size_t k = 2 + rng_() % (values_.size() - 3);
        outputs["mid" + std::to_string(k)] = values_[k];
      }
    return b_.build(outputs);
  }

private:
  int64_t pick(std::initializer_list<int64_t> options) {
    return *(options.begin() + rng_() % options.size());
  }
  // Mostly recent values, sometimes an old one.
  Operand operand() {
    size_t n = values_.size();
    return rng_() % 4 == 0 ? values_[rng_() % n]
                           : values_[n - 1 - rng_() % std::min<size_t>(n, 3)];
  }
  Operand weights(Shape shape, double scale) {
    std::vector<float> v(size_t(spec::elementCount(shape)));
    std::uniform_real_distribution<float> dist(-float(scale), float(scale));
    for (float &x : v)
      x = dist(rng_);
    return b_.constant({DataType::Float32, std::move(shape)},
                       std::span<const float>(v));
  }

  // One random computation on the pool, ending in the pool's shape (the
  // caller squashes it with tanh, which keeps every value in [-1, 1]).
  Operand step() {
    int64_t c = shape_[1], h = shape_[2];
    Operand x = operand();
    switch (rng_() % 9) {
    case 0: // conv + bias + activation: a fusion anchor and its epilogue
      return b_.relu(b_.conv2d(x, weights({c, c, 3, 3}, 0.3),
                               {.padding = {1, 1, 1, 1},
                                .bias = weights({c}, 0.2)}));
    case 1: // depthwise conv then pooling: a two-stage kernel
      return b_.maxPool2d(
          b_.conv2d(x, weights({c, 1, 3, 3}, 0.5),
                    {.padding = {1, 1, 1, 1}, .groups = c}),
          {.windowDimensions = {3, 3}, .padding = {1, 1, 1, 1}});
    case 2: // an element-wise chain with broadcasting constants
      return b_.add(b_.mul(x, weights({1, c, 1, 1}, 1.0)),
                    b_.sigmoid(operand()));
    case 3: // a binary op on two pool values
      return rng_() % 2 ? b_.sub(x, operand()) : b_.max(x, operand());
    case 4: // a reduction broadcast back over the channels
      return b_.mul(x, b_.reduceMean(b_.abs(operand()),
                                     {.axes = std::vector<int64_t>{1}, .keepDimensions = true}));
    case 5: { // matmul on a reshape: a packed weight
      Operand m = b_.reshape(x, {c, h * h});
      Operand y = b_.matmul(m, weights({h * h, h * h}, 0.2));
      return b_.reshape(b_.add(y, weights({h * h}, 0.1)), shape_);
    }
    case 6: // an element-wise op applied to a value others still read
      return b_.clamp(b_.neg(x), {.minValue = -0.5, .maxValue = 0.8});
    case 7: // average pooling
      return b_.averagePool2d(b_.leakyRelu(x), {.windowDimensions = {3, 3},
                                                .padding = {1, 1, 1, 1}});
    default: // softmax over the width
      return b_.softmax(b_.add(x, operand()), 3);
    }
  }

  std::mt19937 rng_;
  GraphBuilder b_;
  Shape shape_;
  std::vector<Operand> values_;
};

Graph buildRandom(unsigned seed, bool extraOutputs) {
  auto graph = RandomGraph(seed).build(12, extraOutputs);
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

// Checks the planned arena of |graph| independently of the planner: each
// arena tensor lives from its kernel call to its last reader; two tensors
// live at the same call never share a byte, except the one case the
// planner may choose: an in-place call writing its result over an operand
// it is the last reader of.
void checkArenaPlan(mlir::func::FuncOp graph) {
  struct Live {
    mlir::Value value;
    int64_t offset, size, first, last;
    mlir::Operation *def;
  };
  std::vector<Live> live;
  llvm::DenseMap<mlir::Value, size_t> index;
  int64_t position = 0;
  llvm::DenseMap<mlir::Operation *, int64_t> positionOf;
  for (mlir::Operation &op : graph.getBody().front()) {
    positionOf[&op] = position++;
    for (mlir::Value operand : op.getOperands()) {
      auto it = index.find(storageRoot(operand));
      if (it != index.end())
        live[it->second].last = positionOf[&op];
    }
    auto call = llvm::dyn_cast<mlir::func::CallOp>(op);
    if (!call)
      continue;
    auto offsets =
        call->getAttrOfType<mlir::DenseI64ArrayAttr>(kResultOffsetsAttr);
    ASSERT_TRUE(offsets) << "call without offsets";
    for (auto [i, result] : llvm::enumerate(call.getResults())) {
      if (offsets[i] < 0)
        continue;
      EXPECT_EQ(offsets[i] % kArenaAlignment, 0);
      index[result] = live.size();
      live.push_back({result, offsets[i], byteSize(result.getType()),
                      positionOf[&op], positionOf[&op], &op});
    }
  }
  auto arenaAttr = graph->getAttrOfType<mlir::IntegerAttr>(kArenaSizeAttr);
  ASSERT_TRUE(arenaAttr) << "the graph has no planned arena";
  int64_t arena = arenaAttr.getInt();
  for (const Live &a : live) {
    EXPECT_LE(a.offset + a.size, arena);
    for (const Live &b : live) {
      if (&a == &b || a.first > b.last || b.first > a.last)
        continue; // not live at the same time
      bool disjoint =
          a.offset + a.size <= b.offset || b.offset + b.size <= a.offset;
      if (disjoint)
        continue;
      // One is written over the other by the call that reads it last.
      auto writtenOver = [&](const Live &dying, const Live &result) {
        return result.def->hasAttr(kInPlaceAttr) &&
               dying.last == result.first && dying.offset == result.offset &&
               dying.size == result.size &&
               llvm::any_of(result.def->getOperands(), [&](mlir::Value v) {
                 return storageRoot(v) == dying.value;
               });
      };
      bool inPlace = writtenOver(a, b) || writtenOver(b, a);
      EXPECT_TRUE(inPlace)
          << "two live tensors share arena bytes at ops " << a.first << "-"
          << a.last << " and " << b.first << "-" << b.last;
    }
  }
}

class RandomGraphs : public ::testing::TestWithParam<unsigned> {};

TEST_P(RandomGraphs, ArenaNeverOverlapsLiveTensors) {
  for (bool inPlace : {true, false}) {
    Graph graph = buildRandom(GetParam(), /*extraOutputs=*/true);
    CompileOptions options;
    options.emit = EmitKind::Mlir;
    options.optimizations.inPlace = inPlace;
    auto compiled = compile(graph, options);
    ASSERT_TRUE(compiled) << compiled.error();
    checkArenaPlan(getGraphFunction(graph.module()));
  }
}

// Compiled with |optimizations|, the graph's outputs equal the reference's.
void expectMatchesReference(unsigned seed, bool extraOutputs,
                            Optimizations optimizations) {
  Graph reference = buildRandom(seed, extraOutputs);
  Graph compiled = buildRandom(seed, extraOutputs);
  auto inputs = test::randomInputs(reference, seed, -1, 1);
  auto expected = reference::evaluate(reference, inputs);
  ASSERT_TRUE(expected) << expected.error();
  CompileOptions options;
  options.optimizations = optimizations;
  auto model = test::CompiledTestModel::compile(compiled, options);
  ASSERT_TRUE(model) << model.error();
  auto actual = (*model)->run(inputs);
  ASSERT_TRUE(actual) << actual.error();
  ASSERT_EQ(actual->size(), expected->size());
  for (size_t i = 0; i < actual->size(); ++i)
    EXPECT_EQ(test::compare((*actual)[i], (*expected)[i], 1e-4, 1e-5), "")
        << "output " << (*model)->compiled().outputs[i].name;
}

TEST_P(RandomGraphs, EveryPassOnMatchesReference) {
  expectMatchesReference(GetParam(), /*extraOutputs=*/true, Optimizations{});
}

TEST_P(RandomGraphs, EveryPassOffMatchesReference) {
  expectMatchesReference(GetParam(), /*extraOutputs=*/false,
                         Optimizations{.foldConstants = false,
                                       .channelsLast = false,
                                       .packWeights = false,
                                       .fuse = false,
                                       .inPlace = false});
}

// Deterministic mode on random graphs: the same bits on x86-64-v3, -v4 and
// host at 1, 2 and 3 threads, and still within the reference's tolerance.
TEST_P(RandomGraphs, DeterministicOnEveryTargetAndThreadCount) {
  Graph reference = buildRandom(GetParam(), /*extraOutputs=*/true);
  Graph compiled = buildRandom(GetParam(), /*extraOutputs=*/true);
  auto inputs = test::randomInputs(reference, GetParam(), -1, 1);
  auto expected = reference::evaluate(reference, inputs);
  ASSERT_TRUE(expected) << expected.error();
  auto actual = test::computeDeterministic(compiled, inputs);
  ASSERT_TRUE(actual) << actual.error();
  ASSERT_EQ(actual->size(), expected->size());
  for (size_t i = 0; i < actual->size(); ++i)
    EXPECT_EQ(test::compare((*actual)[i], (*expected)[i], 1e-4, 1e-5), "")
        << "output " << i;
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomGraphs, ::testing::Range(1u, 9u));

// matmul -> (relu, then + the matmul's value), with that value also read
// by a reduction (so the element-wise ops cannot join the matmul's
// kernel): the relu+add kernel reads the matmul's result last, so it
// writes over it. Odd sizes put a partial vector at the end of every row,
// where an in-place kernel must not recompute elements it already
// overwrote. (With a conv, the element-wise kernel also computes the
// transpose back to nchw, so it writes elsewhere.)
Expected<Graph, BuildError> residual(GraphBuilder &b) {
  Operand x = b.input("x", {DataType::Float32, {7, 13}});
  std::vector<float> w(13 * 13);
  for (size_t i = 0; i < w.size(); ++i)
    w[i] = float(int(i % 7) - 3) / 8;
  Operand product = b.matmul(
      x, b.constant({DataType::Float32, {13, 13}}, std::span<const float>(w)));
  Operand mean = b.reduceMean(product, {.axes = std::vector<int64_t>{1},
                                        .keepDimensions = true});
  Operand y = b.add(b.relu(b.mul(product, product)), product);
  // (read by another matmul: an output would be the caller's buffer)
  Operand weights =
      b.constant({DataType::Float32, {13, 13}}, std::span<const float>(w));
  return b.build({{"y", b.matmul(b.sigmoid(y), weights)}, {"mean", mean}});
}

TEST(InPlace, ElementwiseKernelOverwritesItsDyingInput) {
  GraphBuilder referenceBuilder, builder;
  auto reference = residual(referenceBuilder);
  auto graph = residual(builder);
  ASSERT_TRUE(reference) << reference.error().message();
  auto inputs = test::randomInputs(*reference, 3, -1, 1);
  auto expected = reference::evaluate(*reference, inputs);
  ASSERT_TRUE(expected) << expected.error();
  auto model = test::CompiledTestModel::compile(*graph);
  ASSERT_TRUE(model) << model.error();
  EXPECT_EQ((*model)->compiled().stats.inPlaceKernelCalls, 1);
  auto actual = (*model)->run(inputs);
  ASSERT_TRUE(actual) << actual.error();
  for (size_t i = 0; i < actual->size(); ++i)
    EXPECT_EQ(test::compare((*actual)[i], (*expected)[i], 1e-5, 1e-6), "");
}

// Random inputs for a graph and the reference evaluator's outputs for
// them; the graph is built again for each compile (compiling consumes it).
struct ReferenceRun {
  std::map<std::string, HostTensor> inputs;
  std::vector<HostTensor> outputs;
};

Expected<ReferenceRun, std::string>
referenceRun(Expected<Graph, BuildError> (*build)(GraphBuilder &),
             unsigned seed) {
  GraphBuilder builder;
  auto graph = build(builder);
  if (!graph)
    return graph.error().message();
  ReferenceRun run;
  run.inputs = test::randomInputs(*graph, seed, -1, 1);
  auto outputs = reference::evaluate(*graph, run.inputs);
  if (!outputs)
    return outputs.error();
  run.outputs = std::move(*outputs);
  return run;
}

// |model| computed on |threads| gives the reference's outputs; |label|
// names the variant in failures.
void expectMatches(test::CompiledTestModel &model, const ReferenceRun &want,
                   int threads, const std::string &label) {
  auto actual = model.run(want.inputs, threads);
  ASSERT_TRUE(actual) << actual.error() << " (" << label << ")";
  for (size_t i = 0; i < actual->size(); ++i)
    EXPECT_EQ(test::compare((*actual)[i], want.outputs[i], 1e-4, 1e-5), "")
        << model.compiled().outputs[i].name << ", " << label;
}

// 3x3 convs with stride 1 and enough channels run by Winograd (F(2x2,
// 3x3)): two batches, sizes that leave partial output tiles, padding on
// some sides only, a partial panel of output channels (40), a bias, and
// a fused activation and residual add. They match the reference as the
// direct convs do, with AVX-512 or AVX2 vectors; the 5x5 and the strided
// conv stay direct.
Expected<Graph, BuildError> threeByThrees(GraphBuilder &b) {
  Operand x = b.input("x", {DataType::Float32, {2, 24, 9, 10}});
  auto weights = [&](Shape shape) {
    std::vector<float> w(size_t(spec::elementCount(shape)));
    for (size_t i = 0; i < w.size(); ++i)
      w[i] = float(int(i * 7 % 13) - 6) / 40;
    return b.constant({DataType::Float32, shape}, std::span<const float>(w));
  };
  Operand a = b.relu(b.conv2d(x, weights({40, 24, 3, 3}),
                              {.padding = {1, 1, 1, 1},
                               .bias = weights({40})}));
  Operand c = b.add(
      b.conv2d(a, weights({24, 40, 3, 3}), {.padding = {1, 1, 0, 2}}), x);
  Operand wide = b.conv2d(c, weights({16, 24, 5, 5}));
  Operand strided = b.conv2d(c, weights({16, 24, 3, 3}), {.strides = {2, 2}});
  return b.build({{"c", c}, {"wide", wide}, {"strided", strided}});
}

TEST(Winograd, ThreeByThreeConvsMatchReferenceAndDirect) {
  auto reference = referenceRun(threeByThrees, 5);
  ASSERT_TRUE(reference) << reference.error();
  // Direct and Winograd, for this CPU and for AVX2 (8-float vectors:
  // other panel widths and tiles).
  for (auto [winograd, target] : {std::pair{true, "host"},
                                  std::pair{false, "host"},
                                  std::pair{true, "x86-64-v3"}}) {
    GraphBuilder builder;
    auto graph = threeByThrees(builder);
    ASSERT_TRUE(graph);
    CompileOptions options;
    options.target = target;
    options.optimizations.winograd = winograd;
    auto model = test::CompiledTestModel::compile(*graph, options);
    ASSERT_TRUE(model) << model.error();
    EXPECT_EQ((*model)->compiled().stats.winogradConvs, winograd ? 2 : 0);
    expectMatches(**model, *reference, 1,
                  std::string("winograd ") + (winograd ? "1" : "0") +
                      ", target " + target);
  }
}

// Transposed convolutions webnn-phase-conv-transpose computes as one conv
// over the stride phases: a 4x4/2 with bias; a 3x3/2 with outputPadding and
// two groups, then relu (fused into the phase conv); a 2x2/3 filter smaller
// than its stride (phases without taps give the bias); strides (2, 3)
// with a 5x4 filter, padding on some sides and outputSizes; a stride-1
// one whose padding crops more than the filter reaches. |batch| may be
// open.
Graph stridedTransposedConvs(int64_t batch) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {batch, 6, 5, 7}});
  auto weights = [&](Shape shape, int salt) {
    std::vector<float> w(size_t(spec::elementCount(shape)));
    for (size_t i = 0; i < w.size(); ++i)
      w[i] = float(int((i + salt) * 7 % 13) - 6) / 20;
    return b.constant({DataType::Float32, shape}, std::span<const float>(w));
  };
  Operand up = b.convTranspose2d(x, weights({6, 4, 4, 4}, 1),
                                 {.padding = {1, 1, 1, 1},
                                  .strides = {2, 2},
                                  .bias = weights({4}, 2)});
  Operand grouped = b.relu(b.convTranspose2d(
      x, weights({6, 5, 3, 3}, 3),
      {.padding = {1, 1, 1, 1},
       .strides = {2, 2},
       .outputPadding = {1, 1},
       .groups = 2}));
  Operand sparse = b.convTranspose2d(x, weights({6, 3, 2, 2}, 4),
                                     {.strides = {3, 3},
                                      .bias = weights({3}, 5)});
  Operand uneven = b.convTranspose2d(x, weights({6, 2, 5, 4}, 6),
                                     {.padding = {2, 0, 1, 3},
                                      .strides = {2, 3},
                                      .outputSizes = {12, 20}});
  Operand cropped =
      b.convTranspose2d(x, weights({6, 3, 3, 3}, 7), {.padding = {3, 2, 0, 4}});
  auto graph = b.build({{"up", up},
                        {"grouped", grouped},
                        {"sparse", sparse},
                        {"uneven", uneven},
                        {"cropped", cropped}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

TEST(PhaseConvTranspose, StridedTransposedConvsMatchReference) {
  Graph sized = stridedTransposedConvs(2);
  std::map<std::string, HostTensor> inputs = test::randomInputs(sized, 4, -1, 1);
  auto expected = reference::evaluate(sized, inputs);
  ASSERT_TRUE(expected) << expected.error();
  // Rewritten, every transposed conv is gone before kernels are chosen.
  CompileOptions stop;
  stop.emit = EmitKind::Mlir;
  stop.stopAfter = "webnn-phase-conv-transpose";
  Graph rewrittenGraph = stridedTransposedConvs(2);
  auto rewritten = compile(rewrittenGraph, stop);
  ASSERT_TRUE(rewritten) << rewritten.error();
  EXPECT_EQ(rewritten->artifact.find("conv_transpose2d"), std::string::npos);
  EXPECT_NE(rewritten->artifact.find("webnn.conv2d"), std::string::npos);
  for (int64_t batch : {int64_t(2), kOpenDim}) {
    Graph graph = stridedTransposedConvs(batch);
    auto model = test::CompiledTestModel::compile(graph);
    ASSERT_TRUE(model) << model.error();
    for (int threads : {1, 2}) {
      auto actual = (*model)->run(inputs, threads);
      ASSERT_TRUE(actual) << actual.error();
      for (size_t i = 0; i < actual->size(); ++i)
        EXPECT_EQ(test::compare((*actual)[i], (*expected)[i], 1e-4, 1e-5), "")
            << (*model)->compiled().outputs[i].name << ", batch "
            << (batch == kOpenDim ? "open" : "2") << ", " << threads
            << " threads";
    }
  }
}

// MobileNet's inverted residual blocks: a 1x1 conv expanding the channels,
// relu6, a depthwise 3x3 conv, relu6. With expanded tensors too large to
// stay in cache (2 x 45 x 47 x 80 floats, 1.35 MB) each pair is one kernel,
// the expand conv sliding down the depthwise conv's row bands; stride 1
// and 2, padding on some sides only, two batches, a partial panel of
// channels (80 = 48 + 32), heights no band divides and a dilated 5x5
// window. It matches the
// reference on one and two threads, with AVX-512 or AVX2 vectors.
Expected<Graph, BuildError> expandDepthwise(GraphBuilder &b) {
  Operand x = b.input("x", {DataType::Float32, {2, 16, 45, 47}});
  auto weights = [&](Shape shape, int salt) {
    std::vector<float> w(size_t(spec::elementCount(shape)));
    for (size_t i = 0; i < w.size(); ++i)
      w[i] = float(int((i + salt) * 7 % 13) - 6) / 20;
    return b.constant({DataType::Float32, shape}, std::span<const float>(w));
  };
  auto relu6 = [&](Operand v) {
    return b.clamp(v, {.minValue = 0, .maxValue = 6});
  };
  auto block = [&](int salt, Conv2dOptions depthwise) {
    Operand expanded = relu6(b.conv2d(
        x, weights({80, 16, 1, 1}, salt), {.bias = weights({80}, salt + 1)}));
    depthwise.groups = 80;
    depthwise.bias = weights({80}, salt + 2);
    int64_t size = depthwise.dilations.empty() ? 3 : 5;
    return relu6(b.conv2d(expanded, weights({80, 1, size, size}, salt + 3),
                          depthwise));
  };
  Operand same = block(0, {.padding = {1, 1, 1, 1}});
  Operand strided = block(5, {.padding = {0, 1, 1, 0}, .strides = {2, 2}});
  // A 5x5 window dilated by 2 spans 9 rows: a deeper ring.
  Operand dilated =
      block(9, {.padding = {4, 4, 3, 5}, .dilations = {2, 2}});
  return b.build({{"same", same}, {"strided", strided}, {"dilated", dilated}});
}

TEST(ExpandDepthwise, FusedPairsMatchReference) {
  auto reference = referenceRun(expandDepthwise, 9);
  ASSERT_TRUE(reference) << reference.error();
  for (auto [fuse, target] : {std::pair{true, "host"},
                              std::pair{false, "host"},
                              std::pair{true, "x86-64-v3"}}) {
    GraphBuilder builder;
    auto graph = expandDepthwise(builder);
    ASSERT_TRUE(graph);
    CompileOptions options;
    options.target = target;
    options.optimizations.fuse = fuse;
    auto model = test::CompiledTestModel::compile(*graph, options);
    ASSERT_TRUE(model) << model.error();
    // Fused, each block is one kernel (its two relu6 and the depthwise
    // conv inside the expand conv's kernel); unfused, four. Besides, one
    // transpose of x to channels-last (shared by the three blocks) and
    // one of each result back.
    EXPECT_EQ((*model)->compiled().stats.layoutTransposes, 4);
    EXPECT_EQ((*model)->compiled().stats.fusedOps, fuse ? 9 : 0);
    EXPECT_EQ((*model)->compiled().stats.kernelCalls, fuse ? 7 : 16);
    for (int threads : {1, 2})
      expectMatches(**model, *reference, threads,
                    std::string("fuse ") + (fuse ? "1" : "0") + ", target " +
                        target + ", threads " + std::to_string(threads));
  }
}

} // namespace
