// SPDX-License-Identifier: Apache-2.0
// ULP and absolute tolerances, as the WPT harness applies them.
#include "Compare.h"

#include <cmath>
#include <cstring>
#include <sstream>

#include "webnnc/Support/Float16.h"

namespace webnnc::wpt {

namespace {

// The bit pattern of |v| as a float32 or float16, mapped so that integer
// order is float order (-0 and +0 coincide).
int64_t orderedBits(spec::DataType type, double v) {
  int64_t bits;
  if (type == spec::DataType::Float16) {
    int16_t h = int16_t(doubleToHalf(v));
    bits = h;
    return bits < 0 ? int64_t(INT16_MIN) - bits : bits;
  }
  float f = float(v);
  int32_t b;
  std::memcpy(&b, &f, sizeof(b));
  bits = b;
  return bits < 0 ? int64_t(INT32_MIN) - bits : bits;
}

std::string format(double v) {
  std::ostringstream os;
  os.precision(9);
  os << v;
  return os.str();
}

} // namespace

double ulpDistance(spec::DataType type, double actual, double expected) {
  if (!spec::isFloatingPoint(type))
    return std::fabs(actual - expected);
  if (std::isnan(actual) || std::isnan(expected))
    return std::isnan(actual) && std::isnan(expected) ? 0 : INFINITY;
  return double(std::llabs(orderedBits(type, actual) -
                           orderedBits(type, expected)));
}

std::string compareOutput(const HostTensor &actual, const HostTensor &expected,
                          const Tolerance &tolerance) {
  if (actual.descriptor() != expected.descriptor())
    return "output is " + spec::toString(actual.descriptor()) +
           ", expected " + spec::toString(expected.descriptor());
  spec::DataType type = actual.dataType();
  size_t mismatches = 0;
  std::string first;
  for (size_t i = 0; i < actual.elementCount(); ++i) {
    double a = actual.at(i), e = expected.at(i);
    bool ok;
    if (!spec::isFloatingPoint(type) && spec::byteSize(type) == 8) {
      // Compare 64-bit integers exactly, not through double.
      int64_t ai, ei;
      std::memcpy(&ai, actual.data() + 8 * i, 8);
      std::memcpy(&ei, expected.data() + 8 * i, 8);
      ok = ai == ei || (tolerance.ulp > 0 && std::fabs(a - e) <= tolerance.ulp);
    } else {
      ok = ulpDistance(type, a, e) <= tolerance.ulp ||
           (tolerance.atol > 0 && std::fabs(a - e) <= tolerance.atol);
    }
    if (ok)
      continue;
    if (++mismatches <= 3) {
      first += (first.empty() ? "" : "; ") + std::string("[") +
               std::to_string(i) + "] " + format(a) + " vs " + format(e);
      if (spec::isFloatingPoint(type))
        first += " (" + format(ulpDistance(type, a, e)) + " ULP)";
    }
  }
  if (!mismatches)
    return "";
  std::ostringstream os;
  os << mismatches << " of " << actual.elementCount()
     << " elements outside the tolerance (" << tolerance.ulp << " ULP";
  if (tolerance.atol > 0)
    os << ", atol " << tolerance.atol;
  os << "): " << first;
  return os.str();
}

} // namespace webnnc::wpt
