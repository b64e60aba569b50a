// SPDX-License-Identifier: Apache-2.0
// Helpers the op converters share.
#ifndef WEBNNC_IMPORT_ONNX_OPS_COMMON_H_
#define WEBNNC_IMPORT_ONNX_OPS_COMMON_H_

#include "../HostFold.h"
#include "../NodeContext.h"

namespace webnnc::importer {

using spec::kMaxUnsignedLong;

// A scalar constant of |type|, broadcast by element-wise ops.
inline Operand scalar(NodeContext &ctx, spec::DataType type, double value) {
  return ctx.b().constant({type, {}}, value);
}

// Whether the node should be computed on the host: every input known and
// the result small.
inline bool foldable(NodeContext &ctx, int64_t outputElements) {
  return outputElements <= kMaxKnownElements && ctx.allInputsKnown();
}

// |axis| for |rank| (negative counts from the end), or nullopt after
// reporting `invalid` naming |what| when it is out of range.
std::optional<int64_t> checkedAxis(NodeContext &ctx, int64_t axis,
                                   int64_t rank,
                                   const std::string &what = "axis");

// Normalizes |axes| for |rank| (negative ones count from the end);
// reports `invalid` naming |what| when one is out of range or repeated.
std::optional<std::vector<int64_t>>
normalizeAxes(NodeContext &ctx, std::vector<int64_t> axes, int64_t rank,
              const std::string &what);

// ONNX spatial padding: "pads" [x1_begin, x2_begin, ..., x1_end, ...] or
// auto_pad, as WebNN's [beginH, endH, beginW, endW]. |input|, |window|
// (already dilated), |strides| are the 2-D spatial sizes; a 1-D op is
// imported as 2-D with height 1 (|oneD|: pads holds [begin, end]).
// Strides and the window are positive and fit WebNN's unsigned long.
std::optional<std::vector<int64_t>>
spatialPadding(NodeContext &ctx, const std::vector<int64_t> &input,
               const std::vector<int64_t> &window,
               const std::vector<int64_t> &strides, bool oneD = false);

// A scalar, or a 1-D tensor along |axis| of a rank-|rank| operand,
// reshaped to [1, .., n, .., 1] so that it broadcasts against it (other
// shapes are left to the op's rules).
Operand alongAxis(NodeContext &ctx, Operand t, int64_t rank, int64_t axis);

// [1, .., size, .., 1] (|size| along |axis|, rank |rank|) holding
// 0 .. size - 1 as |type| (int32 or int64).
Operand iota(NodeContext &ctx, spec::DataType type, size_t rank, size_t axis,
             int64_t size);

// |parts| concatenated along |axis|; a single part is returned as is.
Operand concatAll(NodeContext &ctx, const std::vector<Operand> &parts,
                  uint32_t axis);

} // namespace webnnc::importer

#endif // WEBNNC_IMPORT_ONNX_OPS_COMMON_H_
