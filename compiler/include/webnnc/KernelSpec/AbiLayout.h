// SPDX-License-Identifier: Apache-2.0
// The C structs generated code shares with the code that calls it, as the
// glue lays them out: each field a scalar at its natural alignment (the
// LP64 targets webnnc compiles for). The glue builds its LLVM struct types
// from these tables; each side that has the C definition checks the table
// against it with static_asserts (halide_buffer_t in the kernel generator,
// the runtime's structs in the glue), so a changed header fails the build
// instead of the compute.
#ifndef WEBNNC_KERNELSPEC_ABILAYOUT_H_
#define WEBNNC_KERNELSPEC_ABILAYOUT_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace webnnc::abi {

enum class Scalar : uint8_t { I8, I16, I32, I64, Ptr };

constexpr size_t scalarBytes(Scalar s) {
  switch (s) {
  case Scalar::I8:
    return 1;
  case Scalar::I16:
    return 2;
  case Scalar::I32:
    return 4;
  case Scalar::I64:
  case Scalar::Ptr:
    return 8;
  }
  return 0;
}

template <size_t N> struct StructLayout {
  std::array<Scalar, N> fields;

  // Byte offset of field |index|.
  constexpr size_t offset(size_t index) const {
    size_t at = 0;
    for (size_t i = 0;; ++i) {
      size_t bytes = scalarBytes(fields[i]);
      at = (at + bytes - 1) / bytes * bytes;
      if (i == index)
        return at;
      at += bytes;
    }
  }
  // sizeof the struct: the last field's end, rounded to the largest field.
  constexpr size_t size() const {
    size_t largest = 1;
    for (Scalar s : fields)
      largest = scalarBytes(s) > largest ? scalarBytes(s) : largest;
    size_t end = offset(N - 1) + scalarBytes(fields[N - 1]);
    return (end + largest - 1) / largest * largest;
  }
};

// halide_buffer_t (HalideRuntime.h): what the glue passes each kernel per
// operand. `type` (halide_type_t: code, bits, lanes) is spelled out.
struct HalideBuffer {
  enum Field : int32_t {
    Device,
    DeviceInterface,
    Host,
    Flags,
    TypeCode,
    TypeBits,
    TypeLanes,
    Dimensions,
    Dim,
    Padding,
  };
  static constexpr StructLayout<10> kLayout{
      {Scalar::I64, Scalar::Ptr, Scalar::Ptr, Scalar::I64, Scalar::I8,
       Scalar::I8, Scalar::I16, Scalar::I32, Scalar::Ptr, Scalar::Ptr}};
};

// halide_dimension_t: one per dimension, innermost first.
struct HalideDimension {
  enum Field : int32_t { Min, Extent, Stride, Flags };
  static constexpr StructLayout<4> kLayout{
      {Scalar::I32, Scalar::I32, Scalar::I32, Scalar::I32}};
};

// halide_type_code_t.
enum class HalideTypeCode : uint8_t { Int = 0, UInt = 1, Float = 2 };

} // namespace webnnc::abi

// Fails the build when field |field| of C struct |CType| is not where
// |Table|::kLayout puts its |Field|.
#define WEBNNC_CHECK_ABI_FIELD(Table, CType, field, Field)                     \
  static_assert(Table::kLayout.offset(Table::Field) == offsetof(CType, field), \
                #CType "." #field " moved: update " #Table "::kLayout")

#endif // WEBNNC_KERNELSPEC_ABILAYOUT_H_
