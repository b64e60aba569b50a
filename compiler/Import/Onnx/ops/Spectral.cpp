// SPDX-License-Identifier: Apache-2.0
// DFT and STFT as matrix products: WebNN has no Fourier transform, but
// with the length known at compile time one is a matmul of the signal by
// constant cosine and sine matrices (n x K, K = n or n / 2 + 1 one-sided).
// STFT gathers its frames with a constant index matrix and windows them
// first. Complex values are ONNX's trailing [real, imaginary] dimension.
#include <cmath>

#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

// The cosine and sine matrices can grow quadratically: at most this many
// elements each.
constexpr int64_t kMaxMatrixElements = int64_t(1) << 22;

Operand constantOf(NodeContext &ctx, const HostTensor &t) {
  return ctx.b().constant(t.descriptor(),
                          std::span<const std::byte>(t.data(), t.byteSize()));
}

struct Complex {
  Operand re;
  std::optional<Operand> im; // absent: a real signal
};

// [n, bins] float32 constant: scale * cos (or sin) of 2 pi j k / n.
Operand twiddles(NodeContext &ctx, int64_t n, int64_t bins, bool sine,
                 double scale) {
  HostTensor m({DataType::Float32, {n, bins}});
  for (int64_t j = 0; j < n; ++j)
    for (int64_t k = 0; k < bins; ++k) {
      // j * k mod n keeps the angle small, so the double is exact enough.
      double angle = 2 * M_PI * double((j * k) % n) / double(n);
      m.set(size_t(j * bins + k),
            scale * (sine ? std::sin(angle) : std::cos(angle)));
    }
  return constantOf(ctx, m);
}

// The transform of |x| along its last axis (length n): bins of
// sum_j x[j] e^(-+2 pi i j k / n) (scaled 1 / n when inverse), as
// [..., bins] real and imaginary parts.
std::pair<Operand, Operand> transform(NodeContext &ctx, const Complex &x,
                                      int64_t n, int64_t bins, bool inverse) {
  auto &g = ctx.b();
  auto options = ctx.options();
  double scale = inverse ? 1.0 / double(n) : 1.0;
  // (re + i im)(cos + i s sin), s = -1 forward, +1 inverse.
  Operand c = twiddles(ctx, n, bins, false, scale);
  Operand s = twiddles(ctx, n, bins, true, inverse ? scale : -scale);
  Operand re = g.matmul(x.re, c, options);
  Operand im = g.matmul(x.re, s, options);
  if (x.im) {
    re = g.sub(re, g.matmul(*x.im, s, options), options);
    im = g.add(im, g.matmul(*x.im, c, options), options);
  }
  return {re, im};
}

// [..., bins] real and imaginary parts as ONNX's [..., bins, 2].
Operand interleave(NodeContext &ctx, const Operand &re, const Operand &im) {
  auto &g = ctx.b();
  spec::Shape shape = re.shape();
  shape.push_back(1);
  return g.concat({g.reshape(re, shape, ctx.options()),
                   g.reshape(im, shape, ctx.options())},
                  uint32_t(shape.size() - 1), ctx.options());
}

// The real and imaginary parts of |x| ([..., 1 or 2]) without the last
// dimension.
std::optional<Complex> parts(NodeContext &ctx, const Operand &x) {
  const spec::Shape &shape = x.shape();
  if (shape.empty() || (shape.back() != 1 && shape.back() != 2)) {
    ctx.invalid("the last dimension must be 1 (real) or 2 (complex)");
    return std::nullopt;
  }
  auto &g = ctx.b();
  spec::Shape inner(shape.begin(), shape.end() - 1);
  auto component = [&](int64_t i) {
    std::vector<int64_t> starts(shape.size(), 0), sizes = shape;
    starts.back() = i, sizes.back() = 1;
    return g.reshape(g.slice(x, starts, sizes,
                             ctx.labelled(spec::SliceOptions{})),
                     inner, ctx.options());
  };
  Complex out{component(0), std::nullopt};
  if (shape.back() == 2)
    out.im = component(1);
  return out;
}

// Input |i| (|what|), a length known at compile time, within
// [1, kMaxMatrixElements] (no overflow on the way to the matrix sizes).
std::optional<int64_t> lengthInput(NodeContext &ctx, size_t i,
                                   const std::string &what) {
  auto value = ctx.constantScalar(i, what);
  if (!value)
    return std::nullopt;
  if (!(*value >= 1 && *value <= double(kMaxMatrixElements))) {
    ctx.invalid(what + " must be in [1, " +
                std::to_string(kMaxMatrixElements) + "]");
    return std::nullopt;
  }
  return int64_t(*value);
}

bool checkSizes(NodeContext &ctx, int64_t n, int64_t bins) {
  if (n > kMaxMatrixElements || bins > kMaxMatrixElements ||
      n * bins > kMaxMatrixElements) {
    ctx.unsupported("a transform of length " + std::to_string(n) +
                    " (its matrices would exceed " +
                    std::to_string(kMaxMatrixElements) + " elements)");
    return false;
  }
  return true;
}

