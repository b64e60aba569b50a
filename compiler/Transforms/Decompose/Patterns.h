// SPDX-License-Identifier: Apache-2.0
// The decomposition patterns, one per op (private to webnn-decompose).
#ifndef WEBNNC_TRANSFORMS_DECOMPOSE_PATTERNS_H_
#define WEBNNC_TRANSFORMS_DECOMPOSE_PATTERNS_H_

#include "mlir/IR/PatternMatch.h"

namespace webnnc::decompose {

// split -> one slice per part.
void populateSplitPatterns(mlir::RewritePatternSet &patterns);
// gru, gruCell, lstm, lstmCell -> gemm and element-wise ops, one cell per
// step.
void populateRecurrentPatterns(mlir::RewritePatternSet &patterns);

} // namespace webnnc::decompose

#endif // WEBNNC_TRANSFORMS_DECOMPOSE_PATTERNS_H_
