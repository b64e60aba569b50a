// SPDX-License-Identifier: Apache-2.0
// LeNet end to end: built with the frontend from the shared weights,
// compiled ahead of time, loaded and computed; each of the ten MNIST digits
// must classify as itself, with logits within 1e-4 of the reference
// evaluator's, relative to the largest logit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "E2ETestUtils.h"
#include "LeNet.h"
#include "webnnc/Reference/Evaluator.h"

using namespace webnnc;

namespace {

const std::string kDataDir = WEBNNC_SHARED_DIR "/data/lenet";

// The 28x28 pixels of an IDX3 image file, as raw 0..255 floats.
HostTensor readDigit(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  HostTensor t({DataType::Float32, {1, 1, 28, 28}});
  EXPECT_EQ(bytes.size(), 16u + 784u) << path;
  for (size_t i = 0; i < 784 && 16 + i < bytes.size(); ++i)
    t.as<float>()[i] = float(bytes[16 + i]);
  return t;
}

size_t argmax(const HostTensor &t) {
  const float *v = t.as<float>();
  return size_t(std::max_element(v, v + t.elementCount()) - v);
}

TEST(LeNet, ClassifiesEveryDigitLikeTheReference) {
  if (!std::filesystem::exists(kDataDir + "/lenet.bin"))
    GTEST_SKIP() << "SKIPPED: " << kDataDir
                 << "/lenet.bin is missing (the workspace's ../shared data)";
  // The reference sees the graph before compilation transforms it.
  auto referenceGraph =
      models::buildLeNet(kDataDir + "/lenet.bin", /*withLogits=*/true);
  auto compiledGraph =
      models::buildLeNet(kDataDir + "/lenet.bin", /*withLogits=*/true);
  ASSERT_TRUE(referenceGraph) << referenceGraph.error().message();
  ASSERT_TRUE(compiledGraph);

  std::map<std::string, HostTensor> digits;
  for (int d = 0; d < 10; ++d)
    digits.emplace(std::to_string(d),
                   readDigit(kDataDir + "/" + std::to_string(d) + ".idx"));

  // Compile once; compute each digit on the same loaded model.
  CompileOptions options;
  options.modelName = "lenet";
  auto model = test::CompiledTestModel::compile(*compiledGraph, options);
  ASSERT_TRUE(model) << model.error();
  for (int d = 0; d < 10; ++d) {
    SCOPED_TRACE("digit " + std::to_string(d));
    std::map<std::string, HostTensor> inputs{{"input", digits.at(std::to_string(d))}};
    auto expected = reference::evaluate(*referenceGraph, inputs);
    ASSERT_TRUE(expected) << expected.error();
    // Outputs are ordered by name: logits, output.
    const HostTensor &refLogits = (*expected)[0];
    EXPECT_EQ(argmax((*expected)[1]), size_t(d)) << "the reference misclassifies";

    auto actual = (*model)->run(inputs);
    ASSERT_TRUE(actual) << actual.error();
    const HostTensor &logits = (*actual)[0], &probabilities = (*actual)[1];
    EXPECT_EQ(argmax(probabilities), size_t(d));
    float largest = 0;
    for (size_t i = 0; i < 10; ++i)
      largest = std::max(largest, std::fabs(refLogits.as<float>()[i]));
    for (size_t i = 0; i < 10; ++i)
      EXPECT_NEAR(logits.as<float>()[i], refLogits.as<float>()[i],
                  1e-4 * largest)
          << "logit " << i;
  }
}

} // namespace

// Transfer learning's feature extraction: compiled for the first
// fully-connected layer's output ("fc1"), LeNet keeps one matmul and no
// softmax, its object is smaller, and the features equal the reference's.
TEST(LeNet, FeatureOutputCompilesOnlyWhatItNeeds) {
  if (!std::filesystem::exists(kDataDir + "/lenet.bin"))
    GTEST_SKIP() << "SKIPPED: " << kDataDir
                 << "/lenet.bin is missing (the workspace's ../shared data)";
  auto build = [] {
    auto graph = models::buildLeNet(kDataDir + "/lenet.bin");
    EXPECT_TRUE(graph) << graph.error().message();
    return std::move(*graph);
  };
  CompileOptions features;
  features.modelName = "lenet_features";
  features.outputs = {"fc1"};

  // The optimized graph, as IR: what the object will compute.
  Graph irGraph = build();
  CompileOptions asMlir = features;
  asMlir.emit = EmitKind::Mlir;
  auto ir = compile(irGraph, asMlir);
  ASSERT_TRUE(ir) << ir.error();
  auto count = [&](const std::string &what) {
    size_t n = 0;
    for (size_t at = ir->artifact.find(what); at != std::string::npos;
         at = ir->artifact.find(what, at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(count("webnn.packed_matmul %"), 1u) << ir->artifact;
  EXPECT_EQ(count("webnn.matmul %"), 0u);
  EXPECT_EQ(count("webnn.softmax"), 0u);
  ASSERT_EQ(ir->outputs.size(), 1u);
  EXPECT_EQ(ir->outputs[0].name, "fc1");
  EXPECT_EQ(ir->outputs[0].descriptor.shape, (Shape{1, 500}));

  Graph fullGraph = build(), featureGraph = build();
  CompileOptions full;
  full.modelName = "lenet_full";
  auto fullModel = test::CompiledTestModel::compile(fullGraph, full);
  auto featureModel = test::CompiledTestModel::compile(featureGraph, features);
  ASSERT_TRUE(fullModel) << fullModel.error();
  ASSERT_TRUE(featureModel) << featureModel.error();
  EXPECT_LT((*featureModel)->compiled().artifact.size(),
            (*fullModel)->compiled().artifact.size());

  Graph referenceGraph = build();
  ASSERT_TRUE(prune(referenceGraph, {"fc1"}));
  for (int d : {0, 7}) {
    std::map<std::string, HostTensor> inputs{
        {"input", readDigit(kDataDir + "/" + std::to_string(d) + ".idx")}};
    auto expected = reference::evaluate(referenceGraph, inputs);
    ASSERT_TRUE(expected) << expected.error();
    auto actual = (*featureModel)->run(inputs);
    ASSERT_TRUE(actual) << actual.error();
    ASSERT_EQ(actual->size(), 1u);
    float largest = 0;
    for (size_t i = 0; i < 500; ++i)
      largest = std::max(largest, std::fabs((*expected)[0].as<float>()[i]));
    EXPECT_GT(largest, 0.f) << "all features zero: the test would be vacuous";
    EXPECT_EQ(test::compare((*actual)[0], (*expected)[0], 0, 1e-5 * largest), "");
  }
}
