// SPDX-License-Identifier: Apache-2.0
#include "TensorProto.h"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace webnnc::importer {

using spec::DataType;
using TP = onnx::TensorProto;

std::optional<DataType> webnnType(int32_t onnxType) {
  switch (onnxType) {
  case TP::FLOAT:
    return DataType::Float32;
  case TP::FLOAT16:
    return DataType::Float16;
  case TP::INT32:
    return DataType::Int32;
  case TP::UINT32:
    return DataType::Uint32;
  case TP::INT64:
    return DataType::Int64;
  case TP::UINT64:
    return DataType::Uint64;
  case TP::INT8:
    return DataType::Int8;
  case TP::UINT8:
  case TP::BOOL:
    return DataType::Uint8;
  // UINT4 and INT4 (opset 21), numbered here because the protobuf classes
  // Debian builds libonnx with predate them.
  case kOnnxUint4:
    return DataType::Uint4;
  case kOnnxInt4:
    return DataType::Int4;
  default:
    return std::nullopt;
  }
}

std::string onnxTypeName(int32_t onnxType) {
  if (onnxType == kOnnxUint4)
    return "UINT4";
  if (onnxType == kOnnxInt4)
    return "INT4";
  if (TP::DataType_IsValid(onnxType))
    return TP::DataType_Name(static_cast<TP::DataType>(onnxType));
  return "type " + std::to_string(onnxType);
}

Expected<spec::OperandDescriptor, std::string>
descriptorOf(const TP &tensor) {
  auto type = webnnType(tensor.data_type());
  if (!type)
    return "tensor '" + tensor.name() + "' has element type " +
           onnxTypeName(tensor.data_type()) + ", which WebNN does not have";
  spec::OperandDescriptor desc{*type, {}};
  for (int64_t d : tensor.dims()) {
    if (d < 0)
      return "tensor '" + tensor.name() + "' has a negative dimension";
    if (d == 0)
      return "tensor '" + tensor.name() + "' is empty (shape " +
             spec::toString(spec::Shape(tensor.dims().begin(),
                                        tensor.dims().end())) +
             "); WebNN has no empty tensors";
    desc.shape.push_back(d);
  }
  if (auto error = spec::checkDescriptor(desc, tensor.name()))
    return "tensor '" + tensor.name() + "': " + error->rule;
  return desc;
}

std::optional<spec::OperandDescriptor>
emptyDescriptorOf(const TP &tensor) {
  auto type = webnnType(tensor.data_type());
  if (!type || tensor.dims_size() == 0)
    return std::nullopt;
  spec::OperandDescriptor desc{*type, {}};
  bool empty = false;
  for (int64_t d : tensor.dims()) {
    if (d < 0)
      return std::nullopt;
    empty |= d == 0;
    desc.shape.push_back(d);
  }
  if (!empty)
    return std::nullopt;
  return desc;
}

namespace {

// External data must stay inside the model's directory.
Expected<std::string, std::string> externalPath(const TP &tensor,
                                                const std::string &base,
                                                int64_t &offset,
                                                int64_t &length) {
  std::string location;
  offset = 0;
  length = -1;
  for (const auto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" || entry.key() == "length") {
      char *end = nullptr;
      long long v = std::strtoll(entry.value().c_str(), &end, 10);
      if (entry.value().empty() || *end != '\0' || v < 0)
        return "tensor '" + tensor.name() + "': external data " + entry.key() +
               " '" + entry.value() + "' is not a non-negative integer";
      (entry.key() == "offset" ? offset : length) = v;
    }
  }
  if (location.empty())
    return "tensor '" + tensor.name() + "': external data has no location";
  std::filesystem::path rel(location);
  if (rel.is_absolute())
    return "tensor '" + tensor.name() + "': external data location '" +
           location + "' must be relative to the model";
  for (const auto &part : rel)
    if (part == "..")
      return "tensor '" + tensor.name() + "': external data location '" +
             location + "' must not leave the model's directory";
  return (std::filesystem::path(base.empty() ? "." : base) / rel).string();
}

template <typename From, typename To, typename Field>
void convertField(const Field &field, std::byte *out) {
  for (int i = 0; i < field.size(); ++i) {
    To v = static_cast<To>(static_cast<From>(field.Get(i)));
    std::memcpy(out + i * sizeof(To), &v, sizeof(To));
  }
}

} // namespace

