// SPDX-License-Identifier: Apache-2.0
// Reading 4-D activations and filters in any WebNN layout through
// canonical coordinates (private to the kernel families).
#ifndef WEBNNC_CODEGEN_HALIDE_KERNELS_LAYOUT_H_
#define WEBNNC_CODEGEN_HALIDE_KERNELS_LAYOUT_H_

#include "../Common.h"
#include "webnnc/Spec/Options.h"

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

// A window's output size along one dimension at compute: floor (or ceil)
// of (size + padding - effective window) / stride, plus 1. The shapes
// function has checked that the window fits.
inline Halide::Expr windowOutputExtent(Halide::Expr size, int64_t padding,
                                       int64_t window, int64_t dilation,
                                       int64_t stride, bool ceil = false) {
  int64_t effective = (window - 1) * dilation + 1;
  Halide::Expr span = size + int(padding - effective);
  return (ceil ? span + int(stride - 1) : span) / int(stride) + 1;
}

inline spec::InputOperandLayout layoutAttr(const kernels::OpSpec &op,
                                           const char *key) {
  return op.intAttr(key, 0) == 0 ? spec::InputOperandLayout::Nchw
                                 : spec::InputOperandLayout::Nhwc;
}

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_KERNELS_LAYOUT_H_
