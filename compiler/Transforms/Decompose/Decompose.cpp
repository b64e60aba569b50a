// SPDX-License-Identifier: Apache-2.0
// webnn-decompose: rewrite ops with several results into single-result
// ops, which is all kernel generation and the graph glue handle.
#include "Patterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNDECOMPOSEPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

struct Decompose : impl::WebNNDecomposePassBase<Decompose> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    decompose::populateSplitPatterns(patterns);
    decompose::populateRecurrentPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
