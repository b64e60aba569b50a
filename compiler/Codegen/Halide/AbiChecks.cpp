// SPDX-License-Identifier: Apache-2.0
// The glue's picture of halide_buffer_t (webnnc/KernelSpec/AbiLayout.h)
// checked against Halide's own header, which only this process sees.
#include <Halide.h>

#include "webnnc/KernelSpec/AbiLayout.h"

namespace {
using webnnc::abi::HalideBuffer;
using webnnc::abi::HalideDimension;
using webnnc::abi::HalideTypeCode;
constexpr auto kBuffer = HalideBuffer::kLayout;
constexpr size_t kType = offsetof(halide_buffer_t, type);

static_assert(sizeof(void *) == 8, "the ABI tables assume LP64");
static_assert(kBuffer.size() == sizeof(halide_buffer_t));
static_assert(kBuffer.offset(HalideBuffer::Device) ==
              offsetof(halide_buffer_t, device));
static_assert(kBuffer.offset(HalideBuffer::DeviceInterface) ==
              offsetof(halide_buffer_t, device_interface));
static_assert(kBuffer.offset(HalideBuffer::Host) ==
              offsetof(halide_buffer_t, host));
static_assert(kBuffer.offset(HalideBuffer::Flags) ==
              offsetof(halide_buffer_t, flags));
static_assert(kBuffer.offset(HalideBuffer::TypeCode) ==
              kType + offsetof(halide_type_t, code));
static_assert(kBuffer.offset(HalideBuffer::TypeBits) ==
              kType + offsetof(halide_type_t, bits));
static_assert(kBuffer.offset(HalideBuffer::TypeLanes) ==
              kType + offsetof(halide_type_t, lanes));
static_assert(kBuffer.offset(HalideBuffer::Dimensions) ==
              offsetof(halide_buffer_t, dimensions));
static_assert(kBuffer.offset(HalideBuffer::Dim) ==
              offsetof(halide_buffer_t, dim));
static_assert(kBuffer.offset(HalideBuffer::Padding) ==
              offsetof(halide_buffer_t, padding));

constexpr auto kDimension = HalideDimension::kLayout;
static_assert(kDimension.size() == sizeof(halide_dimension_t));
static_assert(kDimension.offset(HalideDimension::Min) ==
              offsetof(halide_dimension_t, min));
static_assert(kDimension.offset(HalideDimension::Extent) ==
              offsetof(halide_dimension_t, extent));
static_assert(kDimension.offset(HalideDimension::Stride) ==
              offsetof(halide_dimension_t, stride));
static_assert(kDimension.offset(HalideDimension::Flags) ==
              offsetof(halide_dimension_t, flags));

static_assert(uint8_t(HalideTypeCode::Int) == halide_type_int);
static_assert(uint8_t(HalideTypeCode::UInt) == halide_type_uint);
static_assert(uint8_t(HalideTypeCode::Float) == halide_type_float);
} // namespace
