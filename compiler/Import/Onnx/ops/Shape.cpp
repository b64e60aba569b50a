// SPDX-License-Identifier: Apache-2.0
// Shape and data-movement ops, constants and shape queries (Slice and Pad
// are SlicePad.cpp's). The ones that shape computations use fold on the
// host when their inputs are known.
#include <algorithm>
#include <cmath>

#include "../TensorProto.h"
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;
using spec::Shape;

// Output |i| is |input| reshaped to |shape|: on the host when known.
void setReshaped(NodeContext &ctx, size_t i, const Shape &shape) {
  if (spec::elementCount(shape) <= kMaxKnownElements)
    if (const HostTensor *t = ctx.known(0))
      return ctx.setKnown(i, host::reshaped(*t, shape));
  ctx.set(i, ctx.b().reshape(ctx.input(0), shape, ctx.options()));
}

// The same with sizes that may be known only at compute.
void setReshaped(NodeContext &ctx, size_t i, const std::vector<DimExpr> &shape) {
  Shape fixed;
  for (const DimExpr &e : shape)
    if (auto v = e.constantValue())
      fixed.push_back(*v);
  if (fixed.size() == shape.size())
    return setReshaped(ctx, i, fixed);
  Operand x = ctx.input(0);
  if (!ctx.failed())
    ctx.set(i, ctx.reshapeTo(x, shape));
}

DimExpr product(const std::vector<DimExpr> &dims, size_t from, size_t to) {
  DimExpr out(1);
  for (size_t k = from; k < to; ++k)
    out = out * dims[k];
  return out;
}

// Reshape over open dimensions or to sizes known only at compute: 0 copies
// the input's size, -1 is the input's element count over the others'
// product (an exact division of expressions), and the runtime checks the
// element count.
void reshapeOpen(NodeContext &ctx, const std::vector<DimExpr> &target,
                 bool allowZero) {
  auto in = ctx.inputDims(0);
  if (!in)
    return;
  std::vector<DimExpr> shape;
  std::optional<size_t> inferred;
  DimExpr others(1);
  for (size_t k = 0; k < target.size(); ++k) {
    DimExpr d = target[k];
    std::optional<int64_t> v = d.constantValue();
    if (v && *v == 0 && !allowZero) {
      if (k >= in->size())
        return ctx.invalid("shape copies dimension " + std::to_string(k) +
                           " the input does not have");
      d = (*in)[k];
    } else if (v && *v == -1) {
      if (inferred)
        return ctx.invalid("shape has more than one -1");
      inferred = k;
      shape.push_back(DimExpr(1));
      continue;
    } else if (v && (*v < 0 || *v > spec::kMaxDimension)) {
      return ctx.invalid("shape holds " + std::to_string(*v));
    }
    others = others * d;
    shape.push_back(d);
  }
  if (inferred) {
    DimExpr total = product(*in, 0, in->size());
    std::optional<DimExpr> q = total.exactDiv(others);
    if (!q)
      return ctx.unsupported("cannot infer -1 as (" + total.toString() +
                             ") / (" + others.toString() +
                             "), which is not an exact division");
    shape[*inferred] = *q;
  }
  setReshaped(ctx, 0, shape);
}

