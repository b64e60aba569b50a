// SPDX-License-Identifier: Apache-2.0
// Writes MobileNetV2 as .mlir (or compiles it):
//   mobilenet_v2_generator -o mobilenet_v2.mlir resolution=224 width=1.0
#include <cstdlib>
#include <string>

#include "MobileNetV2.h"
#include "webnnc/Frontend/GeneratorMain.h"

namespace {

// |text| as a number, or nullopt unless all of it is one.
std::optional<double> number(const std::string &text) {
  char *end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0')
    return std::nullopt;
  return value;
}

} // namespace

int main(int argc, char **argv) {
  using namespace webnnc;
  return generatorMain(argc, argv, [](const GeneratorParams &p) -> GeneratorResult {
    models::MobileNetV2Options options;
    auto resolution = number(p.get("resolution", "224"));
    auto width = number(p.get("width", "1.0"));
    auto classes = number(p.get("classes", "1000"));
    auto seed = number(p.get("seed", "1"));
    if (!resolution || !width || !classes || !seed)
      return BuildError{"mobilenet_v2", "", "parameters",
                        "resolution, width, classes and seed must be numbers"};
    options.resolution = int64_t(*resolution);
    options.width = *width;
    options.classes = int64_t(*classes);
    options.seed = uint32_t(*seed);
    return models::buildMobileNetV2(options);
  });
}
