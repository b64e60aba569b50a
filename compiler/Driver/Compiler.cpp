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
#include "webnnc/Codegen/BuildKernelSpec.h"
#include "webnnc/Codegen/EmitDot.h"
#include "webnnc/Codegen/EmitHeader.h"
#include "webnnc/Codegen/EmitObject.h"
#include "webnnc/Codegen/EmitWeights.h"
#include "webnnc/Conversion/Passes.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Driver/KernelCache.h"
#include "webnnc/Driver/Target.h"
#include "webnnc/Support/Subprocess.h"
#include "webnnc/Transforms/MemoryPlan.h"
#include "webnnc/Transforms/Passes.h"
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

// Ops that compute (not constants, reshapes or the return).
int64_t countComputeOps(func::FuncOp graph) {
  int64_t n = 0;
  for (Operation &op : graph.getBody().front())
    if (!isa<webnn::ConstantOp, webnn::ReshapeOp, func::ReturnOp>(op))
      ++n;
  return n;
}

int64_t countTransposes(func::FuncOp graph) {
  auto transposes = graph.getBody().front().getOps<webnn::TransposeOp>();
  return std::distance(transposes.begin(), transposes.end());
}

void countPackedWeights(func::FuncOp graph, CompileStats &stats) {
  Block &body = graph.getBody().front();
  for (auto constant : body.getOps<webnn::ConstantOp>())
    if (constant->hasAttr("webnn.packed")) {
      ++stats.packedWeights;
      stats.packedWeightBytes += byteSize(constant.getType());
    }
  auto winograd = body.getOps<webnn::WinogradConv2dOp>();
  stats.winogradConvs = std::distance(winograd.begin(), winograd.end());
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

namespace {
std::unique_ptr<Pass> createPrunePass(const std::vector<std::string> &outputs) {
  WebNNPruneSubgraphsPassOptions prune;
  prune.outputs.assign(outputs.begin(), outputs.end());
  return createWebNNPruneSubgraphsPass(prune);
}

// Adds passes to pass managers in pipeline order until the one named by
// --stop-after has been added; later passes are dropped.
class PipelineBuilder {
public:
  explicit PipelineBuilder(std::string stopAfter)
      : stopAfter_(std::move(stopAfter)) {}

  void add(PassManager &pm, std::unique_ptr<Pass> pass) {
    std::string name = pass->getArgument().str();
    names_ += (names_.empty() ? "" : ", ") + name;
    if (stopped_)
      return;
    pm.addPass(std::move(pass));
    stopped_ = !stopAfter_.empty() && name == stopAfter_;
  }
  bool stopped() const { return stopped_; }
  const std::string &passNames() const { return names_; }

private:
  std::string stopAfter_, names_;
  bool stopped_ = false;
};
} // namespace

Expected<std::vector<std::string>, std::string>
prune(Graph &graph, const std::vector<std::string> &outputs) {
  DiagnosticLog log(graph.context());
  PassManager pm(&graph.context(), ModuleOp::getOperationName());
  pm.addPass(createPrunePass(outputs));
  if (failed(pm.run(graph.module())))
    return makeUnexpected(log.errorText("pruning failed"));
  return log.warnings;
}

Expected<CompiledModel, std::string> compile(Graph &graph,
                                             const CompileOptions &options) {
  if (options.modelName.empty() ||
      toCIdentifier(options.modelName) != options.modelName ||
      options.modelName.size() > 64)
    return "model name '" + options.modelName +
           "' must be a C identifier of at most 64 characters";
  const char *checkedEnv = std::getenv("WEBNNC_CHECKED_KERNELS");
  bool checked = options.checkedKernels ||
                 (checkedEnv && std::string(checkedEnv) == "1");
  auto target = resolveTarget(options.target, checked, options.deterministic);
  if (!target)
    return target.error();

  CompiledModel result;
  MLIRContext &context = graph.context();
  ModuleOp module = graph.module();
  DiagnosticLog log(context);
  const Optimizations &opt = options.optimizations;
  result.stats.graphOps = countComputeOps(graph.function());
  result.stats.deterministic = options.deterministic;
  // One timing report (--mlir-timing) for the whole compile: every pass,
  // kernel generation, glue code generation and linking. It prints when
  // compile() returns.
  DefaultTimingManager timing;
  timing.setEnabled(options.timing);
  TimingScope rootTimer = timing.getRootScope();

  auto makePassManager = [&] {
    auto pm = std::make_unique<PassManager>(&context,
                                            ModuleOp::getOperationName());
    if (options.printIRAfterAll) {
      context.disableMultithreading();
      pm->enableIRPrinting([](Pass *, Operation *) { return false; },
                           [](Pass *, Operation *) { return true; },
                           /*printModuleScope=*/true,
                           /*printAfterOnlyOnChange=*/false);
    }
    pm->enableTiming(rootTimer);
    return pm;
  };
  // The pipeline, in three pass managers so the stats can count the ops
  // in between. With stopAfter, passes after that one are not added.
  if (options.onProgress)
    options.onProgress("optimizing", 0, 0);
  PipelineBuilder pipeline(options.stopAfter);
  auto graphPasses = makePassManager();
  pipeline.add(*graphPasses, createPrunePass(options.outputs));
  pipeline.add(*graphPasses, createWebNNWidenInt4Pass());
  pipeline.add(*graphPasses, createWebNNDecomposePass());
  int64_t beforeFolding = 0;
  if (failed(graphPasses->run(module)))
    return log.errorText("the graph passes failed");
  beforeFolding = countComputeOps(getGraphFunction(module));
  auto optimizePasses = makePassManager();
  pipeline.add(*optimizePasses, createWebNNPhaseConvTransposePass());
  if (opt.foldConstants)
    pipeline.add(*optimizePasses, createWebNNFoldConstantsPass());
  pipeline.add(*optimizePasses, createCanonicalizerPass());
  if (opt.recognize)
    pipeline.add(*optimizePasses, createWebNNRecognizePass());
  if (failed(optimizePasses->run(module)))
    return log.errorText("the graph passes failed");
  result.stats.optimizedOps = countComputeOps(getGraphFunction(module));
  result.stats.foldedOps = beforeFolding - result.stats.optimizedOps;

  auto layoutPasses = makePassManager();
  if (opt.channelsLast) {
    pipeline.add(*layoutPasses, createWebNNChannelsLastPass());
    // The constants it transposed (biases, residual operands).
    if (opt.foldConstants)
      pipeline.add(*layoutPasses, createWebNNFoldConstantsPass());
    // A value read by several nchw convs got a transpose per reader.
    pipeline.add(*layoutPasses, createCSEPass());
  }
  if (opt.packWeights)
    pipeline.add(
        *layoutPasses,
        createWebNNPackWeightsPass(WebNNPackWeightsPassOptions{
            2 * int64_t(target->floatLanes), int64_t(target->floatLanes),
            int64_t(target->vectorRegisters), opt.winograd}));
  int64_t transposesBefore = countTransposes(getGraphFunction(module));
  if (failed(layoutPasses->run(module)))
    return log.errorText("the graph passes failed");
  countPackedWeights(getGraphFunction(module), result.stats);
  // What kernels compute: the optimized ops and the transposes where
  // layouts meet.
  int64_t kernelOps = countComputeOps(getGraphFunction(module));
  result.stats.layoutTransposes =
      countTransposes(getGraphFunction(module)) - transposesBefore;

  auto kernelPasses = makePassManager();
  if (opt.fuse)
    pipeline.add(*kernelPasses, createWebNNFusePass());
  pipeline.add(*kernelPasses,
               createWebNNOutlineKernelsPass(
                   WebNNOutlineKernelsPassOptions{options.modelName}));
  pipeline.add(*kernelPasses, createWebNNPlanMemoryPass(
                                  WebNNPlanMemoryPassOptions{opt.inPlace}));
  if (failed(kernelPasses->run(module)))
    return log.errorText("the graph passes failed");
  result.warnings = log.warnings;
  if (!options.stopAfter.empty()) {
    if (!pipeline.stopped())
      return "--stop-after: '" + options.stopAfter +
             "' is not a pass of this pipeline; its passes are: " +
             pipeline.passNames();
    if (options.emit != EmitKind::Mlir)
      return std::string("--stop-after needs --emit=mlir");
  }

  func::FuncOp graphFn = getGraphFunction(module);
  for (unsigned i = 0; i < graphFn.getNumArguments(); ++i)
    result.inputs.push_back(named(
        graphFn.getArgumentTypes()[i],
        graphFn.getArgAttrOfType<StringAttr>(i, webnn::WebNNDialect::kNameAttr),
        graphFn.getArgAttrOfType<StringAttr>(i, kAbiDataTypeAttr)));
  for (unsigned i = 0; i < graphFn.getNumResults(); ++i)
    result.outputs.push_back(named(
        graphFn.getResultTypes()[i],
        graphFn.getResultAttrOfType<StringAttr>(i,
                                                webnn::WebNNDialect::kNameAttr),
        graphFn.getResultAttrOfType<StringAttr>(i, kAbiDataTypeAttr)));

  if (options.emit == EmitKind::Dot) {
    result.artifact = emitDot(graphFn);
    return result;
  }
  if (options.emit == EmitKind::Mlir) {
    result.artifact = graph.toMlir(/*elideLargeConstants=*/true);
    return result;
  }

  // Stats of the planned graph.
  std::vector<kernels::KernelSpec> specs;
  for (func::FuncOp fn : module.getOps<func::FuncOp>()) {
    if (!fn->hasAttr(kKernelAttr))
      continue;
    FailureOr<kernels::KernelSpec> spec = buildKernelSpec(fn);
    if (failed(spec))
      return log.errorText("cannot describe kernel " + fn.getSymName().str());
    specs.push_back(*spec);
  }
  result.stats.kernels = int64_t(specs.size());
  for (Operation &op : graphFn.getBody().front()) {
    if (auto call = dyn_cast<func::CallOp>(op)) {
      ++result.stats.kernelCalls;
      if (call->hasAttr(kInPlaceAttr))
        ++result.stats.inPlaceKernelCalls;
      auto offsets = call->getAttrOfType<DenseI64ArrayAttr>(kResultOffsetsAttr);
      for (auto [i, v] : llvm::enumerate(call.getResults())) {
        if (!offsets || offsets[i] < 0) // written into an output, or sized
          continue;                     // at compute
        int64_t size = byteSize(v.getType());
        ++result.stats.intermediateTensors;
        result.stats.intermediateBytes += size;
        result.stats.unsharedArenaBytes += arenaSlotSize(size);
      }
    } else if (auto constant = dyn_cast<webnn::ConstantOp>(op)) {
      result.stats.weightBytes += byteSize(constant.getType());
    }
  }
  if (auto arena = graphFn->getAttrOfType<IntegerAttr>(kArenaSizeAttr))
    result.stats.arenaBytes = arena.getInt();
  result.stats.fusedOps = kernelOps - result.stats.kernelCalls;

  TemporaryDirectory temp;
  if (!temp.ok())
    return std::string("cannot create a temporary directory");
  if (options.keepTemporaries) {
    temp.keep();
    result.warnings.push_back("temporary files kept in " + temp.path());
  }
  std::vector<std::string> kernelObjects;
  if (options.emit != EmitKind::Llvm && !specs.empty()) {
    auto kernelgen = findKernelgen(options);
    if (!kernelgen)
      return kernelgen.error();
    int jobs = options.jobs > 0 ? options.jobs
                                : int(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
    std::optional<KernelCache> cache;
    if (!options.kernelCacheDir.empty()) {
      auto opened = KernelCache::open(options.kernelCacheDir, *kernelgen,
                                      options.kernelCacheMaxBytes);
      if (!opened)
        return opened.error();
      cache = std::move(*opened);
    }
    TimingScope kernelTimer = rootTimer.nest("kernel generation (webnnc-kernelgen)");
    auto objects = generateKernels(specs, *target, *kernelgen, temp.path(),
                                   jobs, options.emit == EmitKind::Asm,
                                   cache ? &*cache : nullptr,
                                   result.stats.cachedKernels, options);
    kernelTimer.stop();
    if (!objects)
      return objects.error();
    kernelObjects = *objects;
  }

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

  PassManager lower(&context, ModuleOp::getOperationName());
  lower.enableTiming(rootTimer);
  if (options.printIRAfterAll)
    lower.enableIRPrinting([](Pass *, Operation *) { return false; },
                           [](Pass *, Operation *) { return true; }, true,
                           false);
  lower.addPass(createConvertWebNNToLLVMPass(
      ConvertWebNNToLLVMPassOptions{options.modelName}));
  if (failed(lower.run(module)))
    return log.errorText("lowering to the LLVM dialect failed");

  GlueOutput glueKind = options.emit == EmitKind::Llvm     ? GlueOutput::LlvmIR
                        : options.emit == EmitKind::Asm    ? GlueOutput::Assembly
                                                           : GlueOutput::Object;
  if (options.onProgress)
    options.onProgress("generating glue code", 0, 0);
  TimingScope glueTimer = rootTimer.nest("glue code generation (LLVM)");
  auto glue = emitGlue(module, *target, glueKind);
  glueTimer.stop();
  if (!glue)
    return glue.error();
  if (options.emit == EmitKind::Llvm) {
    result.artifact = *glue;
    return result;
  }
  if (options.emit == EmitKind::Asm) {
    result.artifact = "# glue\n" + *glue;
    for (const kernels::KernelSpec &k : specs)
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
  auto object = linkModelObject(temp.path(), gluePath, kernelObjects,
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
