// SPDX-License-Identifier: Apache-2.0
// The sizes of a graph with open dimensions, as a program over the input
// sizes.
//
// A graph whose inputs have open dimensions (`?`) has tensors whose sizes
// are known only at compute. The ShapeProgram gives every dimension of
// every tensor as a node of a small straight-line program over the input
// dimensions (constants fold, so a static dimension is a constant node),
// plus the checks compute must pass before any kernel runs: sizes that must
// agree (matmul's K, broadcast operands), windows that must fit. The glue
// evaluates it; a static graph's program is all constants and no checks.
#ifndef WEBNNC_SHAPES_SHAPEPROGRAM_H_
#define WEBNNC_SHAPES_SHAPEPROGRAM_H_

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/Spec/DimExpr.h"

namespace webnnc {

class ShapeProgram {
public:
  enum class Kind { Constant, InputDim, Add, Mul, FloorDiv, CeilDiv };
  // Operands are earlier nodes; FloorDiv/CeilDiv divide a non-negative
  // node (a check guarantees it) by a positive constant node.
  struct Node {
    Kind kind;
    int64_t value = 0; // Constant: the value; InputDim: the flat index
    int lhs = -1, rhs = -1;
  };
  // Compute fails with |message| unless node lhs == node rhs (equal) or
  // node lhs >= node rhs.
  struct Check {
    bool equal;
    int lhs, rhs;
    std::string message;
  };
  using Dims = llvm::SmallVector<int, 4>;

  int constant(int64_t value);
  // Dimension |flatIndex| of the concatenated input shapes.
  int inputDim(int64_t flatIndex);
  int add(int lhs, int rhs);
  int mul(int lhs, int rhs);
  int floorDiv(int lhs, int64_t divisor);
  int ceilDiv(int lhs, int64_t divisor);
  void requireEqual(int lhs, int rhs, std::string message);
  void requireAtLeast(int lhs, int64_t min, std::string message);

  bool isConstant(int node) const {
    return nodes_[node].kind == Kind::Constant;
  }
  bool isConstant(int node, int64_t value) const {
    return isConstant(node) && nodes_[node].value == value;
  }

  // Names input dimension |flatIndex| (an open one): size expressions
  // (webnnc/Spec/DimExpr.h) refer to it by |name|.
  void nameInputDim(int64_t flatIndex, const std::string &name);
  // The node computing |expr|: its names are graph input dimensions, $i
  // is dimension i of |opInput| (the dims of the op's input). Fails with
  // a message naming what it cannot resolve.
  mlir::FailureOr<int> fromExpression(const spec::DimExpr &expr,
                                      const Dims *opInput,
                                      std::string &error);
  // |node| as an expression over the graph inputs' named dimensions.
  spec::DimExpr toExpression(int node) const;
  const std::vector<Node> &nodes() const { return nodes_; }
  const std::vector<Check> &checks() const { return checks_; }

  // The dimensions of |value| (a graph argument or a value of the graph's
  // body), in order.
  const Dims &dimsOf(mlir::Value value) const { return dims_.at(value); }
  void setDims(mlir::Value value, Dims dims) { dims_[value] = std::move(dims); }
  // Whether any tensor of the graph has an open dimension.
  bool isDynamic() const { return dynamic_; }
  void markDynamic() { dynamic_ = true; }

private:
  int intern(Node node);

  std::vector<Node> nodes_;
  std::vector<Check> checks_;
  std::map<int64_t, std::string> inputDimNames_; // flat index -> name
  std::map<std::string, int> namedInputDims_;    // name -> first node
  std::map<std::tuple<int, int64_t, int, int>, int> interned_;
  llvm::DenseMap<mlir::Value, Dims> dims_;
  bool dynamic_ = false;
};

// Builds the program of an outlined graph (kernel calls, constants,
// reshapes; the kernels' bodies give the rules). Fails with an error on
// |graph| for an op whose sizes it cannot express.
mlir::FailureOr<ShapeProgram> buildShapeProgram(mlir::func::FuncOp graph);

} // namespace webnnc

#endif // WEBNNC_SHAPES_SHAPEPROGRAM_H_
