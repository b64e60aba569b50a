// SPDX-License-Identifier: Apache-2.0
// Builds webnn ops for the decomposition patterns, inferring result types
// (private to the decompositions).
#ifndef WEBNNC_TRANSFORMS_DECOMPOSE_OPEMITTER_H_
#define WEBNNC_TRANSFORMS_DECOMPOSE_OPEMITTER_H_

#include "mlir/IR/PatternMatch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::decompose {

class OpEmitter {
public:
  OpEmitter(mlir::PatternRewriter &rewriter, mlir::Location loc)
      : rewriter_(rewriter), loc_(loc) {}

  // Open (-1) sizes run to the end of the input's dimension.
  mlir::Value slice(mlir::Value input, llvm::ArrayRef<int64_t> starts,
                    llvm::ArrayRef<int64_t> sizes);
  // Open sizes of |shape| (-1 or dynamic) are the input's open sizes, in
  // order (reshapes that add or drop unit dimensions).
  mlir::Value reshape(mlir::Value input, llvm::ArrayRef<int64_t> shape);
  mlir::Value transpose(mlir::Value input, llvm::ArrayRef<int64_t> permutation);
  // Inputs joined along |axis|; a single input is returned as is.
  mlir::Value concat(mlir::ValueRange inputs, int64_t axis);
  // a * b^T + c (c may be null).
  mlir::Value gemmTransposedB(mlir::Value a, mlir::Value b, mlir::Value c);
  mlir::Value add(mlir::Value a, mlir::Value b);
  mlir::Value sub(mlir::Value a, mlir::Value b);
  mlir::Value mul(mlir::Value a, mlir::Value b);
  mlir::Value activation(webnnc::spec::RecurrentNetworkActivation fn,
                         mlir::Value input);
  // A constant of |shape| filled with zeros of |elementType|.
  mlir::Value zeros(mlir::Type elementType, llvm::ArrayRef<int64_t> shape);
  // Zeros of shape [rows, columns], |rows| being |like|'s first dimension
  // (which may be open).
  mlir::Value zerosLike(mlir::Type elementType, mlir::Value like,
                        int64_t columns);

  // The |index|-th slice of |value| along its first dimension, without
  // that dimension; null stays null.
  mlir::Value select(mlir::Value value, int64_t index);

private:
  template <typename Op>
  mlir::Value create(mlir::ValueRange operands,
                     llvm::ArrayRef<mlir::NamedAttribute> attrs = {}) {
    return Op::create(rewriter_, loc_, operands, attrs)->getResult(0);
  }
  mlir::NamedAttribute array(llvm::StringRef name,
                             llvm::ArrayRef<int64_t> values) {
    return rewriter_.getNamedAttr(name, rewriter_.getDenseI64ArrayAttr(values));
  }

  mlir::PatternRewriter &rewriter_;
  mlir::Location loc_;
};

} // namespace webnnc::decompose

#endif // WEBNNC_TRANSFORMS_DECOMPOSE_OPEMITTER_H_
