// SPDX-License-Identifier: Apache-2.0
// webnnc: the WebNN ahead-of-time compiler's command line.
//
//   webnnc model.mlir -o model.o --header model.h
//   webnnc run model.mlir --input x=x.npy --output-dir out
//   webnnc resnet50.onnx -o resnet50.o --header resnet50.h
#include <CLI/CLI.hpp>

#include <malloc.h>
#include <unistd.h>

#include "Commands.h"
#include "Progress.h"
#include "webnnc/Driver/KernelCache.h"
#include "webnnc/Codegen/Target.h"

using namespace webnnc;

namespace {

// The kernel cache (on unless --no-cache, in --cache-dir or the default)
// and the progress line (on a terminal unless --quiet; elsewhere with
// --progress).
struct CacheFlags {
  std::string directory;
  bool disabled = false;
  bool quiet = false, progress = false;

  void applyTo(CompileOptions &options) const {
    options.kernelCacheDir =
        disabled ? ""
                 : (directory.empty() ? defaultKernelCacheDirectory()
                                      : directory);
    bool terminal = isatty(STDERR_FILENO);
    if (!quiet && (terminal || progress))
      options.onProgress = tool::makeProgressReporter(terminal);
  }
};

void addCommonOptions(CLI::App &app, CompileOptions &options,
                      tool::ImportFlags &import, CacheFlags &cache) {
  app.add_option("--cache-dir", cache.directory,
                 "Keep generated kernels here for later compiles (default: "
                 "$WEBNNC_CACHE_DIR, $XDG_CACHE_HOME/webnnc or "
                 "~/.cache/webnnc)");
  app.add_flag("--no-cache", cache.disabled,
               "Generate every kernel; neither read nor fill the cache");
  app.add_flag("--quiet", cache.quiet,
               "No progress line on a terminal");
  app.add_flag("--progress", cache.progress,
               "Report progress on stderr even when it is not a terminal "
               "(a line per stage and per tenth of the kernels)");
  app.add_option("--input-shape", import.inputShapes,
                 "ONNX: an input's whole shape, NAME=1x3x224x224");
  app.add_option("--dim", import.dimensions,
                 "ONNX: the size of a symbolic dimension, NAME=SIZE (not "
                 "sized: open, given at compute)");
  app.add_option("--dim-max", import.dimensionBounds,
                 "ONNX: the upper bound of a symbolic dimension left open, "
                 "NAME=SIZE");
  app.add_option("--target", options.target,
                 "CPU to compile for: host, x86-64-v3 (AVX2), x86-64-v4 "
                 "(AVX-512), or aarch64 (ARMv8-A NEON) with +dotprod or "
                 "+fp16 (cross-compiled; `run` computes under qemu-aarch64)")
      ->check([](const std::string &name) {
        auto target = resolveTarget(name);
        return target ? std::string() : target.error();
      });
  app.add_option("--outputs", options.outputs,
                 "Operands to compute, by output name or op label; for "
                 "ONNX, any value name (default: the graph's outputs)")
      ->delimiter(',');
  app.add_option("--name", options.modelName,
                 "Model name, a C identifier prefixing every symbol "
                 "(default: from the output file name)");
  app.add_option("--kernelgen", options.kernelgen,
                 "Path of webnnc-kernelgen");
  app.add_option("-j,--jobs", options.jobs,
                 "Kernel generator processes at once (default: cores)");
  app.add_option("--stop-after", options.stopAfter,
                 "With --emit=mlir: stop after this pass (e.g. webnn-fuse) "
                 "and emit the IR as it left it");
  app.add_flag("--mlir-print-ir-after-all", options.printIRAfterAll,
               "Print the IR after every pass to stderr");
  app.add_flag("--mlir-timing", options.timing,
               "Print per-pass times to stderr");
  app.add_flag("--keep-temps", options.keepTemporaries,
               "Keep the temporary kernel and link files");
  app.add_flag("--checked-kernels", options.checkedKernels,
               "Test mode: kernels check every buffer access against its "
               "bounds; a failed check fails the compute (also "
               "WEBNNC_CHECKED_KERNELS=1)");
  app.add_flag("--deterministic", options.deterministic,
               "Outputs bit-identical on every x86-64 target and at any "
               "thread count (docs/determinism.md)");
  // Each optimization can be turned off, to compare or to isolate a bug.
  Optimizations &opt = options.optimizations;
  app.add_flag("--no-integer-kernels{false}", opt.integerKernels,
               "Compute quantized convs in float (dequantize, conv, "
               "quantize), not on 8-bit integers");
  app.add_flag("--no-fold{false}", opt.foldConstants,
               "Do not fold operations on constants");
  app.add_flag("--no-recognize{false}", opt.recognize,
               "Keep ops written out as basic ops (a layer norm as "
               "reductions) as they are");
  app.add_flag("--no-channels-last{false}", opt.channelsLast,
               "Keep convolutions and pooling in the graph's own layout");
  app.add_flag("--no-pack{false}", opt.packWeights,
               "Do not repack constant weights into kernel layouts");
  app.add_flag("--no-winograd{false}", opt.winograd,
               "Compute 3x3 convs directly, not by Winograd's algorithm");
  app.add_flag("--no-fuse{false}", opt.fuse,
               "Compute every operation in a kernel of its own");
  app.add_flag("--no-in-place{false}", opt.inPlace,
               "Never let a kernel overwrite one of its inputs");
}

} // namespace

