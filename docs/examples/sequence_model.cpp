// SPDX-License-Identifier: Apache-2.0
// Beyond the foundation ops: a GRU over a sequence, layer normalization,
// split, a reduction and softmax. Methods with several results (split, gru,
// lstm, lstmCell) return a std::vector of operands.
#include <vector>

#include "webnnc/Frontend/GeneratorMain.h"

using namespace webnnc;

int main(int argc, char **argv) {
  return generatorMain(argc, argv, [](const GeneratorParams &) {
    GraphBuilder b;
    const int64_t steps = 4, features = 3, hidden = 8;
    Operand x = b.input("x", {DataType::Float32, {steps, 1, features}});
    auto weights = [&](int64_t rows, int64_t columns, float scale) {
      std::vector<float> w(rows * columns);
      for (size_t i = 0; i < w.size(); ++i)
        w[i] = scale * float(int(i % 7) - 3);
      return b.constant<float>({DataType::Float32, {1, rows, columns}}, w);
    };
    // gru returns {the last hidden state, every step's hidden state}.
    std::vector<Operand> gru = b.gru(x, weights(3 * hidden, features, 0.1f),
                                     weights(3 * hidden, hidden, 0.05f), steps,
                                     hidden, {.returnSequence = true});
    // [steps, 1, 1, hidden] -> [steps, hidden], normalized per step.
    Operand states = b.layerNormalization(b.reshape(gru[1], {steps, hidden}));
    // The first half of the features, averaged over time, as probabilities.
    std::vector<Operand> halves = b.split(states, 2, {.axis = 1});
    Operand pooled = b.reduceMean(halves[0], {.axes = std::vector<int64_t>{0},
                                              .keepDimensions = true});
    return b.build({{"scores", b.softmax(pooled, 1)}, {"last", gru[0]}});
  });
}
