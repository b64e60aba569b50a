// SPDX-License-Identifier: Apache-2.0
// The compile pipeline, its registration for webnnc-opt, and the
// instrumentation that counts what its stages did.
#include "webnnc/Transforms/Pipeline.h"

#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/MemoryPlan.h"
#include "webnnc/Transforms/Passes.h"

using namespace mlir;

namespace webnnc {
namespace {

// Adds passes in pipeline order until the one named by stopAfter has been
// added; later passes are only named.
class StoppingAdder {
public:
  StoppingAdder(OpPassManager &pm, std::string stopAfter)
      : pm_(pm), stopAfter_(std::move(stopAfter)) {}

  void add(std::unique_ptr<Pass> pass) {
    std::string name = pass->getArgument().str();
    info_.passNames += (info_.passNames.empty() ? "" : ", ") + name;
    if (info_.stopped)
      return;
    pm_.addPass(std::move(pass));
    info_.stopped = !stopAfter_.empty() && name == stopAfter_;
  }
  const CompilePipelineInfo &info() const { return info_; }

private:
  OpPassManager &pm_;
  std::string stopAfter_;
  CompilePipelineInfo info_;
};

std::unique_ptr<Pass> createPrunePass(const std::vector<std::string> &outputs) {
  WebNNPruneSubgraphsPassOptions prune;
  prune.outputs.assign(outputs.begin(), outputs.end());
  return createWebNNPruneSubgraphsPass(prune);
}

// Ops that compute (not constants, reshapes or the return).
int64_t countComputeOps(func::FuncOp graph) {
  int64_t n = 0;
  for (Operation &op : graph.getBody().front())
    if (!isa<webnn::ConstantOp, webnn::ReshapeOp, func::ReturnOp>(op))
      ++n;
  return n;
}

int64_t countOps(func::FuncOp graph, StringRef name) {
  int64_t n = 0;
  for (Operation &op : graph.getBody().front())
    n += op.getName().getStringRef() == name;
  return n;
}

// Counts at the stage boundaries: after decomposition, before the first
// layout pass, before the first kernel pass (whichever of them the
// options left in).
class PipelineCountsInstrumentation : public PassInstrumentation {
public:
  explicit PipelineCountsInstrumentation(PipelineCounts &counts)
      : counts_(counts) {}

  void runAfterPass(Pass *pass, Operation *op) override {
    if (pass->getArgument() == "webnn-decompose")
      if (func::FuncOp graph = graphOf(op))
        counts_.decomposedOps = countComputeOps(graph);
  }

  void runBeforePass(Pass *pass, Operation *op) override {
    StringRef name = pass->getArgument();
    bool kernelStage = name == "webnn-fuse" || name == "webnn-outline-kernels";
    bool layoutStage = name == "webnn-channels-last" ||
                       name == "webnn-pack-weights" || kernelStage;
    func::FuncOp graph = graphOf(op);
    if (!graph)
      return;
    if (counts_.graphOps < 0)
      counts_.graphOps = countComputeOps(graph);
    if (layoutStage && counts_.optimizedOps < 0) {
      counts_.optimizedOps = countComputeOps(graph);
      transposesBefore_ =
          countOps(graph, webnn::TransposeOp::getOperationName());
    }
    if (kernelStage && counts_.kernelOps < 0) {
      counts_.kernelOps = countComputeOps(graph);
      counts_.layoutTransposes =
          countOps(graph, webnn::TransposeOp::getOperationName()) -
          transposesBefore_;
      countPacked(graph);
    }
  }

private:
  static func::FuncOp graphOf(Operation *op) {
    auto module = dyn_cast<ModuleOp>(op);
    return module ? getGraphFunction(module) : func::FuncOp();
  }

  void countPacked(func::FuncOp graph) {
    counts_.packedWeights = counts_.packedWeightBytes = 0;
    for (auto constant : graph.getBody().front().getOps<webnn::ConstantOp>())
      if (constant->hasAttr("webnn.packed")) {
        ++counts_.packedWeights;
        counts_.packedWeightBytes += byteSize(constant.getType());
      }
    counts_.winogradConvs =
        countOps(graph, webnn::WinogradConv2dOp::getOperationName());
    counts_.integerConvs =
        countOps(graph, webnn::QuantizedConv2dOp::getOperationName());
    counts_.integerAdds =
        countOps(graph, webnn::QuantizedAddOp::getOperationName());
    counts_.int4Matmuls =
        countOps(graph, webnn::PackedInt4MatmulOp::getOperationName());
  }

