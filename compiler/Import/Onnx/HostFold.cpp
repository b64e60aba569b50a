// SPDX-License-Identifier: Apache-2.0
#include "HostFold.h"

#include <cstring>

namespace webnnc::importer::host {

using spec::DataType;
using spec::Shape;

namespace {

std::vector<int64_t> stridesOf(const Shape &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (int k = int(shape.size()) - 2; k >= 0; --k)
    strides[k] = strides[k + 1] * shape[k + 1];
  return strides;
}

// The flat index in a tensor of |shape| broadcast to |outShape| for the
// output's flat index |i|.
size_t broadcastIndex(size_t i, const Shape &outShape, const Shape &shape,
                      const std::vector<int64_t> &outStrides,
                      const std::vector<int64_t> &strides) {
  size_t at = 0;
  size_t offset = outShape.size() - shape.size();
  for (size_t k = 0; k < outShape.size(); ++k) {
    int64_t coord = (int64_t(i) / outStrides[k]) % outShape[k];
    if (k >= offset && shape[k - offset] != 1)
      at += coord * strides[k - offset];
  }
  return at;
}

} // namespace

HostTensor ints(const std::vector<int64_t> &values, DataType type) {
  HostTensor t({type, {int64_t(values.size())}});
  for (size_t i = 0; i < values.size(); ++i) {
    if (type == DataType::Int64)
      t.as<int64_t>()[i] = values[i];
    else
      t.set(i, double(values[i]));
  }
  return t;
}

HostTensor reshaped(const HostTensor &t, const Shape &shape) {
  HostTensor out({t.dataType(), shape});
  // memcpy from an empty tensor's NULL data is undefined (fuzz_onnx_import).
  if (size_t n = std::min(out.byteSize(), t.byteSize()))
    std::memcpy(out.data(), t.data(), n);
  return out;
}

std::optional<Shape> broadcast(const Shape &a, const Shape &b) {
  Shape out(std::max(a.size(), b.size()));
  for (size_t k = 0; k < out.size(); ++k) {
    int64_t da = k < out.size() - a.size() ? 1 : a[k - (out.size() - a.size())];
    int64_t db = k < out.size() - b.size() ? 1 : b[k - (out.size() - b.size())];
    if (da != db && da != 1 && db != 1)
      return std::nullopt;
    out[k] = da == 1 ? db : da;
  }
  return out;
}

HostTensor binary(const HostTensor &a, const HostTensor &b, DataType outType,
                  const std::function<double(double, double)> &f) {
  Shape shape = *broadcast(a.shape(), b.shape());
  HostTensor out({outType, shape});
  auto os = stridesOf(shape), as = stridesOf(a.shape()),
       bs = stridesOf(b.shape());
  for (size_t i = 0; i < out.elementCount(); ++i)
    out.set(i, f(a.at(broadcastIndex(i, shape, a.shape(), os, as)),
                 b.at(broadcastIndex(i, shape, b.shape(), os, bs))));
  return out;
}

HostTensor unary(const HostTensor &a, DataType outType,
                 const std::function<double(double)> &f) {
  HostTensor out({outType, a.shape()});
  for (size_t i = 0; i < out.elementCount(); ++i)
    out.set(i, f(a.at(i)));
  return out;
}

HostTensor where(const HostTensor &c, const HostTensor &t,
                 const HostTensor &f) {
  Shape shape = *broadcast(*broadcast(c.shape(), t.shape()), f.shape());
  HostTensor out({t.dataType(), shape});
  auto os = stridesOf(shape), cs = stridesOf(c.shape()),
       ts = stridesOf(t.shape()), fs = stridesOf(f.shape());
  size_t size = spec::byteSize(t.dataType());
  for (size_t i = 0; i < out.elementCount(); ++i) {
    bool pick = c.at(broadcastIndex(i, shape, c.shape(), os, cs)) != 0;
    const HostTensor &src = pick ? t : f;
    size_t at = broadcastIndex(i, shape, src.shape(), os,
                               pick ? ts : fs);
    std::memcpy(out.data() + i * size, src.data() + at * size, size);
  }
  return out;
}

HostTensor concat(const std::vector<const HostTensor *> &parts, int64_t axis) {
  Shape shape = parts[0]->shape();
  shape[axis] = 0;
  for (const HostTensor *p : parts)
    shape[axis] += p->shape()[axis];
  HostTensor out({parts[0]->dataType(), shape});
  size_t size = spec::byteSize(out.dataType());
  int64_t outer = 1;
  for (int64_t k = 0; k < axis; ++k)
    outer *= shape[k];
  std::byte *dst = out.data();
  for (int64_t o = 0; o < outer; ++o)
    for (const HostTensor *p : parts) {
      size_t chunk = p->elementCount() / std::max<int64_t>(outer, 1) * size;
      if (p->elementCount() == 0)
        continue;
      std::memcpy(dst, p->data() + o * chunk, chunk);
      dst += chunk;
    }
  return out;
}

std::optional<HostTensor> gather(const HostTensor &data,
                                 const HostTensor &indices, int64_t axis) {
  const Shape &ds = data.shape();
  Shape shape(ds.begin(), ds.begin() + axis);
  shape.insert(shape.end(), indices.shape().begin(), indices.shape().end());
  shape.insert(shape.end(), ds.begin() + axis + 1, ds.end());
  HostTensor out({data.dataType(), shape});
  size_t size = spec::byteSize(data.dataType());
  int64_t outer = 1, inner = 1;
  for (int64_t k = 0; k < axis; ++k)
    outer *= ds[k];
  for (size_t k = axis + 1; k < ds.size(); ++k)
    inner *= ds[k];
  std::byte *dst = out.data();
  for (int64_t o = 0; o < outer; ++o)
    for (size_t j = 0; j < indices.elementCount(); ++j) {
      int64_t index = indices.dataType() == DataType::Int64
                          ? indices.as<int64_t>()[j]
                          : int64_t(indices.at(j));
      if (index < 0)
        index += ds[axis];
      if (index < 0 || index >= ds[axis])
        return std::nullopt;
      std::memcpy(dst, data.data() + ((o * ds[axis] + index) * inner) * size,
                  inner * size);
      dst += inner * size;
    }
  return out;
}

HostTensor slice(const HostTensor &t, const std::vector<int64_t> &starts,
                 const std::vector<int64_t> &counts,
                 const std::vector<int64_t> &steps) {
  Shape shape(counts.begin(), counts.end());
  HostTensor out({t.dataType(), shape});
  size_t size = spec::byteSize(t.dataType());
  auto os = stridesOf(shape), ts = stridesOf(t.shape());
  for (size_t i = 0; i < out.elementCount(); ++i) {
    size_t at = 0;
    for (size_t k = 0; k < shape.size(); ++k) {
      int64_t coord = (int64_t(i) / os[k]) % shape[k];
      at += (starts[k] + coord * steps[k]) * ts[k];
    }
    std::memcpy(out.data() + i * size, t.data() + at * size, size);
  }
  return out;
}

HostTensor transpose(const HostTensor &t, const std::vector<int64_t> &perm) {
  Shape shape(perm.size());
  for (size_t k = 0; k < perm.size(); ++k)
    shape[k] = t.shape()[perm[k]];
  HostTensor out({t.dataType(), shape});
  size_t size = spec::byteSize(t.dataType());
  auto os = stridesOf(shape), ts = stridesOf(t.shape());
  for (size_t i = 0; i < out.elementCount(); ++i) {
    size_t at = 0;
    for (size_t k = 0; k < shape.size(); ++k)
      at += ((int64_t(i) / os[k]) % shape[k]) * ts[perm[k]];
    std::memcpy(out.data() + i * size, t.data() + at * size, size);
  }
  return out;
}

HostTensor expand(const HostTensor &t, const Shape &shape) {
  HostTensor out({t.dataType(), shape});
  size_t size = spec::byteSize(t.dataType());
  auto os = stridesOf(shape), ts = stridesOf(t.shape());
  for (size_t i = 0; i < out.elementCount(); ++i)
    std::memcpy(out.data() + i * size,
                t.data() + broadcastIndex(i, shape, t.shape(), os, ts) * size,
                size);
  return out;
}

} // namespace webnnc::importer::host
