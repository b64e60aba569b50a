// SPDX-License-Identifier: Apache-2.0
// Conv, ConvTranspose and pooling. 1-D ops are imported as 2-D ops of
// height 1 between two reshapes; 3-D ones are not supported (WebNN's
// convolutions and pools are 2-D).
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::Shape;

// The node's 2-D geometry: input rank 4 (2-D) or 3 (1-D, lifted to 2-D).
struct Spatial {
  bool oneD = false;
  Operand input;
  Shape outShape; // filled by the caller
};

bool liftInput(NodeContext &ctx, Spatial &s, const char *what) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return false;
  if (x.rank() == 3) {
    s.oneD = true;
    auto d = ctx.dims(x);
    if (!d)
      return false;
    s.input = ctx.reshapeTo(x, {(*d)[0], (*d)[1], DimExpr(1), (*d)[2]});
    if (!s.input) {
      ctx.set(0, s.input); // reports the reshape's error
      return false;
    }
    return true;
  }
  if (x.rank() != 4) {
    ctx.notInWebNN(std::string(what) + " on rank " + std::to_string(x.rank()) +
                   " input (WebNN's are 2-D: rank 4, or 3 lifted)");
    return false;
  }
  s.input = x;
  return true;
}

// A 2-D attribute: [h, w] for 2-D ops; for 1-D ops [lifted, v], where
// |lifted| is the value that leaves the added height-1 axis alone.
std::optional<std::vector<int64_t>> pair(NodeContext &ctx, const Spatial &s,
                                         const std::string &name,
                                         int64_t defaultValue,
                                         int64_t lifted = 1) {
  size_t n = s.oneD ? 1 : 2;
  std::vector<int64_t> v =
      ctx.attrInts(name, std::vector<int64_t>(n, defaultValue));
  if (v.size() != n) {
    ctx.invalid(name + " must hold " + std::to_string(n) + " values, it holds " +
                std::to_string(v.size()));
    return std::nullopt;
  }
  // ONNX's defaults are also the smallest valid values (1 for strides,
  // dilations and kernel sizes, 0 for output padding and sizes); WebNN
  // takes them as unsigned long.
  for (int64_t value : v)
    if (value < defaultValue || value > kMaxUnsignedLong) {
      ctx.invalid(name + " holds " + std::to_string(value) + ", not in [" +
                  std::to_string(defaultValue) + ", " +
                  std::to_string(kMaxUnsignedLong) + "]");
      return std::nullopt;
    }
  if (s.oneD)
    v.insert(v.begin(), lifted);
  return v;
}

// The extent a kernel covers with its dilations, (kernel - 1) * dilation
// + 1 per axis, if it fits WebNN's unsigned long.
std::optional<std::vector<int64_t>>
dilatedWindow(NodeContext &ctx, const std::vector<int64_t> &kernel,
              const std::vector<int64_t> &dilations) {
  std::vector<int64_t> window;
  for (size_t k = 0; k < 2; ++k) {
    __int128 extent = __int128(kernel[k] - 1) * dilations[k] + 1;
    if (extent > kMaxUnsignedLong) {
      ctx.invalid("the dilated kernel (" + std::to_string(kernel[k]) +
                  " taps, dilation " + std::to_string(dilations[k]) +
                  ") spans more than " + std::to_string(kMaxUnsignedLong));
      return std::nullopt;
    }
    window.push_back(int64_t(extent));
  }
  return window;
}

Operand lower(NodeContext &ctx, const Spatial &s, Operand y) {
  if (!s.oneD || !y)
    return y;
  auto d = ctx.dims(y);
  if (!d)
    return {};
  return ctx.reshapeTo(y, {(*d)[0], (*d)[1], (*d)[3]});
}

// What Conv and ConvTranspose share: the lifted input and filter, strides,
// dilations and the dilated window.
struct ConvGeometry {
  Spatial s;
  Operand filter;
  std::vector<int64_t> strides, dilations, window;
  int64_t inputHeight = 0, inputWidth = 0;
};

std::optional<ConvGeometry> readConv(NodeContext &ctx, const char *what) {
  ConvGeometry g;
  if (!liftInput(ctx, g.s, what))
    return std::nullopt;
  Operand w = ctx.input(1);
  if (ctx.failed())
    return std::nullopt;
  if (w.rank() != g.s.input.rank() - (g.s.oneD ? 1 : 0))
    return ctx.invalid("W must have the input's rank"), std::nullopt;
  if (g.s.oneD) {
    auto ws = ctx.dims(w);
    if (!ws)
      return std::nullopt;
    w = ctx.reshapeTo(w, {(*ws)[0], (*ws)[1], DimExpr(1), (*ws)[2]});
    if (!w)
      return ctx.set(0, w), std::nullopt;
  }
  auto strides = pair(ctx, g.s, "strides", 1);
  auto dilations = pair(ctx, g.s, "dilations", 1);
  if (!strides || !dilations)
    return std::nullopt;
  Shape ws = w.shape();
  if (ctx.has("kernel_shape")) {
    auto kernel = pair(ctx, g.s, "kernel_shape", 1);
    if (!kernel)
      return std::nullopt;
    if ((*kernel)[0] != ws[2] || (*kernel)[1] != ws[3])
      return ctx.invalid("kernel_shape does not match W's shape " +
                         spec::toString(ws)),
             std::nullopt;
  }
  g.filter = w;
  g.strides = *strides;
  g.dilations = *dilations;
  auto window = dilatedWindow(ctx, {ws[2], ws[3]}, g.dilations);
  if (!window)
    return std::nullopt;
  g.window = *window;
  g.inputHeight = g.s.input.shape()[2];
  g.inputWidth = g.s.input.shape()[3];
  return g;
}

