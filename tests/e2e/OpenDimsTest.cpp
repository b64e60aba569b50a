// SPDX-License-Identifier: Apache-2.0
// Open dimensions end to end: one compiled model computes many input sizes
// (checked against the reference evaluator on the same graph built with
// those sizes), from many threads at once, with outputs the runtime
// allocates. (OpenDimCallsTest.cpp: every rule broken at compute.)
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <random>
#include <thread>

#include "CallerTensor.h"
#include "E2ETestUtils.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Reference/Evaluator.h"
#include "webnnc/runtime/webnnc.h"

namespace webnnc {
namespace {

constexpr int64_t Q = kOpenDim;

std::vector<float> weights(size_t count, unsigned seed, float scale) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-scale, scale);
  std::vector<float> w(count);
  for (float &v : w)
    v = dist(rng);
  return w;
}

Operand constant(GraphBuilder &b, Shape shape, unsigned seed,
                 float scale = 0.5f) {
  std::vector<float> w = weights(size_t(spec::elementCount(shape)), seed, scale);
  return b.constant({DataType::Float32, shape},
                    std::as_bytes(std::span<const float>(w)));
}

// A small conv net: conv+bias+relu, 2x2 max pool, strided conv+relu, global
// average (reduceMean over height and width), gemm, softmax. |n|, |h|, |w|
// may be open.
Graph convNet(int64_t n, int64_t h, int64_t w) {
  GraphBuilder b;
  Operand x = b.input("image", {DataType::Float32, {n, 3, h, w}},
                      n == Q ? std::vector<OpenDimension>{{"batch", 8},
                                                          {"height", 64},
                                                          {"width", 64}}
                             : std::vector<OpenDimension>{});
  Conv2dOptions conv1;
  conv1.padding = {1, 1, 1, 1};
  Operand y = b.relu(b.add(b.conv2d(x, constant(b, {8, 3, 3, 3}, 1), conv1),
                           constant(b, {1, 8, 1, 1}, 2)));
  Pool2dOptions pool;
  pool.windowDimensions = {2, 2};
  pool.strides = {2, 2};
  y = b.maxPool2d(y, pool);
  Conv2dOptions conv2;
  conv2.padding = {1, 1, 1, 1};
  conv2.strides = {2, 2};
  conv2.bias = constant(b, {16}, 3);
  y = b.relu(b.conv2d(y, constant(b, {16, 8, 3, 3}, 4), conv2));
  ReduceOptions mean;
  mean.axes = std::vector<int64_t>{2, 3};
  y = b.reduceMean(y, mean);
  GemmOptions gemm;
  gemm.c = constant(b, {10}, 5);
  Operand logits = b.gemm(y, constant(b, {16, 10}, 6), gemm);
  auto graph = b.build({{"probabilities", b.softmax(logits, 1)},
                        {"features", y}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

// A transformer-like matmul chain over [batch, sequence, 32]: a projection
// with bias and gelu, attention scores against the input (an open K), a
// softmax over the sequence, and a residual add.
Graph matmulChain(int64_t batch, int64_t sequence) {
  GraphBuilder b;
  Operand x = b.input("tokens", {DataType::Float32, {batch, sequence, 32}});
  Operand q = b.gelu(b.add(b.matmul(x, constant(b, {32, 32}, 11, 0.2f)),
                           constant(b, {32}, 12)));
  TransposeOptions flip;
  flip.permutation = {0, 2, 1};
  Operand scores = b.softmax(b.matmul(q, b.transpose(x, flip)), 2);
  Operand mixed = b.add(b.matmul(scores, x), x);
  auto graph = b.build({{"mixed", mixed}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

struct Case {
  std::map<std::string, HostTensor> inputs;
  std::vector<HostTensor> expected;
};

Case referenceCase(Graph graph, unsigned seed) {
  Case c;
  c.inputs = test::randomInputs(graph, seed, -1, 1);
  auto expected = reference::evaluate(graph, c.inputs);
  EXPECT_TRUE(expected) << expected.error();
  c.expected = std::move(*expected);
  return c;
}

void expectMatches(const std::vector<HostTensor> &actual,
                   const std::vector<HostTensor> &expected,
                   const std::string &what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].shape(), expected[i].shape()) << what << " output " << i;
    EXPECT_EQ(test::compare(actual[i], expected[i], 1e-4, 1e-5), "")
        << what << " output " << i;
  }
}

// Computes |model| (compiled with open dimensions) at the sizes |sized|
// was built with, on each of |threads|, against the reference evaluator.
void expectComputesLike(test::CompiledTestModel &model, Graph sized,
                        unsigned seed, const std::string &what,
                        std::initializer_list<int> threads = {1}) {
  Case c = referenceCase(std::move(sized), seed);
  for (int t : threads) {
    auto actual = model.run(c.inputs, t);
    ASSERT_TRUE(actual) << what << ": " << actual.error();
    expectMatches(*actual, c.expected,
                  what + " on " + std::to_string(t) + " threads");
  }
}

std::unique_ptr<test::CompiledTestModel> compileOrFail(Graph graph) {
  auto model = test::CompiledTestModel::compile(graph);
  EXPECT_TRUE(model) << model.error();
  return model ? std::move(*model) : nullptr;
}

TEST(OpenDims, ConvNetComputesEveryImageSize) {
  auto model = compileOrFail(convNet(Q, Q, Q));
  ASSERT_TRUE(model);
  ASSERT_NE(model->model()->shapes, nullptr);
  const int64_t sizes[][3] = {{1, 16, 16}, {2, 20, 12}, {1, 9, 33},
                              {3, 31, 8},  {1, 4, 4},   {8, 64, 64}};
  unsigned seed = 100;
  for (auto [n, h, w] : sizes) {
    Case c = referenceCase(convNet(n, h, w), seed++);
    auto actual = model->run(c.inputs);
    ASSERT_TRUE(actual) << actual.error();
    expectMatches(*actual, c.expected,
                  std::to_string(n) + "x3x" + std::to_string(h) + "x" +
                      std::to_string(w));
  }
}

// A decoder of transposed convolutions: NCHW stride 2 with bias, then an
// NHWC one (ohwi filter, two groups, dilation 2, outputPadding 1), then a
// stride-1 one whose padding crops. |n|, |h|, |w| may be open.
Graph transposedDecoder(int64_t n, int64_t h, int64_t w) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {n, 4, h, w}});
  ConvTranspose2dOptions up;
  up.strides = {2, 2};
  up.padding = {1, 1, 1, 1};
  up.bias = constant(b, {6}, 21);
  Operand y = b.relu(b.convTranspose2d(x, constant(b, {4, 6, 4, 4}, 22), up));
  TransposeOptions toNhwc;
  toNhwc.permutation = {0, 2, 3, 1};
  y = b.transpose(y, toNhwc);
  ConvTranspose2dOptions grouped;
  grouped.inputLayout = InputOperandLayout::Nhwc;
  grouped.filterLayout = ConvTranspose2dFilterOperandLayout::Ohwi;
  grouped.groups = 2;
  grouped.strides = {2, 3};
  grouped.dilations = {2, 1};
  grouped.outputPadding = {1, 2};
  grouped.padding = {0, 1, 2, 0};
  y = b.convTranspose2d(y, constant(b, {5, 2, 3, 6}, 23), grouped);
  ConvTranspose2dOptions crop;
  crop.inputLayout = InputOperandLayout::Nhwc;
  crop.filterLayout = ConvTranspose2dFilterOperandLayout::Hwoi;
  crop.padding = {2, 2, 1, 3};
  y = b.convTranspose2d(y, constant(b, {3, 3, 2, 10}, 24), crop);
  auto graph = b.build({{"y", y}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

TEST(OpenDims, ConvTransposeComputesEveryImageSize) {
  auto model = compileOrFail(transposedDecoder(Q, Q, Q));
  ASSERT_TRUE(model);
  const int64_t sizes[][3] = {{1, 1, 1}, {2, 5, 3}, {3, 8, 13}, {8, 16, 7}};
  unsigned seed = 300;
  for (auto [n, h, w] : sizes)
    expectComputesLike(*model, transposedDecoder(n, h, w), seed++,
                       std::to_string(n) + "x4x" + std::to_string(h) + "x" +
                           std::to_string(w),
                       {1, 2});
}

TEST(OpenDimRules, ATransposedConvMustKeepAnOutput) {
  // out = in + 2 - 4: an input of 2 or less leaves nothing.
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {1, 1, Q, 4}});
  ConvTranspose2dOptions crop;
  crop.padding = {2, 2, 2, 2};
  auto graph = b.build(
      {{"y", b.convTranspose2d(x, constant(b, {1, 2, 3, 3}, 25), crop)}});
  ASSERT_TRUE(graph) << graph.error().message();
  auto model = compileOrFail(std::move(*graph));
  ASSERT_TRUE(model);
  auto result = model->run({{"x", HostTensor({DataType::Float32, {1, 1, 2, 4}})}});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().find("conv_transpose2d"), std::string::npos)
      << result.error();
  EXPECT_NE(result.error().find("crops the whole output height"),
            std::string::npos)
      << result.error();
  EXPECT_TRUE(model->run({{"x", HostTensor({DataType::Float32, {1, 1, 3, 4}})}}));
}

