// SPDX-License-Identifier: Apache-2.0
// Host tensors and .npy files.
#include "webnnc/Support/HostTensor.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "webnnc/Support/Float16.h"

namespace webnnc {
using spec::DataType;

HostTensor::HostTensor(spec::OperandDescriptor descriptor)
    : descriptor_(std::move(descriptor)),
      elementCount_(static_cast<size_t>(spec::elementCount(descriptor_.shape))),
      bytes_(spec::byteLength(descriptor_.dataType, elementCount_)) {}

HostTensor HostTensor::fromDoubles(spec::OperandDescriptor descriptor,
                                   std::span<const double> values) {
  HostTensor t(std::move(descriptor));
  for (size_t i = 0; i < t.elementCount() && i < values.size(); ++i)
    t.set(i, values[i]);
  return t;
}

double HostTensor::at(size_t i) const {
  switch (dataType()) {
  case DataType::Float32:
    return as<float>()[i];
  case DataType::Float16:
    return halfToDouble(as<uint16_t>()[i]);
  case DataType::Int32:
    return as<int32_t>()[i];
  case DataType::Uint32:
    return as<uint32_t>()[i];
  case DataType::Int64:
    return static_cast<double>(as<int64_t>()[i]);
  case DataType::Uint64:
    return static_cast<double>(as<uint64_t>()[i]);
  case DataType::Int8:
    return as<int8_t>()[i];
  case DataType::Uint8:
    return as<uint8_t>()[i];
  case DataType::Int4:
  case DataType::Uint4:
    return double(spec::packedFourBitAt(dataType(), as<uint8_t>(), i));
  }
  return 0;
}

namespace {
// Truncates toward zero and wraps to 64 bits (two's complement).
uint64_t wrapToInteger(double value) {
  if (!std::isfinite(value))
    return 0;
  double t = std::trunc(value);
  constexpr double k2to63 = 9223372036854775808.0;
  if (t >= -k2to63 && t < k2to63)
    return static_cast<uint64_t>(static_cast<int64_t>(t));
  // Beyond int64: reduce modulo 2^64 (exact, as |t| >= 2^63 is a multiple
  // of a power of two large enough for fmod to be exact).
  double m = std::fmod(t, 2 * k2to63);
  if (m < 0)
    m += 2 * k2to63;
  return m >= k2to63 ? static_cast<uint64_t>(m - k2to63) + (1ull << 63)
                     : static_cast<uint64_t>(m);
}
} // namespace

void HostTensor::set(size_t i, double value) {
  switch (dataType()) {
  case DataType::Float32:
    as<float>()[i] = static_cast<float>(value);
    return;
  case DataType::Float16:
    as<uint16_t>()[i] = doubleToHalf(value);
    return;
  case DataType::Int32:
    as<int32_t>()[i] = static_cast<int32_t>(wrapToInteger(value));
    return;
  case DataType::Uint32:
    as<uint32_t>()[i] = static_cast<uint32_t>(wrapToInteger(value));
    return;
  case DataType::Int64:
    as<int64_t>()[i] = static_cast<int64_t>(wrapToInteger(value));
    return;
  case DataType::Uint64:
    as<uint64_t>()[i] = wrapToInteger(value);
    return;
  case DataType::Int8:
    as<int8_t>()[i] = static_cast<int8_t>(wrapToInteger(value));
    return;
  case DataType::Uint8:
    as<uint8_t>()[i] = static_cast<uint8_t>(wrapToInteger(value));
    return;
  case DataType::Int4:
  case DataType::Uint4: {
    uint8_t nibble = wrapToInteger(value) & 0xF;
    uint8_t &byte = as<uint8_t>()[i / 2];
    int shift = 4 * int(i % 2);
    byte = uint8_t((byte & ~(0xF << shift)) | (nibble << shift));
    return;
  }
  }
}

std::vector<double> HostTensor::toDoubles() const {
  std::vector<double> out(elementCount());
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = at(i);
  return out;
}

namespace {

const char *npyDescr(DataType type) {
  switch (type) {
  case DataType::Float32:
    return "<f4";
  case DataType::Float16:
    return "<f2";
  case DataType::Int32:
    return "<i4";
  case DataType::Uint32:
    return "<u4";
  case DataType::Int64:
    return "<i8";
  case DataType::Uint64:
    return "<u8";
  case DataType::Int8:
    return "|i1";
  case DataType::Uint8:
  case DataType::Uint4: // written unpacked, one element per byte
    return "|u1";
  case DataType::Int4:
    return "|i1";
  }
  return "";
}

std::optional<DataType> npyDataType(const std::string &descr) {
  // numpy bool: one byte, 0 or 1; WebNN (and the ONNX importer) hold bools
  // as uint8.
  if (descr == "|b1" || descr == "b1" || descr == "?")
    return DataType::Uint8;
  for (DataType t : spec::kAllDataTypes) {
    if (spec::isFourBit(t))
      continue; // numpy has no four-bit type
    std::string d = npyDescr(t);
    // Single-byte types may be written with any byte-order mark.
    if (descr == d || (d[0] == '|' && descr.substr(1) == d.substr(1)))
      return t;
  }
  return std::nullopt;
}

// The value of 'key' in the header dict, as raw text.
std::optional<std::string> headerField(const std::string &header,
                                       const std::string &key) {
  size_t k = header.find("'" + key + "'");
  if (k == std::string::npos)
    return std::nullopt;
  size_t colon = header.find(':', k);
  if (colon == std::string::npos)
    return std::nullopt;
  size_t begin = header.find_first_not_of(' ', colon + 1);
  if (begin == std::string::npos)
    return std::nullopt;
  size_t end;
  if (header[begin] == '(')
    end = header.find(')', begin) + 1;
  else if (header[begin] == '\'')
    end = header.find('\'', begin + 1) + 1;
  else
    end = header.find_first_of(",}", begin);
  if (end == std::string::npos || end == 0)
    return std::nullopt;
  return header.substr(begin, end - begin);
}

} // namespace

Expected<HostTensor, std::string> readNpy(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return "cannot open '" + path + "'";
  auto bad = [&](const std::string &why) {
    return "'" + path + "' is not a valid .npy file: " + why;
  };
  char magic[8];
  if (!in.read(magic, 8) || std::memcmp(magic, "\x93NUMPY", 6) != 0)
    return bad("missing magic string");
  uint32_t headerLength = 0;
  if (magic[6] == 1) {
    unsigned char len[2];
    in.read(reinterpret_cast<char *>(len), 2);
    headerLength = len[0] | (len[1] << 8);
  } else if (magic[6] == 2 || magic[6] == 3) {
    unsigned char len[4];
    in.read(reinterpret_cast<char *>(len), 4);
    headerLength = len[0] | (len[1] << 8) | (len[2] << 16) |
                   (uint32_t(len[3]) << 24);
  } else {
    return bad("unsupported format version " + std::to_string(magic[6]));
  }
  if (!in || headerLength > (1u << 20))
    return bad("bad header length");
  std::string header(headerLength, '\0');
  if (!in.read(header.data(), headerLength))
    return bad("truncated header");

  auto descr = headerField(header, "descr");
  auto order = headerField(header, "fortran_order");
  auto shapeText = headerField(header, "shape");
  if (!descr || !order || !shapeText)
    return bad("header lacks descr, fortran_order or shape");
  if (*order != "False")
    return bad("Fortran-ordered arrays are not supported");
  auto type = npyDataType(descr->substr(1, descr->size() - 2));
  if (!type)
    return bad("unsupported dtype " + *descr +
               " (use float32, float16, int32, uint32, int64, uint64, int8 "
               "or uint8, little-endian)");
  spec::Shape shape;
  std::string dims = shapeText->substr(1, shapeText->size() - 2);
  std::stringstream ss(dims);
  std::string item;
  while (std::getline(ss, item, ',')) {
    size_t b = item.find_first_not_of(' ');
    if (b == std::string::npos)
      continue;
    char *end = nullptr;
    long long d = std::strtoll(item.c_str() + b, &end, 10);
    if (end == item.c_str() + b)
      return bad("bad shape " + *shapeText);
    shape.push_back(d);
  }
  spec::OperandDescriptor desc{*type, shape};
  if (auto error = spec::checkDescriptor(desc, "array"))
    return bad(error->rule);
  HostTensor tensor(desc);
  if (!in.read(reinterpret_cast<char *>(tensor.data()),
               static_cast<std::streamsize>(tensor.byteSize())))
    return bad("data is shorter than its shape " + spec::toString(shape));
  return tensor;
}

std::string writeNpy(const std::string &path, const HostTensor &tensor) {
  std::string shape = "(";
  for (int64_t d : tensor.shape())
    shape += std::to_string(d) + ",";
  if (tensor.shape().size() > 1)
    shape.pop_back(); // (3,) keeps its comma, (2,3) does not
  shape += ")";
  std::string header = std::string("{'descr': '") +
                       npyDescr(tensor.dataType()) +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Pad so that the data starts at a multiple of 64 bytes.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  if (!out)
    return "cannot write '" + path + "'";
  uint16_t length = static_cast<uint16_t>(header.size());
  out.write("\x93NUMPY\x01\x00", 8);
  char len[2] = {static_cast<char>(length & 0xff),
                 static_cast<char>(length >> 8)};
  out.write(len, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  if (spec::isFourBit(tensor.dataType())) {
    std::vector<char> unpacked(tensor.elementCount());
    for (size_t i = 0; i < unpacked.size(); ++i)
      unpacked[i] = static_cast<char>(tensor.at(i));
    out.write(unpacked.data(), static_cast<std::streamsize>(unpacked.size()));
  } else {
    out.write(reinterpret_cast<const char *>(tensor.data()),
              static_cast<std::streamsize>(tensor.byteSize()));
  }
  return out ? "" : "cannot write '" + path + "'";
}

size_t countDifferingBits(const HostTensor &a, const HostTensor &b) {
  if (a.descriptor() != b.descriptor())
    return a.elementCount();
  size_t count = 0;
  if (spec::isFourBit(a.dataType())) { // two per byte: by value
    for (size_t i = 0; i < a.elementCount(); ++i)
      count += a.at(i) != b.at(i);
    return count;
  }
  size_t bytes = spec::byteSize(a.dataType());
  for (size_t i = 0; i < a.elementCount(); ++i)
    count +=
        std::memcmp(a.data() + i * bytes, b.data() + i * bytes, bytes) != 0;
  return count;
}

} // namespace webnnc
