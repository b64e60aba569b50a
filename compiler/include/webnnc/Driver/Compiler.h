// SPDX-License-Identifier: Apache-2.0
// The compiler driver: a graph in, a model object and header out.
#ifndef WEBNNC_DRIVER_COMPILER_H_
#define WEBNNC_DRIVER_COMPILER_H_

#include <functional>
#include <string>
#include <vector>

#include "webnnc/Graph/Graph.h"
#include "webnnc/Support/Expected.h"
#include "webnnc/Transforms/Pipeline.h"

namespace webnnc {

enum class EmitKind {
  Mlir,   // the webnn dialect after the graph passes (kernels outlined)
  Dot,    // that graph for Graphviz: kernels as clusters, shapes on edges
  Llvm,   // the glue as LLVM IR
  Asm,    // the glue's and the kernels' assembly
  Object, // one relocatable object
};

// The graph optimizations; all on by default.

struct CompileOptions {
  std::string modelName = "model"; // C identifier; prefixes every symbol
  std::string target = "host";     // host | x86-64-v3 | x86-64-v4
  std::vector<std::string> outputs; // operands to compute; empty: outputs
  EmitKind emit = EmitKind::Object;
  // webnnc-kernelgen; empty: $WEBNNC_KERNELGEN, else next to the running
  // executable, else ../libexec/webnnc/ from it.
  std::string kernelgen;
  int jobs = 0; // kernel generator processes at once; 0: the cores
  // With emit == Mlir: stop after the pass with this flag (e.g. "webnn-fuse")
  // and emit the IR as that pass left it.
  std::string stopAfter;
  bool printIRAfterAll = false; // to stderr, like --mlir-print-ir-after-all
  bool timing = false;          // per-pass times to stderr
  bool keepTemporaries = false;
  // A test mode: kernels keep Halide's assertions (every buffer access
  // within its bounds, fold factors, allocation sizes), and a failed one
  // makes the compute return WEBNNC_STATUS_KERNEL_FAILED naming the buffer
  // and bound, before anything is written out of bounds. Also switched on
  // for every compile by the environment variable WEBNNC_CHECKED_KERNELS=1.
  bool checkedKernels = false;
  // Outputs bit-identical whatever the x86-64 target (x86-64-v3, -v4,
  // host) and the thread count: every float sum in one order that depends
  // on neither (docs/determinism.md).
  bool deterministic = false;
  // Where generated kernels are kept for later compiles (KernelCache);
  // empty: none (the library's default; the CLI uses
  // defaultKernelCacheDirectory() unless --no-cache).
  std::string kernelCacheDir;
  uint64_t kernelCacheMaxBytes = uint64_t(2) << 30;
  // Told what the compile is doing as it goes: a stage ("optimizing",
  // "generating kernels", "generating glue code", "linking") and, for
  // kernel generation, how many of |total| kernels are done (else 0, 0).
  std::function<void(std::string_view stage, int64_t done, int64_t total)>
      onProgress;
  Optimizations optimizations;
};

struct CompileStats {
  int64_t graphOps = 0;    // compute ops in the graph before the passes
  int64_t optimizedOps = 0; // after pruning, decomposition and folding
  int64_t foldedOps = 0;    // ops constant folding computed away
  int64_t fusedOps = 0;     // ops computed inside another op's kernel
  // Transposes webnn-channels-last left where the graph's layout meets the
  // kernels' (net of those it cancelled).
  int64_t layoutTransposes = 0;
  int64_t packedWeights = 0; // constants stored in a kernel's layout
  int64_t winogradConvs = 0; // 3x3 convs computed by Winograd's algorithm
  int64_t integerConvs = 0;  // quantized convs computed on 8-bit integers
  int64_t integerAdds = 0;   // quantized adds (residuals) on 8-bit integers
  int64_t int4Matmuls = 0;   // matmuls dequantizing 4-bit weights in-kernel
  // Quantized regions (convs and matmuls of dequantized inputs and
  // weights) left float: "conv2d 'label': why".
  std::vector<std::string> floatQuantizedRegions;
  int64_t packedWeightBytes = 0;
  int64_t inPlaceKernelCalls = 0; // calls whose result overwrites an input
  int64_t kernels = 0;     // distinct kernels generated
  int64_t cachedKernels = 0; // of those, taken from the kernel cache
  int64_t kernelCalls = 0; // kernel calls in the compiled graph
  int64_t arenaBytes = 0;  // working memory per executor
  // Kernel results kept in the arena (not written into an output): their
  // sizes summed, and the arena they would need with no sharing at all
  // (each 64-byte aligned, as in the planned arena).
  int64_t intermediateTensors = 0;
  int64_t intermediateBytes = 0;
  int64_t unsharedArenaBytes = 0;
  int64_t weightBytes = 0; // constants in read-only data
  int64_t objectBytes = 0;
  int64_t codeBytes = 0;   // machine code in the object (kernels and glue)
  bool deterministic = false; // compiled with CompileOptions::deterministic
};

struct CompiledModel {
  std::string artifact; // object bytes, or the text --emit asked for
  std::string header;   // the C header (for EmitKind::Object)
  std::vector<NamedOperand> inputs, outputs;
  std::vector<std::string> warnings; // "file:line:col: warning: ..."
  CompileStats stats;
};

// The webnnc-kernelgen executable compile() runs: options.kernelgen, else
// $WEBNNC_KERNELGEN, else next to the running executable, else
// ../libexec/webnnc/ from it.
Expected<std::string, std::string> findKernelgen(const CompileOptions &options);

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