void convertConv(NodeContext &ctx) {
  auto g = readConv(ctx, "Conv");
  if (!g)
    return;
  auto padding = spatialPadding(ctx, {g->inputHeight, g->inputWidth},
                                g->window, g->strides, g->s.oneD);
  if (!padding)
    return;
  Conv2dOptions options = ctx.labelled(Conv2dOptions{});
  options.padding = *padding;
  options.strides = g->strides;
  options.dilations = g->dilations;
  options.groups = ctx.attrInt("group", 1);
  if (ctx.hasInput(2))
    options.bias = ctx.input(2);
  ctx.set(0, lower(ctx, g->s, ctx.b().conv2d(g->s.input, g->filter, options)));
}

// A total padding split over both ends, the odd one at the end
// (SAME_UPPER) or at the start (SAME_LOWER).
void appendSamePadding(std::vector<int64_t> &padding, int64_t total,
                       const std::string &autoPad) {
  int64_t small = total / 2, large = total - small;
  if (autoPad == "SAME_LOWER")
    padding.insert(padding.end(), {large, small});
  else
    padding.insert(padding.end(), {small, large});
}

void convertConvTranspose(NodeContext &ctx) {
  auto g = readConv(ctx, "ConvTranspose");
  if (!g)
    return;
  const Spatial &s = g->s;
  auto outputPadding = pair(ctx, s, "output_padding", 0, 0);
  if (!outputPadding)
    return;
  Shape xs = s.input.shape();
  const std::vector<int64_t> &strides = g->strides, &window = g->window;
  ConvTranspose2dOptions options = ctx.labelled(ConvTranspose2dOptions{});
  options.strides = strides;
  options.dilations = g->dilations;
  options.groups = ctx.attrInt("group", 1);
  std::string autoPad = ctx.attrString("auto_pad", "NOTSET");
  std::vector<int64_t> outputShape;
  if (ctx.has("output_shape")) {
    auto shape = pair(ctx, s, "output_shape", 0);
    if (!shape)
      return;
    outputShape = *shape;
  }
  bool openSpatial = spec::isOpen(xs[2]) || spec::isOpen(xs[3]);
  if (openSpatial && !outputShape.empty())
    return ctx.unsupported("output_shape for an input whose height or width "
                           "is open");
  if (openSpatial && (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")) {
    // The output is input * stride whatever the input's size: the total
    // padding (ONNX's stride * (in - 1) + output_padding + window - out)
    // does not depend on it; too little output becomes outputPadding.
    options.outputPadding = *outputPadding;
    for (size_t k = 0; k < 2; ++k) {
      int64_t total = (*outputPadding)[k] + window[k] - strides[k];
      if (total < 0) {
        options.padding.insert(options.padding.end(), {0, 0});
        options.outputPadding[k] -= total;
        continue;
      }
      appendSamePadding(options.padding, total, autoPad);
    }
    ctx.attrInts("pads");
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" ||
             !outputShape.empty()) {
    // Total padding from the wanted output size (ONNX's formula).
    // (In 128 bits: each term fits in 32 or 64, their sums may not.)
    std::vector<__int128> want(outputShape.begin(), outputShape.end());
    if (want.empty())
      want = {__int128(xs[2]) * strides[0], __int128(xs[3]) * strides[1]};
    for (size_t k = 0; k < 2; ++k) {
      __int128 total128 = __int128(strides[k]) * (xs[2 + k] - 1) +
                          (*outputPadding)[k] + window[k] - want[k];
      if (want[k] > kMaxUnsignedLong || total128 > kMaxUnsignedLong)
        return ctx.invalid("the output size or its padding along axis " +
                           std::to_string(2 + k) + " exceeds " +
                           std::to_string(kMaxUnsignedLong));
      int64_t total = int64_t(total128);
      if (total < 0) {
        // More output than the input covers: WebNN's outputSizes puts the
        // extra rows after the last input row, as ONNX does.
        options.padding.insert(options.padding.end(), {0, 0});
        continue;
      }
      appendSamePadding(options.padding, total, autoPad);
    }
    options.outputSizes = {int64_t(want[0]), int64_t(want[1])};
    ctx.attrInts("pads");
  } else {
    auto padding = spatialPadding(ctx, {xs[2], xs[3]}, window, strides,
                                  s.oneD);
    if (!padding)
      return;
    options.padding = *padding;
    options.outputPadding = *outputPadding;
  }
  if (ctx.hasInput(2))
    options.bias = ctx.input(2);
  ctx.set(0, lower(ctx, s, ctx.b().convTranspose2d(s.input, g->filter, options)));
}

enum class PoolKind { Average, Max, L2 };

Operand pool(NodeContext &ctx, PoolKind kind, Operand x,
             const Pool2dOptions &options) {
  switch (kind) {
  case PoolKind::Average:
    return ctx.b().averagePool2d(x, options);
  case PoolKind::Max:
    return ctx.b().maxPool2d(x, options);
  case PoolKind::L2:
    return ctx.b().l2Pool2d(x, options);
  }
  return {};
}

void convertPool(NodeContext &ctx, PoolKind kind) {
  Spatial s;
  if (!liftInput(ctx, s, ctx.opType().c_str()))
    return;
  if (kind == PoolKind::L2 && ctx.attrInt("p", 2) != 2)
    return ctx.unsupported("LpPool with p other than 2");
  if (kind == PoolKind::Max && ctx.attrInt("storage_order", 0) != 0)
    return ctx.notInWebNN("storage_order 1 (column major indices)");
  if (kind == PoolKind::Max && ctx.wantsOutput(1))
    return ctx.notInWebNN("the Indices output (WebNN's pools return values)");
  if (!ctx.has("kernel_shape"))
    return ctx.invalid("attribute 'kernel_shape' is required");
  auto kernel = pair(ctx, s, "kernel_shape", 1);
  auto strides = pair(ctx, s, "strides", 1);
  auto dilations = pair(ctx, s, "dilations", 1);
  if (!kernel || !strides || !dilations)
    return;
  auto window = dilatedWindow(ctx, *kernel, *dilations);
  if (!window)
    return;
  Shape xs = s.input.shape();
  auto padding = spatialPadding(ctx, {xs[2], xs[3]}, *window, *strides, s.oneD);
  if (!padding)
    return;
  Pool2dOptions options = ctx.labelled(Pool2dOptions{});
  options.windowDimensions = *kernel;
  options.strides = *strides;
  options.dilations = *dilations;
  if (ctx.attrInt("ceil_mode", 0))
    options.outputShapeRounding = spec::RoundingType::Ceil;
  Operand x = s.input;
  bool countPad = kind == PoolKind::Average &&
                  ctx.attrInt("count_include_pad", 0) != 0;
  if (countPad) {
    // Padding counts as zeros: pad explicitly, then pool without padding.
    bool any = false;
    for (int64_t p : *padding)
      any |= p != 0;
    if (any && options.outputShapeRounding == spec::RoundingType::Ceil)
      return ctx.unsupported("count_include_pad with ceil_mode");
    if (any) {
      x = ctx.b().pad(x, {0, 0, (*padding)[0], (*padding)[2]},
                      {0, 0, (*padding)[1], (*padding)[3]},
                      ctx.labelled(spec::PadOptions{}));
      padding = std::vector<int64_t>{0, 0, 0, 0};
    }
  }
  options.padding = *padding;
  ctx.set(0, lower(ctx, s, pool(ctx, kind, x, options)));
}

template <PoolKind Kind> void convertPoolOp(NodeContext &ctx) {
  convertPool(ctx, Kind);
}

template <PoolKind Kind> void convertGlobalPool(NodeContext &ctx) {
  Spatial s;
  if (!liftInput(ctx, s, ctx.opType().c_str()))
    return;
  if (Kind == PoolKind::L2 && ctx.attrInt("p", 2) != 2)
    return ctx.unsupported("GlobalLpPool with p other than 2");
  Shape xs = s.input.shape();
  if (spec::isOpen(xs[2]) || spec::isOpen(xs[3])) {
    // The window is the whole image, sized at compute: a reduction over
    // height and width computes the same.
    spec::ReduceOptions reduce = ctx.labelled(spec::ReduceOptions{});
    reduce.axes = std::vector<int64_t>{2, 3};
    reduce.keepDimensions = true;
    auto &b = ctx.b();
    Operand y = Kind == PoolKind::Average ? b.reduceMean(s.input, reduce)
                : Kind == PoolKind::Max   ? b.reduceMax(s.input, reduce)
                                          : b.reduceL2(s.input, reduce);
    return ctx.set(0, lower(ctx, s, y));
  }
  Pool2dOptions options = ctx.labelled(Pool2dOptions{});
  options.windowDimensions = {xs[2], xs[3]};
  ctx.set(0, lower(ctx, s, pool(ctx, Kind, s.input, options)));
}

} // namespace

void registerConvPoolOps(ConverterTable &t) {
  t["Conv"] = convertConv;
  t["ConvTranspose"] = convertConvTranspose;
  t["AveragePool"] = convertPoolOp<PoolKind::Average>;
  t["MaxPool"] = convertPoolOp<PoolKind::Max>;
  t["LpPool"] = convertPoolOp<PoolKind::L2>;
  t["GlobalAveragePool"] = convertGlobalPool<PoolKind::Average>;
  t["GlobalMaxPool"] = convertGlobalPool<PoolKind::Max>;
  t["GlobalLpPool"] = convertGlobalPool<PoolKind::L2>;
}

} // namespace webnnc::importer
