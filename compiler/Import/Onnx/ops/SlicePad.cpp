// SPDX-License-Identifier: Apache-2.0
// Slice and Pad: clamped bounds and steps, pads per axis and mode, over
// sizes known at build time or only at compute.
#include <algorithm>

#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;
using spec::Shape;

// A Slice bound relative to |dim| known only at compute: a negative
// constant counts from the end, a huge one means the end (INT64_MAX is how
// exporters write "to the end"; a backward slice's bounds clamp to
// [-1, dim - 1]); expressions are taken as they are. The
// runtime checks the resulting window lies inside the input (ONNX would
// clamp instead).
DimExpr openBound(const DimExpr &bound, const DimExpr &dim, bool forward) {
  auto v = bound.constantValue();
  if (!v)
    return bound;
  if (*v >= spec::kMaxDimension)
    return forward ? dim : dim - DimExpr(1);
  if (*v <= -spec::kMaxDimension)
    return forward ? DimExpr(0) : DimExpr(-1);
  return *v < 0 ? dim + bound : bound;
}

// Slice where the input has open dimensions or the bounds are sizes known
// only at compute. Starts must come out constant; a start counted from
// the end of an open axis is made constant by reversing the axis (and
// reversing the result back).
void sliceOpen(NodeContext &ctx, const std::vector<DimExpr> &starts,
               const std::vector<DimExpr> &ends,
               const std::vector<int64_t> &axes,
               const std::vector<int64_t> &steps) {
  auto dims = ctx.inputDims(0);
  if (!dims)
    return;
  size_t rank = dims->size();
  std::vector<int64_t> first(rank, 0), step(rank, 1), flipBack, flipFirst;
  std::vector<DimExpr> count(*dims);
  for (size_t j = 0; j < axes.size(); ++j) {
    size_t a = size_t(axes[j]);
    int64_t st = steps[j];
    const DimExpr &dim = (*dims)[a];
    DimExpr s = openBound(starts[j], dim, st > 0);
    DimExpr e = openBound(ends[j], dim, st > 0);
    uint64_t magnitude = st > 0 ? uint64_t(st) : uint64_t(0) - uint64_t(st);
    if (magnitude > uint64_t(spec::kMaxDimension))
      return ctx.unsupported("a step of " + std::to_string(st) +
                             " over an open dimension");
    int64_t m = int64_t(magnitude);
    count[a] = (st > 0 ? e - s : s - e).ceilDiv(m);
    if (auto c = count[a].constantValue(); c && *c <= 0)
      return ctx.notInWebNN("an empty result (WebNN has no empty tensors)");
    // The first element read forwards; a backward slice and a forward one
    // from the end read the reversed axis from dim - 1 - (its last index).
    DimExpr last = st > 0 ? s + (count[a] - DimExpr(1)) * DimExpr(m) : s;
    std::optional<int64_t> forward = s.constantValue();
    std::optional<int64_t> backward = (dim - DimExpr(1) - last).constantValue();
    if (st > 0 && forward) {
      first[a] = *forward;
    } else if (backward) {
      first[a] = *backward;
      flipFirst.push_back(int64_t(a));
      if (st > 0)
        flipBack.push_back(int64_t(a));
    } else {
      return ctx.unsupported("a Slice of axis " + std::to_string(a) + " from " +
                             s.toString() + " (sized " + dim.toString() +
                             "), a start webnnc cannot make constant");
    }
    step[a] = m;
    if (first[a] < 0)
      return ctx.invalid("starts reach before the beginning of axis " +
                         std::to_string(a));
  }
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto &b = ctx.b();
  if (!flipFirst.empty()) {
    spec::ReverseOptions options = ctx.labelled(spec::ReverseOptions{});
    options.axes = flipFirst;
    x = b.reverse(x, options);
  }
  std::vector<DimExpr> extent(rank);
  bool whole = true;
  for (size_t a = 0; a < rank; ++a) {
    extent[a] = (count[a] - DimExpr(1)) * DimExpr(step[a]) + DimExpr(1);
    whole &= first[a] == 0 && step[a] == 1 && count[a] == (*dims)[a];
  }
  if (!whole) {
    spec::SliceOptions options = ctx.labelled(spec::SliceOptions{});
    options.strides = step;
    x = b.sliceSymbolic(x, first, extent, options);
  }
  if (!flipBack.empty()) {
    spec::ReverseOptions options = ctx.labelled(spec::ReverseOptions{});
    options.axes = flipBack;
    x = b.reverse(x, options);
  }
  if (whole && flipFirst.empty())
    x = b.identity(x, ctx.options());
  ctx.set(0, x);
}

