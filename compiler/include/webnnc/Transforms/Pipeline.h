// SPDX-License-Identifier: Apache-2.0
// The compiler's pass pipeline over a graph, from pruning to the planned
// module of kernels: the one `compile()` runs and `webnnc-opt
// --webnn-compile` runs on a file.
#ifndef WEBNNC_TRANSFORMS_PIPELINE_H_
#define WEBNNC_TRANSFORMS_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mlir {
class OpPassManager;
class PassInstrumentation;
} // namespace mlir

namespace webnnc {

// The optimizations the pipeline may leave out (`webnnc --no-fuse`...).
struct Optimizations {
  bool integerKernels = true; // webnn-quantized-ops (with int8 dot products)
  bool foldConstants = true; // webnn-fold-constants
  bool recognize = true;     // webnn-recognize
  bool channelsLast = true;  // webnn-channels-last
  bool packWeights = true;   // webnn-pack-weights
  bool winograd = true;      // its Winograd 3x3 convs
  bool fuse = true;          // webnn-fuse
  bool inPlace = true;       // element-wise kernels may overwrite a dying input
};

struct CompilePipelineOptions {
  std::vector<std::string> outputs; // operands to compute; empty: outputs
  std::string modelName = "model";  // prefixes the kernels' symbols
  Optimizations optimizations;
  // The target's float lanes per vector and vector registers, which weight
  // packing sizes its panels and tiles by (x86-64-v4's by default).
  int64_t floatLanes = 16;
  int64_t vectorRegisters = 32;
  // Input channels per integer dot-product instruction on the target: 4
  // (AVX-512 VNNI), 2 (AVX2's vpmaddwd), 0 where integer kernels would not
  // beat float ones (quantized convs and matrices then stay float).
  int64_t int8DotTerms = 4;
  // If set, webnn-quantized-ops appends "op 'label': why" for each
  // quantized region (a dequantized input and weights) it leaves float.
  std::vector<std::string> *floatQuantizedRegions = nullptr;
  // Stop after the pass with this flag (e.g. "webnn-fuse"); empty: all.
  std::string stopAfter;
};

// What was added: every pass flag of the whole pipeline in order (for the
// error naming them), and whether stopAfter named one of them.
struct CompilePipelineInfo {
  std::string passNames;
  bool stopped = false;
};

// Adds the pipeline to |pm| (a module pass manager): pruning,
// int4 widening, decomposition; phase convTranspose, folding,
// canonicalization, recognition; layout and weight packing; fusion,
// outlining and memory planning.
CompilePipelineInfo
buildWebNNCompilePipeline(mlir::OpPassManager &pm,
                          const CompilePipelineOptions &options);

// Registers the pipeline as `webnn-compile` (webnnc-opt).
void registerWebNNCompilePipeline();

// What the pipeline did, counted between its stages by a pass
// instrumentation (--stats): ops before the pipeline, after decomposition and
// after optimization, the layout transposes and packed weights added, and the
// ops kernels compute before fusion. A count whose stage a stopped
// pipeline never reached stays -1.
struct PipelineCounts {
  int64_t graphOps = -1;
  int64_t decomposedOps = -1;
  int64_t optimizedOps = -1;
  int64_t layoutTransposes = -1;
  int64_t kernelOps = -1;
  int64_t packedWeights = -1;
  int64_t packedWeightBytes = -1;
  int64_t winogradConvs = -1;
  int64_t integerConvs = -1;
  int64_t integerAdds = -1;
  int64_t int4Matmuls = -1;
  // "conv2d 'label': why" for each quantized region left float.
  std::vector<std::string> floatQuantizedRegions;
};

// An instrumentation that fills |counts| as the pipeline runs.
std::unique_ptr<mlir::PassInstrumentation>
createPipelineCountsInstrumentation(PipelineCounts &counts);

} // namespace webnnc

#endif // WEBNNC_TRANSFORMS_PIPELINE_H_
