// SPDX-License-Identifier: Apache-2.0
// webnn-channels-last: convolutions and pooling in nhwc, with transposes
// only where the graph's layout meets the kernels'.
#include "../GraphPass.h"
#include "Patterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNCHANNELSLASTPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

struct ChannelsLast : GraphPass<ChannelsLast, impl::WebNNChannelsLastPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    RewritePatternSet patterns(&getContext());
    channels_last::populateToChannelsLastPatterns(patterns);
    channels_last::populateSinkTransposePatterns(patterns);
    if (failed(applyPatternsGreedily(graph, std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
