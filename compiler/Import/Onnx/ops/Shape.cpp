// SPDX-License-Identifier: Apache-2.0
// Shape and data-movement ops, constants and shape queries. The ones that
// shape computations use fold on the host when their inputs are known.
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

void convertReshape(NodeContext &ctx) {
  std::vector<int64_t> target;
  if (ctx.opset() < 5) {
    target = ctx.attrInts("shape");
  } else {
    auto v = ctx.constantInts(1, "shape");
    if (!v)
      return;
    target = *v;
  }
  bool allowZero = ctx.attrInt("allowzero", 0) != 0;
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  if (spec::hasOpenDims(in))
    return ctx.unsupported("the input has open dimensions, and webnnc "
                           "resolves Reshape's 0 and -1 at compile time");
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
  int64_t outer = 1, inner = 1;
  for (int64_t k = 0; k < rank; ++k)
    (k < axis ? outer : inner) *= in[k];
  setReshaped(ctx, 0, {outer, inner});
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
    for (size_t k = 0; k < in.size(); ++k)
      drop[k] = in[k] == 1;
  } else {
    auto normalized = normalizeAxes(ctx, *axes, int64_t(in.size()), "axes");
    if (!normalized)
      return;
    for (int64_t a : *normalized) {
      if (in[a] != 1)
        return ctx.invalid("cannot squeeze axis " + std::to_string(a) +
                           " of size " + std::to_string(in[a]));
      drop[a] = true;
    }
  }
  Shape shape;
  for (size_t k = 0; k < in.size(); ++k)
    if (!drop[k])
      shape.push_back(in[k]);
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
  Shape shape;
  size_t from = 0;
  for (int64_t k = 0; k < rank; ++k) {
    if (std::count(normalized->begin(), normalized->end(), k))
      shape.push_back(1);
    else
      shape.push_back(in[from++]);
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
  auto axis = normalizeAxis(axisAttr, int64_t(first.size()));
  if (!axis)
    return ctx.invalid("axis " + std::to_string(axisAttr) +
                       " is out of range for rank " +
                       std::to_string(first.size()));
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
  auto axis = normalizeAxis(axisAttr, int64_t(x.rank()));
  if (!axis)
    return ctx.invalid("axis " + std::to_string(axisAttr) +
                       " is out of range for rank " + std::to_string(x.rank()));
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

// ONNX Slice: clamped starts/ends per axis, any non-zero step.
void convertSlice(NodeContext &ctx) {
  std::vector<int64_t> starts, ends, axes, steps;
  if (ctx.opset() < 10) {
    starts = ctx.attrInts("starts");
    ends = ctx.attrInts("ends");
    axes = ctx.attrInts("axes");
  } else {
    auto s = ctx.constantInts(1, "starts");
    auto e = s ? ctx.constantInts(2, "ends") : std::nullopt;
    if (!s || !e)
      return;
    starts = *s;
    ends = *e;
    if (ctx.hasInput(3)) {
      auto a = ctx.constantInts(3, "axes");
      if (!a)
        return;
      axes = *a;
    }
    if (ctx.hasInput(4)) {
      auto st = ctx.constantInts(4, "steps");
      if (!st)
        return;
      steps = *st;
    }
  }
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(in.size());
  if (axes.empty())
    for (size_t k = 0; k < starts.size(); ++k)
      axes.push_back(int64_t(k));
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return ctx.invalid("starts, ends, axes and steps must have one length");
  auto normalized = normalizeAxes(ctx, axes, rank, "axes");
  if (!normalized)
    return;
  // Per axis: first element, count, step.
  std::vector<int64_t> first(rank, 0), count(in), step(rank, 1);
  for (size_t j = 0; j < starts.size(); ++j) {
    int64_t a = (*normalized)[j], dim = in[a], st = steps[j];
    if (st == 0)
      return ctx.invalid("steps must not be 0");
    int64_t s = starts[j] < 0 ? starts[j] + dim : starts[j];
    int64_t e = ends[j] < 0 ? ends[j] + dim : ends[j];
    // 1 + (distance - 1) / |step|, in unsigned arithmetic: a step near
    // INT64_MAX must not overflow the rounding, nor INT64_MIN be negated.
    uint64_t magnitude = st > 0 ? uint64_t(st) : uint64_t(0) - uint64_t(st);
    if (st > 0) {
      s = std::clamp<int64_t>(s, 0, dim);
      e = std::clamp<int64_t>(e, 0, dim);
      count[a] = e > s ? int64_t(1 + uint64_t(e - s - 1) / magnitude) : 0;
    } else {
      s = std::clamp<int64_t>(s, 0, dim - 1);
      e = std::clamp<int64_t>(e, -1, dim - 1);
      count[a] = s > e ? int64_t(1 + uint64_t(s - e - 1) / magnitude) : 0;
    }
    first[a] = s;
    // One element whatever the step: a step of +-1 says the same and
    // negates and multiplies without overflow (with more elements,
    // |step| < dim).
    step[a] = count[a] == 1 ? (st > 0 ? 1 : -1) : st;
  }
  Shape outShape(count.begin(), count.end());
  if (spec::elementCount(outShape) <= kMaxKnownElements)
    if (const HostTensor *t = ctx.known(0))
      return ctx.setKnown(0, host::slice(*t, first, count, step));
  for (int64_t c : count)
    if (c == 0)
      return ctx.notInWebNN("an empty result (WebNN has no empty tensors)");
  // Negative steps: reverse those axes, then slice forwards.
  Operand x = ctx.input(0);
  std::vector<int64_t> reversedAxes;
  for (int64_t a = 0; a < rank; ++a)
    if (step[a] < 0) {
      reversedAxes.push_back(a);
      first[a] = in[a] - 1 - first[a];
      step[a] = -step[a];
    }
  if (!reversedAxes.empty()) {
    spec::ReverseOptions options = ctx.labelled(spec::ReverseOptions{});
    options.axes = reversedAxes;
    x = ctx.b().reverse(x, options);
  }
  bool whole = true;
  for (int64_t a = 0; a < rank; ++a)
    whole &= first[a] == 0 && count[a] == in[a] && step[a] == 1;
  if (whole && !reversedAxes.empty())
    return ctx.set(0, x);
  // WebNN's sizes are extents in the input; strides sample within them.
  std::vector<int64_t> extent(rank);
  for (int64_t a = 0; a < rank; ++a)
    extent[a] = (count[a] - 1) * step[a] + 1;
  spec::SliceOptions options = ctx.labelled(spec::SliceOptions{});
  options.strides = step;
  ctx.set(0, ctx.b().slice(x, first, extent, options));
}

void convertPad(NodeContext &ctx) {
  std::string mode = ctx.attrString("mode", "constant");
  std::vector<int64_t> pads;
  double value = 0;
  if (ctx.opset() < 11) {
    pads = ctx.attrInts("pads");
    value = ctx.attrFloat("value", 0);
  } else {
    auto p = ctx.constantInts(1, "pads");
    if (!p)
      return;
    pads = *p;
    if (ctx.hasInput(2)) {
      auto v = ctx.constantScalar(2, "constant_value");
      if (!v)
        return;
      value = *v;
    }
  }
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  size_t rank = in.size();
  // Opset 18: pads for the listed axes only (begins, then ends).
  if (ctx.opset() >= 18 && ctx.hasInput(3)) {
    auto axesValue = ctx.constantInts(3, "axes");
    if (!axesValue)
      return;
    auto axes = normalizeAxes(ctx, *axesValue, int64_t(rank), "axes");
    if (!axes)
      return;
    if (pads.size() != 2 * axes->size())
      return ctx.invalid("pads must hold " + std::to_string(2 * axes->size()) +
                         " values for " + std::to_string(axes->size()) +
                         " axes, it holds " + std::to_string(pads.size()));
    std::vector<int64_t> full(2 * rank, 0);
    for (size_t k = 0; k < axes->size(); ++k) {
      full[size_t((*axes)[k])] = pads[k];
      full[rank + size_t((*axes)[k])] = pads[axes->size() + k];
    }
    pads = full;
  }
  if (pads.size() != 2 * rank)
    return ctx.invalid("pads must hold " + std::to_string(2 * rank) +
                       " values, it holds " + std::to_string(pads.size()));
  bool crops = std::any_of(pads.begin(), pads.end(),
                           [](int64_t p) { return p < 0; });
  if (crops && mode != "constant")
    return ctx.unsupported("negative pads (cropping) with mode '" + mode + "'");
  spec::PadOptions options = ctx.labelled(spec::PadOptions{});
  if (mode == "constant")
    options.mode = spec::PaddingMode::Constant;
  else if (mode == "edge")
    options.mode = spec::PaddingMode::Edge;
  else if (mode == "reflect")
    options.mode = spec::PaddingMode::Reflection;
  else
    return ctx.unsupported("mode '" + mode + "'");
  options.value = value;
  std::vector<int64_t> begin(pads.begin(), pads.begin() + rank),
      end(pads.begin() + rank, pads.end());
  Operand x = ctx.input(0);
  if (crops) {
    // Negative pads remove elements: crop those first, pad the rest.
    std::vector<int64_t> starts(rank), sizes(rank);
    for (size_t k = 0; k < rank; ++k) {
      if (spec::isOpen(in[k]) && (begin[k] < 0 || end[k] < 0))
        return ctx.unsupported("cropping an open dimension");
      starts[k] = std::max<int64_t>(-begin[k], 0);
      sizes[k] = in[k] - starts[k] - std::max<int64_t>(-end[k], 0);
      if (!spec::isOpen(in[k]) && sizes[k] <= 0)
        return ctx.notInWebNN("the pads crop dimension " + std::to_string(k) +
                              " to nothing; WebNN has no empty tensors");
      begin[k] = std::max<int64_t>(begin[k], 0);
      end[k] = std::max<int64_t>(end[k], 0);
    }
    x = ctx.b().slice(x, starts, sizes, ctx.labelled(spec::SliceOptions{}));
    if (std::all_of(pads.begin(), pads.end(), [](int64_t p) { return p <= 0; }))
      return ctx.set(0, x);
  }
  ctx.set(0, ctx.b().pad(x, begin, end, options));
}

void convertExpand(NodeContext &ctx) {
  auto target = ctx.constantInts(1, "shape");
  const Shape &in = ctx.inputShape(0);
  if (!target || ctx.failed())
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

void convertShape(NodeContext &ctx) {
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(in.size());
  int64_t start = ctx.attrInt("start", 0), end = ctx.attrInt("end", rank);
  start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
  end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
  std::vector<int64_t> dims;
  for (int64_t k = start; k < end; ++k) {
    // Shapes fold at compile time; an open size is known only at compute.
    if (spec::isOpen(in[k]))
      return ctx.unsupported("dimension " + std::to_string(k) +
                             " of the input is open, and webnnc computes "
                             "Shape at compile time");
    dims.push_back(in[k]);
  }
  ctx.setKnown(0, host::ints(dims));
}

void convertSize(NodeContext &ctx) {
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  if (spec::hasOpenDims(in))
    return ctx.unsupported("the input has open dimensions, and webnnc "
                           "computes Size at compile time");
  ctx.setKnown(0, host::reshaped(host::ints({spec::elementCount(in)}), {}));
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
  auto shape = ctx.constantInts(0, "input");
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
  spec::OperandDescriptor desc{value.dataType(), *shape};
  if (auto error = spec::checkDescriptor(desc, "output"))
    return ctx.notInWebNN(error->rule);
  if (spec::elementCount(*shape) <= kMaxKnownElements)
    return ctx.setKnown(0, host::expand(host::reshaped(value, {}), *shape));
  Operand one = ctx.b().constant({value.dataType(), {}},
                                 std::span<const std::byte>(value.data(),
                                                            value.byteSize()));
  ctx.set(0, ctx.b().expand(one, *shape, ctx.options()));
}

void convertRange(NodeContext &ctx) {
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
      if (*training != 0)
        return ctx.notInWebNN("training_mode true (WebNN computes inference)");
    }
  }
  ctx.forward(0, 0);
  if (ctx.wantsOutput(1)) {
    // The mask of kept elements: all of them.
    const Shape &in = ctx.inputShape(0);
    Operand one = scalar(ctx, DataType::Uint8, 1);
    ctx.set(1, ctx.b().expand(one, in, ctx.options()));
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
void rearrange(NodeContext &ctx, const Shape &split,
               const std::vector<int64_t> &perm, const Shape &out) {
  auto &b = ctx.b();
  Operand x = b.reshape(ctx.input(0), split, ctx.options());
  spec::TransposeOptions options = ctx.labelled(spec::TransposeOptions{});
  options.permutation = perm;
  ctx.set(0, b.reshape(b.transpose(x, options), out, ctx.options()));
}

void convertDepthToSpace(NodeContext &ctx) {
  int64_t bs = ctx.attrInt("blocksize", 0);
  std::string mode = ctx.attrString("mode", "DCR");
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  // (blocksize squared divides the channels, so blocksize <= channels,
  // checked first: its square must not overflow.)
  if (in.size() != 4 || bs <= 0 || bs > in[1] || in[1] % (bs * bs) != 0)
    return ctx.invalid("needs a rank-4 input whose channels divide by "
                       "blocksize squared");
  int64_t n = in[0], c = in[1] / (bs * bs), h = in[2], w = in[3];
  Shape out = {n, c, h * bs, w * bs};
  if (mode == "DCR")
    return rearrange(ctx, {n, bs, bs, c, h, w}, {0, 3, 4, 1, 5, 2}, out);
  if (mode == "CRD")
    return rearrange(ctx, {n, c, bs, bs, h, w}, {0, 1, 4, 2, 5, 3}, out);
  ctx.invalid("mode '" + mode + "' is not DCR or CRD");
}

void convertSpaceToDepth(NodeContext &ctx) {
  int64_t bs = ctx.attrInt("blocksize", 0);
  const Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  if (in.size() != 4 || bs <= 0 || in[2] % bs != 0 || in[3] % bs != 0)
    return ctx.invalid("needs a rank-4 input whose height and width divide "
                       "by blocksize");
  int64_t n = in[0], c = in[1], h = in[2] / bs, w = in[3] / bs;
  rearrange(ctx, {n, c, h, bs, w, bs}, {0, 3, 5, 1, 2, 4},
            {n, c * bs * bs, h, w});
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
  t["Slice"] = convertSlice;
  t["Pad"] = convertPad;
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
