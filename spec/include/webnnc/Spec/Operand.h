// SPDX-License-Identifier: Apache-2.0
// WebNN operand descriptors, data types, and the error value validation
// returns. Plain C++: shared by the frontend, the dialect and the kernels.
#ifndef WEBNNC_SPEC_OPERAND_H_
#define WEBNNC_SPEC_OPERAND_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "webnnc/Support/Expected.h"

namespace webnnc::spec {

// MLOperandDataType. Values match webnnc_data_type_t in the runtime ABI.
enum class DataType : uint8_t {
  Float32 = 1,
  Float16 = 2,
  Int32 = 3,
  Uint32 = 4,
  Int64 = 5,
  Uint64 = 6,
  Int8 = 7,
  Uint8 = 8,
  // Four-bit integers: storage types for quantized data. At the API (graph
  // constants, compute-time inputs and outputs) two elements share a byte,
  // element 2k in the low nibble; inside compiled code and the reference
  // evaluator they are widened to one element per byte (webnn-widen-int4).
  Int4 = 9,
  Uint4 = 10,
};

inline constexpr DataType kAllDataTypes[] = {
    DataType::Float32, DataType::Float16, DataType::Int32, DataType::Uint32,
    DataType::Int64,   DataType::Uint64,  DataType::Int8,  DataType::Uint8,
    DataType::Int4,    DataType::Uint4};

std::string_view toString(DataType type);
std::optional<DataType> parseDataType(std::string_view name);
// Bytes per element in memory inside webnnc (1 for int4/uint4, which are
// unpacked there); 0 for an invalid type.
size_t byteSize(DataType type);
// Bytes of |elementCount| packed elements at the API: int4/uint4 take
// ceil(n/2), every other type n * byteSize.
uint64_t byteLength(DataType type, uint64_t elementCount);
bool isFourBit(DataType type);
// The four-bit type's value range: [-8, 7] or [0, 15].
std::pair<int64_t, int64_t> fourBitRange(DataType type);
// The value of four-bit |type| held in the low nibble of |bits|.
inline int64_t fourBitValue(DataType type, uint64_t bits) {
  int64_t nibble = int64_t(bits & 0xF);
  return type == DataType::Int4 && nibble >= 8 ? nibble - 16 : nibble;
}
// Element |i| of packed four-bit data (element 2k in byte k's low nibble).
inline int64_t packedFourBitAt(DataType type, const uint8_t *bytes,
                               size_t i) {
  return fourBitValue(type, bytes[i / 2] >> (4 * (i % 2)));
}
bool isFloatingPoint(DataType type);
bool isSigned(DataType type);

// A set of data types, as in the spec's "allowed data types" columns.
class DataTypeSet {
public:
  constexpr DataTypeSet() = default;
  constexpr DataTypeSet(std::initializer_list<DataType> types) {
    for (DataType t : types)
      bits_ |= bit(t);
  }
  // The types every op that takes "any" type computes with: all but the
  // four-bit storage types, which only quantizeLinear/dequantizeLinear and
  // the ops that move data without arithmetic (reshape, transpose, ...)
  // take.
  static constexpr DataTypeSet all() {
    DataTypeSet s;
    for (DataType t : kAllDataTypes)
      if (t != DataType::Int4 && t != DataType::Uint4)
        s.bits_ |= bit(t);
    return s;
  }
  constexpr bool contains(DataType t) const { return bits_ & bit(t); }
  // "float32, float16"
  std::string describe() const;

private:
  static constexpr uint32_t bit(DataType t) {
    return 1u << static_cast<unsigned>(t);
  }
  uint32_t bits_ = 0;
};

inline constexpr DataTypeSet kFloatTypes = {DataType::Float32,
                                            DataType::Float16};
// abs, neg, sign, relu, prelu.
inline constexpr DataTypeSet kSignedNumberTypes = {
    DataType::Float32, DataType::Float16, DataType::Int32, DataType::Int64,
    DataType::Int8};

using Shape = std::vector<int64_t>;

// An open dimension: its size is left to compute time (`?` in text). Only
// graph inputs introduce open dimensions; each op's shape rule propagates
// them (or refuses them, naming the operand), and the runtime checks the
// actual sizes.
inline constexpr int64_t kOpenDim = -1;
inline bool isOpen(int64_t dim) { return dim == kOpenDim; }
bool hasOpenDims(const Shape &shape);

// "[1,2,3]", "[?,3]"
std::string toString(const Shape &shape);

// MLOperandDescriptor.
struct OperandDescriptor {
  DataType dataType = DataType::Float32;
  Shape shape;

  size_t rank() const { return shape.size(); }
  friend bool operator==(const OperandDescriptor &,
                         const OperandDescriptor &) = default;
};

// "float32 [1,2,3]"
std::string toString(const OperandDescriptor &desc);

// A broken validation rule: which operand or option, and the rule.
struct Error {
  std::string operand;
  std::string rule;
  // The rule refuses an open dimension: the graph would be valid with that
  // size given at build time (importers say so instead of "invalid").
  bool needsStaticSizes = false;

  // "<op>: <operand>: <rule>", e.g. "conv2d: filter: rank must be 4, got 3".
  std::string format(std::string_view op) const;
};

// A value or the Error explaining why there is none.
template <typename T> using Expected = webnnc::Expected<T, Error>;

inline Error makeError(std::string operand, std::string rule) {
  return Error{std::move(operand), std::move(rule)};
}
inline Error makeOpenDimsError(std::string operand, std::string rule) {
  return Error{std::move(operand), std::move(rule), true};
}

// The largest WebNN `unsigned long` (dimensions, strides, dilations,
// window and output sizes), the largest dimension a tensor may have (the
// spec's "valid dimension": an unsigned long greater than zero) and the
// most elements webnnc accepts in one tensor (the spec's
// maxTensorByteLength idea: its kernels index with 32-bit integers, so at
// most 2^31-1 elements, 16 GiB of int64).
inline constexpr int64_t kMaxUnsignedLong = 0xFFFFFFFFll;
inline constexpr int64_t kMaxDimension = kMaxUnsignedLong;
inline constexpr int64_t kMaxElementCount = (int64_t(1) << 31) - 1;
// The most dimensions a tensor has (the runtime ABI's WEBNNC_MAX_RANK).
inline constexpr size_t kMaxRank = 8;
// The most tensors one op takes or makes: concat's inputs, split's outputs
// (the spec's valid tensor count, webnn #933).
inline constexpr int64_t kMaxTensorCount = 8192;

// Checks that |desc| describes a valid operand: every dimension a valid
// dimension, and the byte length within limits. |operand| names it in the
// error. With |allowOpen|, open dimensions are valid too (an operand's
// shape; never a shape option such as reshape's newShape).
std::optional<Error> checkDescriptor(const OperandDescriptor &desc,
                                     std::string_view operand,
                                     bool allowOpen = false);

// Element count of a shape; 1 for a scalar. Shapes are assumed validated
// and without open dimensions.
int64_t elementCount(const Shape &shape);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_OPERAND_H_
