// SPDX-License-Identifier: Apache-2.0
// A WebNN graph in the webnn dialect, owning its MLIR context.
#ifndef WEBNNC_GRAPH_GRAPH_H_
#define WEBNNC_GRAPH_GRAPH_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Support/Expected.h"

namespace mlir {
class MLIRContext;
class ModuleOp;
namespace func {
class FuncOp;
} // namespace func
} // namespace mlir

namespace webnnc {

// A graph input or output: its name and descriptor.
struct NamedOperand {
  std::string name;
  spec::OperandDescriptor descriptor;
};

// A module holding one func.func: arguments are the graph's inputs, results
// its outputs, each named by a `webnn.name` attribute. Movable, not
// copyable; owns the MLIRContext the module lives in.
class Graph {
public:
  Graph(Graph &&) noexcept;
  Graph &operator=(Graph &&) noexcept;
  ~Graph();

  // Parses and verifies `.mlir` text. Errors carry file:line:col.
  static Expected<Graph, std::string> parse(std::string_view text,
                                            std::string_view bufferName);
  static Expected<Graph, std::string> parseFile(const std::string &path);

  std::vector<NamedOperand> inputs() const;
  std::vector<NamedOperand> outputs() const;

  // The graph as `.mlir` text; large constants are printed as resource
  // blobs unless |elideLargeConstants|.
  std::string toMlir(bool elideLargeConstants = false) const;

  mlir::MLIRContext &context() const;
  mlir::ModuleOp module() const;
  mlir::func::FuncOp function() const;

  // Takes ownership of |module| (created in |context|); verifies the graph
  // structure.
  static Expected<Graph, std::string>
  adopt(std::unique_ptr<mlir::MLIRContext> context, mlir::ModuleOp module);

private:
  struct Impl;
  explicit Graph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A context with every dialect webnnc uses registered and loaded.
std::unique_ptr<mlir::MLIRContext> createContext();

} // namespace webnnc

#endif // WEBNNC_GRAPH_GRAPH_H_
