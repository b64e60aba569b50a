// SPDX-License-Identifier: Apache-2.0
// The stages of a conv2d kernel and the schedules that place them (private
// to the conv2d family). The algorithm is in Conv2d.cpp; nchw schedules in
// Conv2dScheduleNchw.cpp, channels-last ones in Conv2dScheduleNhwc.cpp.
#ifndef WEBNNC_CODEGEN_HALIDE_KERNELS_CONV2DSCHEDULE_H_
#define WEBNNC_CODEGEN_HALIDE_KERNELS_CONV2DSCHEDULE_H_

#include "../Common.h"
#include "webnnc/Spec/ConvOps.h"

namespace webnnc::halide {

// Canonical roles of a Func's variables.
struct ConvVars {
  Halide::Var x, y, o, n;
};

// What the algorithm defined, for the schedule.
struct ConvStages {
  spec::Conv2dGeometry geometry;
  bool nchw = true;
  // The running sums: acc(x, y, o, n) in the output's layout, or, with a
  // packed filter, acc(p, panel, x, y, n) for output channel panel * P + p.
  Halide::Func acc;
  ConvVars vars;          // acc's variables (o is p when packed)
  Halide::Var panel;      // packed only
  int64_t panelWidth = 0; // P, or 0 without a packed filter
  // The zero-padded input, when the conv has padding, or a copy the dense
  // conv reads (inlined unless a schedule places it).
  Halide::Func padded;
  Halide::RDom r; // (kx, ky, input channel in group)
  // Integer dot products: r.z counts groups of this many input channels
  // and r.w is the channel within the group, summed innermost as one
  // vector instruction (0: float convs, no r.w).
  int dotTerms = 0;
};

void scheduleConvNchw(Halide::Func output, const ConvStages &stages,
                      const Halide::Target &target, const Placement &placement);
void scheduleConvNhwc(Halide::Func output, const ConvStages &stages,
                      const Halide::Target &target, const Placement &placement);

// A conv computed inside its consumer (a fused producer) computes every
// column wherever it is computed (its consumers read it clamped to its
// width; rows and channels follow the consumer's tiles): column tiles then
// fit as they do at the root and need no guarded partial vectors. Returns
// the placement to choose the column tail strategy with.
Placement wholeColumns(Halide::Func output, const ConvVars &out,
                       const spec::Conv2dGeometry &g,
                       const Placement &placement);

using spec::isDepthwise;

// Multiply-adds of the whole conv (open sizes at their hint).
inline int64_t convWork(const spec::Conv2dGeometry &g) {
  return sizeHint(g.batches) * g.outputChannels * sizeHint(g.outputHeight) *
         sizeHint(g.outputWidth) * g.filterHeight * g.filterWidth *
         (g.inputChannels / g.groups);
}

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_KERNELS_CONV2DSCHEDULE_H_
