// SPDX-License-Identifier: Apache-2.0
// `webnnc INPUT -o OUTPUT --header HEADER`.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "Commands.h"
#include "ObjectCache.h"
#include "webnnc/Codegen/EmitHeader.h"
#include "webnnc/Driver/EmulatedModel.h"
#include "webnnc/Codegen/Target.h"
#include "webnnc/Import/OnnxImporter.h"
#include "webnnc/Spec/Limits.h"
#include "webnnc/Support/Subprocess.h"

namespace webnnc::tool {

namespace {

// "1x3x224x224" (a scalar is "scalar").
std::optional<spec::Shape> parseShape(const std::string &text) {
  spec::Shape shape;
  if (text == "scalar")
    return shape;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('x', start);
    std::string part = text.substr(start, end == std::string::npos
                                              ? std::string::npos
                                              : end - start);
    char *stop = nullptr;
    long long d = std::strtoll(part.c_str(), &stop, 10);
    if (part.empty() || *stop != '\0' || d < 0)
      return std::nullopt;
    shape.push_back(d);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return shape;
}

// NAME=SIZE, SIZE a non-negative integer.
std::optional<std::pair<std::string, int64_t>>
parseNamedSize(const std::string &item) {
  size_t eq = item.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
    return std::nullopt;
  char *stop = nullptr;
  long long d = std::strtoll(item.c_str() + eq + 1, &stop, 10);
  if (d < 0 || *stop != '\0')
    return std::nullopt;
  return std::make_pair(item.substr(0, eq), int64_t(d));
}

Expected<OnnxImportOptions, std::string>
importOptions(const ImportFlags &flags, const CompileOptions &options) {
  OnnxImportOptions out;
  for (const std::string &item : flags.inputShapes) {
    size_t eq = item.rfind('=');
    auto shape = eq == std::string::npos ? std::nullopt
                                         : parseShape(item.substr(eq + 1));
    if (eq == 0 || !shape)
      return "--input-shape '" + item + "' must be NAME=DxDxD (e.g. " +
             "x=1x3x224x224)";
    out.inputShapes[item.substr(0, eq)] = *shape;
  }
  for (const std::string &item : flags.dimensions) {
    auto dim = parseNamedSize(item);
    if (!dim)
      return "--dim '" + item + "' must be NAME=SIZE (e.g. batch=1)";
    out.dimensions[dim->first] = dim->second;
  }
  for (const std::string &item : flags.dimensionBounds) {
    auto dim = parseNamedSize(item);
    if (!dim || dim->second < 1)
      return "--dim-max '" + item + "' must be NAME=SIZE with SIZE >= 1 "
             "(e.g. batch=64)";
    out.dimensionBounds[dim->first] = dim->second;
  }
  out.outputs = options.outputs;
  return out;
}

} // namespace

Expected<Graph, std::string>
loadGraph(const std::string &path, const ImportFlags &import,
          CompileOptions &options,
          const std::map<std::string, spec::Shape> &inputShapes) {
  std::string extension = std::filesystem::path(path).extension().string();
  if (extension == ".mlir") {
    if (!import.inputShapes.empty() || !import.dimensions.empty() ||
        !import.dimensionBounds.empty())
      return std::string("--input-shape, --dim and --dim-max apply to ONNX "
                         "models; a .mlir graph's shapes are in its text");
    return Graph::parseFile(path);
  }
  if (extension != ".onnx")
    return "'" + path + "': unsupported graph format '" + extension +
           "' (expected .mlir or .onnx)";
  auto onnxOptions = importOptions(import, options);
  if (!onnxOptions)
    return onnxOptions.error();
  onnxOptions->sizeFromInputs = inputShapes;
  auto graph = importOnnxFile(path, *onnxOptions);
  if (!graph)
    return graph.error().message();
  // The importer made the requested values the graph's outputs.
  options.outputs.clear();
  return std::move(*graph);
}

std::string defaultModelName(const std::string &output,
                             const std::string &input) {
  bool useInput = output.empty() || output == "-";
  std::string stem =
      std::filesystem::path(useInput ? input : output).stem().string();
  return toCIdentifier(stem.empty() ? "model" : stem);
}

namespace {

bool writeFile(const std::string &path, const std::string &data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), std::streamsize(data.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "webnnc: cannot write '%s'\n", path.c_str());
    return false;
  }
  return true;
}

