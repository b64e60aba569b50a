// SPDX-License-Identifier: Apache-2.0
// Reference semantics of the reductions, argMin/argMax, cumulativeSum and
// softmax.
#include <cmath>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;
using spec::ReduceKind;

namespace {

// The output position of each input element: its coordinates with the
// reduced axes dropped (or kept as size 1, which is the same flat index).
struct Reduction {
  spec::Shape keptShape; // the input shape with reduced axes set to 1
  Reduction(const spec::Shape &shape, const std::vector<int64_t> &axes)
      : keptShape(shape) {
    for (int64_t axis : axes)
      keptShape[axis] = 1;
  }
  size_t outputOf(const std::vector<int64_t> &index) const {
    return broadcastOffset(index, keptShape);
  }
};

bool lessThan(const RefTensor &t, size_t a, size_t b) {
  if (t.isFloat())
    return t.f[a] < t.f[b];
  if (spec::isSigned(t.type))
    return t.i[a] < t.i[b];
  return uint64_t(t.i[a]) < uint64_t(t.i[b]);
}

template <typename Op>
OpResult reduce(Op op, ReduceKind kind, const RefTensor &in) {
  std::vector<int64_t> axes = spec::resolveReduceAxes(
      descriptorOf(op.getInput()), webnn::optionsOf<spec::ReduceOptions>(op));
  Reduction reduction(in.shape, axes);
  RefTensor out(in.type, shapeOf(op.getResult()));
  size_t n = out.size();
  std::vector<double> acc(n, 0), count(n, 0);
  std::vector<uint64_t> iacc(n, 0);
  std::vector<size_t> pick(n, SIZE_MAX); // max/min: the chosen element
  bool isFloat = in.isFloat();
  if (kind == ReduceKind::Product)
    acc.assign(n, 1), iacc.assign(n, 1);
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    size_t o = reduction.outputOf(index);
    count[o] += 1;
    double x = isFloat ? in.f[k] : 0;
    uint64_t xi = isFloat ? 0 : uint64_t(in.i[k]);
    switch (kind) {
    case ReduceKind::Max:
    case ReduceKind::Min: {
      bool isMax = kind == ReduceKind::Max;
      if (isFloat) {
        // NaN propagates, as in max and min.
        double best = acc[o];
        acc[o] = count[o] == 1 ? x
                 : std::isnan(best) || std::isnan(x)
                     ? std::nan("")
                     : (isMax ? std::max(best, x) : std::min(best, x));
      } else if (pick[o] == SIZE_MAX ||
                 (isMax ? lessThan(in, pick[o], k) : lessThan(in, k, pick[o]))) {
        pick[o] = k;
      }
      break;
    }
    case ReduceKind::L1:
      acc[o] += std::fabs(x);
      iacc[o] += int64_t(xi) < 0 && spec::isSigned(in.type) ? 0 - xi : xi;
      break;
    case ReduceKind::L2:
    case ReduceKind::SumSquare:
      acc[o] += x * x;
      iacc[o] += xi * xi;
      break;
    case ReduceKind::LogSumExp:
      break; // below, with the maximum subtracted
    case ReduceKind::Product:
      acc[o] *= x;
      iacc[o] *= xi;
      break;
    default: // Sum, Mean, LogSum
      acc[o] += x;
      iacc[o] += xi;
      break;
    }
  });
  if (kind == ReduceKind::LogSumExp) {
    std::vector<double> maximum(n, -INFINITY);
    forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
      size_t o = reduction.outputOf(index);
      maximum[o] = std::max(maximum[o], in.f[k]);
    });
    forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
      size_t o = reduction.outputOf(index);
      acc[o] += std::exp(in.f[k] - maximum[o]);
    });
    for (size_t o = 0; o < n; ++o)
      acc[o] = std::isinf(maximum[o]) ? maximum[o]
                                      : maximum[o] + std::log(acc[o]);
  }
  for (size_t o = 0; o < n; ++o) {
    if (!isFloat && (kind == ReduceKind::Max || kind == ReduceKind::Min)) {
      out.i[o] = in.i[pick[o]];
      continue;
    }
    if (!isFloat) {
      out.i[o] = wrapTo(in.type, int64_t(iacc[o]));
      continue;
    }
    switch (kind) {
    case ReduceKind::L2:
      out.f[o] = std::sqrt(acc[o]);
      break;
    case ReduceKind::LogSum:
      out.f[o] = std::log(acc[o]);
      break;
    case ReduceKind::Mean:
      out.f[o] = acc[o] / count[o];
      break;
    default:
      out.f[o] = acc[o];
      break;
    }
  }
  out.roundToType();
  return out;
}