TEST(OpenDims, MatmulChainComputesEveryBatchAndSequence) {
  auto model = compileOrFail(matmulChain(Q, Q));
  ASSERT_TRUE(model);
  // Sequences below, at and past the row and column tiles (6 rows; 16 or
  // 32 columns): the scores' schedule without and with whole tiles.
  const int64_t sizes[][2] = {{1, 1}, {2, 7}, {3, 16}, {1, 33},
                              {4, 5}, {2, 32}, {1, 31}, {2, 70}};
  unsigned seed = 200;
  for (auto [batch, sequence] : sizes)
    expectComputesLike(*model, matmulChain(batch, sequence), seed++,
                       std::to_string(batch) + "x" + std::to_string(sequence),
                       {1, 2});
}


TEST(OpenDims, EightThreadsShareOneModel) {
  auto model = compileOrFail(convNet(Q, Q, Q));
  ASSERT_TRUE(model);
  const webnnc_model_t *compiled = model->model();
  std::vector<Case> cases;
  for (int i = 0; i < 8; ++i)
    cases.push_back(referenceCase(convNet(1 + i % 3, 8 + 3 * i, 20 - i),
                                  300 + i));
  webnnc_thread_pool_t *pool = nullptr;
  ASSERT_EQ(webnnc_thread_pool_create(2, webnnc_allocator_system(), &pool),
            WEBNNC_STATUS_OK);
  std::vector<std::string> failures(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      webnnc_executor_options_t options{};
      options.thread_pool = pool;
      webnnc_executor_t *executor = nullptr;
      if (webnnc_executor_create(compiled, &options, &executor)) {
        failures[t] = "create failed";
        return;
      }
      // Each thread computes every case, starting at its own.
      for (int k = 0; k < 8 && failures[t].empty(); ++k) {
        const Case &c = cases[(t + k) % 8];
        const HostTensor &image = c.inputs.at("image");
        std::vector<float> data(image.as<float>(),
                                image.as<float>() + image.elementCount());
        webnnc_tensor_t input = tensorOf("image", data, image.shape());
        webnnc_tensor_t outputs[2] = {};
        outputs[0].data_type = outputs[1].data_type = WEBNNC_DATA_TYPE_FLOAT32;
        if (webnnc_executor_compute(executor, &input, 1, outputs, 2)) {
          failures[t] = webnnc_executor_last_error(executor);
          break;
        }
        for (int o = 0; o < 2 && failures[t].empty(); ++o) {
          const HostTensor &want = c.expected[o];
          if (spec::Shape(outputs[o].dims, outputs[o].dims + outputs[o].rank) !=
              want.shape())
            failures[t] = "wrong output shape";
          const float *got = static_cast<const float *>(outputs[o].data);
          for (size_t i = 0; i < want.elementCount() && failures[t].empty(); ++i)
            if (std::abs(got[i] - want.as<float>()[i]) >
                1e-5 + 1e-4 * std::abs(want.as<float>()[i]))
              failures[t] = "value mismatch in case " +
                            std::to_string((t + k) % 8);
          webnnc_tensor_free(&outputs[o]);
        }
      }
      webnnc_executor_destroy(executor);
    });
  for (std::thread &thread : threads)
    thread.join();
  webnnc_thread_pool_release(pool);
  for (int t = 0; t < 8; ++t)
    EXPECT_EQ(failures[t], "") << "thread " << t;
}

