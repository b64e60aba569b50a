// SPDX-License-Identifier: Apache-2.0
// Activations, Clip and the softmax family.
#include <cmath>

#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

template <auto Method> void convertUnary(NodeContext &ctx) {
  ctx.set(0, (ctx.b().*Method)(ctx.input(0), ctx.options()));
}

void convertElu(NodeContext &ctx) {
  ctx.set(0, ctx.b().elu(ctx.input(0),
                         ctx.labelled(spec::EluOptions{
                             .alpha = ctx.attrFloat("alpha", 1.0)})));
}

void convertSelu(NodeContext &ctx) {
  double alpha = ctx.attrFloat("alpha", 1.67326319217681884765625);
  double gamma = ctx.attrFloat("gamma", 1.05070102214813232421875);
  Operand x = ctx.input(0);
  Operand elu = ctx.b().elu(x, ctx.labelled(spec::EluOptions{.alpha = alpha}));
  ctx.set(0, ctx.b().mul(elu, scalar(ctx, x.dataType(), gamma),
                         ctx.options()));
}

// celu(x) = max(0, x) + min(0, alpha * (exp(x / alpha) - 1))
void convertCelu(NodeContext &ctx) {
  double alpha = ctx.attrFloat("alpha", 1.0);
  Operand x = ctx.input(0);
  auto &b = ctx.b();
  DataType t = x.dataType();
  Operand zero = scalar(ctx, t, 0);
  Operand expm1 = b.sub(
      b.exp(b.div(x, scalar(ctx, t, alpha), ctx.options()), ctx.options()),
      scalar(ctx, t, 1), ctx.options());
  ctx.set(0, b.add(b.max(x, zero, ctx.options()),
                   b.min(b.mul(expm1, scalar(ctx, t, alpha), ctx.options()),
                         zero, ctx.options()),
                   ctx.options()));
}

void convertLeakyRelu(NodeContext &ctx) {
  ctx.set(0, ctx.b().leakyRelu(ctx.input(0),
                               ctx.labelled(spec::LeakyReluOptions{
                                   .alpha = ctx.attrFloat("alpha", 0.01)})));
}

void convertThresholdedRelu(NodeContext &ctx) {
  double alpha = ctx.attrFloat("alpha", 1.0);
  Operand x = ctx.input(0);
  auto &b = ctx.b();
  ctx.set(0, b.where(b.greater(x, scalar(ctx, x.dataType(), alpha),
                               ctx.options()),
                     x, scalar(ctx, x.dataType(), 0), ctx.options()));
}

void convertHardSigmoid(NodeContext &ctx) {
  ctx.set(0, ctx.b().hardSigmoid(
                 ctx.input(0), ctx.labelled(spec::HardSigmoidOptions{
                                   .alpha = ctx.attrFloat("alpha", 0.2),
                                   .beta = ctx.attrFloat("beta", 0.5)})));
}

// Gelu (opset 20): erf form, or the tanh approximation
// 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
void convertGelu(NodeContext &ctx) {
  std::string approximate = ctx.attrString("approximate", "none");
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto &b = ctx.b();
  if (approximate == "none")
    return ctx.set(0, b.gelu(x, ctx.options()));
  if (approximate != "tanh")
    return ctx.invalid("approximate '" + approximate + "'");
  spec::DataType t = x.dataType();
  auto o = ctx.options();
  Operand cube = b.mul(b.mul(x, x, o), x, o);
  Operand inner = b.mul(b.add(x, b.mul(cube, scalar(ctx, t, 0.044715), o), o),
                        scalar(ctx, t, std::sqrt(2.0 / M_PI)), o);
  Operand half = b.mul(x, scalar(ctx, t, 0.5), o);
  ctx.set(0, b.mul(half, b.add(b.tanh(inner, o), scalar(ctx, t, 1.0), o), o));
}

// Mish (opset 18): x tanh(softplus(x)).
void convertMish(NodeContext &ctx) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto &b = ctx.b();
  ctx.set(0, b.mul(x, b.tanh(b.softplus(x, ctx.options()), ctx.options()),
                   ctx.options()));
}

// Swish (opset 24): x * sigmoid(alpha * x).
void convertSwish(NodeContext &ctx) {
  Operand x = ctx.input(0);
  double alpha = ctx.attrFloat("alpha", 1.0);
  if (ctx.failed())
    return;
  auto &b = ctx.b();
  Operand scaled =
      alpha == 1.0 ? x
                   : b.mul(x, scalar(ctx, x.dataType(), alpha), ctx.options());
  ctx.set(0, b.mul(x, b.sigmoid(scaled, ctx.options()), ctx.options()));
}

void convertPRelu(NodeContext &ctx) {
  ctx.set(0, ctx.b().prelu(ctx.input(0), ctx.input(1), ctx.options()));
}

