// SPDX-License-Identifier: Apache-2.0
// A main() for graph generator programs, like Halide's GenGen: the program
// builds its graph with GraphBuilder; this parses the command line and
// writes `.mlir` or compiles an object and header.
//
//   int main(int argc, char **argv) {
//     return webnnc::generatorMain(argc, argv, [](const webnnc::GeneratorParams &p) {
//       webnnc::GraphBuilder b;
//       ...
//       return b.build({{"y", y}});
//     });
//   }
//
//   ./my_graph -o my.mlir                          # the graph as .mlir
//   ./my_graph -o my.o --header my.h --target x86-64-v4
//   ./my_graph -o my.o weights=path/to/weights.bin # generator parameters
#ifndef WEBNNC_FRONTEND_GENERATORMAIN_H_
#define WEBNNC_FRONTEND_GENERATORMAIN_H_

#include <functional>
#include <map>
#include <string>

#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc {

// key=value arguments given to the generator.
class GeneratorParams {
public:
  explicit GeneratorParams(std::map<std::string, std::string> values)
      : values_(std::move(values)) {}
  // The value of |key|, or |fallback| if not given.
  std::string get(const std::string &key,
                  const std::string &fallback = "") const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }
  bool has(const std::string &key) const { return values_.count(key) != 0; }

private:
  std::map<std::string, std::string> values_;
};

// What a generator returns: the graph, or why it could not build it.
using GeneratorResult = Expected<Graph, BuildError>;

// Parses -o FILE (.mlir writes the graph; .o compiles), --header FILE,
// --name NAME, --target TARGET, --outputs a,b and key=value parameters,
// runs |generate| and writes the result. Returns the process exit code;
// errors go to stderr.
int generatorMain(int argc, char **argv,
                  const std::function<GeneratorResult(const GeneratorParams &)>
                      &generate);

} // namespace webnnc

#endif // WEBNNC_FRONTEND_GENERATORMAIN_H_
