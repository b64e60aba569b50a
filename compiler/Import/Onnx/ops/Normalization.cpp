// SPDX-License-Identifier: Apache-2.0
// BatchNormalization (inference), InstanceNormalization, LayerNormalization.
#include "Common.h"

namespace webnnc::importer {
namespace {

void convertBatchNormalization(NodeContext &ctx) {
  if (ctx.attrInt("training_mode", 0) != 0)
    return ctx.notInWebNN("training_mode 1 (WebNN computes inference)");
  if (ctx.opset() < 9 && ctx.attrInt("spatial", 1) != 1)
    return ctx.unsupported("spatial 0 (per-activation statistics)");
  ctx.ignore("momentum"); // only updates running statistics in training
  BatchNormalizationOptions options = ctx.labelled(BatchNormalizationOptions{});
  options.epsilon = ctx.attrFloat("epsilon", 1e-5);
  options.scale = ctx.input(1);
  options.bias = ctx.input(2);
  Operand x = ctx.input(0);
  if (!ctx.failed() && x.rank() < 2)
    return ctx.invalid("X must have rank 2 or more");
  options.axis = 1;
  ctx.set(0, ctx.b().batchNormalization(x, ctx.input(3), ctx.input(4),
                                        options));
}

void convertInstanceNormalization(NodeContext &ctx) {
  InstanceNormalizationOptions options =
      ctx.labelled(InstanceNormalizationOptions{});
  options.epsilon = ctx.attrFloat("epsilon", 1e-5);
  options.scale = ctx.input(1);
  options.bias = ctx.input(2);
  ctx.set(0, ctx.b().instanceNormalization(ctx.input(0), options));
}

void convertLayerNormalization(NodeContext &ctx) {
  Operand x = ctx.input(0);
  int64_t axisAttr = ctx.attrInt("axis", -1);
  ctx.ignore("stash_type"); // float32 statistics: what WebNN computes
  if (ctx.failed())
    return;
  auto axis = normalizeAxis(axisAttr, int64_t(x.rank()));
  if (!axis)
    return ctx.invalid("axis " + std::to_string(axisAttr) +
                       " is out of range for rank " + std::to_string(x.rank()));
  LayerNormalizationOptions options = ctx.labelled(LayerNormalizationOptions{});
  options.epsilon = ctx.attrFloat("epsilon", 1e-5);
  std::vector<int64_t> axes;
  spec::Shape normalized;
  for (int64_t k = *axis; k < int64_t(x.rank()); ++k) {
    axes.push_back(k);
    normalized.push_back(x.shape()[k]);
  }
  options.axes = axes;
  // ONNX broadcasts scale and bias to the normalized shape; WebNN wants it.
  auto fit = [&](Operand t) {
    if (!t || t.shape() == normalized)
      return t;
    return ctx.b().expand(t, normalized, ctx.options());
  };
  options.scale = fit(ctx.input(1));
  if (ctx.hasInput(2))
    options.bias = fit(ctx.input(2));
  ctx.set(0, ctx.b().layerNormalization(x, options));
  if (!ctx.wantsOutput(1) && !ctx.wantsOutput(2))
    return;
  // The statistics, when asked for: mean and 1 / sqrt(variance + epsilon),
  // with the normalized axes kept as size 1.
  auto &b = ctx.b();
  spec::ReduceOptions keep = ctx.labelled(spec::ReduceOptions{});
  keep.axes = axes;
  keep.keepDimensions = true;
  Operand mean = b.reduceMean(x, keep);
  Operand centered = b.sub(x, mean, ctx.options());
  Operand variance = b.reduceMean(b.mul(centered, centered, ctx.options()),
                                  keep);
  Operand invStdDev = b.reciprocal(
      b.sqrt(b.add(variance, scalar(ctx, x.dataType(), options.epsilon),
                   ctx.options()),
             ctx.options()),
      ctx.options());
  ctx.set(1, mean);
  ctx.set(2, invStdDev);
}

} // namespace

void registerNormalizationOps(ConverterTable &t) {
  t["BatchNormalization"] = convertBatchNormalization;
  t["InstanceNormalization"] = convertInstanceNormalization;
  t["LayerNormalization"] = convertLayerNormalization;
}

} // namespace webnnc::importer
