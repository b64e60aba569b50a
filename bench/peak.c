/* SPDX-License-Identifier: Apache-2.0 */
/* One core's fp32 FMA peak, for bench/'s "% of peak": independent chains of
 * fused multiply-adds on the widest vectors the compiler targets (build with
 * -O2 -march=native), timed on the process' CPU clock. Prints GFLOP/s. */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#if defined(__AVX512F__)
typedef __m512 vec;
#define LANES 16
#define SET1 _mm512_set1_ps
#define FMA _mm512_fmadd_ps
#define STORE _mm512_storeu_ps
#else
typedef __m256 vec;
#define LANES 8
#define SET1 _mm256_set1_ps
#define FMA _mm256_fmadd_ps
#define STORE _mm256_storeu_ps
#endif

enum { kChains = 24 }; /* covers FMA latency x throughput on current cores */

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
  vec acc[kChains];
  for (int i = 0; i < kChains; ++i)
    acc[i] = SET1(0.001f * i);
  vec a = SET1(0.999999f), b = SET1(1e-7f);
  double best = 0;
  for (int trial = 0; trial < 5; ++trial) {
    long iterations = 4000000;
    double start = cpu_seconds();
    for (long k = 0; k < iterations; ++k) {
#pragma GCC unroll 24
      for (int i = 0; i < kChains; ++i)
        acc[i] = FMA(acc[i], a, b);
    }
    double seconds = cpu_seconds() - start;
    double gflops = iterations * kChains * LANES * 2.0 / seconds / 1e9;
    if (gflops > best)
      best = gflops;
  }
  float sink[LANES];
  vec sum = acc[0];
  for (int i = 1; i < kChains; ++i)
    sum = FMA(sum, a, acc[i]);
  STORE(sink, sum);
  printf("%.1f\n", best + 0 * sink[0]);
  return 0;
}
