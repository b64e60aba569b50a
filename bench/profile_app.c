/* SPDX-License-Identifier: Apache-2.0 */
/* bench/profile.py's app: computes a model linked in as MODEL_SYMBOL
 * repeatedly on zero inputs, for `perf record`; prints the median compute
 * time as "median_ms: X". Usage: profile_app COMPUTES THREADS [SIZES]
 * (SIZES: the open dimensions of the inputs, in order, as AxBxC) */
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
  webnnc_tensor_t inputs[16], outputs[16] = {0};
  const char *sizes = argc > 3 ? argv[3] : "";
  for (size_t i = 0; i < model->num_inputs; ++i) {
    const webnnc_operand_info_t *info = &model->inputs[i];
    webnnc_tensor_t *t = &inputs[i];
    *t = (webnnc_tensor_t){0};
    t->data_type = info->data_type;
    t->rank = info->rank;
    size_t count = 1;
    for (uint32_t d = 0; d < info->rank; ++d) {
      t->dims[d] = info->dims[d];
      if (t->dims[d] == WEBNNC_OPEN_DIM) {
        char *end;
        t->dims[d] = strtoll(sizes, &end, 10);
        if (end == sizes || t->dims[d] < 1) {
          fprintf(stderr, "input %zu: give its open sizes (AxB...)\n", i);
          return 1;
        }
        sizes = *end == 'x' ? end + 1 : end;
      }
      count *= (size_t)t->dims[d];
    }
    t->byte_length = count * webnnc_data_type_size(t->data_type);
    if (!(t->data = calloc(1, t->byte_length)))
      return 1;
  }
  /* Outputs: allocated by the runtime on the first compute, then written
   * in place. */
  for (size_t i = 0; i < model->num_outputs; ++i) {
    outputs[i].data_type = model->outputs[i].data_type;
    outputs[i].rank = model->outputs[i].rank;
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
