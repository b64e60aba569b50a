// SPDX-License-Identifier: Apache-2.0
// The Winograd F(2x2, 3x3) and F(4x4, 3x3) matrices.
#include "webnnc/KernelSpec/Winograd.h"

namespace webnnc::kernels {

WinogradTransform winogradTransform(int m) {
  WinogradTransform t;
  if (m == 4) {
    t.m = 4;
    t.alpha = 6;
    t.g = {1.0 / 4,  0,         0,         -1.0 / 6,  -1.0 / 6, -1.0 / 6,
           -1.0 / 6, 1.0 / 6,   -1.0 / 6,  1.0 / 24,  1.0 / 12, 1.0 / 6,
           1.0 / 24, -1.0 / 12, 1.0 / 6,   0,         0,        1};
    t.bt = {4, 0,  -5, 0,  1, 0, 0, -4, -4, 1,  1, 0,
            0, 4,  -4, -1, 1, 0, 0, -2, -1, 2,  1, 0,
            0, 2,  -1, -2, 1, 0, 0, 4,  0,  -5, 0, 1};
    t.at = {1, 1, 1,  1, 1,  0, 0, 1, -1, 2, -2, 0,
            0, 1, 1,  4, 4,  0, 0, 1, -1, 8, -8, 1};
    return t;
  }
  t.g = {1, 0, 0, 0.5, 0.5, 0.5, 0.5, -0.5, 0.5, 0, 0, 1};
  t.bt = {1, 0, -1, 0, 0, 1, 1, 0, 0, -1, 1, 0, 0, 1, 0, -1};
  t.at = {1, 1, 1, 0, 0, 1, -1, -1};
  return t;
}

int winogradTileFor(const spec::Conv2dGeometry &g) {
  bool shape = g.filterHeight == 3 && g.filterWidth == 3 &&
               g.strides[0] == 1 && g.strides[1] == 1 &&
               g.dilations[0] == 1 && g.dilations[1] == 1 && g.groups == 1;
  // The tiling needs the image size; the batch may be open (an outer
  // loop).
  bool staticSizes = !spec::isOpen(g.outputHeight) &&
                     !spec::isOpen(g.outputWidth);
  if (!shape || !staticSizes || g.inputChannels < 16 ||
      g.outputChannels < 16 || g.outputHeight < 4 || g.outputWidth < 4)
    return 0;
  return 2;
}

int winogradPanelWidth(int64_t outputChannels, int lanes) {
  int vectors = outputChannels >= 4 * lanes   ? 4
                : outputChannels >= 2 * lanes ? 2
                                              : 1;
  return vectors * lanes;
}

} // namespace webnnc::kernels
