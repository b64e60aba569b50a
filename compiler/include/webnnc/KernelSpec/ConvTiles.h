// SPDX-License-Identifier: Apache-2.0
// The register tiles of channels-last convolution kernels. Both sides of
// the compiler ask: the weight-packing pass lays out filter panels one
// tile of output channels wide, and the kernel generator tiles the output
// the same way.
#ifndef WEBNNC_KERNELSPEC_CONVTILES_H_
#define WEBNNC_KERNELSPEC_CONVTILES_H_

#include <string>

#include "webnnc/Spec/ConvOps.h"

namespace webnnc::kernels {

// A tile of |vectors| vectors of output channels times |columns| output
// columns times |rows| output rows, its sums held in vector registers
// while the reduction streams over the filter window and input channels.
struct ConvTiles {
  int vectors = 1, columns = 1, rows = 1;
  friend bool operator==(const ConvTiles &, const ConvTiles &) = default;
};

// The vector registers of the Halide target |halideTarget| (the kernel
// contract's one answer, asked by the compiler's target and by the kernel
// generator): 32 on AVX-512 and on AArch64 (NEON's v0-v31), 16 on AVX2.
int vectorRegisters(const std::string &halideTarget);

// How many of |registers| vector registers a register tile may hold sums
// in: three quarters, the rest for filter vectors and input broadcasts.
inline int accumulatorRegisters(int registers) { return registers * 3 / 4; }

// Whether a dense conv's filter, at |bytesPerWeight|, is too large to stay
// in the L2 cache while the tiles sweep the image (256 KB): such convs
// sweep the image once per filter panel, or sum in blocks of taps and
// input channels.
inline bool largeFilter(const spec::Conv2dGeometry &g, int bytesPerWeight) {
  return g.filterHeight * g.filterWidth * (g.inputChannels / g.groups) *
             g.outputChannels * bytesPerWeight >
         (256 << 10);
}

// The tile that computes a channels-last conv (dense, or depthwise with
// |depthwise|) in the fewest estimated cycles with vectors of |lanes|
// floats, from |registers| vector registers. |vectors| > 0 fixes the
// vector count (the kernel generator, once the filter is packed in panels
// of that many vectors). Open output sizes count as 64.
ConvTiles planConvTiles(const spec::Conv2dGeometry &g, int lanes, int registers,
                        bool depthwise, int vectors = 0);

} // namespace webnnc::kernels

#endif // WEBNNC_KERNELSPEC_CONVTILES_H_
