// SPDX-License-Identifier: Apache-2.0
// The webnnc commands, behind main.cpp's argument parsing.
#ifndef WEBNNC_TOOLS_WEBNNC_COMMANDS_H_
#define WEBNNC_TOOLS_WEBNNC_COMMANDS_H_

#include <map>
#include <string>
#include <vector>

#include "webnnc/Driver/Compiler.h"
#include "webnnc/Driver/ObjectLoader.h"

namespace webnnc::tool {

// How to read ONNX models whose input shapes are symbolic.
struct ImportFlags {
  std::vector<std::string> inputShapes; // NAME=1x3x224x224
  std::vector<std::string> dimensions;  // DIM=N (a symbolic dimension)
  std::vector<std::string> dimensionBounds; // DIM=N (bound of an open one)
};

struct CompileCommand {
  std::string input;
  std::string output;
  std::string header;
  bool stats = false;
  ImportFlags import;
  CompileOptions options;
};

struct RunCommand {
  std::string input;
  std::vector<std::string> inputs; // NAME=FILE.npy
  std::string outputDir = ".";
  bool reference = false; // compute with the reference evaluator
  int threads = 1;
  // Times N computes after warm-up and prints "median_ms: X".
  int bench = 0;
  // For bench/: after warm-up, reads a count per stdin line and answers
  // with that many compute times (ms) on one line, until end of input.
  bool benchServe = false;
  ImportFlags import;
  CompileOptions options;
};

// Loads a graph file; the format follows the extension (.mlir, .onnx). An
// ONNX model is imported computing |options.outputs| (any ONNX value),
// which then name the graph's outputs; symbolic dimensions the flags do
// not size take their sizes from |inputShapes| (by input name) if given.
Expected<Graph, std::string>
loadGraph(const std::string &path, const ImportFlags &import,
          CompileOptions &options,
          const std::map<std::string, spec::Shape> &inputShapes = {});
// "lenet" from "out/lenet.o".
std::string defaultModelName(const std::string &output,
                             const std::string &input);

// Times computes of |session| as --bench and --bench-serve ask; "" or the
// first error.
std::string benchmark(LoadedModel::Session &session, const RunCommand &command);

int runCompile(CompileCommand &command);
int runRun(RunCommand &command);
// `webnnc --limits`: MLContext.opSupportLimits() for |target| as JSON.
int runLimits(const std::string &target);
// `webnnc --version`: webnnc's, LLVM/MLIR's and Halide's versions and the
// default target.
int runVersion();

} // namespace webnnc::tool

#endif // WEBNNC_TOOLS_WEBNNC_COMMANDS_H_
