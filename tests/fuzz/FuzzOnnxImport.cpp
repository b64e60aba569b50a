// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: ONNX model bytes through the importer. External data
// resolves against an empty directory. A model that imports must be a
// verified graph that prints and parses back; one that does not must say
// why, node by node.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "webnnc/Graph/Graph.h"
#include "webnnc/Import/OnnxImporter.h"

using namespace webnnc;

namespace {
const std::string &emptyDirectory() {
  static const std::string dir = [] {
    auto path = std::filesystem::temp_directory_path() / "webnnc-fuzz-onnx";
    std::filesystem::create_directories(path);
    return path.string();
  }();
  return dir;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char *>(data), size);
  auto graph = importOnnxBytes(bytes, emptyDirectory(), "fuzz.onnx", {});
  if (!graph) {
    if (graph.error().problems.empty()) {
      std::fprintf(stderr, "import failed without a problem\n");
      std::abort();
    }
    return 0;
  }
  auto parsed = Graph::parse(graph->toMlir(), "imported");
  if (!parsed) {
    std::fprintf(stderr, "imported graph does not parse back: %s\n",
                 parsed.error().c_str());
    std::abort();
  }
  return 0;
}