void printStats(const CompiledModel &model, const std::string &cacheDir) {
  const CompileStats &s = model.stats;
  auto ll = [](int64_t v) { return static_cast<long long>(v); };
  std::printf("ops: %lld (after pruning, decomposition and folding: %lld; "
              "folded: %lld)\n",
              ll(s.graphOps), ll(s.optimizedOps), ll(s.foldedOps));
  std::printf("kernels: %lld (calls: %lld; ops fused into another's "
              "kernel: %lld)\n",
              ll(s.kernels), ll(s.kernelCalls), ll(s.fusedOps));
  std::printf("packed_weights: %lld (%lld bytes; Winograd 3x3 convs: %lld; "
              "4-bit matmuls: %lld)\n",
              ll(s.packedWeights), ll(s.packedWeightBytes),
              ll(s.winogradConvs), ll(s.int4Matmuls));
  std::printf("layout_transposes: %lld\n", ll(s.layoutTransposes));
  std::printf("integer_ops: %lld convs, %lld adds\n", ll(s.integerConvs),
              ll(s.integerAdds));
  // The first few quantized regions left float, and why.
  const std::vector<std::string> &left = s.floatQuantizedRegions;
  if (!left.empty())
    std::printf("quantized regions left float: %zu\n", left.size());
  for (size_t i = 0; i < left.size() && i < 8; ++i)
    std::printf("  %s\n", left[i].c_str());
  if (left.size() > 8)
    std::printf("  (%zu more)\n", left.size() - 8);
  // The saving is against the arena the same tensors would need unshared.
  double saving = s.unsharedArenaBytes > 0
                      ? 100.0 * double(s.unsharedArenaBytes - s.arenaBytes) /
                            double(s.unsharedArenaBytes)
                      : 0.0;
  std::printf("arena_bytes: %lld (%lld intermediate tensors of %lld bytes; "
              "unshared arena: %lld; saved %.1f%%; in-place calls: %lld)\n",
              ll(s.arenaBytes), ll(s.intermediateTensors),
              ll(s.intermediateBytes), ll(s.unsharedArenaBytes), saving,
              ll(s.inPlaceKernelCalls));
  // Deterministic mode changes how every kernel is compiled (no LLVM loop
  // passes, strict stored values); no op takes a separate slower path.
  std::printf("deterministic: %s\n",
              s.deterministic ? "yes (every kernel; no op on a slower path)"
                              : "no");
  std::printf("weight_bytes: %lld\n", ll(s.weightBytes));
  std::printf("code_bytes: %lld\n", ll(s.codeBytes));
  std::printf("object_bytes: %lld\n", ll(s.objectBytes));
  if (!cacheDir.empty())
    std::printf("kernel_cache: %lld of %lld kernels reused from %s\n",
                ll(s.cachedKernels), ll(s.kernels),
                cacheDir.c_str());
}

} // namespace

