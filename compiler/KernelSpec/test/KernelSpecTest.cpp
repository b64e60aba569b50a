// SPDX-License-Identifier: Apache-2.0
// KernelSpec text form: round trips exactly and rejects malformed input.
#include <gtest/gtest.h>

#include <cmath>

#include "webnnc/KernelSpec/KernelSpec.h"

using namespace webnnc;
using namespace webnnc::kernels;

namespace {

KernelBatch sample() {
  KernelBatch batch;
  batch.target = "x86-64-linux-avx2-fma";
  KernelSpec k;
  k.name = "m_k0_conv2d";
  k.inputs = {{spec::DataType::Float32, {1, 1, 5, 5}},
              {spec::DataType::Float32, {2, 1, 3, 3}}};
  OpSpec conv;
  conv.kind = "conv2d";
  conv.operands = {0, 1};
  conv.result = {spec::DataType::Float32, {1, 2, 3, 3}};
  conv.ints["padding"] = {0, 0, 0, 0};
  OpSpec clamp;
  clamp.kind = "clamp";
  clamp.elementwise = true;
  clamp.operands = {2};
  clamp.result = conv.result;
  clamp.floats["min_value"] = {-INFINITY};
  clamp.floats["max_value"] = {0.1};
  k.ops = {conv, clamp};
  k.outputs = {3};
  batch.kernels.push_back(k);
  KernelSpec scalar;
  scalar.name = "m_k1_add";
  scalar.inputs = {{spec::DataType::Uint8, {}}};
  OpSpec add{.kind = "add",
             .elementwise = true,
             .operands = {0, 0},
             .result = {spec::DataType::Uint8, {}}};
  scalar.ops = {add};
  scalar.outputs = {1};
  scalar.inPlace = true; // its result may overwrite its input
  batch.kernels.push_back(scalar);
  return batch;
}

TEST(KernelSpec, RoundTrips) {
  KernelBatch batch = sample();
  std::string text = serialize(batch);
  auto parsed = parseKernelBatch(text);
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed->target, batch.target);
  ASSERT_EQ(parsed->kernels.size(), 2u);
  EXPECT_EQ(parsed->kernels[0], batch.kernels[0]);
  EXPECT_EQ(parsed->kernels[1], batch.kernels[1]);
  EXPECT_FALSE(parsed->kernels[0].inPlace);
  EXPECT_TRUE(parsed->kernels[1].inPlace);
  EXPECT_TRUE(parsed->kernels[0].ops[1].elementwise);
  EXPECT_FALSE(parsed->kernels[0].ops[0].elementwise);
  EXPECT_EQ(serialize(*parsed), text);
  EXPECT_EQ(parsed->kernels[0].ops[1].floatAttr("max_value")->front(), 0.1)
      << "doubles round trip exactly";
}

TEST(KernelSpec, ProducerPlacementRoundTrips) {
  KernelBatch batch;
  batch.target = "host";
  KernelSpec k;
  k.name = "m_k0_mul_reduce_sum";
  k.inputs = {{spec::DataType::Float32, {2, 4}}};
  k.ops = {OpSpec{.kind = "mul",
                  .elementwise = true,
                  .operands = {0, 0},
                  .result = {spec::DataType::Float32, {2, 4}}},
           OpSpec{.kind = "reduce_sum",
                  .operands = {1},
                  .result = {spec::DataType::Float32, {2}}}};
  k.outputs = {2};
  k.producer = ProducerPlacement::Inlined;
  batch.kernels.push_back(k);
  std::string text = serialize(batch);
  EXPECT_NE(text.find("producer inlined\n"), std::string::npos) << text;
  auto parsed = parseKernelBatch(text);
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed->kernels[0].producer, ProducerPlacement::Inlined);
  EXPECT_EQ(parsed->kernels[0], k);
  // A placement the generator does not know is refused by name.
  std::string bad = text;
  bad.replace(bad.find("inlined"), 7, "sideways");
  auto refused = parseKernelBatch(bad);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("unknown producer placement 'sideways'"),
            std::string::npos)
      << refused.error();
  // The placement is part of what a kernel is.
  KernelSpec other = k;
  other.producer = ProducerPlacement::PoolTiles;
  EXPECT_NE(signature(other), signature(k));
}

