// SPDX-License-Identifier: Apache-2.0
// LeNet-5 on Fashion-MNIST, built with the C++ frontend.
//
// mul(1/255) -> conv 6@5x5 pad 2 (+bias) -> relu -> maxPool 2x2
// -> conv 16@5x5 (+bias) -> relu -> maxPool 2x2 -> reshape [1,400]
// -> gemm 120 -> relu -> gemm 84 -> relu -> gemm 10 -> softmax.
#include "FashionLeNet5.h"

#include <fstream>
#include <vector>

namespace webnnc::models {

Expected<Graph, BuildError> buildFashionLeNet5(const std::string &weightsPath) {
  std::ifstream in(weightsPath, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  // The tensors of train.py, in file order.
  const std::vector<Shape> shapes = {{6, 1, 5, 5}, {6},   {16, 6, 5, 5},
                                     {16},         {120, 400}, {120},
                                     {84, 120},    {84},  {10, 84},
                                     {10}};
  size_t expected = 0;
  for (const Shape &s : shapes)
    expected += sizeof(float) * size_t(spec::elementCount(s));
  if (bytes.size() != expected)
    return BuildError{"fashion_lenet5", "", "weights",
                      "'" + weightsPath + "' holds " +
                          std::to_string(bytes.size()) + " bytes, expected " +
                          std::to_string(expected)};

  GraphBuilder b;
  size_t offset = 0;
  auto next = [&](size_t index) {
    OperandDescriptor desc{DataType::Float32, shapes[index]};
    size_t size = sizeof(float) * size_t(spec::elementCount(desc.shape));
    Operand c = b.constant(
        desc, std::span<const std::byte>(
                  reinterpret_cast<const std::byte *>(bytes.data() + offset),
                  size));
    offset += size;
    return c;
  };
  Operand image = b.input("image", {DataType::Float32, {1, 1, 28, 28}});
  Operand x = b.mul(image, b.constant({DataType::Float32, {}}, 1.0 / 255.0));
  Pool2dOptions pool{.windowDimensions = {2, 2}, .strides = {2, 2}};
  Operand w1 = next(0), b1 = next(1);
  x = b.maxPool2d(b.relu(b.conv2d(x, w1, {.padding = {2, 2, 2, 2}, .bias = b1})),
                  pool);
  Operand w2 = next(2), b2 = next(3);
  x = b.maxPool2d(b.relu(b.conv2d(x, w2, {.bias = b2})), pool);
  x = b.reshape(x, {1, 400});
  for (size_t layer = 0; layer < 3; ++layer) {
    Operand w = next(4 + 2 * layer), bias = next(5 + 2 * layer);
    // PyTorch stores linear weights as (out, in): use them transposed.
    x = b.gemm(x, w, {.c = bias, .bTranspose = true});
    if (layer < 2)
      x = b.relu(x);
  }
  return b.build({{"probabilities", b.softmax(x, 1)}});
}

} // namespace webnnc::models
