// SPDX-License-Identifier: Apache-2.0
// Winograd minimal filtering F(m x m, 3 x 3) for channels-last 3x3 convs
// (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks",
// 2016): each m x m block of outputs comes from an (m + 2) x (m + 2) tile
// of input as
//   Y = A^T [ sum over input channels of (G g G^T) . (B^T d B) ] A,
// so the multiplications per output fall from 9 per input channel to
// ((m + 2) / m)^2. Both sides of the compiler ask: the weight-packing pass
// transforms the filters (G g G^T) at compile time, the kernel generator
// transforms input tiles and sums.
#ifndef WEBNNC_KERNELSPEC_WINOGRAD_H_
#define WEBNNC_KERNELSPEC_WINOGRAD_H_

#include <vector>

#include "webnnc/Spec/ConvOps.h"

namespace webnnc::kernels {

struct WinogradTransform {
  int m = 2;     // outputs per tile side
  int alpha = 4; // input tile side, m + 2
  // Row-major: g_ (alpha x 3), bt (alpha x alpha), at (m x alpha).
  std::vector<double> g, bt, at;
};

// The transform for m = 2 (alpha 4) or m = 4 (alpha 6).
WinogradTransform winogradTransform(int m);

// The output tile side a conv should use, or 0 when Winograd does not
// apply or does not pay: a static 3x3 conv with stride and dilation 1, one
// group, and enough input and output channels that the products dominate
// the tile transforms.
int winogradTileFor(const spec::Conv2dGeometry &g);

// Output channels per panel of the transformed filter: the products are
// tiled as a few tiles times this many channels (up to four vectors of
// |lanes| floats).
int winogradPanelWidth(int64_t outputChannels, int lanes);

} // namespace webnnc::kernels

#endif // WEBNNC_KERNELSPEC_WINOGRAD_H_
