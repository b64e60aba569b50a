// SPDX-License-Identifier: Apache-2.0
// Choosing channels-last convolution tiles by a small cost model.
#include "webnnc/KernelSpec/ConvTiles.h"

#include <algorithm>

namespace webnnc::kernels {

namespace {

// Independent FMA chains needed to cover the FMA latency.
constexpr double kLatencyChains = 8;
// Vector loads per cycle, relative to FMAs per cycle.
constexpr double kLoadsPerFma = 2;

int64_t hint(int64_t size) { return spec::isOpen(size) ? 64 : size; }

} // namespace

int vectorRegisters(const std::string &halideTarget) {
  bool arm64 = halideTarget.rfind("arm-64", 0) == 0;
  bool avx512 = halideTarget.find("-avx512") != std::string::npos;
  return arm64 || avx512 ? 32 : 16;
}

// Each reduction step of a tile issues vectors x columns x rows FMAs and
// loads its filter vectors and one input value per output position (a
// broadcast in a dense conv, a vector in a depthwise one); partial tiles
// at the edges recompute outputs, and every tile pays for its setup and
// its stores. Tiles never span more channels than there are, unless one
// vector already does: the last tile then shifts inwards instead of being
// computed element by element.
ConvTiles planConvTiles(const spec::Conv2dGeometry &g, int lanes, int registers,
                        bool depthwise, int vectors) {
  const int maxAccumulators = accumulatorRegisters(registers);
  int64_t channels = g.outputChannels;
  int64_t width = hint(g.outputWidth), height = hint(g.outputHeight);
  double reduction = double(g.filterHeight * g.filterWidth *
                            (g.inputChannels / g.groups));
  // A large filter over a large map sums in blocks whose input comes from
  // the L2 cache (see largeFilter): its loads count as much as its FMAs
  // (at two loads per FMA, DeepLabV3's 2048-channel convs on 64 x 64 maps
  // took one-vector tiles of 16 columns, 17 loads per 16 FMAs, and ran
  // 1.25x slower than two vectors by 8 columns). Small maps keep the
  // default: SqueezeNet's 13 x 13 classifier conv, fused into its average
  // pooling, ran 2x slower with three-vector tiles.
  bool largeMap = hint(g.outputHeight) * hint(g.outputWidth) >= 1024;
  double loadsPerFma = largeFilter(g, 4) && largeMap ? 1.0 : kLoadsPerFma;
  ConvTiles best;
  double bestCost = -1;
  int first = vectors > 0 ? vectors : 1, last = vectors > 0 ? vectors : 4;
  for (int v = first; v <= last; ++v) {
    if (vectors == 0 && v > 1 && int64_t(v) * lanes > channels)
      break;
    int64_t channelTiles = (channels + v * lanes - 1) / (v * lanes);
    for (int rows = 1; rows <= 2 && rows <= height; ++rows)
      for (int cols = 1; cols <= 16 && cols <= width; ++cols) {
        int acc = v * cols * rows;
        if (acc > maxAccumulators)
          continue;
        double tiles = double(channelTiles) *
                       double((width + cols - 1) / cols) *
                       double((height + rows - 1) / rows);
        double loads =
            depthwise ? v * (cols * rows + 1.0) : v + double(cols * rows);
        double step =
            std::max({double(acc), loads / loadsPerFma, kLatencyChains});
        double cost = tiles * (reduction * step + 2.0 * acc + 20.0);
        if (bestCost < 0 || cost < bestCost) {
          bestCost = cost;
          best = {v, cols, rows};
        }
      }
  }
  return best;
}

} // namespace webnnc::kernels
