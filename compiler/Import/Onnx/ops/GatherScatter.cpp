// SPDX-License-Identifier: Apache-2.0
// Gather, GatherElements, GatherND, ScatterElements (and the older
// Scatter) and ScatterND, without reductions.
#include "Common.h"

namespace webnnc::importer {
namespace {

std::optional<int64_t> axisAttr(NodeContext &ctx, int64_t rank) {
  return checkedAxis(ctx, ctx.attrInt("axis", 0), rank);
}

void convertGather(NodeContext &ctx) {
  const spec::Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  auto axis = axisAttr(ctx, int64_t(in.size()));
  if (!axis)
    return;
  if (spec::elementCount(in) <= kMaxKnownElements && ctx.allInputsKnown()) {
    if (auto out = host::gather(*ctx.known(0), *ctx.known(1), *axis))
      return ctx.setKnown(0, std::move(*out));
    return ctx.invalid("an index is out of range");
  }
  spec::GatherOptions options = ctx.labelled(spec::GatherOptions{});
  options.axis = *axis;
  ctx.set(0, ctx.b().gather(ctx.input(0), ctx.input(1), options));
}

void convertGatherElements(NodeContext &ctx) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto axis = axisAttr(ctx, int64_t(x.rank()));
  if (!axis)
    return;
  spec::GatherOptions options = ctx.labelled(spec::GatherOptions{});
  options.axis = *axis;
  ctx.set(0, ctx.b().gatherElements(x, ctx.input(1), options));
}

void convertGatherND(NodeContext &ctx) {
  if (ctx.attrInt("batch_dims", 0) != 0)
    return ctx.unsupported("batch_dims other than 0");
  ctx.set(0, ctx.b().gatherND(ctx.input(0), ctx.input(1), ctx.options()));
}

// WebNN's scatters replace; ONNX's reductions (add, mul...) are outside it.
bool replacesOnly(NodeContext &ctx) {
  std::string reduction = ctx.attrString("reduction", "none");
  if (reduction != "none")
    ctx.notInWebNN("reduction '" + reduction + "' (WebNN's scatters replace)");
  return reduction == "none";
}

void convertScatterElements(NodeContext &ctx) {
  if (!replacesOnly(ctx))
    return;
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto axis = axisAttr(ctx, int64_t(x.rank()));
  if (!axis)
    return;
  spec::ScatterOptions options = ctx.labelled(spec::ScatterOptions{});
  options.axis = *axis;
  ctx.set(0, ctx.b().scatterElements(x, ctx.input(1), ctx.input(2), options));
}

void convertScatterND(NodeContext &ctx) {
  if (!replacesOnly(ctx))
    return;
  ctx.set(0, ctx.b().scatterND(ctx.input(0), ctx.input(1), ctx.input(2),
                               ctx.options()));
}

} // namespace

void registerGatherScatterOps(ConverterTable &t) {
  t["Gather"] = convertGather;
  t["GatherElements"] = convertGatherElements;
  t["GatherND"] = convertGatherND;
  t["ScatterElements"] = convertScatterElements;
  t["Scatter"] = convertScatterElements;
  t["ScatterND"] = convertScatterND;
}

} // namespace webnnc::importer
