// SPDX-License-Identifier: Apache-2.0
// BatchNormalization (inference), InstanceNormalization, LayerNormalization,
// GroupNormalization, RMSNormalization, LpNormalization, LRN.
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
  auto axis = checkedAxis(ctx, axisAttr, int64_t(x.rank()));
  if (!axis)
    return;
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

// LpNormalization: x over its L1 or L2 norm along axis; a zero norm gives
// zeros (as ONNX Runtime computes it, not 0 / 0).
void convertLpNormalization(NodeContext &ctx) {
  Operand x = ctx.input(0);
  int64_t axisAttr = ctx.attrInt("axis", -1), p = ctx.attrInt("p", 2);
  if (ctx.failed())
    return;
  if (p != 1 && p != 2)
    return ctx.invalid("p " + std::to_string(p) + " is not 1 or 2");
  auto axis = checkedAxis(ctx, axisAttr, int64_t(x.rank()));
  if (!axis)
    return;
  auto &b = ctx.b();
  spec::ReduceOptions keep = ctx.labelled(spec::ReduceOptions{});
  keep.axes = std::vector<int64_t>{*axis};
  keep.keepDimensions = true;
  Operand norm = p == 1 ? b.reduceL1(x, keep) : b.reduceL2(x, keep);
  Operand zero = scalar(ctx, x.dataType(), 0);
  ctx.set(0, b.where(b.equal(norm, zero, ctx.options()), zero,
                     b.div(x, norm, ctx.options()), ctx.options()));
}

// RMSNormalization (opset 23): x / sqrt(mean(x^2) + epsilon) * scale, the
// mean over the dimensions from axis on (scale broadcasts to them).
void convertRMSNormalization(NodeContext &ctx) {
  Operand x = ctx.input(0), scale = ctx.input(1);
  int64_t axisAttr = ctx.attrInt("axis", -1);
  if (ctx.attrInt("stash_type", 1) != 1)
    return ctx.unsupported("stash_type other than float32");
  if (ctx.failed())
    return;
  auto axis = checkedAxis(ctx, axisAttr, int64_t(x.rank()));
  if (!axis)
    return;
  auto &b = ctx.b();
  spec::ReduceOptions keep = ctx.labelled(spec::ReduceOptions{});
  keep.axes = std::vector<int64_t>{};
  for (int64_t k = *axis; k < int64_t(x.rank()); ++k)
    keep.axes->push_back(k);
  keep.keepDimensions = true;
  Operand meanSquare = b.reduceMean(b.mul(x, x, ctx.options()), keep);
  Operand rms = b.sqrt(
      b.add(meanSquare,
            scalar(ctx, x.dataType(), ctx.attrFloat("epsilon", 1e-5)),
            ctx.options()),
      ctx.options());
  ctx.set(0, b.mul(b.div(x, rms, ctx.options()), scale, ctx.options()));
}