void convertClip(NodeContext &ctx) {
  spec::ClampOptions options = ctx.labelled(spec::ClampOptions{});
  // Bounds computed at compute (a tensor, not a constant): max, then min.
  std::optional<Operand> lowTensor, highTensor;
  if (ctx.opset() < 11) {
    if (ctx.has("min"))
      options.minValue = ctx.attrFloat("min", 0);
    if (ctx.has("max"))
      options.maxValue = ctx.attrFloat("max", 0);
  } else {
    auto bound = [&](size_t i, std::optional<double> &value,
                     std::optional<Operand> &tensor) {
      if (!ctx.hasInput(i))
        return;
      if (const HostTensor *t = ctx.known(i)) {
        if (t->elementCount() != 1)
          return ctx.invalid(std::string(i == 1 ? "min" : "max") +
                             " must hold one element");
        value = t->at(0);
      } else {
        tensor = ctx.input(i);
      }
    };
    bound(1, options.minValue, lowTensor);
    bound(2, options.maxValue, highTensor);
  }
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto &b = ctx.b();
  if (lowTensor || highTensor) {
    // ONNX applies min first, then max (min > max gives max), as
    // min(max(x, low), high) does.
    Operand low = lowTensor ? *lowTensor
                  : options.minValue ? scalar(ctx, x.dataType(), *options.minValue)
                                     : Operand();
    Operand high = highTensor ? *highTensor
                   : options.maxValue ? scalar(ctx, x.dataType(), *options.maxValue)
                                      : Operand();
    Operand y = low ? b.max(x, low, ctx.options()) : x;
    y = high ? b.min(y, high, ctx.options()) : y;
    return ctx.set(0, y);
  }
  // ONNX clips min first, so min > max yields max everywhere; WebNN
  // rejects min > max.
  if (options.minValue && options.maxValue &&
      *options.minValue > *options.maxValue) {
    Operand hi = scalar(ctx, x.dataType(), *options.maxValue);
    return ctx.set(0, ctx.b().expand(hi, x.shape(), ctx.options()));
  }
  ctx.set(0, ctx.b().clamp(x, options));
}

// Softmax and LogSoftmax. Before opset 13 the input is flattened to 2-D at
// |axis| and normalized along the second dimension.
void softmaxFamily(NodeContext &ctx, bool logarithm) {
  bool coerce = ctx.opset() < 13;
  int64_t axisAttr = ctx.attrInt("axis", coerce ? 1 : -1);
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(x.rank());
  auto axis = normalizeAxis(axisAttr, rank == 0 ? 1 : rank);
  if (!axis)
    return ctx.invalid("axis " + std::to_string(axisAttr) +
                       " is out of range for rank " + std::to_string(rank));
  auto &b = ctx.b();
  Operand in = x;
  uint32_t along = uint32_t(*axis);
  auto dims = ctx.dims(x);
  if (!dims)
    return;
  bool flattened = false;
  if (coerce && *axis != rank - 1) {
    DimExpr outer(1), inner(1);
    for (int64_t k = 0; k < rank; ++k)
      (k < *axis ? outer : inner) = (k < *axis ? outer : inner) * (*dims)[k];
    in = ctx.reshapeTo(x, {outer, inner});
    along = 1;
    flattened = true;
  }
  Operand y;
  if (!logarithm) {
    y = b.softmax(in, along, ctx.options());
  } else {
    // x - max - log(sum(exp(x - max))), stable for large inputs.
    spec::ReduceOptions keep = ctx.labelled(spec::ReduceOptions{});
    keep.axes = std::vector<int64_t>{int64_t(along)};
    keep.keepDimensions = true;
    Operand shifted = b.sub(in, b.reduceMax(in, keep), ctx.options());
    y = b.sub(shifted,
              b.log(b.reduceSum(b.exp(shifted, ctx.options()), keep),
                    ctx.options()),
              ctx.options());
  }
  if (y && flattened)
    y = ctx.reshapeTo(y, *dims);
  ctx.set(0, y);
}

void convertSoftmax(NodeContext &ctx) { softmaxFamily(ctx, false); }
void convertLogSoftmax(NodeContext &ctx) { softmaxFamily(ctx, true); }

} // namespace

void registerActivationOps(ConverterTable &t) {
  using B = GraphBuilder;
  t["Relu"] = convertUnary<&B::relu>;
  t["Sigmoid"] = convertUnary<&B::sigmoid>;
  t["Tanh"] = convertUnary<&B::tanh>;
  t["Softplus"] = convertUnary<&B::softplus>;
  t["Softsign"] = convertUnary<&B::softsign>;
  t["HardSwish"] = convertUnary<&B::hardSwish>;
  t["Elu"] = convertElu;
  t["Selu"] = convertSelu;
  t["Celu"] = convertCelu;
  t["LeakyRelu"] = convertLeakyRelu;
  t["ThresholdedRelu"] = convertThresholdedRelu;
  t["HardSigmoid"] = convertHardSigmoid;
  t["PRelu"] = convertPRelu;
  t["Clip"] = convertClip;
  t["Gelu"] = convertGelu;
  t["Mish"] = convertMish;
  t["Swish"] = convertSwish;
  t["Softmax"] = convertSoftmax;
  t["LogSoftmax"] = convertLogSoftmax;
}

} // namespace webnnc::importer
