// SPDX-License-Identifier: Apache-2.0
// Reading 4-D activations and filters in any WebNN layout through
// canonical coordinates (private to the kernel families).
#ifndef WEBNNC_CODEGEN_HALIDE_KERNELS_LAYOUT_H_
#define WEBNNC_CODEGEN_HALIDE_KERNELS_LAYOUT_H_

#include "../Common.h"
#include "webnnc/Spec/Options.h"
#include "webnnc/Spec/WindowRule.h"

namespace webnnc::halide {

// Halide arguments of activation element (x, y, c, n) in |layout|.
inline std::vector<Halide::Expr>
activationArgs(spec::InputOperandLayout layout, Halide::Expr x, Halide::Expr y,
               Halide::Expr c, Halide::Expr n) {
  if (layout == spec::InputOperandLayout::Nchw)
    return {x, y, c, n};
  return {c, x, y, n};
}

// Halide arguments of filter element (kx, ky, i, o) in |layout|.
inline std::vector<Halide::Expr>
filterArgs(spec::Conv2dFilterOperandLayout layout, Halide::Expr kx,
           Halide::Expr ky, Halide::Expr i, Halide::Expr o) {
  switch (layout) {
  case spec::Conv2dFilterOperandLayout::Oihw:
    return {kx, ky, i, o};
  case spec::Conv2dFilterOperandLayout::Hwio:
    return {o, i, kx, ky};
  case spec::Conv2dFilterOperandLayout::Ohwi:
    return {i, kx, ky, o};
  case spec::Conv2dFilterOperandLayout::Ihwo:
    return {o, kx, ky, i};
  }
  return {kx, ky, i, o};
}

// The sizes of a 4-D activation's dimensions: constants where static, the
// runtime sizes where open.
struct ActivationExtents {
  Halide::Expr batches, channels, height, width;
};
inline ActivationExtents activationExtents(spec::InputOperandLayout layout,
                                           const Value &value) {
  if (layout == spec::InputOperandLayout::Nchw)
    return {value.extent(0), value.extent(1), value.extent(2),
            value.extent(3)};
  return {value.extent(0), value.extent(3), value.extent(1), value.extent(2)};
}

// The spec's window rules (WindowRule.h) over Halide expressions, for
// output sizes known only at compute. The shapes function has checked that
// the window fits; Halide's integer division rounds down.
struct ExprSizeArith {
  using Value = Halide::Expr;
  Value add(Value v, int64_t c) { return v + int(c); }
  Value mul(Value v, int64_t c) { return v * int(c); }
  Value floorDiv(Value v, int64_t c) { return v / int(c); }
  Value ceilDiv(Value v, int64_t c) { return (v + int(c - 1)) / int(c); }
  Value fits(Value span, int64_t) { return span; }
};
inline Halide::Expr windowOutputExtent(Halide::Expr size,
                                       const spec::WindowDim &d,
                                       bool ceil = false) {
  ExprSizeArith arith;
  return spec::windowOutputSize(arith, size, d, ceil);
}
inline Halide::Expr transposedOutputExtent(Halide::Expr size,
                                           const spec::WindowDim &d,
                                           int64_t outputPadding) {
  ExprSizeArith arith;
  return spec::transposedOutputSize(arith, size, d, outputPadding);
}

inline spec::InputOperandLayout layoutAttr(const kernels::OpSpec &op,
                                           const char *key) {
  return op.intAttr(key, 0) == 0 ? spec::InputOperandLayout::Nchw
                                 : spec::InputOperandLayout::Nhwc;
}

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_KERNELS_LAYOUT_H_
