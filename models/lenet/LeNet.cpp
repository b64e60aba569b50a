// SPDX-License-Identifier: Apache-2.0
// The WebNN samples' LeNet, built with the C++ frontend.
//
// conv -> add -> maxPool2d 2x2/2 -> conv -> add -> maxPool2d -> reshape
// [1,800] -> matmul -> add -> relu -> matmul -> add -> softmax.
#include "LeNet.h"

#include <fstream>
#include <vector>

namespace webnnc::models {

namespace {

// Byte offsets of the tensors in lenet.bin.
constexpr size_t kConv1Filter = 0, kConv1Bias = 2000, kConv2Filter = 2080,
                 kConv2Bias = 102080, kFc1Weights = 102296,
                 kFc1Bias = 1702296, kFc2Weights = 1704296,
                 kFc2Bias = 1724296, kFileSize = 1724336;

} // namespace

Expected<Graph, BuildError> buildLeNet(const std::string &weightsPath,
                                       bool withLogits) {
  std::ifstream in(weightsPath, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof())
    return BuildError{"lenet", "", "weights", "cannot read '" + weightsPath + "'"};
  if (bytes.size() != kFileSize)
    return BuildError{"lenet", "", "weights",
                      "'" + weightsPath + "' holds " +
                          std::to_string(bytes.size()) + " bytes, expected " +
                          std::to_string(kFileSize)};
  auto f32 = [](Shape shape) {
    return OperandDescriptor{DataType::Float32, std::move(shape)};
  };

  GraphBuilder b;
  auto weights = [&](size_t offset, Shape shape) {
    OperandDescriptor desc = f32(std::move(shape));
    size_t size = sizeof(float) * size_t(spec::elementCount(desc.shape));
    return b.constant(desc, std::span<const std::byte>(
                                reinterpret_cast<const std::byte *>(
                                    bytes.data() + offset),
                                size));
  };

  Operand input = b.input("input", f32({1, 1, 28, 28}));
  Pool2dOptions pool{.windowDimensions = {2, 2}, .strides = {2, 2}};
  Operand conv1 = b.add(
      b.conv2d(input, weights(kConv1Filter, {20, 1, 5, 5}), {.label = "conv1"}),
      weights(kConv1Bias, {1, 20, 1, 1}));
  Operand pool1 = b.maxPool2d(conv1, pool);
  Operand conv2 = b.add(
      b.conv2d(pool1, weights(kConv2Filter, {50, 20, 5, 5}), {.label = "conv2"}),
      weights(kConv2Bias, {1, 50, 1, 1}));
  Operand pool2 = b.maxPool2d(conv2, pool);
  Operand flat = b.reshape(pool2, {1, 800});
  Operand fc1 = b.relu(
      b.add(b.matmul(flat, b.transpose(weights(kFc1Weights, {500, 800}))),
            weights(kFc1Bias, {1, 500})),
      {.label = "fc1"});
  Operand logits =
      b.add(b.matmul(fc1, b.transpose(weights(kFc2Weights, {10, 500}))),
            weights(kFc2Bias, {1, 10}), {.label = "logits"});
  Operand output = b.softmax(logits, 1);
  std::map<std::string, Operand> outputs{{"output", output}};
  if (withLogits)
    outputs["logits"] = logits;
  return b.build(outputs);
}

} // namespace webnnc::models
