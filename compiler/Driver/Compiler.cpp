// SPDX-License-Identifier: Apache-2.0
// The compiler driver.
#include "webnnc/Driver/Compiler.h"
#include "webnnc/Support/Files.h"

#include <unistd.h>

#include <fstream>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Transforms/Passes.h"
#include "webnnc/Codegen/EmitDot.h"
#include "webnnc/Codegen/EmitHeader.h"
#include "webnnc/Codegen/EmitObject.h"
#include "webnnc/Codegen/EmitWeights.h"
#include "webnnc/Codegen/Target.h"
#include "webnnc/Conversion/Passes.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Driver/KernelCache.h"
#include "webnnc/Support/Subprocess.h"
#include "webnnc/Transforms/BuildKernelSpec.h"
#include "webnnc/Transforms/MemoryPlan.h"
#include "webnnc/Transforms/Passes.h"
#include "webnnc/Transforms/Pipeline.h"
#include "llvm/Object/ObjectFile.h"

namespace webnnc {
using namespace mlir;

namespace {

// "file:line:col" for file locations, the location's text otherwise.
std::string formatLocation(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return (file.getFilename().str() + ":" + std::to_string(file.getLine()) +
            ":" + std::to_string(file.getColumn()));
  if (auto name = dyn_cast<NameLoc>(loc))
    return formatLocation(name.getChildLoc()) + " ('" +
           name.getName().str() + "')";
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (isa<FileLineColLoc>(inner))
        return formatLocation(inner);
  std::string text;
  llvm::raw_string_ostream os(text);
  os << loc;
  return text;
}

// Collects diagnostics as "location: severity: message" lines.
class DiagnosticLog {
public:
  explicit DiagnosticLog(MLIRContext &context)
      : handler_(&context, [this](Diagnostic &diag) {
          std::string line = formatLocation(diag.getLocation());
          line += diag.getSeverity() == DiagnosticSeverity::Warning
                      ? ": warning: "
                      : diag.getSeverity() == DiagnosticSeverity::Error
                            ? ": error: "
                            : ": note: ";
          line += diag.str();
          (diag.getSeverity() == DiagnosticSeverity::Warning ? warnings
                                                             : errors)
              .push_back(line);
          return success();
        }) {}

  std::string errorText(const std::string &fallback) const {
    std::string out;
    for (const std::string &e : errors)
      out += (out.empty() ? "" : "\n") + e;
    return out.empty() ? fallback : out;
  }

  std::vector<std::string> errors, warnings;

private:
  ScopedDiagnosticHandler handler_;
};


bool writeFile(const std::string &path, const std::string &data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), std::streamsize(data.size()));
  return bool(out);
}

std::string readFile(const std::string &path) {
  return readWholeFile(path).value_or("");
}

