// SPDX-License-Identifier: Apache-2.0
// TopK from k argMax (argMin) passes: each pass takes the first extreme
// along the axis (so equal values keep their index order, as ONNX asks),
// gathers its value, and masks it with the type's lowest (highest) value
// for the next. When the extreme left is that value itself (the input
// holds -inf, or INT_MIN, and the other values are used up), the pass
// takes the first index not yet taken instead. k is known at compile time
// and at most kMaxTopK.
#include <limits>

#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

constexpr int64_t kMaxTopK = 64;

// The value below (above) every other of |type|.
double sentinel(DataType type, bool largest) {
  double inf = std::numeric_limits<double>::infinity();
  if (spec::isFloatingPoint(type))
    return largest ? -inf : inf;
  switch (type) {
  case DataType::Int8:
    return largest ? -128 : 127;
  case DataType::Uint8:
    return largest ? 0 : 255;
  case DataType::Int32:
    return largest ? double(INT32_MIN) : double(INT32_MAX);
  case DataType::Uint32:
    return largest ? 0 : double(UINT32_MAX);
  case DataType::Int64:
    return largest ? double(INT64_MIN) : 9223372036854775807.0;
  default: // uint64
    return largest ? 0 : 18446744073709551615.0;
  }
}

void convertTopK(NodeContext &ctx) {
  int64_t axisValue = ctx.attrInt("axis", -1);
  bool largest = ctx.attrInt("largest", 1) != 0;
  ctx.attrInt("sorted", 1); // sorted or not, the passes give sorted order
  int64_t k = 0;
  if (ctx.opset() < 10) {
    k = ctx.attrInt("k", 0);
  } else {
    auto given = ctx.constantInts(1, "K");
    if (!given)
      return;
    if (given->size() != 1)
      return ctx.invalid("K must hold one value");
    k = given->front();
  }
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto axis = checkedAxis(ctx, axisValue, int64_t(x.rank()));
  if (!axis)
    return;
  int64_t size = x.shape()[size_t(*axis)];
  if (spec::isOpen(size))
    return ctx.unsupported("the axis has an open size");
  if (k < 1 || k > size)
    return ctx.invalid("k " + std::to_string(k) + " is not in [1, " +
                       std::to_string(size) + "]");
  if (k > kMaxTopK)
    return ctx.unsupported("k " + std::to_string(k) + " above " +
                           std::to_string(kMaxTopK) +
                           " (TopK is composed of k argMax passes)");
  auto &g = ctx.b();
  auto options = ctx.options();
  uint32_t at = uint32_t(*axis);
  spec::ArgMinMaxOptions arg = ctx.labelled(spec::ArgMinMaxOptions{});
  arg.keepDimensions = true;
  arg.outputDataType = DataType::Int64;
  Operand positions = iota(ctx, DataType::Int64, x.rank(), at, size);
  Operand fill = scalar(ctx, x.dataType(), sentinel(x.dataType(), largest));
  spec::GatherOptions gather = ctx.labelled(spec::GatherOptions{});
  gather.axis = at;
  std::vector<Operand> values, indices;
  Operand rest = x;
  // 1 where a pass has taken the index; its first 0 is the first index
  // not yet taken.
  Operand taken = g.expand(scalar(ctx, DataType::Uint8, 0), x.shape(), options);
  for (int64_t i = 0; i < k; ++i) {
    Operand index = largest ? g.argMax(rest, at, arg) : g.argMin(rest, at, arg);
    if (i > 0) {
      Operand extreme = g.gatherElements(rest, index, gather);
      index = g.where(g.equal(extreme, fill, options),
                      g.argMin(taken, at, arg), index, options);
    }
    indices.push_back(index);
    values.push_back(g.gatherElements(x, index, gather));
    if (i + 1 < k) {
      Operand picked = g.equal(positions, index, options);
      rest = g.where(picked, fill, rest, options);
      taken = g.where(picked, scalar(ctx, DataType::Uint8, 1), taken, options);
    }
  }
  ctx.set(0, concatAll(ctx, values, at));
  ctx.set(1, concatAll(ctx, indices, at));
}

} // namespace

void registerTopKOps(ConverterTable &t) { t["TopK"] = convertTopK; }

} // namespace webnnc::importer