  PipelineCounts &counts_;
  int64_t transposesBefore_ = 0;
};

// webnn-compile's options on the command line.
struct CompilePipelineCLOptions
    : public PassPipelineOptions<CompilePipelineCLOptions> {
  ListOption<std::string> outputs{*this, "outputs",
                                  llvm::cl::desc("operands to compute")};
  Option<std::string> modelName{*this, "model-name", llvm::cl::init("model")};
  Option<int64_t> floatLanes{*this, "float-lanes", llvm::cl::init(16)};
  Option<int64_t> vectorRegisters{*this, "vector-registers",
                                  llvm::cl::init(32)};
  Option<int64_t> int8DotTerms{*this, "int8-dot-terms", llvm::cl::init(4)};
  Option<bool> integerKernels{*this, "integer-kernels", llvm::cl::init(true)};
  Option<bool> foldConstants{*this, "fold-constants", llvm::cl::init(true)};
  Option<bool> recognize{*this, "recognize", llvm::cl::init(true)};
  Option<bool> channelsLast{*this, "channels-last", llvm::cl::init(true)};
  Option<bool> packWeights{*this, "pack-weights", llvm::cl::init(true)};
  Option<bool> winograd{*this, "winograd", llvm::cl::init(true)};
  Option<bool> fuse{*this, "fuse", llvm::cl::init(true)};
  Option<bool> inPlace{*this, "in-place", llvm::cl::init(true)};
};

} // namespace

CompilePipelineInfo
buildWebNNCompilePipeline(OpPassManager &pm,
                          const CompilePipelineOptions &options) {
  const Optimizations &opt = options.optimizations;
  StoppingAdder add(pm, options.stopAfter);
  // Graph: only what was asked, in the ops kernels compute.
  add.add(createPrunePass(options.outputs));
  add.add(createWebNNWidenInt4Pass());
  // Before anything folds the quantized weights to float.
  if (opt.integerKernels)
    add.add(createWebNNQuantizedOpsPass(
        WebNNQuantizedOpsPassOptions{2 * options.floatLanes,
                                     options.int8DotTerms},
        options.floatQuantizedRegions));
  // Also before folding: 4-bit weights of float matmuls stay 4-bit.
  if (opt.packWeights)
    add.add(createWebNNPackInt4WeightsPass(
        WebNNPackInt4WeightsPassOptions{2 * options.floatLanes}));
  add.add(createWebNNDecomposePass());
  // Optimization.
  add.add(createWebNNPhaseConvTransposePass());
  if (opt.foldConstants)
    add.add(createWebNNFoldConstantsPass());
  add.add(createCanonicalizerPass());
  // After folding: per-tensor scales are constants by now.
  add.add(createWebNNExpandQuantizationPass());
  // Before fusion: element-wise ops next to the kernels they follow.
  if (opt.fuse)
    add.add(createWebNNSinkReshapesPass());
  if (opt.recognize)
    add.add(createWebNNRecognizePass());
  // Layout.
  if (opt.channelsLast) {
    add.add(createWebNNChannelsLastPass());
    // The constants it transposed (biases, residual operands).
    if (opt.foldConstants)
      add.add(createWebNNFoldConstantsPass());
    // A value read by several nchw convs got a transpose per reader.
    add.add(createCSEPass());
  }
  if (opt.packWeights)
    add.add(createWebNNPackWeightsPass(
        WebNNPackWeightsPassOptions{2 * options.floatLanes, options.floatLanes,
                                    options.vectorRegisters, opt.winograd}));
  // Kernels.
  if (opt.fuse)
    add.add(createWebNNFusePass());
  add.add(createWebNNOutlineKernelsPass(
      WebNNOutlineKernelsPassOptions{options.modelName}));
  add.add(createWebNNPlanMemoryPass(WebNNPlanMemoryPassOptions{opt.inPlace}));
  return add.info();
}

void registerWebNNCompilePipeline() {
  PassPipelineRegistration<CompilePipelineCLOptions>(
      "webnn-compile",
      "The whole graph pipeline webnnc compiles with, to the planned module "
      "of kernels",
      [](OpPassManager &pm, const CompilePipelineCLOptions &cl) {
        CompilePipelineOptions options;
        options.outputs.assign(cl.outputs.begin(), cl.outputs.end());
        options.modelName = cl.modelName;
        options.floatLanes = cl.floatLanes;
        options.vectorRegisters = cl.vectorRegisters;
        options.int8DotTerms = cl.int8DotTerms;
        options.optimizations = {.integerKernels = cl.integerKernels,
                                 .foldConstants = cl.foldConstants,
                                 .recognize = cl.recognize,
                                 .channelsLast = cl.channelsLast,
                                 .packWeights = cl.packWeights,
                                 .winograd = cl.winograd,
                                 .fuse = cl.fuse,
                                 .inPlace = cl.inPlace};
        buildWebNNCompilePipeline(pm, options);
      });
}

std::unique_ptr<PassInstrumentation>
createPipelineCountsInstrumentation(PipelineCounts &counts) {
  return std::make_unique<PipelineCountsInstrumentation>(counts);
}

} // namespace webnnc
