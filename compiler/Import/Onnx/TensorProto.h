// SPDX-License-Identifier: Apache-2.0
// ONNX tensors and types in webnnc terms.
#ifndef WEBNNC_IMPORT_ONNX_TENSORPROTO_H_
#define WEBNNC_IMPORT_ONNX_TENSORPROTO_H_

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "onnx/onnx_pb.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc::importer {

// The WebNN type holding an ONNX element type: bool is stored as uint8
// (0 or 1, as WebNN's comparisons produce); nullopt when WebNN has none.
// TensorProto.DataType UINT4 and INT4 (ONNX 1.16, opset 21).
inline constexpr int32_t kOnnxUint4 = 21, kOnnxInt4 = 22;

std::optional<spec::DataType> webnnType(int32_t onnxType);
// "FLOAT", "DOUBLE", ...
std::string onnxTypeName(int32_t onnxType);

// The descriptor of an initializer or Constant tensor.
Expected<spec::OperandDescriptor, std::string>
descriptorOf(const onnx::TensorProto &tensor);

// Hands the tensor's little-endian bytes to |use| with as few copies as
// possible: raw_data in place, external data read once, typed fields
// converted once. |baseDirectory| locates external data files.
std::optional<std::string>
withTensorBytes(const onnx::TensorProto &tensor,
                const std::string &baseDirectory,
                const std::function<void(std::span<const std::byte>)> &use);

// The shape of a tensor with no elements (a 0 dimension) of a WebNN type,
// else nullopt. Empty tensors exist only on the host while importing:
// shape arithmetic (the shape of a scalar) and unused optional inputs
// (Resize's roi) are empty; a WebNN operand never is.
std::optional<spec::OperandDescriptor>
emptyDescriptorOf(const onnx::TensorProto &tensor);

// Decodes a tensor to the host; an empty one has no elements.
Expected<HostTensor, std::string> decodeTensor(const onnx::TensorProto &tensor,
                                               const std::string &baseDirectory);

// Frees the tensor's payload once it lives in the graph.
void releaseTensorData(onnx::TensorProto &tensor);

} // namespace webnnc::importer

#endif // WEBNNC_IMPORT_ONNX_TENSORPROTO_H_
