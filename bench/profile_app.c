/* SPDX-License-Identifier: Apache-2.0 */
/* bench/profile.py's app: computes a model linked in as MODEL_SYMBOL
 * repeatedly on zero inputs, for `perf record`; prints the median compute
 * time as "median_ms: X". Usage: profile_app COMPUTES THREADS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "webnnc/runtime/webnnc.h"

extern const webnnc_model_t MODEL_SYMBOL;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int computes = argc > 1 ? atoi(argv[1]) : 100;
  int threads = argc > 2 ? atoi(argv[2]) : 1;
  const webnnc_model_t *model = &MODEL_SYMBOL;
  if (computes < 1 || model->num_inputs > 16 || model->num_outputs > 16)
    return 2;
  webnnc_thread_pool_t *pool = NULL;
  if (threads > 1 &&
      webnnc_thread_pool_create(threads, webnnc_allocator_system(), &pool)) {
    fprintf(stderr, "cannot create a pool of %d threads\n", threads);
    return 1;
  }
  webnnc_executor_options_t options = {0};
  options.thread_pool = pool;
  webnnc_executor_t *executor;
  if (webnnc_executor_create(model, &options, &executor)) {
    fprintf(stderr, "cannot create an executor\n");
    return 1;
  }
  webnnc_tensor_t inputs[16], outputs[16];
  for (size_t i = 0; i < model->num_inputs; ++i) {
    if (webnnc_tensor_for_operand(&model->inputs[i], NULL, &inputs[i]) ||
        !(inputs[i].data = calloc(1, inputs[i].byte_length))) {
      fprintf(stderr, "input %zu: open dimensions are not supported\n", i);
      return 1;
    }
  }
  for (size_t i = 0; i < model->num_outputs; ++i) {
    if (webnnc_tensor_for_operand(&model->outputs[i], NULL, &outputs[i]) ||
        !(outputs[i].data = calloc(1, outputs[i].byte_length))) {
      fprintf(stderr, "output %zu: open dimensions are not supported\n", i);
      return 1;
    }
  }
  double *times = malloc(sizeof(double) * (size_t)computes);
  for (int i = -5; i < computes; ++i) { /* five warm-up computes */
    double start = now_ms();
    if (webnnc_executor_compute(executor, inputs, model->num_inputs, outputs,
                                model->num_outputs)) {
      fprintf(stderr, "%s\n", webnnc_executor_last_error(executor));
      return 1;
    }
    if (i >= 0)
      times[i] = now_ms() - start;
  }
  qsort(times, (size_t)computes, sizeof(double), by_value);
  printf("median_ms: %.4f\n", times[computes / 2]);
  return 0;
}