void convertReshape(NodeContext &ctx) {
  std::vector<int64_t> target;
  bool allowZero = ctx.attrInt("allowzero", 0) != 0;
  if (ctx.opset() < 5) {
    target = ctx.attrInts("shape");
  } else if (ctx.holdsOpenSizes(1)) {
    if (auto sizes = ctx.sizeList(1, "shape"))
      reshapeOpen(ctx, *sizes, allowZero);
    return;
  } else {
    auto v = ctx.constantInts(1, "shape");
    if (!v)
      return;
    target = *v;
  }
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  if (spec::hasOpenDims(in))
    return reshapeOpen(ctx, std::vector<DimExpr>(target.begin(), target.end()),
                       allowZero);
  Shape shape;
  int64_t inferred = -1, known = 1;
  for (size_t k = 0; k < target.size(); ++k) {
    int64_t d = target[k];
    if (d == 0 && !allowZero) {
      if (k >= in.size())
        return ctx.invalid("shape copies dimension " + std::to_string(k) +
                           " the input does not have");
      d = in[k];
    }
    if (d == -1) {
      if (inferred >= 0)
        return ctx.invalid("shape has more than one -1");
      inferred = int64_t(k);
      shape.push_back(1);
      continue;
    }
    if (d < 0)
      return ctx.invalid("shape holds " + std::to_string(d));
    // A hostile shape must not overflow the product (the input's own
    // element count is at most 2^31-1).
    if (d > spec::kMaxDimension || __builtin_mul_overflow(known, d, &known))
      return ctx.invalid("shape holds " + std::to_string(d) +
                         ", more elements than any tensor has");
    shape.push_back(d);
  }
  int64_t total = spec::elementCount(in);
  if (inferred >= 0) {
    if (known == 0 || total % known != 0)
      return ctx.invalid("cannot infer -1: " + std::to_string(total) +
                         " elements do not divide by " + std::to_string(known));
    shape[inferred] = total / known;
  }
  if (inferred < 0 && known != total)
    return ctx.invalid("shape " + spec::toString(shape) + " holds " +
                       std::to_string(known) +
                       " elements, the input " + std::to_string(total));
  setReshaped(ctx, 0, shape);
}

void convertFlatten(NodeContext &ctx) {
  int64_t axisAttr = ctx.attrInt("axis", 1);
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(in.size());
  int64_t axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
  if (axis < 0 || axis > rank)
    return ctx.invalid("axis " + std::to_string(axisAttr) +
                       " is out of range for rank " + std::to_string(rank));
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  setReshaped(ctx, 0, {product(*dims, 0, size_t(axis)),
                       product(*dims, size_t(axis), size_t(rank))});
}

// Axes from the attribute (before opset 13) or input 1.
std::optional<std::vector<int64_t>> axesOperand(NodeContext &ctx) {
  if (ctx.opset() < 13)
    return ctx.attrInts("axes");
  if (!ctx.hasInput(1))
    return std::vector<int64_t>{};
  return ctx.constantInts(1, "axes");
}

void convertSqueeze(NodeContext &ctx) {
  auto axes = axesOperand(ctx);
  const Shape &in = ctx.inputShape(0);
  if (!axes || ctx.failed())
    return;
  std::vector<bool> drop(in.size(), false);
  if (axes->empty()) {
    if (spec::hasOpenDims(in))
      return ctx.unsupported("Squeeze without axes over open dimensions "
                             "(which axes are 1 is known only at compute)");
    for (size_t k = 0; k < in.size(); ++k)
      drop[k] = in[k] == 1;
  } else {
    auto normalized = normalizeAxes(ctx, *axes, int64_t(in.size()), "axes");
    if (!normalized)
      return;
    for (int64_t a : *normalized) {
      if (spec::isOpen(in[a]))
        return ctx.unsupported("squeezing axis " + std::to_string(a) +
                               ", which is open");
      if (in[a] != 1)
        return ctx.invalid("cannot squeeze axis " + std::to_string(a) +
                           " of size " + std::to_string(in[a]));
      drop[a] = true;
    }
  }
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  std::vector<DimExpr> shape;
  for (size_t k = 0; k < in.size(); ++k)
    if (!drop[k])
      shape.push_back((*dims)[k]);
  setReshaped(ctx, 0, shape);
}

void convertUnsqueeze(NodeContext &ctx) {
  auto axes = axesOperand(ctx);
  const Shape &in = ctx.inputShape(0);
  if (!axes || ctx.failed())
    return;
  int64_t rank = int64_t(in.size() + axes->size());
  auto normalized = normalizeAxes(ctx, *axes, rank, "axes");
  if (!normalized)
    return;
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  std::vector<DimExpr> shape;
  size_t from = 0;
  for (int64_t k = 0; k < rank; ++k) {
    if (std::count(normalized->begin(), normalized->end(), k))
      shape.push_back(DimExpr(1));
    else
      shape.push_back((*dims)[from++]);
  }
  setReshaped(ctx, 0, shape);
}

