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
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, device, Device);
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, device_interface,
                       DeviceInterface);
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, host, Host);
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, flags, Flags);
static_assert(kBuffer.offset(HalideBuffer::TypeCode) ==
              kType + offsetof(halide_type_t, code));
static_assert(kBuffer.offset(HalideBuffer::TypeBits) ==
              kType + offsetof(halide_type_t, bits));
static_assert(kBuffer.offset(HalideBuffer::TypeLanes) ==
              kType + offsetof(halide_type_t, lanes));
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, dimensions, Dimensions);
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, dim, Dim);
WEBNNC_CHECK_ABI_FIELD(HalideBuffer, halide_buffer_t, padding, Padding);

constexpr auto kDimension = HalideDimension::kLayout;
static_assert(kDimension.size() == sizeof(halide_dimension_t));
WEBNNC_CHECK_ABI_FIELD(HalideDimension, halide_dimension_t, min, Min);
WEBNNC_CHECK_ABI_FIELD(HalideDimension, halide_dimension_t, extent, Extent);
WEBNNC_CHECK_ABI_FIELD(HalideDimension, halide_dimension_t, stride, Stride);
WEBNNC_CHECK_ABI_FIELD(HalideDimension, halide_dimension_t, flags, Flags);

static_assert(uint8_t(HalideTypeCode::Int) == halide_type_int);
static_assert(uint8_t(HalideTypeCode::UInt) == halide_type_uint);
static_assert(uint8_t(HalideTypeCode::Float) == halide_type_float);
} // namespace
