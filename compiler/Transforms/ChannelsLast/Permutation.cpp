// SPDX-License-Identifier: Apache-2.0
#include "Permutation.h"

namespace webnnc::channels_last {
using namespace mlir;

Permutation permutationOf(webnn::TransposeOp op) {
  if (std::optional<ArrayRef<int64_t>> perm = op.getPermutation())
    return Permutation(perm->begin(), perm->end());
  int64_t rank = cast<RankedTensorType>(op.getInput().getType()).getRank();
  Permutation reversed;
  for (int64_t d = rank - 1; d >= 0; --d)
    reversed.push_back(d);
  return reversed;
}

Permutation inverse(ArrayRef<int64_t> perm) {
  Permutation inv(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    inv[perm[i]] = int64_t(i);
  return inv;
}

Permutation compose(ArrayRef<int64_t> first, ArrayRef<int64_t> second) {
  Permutation out;
  for (int64_t d : second)
    out.push_back(first[d]);
  return out;
}

bool isIdentity(ArrayRef<int64_t> perm) {
  for (size_t i = 0; i < perm.size(); ++i)
    if (perm[i] != int64_t(i))
      return false;
  return true;
}

SmallVector<int64_t> permuteShape(ArrayRef<int64_t> shape,
                                  ArrayRef<int64_t> perm) {
  SmallVector<int64_t> out;
  for (int64_t d : perm)
    out.push_back(shape[d]);
  return out;
}

bool onlyMovesUnitDims(ArrayRef<int64_t> shape, ArrayRef<int64_t> perm) {
  int64_t last = -1;
  for (int64_t d : perm) {
    if (ShapedType::isDynamic(shape[d]) || shape[d] < 0)
      return false; // an open dimension: its size is not known to be 1
    if (shape[d] == 1)
      continue;
    if (d < last)
      return false;
    last = d;
  }
  return true;
}

Value createTranspose(PatternRewriter &rewriter, Location loc, Value value,
                      ArrayRef<int64_t> perm) {
  return webnn::TransposeOp::create(rewriter, loc, value,
                                    rewriter.getDenseI64ArrayAttr(perm))
      .getResult();
}

Value createReshape(PatternRewriter &rewriter, Location loc, Value value,
                    ArrayRef<int64_t> shape) {
  // The reshapes here add or move dimensions of size 1 only, so the open
  // dimensions keep their order: the k-th open one of the result is the
  // k-th open one of the input ($i: the input's dimension i).
  SmallVector<Attribute> openSizes;
  ArrayRef<int64_t> in = cast<RankedTensorType>(value.getType()).getShape();
  size_t next = 0;
  for (int64_t d : shape) {
    if (!ShapedType::isDynamic(d))
      continue;
    while (next < in.size() && !ShapedType::isDynamic(in[next]))
      ++next;
    openSizes.push_back(rewriter.getStringAttr("$" + std::to_string(next++)));
  }
  SmallVector<int64_t> newShape(shape.begin(), shape.end());
  for (int64_t &d : newShape)
    if (ShapedType::isDynamic(d))
      d = -1;
  return webnn::ReshapeOp::create(
             rewriter, loc, value, rewriter.getDenseI64ArrayAttr(newShape),
             openSizes.empty() ? ArrayAttr() : rewriter.getArrayAttr(openSizes))
      .getResult();
}

RankedTensorType permuteType(Type type, ArrayRef<int64_t> perm) {
  auto ranked = cast<RankedTensorType>(type);
  return RankedTensorType::get(permuteShape(ranked.getShape(), perm),
                               ranked.getElementType());
}

} // namespace webnnc::channels_last
