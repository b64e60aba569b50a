// SPDX-License-Identifier: Apache-2.0
// Vectorizable float32 transcendentals.
#include "Math.h"

#include <limits>

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;

Expr vexp(Expr x) {
  // x = n ln2 + r with |r| <= ln2/2; ln2 is split so that n * ln2Hi is
  // exact. e^r comes from a degree-7 polynomial (Cephes' expf
  // coefficients); 2^n is applied in two halves so subnormal results and
  // n = 128 do not overflow the exponent field.
  const float log2e = 1.44269504088896341f;
  const float ln2Hi = 0.693359375f, ln2Lo = -2.12194440e-4f;
  Expr n = floor(x * log2e + 0.5f);
  Expr r = x - n * ln2Hi - n * ln2Lo;
  Expr p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  Expr y = p * r * r + r + 1.0f;
  Expr ni = cast<int>(clamp(n, -254.0f, 254.0f));
  Expr half = ni / 2; // floor division; half and rest are within [-127,127]
  Expr rest = ni - half;
  Expr scale1 = reinterpret(Float(32), (half + 127) << 23);
  Expr scale2 = reinterpret(Float(32), (rest + 127) << 23);
  Expr result = y * scale1 * scale2;
  const float inf = std::numeric_limits<float>::infinity();
  result = select(x > 88.72283935546875f, inf, result);
  result = select(x < -103.972084045410f, 0.0f, result);
  return select(is_nan(x), x, result);
}

Expr vtanh(Expr x) {
  Expr a = abs(x);
  // |x| < 0.625: odd polynomial (Cephes' tanhf coefficients).
  Expr z = x * x;
  Expr p = -5.70498872745e-3f;
  p = p * z + 2.06390887954e-2f;
  p = p * z - 5.37397155531e-2f;
  p = p * z + 1.33314422036e-1f;
  p = p * z - 3.33332819422e-1f;
  Expr small = p * z * x + x;
  // Elsewhere: 1 - 2 / (e^(2|x|) + 1), with x's sign.
  Expr large = 1.0f - 2.0f / (vexp(2.0f * a) + 1.0f);
  large = select(x < 0.0f, -large, large);
  return select(a < 0.625f, small, large);
}

Expr vsigmoid(Expr x) { return 1.0f / (1.0f + vexp(-x)); }

Expr verfc(Expr x) {
  // erfc(z) = t exp(-z^2 + P(t)) for z = |x|, t = 1 / (1 + z / 2), P a
  // degree-9 polynomial (Numerical Recipes' erfcc: fractional error below
  // 1.2e-7 everywhere); erfc(-z) = 2 - erfc(z). z^2 is split as zh^2 +
  // (z - zh)(z + zh), zh being z with its low 12 bits cleared (so zh^2 is
  // exact), and e^-z^2 computed as a product of two exponentials: e^-z^2
  // rounded as one float would cost up to z^2 ULP in the tail.
  Expr z = abs(x);
  Expr t = 1.0f / (1.0f + 0.5f * z);
  Expr p = 0.17087277f;
  for (float c : {-0.82215223f, 1.48851587f, -1.13520398f, 0.27886807f,
                  -0.18628806f, 0.09678418f, 0.37409196f, 1.00002368f,
                  -1.26551223f})
    p = p * t + c;
  Expr zh = reinterpret(Float(32), reinterpret(UInt(32), z) &
                                       make_const(UInt(32), 0xfffff000u));
  // Strict, so that no reassociation undoes the split. Past z = 10 erfc
  // is below float's smallest subnormal (and infinities would make NaN).
  Expr y = strict_float(t * vexp(-(zh * zh)) * vexp(p - (z - zh) * (z + zh)));
  y = select(z > 10.0f, 0.0f, y);
  return select(x < 0.0f, 2.0f - y, y);
}

Expr verf(Expr x) {
  // |x| < 0.5: the Taylor series (2 / sqrt(pi)) sum (-1)^n x^(2n+1) /
  // (n! (2n+1)) to n = 7 (the next term is below 2^-35 of the sum);
  // elsewhere 1 - erfc(|x|) with x's sign, 1 from |x| = 4 on (erfc(4) is
  // below half a float ULP of 1).
  Expr a = abs(x), s = x * x;
  Expr p = -1.0f / 75600.0f;
  for (float c : {1.0f / 9360.0f, -1.0f / 1320.0f, 1.0f / 216.0f,
                  -1.0f / 42.0f, 0.1f, -1.0f / 3.0f, 1.0f})
    p = p * s + c;
  Expr small = 1.1283791670955126f * x * p;
  Expr large = select(a >= 4.0f, 1.0f, 1.0f - verfc(a));
  large = select(x < 0.0f, -large, large);
  return select(a < 0.5f, small, select(is_nan(x), x, large));
}

Expr libm(const char *name, Expr x) {
  return Internal::Call::make(x.type(), name, {x},
                              Internal::Call::PureExtern);
}

} // namespace webnnc::halide
