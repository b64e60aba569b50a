// SPDX-License-Identifier: Apache-2.0
// Graph: parsing, structural verification, printing.
#include "webnnc/Graph/Graph.h"

#include <regex>

#include <set>

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

namespace webnnc {

struct Graph::Impl {
  std::unique_ptr<mlir::MLIRContext> context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Graph::Graph(Graph &&) noexcept = default;
Graph &Graph::operator=(Graph &&) noexcept = default;
Graph::~Graph() {
  // The module must die before the context that owns its storage.
  if (impl_)
    impl_->module = nullptr;
}

std::unique_ptr<mlir::MLIRContext> createContext() {
  mlir::DialectRegistry registry;
  registry.insert<mlir::webnn::WebNNDialect, mlir::func::FuncDialect>();
  auto context = std::make_unique<mlir::MLIRContext>(registry);
  context->loadAllAvailableDialects();
  return context;
}

namespace {

// Checks the graph's shape: one function; named, valid inputs and outputs.
llvm::LogicalResult verifyGraphStructure(mlir::ModuleOp module) {
  auto functions = module.getOps<mlir::func::FuncOp>();
  int count = std::distance(functions.begin(), functions.end());
  if (count != 1)
    return module.emitError()
           << "a graph module must hold exactly one func.func, found "
           << count;
  mlir::func::FuncOp func = *functions.begin();
  if (func.isExternal())
    return func.emitError("the graph function has no body");

  auto checkOperands = [&](llvm::StringRef role, mlir::TypeRange types,
                           auto nameAt) -> llvm::LogicalResult {
    std::set<std::string> names;
    for (auto [i, type] : llvm::enumerate(types)) {
      auto name = nameAt(i);
      if (!name || name.getValue().empty())
        return func.emitError() << role << " #" << i << " has no '"
                                << mlir::webnn::WebNNDialect::kNameAttr
                                << "' string attribute";
      auto desc = mlir::webnn::getDescriptor(type);
      if (!desc)
        return func.emitError()
               << role << " '" << name.getValue()
               << "' must be a ranked tensor of a WebNN data type, got "
               << type;
      if (auto error = spec::checkDescriptor(*desc, name.getValue().str(),
                                             /*allowOpen=*/true))
        return func.emitError() << role << " '" << error->operand
                                << "': " << error->rule;
      if (!names.insert(name.getValue().str()).second)
        return func.emitError()
               << role << " name '" << name.getValue() << "' is not unique";
    }
    return llvm::success();
  };
  auto argName = [&](unsigned i) {
    return func.getArgAttrOfType<mlir::StringAttr>(
        i, mlir::webnn::WebNNDialect::kNameAttr);
  };
  auto resultName = [&](unsigned i) {
    return func.getResultAttrOfType<mlir::StringAttr>(
        i, mlir::webnn::WebNNDialect::kNameAttr);
  };
  if (failed(checkOperands("input", func.getArgumentTypes(), argName)) ||
      failed(checkOperands("output", func.getResultTypes(), resultName)))
    return llvm::failure();
  if (func.getNumResults() == 0)
    return func.emitError("a graph needs at least one output");
  return llvm::success();
}

std::vector<NamedOperand> namedOperands(mlir::TypeRange types,
                                        auto nameAt) {
  std::vector<NamedOperand> out;
  for (auto [i, type] : llvm::enumerate(types))
    out.push_back({nameAt(i).getValue().str(),
                   *mlir::webnn::getDescriptor(type)});
  return out;
}

} // namespace

Expected<Graph, std::string>
Graph::adopt(std::unique_ptr<mlir::MLIRContext> context,
             mlir::ModuleOp module) {
  auto impl = std::make_unique<Impl>();
  impl->module = module;
  impl->context = std::move(context);
  std::string errors;
  {
    llvm::raw_string_ostream os(errors);
    mlir::ScopedDiagnosticHandler handler(
        impl->context.get(), [&](mlir::Diagnostic &diag) {
          os << diag.getLocation() << ": " << diag << "\n";
          return mlir::success();
        });
    if (failed(mlir::verify(module)) || failed(verifyGraphStructure(module)))
      return errors.empty() ? std::string("invalid graph") : errors;
  }
  return Graph(std::move(impl));
}

Expected<Graph, std::string> Graph::parse(std::string_view text,
                                          std::string_view bufferName) {
  auto context = createContext();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(text.data(), text.size()),
          llvm::StringRef(bufferName.data(), bufferName.size())),
      llvm::SMLoc());
  std::string errors;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  {
    llvm::raw_string_ostream os(errors);
    mlir::SourceMgrDiagnosticHandler handler(sourceMgr, context.get(), os);
    module = mlir::parseSourceFile<mlir::ModuleOp>(
        sourceMgr, mlir::ParserConfig(context.get()));
    if (!module)
      return errors.empty() ? std::string("could not parse ") +
                                  std::string(bufferName)
                            : errors;
    // Verify with the source manager attached, so errors show file:line:col.
    if (failed(verifyGraphStructure(*module)))
      return errors;
  }
  mlir::ModuleOp raw = module.release();
  return adopt(std::move(context), raw);
}

