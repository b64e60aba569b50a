// SPDX-License-Identifier: Apache-2.0
// Vectorizable float32 transcendentals for kernels. Halide's own tanh and
// pow, and libm's erf, are scalar calls per lane; these stay in vector
// registers and are accurate to a few ULP.
#ifndef WEBNNC_CODEGEN_HALIDE_MATH_H_
#define WEBNNC_CODEGEN_HALIDE_MATH_H_

#include "Halide.h"

namespace webnnc::halide {

// e^x; +inf above 88.72, 0 below -103.97 (subnormal results in between).
Halide::Expr vexp(Halide::Expr x);
// tanh(x): a polynomial near 0, 1 - 2 / (e^2|x| + 1) elsewhere.
Halide::Expr vtanh(Halide::Expr x);
// 1 / (1 + e^-x).
Halide::Expr vsigmoid(Halide::Expr x);
// erfc(x) = 1 - erf(x), to a few ULP relative (tails included).
Halide::Expr verfc(Halide::Expr x);
// erf(x), to a few ULP.
Halide::Expr verf(Halide::Expr x);

// A call of C library function |name| (float -> float, e.g. "erff"),
// for functions Halide lacks. Vectorized loops call it per lane.
Halide::Expr libm(const char *name, Halide::Expr x);

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_MATH_H_
