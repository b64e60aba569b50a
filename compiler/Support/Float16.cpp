// SPDX-License-Identifier: Apache-2.0
// IEEE binary16 conversions.
#include "webnnc/Support/Float16.h"

#include <cmath>
#include <cstring>

namespace webnnc {

uint16_t doubleToHalf(double value) {
  uint16_t sign = std::signbit(value) ? 0x8000 : 0;
  if (std::isnan(value))
    return sign | 0x7e00;
  double magnitude = std::fabs(value);
  if (std::isinf(magnitude))
    return sign | 0x7c00;
  // Scale so that the half's least significant bit is 1, round to integer
  // (ties to even under the default rounding mode), then assemble.
  int exponent;
  std::frexp(magnitude, &exponent); // magnitude = m * 2^exponent, m in [0.5,1)
  int unbiased = exponent - 1;      // magnitude in [2^unbiased, 2^(unbiased+1))
  if (unbiased < -14)
    unbiased = -14; // subnormal range shares the smallest exponent
  double ulp = std::ldexp(1.0, unbiased - 10);
  double units = std::nearbyint(magnitude / ulp); // at most 2^11
  if (units == 0)
    return sign;
  if (units >= 2048) { // rounding carried into the next binade
    units /= 2;
    unbiased += 1;
  }
  if (unbiased > 15)
    return sign | 0x7c00;
  uint32_t mantissa = static_cast<uint32_t>(units);
  if (mantissa < 1024) // subnormal
    return sign | static_cast<uint16_t>(mantissa);
  uint32_t biased = static_cast<uint32_t>(unbiased + 15);
  return sign | static_cast<uint16_t>((biased << 10) | (mantissa - 1024));
}

double halfToDouble(uint16_t bits) {
  double sign = (bits & 0x8000) ? -1.0 : 1.0;
  int exponent = (bits >> 10) & 0x1f;
  int mantissa = bits & 0x3ff;
  if (exponent == 0x1f)
    return mantissa ? std::nan("") : sign * INFINITY;
  if (exponent == 0)
    return sign * std::ldexp(mantissa, -24);
  return sign * std::ldexp(mantissa + 1024, exponent - 25);
}

} // namespace webnnc
