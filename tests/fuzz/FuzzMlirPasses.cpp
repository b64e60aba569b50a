// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: `.mlir` text in the webnn dialect through parse and
// verify, then every graph pass and the lowering to LLVM (all of `webnnc
// --emit=llvm`: no kernel generator process). Bad text must come back as an
// error; text that verifies must compile or be refused with a message.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "webnnc/Driver/Compiler.h"
#include "webnnc/Graph/Graph.h"

using namespace webnnc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  auto graph = Graph::parse(text, "fuzz.mlir");
  if (!graph) {
    if (graph.error().empty()) {
      std::fprintf(stderr, "parse failed without a message\n");
      std::abort();
    }
    return 0;
  }
  CompileOptions options;
  options.emit = EmitKind::Llvm;
  options.modelName = "fuzz";
  auto compiled = compile(*graph, options);
  if (!compiled && compiled.error().empty()) {
    std::fprintf(stderr, "compile failed without a message\n");
    std::abort();
  }
  return 0;
}