void convertTranspose(NodeContext &ctx) {
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  std::vector<int64_t> perm = ctx.attrInts("perm");
  if (perm.empty())
    for (int64_t k = int64_t(in.size()) - 1; k >= 0; --k)
      perm.push_back(k);
  if (perm.size() != in.size())
    return ctx.invalid("perm must hold " + std::to_string(in.size()) +
                       " axes");
  if (spec::elementCount(in) <= kMaxKnownElements)
    if (const HostTensor *t = ctx.known(0)) {
      auto valid = normalizeAxes(ctx, perm, int64_t(in.size()), "perm");
      if (!valid)
        return;
      return ctx.setKnown(0, host::transpose(*t, *valid));
    }
  spec::TransposeOptions options = ctx.labelled(spec::TransposeOptions{});
  options.permutation = perm;
  ctx.set(0, ctx.b().transpose(ctx.input(0), options));
}

void convertConcat(NodeContext &ctx) {
  if (!ctx.has("axis"))
    return ctx.invalid("attribute 'axis' is required");
  int64_t axisAttr = ctx.attrInt("axis", 0);
  if (ctx.inputCount() == 0)
    return ctx.invalid("needs at least one input");
  // Empty inputs (shape arithmetic's empty lists) add nothing.
  std::vector<size_t> parts;
  for (size_t i = 0; i < ctx.inputCount(); ++i)
    if (ctx.emptyInput(i))
      ctx.known(i);
    else
      parts.push_back(i);
  if (parts.empty())
    return ctx.setKnown(0, *ctx.known(0));
  const Shape &first = ctx.inputShape(parts[0]);
  if (ctx.failed())
    return;
  auto axis = checkedAxis(ctx, axisAttr, int64_t(first.size()));
  if (!axis)
    return;
  std::vector<const HostTensor *> known;
  int64_t total = 0;
  bool same = true;
  for (size_t i : parts) {
    const HostTensor *t = ctx.known(i);
    if (!t)
      break;
    known.push_back(t);
    total += int64_t(t->elementCount());
    same &= t->dataType() == known[0]->dataType() &&
            t->shape().size() == first.size();
  }
  if (known.size() == parts.size() && same && total <= kMaxKnownElements) {
    for (const HostTensor *p : known)
      for (size_t k = 0; k < first.size(); ++k)
        if (int64_t(k) != *axis && p->shape()[k] != first[k])
          return ctx.invalid("inputs differ outside the concat axis");
    return ctx.setKnown(0, host::concat(known, *axis));
  }
  std::vector<Operand> inputs;
  for (size_t i : parts)
    inputs.push_back(ctx.input(i));
  ctx.set(0, ctx.b().concat(inputs, uint32_t(*axis), ctx.options()));
}