TEST(OpenDimRules, AWindowMustFitItsInput) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {1, 1, Q, Q}});
  auto graph = b.build({{"y", b.conv2d(x, constant(b, {2, 1, 5, 5}, 9))}});
  ASSERT_TRUE(graph);
  auto model = compileOrFail(std::move(*graph));
  ASSERT_TRUE(model);
  HostTensor small({DataType::Float32, {1, 1, 3, 7}});
  auto result = model->run({{"x", small}});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().find("the window (5) does not fit the padded "
                                "input height"),
            std::string::npos)
      << result.error();
  // Where it fits, the result matches the same conv built for that size.
  for (auto [h, w] : {std::pair<int64_t, int64_t>{5, 7}, {6, 21}, {9, 5}}) {
    GraphBuilder sized;
    Operand sx = sized.input("x", {DataType::Float32, {1, 1, h, w}});
    auto reference = sized.build(
        {{"y", sized.conv2d(sx, constant(sized, {2, 1, 5, 5}, 9))}});
    ASSERT_TRUE(reference);
    Case c = referenceCase(std::move(*reference), unsigned(h * 100 + w));
    auto ok = model->run(c.inputs);
    ASSERT_TRUE(ok) << ok.error();
    expectMatches(*ok, c.expected, "conv " + std::to_string(h) + "x" +
                                       std::to_string(w));
  }
}

