// SPDX-License-Identifier: Apache-2.0
// The webnnc commands, behind main.cpp's argument parsing.
#ifndef WEBNNC_TOOLS_WEBNNC_COMMANDS_H_
#define WEBNNC_TOOLS_WEBNNC_COMMANDS_H_

#include <map>
#include <string>
#include <vector>

#include "webnnc/Driver/Compiler.h"

namespace webnnc::tool {

struct CompileCommand {
  std::string input;
  std::string output;
  std::string header;
  bool stats = false;
  CompileOptions options;
};

struct RunCommand {
  std::string input;
  std::vector<std::string> inputs; // NAME=FILE.npy
  std::string outputDir = ".";
  bool reference = false; // compute with the reference evaluator
  int threads = 1;
  CompileOptions options;
};

// Loads a graph file; the format follows the extension (.mlir).
Expected<Graph, std::string> loadGraph(const std::string &path);
// "lenet" from "out/lenet.o".
std::string defaultModelName(const std::string &output,
                             const std::string &input);

int runCompile(CompileCommand &command);
int runRun(RunCommand &command);

} // namespace webnnc::tool

#endif // WEBNNC_TOOLS_WEBNNC_COMMANDS_H_
