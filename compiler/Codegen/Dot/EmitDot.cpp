// SPDX-License-Identifier: Apache-2.0
// `webnnc --emit=dot`: the planned graph for Graphviz.
#include "webnnc/Codegen/EmitDot.h"

#include "mlir/IR/SymbolTable.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace webnnc {

namespace {

// "1x20x24x24 f32"
std::string describe(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor) {
    os << type;
    return text;
  }
  if (tensor.getRank() == 0)
    os << "scalar";
  llvm::interleave(tensor.getShape(), os, "x");
  os << " " << tensor.getElementType();
  return text;
}

std::string quoted(llvm::StringRef text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') { // a line break in the label
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

class DotWriter {
public:
  explicit DotWriter(func::FuncOp graph)
      : graph_(graph), symbols_(graph->getParentOp()) {}

  std::string write() {
    os_ << "digraph " << quoted(graph_.getSymName()) << " {\n"
        << "  rankdir=TB;\n  node [shape=box, style=rounded, fontname=Helvetica];\n"
        << "  edge [fontname=Helvetica, fontsize=10];\n";
    for (auto [i, arg] : llvm::enumerate(graph_.getArguments())) {
      auto name = graph_.getArgAttrOfType<StringAttr>(
          unsigned(i), webnn::WebNNDialect::kNameAttr);
      std::string node = "input" + std::to_string(i);
      os_ << "  " << node << " [shape=ellipse, label="
          << quoted((name ? name.getValue().str() : node) + "\n" +
                    describe(arg.getType()))
          << "];\n";
      producer_[arg] = node;
    }
    int k = 0;
    for (Operation &op : graph_.getBody().front()) {
      if (auto constant = dyn_cast<webnn::ConstantOp>(op))
        writeConstant(constant);
      else if (auto call = dyn_cast<func::CallOp>(op))
        writeCall(call, k++);
      else if (auto ret = dyn_cast<func::ReturnOp>(op))
        writeOutputs(ret);
      else
        writeOther(op);
    }
    os_ << "}\n";
    return text_;
  }

private:
  std::string fresh(llvm::StringRef prefix) {
    return prefix.str() + std::to_string(next_++);
  }

  void edge(Value from, const std::string &to) {
    auto it = producer_.find(from);
    if (it == producer_.end())
      return;
    os_ << "  " << it->second << " -> " << to
        << " [label=" << quoted(describe(from.getType())) << "];\n";
  }

  void writeConstant(webnn::ConstantOp constant) {
    std::string node = fresh("weight");
    std::string label = "weight " + describe(constant.getType());
    if (constant->hasAttr("webnn.packed"))
      label += "\n(packed)";
    os_ << "  " << node << " [shape=note, fontsize=10, label="
        << quoted(label) << "];\n";
    producer_[constant.getResult()] = node;
  }

  // A cluster of the kernel's ops; edges from the call's operands go to
  // the ops reading the matching kernel arguments.
  void writeCall(func::CallOp call, int index) {
    auto kernel = symbols_.lookup<func::FuncOp>(call.getCallee());
    std::string prefix = "k" + std::to_string(index) + "_";
    os_ << "  subgraph cluster_" << index << " {\n    label="
        << quoted(call.getCallee()) << ";\n    style=dashed;\n";
    llvm::DenseMap<Value, std::string> inside;
    llvm::DenseMap<Value, std::vector<std::string>> readers;
    std::string last;
    int n = 0;
    if (kernel && !kernel.isExternal()) {
      for (Operation &op : kernel.getBody().front()) {
        if (isa<func::ReturnOp, webnn::ConstantOp>(op))
          continue;
        std::string node = prefix + std::to_string(n++);
        os_ << "    " << node << " [label="
            << quoted(op.getName().stripDialect()) << "];\n";
        for (Value operand : op.getOperands()) {
          auto it = inside.find(operand);
          if (it != inside.end())
            os_ << "    " << it->second << " -> " << node << " [label="
                << quoted(describe(operand.getType())) << "];\n";
          else if (isa<BlockArgument>(operand))
            readers[operand].push_back(node);
        }
        for (Value result : op.getResults())
          inside[result] = node;
        last = node;
      }
    }
    if (last.empty()) { // a declaration: one node for the call
      last = prefix + "0";
      os_ << "    " << last << " [label=" << quoted(call.getCallee()) << "];\n";
    }
    os_ << "  }\n";
    for (auto [i, operand] : llvm::enumerate(call.getOperands())) {
      std::vector<std::string> targets;
      if (kernel && !kernel.isExternal())
        targets = readers.lookup(kernel.getArgument(unsigned(i)));
      if (targets.empty())
        targets.push_back(last);
      for (const std::string &target : targets)
        edge(operand, target);
    }
    for (Value result : call.getResults())
      producer_[result] = last;
  }

  void writeOther(Operation &op) { // reshapes: they only relabel memory
    std::string node = fresh("op");
    os_ << "  " << node << " [shape=plaintext, label="
        << quoted(op.getName().stripDialect()) << "];\n";
    for (Value operand : op.getOperands())
      edge(operand, node);
    for (Value result : op.getResults())
      producer_[result] = node;
  }

  void writeOutputs(func::ReturnOp ret) {
    for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
      auto name = graph_.getResultAttrOfType<StringAttr>(
          unsigned(i), webnn::WebNNDialect::kNameAttr);
      std::string node = "output" + std::to_string(i);
      os_ << "  " << node << " [shape=ellipse, style=bold, label="
          << quoted(name ? name.getValue().str() : node) << "];\n";
      edge(value, node);
    }
  }

  func::FuncOp graph_;
  SymbolTable symbols_;
  std::string text_;
  llvm::raw_string_ostream os_{text_};
  llvm::DenseMap<Value, std::string> producer_;
  int next_ = 0;
};

} // namespace

std::string emitDot(func::FuncOp graph) { return DotWriter(graph).write(); }

} // namespace webnnc