void convertSplit(NodeContext &ctx) {
  int64_t axisAttr = ctx.attrInt("axis", 0);
  std::vector<int64_t> sizes;
  if (ctx.opset() < 13) {
    sizes = ctx.attrInts("split");
  } else if (ctx.hasInput(1)) {
    auto v = ctx.constantInts(1, "split");
    if (!v)
      return;
    sizes = *v;
  }
  // Opset 18: num_outputs parts of ceil(size / num_outputs), the last one
  // smaller when the size does not divide.
  int64_t numOutputs = ctx.opset() >= 18 ? ctx.attrInt("num_outputs", 0) : 0;
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto axis = checkedAxis(ctx, axisAttr, int64_t(x.rank()));
  if (!axis)
    return;
  spec::SplitOptions options = ctx.labelled(spec::SplitOptions{});
  options.axis = *axis;
  size_t count = ctx.outputCount();
  if (numOutputs != 0) {
    if (!sizes.empty())
      return ctx.invalid("takes num_outputs or split, not both");
    if (numOutputs != int64_t(count))
      return ctx.invalid("num_outputs is " + std::to_string(numOutputs) +
                         " but the node has " + std::to_string(count) +
                         " outputs");
    int64_t size = x.shape()[size_t(*axis)];
    if (spec::isOpen(size))
      return ctx.unsupported("num_outputs over an open dimension");
    int64_t chunk = (size + numOutputs - 1) / numOutputs;
    for (int64_t done = 0; done < size; done += chunk)
      sizes.push_back(std::min(chunk, size - done));
    if (int64_t(sizes.size()) != numOutputs)
      return ctx.invalid("dimension " + std::to_string(size) +
                         " cannot make " + std::to_string(numOutputs) +
                         " non-empty parts");
  }
  std::vector<Operand> parts =
      sizes.empty() ? ctx.b().split(x, uint32_t(count), options)
                    : ctx.b().split(x, sizes, options);
  if (parts.size() != count)
    return ctx.invalid("split makes " + std::to_string(parts.size()) +
                       " parts for " + std::to_string(count) + " outputs");
  for (size_t i = 0; i < count; ++i)
    ctx.set(i, parts[i]);
}

// ONNX's two-way broadcast of |in| with |target|, over sizes that may be
// expressions: a size of 1 takes the other, equal sizes stay; two
// different expressions cannot be decided.
std::optional<std::vector<DimExpr>>
broadcastDims(NodeContext &ctx, const std::vector<DimExpr> &in,
              const std::vector<DimExpr> &target) {
  size_t rank = std::max(in.size(), target.size());
  std::vector<DimExpr> out(rank);
  for (size_t k = 0; k < rank; ++k) {
    const DimExpr one(1);
    const DimExpr &a = k + in.size() >= rank ? in[k + in.size() - rank] : one;
    const DimExpr &b =
        k + target.size() >= rank ? target[k + target.size() - rank] : one;
    if (a == b || b == one) {
      out[k] = a;
    } else if (a == one) {
      out[k] = b;
    } else if (a.isConstant() && b.isConstant()) {
      ctx.invalid("shape dimension " + b.toString() +
                  " does not broadcast with the input's " + a.toString());
      return std::nullopt;
    } else {
      ctx.unsupported("cannot tell whether " + a.toString() + " and " +
                      b.toString() + " broadcast (known only at compute)");
      return std::nullopt;
    }
  }
  return out;
}

void convertExpand(NodeContext &ctx) {
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  if (ctx.holdsOpenSizes(1) || spec::hasOpenDims(in)) {
    auto target = ctx.sizeList(1, "shape");
    auto dims = target ? ctx.inputDims(0) : std::nullopt;
    if (!dims)
      return;
    auto shape = broadcastDims(ctx, *dims, *target);
    if (!shape)
      return;
    Operand x = ctx.input(0);
    if (ctx.failed())
      return;
    if (*shape == *dims)
      return ctx.set(0, ctx.b().identity(x, ctx.options()));
    return ctx.set(0, ctx.expandTo(x, *shape));
  }
  auto target = ctx.constantInts(1, "shape");
  if (!target)
    return;
  // ONNX broadcasts both ways: the result is the broadcast of both shapes.
  auto shape = host::broadcast(in, *target);
  if (!shape)
    return ctx.invalid("shape " + spec::toString(*target) +
                       " does not broadcast with the input's " +
                       spec::toString(in));
  if (spec::elementCount(*shape) <= kMaxKnownElements)
    if (const HostTensor *t = ctx.known(0))
      return ctx.setKnown(0, host::expand(*t, *shape));
  if (*shape == in)
    return ctx.set(0, ctx.b().identity(ctx.input(0), ctx.options()));
  ctx.set(0, ctx.b().expand(ctx.input(0), *shape, ctx.options()));
}