// Runs webnnc-kernelgen on the |kernels| |cache| does not hold, split over
// |jobs| processes, and stores what it made. Returns the object paths, in
// kernel order; |fromCache| counts the kernels the cache gave.
Expected<std::vector<std::string>, std::string>
generateKernels(const std::vector<kernels::KernelSpec> &kernels,
                const TargetInfo &target, const std::string &kernelgen,
                const std::string &dir, int jobs, bool assembly,
                const KernelCache *cache, int64_t &fromCache,
                const CompileOptions &options) {
  auto report = [&](int64_t done) {
    if (options.onProgress)
      options.onProgress("generating kernels", done, int64_t(kernels.size()));
  };
  std::vector<std::string> objects;
  for (const kernels::KernelSpec &k : kernels)
    objects.push_back(dir + "/" + k.name + ".o");
  // Assembly listings are for reading; only objects are cached.
  std::vector<std::string> keys(kernels.size());
  std::vector<kernels::KernelSpec> missing;
  std::vector<size_t> missingIndex; // into |kernels|
  for (size_t i = 0; i < kernels.size(); ++i) {
    if (cache && !assembly) {
      keys[i] = cache->key(
          kernels::serialize({target.halideTarget, {kernels[i]}}),
          target.halideTarget);
      if (std::optional<std::string> object = cache->load(keys[i])) {
        if (!writeFile(objects[i], *object))
          return "cannot write '" + objects[i] + "'";
        ++fromCache;
        continue;
      }
    }
    missing.push_back(kernels[i]);
    missingIndex.push_back(i);
  }
  int64_t done = fromCache;
  report(done);
  if (missing.empty())
    return objects;

  // Small batches (about four per process) on a queue of |jobs|
  // processes: kernels take very different times, so a process that got
  // quick ones takes more, and progress shows as batches finish.
  int processes = std::max(1, std::min<int>(jobs, int(missing.size())));
  size_t batchCount =
      std::min(missing.size(), size_t(processes) * 4);
  std::vector<kernels::KernelBatch> batches(batchCount);
  for (size_t i = 0; i < missing.size(); ++i) {
    batches[i % batchCount].target = target.halideTarget;
    batches[i % batchCount].kernels.push_back(missing[i]);
  }
  std::vector<std::vector<std::string>> commands;
  for (size_t p = 0; p < batchCount; ++p) {
    std::string path = dir + "/kernels" + std::to_string(p) + ".txt";
    if (!writeFile(path, kernels::serialize(batches[p])))
      return "cannot write '" + path + "'";
    commands.push_back({kernelgen, path, "-o", dir});
    if (assembly)
      commands.back().push_back("--emit-asm");
  }
  std::vector<ProcessResult> results =
      runProcesses(commands, processes, [&](size_t batch) {
        done += int64_t(batches[batch].kernels.size());
        report(done);
      });
  for (const ProcessResult &r : results)
    if (r.exitCode != 0)
      return "kernel generation failed: " +
             (r.output.empty() ? std::string("no output") : r.output);
  if (cache && !assembly)
    for (size_t i : missingIndex)
      cache->store(keys[i], readFile(objects[i]));
  return objects;
}

// Bytes of machine code (executable sections) in an object.
int64_t codeBytes(const std::string &object) {
  auto file = llvm::object::ObjectFile::createObjectFile(
      llvm::MemoryBufferRef(object, "model.o"));
  if (!file) {
    llvm::consumeError(file.takeError());
    return 0;
  }
  int64_t total = 0;
  for (const llvm::object::SectionRef &section : (*file)->sections())
    if (section.isText())
      total += int64_t(section.getSize());
  return total;
}

// A graph operand as the API sees it: a four-bit type computed widened
// keeps its own type (kAbiDataTypeAttr).
NamedOperand named(Type type, StringAttr name, StringAttr abiType) {
  spec::OperandDescriptor desc = *webnn::getDescriptor(type);
  if (abiType)
    desc.dataType = *spec::parseDataType(abiType.getValue());
  return {name ? name.getValue().str() : "", desc};
}

} // namespace

Expected<std::string, std::string> findKernelgen(const CompileOptions &options) {
  std::vector<std::string> candidates;
  if (!options.kernelgen.empty())
    candidates.push_back(options.kernelgen);
  else {
    if (const char *env = std::getenv("WEBNNC_KERNELGEN"); env && *env)
      candidates.push_back(env);
    std::string dir = executableDirectory();
    candidates.push_back(dir + "/webnnc-kernelgen");
    candidates.push_back(dir + "/../libexec/webnnc/webnnc-kernelgen");
  }
  for (const std::string &path : candidates)
    if (access(path.c_str(), X_OK) == 0)
      return path;
  std::string tried;
  for (const std::string &path : candidates)
    tried += " " + path;
  return "cannot find webnnc-kernelgen (tried" + tried +
         "); set WEBNNC_KERNELGEN";
}

Expected<std::vector<std::string>, std::string>
prune(Graph &graph, const std::vector<std::string> &outputs) {
  DiagnosticLog log(graph.context());
  PassManager pm(&graph.context(), ModuleOp::getOperationName());
  WebNNPruneSubgraphsPassOptions prune;
  prune.outputs.assign(outputs.begin(), outputs.end());
  pm.addPass(createWebNNPruneSubgraphsPass(prune));
  if (failed(pm.run(graph.module())))
    return makeUnexpected(log.errorText("pruning failed"));
  return log.warnings;
}

