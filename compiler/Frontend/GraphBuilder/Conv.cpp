// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: convolutions, pooling and resampling.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand GraphBuilder::conv2d(const Operand &input, const Operand &filter,
                             const Conv2dOptions &options) {
  return buildOp<webnn::Conv2dOp>(
      *impl_, this, "conv2d", {{"input", input}, {"filter", filter}}, options,
      [&](const spec::Conv2dOptions &o) {
        return spec::conv2d(input.descriptor(), filter.descriptor(), o);
      });
}

Operand GraphBuilder::convTranspose2d(const Operand &input,
                                      const Operand &filter,
                                      const ConvTranspose2dOptions &options) {
  return buildOp<webnn::ConvTranspose2dOp>(
      *impl_, this, "convTranspose2d", {{"input", input}, {"filter", filter}},
      options, [&](const spec::ConvTranspose2dOptions &o) {
        return spec::convTranspose2d(input.descriptor(), filter.descriptor(),
                                     o);
      });
}

namespace {

template <typename Op>
Operand pool(GraphBuilder::Impl &impl, const GraphBuilder *owner,
             spec::PoolKind kind, const Operand &input,
             const Pool2dOptions &options) {
  return buildOp<Op>(impl, owner, std::string(spec::toString(kind)),
                     {{"input", input}}, options,
                     [&](const Pool2dOptions &o) {
                       return spec::pool2d(kind, input.descriptor(), o);
                     });
}

} // namespace

Operand GraphBuilder::averagePool2d(const Operand &input,
                                    const Pool2dOptions &options) {
  return pool<webnn::AveragePool2dOp>(*impl_, this, spec::PoolKind::Average,
                                      input, options);
}

Operand GraphBuilder::l2Pool2d(const Operand &input,
                               const Pool2dOptions &options) {
  return pool<webnn::L2Pool2dOp>(*impl_, this, spec::PoolKind::L2, input,
                                 options);
}

Operand GraphBuilder::maxPool2d(const Operand &input,
                                const Pool2dOptions &options) {
  return pool<webnn::MaxPool2dOp>(*impl_, this, spec::PoolKind::Max, input,
                                  options);
}

Operand GraphBuilder::resample2d(const Operand &input,
                                 const Resample2dOptions &options) {
  return buildOp<webnn::Resample2dOp>(
      *impl_, this, "resample2d", {{"input", input}}, options,
      [&](const Resample2dOptions &o) {
        return spec::resample2d(input.descriptor(), o);
      });
}

} // namespace webnnc