std::optional<std::string>
withTensorBytes(const TP &tensor, const std::string &baseDirectory,
                const std::function<void(std::span<const std::byte>)> &use) {
  auto desc = descriptorOf(tensor);
  if (!desc)
    return desc.error();
  const size_t count = static_cast<size_t>(spec::elementCount(desc->shape));
  // Four-bit types pack two elements per byte, as the frontend takes them.
  const size_t bytes = spec::byteLength(desc->dataType, count);
  auto sizeError = [&](size_t got) {
    return "tensor '" + tensor.name() + "' holds " + std::to_string(got) +
           " bytes, its shape " + spec::toString(desc->shape) + " needs " +
           std::to_string(bytes);
  };

  if (tensor.data_location() == TP::EXTERNAL) {
    int64_t offset, length;
    auto path = externalPath(tensor, baseDirectory, offset, length);
    if (!path)
      return path.error();
    if (length >= 0 && size_t(length) != bytes)
      return sizeError(length);
    std::ifstream in(*path, std::ios::binary);
    if (!in)
      return "tensor '" + tensor.name() + "': cannot open external data '" +
             *path + "'";
    std::error_code ec;
    uintmax_t fileSize = std::filesystem::file_size(*path, ec);
    if (ec || uintmax_t(offset) > fileSize || fileSize - offset < bytes)
      return "tensor '" + tensor.name() + "': external data '" + *path +
             "' is shorter than offset " + std::to_string(offset) + " + " +
             std::to_string(bytes) + " bytes";
    std::vector<std::byte> data(bytes);
    in.seekg(offset);
    in.read(reinterpret_cast<char *>(data.data()), bytes);
    if (!in)
      return "tensor '" + tensor.name() + "': cannot read external data '" +
             *path + "'";
    use(data);
    return std::nullopt;
  }
  if (tensor.has_raw_data()) {
    const std::string &raw = tensor.raw_data();
    if (raw.size() != bytes)
      return sizeError(raw.size());
    use({reinterpret_cast<const std::byte *>(raw.data()), raw.size()});
    return std::nullopt;
  }

  // Typed fields: each ONNX type has one field it must be stored in.
  std::vector<std::byte> data(bytes);
  size_t stored = 0;
  switch (tensor.data_type()) {
  case TP::FLOAT:
    stored = tensor.float_data_size();
    if (stored == count)
      convertField<float, float>(tensor.float_data(), data.data());
    break;
  case TP::INT32:
    stored = tensor.int32_data_size();
    if (stored == count)
      convertField<int32_t, int32_t>(tensor.int32_data(), data.data());
    break;
  case TP::INT8:
    stored = tensor.int32_data_size();
    if (stored == count)
      convertField<int32_t, int8_t>(tensor.int32_data(), data.data());
    break;
  case TP::UINT8:
  case TP::BOOL:
    stored = tensor.int32_data_size();
    if (stored == count)
      convertField<int32_t, uint8_t>(tensor.int32_data(), data.data());
    break;
  case TP::FLOAT16: // the bits, one per int32
    stored = tensor.int32_data_size();
    if (stored == count)
      convertField<int32_t, uint16_t>(tensor.int32_data(), data.data());
    break;
  case TP::INT64:
    stored = tensor.int64_data_size();
    if (stored == count)
      convertField<int64_t, int64_t>(tensor.int64_data(), data.data());
    break;
  case TP::UINT32:
    stored = tensor.uint64_data_size();
    if (stored == count)
      convertField<uint64_t, uint32_t>(tensor.uint64_data(), data.data());
    break;
  case TP::UINT64:
    stored = tensor.uint64_data_size();
    if (stored == count)
      convertField<uint64_t, uint64_t>(tensor.uint64_data(), data.data());
    break;
  case kOnnxUint4:
  case kOnnxInt4:
    return "tensor '" + tensor.name() + "' holds its " +
           onnxTypeName(tensor.data_type()) +
           " elements in int32_data; webnnc reads four-bit tensors from "
           "raw_data or external data";
  default:
    return "tensor '" + tensor.name() + "' has element type " +
           onnxTypeName(tensor.data_type()) + ", which WebNN does not have";
  }
  if (stored != count)
    return "tensor '" + tensor.name() + "' holds " + std::to_string(stored) +
           " elements, its shape " + spec::toString(desc->shape) + " needs " +
           std::to_string(count);
  use(data);
  return std::nullopt;
}

Expected<HostTensor, std::string> decodeTensor(const TP &tensor,
                                               const std::string &base) {
  if (auto empty = emptyDescriptorOf(tensor))
    return HostTensor(*empty);
  auto desc = descriptorOf(tensor);
  if (!desc)
    return desc.error();
  HostTensor out(*desc);
  auto error = withTensorBytes(tensor, base, [&](std::span<const std::byte> b) {
    std::memcpy(out.data(), b.data(), b.size());
  });
  if (error)
    return *error;
  return out;
}

void releaseTensorData(TP &tensor) {
  std::string().swap(*tensor.mutable_raw_data());
  tensor.clear_float_data();
  tensor.clear_int32_data();
  tensor.clear_int64_data();
  tensor.clear_uint64_data();
  tensor.clear_double_data();
}

} // namespace webnnc::importer