void convertTile(NodeContext &ctx) {
  auto repeats = ctx.constantInts(1, "repeats");
  if (!repeats)
    return;
  ctx.set(0, ctx.b().tile(ctx.input(0), *repeats, ctx.options()));
}

// Shape and Size: constants where the sizes are static; over open
// dimensions, sizes the runtime knows at compute (SizeTensor), which the
// shape arithmetic after them computes on.
void convertShape(NodeContext &ctx) {
  int64_t rank = int64_t(ctx.inputRank(0));
  int64_t start = ctx.attrInt("start", 0), end = ctx.attrInt("end", rank);
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
  end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
  SizeTensor out{DataType::Int64, {std::max<int64_t>(end - start, 0)}, {}};
  for (int64_t k = start; k < end; ++k)
    out.values.push_back((*dims)[size_t(k)]);
  ctx.setSizes(0, std::move(out));
}

void convertSize(NodeContext &ctx) {
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  ctx.setSizes(0, {DataType::Int64, {}, {product(*dims, 0, dims->size())}});
}

void convertConstant(NodeContext &ctx) {
  if (const onnx::TensorProto *tensor = ctx.attrTensor("value")) {
    auto decoded = decodeTensor(*tensor, "");
    if (!decoded)
      return ctx.notInWebNN(decoded.error());
    return ctx.setKnown(0, std::move(*decoded));
  }
  if (ctx.has("value_float"))
    return ctx.setKnown(0, HostTensor::fromDoubles(
                               {DataType::Float32, {}},
                               std::vector<double>{ctx.attrFloat("value_float", 0)}));
  if (ctx.has("value_int"))
    return ctx.setKnown(
        0, host::reshaped(host::ints({ctx.attrInt("value_int", 0)}), {}));
  if (ctx.has("value_floats")) {
    std::vector<double> values = ctx.attrFloats("value_floats");
    return ctx.setKnown(0, HostTensor::fromDoubles(
                               {DataType::Float32, {int64_t(values.size())}},
                               values));
  }
  if (ctx.has("value_ints"))
    return ctx.setKnown(0, host::ints(ctx.attrInts("value_ints")));
  if (ctx.has("sparse_value"))
    return ctx.unsupported("sparse_value");
  ctx.unsupported("a Constant without a numeric value");
}

void convertConstantOfShape(NodeContext &ctx) {
  bool open = ctx.holdsOpenSizes(0);
  auto shape = open ? std::optional<std::vector<int64_t>>(std::vector<int64_t>{})
                    : ctx.constantInts(0, "input");
  if (!shape)
    return;
  HostTensor value = HostTensor::fromDoubles({DataType::Float32, {1}},
                                             std::vector<double>{0});
  if (const onnx::TensorProto *tensor = ctx.attrTensor("value")) {
    auto decoded = decodeTensor(*tensor, "");
    if (!decoded)
      return ctx.notInWebNN(decoded.error());
    if (decoded->elementCount() != 1)
      return ctx.invalid("value must hold one element");
    value = std::move(*decoded);
  }
  Operand one = ctx.b().constant({value.dataType(), {}},
                                 std::span<const std::byte>(value.data(),
                                                            value.byteSize()));
  if (open) {
    if (auto sizes = ctx.sizeList(0, "input"))
      ctx.set(0, ctx.expandTo(one, *sizes));
    return;
  }
  spec::OperandDescriptor desc{value.dataType(), *shape};
  if (auto error = spec::checkDescriptor(desc, "output"))
    return ctx.notInWebNN(error->rule);
  if (spec::elementCount(*shape) <= kMaxKnownElements)
    return ctx.setKnown(0, host::expand(host::reshaped(value, {}), *shape));
  ctx.set(0, ctx.b().expand(one, *shape, ctx.options()));
}

