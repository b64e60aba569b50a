// SPDX-License-Identifier: Apache-2.0
// A dense tensor in host memory: a descriptor and its bytes.
#ifndef WEBNNC_SUPPORT_HOSTTENSOR_H_
#define WEBNNC_SUPPORT_HOSTTENSOR_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

// int4/uint4 tensors hold their elements packed as at the runtime API:
// two per byte, element 2k in the low nibble.
class HostTensor {
public:
  HostTensor() = default;
  // A zero-filled tensor.
  explicit HostTensor(spec::OperandDescriptor descriptor);
  // A tensor holding |values| cast to the descriptor's data type.
  static HostTensor fromDoubles(spec::OperandDescriptor descriptor,
                                std::span<const double> values);

  const spec::OperandDescriptor &descriptor() const { return descriptor_; }
  spec::DataType dataType() const { return descriptor_.dataType; }
  const spec::Shape &shape() const { return descriptor_.shape; }
  size_t elementCount() const { return elementCount_; }
  size_t byteSize() const { return bytes_.size(); }

  std::byte *data() { return bytes_.data(); }
  const std::byte *data() const { return bytes_.data(); }
  template <typename T> T *as() { return reinterpret_cast<T *>(data()); }
  template <typename T> const T *as() const {
    return reinterpret_cast<const T *>(data());
  }

  // Element |i| as a double (exact except for 64-bit integers beyond 2^53).
  double at(size_t i) const;
  // Stores |value| at |i| cast to the data type: float16 rounds to nearest
  // even; integers truncate and wrap to the type's width.
  void set(size_t i, double value);
  std::vector<double> toDoubles() const;

private:
  spec::OperandDescriptor descriptor_;
  size_t elementCount_ = 0;
  std::vector<std::byte> bytes_;
};

// A tensor with its operand's name.
struct NamedTensor {
  std::string name;
  HostTensor tensor;
};

// How many elements of |a| and |b| differ in any bit (four-bit elements by
// value; every element when the descriptors differ): the determinism
// checks' comparison.
size_t countDifferingBits(const HostTensor &a, const HostTensor &b);

// NumPy .npy files (format 1.0-3.0, little-endian, C order) holding one of
// the WebNN data types; float16 is '<f2'. NumPy has no four-bit type:
// int4/uint4 tensors are written unpacked as int8/uint8.
Expected<HostTensor, std::string> readNpy(const std::string &path);
std::string writeNpy(const std::string &path, const HostTensor &tensor);

} // namespace webnnc

#endif // WEBNNC_SUPPORT_HOSTTENSOR_H_