TEST(OpenDimRules, OpenKMustAgree) {
  GraphBuilder b;
  Operand a = b.input("a", {DataType::Float32, {2, Q}});
  Operand k = b.input("k", {DataType::Float32, {Q, 3}});
  auto graph = b.build({{"y", b.matmul(a, k)}});
  ASSERT_TRUE(graph);
  auto model = compileOrFail(std::move(*graph));
  ASSERT_TRUE(model);
  auto result = model->run({{"a", HostTensor({DataType::Float32, {2, 4}})},
                            {"k", HostTensor({DataType::Float32, {5, 3}})}});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().find("b's rows must equal a's columns (got 5, "
                                "expected 4)"),
            std::string::npos)
      << result.error();
}

// Attention heads from expressions over the open sizes (docs/execution.md
// shows the reshape): [batch, sequence, 64] -> [batch, sequence, 4, 16],
// softmax per head, back to [batch, sequence * 64] with the sizes given as
// a product. Built open once; the same graph with static sizes is the
// reference.
Graph attentionHeads(int64_t batch, int64_t sequence) {
  GraphBuilder b;
  bool open = batch == Q;
  Operand x = b.input("x", {DataType::Float32, {batch, sequence, 64}},
                      open ? std::vector<OpenDimension>{{"batch"},
                                                        {"sequence"}}
                           : std::vector<OpenDimension>{});
  Operand heads, merged;
  if (open) {
    heads = b.reshapeSymbolic(
        x, {*b.dim(x, 0), *b.dim(x, 1), DimExpr(4), DimExpr(16)});
    merged = b.reshapeSymbolic(b.softmax(heads, 3),
                               {*b.dim(x, 0), *b.dim(x, 1) * DimExpr(64)});
  } else {
    heads = b.reshape(x, {batch, sequence, 4, 16});
    merged = b.reshape(b.softmax(heads, 3), {batch, sequence * 64});
  }
  auto graph = b.build({{"merged", merged}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

TEST(OpenDims, SymbolicReshapesComputeEverySize) {
  auto model = compileOrFail(attentionHeads(Q, Q));
  ASSERT_TRUE(model);
  const int64_t sizes[][2] = {{1, 1}, {3, 7}, {8, 12}};
  unsigned seed = 500;
  for (auto [n, t] : sizes) {
    Case c = referenceCase(attentionHeads(n, t), seed++);
    auto actual = model->run(c.inputs, 2);
    ASSERT_TRUE(actual) << actual.error();
    EXPECT_EQ((*actual)[0].shape(), (Shape{n, t * 64}));
    EXPECT_EQ(test::compare((*actual)[0], c.expected[0], 1e-5, 1e-6), "")
        << n << "x" << t;
  }
  // The element count is a rule checked at compute: a plain reshape of an
  // open operand to static sizes fits one size only.
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {Q, 4}}, {{"batch"}});
  auto fixed = b.build({{"y", b.reshapeSymbolic(x, {DimExpr(8)})}});
  ASSERT_TRUE(fixed) << fixed.error().message();
  auto two = compileOrFail(std::move(*fixed));
  ASSERT_TRUE(two);
  HostTensor good({DataType::Float32, {2, 4}}), bad({DataType::Float32, {3, 4}});
  EXPECT_TRUE(two->run({{"x", good}}));
  auto refused = two->run({{"x", bad}});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("the new shape must hold the input's element "
                                 "count"),
            std::string::npos)
      << refused.error();
}

