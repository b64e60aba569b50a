// SPDX-License-Identifier: Apache-2.0
// The rewrites of webnn-channels-last (private to the pass).
#ifndef WEBNNC_TRANSFORMS_CHANNELSLAST_PATTERNS_H_
#define WEBNNC_TRANSFORMS_CHANNELSLAST_PATTERNS_H_

#include "mlir/IR/PatternMatch.h"

namespace webnnc::channels_last {

// nchw conv2d and pooling -> transpose, the op in nhwc, transpose back.
void populateToChannelsLastPatterns(mlir::RewritePatternSet &patterns);
// Transposes move towards the outputs through layout-agnostic ops, merge
// and cancel.
void populateSinkTransposePatterns(mlir::RewritePatternSet &patterns);

} // namespace webnnc::channels_last

#endif // WEBNNC_TRANSFORMS_CHANNELSLAST_PATTERNS_H_
