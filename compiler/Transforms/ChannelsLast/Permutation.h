// SPDX-License-Identifier: Apache-2.0
// Dimension permutations as webnn.transpose uses them: dimension i of the
// result is dimension perm[i] of the input (private to the channels-last
// patterns).
#ifndef WEBNNC_TRANSFORMS_CHANNELSLAST_PERMUTATION_H_
#define WEBNNC_TRANSFORMS_CHANNELSLAST_PERMUTATION_H_

#include "mlir/IR/PatternMatch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

namespace webnnc::channels_last {

using Permutation = llvm::SmallVector<int64_t, 4>;

inline constexpr int64_t kToNhwc[] = {0, 2, 3, 1};
inline constexpr int64_t kToNchw[] = {0, 3, 1, 2};

// |op|'s permutation; without the attribute the spec reverses the
// dimensions.
Permutation permutationOf(mlir::webnn::TransposeOp op);
Permutation inverse(llvm::ArrayRef<int64_t> perm);
// The permutation of transposing by |first|, then by |second|.
Permutation compose(llvm::ArrayRef<int64_t> first,
                    llvm::ArrayRef<int64_t> second);
bool isIdentity(llvm::ArrayRef<int64_t> perm);
// |shape| transposed by |perm|.
llvm::SmallVector<int64_t> permuteShape(llvm::ArrayRef<int64_t> shape,
                                        llvm::ArrayRef<int64_t> perm);
// Whether transposing |shape| by |perm| keeps the order of every dimension
// larger than 1 (static shapes only): the data does not move, so the
// transpose is a reshape.
bool onlyMovesUnitDims(llvm::ArrayRef<int64_t> shape,
                       llvm::ArrayRef<int64_t> perm);

// A webnn.transpose of |value| by |perm|.
mlir::Value createTranspose(mlir::PatternRewriter &rewriter,
                            mlir::Location loc, mlir::Value value,
                            llvm::ArrayRef<int64_t> perm);
// |value| reshaped to |shape| (same element count).
mlir::Value createReshape(mlir::PatternRewriter &rewriter, mlir::Location loc,
                          mlir::Value value, llvm::ArrayRef<int64_t> shape);

// |type| with its shape transposed by |perm|.
mlir::RankedTensorType permuteType(mlir::Type type,
                                   llvm::ArrayRef<int64_t> perm);

} // namespace webnnc::channels_last

#endif // WEBNNC_TRANSFORMS_CHANNELSLAST_PERMUTATION_H_
