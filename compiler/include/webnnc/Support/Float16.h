// SPDX-License-Identifier: Apache-2.0
// IEEE binary16 conversions (round to nearest, ties to even).
#ifndef WEBNNC_SUPPORT_FLOAT16_H_
#define WEBNNC_SUPPORT_FLOAT16_H_

#include <cstdint>

namespace webnnc {

// Rounds |value| to the nearest float16, ties to even; overflow gives
// infinity and NaN stays NaN. Rounds once, from double, so no double
// rounding through float32 happens.
uint16_t doubleToHalf(double value);
double halfToDouble(uint16_t bits);

} // namespace webnnc

#endif // WEBNNC_SUPPORT_FLOAT16_H_