int runCompile(CompileCommand &command) {
  const auto &progress = command.options.onProgress;
  CompileOptions &options = command.options;
  bool binary = options.emit == EmitKind::Object;
  if (command.output.empty() && binary)
    command.output =
        std::filesystem::path(command.input).replace_extension(".o").string();
  if (options.modelName == "model")
    options.modelName = defaultModelName(command.output, command.input);

  // The same model file compiled with the same flags by the same webnnc:
  // the object and header made the last time (--stats wants the compile).
  std::optional<ObjectCacheSlot> slot;
  if (!command.stats)
    slot = objectCacheSlot("compile", command.input, options, command.import);
  if (slot) {
    std::optional<std::string> object = slot->cache.load(slot->objectKey);
    std::optional<std::string> header = slot->cache.load(slot->headerKey);
    std::optional<std::string> warnings = slot->cache.load(slot->warningsKey);
    if (object && header && warnings) {
      if (progress)
        std::fprintf(stderr, "webnnc: the compiled model is reused from %s\n",
                     slot->cache.directory().c_str());
      std::fputs(warnings->c_str(), stderr);
      bool written = command.output == "-" ? bool(std::cout << *object)
                                           : writeFile(command.output, *object);
      if (written && !command.header.empty())
        written = writeFile(command.header, *header);
      return written ? 0 : 1;
    }
  }

  if (progress)
    progress("importing", 0, 0);
  auto graph = loadGraph(command.input, command.import, command.options);
  if (!graph) {
    if (progress)
      progress("", 0, 0);
    std::fprintf(stderr, "%s\n", graph.error().c_str());
    return 1;
  }
  auto model = compile(*graph, options);
  if (progress)
    progress("", 0, 0); // done: clear the line before anything else prints
  if (!model) {
    std::fprintf(stderr, "%s\n", model.error().c_str());
    return 1;
  }
  for (const std::string &warning : model->warnings)
    std::fprintf(stderr, "%s\n", warning.c_str());
  if (command.output.empty() || command.output == "-")
    std::cout << model->artifact;
  else if (!writeFile(command.output, model->artifact))
    return 1;
  if (!command.header.empty()) {
    if (!binary) {
      std::fprintf(stderr, "webnnc: --header needs --emit=obj\n");
      return 1;
    }
    if (!writeFile(command.header, model->header))
      return 1;
  }
  if (command.stats)
    printStats(*model, command.options.kernelCacheDir);
  if (slot) {
    std::string warnings;
    for (const std::string &warning : model->warnings)
      warnings += warning + "\n";
    slot->cache.store(slot->objectKey, model->artifact);
    slot->cache.store(slot->headerKey, model->header);
    slot->cache.store(slot->warningsKey, warnings); // last: marks complete
  }
  return 0;
}

} // namespace webnnc::tool

namespace webnnc::tool {

int runLimits(const std::string &target) {
  auto resolved = resolveTarget(target);
  if (!resolved) {
    std::fprintf(stderr, "webnnc: %s\n", resolved.error().c_str());
    return 1;
  }
  // The same limits on every target, x86-64 or aarch64: each op's kernels
  // exist for every data type its rules allow.
  std::printf("%s", spec::toJson(spec::opSupportLimits()).c_str());
  return 0;
}

int runVersion() {
  std::printf("webnnc %s\nLLVM/MLIR %s\n", WEBNNC_VERSION,
              WEBNNC_LLVM_VERSION);
  CompileOptions options;
  auto kernelgen = findKernelgen(options);
  std::string halide = "Halide: webnnc-kernelgen not found";
  if (kernelgen) {
    ProcessResult result = runProcesses({{*kernelgen, "--version"}}, 1).front();
    if (result.exitCode == 0)
      halide = result.output;
    while (!halide.empty() && (halide.back() == '\n' || halide.back() == ' '))
      halide.pop_back();
  }
  std::printf("%s\n", halide.c_str());
  auto host = resolveTarget("host");
  std::printf("default target: host (%s)\n",
              host ? host->halideTarget.c_str() : "unknown");
  // Cross targets compile anywhere; running them here (`webnnc run`) needs
  // their runtime, built when the cross compiler was installed.
  auto aarch64 = resolveTarget("aarch64");
  auto runtime = aarch64 ? findCrossRuntime(*aarch64)
                         : Expected<std::string, std::string>(std::string());
  std::printf("targets: host, x86-64-v3, x86-64-v4, aarch64[+dotprod][+fp16] "
              "(aarch64 runtime: %s)\n",
              runtime ? runtime->c_str() : "not built");
  return 0;
}

} // namespace webnnc::tool