// Range whose limit is known only at compute (positions up to a sequence
// length): start + delta * (exclusive running count of ones).
void rangeToOpenLimit(NodeContext &ctx) {
  auto start = ctx.constantScalar(0, "start");
  auto delta = start ? ctx.constantScalar(2, "delta") : std::nullopt;
  auto limit = delta ? ctx.sizeList(1, "limit") : std::nullopt;
  if (!limit)
    return;
  DataType type = ctx.inputType(1);
  if (limit->size() != 1 || *start != std::floor(*start) ||
      *delta != std::floor(*delta) || *delta == 0)
    return ctx.unsupported("a Range to a limit known only at compute with a "
                           "fractional or zero start or delta");
  int64_t s = int64_t(*start), d = int64_t(*delta);
  DimExpr span = d > 0 ? (*limit)[0] - DimExpr(s) : DimExpr(s) - (*limit)[0];
  DimExpr count = span.ceilDiv(d > 0 ? d : -d);
  auto &b = ctx.b();
  Operand ones = ctx.expandTo(scalar(ctx, type, 1), {count});
  spec::CumulativeSumOptions options = ctx.labelled(spec::CumulativeSumOptions{});
  options.exclusive = true;
  Operand index = b.cumulativeSum(ones, 0, options);
  if (d != 1)
    index = b.mul(index, scalar(ctx, type, double(d)), ctx.options());
  if (s != 0)
    index = b.add(index, scalar(ctx, type, double(s)), ctx.options());
  ctx.set(0, index);
}

void convertRange(NodeContext &ctx) {
  if (ctx.holdsOpenSizes(1) && !ctx.holdsOpenSizes(0) && !ctx.holdsOpenSizes(2))
    return rangeToOpenLimit(ctx);
  const HostTensor *start = ctx.known(0), *limit = ctx.known(1),
                   *delta = ctx.known(2);
  for (size_t i = 0; i < 3; ++i)
    if (!ctx.known(i))
      return ctx.notKnown(i, "start, limit and delta (the result's size "
                             "depends on them)");
  double s = start->at(0), l = limit->at(0), d = delta->at(0);
  if (d == 0)
    return ctx.invalid("delta must not be 0");
  // In double until it is known to fit (NaN, infinities and huge counts
  // would make the conversion to int64 undefined).
  double count = std::ceil((l - s) / d);
  if (std::isnan(count))
    return ctx.invalid("start, limit and delta give no element count (NaN)");
  if (count <= 0)
    return ctx.notInWebNN("an empty result (WebNN has no empty tensors)");
  if (count > double(int64_t(1) << 26))
    return ctx.unsupported("a Range of " + std::to_string(count) +
                           " elements");
  int64_t n = int64_t(count);
  HostTensor out({start->dataType(), {n}});
  for (int64_t i = 0; i < n; ++i)
    out.set(i, s + double(i) * d);
  ctx.setKnown(0, std::move(out));
}

void convertDropout(NodeContext &ctx) {
  ctx.ignore("seed");
  if (ctx.opset() < 12) {
    ctx.ignore("ratio");
  } else {
    if (ctx.hasInput(1))
      ctx.known(1); // the ratio does nothing at inference
    if (ctx.hasInput(2)) {
      auto training = ctx.constantScalar(2, "training_mode");
      if (!training)
        return;
      // Training with a ratio of 0 drops nothing and scales by 1 (torch
      // exports functional dropout with p=0 so).
      bool dropsNothing = false;
      if (const HostTensor *ratio = ctx.hasInput(1) ? ctx.known(1) : nullptr)
        dropsNothing = ratio->elementCount() == 1 && ratio->at(0) == 0;
      if (*training != 0 && !dropsNothing)
        return ctx.notInWebNN("training_mode true with a ratio that is not a "
                              "constant 0 "
                              "(WebNN computes inference)");
    }
  }
  ctx.forward(0, 0);
  if (ctx.wantsOutput(1)) {
    // The mask of kept elements: all of them.
    auto dims = ctx.inputDims(0);
    if (!dims)
      return;
    ctx.set(1, ctx.expandTo(scalar(ctx, DataType::Uint8, 1), *dims));
  }
}

