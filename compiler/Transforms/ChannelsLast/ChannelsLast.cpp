// SPDX-License-Identifier: Apache-2.0
// webnn-channels-last: convolutions and pooling in nhwc, with transposes
// only where the graph's layout meets the kernels'.
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

struct ChannelsLast : impl::WebNNChannelsLastPassBase<ChannelsLast> {
  using Base::Base;

  void runOnOperation() override {
    FailureOr<func::FuncOp> graph = requireGraphFunction(getOperation());
    if (failed(graph))
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    channels_last::populateToChannelsLastPatterns(patterns);
    channels_last::populateSinkTransposePatterns(patterns);
    if (failed(applyPatternsGreedily(*graph, std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