TEST(KernelSpec, SignatureIgnoresTheName) {
  KernelBatch batch = sample();
  KernelSpec copy = batch.kernels[0];
  copy.name = "other";
  EXPECT_EQ(signature(copy), signature(batch.kernels[0]));
  copy.ops[0].ints["padding"] = {1, 1, 1, 1};
  EXPECT_NE(signature(copy), signature(batch.kernels[0]));
  // An in-place kernel is scheduled differently: another kernel.
  KernelSpec inPlace = batch.kernels[0];
  inPlace.inPlace = true;
  EXPECT_NE(signature(inPlace), signature(batch.kernels[0]));
}

// A kernel with |kinds| as its ops (shapes do not matter here); the
// compiler marks constants and the arithmetic here element-wise.
KernelSpec kernelOf(std::vector<std::string> kinds) {
  KernelSpec k;
  for (const std::string &kind : kinds)
    k.ops.push_back(OpSpec{.kind = kind,
                           .elementwise = kind == "constant" || kind == "add" ||
                                          kind == "relu" || kind == "mul"});
  return k;
}

TEST(KernelSpec, Stages) {
  // An anchor with its epilogue: one stage.
  auto conv = kernelOf({"constant", "conv2d", "add", "relu"}).stages();
  ASSERT_EQ(conv.size(), 1u);
  EXPECT_EQ(conv[0].anchor, 1u);
  EXPECT_EQ(conv[0].begin, 0u);
  EXPECT_EQ(conv[0].end, 4u);
  // conv2d + epilogue, then pooling + epilogue: two stages.
  auto pooled = kernelOf({"conv2d", "add", "max_pool2d", "relu"}).stages();
  ASSERT_EQ(pooled.size(), 2u);
  EXPECT_EQ(pooled[0].end, 2u);
  EXPECT_EQ(pooled[1].anchor, 2u);
  // An element-wise chain is anchored by its last op, also before a
  // reduction.
  auto chain = kernelOf({"mul", "constant", "add", "reduce_sum"}).stages();
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].anchor, 2u);
  EXPECT_EQ(chain[1].anchor, 3u);
}

TEST(KernelSpec, AnchorIsTheFirstNonElementwiseOp) {
  auto conv = sample().kernels[0].stages();
  ASSERT_EQ(conv.size(), 1u);
  EXPECT_EQ(sample().kernels[0].ops[conv[0].anchor].kind, "conv2d");
  auto add = sample().kernels[1].stages();
  ASSERT_EQ(add.size(), 1u);
  EXPECT_EQ(sample().kernels[1].ops[add[0].anchor].kind, "add");
}

TEST(KernelSpec, RejectsMalformedText) {
  EXPECT_EQ(parseKernelBatch("nope").error(),
            "kernel spec line 1: expected 'webnnc-kernels 2': 'nope'");
  std::string bad = "webnnc-kernels 2\ntarget host\nkernel k\n"
                    "input float32 2\nop add float32 2 operands 0,5\n";
  EXPECT_EQ(parseKernelBatch(bad).error(),
            "kernel spec line 5: operand 5 is not defined yet: 'op add "
            "float32 2 operands 0,5'");
  std::string noEnd = "webnnc-kernels 2\ntarget host\nkernel k\n"
                      "input float32 2\nop relu float32 2 operands 0\n"
                      "output 1\n";
  EXPECT_EQ(parseKernelBatch(noEnd).error(),
            "kernel spec line 6: missing 'end' for kernel 'k': 'output 1'");
  std::string badType = "webnnc-kernels 2\ntarget host\nkernel k\n"
                        "input float64 2\n";
  EXPECT_EQ(parseKernelBatch(badType).error(),
            "kernel spec line 4: bad tensor type: 'input float64 2'");
}

} // namespace
