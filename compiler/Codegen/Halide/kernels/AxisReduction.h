// SPDX-License-Identifier: Apache-2.0
// Reducing a tensor over some of its axes (private to the kernel families).
#ifndef WEBNNC_CODEGEN_HALIDE_KERNELS_AXISREDUCTION_H_
#define WEBNNC_CODEGEN_HALIDE_KERNELS_AXISREDUCTION_H_

#include <vector>

#include "../Common.h"

namespace webnnc::halide {

// The reduction domain over |axes| of |shape|, ordered so the innermost
// WebNN dimension varies fastest (row-major order).
class AxisReduction {
public:
  // Reduces |axes| of |input| (open axes over their size at compute).
  AxisReduction(const Value &input, const std::vector<int64_t> &axes);

  const Halide::RDom &domain() const { return domain_; }
  // The input coordinates for kept coordinates |kept| (full rank; reduced
  // axes' entries are ignored): reduced axes walk the domain.
  std::vector<Halide::Expr> inputIndex(const std::vector<Halide::Expr> &kept) const;
  // Full-rank kept coordinates from output coordinates: the output keeps
  // reduced axes as size 1 (|keepDimensions|) or drops them.
  std::vector<Halide::Expr> keptIndex(const std::vector<Halide::Expr> &out,
                                      bool keepDimensions) const;
  // Elements reduced into each output element.
  Halide::Expr count() const { return count_; }
  bool isReduced(size_t axis) const { return reduced_[axis]; }
  // The output's open sizes: |input|'s for kept dimensions, none for
  // reduced ones (kept as 1 with |keepDimensions|, else dropped).
  std::vector<Halide::Expr> outputOpenExtents(const Value &input,
                                              bool keepDimensions) const;

private:
  std::vector<bool> reduced_;
  std::vector<int> domainDim_; // axis -> index into domain_, or -1
  Halide::RDom domain_;
  Halide::Expr count_ = 1;
};

// Computes |f| at root, vectorizing its innermost pure dimension when it
// is long enough and splitting its outermost across threads when |work| is
// large.
void scheduleReduction(Halide::Func f, const spec::Shape &outShape,
                       int64_t work, const Halide::Target &target);

// Deterministic kernels' reductions along memory: |f|'s update over |r|
// (a reduction's innermost RVar, contiguous in its input) as 16 partial
// results, lane k combining elements k, k + 16, k + 32, ... in order, then
// the 16 combined in order. Vectorized 16 wide on every target (AVX2
// computes each step as two 8-lane vectors), so the order of the sum, and
// its bits, do not depend on the vector width. With LLVM's loop passes off
// (as deterministic kernels are compiled) a reduction left scalar would
// keep one order too, but run several times slower.
void reduceInSixteenLanes(Halide::Func f, Halide::RVar r);

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_KERNELS_AXISREDUCTION_H_
