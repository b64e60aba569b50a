// Builds a two-layer perceptron with the C++ frontend; webnnc_add_model
// runs it at build time (PARAMS become key=value arguments).
#include <string>
#include <vector>

#include "webnnc/Frontend/GeneratorMain.h"

using namespace webnnc;

int main(int argc, char **argv) {
  return generatorMain(argc, argv, [](const GeneratorParams &params) {
    float bias = std::stof(params.get("bias", "0"));
    GraphBuilder b;
    Operand x = b.input("x", {DataType::Float32, {1, 4}});
    std::vector<float> w1(4 * 3, 0.5f), b1(3, bias);
    Operand hidden = b.relu(
        b.add(b.matmul(x, b.constant<float>({DataType::Float32, {4, 3}}, w1)),
              b.constant<float>({DataType::Float32, {3}}, b1)),
        {.label = "hidden"});
    std::vector<float> w2 = {1, 0, 0, 1, 1, 1};
    Operand y = b.matmul(hidden, b.constant<float>({DataType::Float32, {3, 2}}, w2));
    return b.build({{"y", y}});
  });
}
