// SPDX-License-Identifier: Apache-2.0
// The passes that work on a module's graph function share how they find
// it: GraphPass<Derived, impl::WebNNXPassBase> finds it (or fails the pass
// with requireGraphFunction's error) and calls Derived::runOnGraph(graph).
#ifndef WEBNNC_TRANSFORMS_GRAPHPASS_H_
#define WEBNNC_TRANSFORMS_GRAPHPASS_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"

namespace webnnc {

template <typename Derived, template <typename> class PassBase>
class GraphPass : public PassBase<Derived> {
public:
  using PassBase<Derived>::PassBase;

  void runOnOperation() final {
    mlir::FailureOr<mlir::func::FuncOp> graph =
        requireGraphFunction(this->getOperation());
    if (mlir::failed(graph))
      return this->signalPassFailure();
    static_cast<Derived *>(this)->runOnGraph(*graph);
  }
};

} // namespace webnnc

#endif // WEBNNC_TRANSFORMS_GRAPHPASS_H_
