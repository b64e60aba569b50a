// SPDX-License-Identifier: Apache-2.0
// Writes the demo model as .mlir (or compiles it):
//   fashion_generator -o fashion.mlir weights=fashion_lenet5.bin
#include "FashionLeNet5.h"
#include "webnnc/Frontend/GeneratorMain.h"

int main(int argc, char **argv) {
  return webnnc::generatorMain(argc, argv, [](const webnnc::GeneratorParams &p) {
    return webnnc::models::buildFashionLeNet5(
        p.get("weights", "fashion_lenet5.bin"));
  });
}
