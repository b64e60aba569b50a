// SPDX-License-Identifier: Apache-2.0
// The output-size rules of windowed ops (conv2d, pooling, convTranspose2d)
// along one spatial dimension, written once over the kind of size: the
// spec layer's static sizes, the shape program's compute-time registers
// (compiler/Shapes) and the kernels' Halide expressions. |Arith| supplies
// the arithmetic on its Value type:
//   Value add(Value, int64_t)       Value mul(Value, int64_t)
//   Value floorDiv(Value, int64_t)  Value ceilDiv(Value, int64_t)
//   Value fits(Value span, int64_t window): the padded input less the
//     window, where a size that can be negative is checked or refused.
#ifndef WEBNNC_SPEC_WINDOWRULE_H_
#define WEBNNC_SPEC_WINDOWRULE_H_

#include <cmath>
#include <cstdint>

namespace webnnc::spec {

// One spatial dimension of a window.
struct WindowDim {
  int64_t padding = 0; // beginning + ending
  int64_t window = 1;  // filter or pooling window size
  int64_t dilation = 1;
  int64_t stride = 1;
  // (window - 1) * dilation + 1, saturated at 2^62 so absurd options give
  // an invalid size instead of overflowing.
  int64_t effectiveWindow() const {
    constexpr int64_t kLimit = int64_t(1) << 62;
    int64_t product;
    if (__builtin_mul_overflow(window - 1, dilation, &product) ||
        product >= kLimit)
      return kLimit;
    return product + 1;
  }
};

// conv2d and pooling: (size + padding - effective window) / stride + 1,
// rounded down (conv2d, pooling's default) or up.
template <typename Arith>
typename Arith::Value windowOutputSize(Arith &arith,
                                       typename Arith::Value size,
                                       const WindowDim &d, bool ceil = false) {
  auto span = arith.fits(arith.add(size, d.padding - d.effectiveWindow()),
                         d.effectiveWindow());
  auto steps =
      ceil ? arith.ceilDiv(span, d.stride) : arith.floorDiv(span, d.stride);
  return arith.add(steps, 1);
}

// convTranspose2d: (size - 1) * stride + effective window - padding +
// outputPadding.
template <typename Arith>
typename Arith::Value transposedOutputSize(Arith &arith,
                                           typename Arith::Value size,
                                           const WindowDim &d,
                                           int64_t outputPadding) {
  return arith.add(arith.mul(arith.add(size, -1), d.stride),
                   d.effectiveWindow() - d.padding + outputPadding);
}

// Static sizes as doubles, as the spec computes them: NaN stands for an
// open size and stays open; a window that does not fit gives a size below
// 1, which the caller refuses.
struct StaticSizeArith {
  using Value = double;
  Value add(Value v, int64_t c) { return v + double(c); }
  Value mul(Value v, int64_t c) { return v * double(c); }
  Value floorDiv(Value v, int64_t c) { return std::floor(v / double(c)); }
  Value ceilDiv(Value v, int64_t c) { return std::ceil(v / double(c)); }
  Value fits(Value span, int64_t) { return span; }
};

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_WINDOWRULE_H_
