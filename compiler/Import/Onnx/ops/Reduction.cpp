// SPDX-License-Identifier: Apache-2.0
// Reduce*, ArgMax/ArgMin and CumSum.
#include "Common.h"

namespace webnnc::importer {
namespace {

void reduce(NodeContext &ctx, GraphBuilder::Reduce method) {
  // Axes move from the attribute to an input in opset 13 (ReduceSum) and 18
  // (the others).
  bool axesInput = ctx.opType() == "ReduceSum" ? ctx.opset() >= 13
                                               : ctx.opset() >= 18;
  std::vector<int64_t> axes;
  if (axesInput) {
    if (ctx.hasInput(1)) {
      auto v = ctx.constantInts(1, "axes");
      if (!v)
        return;
      axes = *v;
    }
  } else {
    axes = ctx.attrInts("axes");
  }
  bool noop = ctx.attrInt("noop_with_empty_axes", 0) != 0;
  bool keep = ctx.attrInt("keepdims", 1) != 0;
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  if (axes.empty() && noop)
    return ctx.set(0, ctx.b().identity(x, ctx.options()));
  spec::ReduceOptions options = ctx.labelled(spec::ReduceOptions{});
  options.keepDimensions = keep;
  if (!axes.empty()) {
    auto normalized = normalizeAxes(ctx, axes, int64_t(x.rank()), "axes");
    if (!normalized)
      return;
    options.axes = *normalized;
  }
  ctx.set(0, (ctx.b().*method)(x, options));
}

template <auto Method> void convertReduce(NodeContext &ctx) {
  reduce(ctx, Method);
}

void argMinMax(NodeContext &ctx, bool max) {
  bool last = ctx.attrInt("select_last_index", 0) != 0;
  int64_t axisAttr = ctx.attrInt("axis", 0);
  bool keep = ctx.attrInt("keepdims", 1) != 0;
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto axis = checkedAxis(ctx, axisAttr, int64_t(x.rank()));
  if (!axis)
    return;
  spec::ArgMinMaxOptions options = ctx.labelled(spec::ArgMinMaxOptions{});
  options.keepDimensions = keep;
  options.outputDataType = spec::DataType::Int64;
  auto &b = ctx.b();
  if (last) {
    // WebNN picks the first of equal values: pick the first in the
    // reversed axis, then count it from the end.
    spec::ReverseOptions reverse = ctx.labelled(spec::ReverseOptions{});
    reverse.axes = std::vector<int64_t>{*axis};
    Operand reversed = b.reverse(x, reverse);
    Operand index = max ? b.argMax(reversed, uint32_t(*axis), options)
                        : b.argMin(reversed, uint32_t(*axis), options);
    Operand end = scalar(ctx, spec::DataType::Int64,
                         double(x.shape()[*axis] - 1));
    return ctx.set(0, b.sub(end, index, ctx.options()));
  }
  ctx.set(0, max ? b.argMax(x, uint32_t(*axis), options)
                 : b.argMin(x, uint32_t(*axis), options));
}

void convertArgMax(NodeContext &ctx) { argMinMax(ctx, true); }
void convertArgMin(NodeContext &ctx) { argMinMax(ctx, false); }

void convertCumSum(NodeContext &ctx) {
  auto axisValue = ctx.constantScalar(1, "axis");
  spec::CumulativeSumOptions options =
      ctx.labelled(spec::CumulativeSumOptions{});
  options.exclusive = ctx.attrInt("exclusive", 0) != 0;
  options.reversed = ctx.attrInt("reverse", 0) != 0;
  Operand x = ctx.input(0);
  if (!axisValue || ctx.failed())
    return;
  auto axis = normalizeAxis(int64_t(*axisValue), int64_t(x.rank()));
  if (!axis)
    return ctx.invalid("axis is out of range for rank " +
                       std::to_string(x.rank()));
  ctx.set(0, ctx.b().cumulativeSum(x, uint32_t(*axis), options));
}

} // namespace

void registerReductionOps(ConverterTable &t) {
  using B = GraphBuilder;
  t["ReduceL1"] = convertReduce<&B::reduceL1>;
  t["ReduceL2"] = convertReduce<&B::reduceL2>;
  t["ReduceLogSum"] = convertReduce<&B::reduceLogSum>;
  t["ReduceLogSumExp"] = convertReduce<&B::reduceLogSumExp>;
  t["ReduceMax"] = convertReduce<&B::reduceMax>;
  t["ReduceMean"] = convertReduce<&B::reduceMean>;
  t["ReduceMin"] = convertReduce<&B::reduceMin>;
  t["ReduceProd"] = convertReduce<&B::reduceProduct>;
  t["ReduceSum"] = convertReduce<&B::reduceSum>;
  t["ReduceSumSquare"] = convertReduce<&B::reduceSumSquare>;
  t["ArgMax"] = convertArgMax;
  t["ArgMin"] = convertArgMin;
  t["CumSum"] = convertCumSum;
}

} // namespace webnnc::importer
