// SPDX-License-Identifier: Apache-2.0
// Host evaluation of small compile-time tensors: what ONNX shape
// computations (Shape -> Gather -> Concat -> Reshape ...) need to fold
// into the constants WebNN's static operations take.
#ifndef WEBNNC_IMPORT_ONNX_HOSTFOLD_H_
#define WEBNNC_IMPORT_ONNX_HOSTFOLD_H_

#include <functional>
#include <optional>
#include <vector>

#include "webnnc/Support/HostTensor.h"

namespace webnnc::importer::host {

HostTensor ints(const std::vector<int64_t> &values,
                spec::DataType type = spec::DataType::Int64);
HostTensor reshaped(const HostTensor &t, const spec::Shape &shape);
std::optional<spec::Shape> broadcast(const spec::Shape &a, const spec::Shape &b);

// Element-wise with numpy broadcasting, computed in double and stored in
// |outType| (exact for the integers shape computations use).
HostTensor binary(const HostTensor &a, const HostTensor &b,
                  spec::DataType outType,
                  const std::function<double(double, double)> &f);
HostTensor unary(const HostTensor &a, spec::DataType outType,
                 const std::function<double(double)> &f);
HostTensor where(const HostTensor &c, const HostTensor &t, const HostTensor &f);

// Data movement, byte-exact for every type.
HostTensor concat(const std::vector<const HostTensor *> &parts, int64_t axis);
// Indices must be in range after adding the axis size to negative ones.
std::optional<HostTensor> gather(const HostTensor &data,
                                 const HostTensor &indices, int64_t axis);
// Per axis: the first index, the element count and the step (may be < 0).
HostTensor slice(const HostTensor &t, const std::vector<int64_t> &starts,
                 const std::vector<int64_t> &counts,
                 const std::vector<int64_t> &steps);
HostTensor transpose(const HostTensor &t, const std::vector<int64_t> &perm);
HostTensor expand(const HostTensor &t, const spec::Shape &shape);

} // namespace webnnc::importer::host

#endif // WEBNNC_IMPORT_ONNX_HOSTFOLD_H_