// gatherElements over open dimensions: the output is the indices' shape;
// off the axis the indices' sizes must equal the input's, a rule checked at
// compute when one side is open.
Graph gatherElementsGraph(int64_t batch, int64_t indexBatch) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {batch, 5, 3}});
  Operand i = b.input("i", {DataType::Int32, {indexBatch, 2, 3}});
  auto graph = b.build({{"y", b.gatherElements(x, i, {.axis = 1})}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

TEST(OpenDims, GatherElementsComputesEveryBatch) {
  auto model = compileOrFail(gatherElementsGraph(Q, Q));
  ASSERT_TRUE(model);
  unsigned seed = 600;
  for (int64_t n : {1, 4, 7})
    expectComputesLike(*model, gatherElementsGraph(n, n), seed++,
                       "batch " + std::to_string(n));
  auto refused = model->run({{"x", HostTensor({DataType::Float32, {3, 5, 3}})},
                             {"i", HostTensor({DataType::Int32, {4, 2, 3}})}});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("indices: dimension 0 must equal the "
                                 "input's off the axis"),
            std::string::npos)
      << refused.error();
}

// gatherND, scatterElements and scatterND over an open batch: index tuples
// and updates sized at compute, checked against the input there.
Graph gatherScatterGraph(int64_t batch, int64_t updateBatch) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {batch, 6, 4}});
  Operand tuples = b.input("tuples", {DataType::Int32, {batch, 3, 2}});
  Operand at = b.input("at", {DataType::Int64, {batch, 2, 4}});
  Operand values = b.input("values", {DataType::Float32, {updateBatch, 2, 4}});
  Operand rows = b.input("rows", {DataType::Int32, {batch, 2}});
  Operand slabs = b.input("slabs", {DataType::Float32, {batch, 4}});
  auto graph =
      b.build({{"gathered", b.gatherND(x, tuples)},
               {"scattered", b.scatterElements(x, at, values, {.axis = 1})},
               {"slab_scattered", b.relu(b.scatterND(x, rows, slabs))}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

TEST(OpenDims, GatherNDAndScattersComputeEveryBatch) {
  auto model = compileOrFail(gatherScatterGraph(Q, Q));
  ASSERT_TRUE(model);
  unsigned seed = 700;
  for (int64_t n : {1, 3, 8})
    expectComputesLike(*model, gatherScatterGraph(n, n), seed++,
                       "batch " + std::to_string(n), {1, 2});
  Case mismatched = referenceCase(gatherScatterGraph(3, 3), seed);
  mismatched.inputs.at("values") = HostTensor({DataType::Float32, {2, 2, 4}});
  auto refused = model->run(mismatched.inputs);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("scatter_elements"), std::string::npos)
      << refused.error();
  EXPECT_NE(refused.error().find("updates: dimension 0 must equal the "
                                 "indices'"),
            std::string::npos)
      << refused.error();
}

// A bidirectional lstm (every result) and a gru over [steps, batch, 4]:
// with an open length, steps is 0.
Graph recurrentGraph(int64_t steps, int64_t batch) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {steps, batch, 4}});
  uint32_t count = spec::isOpen(steps) ? 0 : uint32_t(steps);
  LstmOptions lstm;
  lstm.direction = spec::RecurrentNetworkDirection::Both;
  lstm.returnSequence = true;
  lstm.bias = constant(b, {2, 20}, 3);
  lstm.peepholeWeight = constant(b, {2, 15}, 4);
  auto l = b.lstm(x, constant(b, {2, 20, 4}, 1), constant(b, {2, 20, 5}, 2),
                  count, 5, lstm);
  GruOptions gru;
  gru.returnSequence = true;
  gru.resetAfter = false;
  gru.direction = spec::RecurrentNetworkDirection::Backward;
  auto g = b.gru(x, constant(b, {1, 15, 4}, 5), constant(b, {1, 15, 5}, 6),
                 count, 5, gru);
  auto graph = b.build({{"h", l[0]},
                        {"c", l[1]},
                        {"sequence", l[2]},
                        {"gru_h", g[0]},
                        {"gru_sequence", g[1]}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

TEST(OpenDims, RecurrentNetworksComputeEverySequenceLength) {
  auto model = compileOrFail(recurrentGraph(Q, Q));
  ASSERT_TRUE(model);
  unsigned seed = 50;
  for (auto [steps, batch] : {std::pair{1, 2}, {2, 1}, {7, 3}})
    expectComputesLike(*model, recurrentGraph(steps, batch), seed++,
                       std::to_string(steps) + " steps", {1, 2});
}

TEST(OpenDimRules, AnOpenSequenceLengthTakesStepsZero) {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {Q, 2, 4}});
  auto graph = b.build({{"y", b.lstm(x, constant(b, {1, 16, 4}, 1),
                                     constant(b, {1, 16, 4}, 2), 3, 4)[0]}});
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().message().find(
                "lstm: steps: must be 0 when the input's sequence length "
                "(dimension 0) is open"),
            std::string::npos)
      << graph.error().message();
}