// argMin/argMax: the first index of the extreme value along the axis.
template <typename Op>
OpResult argMinMax(Op op, bool isMax, const RefTensor &in) {
  int64_t axis = op.getAxis();
  Reduction reduction(in.shape, {axis});
  RefTensor out(descriptorOf(op.getResult()).dataType,
                shapeOf(op.getResult()));
  std::vector<size_t> best(out.size(), SIZE_MAX);
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    size_t o = reduction.outputOf(index);
    if (best[o] == SIZE_MAX ||
        (isMax ? lessThan(in, best[o], k) : lessThan(in, k, best[o]))) {
      best[o] = k;
      out.i[o] = index[axis];
    }
  });
  return out;
}

OpResult cumulativeSum(webnn::CumulativeSumOp op, const RefTensor &in) {
  int64_t axis = op.getAxis();
  spec::CumulativeSumOptions options = webnn::optionsOf<spec::CumulativeSumOptions>(op);
  RefTensor out(in.type, in.shape);
  int64_t extent = in.shape[axis];
  int64_t inner = 1;
  for (size_t d = axis + 1; d < in.shape.size(); ++d)
    inner *= in.shape[d];
  int64_t outer = int64_t(in.size()) / (extent * inner);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      double sum = 0;
      uint64_t isum = 0;
      for (int64_t step = 0; step < extent; ++step) {
        int64_t e = options.reversed ? extent - 1 - step : step;
        size_t at = size_t((o * extent + e) * inner + i);
        if (options.exclusive) {
          if (out.isFloat())
            out.f[at] = sum;
          else
            out.i[at] = wrapTo(in.type, int64_t(isum));
        }
        if (in.isFloat())
          sum += in.f[at];
        else
          isum += uint64_t(in.i[at]);
        if (!options.exclusive) {
          if (out.isFloat())
            out.f[at] = sum;
          else
            out.i[at] = wrapTo(in.type, int64_t(isum));
        }
      }
    }
  out.roundToType();
  return out;
}

OpResult softmax(webnn::SoftmaxOp op, const RefTensor &in) {
  RefTensor out(in.type, in.shape);
  int64_t axis = static_cast<int64_t>(op.getAxis());
  int64_t extent = in.shape[axis];
  int64_t inner = 1;
  for (size_t d = axis + 1; d < in.shape.size(); ++d)
    inner *= in.shape[d];
  int64_t outer = static_cast<int64_t>(in.size()) / (extent * inner);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      auto at = [&](int64_t e) { return (o * extent + e) * inner + i; };
      double maxValue = -INFINITY;
      for (int64_t e = 0; e < extent; ++e)
        maxValue = std::max(maxValue, in.f[at(e)]);
      double sum = 0;
      for (int64_t e = 0; e < extent; ++e)
        sum += std::exp(in.f[at(e)] - maxValue);
      for (int64_t e = 0; e < extent; ++e)
        out.f[at(e)] = std::exp(in.f[at(e)] - maxValue) / sum;
    }
  out.roundToType();
  return out;
}

} // namespace

std::optional<OpResult> evaluateReduction(Operation *op,
                                          const Operands &operands) {
  const RefTensor &in = *operands[0];
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::ReduceL1Op r) { return reduce(r, ReduceKind::L1, in); })
      .Case([&](webnn::ReduceL2Op r) { return reduce(r, ReduceKind::L2, in); })
      .Case([&](webnn::ReduceLogSumOp r) {
        return reduce(r, ReduceKind::LogSum, in);
      })
      .Case([&](webnn::ReduceLogSumExpOp r) {
        return reduce(r, ReduceKind::LogSumExp, in);
      })
      .Case([&](webnn::ReduceMaxOp r) { return reduce(r, ReduceKind::Max, in); })
      .Case([&](webnn::ReduceMeanOp r) {
        return reduce(r, ReduceKind::Mean, in);
      })
      .Case([&](webnn::ReduceMinOp r) { return reduce(r, ReduceKind::Min, in); })
      .Case([&](webnn::ReduceProductOp r) {
        return reduce(r, ReduceKind::Product, in);
      })
      .Case([&](webnn::ReduceSumOp r) { return reduce(r, ReduceKind::Sum, in); })
      .Case([&](webnn::ReduceSumSquareOp r) {
        return reduce(r, ReduceKind::SumSquare, in);
      })
      .Case([&](webnn::ArgMinOp a) { return argMinMax(a, false, in); })
      .Case([&](webnn::ArgMaxOp a) { return argMinMax(a, true, in); })
      .Case([&](webnn::CumulativeSumOp c) { return cumulativeSum(c, in); })
      .Case([&](webnn::SoftmaxOp s) { return softmax(s, in); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
