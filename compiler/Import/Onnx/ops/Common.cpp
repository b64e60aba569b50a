// SPDX-License-Identifier: Apache-2.0
#include "Common.h"

#include <algorithm>

namespace webnnc::importer {

Operand alongAxis(NodeContext &ctx, Operand t, int64_t rank, int64_t axis) {
  spec::Shape shape(static_cast<size_t>(rank), 1);
  if (t.rank() == 1 && rank > 0)
    shape[static_cast<size_t>(axis)] = t.shape()[0];
  else if (t.rank() != 0)
    return t;
  return ctx.b().reshape(t, shape, ctx.options());
}

Operand iota(NodeContext &ctx, spec::DataType type, size_t rank, size_t axis,
             int64_t size) {
  spec::Shape shape(rank, 1);
  shape[axis] = size;
  HostTensor t({type, shape});
  for (int64_t i = 0; i < size; ++i)
    t.set(size_t(i), double(i));
  return ctx.b().constant(t.descriptor(),
                          std::span<const std::byte>(t.data(), t.byteSize()));
}

Operand concatAll(NodeContext &ctx, const std::vector<Operand> &parts,
                  uint32_t axis) {
  return parts.size() == 1 ? parts.front()
                           : ctx.b().concat(parts, axis, ctx.options());
}

std::optional<int64_t> checkedAxis(NodeContext &ctx, int64_t axis,
                                   int64_t rank, const std::string &what) {
  auto n = normalizeAxis(axis, rank);
  if (!n)
    ctx.invalid(what + " " + std::to_string(axis) +
                " is out of range for rank " + std::to_string(rank));
  return n;
}

std::optional<std::vector<int64_t>>
normalizeAxes(NodeContext &ctx, std::vector<int64_t> axes, int64_t rank,
              const std::string &what) {
  for (int64_t &axis : axes) {
    auto n = checkedAxis(ctx, axis, rank, what);
    if (!n)
      return std::nullopt;
    axis = *n;
  }
  std::vector<int64_t> sorted = axes;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    ctx.invalid(what + " must not repeat an axis");
    return std::nullopt;
  }
  return axes;
}

std::optional<std::vector<int64_t>>
spatialPadding(NodeContext &ctx, const std::vector<int64_t> &input,
               const std::vector<int64_t> &window,
               const std::vector<int64_t> &strides, bool oneD) {
  std::string autoPad = ctx.attrString("auto_pad", "NOTSET");
  std::vector<int64_t> pads =
      ctx.attrInts("pads", oneD ? std::vector<int64_t>{0, 0}
                                : std::vector<int64_t>{0, 0, 0, 0});
  if (oneD && pads.size() == 2)
    pads = {0, pads[0], 0, pads[1]};
  if (autoPad == "NOTSET") {
    if (pads.size() != 4) {
      ctx.invalid("pads must hold 4 values, it holds " +
                  std::to_string(pads.size()));
      return std::nullopt;
    }
    for (int64_t p : pads)
      if (p < 0) {
        ctx.unsupported("negative pads");
        return std::nullopt;
      }
    return std::vector<int64_t>{pads[0], pads[2], pads[1], pads[3]};
  }
  if (autoPad == "VALID")
    return std::vector<int64_t>{0, 0, 0, 0};
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") {
    ctx.invalid("auto_pad '" + autoPad + "' is not an ONNX padding mode");
    return std::nullopt;
  }
  std::vector<int64_t> out;
  for (size_t k = 0; k < 2; ++k) {
    if (strides[k] < 1 || window[k] < 1) {
      ctx.invalid("strides and the kernel must be positive");
      return std::nullopt;
    }
    if (spec::isOpen(input[k]) && strides[k] != 1) {
      ctx.unsupported("auto_pad " + autoPad + " with stride " +
                      std::to_string(strides[k]) +
                      " pads by an amount that depends on the input size, "
                      "which is open");
      return std::nullopt;
    }
    // Stride 1 (the only one an open size reaches here): window - 1.
    int64_t total = window[k] - 1;
    if (!spec::isOpen(input[k])) {
      int64_t outSize = (input[k] + strides[k] - 1) / strides[k];
      total = std::max<int64_t>(
          0, (outSize - 1) * strides[k] + window[k] - input[k]);
    }
    int64_t small = total / 2, large = total - small;
    if (autoPad == "SAME_UPPER")
      out.insert(out.end(), {small, large});
    else
      out.insert(out.end(), {large, small});
  }
  return out;
}

} // namespace webnnc::importer