TEST(OpenDims, OneThreadIsDeterministic) {
  auto model = compileOrFail(matmulChain(Q, Q));
  ASSERT_TRUE(model);
  Case c = referenceCase(matmulChain(2, 9), 400);
  auto first = model->run(c.inputs, 1);
  auto second = model->run(c.inputs, 1);
  ASSERT_TRUE(first && second);
  ASSERT_EQ((*first)[0].byteSize(), (*second)[0].byteSize());
  EXPECT_EQ(std::memcmp((*first)[0].data(), (*second)[0].data(),
                        (*first)[0].byteSize()),
            0);
}

// A model without open dimensions keeps the compile-time plan: no shapes
// function, the planned arena in the descriptor, and glue that calls no
// compute-time planner.
TEST(OpenDims, StaticModelsPayNothing) {
  Graph staticNet = convNet(1, 16, 16);
  auto model = compileOrFail(convNet(1, 16, 16));
  ASSERT_TRUE(model);
  EXPECT_EQ(model->model()->shapes, nullptr);
  EXPECT_EQ(int64_t(model->model()->arena_size),
            model->compiled().stats.arenaBytes);
  CompileOptions options;
  options.emit = EmitKind::Llvm;
  auto glue = compile(staticNet, options);
  ASSERT_TRUE(glue) << glue.error();
  EXPECT_EQ(glue->artifact.find("webnnc_rt_plan_arena"), std::string::npos);
  EXPECT_EQ(glue->artifact.find("_shapes"), std::string::npos);
}

} // namespace
} // namespace webnnc