void convertDft(NodeContext &ctx) {
  bool inverse = ctx.attrInt("inverse", 0) != 0;
  bool onesided = ctx.attrInt("onesided", 0) != 0;
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(x.rank());
  int64_t axis = ctx.opset() >= 20 ? -2 : ctx.attrInt("axis", 1);
  if (ctx.opset() >= 20 && ctx.hasInput(2)) {
    auto given = ctx.constantScalar(2, "axis");
    if (!given)
      return;
    if (!(std::fabs(*given) <= double(rank)))
      return ctx.invalid("axis is out of range for rank " +
                         std::to_string(rank));
    axis = int64_t(*given);
  }
  if (axis < 0)
    axis += rank;
  if (axis < 1 || axis >= rank - 1)
    return ctx.invalid("axis must name a signal dimension (not the batch "
                       "or the trailing real/imaginary one)");
  if (x.dataType() != DataType::Float32)
    return ctx.unsupported("other than float32");
  if (spec::hasOpenDims(x.shape()))
    return ctx.unsupported("open dimensions");
  if (inverse && onesided)
    return ctx.unsupported("a one-sided inverse");
  int64_t size = x.shape()[size_t(axis)];
  int64_t n = size;
  if (ctx.hasInput(1)) {
    auto length = lengthInput(ctx, 1, "dft_length");
    if (!length)
      return;
    n = *length;
  }
  int64_t bins = onesided ? n / 2 + 1 : n;
  if (!checkSizes(ctx, n, bins))
    return;
  auto signal = parts(ctx, x);
  if (!signal)
    return;
  auto &g = ctx.b();
  auto options = ctx.options();
  // The signal axis last, cut or zero-padded to n.
  int64_t r = rank - 1;
  std::vector<int64_t> order;
  for (int64_t d = 0; d < r; ++d)
    if (d != axis)
      order.push_back(d);
  order.push_back(axis);
  auto prepare = [&](Operand v) {
    v = g.transpose(v, ctx.labelled(spec::TransposeOptions{order}));
    std::vector<int64_t> zeros(size_t(r), 0);
    if (n < size) {
      std::vector<int64_t> sizes = v.shape();
      sizes.back() = n;
      v = g.slice(v, zeros, sizes, ctx.labelled(spec::SliceOptions{}));
    } else if (n > size) {
      std::vector<int64_t> ending = zeros;
      ending.back() = n - size;
      v = g.pad(v, zeros, ending, ctx.labelled(spec::PadOptions{}));
    }
    return v;
  };
  Complex prepared{prepare(signal->re), std::nullopt};
  if (signal->im)
    prepared.im = prepare(*signal->im);
  auto [re, im] = transform(ctx, prepared, n, bins, inverse);
  // The bins back where the signal axis was.
  std::vector<int64_t> back(static_cast<size_t>(r));
  for (int64_t d = 0; d < r; ++d)
    back[size_t(order[size_t(d)])] = d;
  spec::TransposeOptions restore = ctx.labelled(spec::TransposeOptions{back});
  ctx.set(0, interleave(ctx, g.transpose(re, restore),
                        g.transpose(im, restore)));
}

void convertStft(NodeContext &ctx) {
  bool onesided = ctx.attrInt("onesided", 1) != 0;
  Operand x = ctx.input(0);
  auto step = lengthInput(ctx, 1, "frame_step");
  if (ctx.failed() || !step)
    return;
  if (x.rank() != 3)
    return ctx.invalid("the signal must be [batch, length, 1 or 2]");
  if (x.dataType() != DataType::Float32)
    return ctx.unsupported("other than float32");
  if (spec::hasOpenDims(x.shape()))
    return ctx.unsupported("open dimensions");
  std::optional<Operand> window;
  int64_t n = 0;
  if (ctx.hasInput(2)) {
    window = ctx.input(2);
    if (ctx.failed())
      return;
    if (window->rank() != 1)
      return ctx.invalid("the window must be 1-D");
    n = window->shape()[0];
  }
  if (ctx.hasInput(3)) {
    auto length = lengthInput(ctx, 3, "frame_length");
    if (!length)
      return;
    if (window && *length != n)
      return ctx.invalid("frame_length must be the window's length");
    n = *length;
  }
  int64_t length = x.shape()[1], hop = *step;
  if (n < 1 || hop < 1 || n > length)
    return ctx.invalid("needs a frame length in [1, signal length] and a "
                       "positive frame_step");
  int64_t frames = (length - n) / hop + 1;
  int64_t bins = onesided ? n / 2 + 1 : n;
  if (!checkSizes(ctx, n, bins) || !checkSizes(ctx, frames, n))
    return;
  auto signal = parts(ctx, x); // [batch, length]
  if (!signal)
    return;
  auto &g = ctx.b();
  auto options = ctx.options();
  // Frame f, tap j reads sample f * hop + j.
  HostTensor taps({DataType::Int32, {frames, n}});
  for (int64_t f = 0; f < frames; ++f)
    for (int64_t j = 0; j < n; ++j)
      taps.set(size_t(f * n + j), double(f * hop + j));
  Operand index = constantOf(ctx, taps);
  spec::GatherOptions along = ctx.labelled(spec::GatherOptions{});
  along.axis = 1;
  auto framed = [&](const Operand &v) {
    Operand f = g.gather(v, index, along); // [batch, frames, n]
    return window ? g.mul(f, *window, options) : f;
  };
  Complex frames3{framed(signal->re), std::nullopt};
  if (signal->im)
    frames3.im = framed(*signal->im);
  auto [re, im] = transform(ctx, frames3, n, bins, false);
  ctx.set(0, interleave(ctx, re, im));
}

} // namespace

void registerSpectralOps(ConverterTable &t) {
  t["DFT"] = convertDft;
  t["STFT"] = convertStft;
}

} // namespace webnnc::importer
