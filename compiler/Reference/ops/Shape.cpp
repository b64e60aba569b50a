// SPDX-License-Identifier: Apache-2.0
// Reference semantics of the shape and data-movement operations.
#include <cmath>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;

namespace {


OpResult transpose(webnn::TransposeOp op, const RefTensor &in) {
  std::vector<int64_t> perm = spec::resolvePermutation(
      *webnn::getDescriptor(op.getInput().getType()),
      webnn::optionsOf<spec::TransposeOptions>(op));
  RefTensor out(in.type, shapeOf(op.getResult()));
  std::vector<int64_t> inStrides = stridesOf(in.shape);
  size_t rank = out.shape.size();
  std::vector<int64_t> index(rank, 0);
  for (size_t k = 0; k < out.size(); ++k) {
    // Output dimension d walks input dimension perm[d].
    size_t from = 0;
    for (size_t d = 0; d < rank; ++d)
      from += index[d] * inStrides[perm[d]];
    out.copyFrom(k, in, from);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out.shape[d])
        break;
      index[d] = 0;
    }
  }
  return out;
}

OpResult concat(webnn::ConcatOp op, const Operands &operands) {
  int64_t axis = op.getAxis();
  RefTensor out(operands[0]->type, shapeOf(op.getResult()));
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> at = index;
    for (const RefTensor *input : operands) {
      if (at[axis] < input->shape[axis]) {
        out.copyFrom(k, *input, offsetOf(at, input->shape));
        return;
      }
      at[axis] -= input->shape[axis];
    }
  });
  return out;
}

OpResult expand(webnn::ExpandOp op, const RefTensor &in) {
  RefTensor out(in.type, shapeOf(op.getResult()));
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    out.copyFrom(k, in, broadcastOffset(index, in.shape));
  });
  return out;
}

// The input coordinate an output coordinate of pad reads, or -1 for the
// constant padding value.
int64_t padSource(int64_t o, int64_t begin, int64_t size,
                  spec::PaddingMode mode) {
  int64_t i = o - begin;
  if (i >= 0 && i < size)
    return i;
  switch (mode) {
  case spec::PaddingMode::Constant:
    return -1;
  case spec::PaddingMode::Edge:
    return i < 0 ? 0 : size - 1;
  case spec::PaddingMode::Reflection:
    return i < 0 ? -i : 2 * (size - 1) - i;
  }
  return -1;
}

OpResult pad(webnn::PadOp op, const RefTensor &in) {
  spec::PadOptions options = webnn::optionsOf<spec::PadOptions>(op);
  ArrayRef<int64_t> begin = op.getBeginningPadding();
  RefTensor out(in.type, shapeOf(op.getResult()));
  // The padding value cast to the type, like clamp's bounds.
  RefTensor value(in.type, {});
  if (value.isFloat())
    value.f[0] = roundTo(in.type, options.value);
  else
    value.i[0] = castToInteger(in.type, options.value);
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> from(index.size());
    for (size_t d = 0; d < index.size(); ++d) {
      from[d] = padSource(index[d], begin[d], in.shape[d], options.mode);
      if (from[d] < 0) {
        out.copyFrom(k, value, 0);
        return;
      }
    }
    out.copyFrom(k, in, offsetOf(from, in.shape));
  });
  return out;
}

OpResult reverse(webnn::ReverseOp op, const RefTensor &in) {
  std::vector<int64_t> axes = spec::resolveReverseAxes(
      descriptorOf(op.getInput()), webnn::optionsOf<spec::ReverseOptions>(op));
  RefTensor out(in.type, in.shape);
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> from = index;
    for (int64_t axis : axes)
      from[axis] = in.shape[axis] - 1 - index[axis];
    out.copyFrom(k, in, offsetOf(from, in.shape));
  });
  return out;
}

OpResult slice(webnn::SliceOp op, const RefTensor &in) {
  ArrayRef<int64_t> starts = op.getStarts();
  std::vector<int64_t> strides = webnn::optionsOf<spec::SliceOptions>(op).strides;
  RefTensor out(in.type, shapeOf(op.getResult()));
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> from(index.size());
    for (size_t d = 0; d < index.size(); ++d)
      from[d] = starts[d] + index[d] * (strides.empty() ? 1 : strides[d]);
    out.copyFrom(k, in, offsetOf(from, in.shape));
  });
  return out;
}

OpResult tile(webnn::TileOp op, const RefTensor &in) {
  RefTensor out(in.type, shapeOf(op.getResult()));
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> from(index.size());
    for (size_t d = 0; d < index.size(); ++d)
      from[d] = index[d] % in.shape[d];
    out.copyFrom(k, in, offsetOf(from, in.shape));
  });
  return out;
}

OpResult triangular(webnn::TriangularOp op, const RefTensor &in) {
  spec::TriangularOptions options = webnn::optionsOf<spec::TriangularOptions>(op);
  RefTensor out(in.type, in.shape);
  size_t rank = in.shape.size();
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    int64_t offset = index[rank - 1] - index[rank - 2]; // column - row
    bool keep = options.upper ? offset >= options.diagonal
                              : offset <= options.diagonal;
    if (keep)
      out.copyFrom(k, in, k);
  });
  return out;
}

} // namespace

std::optional<OpResult> evaluateShape(Operation *op,
                                      const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::ReshapeOp reshape) -> std::optional<OpResult> {
        RefTensor out = *operands[0];
        out.shape = shapeOf(reshape.getResult());
        return out;
      })
      .Case([&](webnn::TransposeOp t) { return transpose(t, *operands[0]); })
      .Case([&](webnn::ConcatOp c) { return concat(c, operands); })
      .Case([&](webnn::ExpandOp e) { return expand(e, *operands[0]); })
      .Case([&](webnn::PadOp p) { return pad(p, *operands[0]); })
      .Case([&](webnn::ReverseOp r) { return reverse(r, *operands[0]); })
      .Case([&](webnn::SliceOp s) { return slice(s, *operands[0]); })
      .Case([&](webnn::TileOp t) { return tile(t, *operands[0]); })
      .Case([&](webnn::TriangularOp t) { return triangular(t, *operands[0]); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