// GroupNormalization (opset 18, 21): the channels in num_groups groups,
// each normalized over its channels and spatial positions: a layer
// normalization of [N, G, C/G * spatial], then a per-channel scale and
// bias (opset 21; opset 18's are per group, repeated over its channels).
void convertGroupNormalization(NodeContext &ctx) {
  if (!ctx.has("num_groups"))
    return ctx.invalid("attribute 'num_groups' is required");
  int64_t groups = ctx.attrInt("num_groups", 1);
  double epsilon = ctx.attrFloat("epsilon", 1e-5);
  if (ctx.opset() >= 21 && ctx.attrInt("stash_type", 1) != 1)
    return ctx.unsupported("stash_type other than float32");
  Operand x = ctx.input(0), scale = ctx.input(1), bias = ctx.input(2);
  if (ctx.failed())
    return;
  const spec::Shape &shape = x.shape();
  if (shape.size() < 2)
    return ctx.invalid("the input needs a channel dimension");
  if (spec::isOpen(shape[1]))
    return ctx.unsupported("an open channel dimension (groups are static)");
  int64_t channels = shape[1];
  if (groups <= 0 || channels % groups)
    return ctx.invalid("num_groups " + std::to_string(groups) +
                       " does not divide the " + std::to_string(channels) +
                       " channels");
  auto &b = ctx.b();
  auto dims = ctx.dims(x);
  if (!dims)
    return;
  DimExpr perGroup(channels / groups);
  for (size_t k = 2; k < dims->size(); ++k)
    perGroup = perGroup * (*dims)[k];
  Operand grouped = ctx.reshapeTo(x, {(*dims)[0], DimExpr(groups), perGroup});
  LayerNormalizationOptions options = ctx.labelled(LayerNormalizationOptions{});
  options.axes = std::vector<int64_t>{2};
  options.epsilon = epsilon;
  Operand normalized =
      ctx.reshapeTo(b.layerNormalization(grouped, options), *dims);
  // Scale and bias along the channels, broadcast over the rest.
  spec::Shape along(shape.size(), 1);
  along[1] = channels;
  auto perChannel = [&](Operand t) {
    if (ctx.opset() < 21 && t.shape() == spec::Shape{groups} && groups != channels) {
      t = b.reshape(t, {groups, 1}, ctx.options());
      t = b.expand(t, {groups, channels / groups}, ctx.options());
    }
    if (spec::elementCount(t.shape()) != channels)
      return Operand(); // reported below
    return b.reshape(t, along, ctx.options());
  };
  Operand s = perChannel(scale), c = perChannel(bias);
  if (!s || !c)
    return ctx.invalid("scale and bias must hold one value per " +
                       std::string(ctx.opset() < 21 ? "group" : "channel"));
  ctx.set(0, b.add(b.mul(normalized, s, ctx.options()), c, ctx.options()));
}

} // namespace

// Local response normalization across channels (AlexNet, GoogLeNet):
// y = x / (bias + alpha / size * sum of x^2 over a window of channels)^beta,
// the window [c - floor((size - 1) / 2), c + ceil((size - 1) / 2)] cut at
// the edges. The window sum is a conv of ones along the channels, taken as
// the height of a one-channel image [n, 1, channels, rest].
void convertLRN(NodeContext &ctx) {
  if (!ctx.has("size"))
    return ctx.invalid("attribute 'size' is required");
  int64_t size = ctx.attrInt("size", 1);
  double alpha = ctx.attrFloat("alpha", 1e-4), beta = ctx.attrFloat("beta", 0.75);
  double bias = ctx.attrFloat("bias", 1.0);
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  if (size < 1 || size > kMaxUnsignedLong)
    return ctx.invalid("size " + std::to_string(size) + " must be positive");
  if (x.rank() < 3)
    return ctx.invalid("the input needs a batch, channels and a spatial "
                       "dimension, got rank " + std::to_string(x.rank()));
  auto dims = ctx.dims(x);
  if (!dims)
    return;
  auto &b = ctx.b();
  spec::DataType type = x.dataType();
  DimExpr rest(1);
  for (size_t k = 2; k < dims->size(); ++k)
    rest = rest * (*dims)[k];
  Operand image =
      ctx.reshapeTo(b.mul(x, x, ctx.options()),
                    {(*dims)[0], DimExpr(1), (*dims)[1], rest});
  std::vector<float> ones(size_t(size), 1.0f);
  Operand window = b.cast(
      b.constant({spec::DataType::Float32, {1, 1, size, 1}},
                 std::span<const float>(ones)),
      type, ctx.options());
  Conv2dOptions sum = ctx.labelled(Conv2dOptions{});
  sum.padding = {(size - 1) / 2, size / 2, 0, 0};
  Operand squares = ctx.reshapeTo(b.conv2d(image, window, sum), *dims);
  Operand scaled = b.add(
      b.mul(squares, scalar(ctx, type, alpha / double(size)), ctx.options()),
      scalar(ctx, type, bias), ctx.options());
  Operand denominator =
      b.pow(scaled, scalar(ctx, type, beta), ctx.options());
  ctx.set(0, b.div(x, denominator, ctx.options()));
}

void registerNormalizationOps(ConverterTable &t) {
  t["LRN"] = convertLRN;
  t["GroupNormalization"] = convertGroupNormalization;
  t["BatchNormalization"] = convertBatchNormalization;
  t["InstanceNormalization"] = convertInstanceNormalization;
  t["LayerNormalization"] = convertLayerNormalization;
  t["RMSNormalization"] = convertRMSNormalization;
  t["LpNormalization"] = convertLpNormalization;
}

} // namespace webnnc::importer
