// SPDX-License-Identifier: Apache-2.0
// The compiler driver: a graph in, a model object and header out.
#ifndef WEBNNC_DRIVER_COMPILER_H_
#define WEBNNC_DRIVER_COMPILER_H_

#include <string>
#include <vector>

#include "webnnc/Graph/Graph.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

enum class EmitKind {
  Mlir,   // the webnn dialect after the graph passes (kernels outlined)
  Llvm,   // the glue as LLVM IR
  Asm,    // the glue's and the kernels' assembly
  Object, // one relocatable object
};

struct CompileOptions {
  std::string modelName = "model"; // C identifier; prefixes every symbol
  std::string target = "host";     // host | x86-64-v3 | x86-64-v4
  std::vector<std::string> outputs; // operands to compute; empty: outputs
  EmitKind emit = EmitKind::Object;
  // webnnc-kernelgen; empty: $WEBNNC_KERNELGEN, else next to the running
  // executable, else ../libexec/webnnc/ from it.
  std::string kernelgen;
  int jobs = 0; // kernel generator processes at once; 0: the cores
  bool printIRAfterAll = false; // to stderr, like --mlir-print-ir-after-all
  bool timing = false;          // per-pass times to stderr
  bool keepTemporaries = false;
};

struct CompileStats {
  int64_t graphOps = 0;    // ops in the graph before the passes
  int64_t kernels = 0;     // distinct kernels generated
  int64_t kernelCalls = 0; // kernel calls in the compiled graph
  int64_t arenaBytes = 0;  // working memory per executor
  int64_t intermediateBytes = 0; // all kernel results, unshared
  int64_t weightBytes = 0; // constants in read-only data
  int64_t objectBytes = 0;
};

struct CompiledModel {
  std::string artifact; // object bytes, or the text --emit asked for
  std::string header;   // the C header (for EmitKind::Object)
  std::vector<NamedOperand> inputs, outputs;
  std::vector<std::string> warnings; // "file:line:col: warning: ..."
  CompileStats stats;
};

// Runs subgraph pruning alone on |graph|: keeps what |outputs| (or, if
// empty, the graph's outputs) need. Returns the warnings (inputs dropped).
Expected<std::vector<std::string>, std::string>
prune(Graph &graph, const std::vector<std::string> &outputs);

// Compiles |graph| (which the passes transform in place). Errors carry
// file:line:col where the graph came from a file.
Expected<CompiledModel, std::string> compile(Graph &graph,
                                             const CompileOptions &options);

} // namespace webnnc

#endif // WEBNNC_DRIVER_COMPILER_H_