void convertTrilu(NodeContext &ctx) {
  spec::TriangularOptions options = ctx.labelled(spec::TriangularOptions{});
  options.upper = ctx.attrInt("upper", 1) != 0;
  if (ctx.hasInput(1)) {
    auto k = ctx.constantScalar(1, "k");
    if (!k)
      return;
    options.diagonal = int64_t(*k);
  }
  ctx.set(0, ctx.b().triangular(ctx.input(0), options));
}

// DepthToSpace and SpaceToDepth: a reshape, a transpose and a reshape.
void rearrange(NodeContext &ctx, const std::vector<DimExpr> &split,
               const std::vector<int64_t> &perm,
               const std::vector<DimExpr> &out) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  x = ctx.reshapeTo(x, split);
  spec::TransposeOptions options = ctx.labelled(spec::TransposeOptions{});
  options.permutation = perm;
  ctx.set(0, ctx.reshapeTo(ctx.b().transpose(x, options), out));
}

void convertDepthToSpace(NodeContext &ctx) {
  int64_t bs = ctx.attrInt("blocksize", 0);
  std::string mode = ctx.attrString("mode", "DCR");
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  // (blocksize squared divides the channels, so blocksize <= channels,
  // checked first: its square must not overflow.)
  if (in.size() != 4 || spec::isOpen(in[1]) || bs <= 0 || bs > in[1] ||
      in[1] % (bs * bs) != 0)
    return ctx.invalid("needs a rank-4 input whose channels (static) divide "
                       "by blocksize squared");
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  DimExpr n = (*dims)[0], c(in[1] / (bs * bs)), h = (*dims)[2],
          w = (*dims)[3], k(bs);
  std::vector<DimExpr> out = {n, c, h * k, w * k};
  if (mode == "DCR")
    return rearrange(ctx, {n, k, k, c, h, w}, {0, 3, 4, 1, 5, 2}, out);
  if (mode == "CRD")
    return rearrange(ctx, {n, c, k, k, h, w}, {0, 1, 4, 2, 5, 3}, out);
  ctx.invalid("mode '" + mode + "' is not DCR or CRD");
}

void convertSpaceToDepth(NodeContext &ctx) {
  int64_t bs = ctx.attrInt("blocksize", 0);
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  auto divides = [&](int64_t d) { return spec::isOpen(d) || d % bs == 0; };
  if (in.size() != 4 || bs <= 0 || !divides(in[2]) || !divides(in[3]))
    return ctx.invalid("needs a rank-4 input whose height and width divide "
                       "by blocksize");
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  // An open height or width that does not divide fails the reshape's
  // element-count check at compute.
  DimExpr n = (*dims)[0], c = (*dims)[1], h = (*dims)[2].floorDiv(bs),
          w = (*dims)[3].floorDiv(bs), k(bs);
  rearrange(ctx, {n, c, h, k, w, k}, {0, 3, 5, 1, 2, 4}, {n, c * k * k, h, w});
}

} // namespace

void registerShapeOps(ConverterTable &t) {
  t["Reshape"] = convertReshape;
  t["Flatten"] = convertFlatten;
  t["Squeeze"] = convertSqueeze;
  t["Unsqueeze"] = convertUnsqueeze;
  t["Transpose"] = convertTranspose;
  t["Concat"] = convertConcat;
  t["Split"] = convertSplit;
  t["Expand"] = convertExpand;
  t["Tile"] = convertTile;
  t["Shape"] = convertShape;
  t["Size"] = convertSize;
  t["Constant"] = convertConstant;
  t["ConstantOfShape"] = convertConstantOfShape;
  t["Range"] = convertRange;
  t["Dropout"] = convertDropout;
  t["Trilu"] = convertTrilu;
  t["DepthToSpace"] = convertDepthToSpace;
  t["SpaceToDepth"] = convertSpaceToDepth;
}

} // namespace webnnc::importer
