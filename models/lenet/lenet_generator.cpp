// SPDX-License-Identifier: Apache-2.0
// Writes LeNet as .mlir (or compiles it):
//   lenet_generator -o lenet.mlir weights=path/to/lenet.bin
#include "LeNet.h"
#include "webnnc/Frontend/GeneratorMain.h"

int main(int argc, char **argv) {
  return webnnc::generatorMain(argc, argv, [](const webnnc::GeneratorParams &p) {
    return webnnc::models::buildLeNet(p.get("weights", "lenet.bin"));
  });
}