int main(int argc, char **argv) {
  // Weights come and go in blocks of megabytes (imported, folded, packed,
  // released once in the object). glibc raises its mmap threshold to the
  // size of the largest block freed, after which such blocks come from the
  // heap and their pages are not returned when freed: the peak would be
  // the sum of every copy. A fixed threshold keeps each in its own mapping.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  CLI::App app{"webnnc: ahead-of-time compiler for WebNN graphs"};
  app.require_subcommand(0, 1);

  tool::CompileCommand compile;
  std::string emit = "obj";
  app.add_option("input", compile.input, "Graph to compile (.mlir or .onnx)");
  app.add_option("-o,--output", compile.output,
                 "Output file (default: <input>.o, or stdout for text)");
  app.add_option("--header", compile.header, "Write the model's C header");
  app.add_option("--emit", emit,
                 "What to emit: mlir, dot (Graphviz), llvm, asm or obj")
      ->check(CLI::IsMember({"mlir", "dot", "llvm", "asm", "obj"}));
  app.add_flag("--stats", compile.stats,
               "Print ops, kernels, arena, weight and code sizes");
  CacheFlags compileCache, runCache;
  addCommonOptions(app, compile.options, compile.import, compileCache);

  tool::RunCommand run;
  CLI::App *runApp =
      app.add_subcommand("run", "Compile, load and compute a graph, writing "
                                "each output as <output-dir>/<name>.npy");
  runApp->add_option("input", run.input, "Graph to run (.mlir or .onnx)")->required();
  runApp->add_option("--input", run.inputs, "Input tensor as NAME=FILE.npy");
  runApp->add_option("--output-dir", run.outputDir, "Directory for outputs");
  runApp->add_flag("--reference", run.reference,
                   "Compute with the reference evaluator instead");
  runApp->add_option("--threads", run.threads,
                     "Threads computing the model (default: 1)")
      ->check(CLI::Range(1, 1024));
  runApp->add_option("--bench", run.bench,
                     "Compute N times after warm-up and print the median "
                     "time as 'median_ms: X' (compile time excluded)")
      ->check(CLI::Range(1, 1000000));
  runApp->add_flag("--bench-serve", run.benchServe,
                   "For bench/: time as many computes as each stdin line "
                   "says, printing their times (ms) on one line");
  addCommonOptions(*runApp, run.options, run.import, runCache);

  bool limits = false, version = false;
  app.add_flag("--limits", limits,
               "Print MLContext.opSupportLimits() for --target as JSON: "
               "each op's operands' data types and ranks");
  app.add_flag("--version", version,
               "Print webnnc's, LLVM/MLIR's and Halide's versions");

  CLI11_PARSE(app, argc, argv);
  compileCache.applyTo(compile.options);
  runCache.applyTo(run.options);
  if (version)
    return tool::runVersion();
  if (limits)
    return tool::runLimits(compile.options.target);
  if (runApp->parsed())
    return tool::runRun(run);
  if (compile.input.empty()) {
    std::fprintf(stderr, "%s", app.help().c_str());
    return 2;
  }
  compile.options.emit = emit == "mlir"   ? EmitKind::Mlir
                         : emit == "dot"  ? EmitKind::Dot
                         : emit == "llvm" ? EmitKind::Llvm
                         : emit == "asm"  ? EmitKind::Asm
                                          : EmitKind::Object;
  return tool::runCompile(compile);
}
