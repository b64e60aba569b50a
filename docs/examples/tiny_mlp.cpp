// SPDX-License-Identifier: Apache-2.0
// A graph written with the C++ frontend: a two-layer perceptron.
#include <vector>

#include "webnnc/Frontend/GeneratorMain.h"

using namespace webnnc;

int main(int argc, char **argv) {
  return generatorMain(argc, argv, [](const GeneratorParams &) {
    GraphBuilder b;
    Operand x = b.input("x", {DataType::Float32, {1, 4}});

    std::vector<float> w1(4 * 3, 0.5f), b1 = {0, 1, -10};
    Operand hidden = b.relu(
        b.add(b.matmul(x, b.constant<float>({DataType::Float32, {4, 3}}, w1)),
              b.constant<float>({DataType::Float32, {3}}, b1)),
        {.label = "hidden"}); // a label makes it requestable as an output

    std::vector<float> w2 = {1, 0, 0, 1, 1, 1};
    Operand y = b.matmul(hidden, b.constant<float>({DataType::Float32, {3, 2}}, w2));

    // Errors are values: an invalid call returns an Operand holding a
    // BuildError, and build() reports the first one.
    return b.build({{"y", y}});
  });
}