Expected<Graph, std::string> Graph::parseFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (!buffer)
    return "cannot read '" + path + "': " + buffer.getError().message();
  return parse(std::string_view((*buffer)->getBufferStart(),
                                (*buffer)->getBufferSize()),
               path);
}

std::vector<NamedOperand> Graph::inputs() const {
  mlir::func::FuncOp func = function();
  return namedOperands(func.getArgumentTypes(), [&](unsigned i) {
    return func.getArgAttrOfType<mlir::StringAttr>(
        i, mlir::webnn::WebNNDialect::kNameAttr);
  });
}

std::vector<NamedOperand> Graph::outputs() const {
  mlir::func::FuncOp func = function();
  return namedOperands(func.getResultTypes(), [&](unsigned i) {
    return func.getResultAttrOfType<mlir::StringAttr>(
        i, mlir::webnn::WebNNDialect::kNameAttr);
  });
}

namespace {
// Printed, an unknown location would override the file:line:col the parser
// gives an op when the text is read back; only the labels are worth
// keeping. The printer names locations by alias (`#loc3 = loc(unknown)`).
void dropUnknownLocations(std::string &text) {
  std::regex aliasDef(R"((#loc[0-9]*) = loc\(unknown\)\n)");
  std::smatch match;
  std::vector<std::string> unknown;
  std::string rest = text;
  while (std::regex_search(rest, match, aliasDef)) {
    unknown.push_back(match[1]);
    rest = match.suffix();
  }
  unknown.push_back("unknown");
  for (const std::string &alias : unknown) {
    std::string use = " loc(" + alias + ")";
    for (size_t at = text.find(use); at != std::string::npos;
         at = text.find(use, at))
      text.erase(at, use.size());
    std::string def = alias + " = loc(unknown)\n";
    if (size_t at = text.find(def); at != std::string::npos)
      text.erase(at, def.size());
  }
}
} // namespace

std::string Graph::toMlir(bool elideLargeConstants) const {
  std::string text;
  llvm::raw_string_ostream os(text);
  mlir::OpPrintingFlags flags;
  if (elideLargeConstants) // for reading: not meant to be parsed again
    flags.elideLargeElementsAttrs(16).elideLargeResourceString(64);
  else // op labels are NameLocs, and --outputs may name them
    flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  module()->print(os, flags);
  if (!elideLargeConstants)
    dropUnknownLocations(text);
  return text;
}

mlir::MLIRContext &Graph::context() const { return *impl_->context; }
mlir::ModuleOp Graph::module() const { return *impl_->module; }
mlir::func::FuncOp Graph::function() const {
  return *module().getOps<mlir::func::FuncOp>().begin();
}

} // namespace webnnc