namespace {

// Prints the IR after every pass to stderr (--mlir-print-ir-after-all).
void printIRAfterAll(PassManager &pm) {
  pm.getContext()->disableMultithreading();
  pm.enableIRPrinting([](Pass *, Operation *) { return false; },
                      [](Pass *, Operation *) { return true; },
                      /*printModuleScope=*/true,
                      /*printAfterOnlyOnChange=*/false);
}

// A pipeline count, or 0 for a stage a stopped pipeline never reached.
int64_t known(int64_t count) { return std::max<int64_t>(count, 0); }

// Runs the graph pipeline (buildWebNNCompilePipeline) over |graph| in
// |pm|, filling |counts| as its stages pass. Returns the error, if any.
// (|pm| outlives the run: the timing report names passes by their
// addresses.)
std::optional<std::string>
runGraphPipeline(PassManager &pm, Graph &graph, const CompileOptions &options,
                 const TargetInfo &target, TimingScope &timer,
                 DiagnosticLog &log, PipelineCounts &counts) {
  if (options.printIRAfterAll)
    printIRAfterAll(pm);
  pm.enableTiming(timer);
  pm.addInstrumentation(createPipelineCountsInstrumentation(counts));
  CompilePipelineInfo pipeline = buildWebNNCompilePipeline(
      pm,
      CompilePipelineOptions{.outputs = options.outputs,
                             .modelName = options.modelName,
                             .optimizations = options.optimizations,
                             .floatLanes = int64_t(target.floatLanes),
                             .vectorRegisters = int64_t(target.vectorRegisters),
                             // Deterministic results may not depend on
                             // the target: quantized convs stay float.
                             .int8DotTerms = options.deterministic
                                                 ? 0
                                                 : target.int8DotTerms,
                             .floatQuantizedRegions =
                                 &counts.floatQuantizedRegions,
                             .stopAfter = options.stopAfter});
  if (failed(pm.run(graph.module())))
    return log.errorText("the graph passes failed");
  if (options.stopAfter.empty())
    return std::nullopt;
  if (!pipeline.stopped)
    return "--stop-after: '" + options.stopAfter +
           "' is not a pass of this pipeline; its passes are: " +
           pipeline.passNames;
  if (options.emit != EmitKind::Mlir)
    return std::string("--stop-after needs --emit=mlir");
  return std::nullopt;
}

// The stats the pipeline's stages counted (fusedOps waits for the calls).
void recordPipelineCounts(const PipelineCounts &counts, CompileStats &stats) {
  stats.graphOps = known(counts.graphOps);
  stats.optimizedOps = known(counts.optimizedOps);
  stats.foldedOps = known(counts.decomposedOps) - stats.optimizedOps;
  stats.layoutTransposes = known(counts.layoutTransposes);
  stats.packedWeights = known(counts.packedWeights);
  stats.packedWeightBytes = known(counts.packedWeightBytes);
  stats.winogradConvs = known(counts.winogradConvs);
  stats.integerConvs = known(counts.integerConvs);
  stats.integerAdds = known(counts.integerAdds);
  stats.int4Matmuls = known(counts.int4Matmuls);
  stats.floatQuantizedRegions = counts.floatQuantizedRegions;
}

// The inputs and outputs the planned graph function computes.
void describeSignature(func::FuncOp graphFn, CompiledModel &result) {
  for (unsigned i = 0; i < graphFn.getNumArguments(); ++i)
    result.inputs.push_back(named(
        graphFn.getArgumentTypes()[i],
        graphFn.getArgAttrOfType<StringAttr>(i, webnn::WebNNDialect::kNameAttr),
        graphFn.getArgAttrOfType<StringAttr>(i, kAbiDataTypeAttr)));
  for (unsigned i = 0; i < graphFn.getNumResults(); ++i)
    result.outputs.push_back(
        named(graphFn.getResultTypes()[i],
              graphFn.getResultAttrOfType<StringAttr>(
                  i, webnn::WebNNDialect::kNameAttr),
              graphFn.getResultAttrOfType<StringAttr>(i, kAbiDataTypeAttr)));
}

// Stats of the planned graph: its calls, arena, intermediates and weights.
void countPlannedGraph(func::FuncOp graphFn, CompileStats &stats) {
  for (Operation &op : graphFn.getBody().front()) {
    if (auto call = dyn_cast<func::CallOp>(op)) {
      ++stats.kernelCalls;
      if (call->hasAttr(kInPlaceAttr))
        ++stats.inPlaceKernelCalls;
      auto offsets = call->getAttrOfType<DenseI64ArrayAttr>(kResultOffsetsAttr);
      for (auto [i, v] : llvm::enumerate(call.getResults())) {
        if (!offsets || offsets[i] < 0) // written into an output, or sized
          continue;                     // at compute
        int64_t size = byteSize(v.getType());
        ++stats.intermediateTensors;
        stats.intermediateBytes += size;
        stats.unsharedArenaBytes += arenaSlotSize(size);
      }
    } else if (auto constant = dyn_cast<webnn::ConstantOp>(op)) {
      stats.weightBytes += byteSize(constant.getType());
    }
  }
  if (auto arena = graphFn->getAttrOfType<IntegerAttr>(kArenaSizeAttr))
    stats.arenaBytes = arena.getInt();
}

// The KernelSpec of every outlined kernel function.
Expected<std::vector<kernels::KernelSpec>, std::string>
describeKernels(ModuleOp module, DiagnosticLog &log) {
  std::vector<kernels::KernelSpec> specs;
  for (func::FuncOp fn : module.getOps<func::FuncOp>()) {
    if (!fn->hasAttr(kKernelAttr))
      continue;
    FailureOr<kernels::KernelSpec> spec = buildKernelSpec(fn);
    if (failed(spec))
      return log.errorText("cannot describe kernel " + fn.getSymName().str());
    specs.push_back(*spec);
  }
  return specs;
}

// Every kernel's object, from the cache or webnnc-kernelgen processes.
Expected<std::vector<std::string>, std::string>
generateKernelObjects(const std::vector<kernels::KernelSpec> &specs,
                      const TargetInfo &target, const CompileOptions &options,
                      const std::string &tempDir, TimingScope &timer,
                      CompileStats &stats) {
  if (options.emit == EmitKind::Llvm || specs.empty())
    return std::vector<std::string>{};
  auto kernelgen = findKernelgen(options);
  if (!kernelgen)
    return kernelgen.error();
  int jobs = options.jobs > 0
                 ? options.jobs
                 : int(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  std::optional<KernelCache> cache;
  if (!options.kernelCacheDir.empty()) {
    auto opened = KernelCache::open(options.kernelCacheDir, *kernelgen,
                                    options.kernelCacheMaxBytes);
    if (!opened)
      return opened.error();
    cache = std::move(*opened);
  }
  TimingScope kernelTimer = timer.nest("kernel generation (webnnc-kernelgen)");
  return generateKernels(
      specs, target, *kernelgen, tempDir, jobs, options.emit == EmitKind::Asm,
      cache ? &*cache : nullptr, stats.cachedKernels, options);
}

// The glue: the graph function lowered to LLVM and compiled for |target|
// (an object, or LLVM IR / assembly to read).
Expected<std::string, std::string> emitGlueCode(ModuleOp module,
                                                const TargetInfo &target,
                                                const CompileOptions &options,
                                                TimingScope &timer,
                                                DiagnosticLog &log) {
  PassManager lower(module.getContext(), ModuleOp::getOperationName());
  lower.enableTiming(timer);
  if (options.printIRAfterAll)
    printIRAfterAll(lower);
  lower.addPass(createConvertWebNNToLLVMPass(
      ConvertWebNNToLLVMPassOptions{options.modelName}));
  if (failed(lower.run(module)))
    return log.errorText("lowering to the LLVM dialect failed");
  GlueOutput glueKind = options.emit == EmitKind::Llvm  ? GlueOutput::LlvmIR
                        : options.emit == EmitKind::Asm ? GlueOutput::Assembly
                                                        : GlueOutput::Object;
  if (options.onProgress)
    options.onProgress("generating glue code", 0, 0);
  TimingScope glueTimer = timer.nest("glue code generation (LLVM)");
  return emitGlue(module, target, glueKind);
}

std::optional<std::string> checkModelName(const std::string &name) {
  if (name.empty() || toCIdentifier(name) != name || name.size() > 64)
    return "model name '" + name +
           "' must be a C identifier of at most 64 characters";
  return std::nullopt;
}

} // namespace

Expected<CompiledModel, std::string> compile(Graph &graph,
                                             const CompileOptions &options) {
  if (auto error = checkModelName(options.modelName))
    return *error;
  const char *checkedEnv = std::getenv("WEBNNC_CHECKED_KERNELS");
  bool checked = options.checkedKernels ||
                 (checkedEnv && std::string(checkedEnv) == "1");
  auto target = resolveTarget(options.target, checked, options.deterministic);
  if (!target)
    return target.error();

  CompiledModel result;
  ModuleOp module = graph.module();
  DiagnosticLog log(graph.context());
  result.stats.deterministic = options.deterministic;
  // One timing report (--mlir-timing) for the whole compile: every pass,
  // kernel generation, glue code generation and linking. It prints when
  // compile() returns.
  DefaultTimingManager timing;
  timing.setEnabled(options.timing);
  TimingScope rootTimer = timing.getRootScope();

  if (options.onProgress)
    options.onProgress("optimizing", 0, 0);
  PassManager graphPasses(&graph.context(), ModuleOp::getOperationName());
  PipelineCounts counts;
  if (auto error = runGraphPipeline(graphPasses, graph, options, *target,
                                    rootTimer, log, counts))
    return *error;
  recordPipelineCounts(counts, result.stats);
  result.warnings = log.warnings;
  func::FuncOp graphFn = getGraphFunction(module);
  describeSignature(graphFn, result);
  if (options.emit == EmitKind::Dot) {
    result.artifact = emitDot(graphFn);
    return result;
  }
  if (options.emit == EmitKind::Mlir) {
    result.artifact = graph.toMlir(/*elideLargeConstants=*/true);
    return result;
  }

  auto specs = describeKernels(module, log);
  if (!specs)
    return specs.error();
  result.stats.kernels = int64_t(specs->size());
  countPlannedGraph(graphFn, result.stats);
  // Ops kernels compute (the optimized ops and the layout transposes)
  // against the calls that compute them.
  result.stats.fusedOps = known(counts.kernelOps) - result.stats.kernelCalls;

  TemporaryDirectory temp;
  if (!temp.ok())
    return std::string("cannot create a temporary directory");
  if (options.keepTemporaries) {
    temp.keep();
    result.warnings.push_back("temporary files kept in " + temp.path());
  }
  auto kernelObjects = generateKernelObjects(
      *specs, *target, options, temp.path(), rootTimer, result.stats);
  if (!kernelObjects)
    return kernelObjects.error();

  // The weights go into a blob the link places in the object, not through
  // LLVM (an object only: --emit=llvm/asm keep them in the glue, to be
  // read).
  std::string weightsPath;
  if (options.emit == EmitKind::Object) {
    TimingScope weightsTimer = rootTimer.nest("weights blob");
    auto weights = emitWeightsBlob(graphFn, temp.path() + "/weights.bin");
    if (!weights)
      return weights.error();
    if (*weights > 0)
      weightsPath = temp.path() + "/weights.bin";
    // The glue addresses the weights by offset from here on; their bytes
    // are in the blob's file, so the graph's copies can go before the
    // object is assembled.
    webnn::releaseAllConstantData(module);
  }

  auto glue = emitGlueCode(module, *target, options, rootTimer, log);
  if (!glue)
    return glue.error();
  if (options.emit == EmitKind::Llvm) {
    result.artifact = *glue;
    return result;
  }
  if (options.emit == EmitKind::Asm) {
    result.artifact = "# glue\n" + *glue;
    for (const kernels::KernelSpec &k : *specs)
      result.artifact += "\n# kernel " + k.name + "\n" +
                         readFile(temp.path() + "/" + k.name + ".s");
    return result;
  }
  std::string gluePath = temp.path() + "/glue.o";
  if (!writeFile(gluePath, *glue))
    return "cannot write '" + gluePath + "'";
  if (options.onProgress)
    options.onProgress("linking", 0, 0);
  TimingScope linkTimer = rootTimer.nest("linking the model object");
  auto object = linkModelObject(temp.path(), gluePath, *kernelObjects,
                                weightsPath, options.modelName, *target);
  linkTimer.stop();
  if (!object)
    return object.error();
  result.artifact = std::move(*object);
  result.stats.objectBytes = int64_t(result.artifact.size());
  result.stats.codeBytes = codeBytes(result.artifact);
  result.header = emitHeader(options.modelName, result.inputs, result.outputs,
                             options.deterministic);
  return result;
}

} // namespace webnnc