// ONNX Slice: clamped starts/ends per axis, any non-zero step.
void convertSlice(NodeContext &ctx) {
  // Bounds are constants or (opset 10 on) sizes known only at compute.
  std::vector<DimExpr> startSizes, endSizes;
  std::vector<int64_t> axes, steps;
  if (ctx.opset() < 10) {
    std::vector<int64_t> s = ctx.attrInts("starts"), e = ctx.attrInts("ends");
    startSizes = std::vector<DimExpr>(s.begin(), s.end());
    endSizes = std::vector<DimExpr>(e.begin(), e.end());
    axes = ctx.attrInts("axes");
  } else {
    auto s = ctx.sizeList(1, "starts");
    auto e = s ? ctx.sizeList(2, "ends") : std::nullopt;
    if (!s || !e)
      return;
    startSizes = *s;
    endSizes = *e;
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
  size_t parts = startSizes.size();
  if (axes.empty())
    for (size_t k = 0; k < parts; ++k)
      axes.push_back(int64_t(k));
  if (steps.empty())
    steps.assign(parts, 1);
  if (endSizes.size() != parts || axes.size() != parts || steps.size() != parts)
    return ctx.invalid("starts, ends, axes and steps must have one length");
  auto normalized = normalizeAxes(ctx, axes, rank, "axes");
  if (!normalized)
    return;
  if (std::count(steps.begin(), steps.end(), 0))
    return ctx.invalid("steps must not be 0");
  if (spec::hasOpenDims(in))
    return sliceOpen(ctx, startSizes, endSizes, *normalized, steps);
  std::vector<int64_t> starts, ends;
  for (size_t j = 0; j < parts; ++j) {
    auto s = startSizes[j].constantValue(), e = endSizes[j].constantValue();
    if (!s || !e)
      return sliceOpen(ctx, startSizes, endSizes, *normalized, steps);
    starts.push_back(*s);
    ends.push_back(*e);
  }
  // Per axis: first element, count, step.
  std::vector<int64_t> first(rank, 0), count(in), step(rank, 1);
  for (size_t j = 0; j < starts.size(); ++j) {
    int64_t a = (*normalized)[j], dim = in[a], st = steps[j];
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
  bool crops =
      std::any_of(pads.begin(), pads.end(), [](int64_t p) { return p < 0; });
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

} // namespace

// ReverseSequence (tf2onnx's bidirectional RNNs): each batch entry's first
// sequence_lens[b] steps along the time axis reversed, the rest kept. The
// lengths must be known at compile time (exporters compute them from the
// static shape): every batch entry reversed whole is one reverse, other
// lengths a reverse and a slice per entry, concatenated.
void convertReverseSequence(NodeContext &ctx) {
  int64_t batchAxis = ctx.attrInt("batch_axis", 1);
  int64_t timeAxis = ctx.attrInt("time_axis", 0);
  Operand x = ctx.input(0);
  auto lengths = ctx.constantInts(1, "sequence_lens");
  if (ctx.failed() || !lengths)
    return;
  if (!((batchAxis == 0 && timeAxis == 1) || (batchAxis == 1 && timeAxis == 0)))
    return ctx.invalid("batch_axis and time_axis must be 0 and 1");
  const spec::Shape &shape = x.shape();
  if (shape.size() < 2 || spec::isOpen(shape[size_t(batchAxis)]) ||
      spec::isOpen(shape[size_t(timeAxis)]))
    return ctx.unsupported("an input of rank below 2 or open batch and "
                           "time sizes");
  int64_t batches = shape[size_t(batchAxis)], steps = shape[size_t(timeAxis)];
  if (int64_t(lengths->size()) != batches)
    return ctx.invalid("sequence_lens has " + std::to_string(lengths->size()) +
                       " values for " + std::to_string(batches) + " batches");
  for (int64_t length : *lengths)
    if (length < 0 || length > steps)
      return ctx.invalid("sequence length " + std::to_string(length) +
                         " is outside [0, " + std::to_string(steps) + "]");
  auto &b = ctx.b();
  spec::ReverseOptions alongTime = ctx.labelled(spec::ReverseOptions{});
  alongTime.axes = std::vector<int64_t>{timeAxis};
  if (std::all_of(lengths->begin(), lengths->end(),
                  [&](int64_t n) { return n == steps; }))
    return ctx.set(0, b.reverse(x, alongTime));
  auto part = [&](const Operand &from, int64_t axis, int64_t start,
                  int64_t size) {
    std::vector<int64_t> starts(shape.size(), 0);
    std::vector<int64_t> sizes(from.shape().begin(), from.shape().end());
    starts[size_t(axis)] = start;
    sizes[size_t(axis)] = size;
    return b.slice(from, starts, sizes, ctx.labelled(spec::SliceOptions{}));
  };
  std::vector<Operand> entries;
  for (int64_t e = 0; e < batches; ++e) {
    Operand entry = part(x, batchAxis, e, 1);
    int64_t length = (*lengths)[size_t(e)];
    if (length <= 1) {
      entries.push_back(entry);
      continue;
    }
    std::vector<Operand> pieces{
        b.reverse(part(entry, timeAxis, 0, length), alongTime)};
    if (length < steps)
      pieces.push_back(part(entry, timeAxis, length, steps - length));
    entries.push_back(concatAll(ctx, pieces, uint32_t(timeAxis)));
  }
  ctx.set(0, concatAll(ctx, entries, uint32_t(batchAxis)));
}

void registerSlicePadOps(ConverterTable &t) {
  t["ReverseSequence"] = convertReverseSequence;
  t["Slice"] = convertSlice;
  t["Pad"] = convertPad;
}

} // namespace webnnc::importer
