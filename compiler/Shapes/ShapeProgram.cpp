// SPDX-License-Identifier: Apache-2.0
// The ShapeProgram itself: interned size nodes, their arithmetic and
// requirements, and their conversion to and from spec::DimExpr. The rules
// that fill one from a graph are BuildShapeProgram.cpp's.
#include "webnnc/Shapes/ShapeProgram.h"

using namespace mlir;

namespace webnnc {

int ShapeProgram::intern(Node node) {
  auto key = std::make_tuple(int(node.kind), node.value, node.lhs, node.rhs);
  auto [it, inserted] = interned_.try_emplace(key, int(nodes_.size()));
  if (inserted)
    nodes_.push_back(node);
  return it->second;
}

int ShapeProgram::constant(int64_t value) {
  return intern({Kind::Constant, value});
}

int ShapeProgram::inputDim(int64_t flatIndex) {
  return intern({Kind::InputDim, flatIndex});
}

int ShapeProgram::add(int lhs, int rhs) {
  if (isConstant(lhs) && isConstant(rhs))
    return constant(nodes_[lhs].value + nodes_[rhs].value);
  if (isConstant(rhs) && nodes_[rhs].value == 0)
    return lhs;
  return intern({Kind::Add, 0, lhs, rhs});
}

int ShapeProgram::mul(int lhs, int rhs) {
  if (isConstant(lhs) && isConstant(rhs))
    return constant(nodes_[lhs].value * nodes_[rhs].value);
  if (isConstant(rhs) && nodes_[rhs].value == 1)
    return lhs;
  if (isConstant(lhs) && nodes_[lhs].value == 1)
    return rhs;
  return intern({Kind::Mul, 0, lhs, rhs});
}

int ShapeProgram::floorDiv(int lhs, int64_t divisor) {
  if (divisor == 1)
    return lhs;
  if (isConstant(lhs) && nodes_[lhs].value >= 0)
    return constant(nodes_[lhs].value / divisor);
  return intern({Kind::FloorDiv, 0, lhs, constant(divisor)});
}

int ShapeProgram::ceilDiv(int lhs, int64_t divisor) {
  if (divisor == 1)
    return lhs;
  if (isConstant(lhs) && nodes_[lhs].value >= 0)
    return constant((nodes_[lhs].value + divisor - 1) / divisor);
  return intern({Kind::CeilDiv, 0, lhs, constant(divisor)});
}

void ShapeProgram::requireEqual(int lhs, int rhs, std::string message) {
  if (lhs == rhs)
    return;
  checks_.push_back({true, lhs, rhs, std::move(message)});
}

void ShapeProgram::requireAtLeast(int lhs, int64_t min, std::string message) {
  if (isConstant(lhs) && nodes_[lhs].value >= min)
    return;
  checks_.push_back({false, lhs, constant(min), std::move(message)});
}

void ShapeProgram::nameInputDim(int64_t flatIndex, const std::string &name) {
  inputDimNames_[flatIndex] = name;
  namedInputDims_.try_emplace(name, inputDim(flatIndex));
}

FailureOr<int> ShapeProgram::fromExpression(const spec::DimExpr &expr,
                                            const Dims *opInput,
                                            std::string &error) {
  std::function<FailureOr<int>(const spec::DimExpr &)> build =
      [&](const spec::DimExpr &e) -> FailureOr<int> {
    int sum = constant(0);
    for (const auto &[monomial, coefficient] : e.terms()) {
      int product = constant(coefficient);
      for (const spec::DimExpr::Atom &atom : monomial) {
        int factor;
        if (atom.name.empty()) {
          FailureOr<int> inner = build(*atom.numerator);
          if (failed(inner))
            return failure();
          factor = atom.ceil ? ceilDiv(*inner, atom.divisor)
                             : floorDiv(*inner, atom.divisor);
        } else if (atom.name[0] == '$') {
          size_t i = std::stoul(atom.name.substr(1));
          if (!opInput || i >= opInput->size()) {
            error = "size expression names input dimension " + atom.name +
                    ", which the op's input does not have";
            return failure();
          }
          factor = (*opInput)[i];
        } else {
          auto it = namedInputDims_.find(atom.name);
          if (it == namedInputDims_.end()) {
            error = "size expression names '" + atom.name +
                    "', which is not an open dimension of a graph input";
            return failure();
          }
          factor = it->second;
        }
        product = mul(product, factor);
      }
      sum = add(sum, product);
    }
    return sum;
  };
  return build(expr);
}

spec::DimExpr ShapeProgram::toExpression(int node) const {
  const Node &n = nodes_[node];
  switch (n.kind) {
  case Kind::Constant:
    return spec::DimExpr(n.value);
  case Kind::InputDim: {
    auto it = inputDimNames_.find(n.value);
    return spec::DimExpr::symbol(it != inputDimNames_.end()
                                     ? it->second
                                     : "#" + std::to_string(n.value));
  }
  case Kind::Add:
    return toExpression(n.lhs) + toExpression(n.rhs);
  case Kind::Mul:
    return toExpression(n.lhs) * toExpression(n.rhs);
  case Kind::FloorDiv:
    return toExpression(n.lhs).floorDiv(nodes_[n.rhs].value);
  case Kind::CeilDiv:
    return toExpression(n.lhs).ceilDiv(nodes_[n.rhs].value);
  }
  return spec::DimExpr();
}

} // namespace webnnc
