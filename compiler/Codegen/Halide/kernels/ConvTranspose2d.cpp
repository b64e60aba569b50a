// SPDX-License-Identifier: Apache-2.0
// convTranspose2d kernels, in gather form: each output element sums the
// input elements whose filter taps land on it.
#include <stdexcept>

#include "Families.h"
#include "Layout.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

// Halide arguments of filter element (kx, ky, input channel i, output
// channel o within the group) in |layout|.
std::vector<Expr> transposedFilterArgs(
    spec::ConvTranspose2dFilterOperandLayout layout, Expr kx, Expr ky, Expr i,
    Expr o) {
  switch (layout) {
  case spec::ConvTranspose2dFilterOperandLayout::Iohw:
    return {kx, ky, o, i};
  case spec::ConvTranspose2dFilterOperandLayout::Hwoi:
    return {i, o, kx, ky};
  case spec::ConvTranspose2dFilterOperandLayout::Ohwi:
    return {i, kx, ky, o};
  }
  return {kx, ky, o, i};
}

} // namespace

std::optional<Defined> defineConvTranspose2d(const kernels::OpSpec &op,
                                             const std::vector<Value> &operands) {
  if (op.kind != "conv_transpose2d")
    return std::nullopt;
  if (operands.size() < 2)
    throw std::runtime_error("conv_transpose2d needs input and filter");
  const Value &input = operands[0], &filter = operands[1];
  spec::ConvTranspose2dOptions options;
  options.padding = op.intList("padding");
  options.strides = op.intList("strides");
  options.dilations = op.intList("dilations");
  options.outputPadding = op.intList("output_padding");
  options.outputSizes = op.intList("output_sizes");
  options.groups = op.intAttr("groups", 1);
  options.inputLayout = layoutAttr(op, "input_layout");
  options.filterLayout = static_cast<spec::ConvTranspose2dFilterOperandLayout>(
      op.intAttr("filter_layout", 0));
  if (operands.size() > 2)
    options.bias = spec::OperandDescriptor{operands[2].type.dataType,
                                           operands[2].type.shape};
  auto geometry = spec::resolveConvTranspose2d(
      input.descriptor(),
      filter.descriptor(), options);
  if (!geometry)
    throw std::runtime_error(geometry.error().format("convTranspose2d"));
  const spec::Conv2dGeometry g = *geometry;
  bool nchw = options.inputLayout == spec::InputOperandLayout::Nchw;
  int64_t inPerGroup = g.inputChannels / g.groups;
  int64_t outPerGroup = g.outputChannels / g.groups;

  // Output (x, y) receives tap (kx, ky) of input (ix, iy) when
  // x = ix * stride - padBegin + kx * dilation.
  // The input's extents: constants, or the buffer's at compute.
  ActivationExtents in = activationExtents(options.inputLayout, input);
  Var x("x"), y("y"), o("o"), n("n");
  RDom r(0, int(g.filterWidth), 0, int(g.filterHeight), 0, int(inPerGroup),
         "r");
  Expr tx = x + int(g.padding[2]) - r.x * int(g.dilations[1]);
  Expr ty = y + int(g.padding[0]) - r.y * int(g.dilations[0]);
  Expr ix = tx / int(g.strides[1]), iy = ty / int(g.strides[0]);
  Expr hits = tx >= 0 && ty >= 0 && tx % int(g.strides[1]) == 0 &&
              ty % int(g.strides[0]) == 0 && ix < in.width &&
              iy < in.height;
  Expr group = o / int(outPerGroup);
  Expr channel = group * int(inPerGroup) + r.z;
  Expr v = read(input, activationArgs(options.inputLayout,
                                      clamp(ix, 0, in.width - 1),
                                      clamp(iy, 0, in.height - 1),
                                      channel, n));
  Expr w = read(filter, transposedFilterArgs(options.filterLayout, r.x, r.y,
                                             channel, o % int(outPerGroup)));
  std::vector<Var> accVars = nchw ? std::vector<Var>{x, y, o, n}
                                  : std::vector<Var>{o, x, y, n};
  Func acc("conv_transpose_acc");
  acc(accVars) = operands.size() > 2 ? read(operands[2], {Expr(o)}) : Expr(0.0f);
  acc(accVars) += select(hits, v * w, 0.0f);
  Func result("conv_transpose2d");
  result(accVars) = store(acc(accVars), op.result.dataType);

  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) mutable {
    std::vector<Var> ov = output.args();
    Var vec = ov[0];
    int64_t vecExtent = nchw ? g.outputWidth : g.outputChannels;
    int vw = vectorWidth(target, Float(32), vecExtent);
    Var vo("vo"), vi("vi");
    output.split(vec, vo, vi, vw, tailFor(vecExtent, vw, placement))
        .vectorize(vi);
    acc.compute_at(output, vo);
    if (isOpen(vecExtent)) {
      // The last vector of an open row is partial; the accumulator rounds
      // it up (its reads are clamped to the input) and the output guards.
      acc.vectorize(accVars[0], vw, TailStrategy::RoundUp);
      acc.update().vectorize(accVars[0], vw, TailStrategy::RoundUp);
    } else {
      acc.vectorize(accVars[0]);
      acc.update().vectorize(accVars[0]);
    }
    int64_t work = sizeHint(g.batches) * g.outputChannels *
                   sizeHint(g.outputHeight) * sizeHint(g.outputWidth) *
                   g.filterHeight * g.filterWidth * inPerGroup;
    if (placement.root && worthParallel(work))
      output.parallel(ov[nchw ? 1 : 2]);
  };
  Value value{result, op.result};
  if (spec::hasOpenDims(op.result.shape)) {
    // Output sizes from the input's, for a consumer inside this kernel.
    auto sized = [&](Expr size, const spec::WindowDim &d, int axis) -> Expr {
      int64_t known = axis ? g.outputWidth : g.outputHeight;
      if (!isOpen(known))
        return Expr(int(known));
      int64_t outputPadding = options.outputPadding.empty()
                                  ? 0
                                  : options.outputPadding[axis];
      return transposedOutputExtent(size, d, outputPadding);
    };
    Expr oh = sized(in.height, g.heightWindow(g.filterHeight), 0);
    Expr ow = sized(in.width, g.widthWindow(g.filterWidth), 1);
    value.openExtents = nchw ? std::vector<Expr>{in.batches, Expr(), oh, ow}
                             : std::vector<Expr>{in.batches, oh, ow, Expr()};
  }
  return Defined{value, sched};
}

} // namespace webnnc::halide
