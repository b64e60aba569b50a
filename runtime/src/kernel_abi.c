/* SPDX-License-Identifier: Apache-2.0 */
/* The Halide runtime services generated kernels use, on webnnc's pool and
 * allocator. Kernels are compiled without Halide's runtime, so these few
 * functions are all of it that a model needs. */
#include "webnnc/runtime/kernel_abi.h"

#include <string.h>

/* Halide assumes heap allocations are aligned for its widest vectors. */
enum { kKernelAllocationAlignment = 128 };

int webnnc_rt_halide_do_par_for(void *user_context,
                                int (*task)(void *, int, uint8_t *), int min,
                                int size, uint8_t *closure) {
  webnnc_exec_context_t *context = (webnnc_exec_context_t *)user_context;
  return webnnc_thread_pool_parallel_for(
      context ? context->thread_pool : NULL, (webnnc_parallel_task_t)task,
      user_context, min, size, closure);
}

void *webnnc_rt_halide_malloc(void *user_context, size_t size) {
  webnnc_exec_context_t *context = (webnnc_exec_context_t *)user_context;
  webnnc_allocator_t allocator =
      context ? context->allocator : webnnc_allocator_system();
  return allocator.alloc(allocator.self, size, kKernelAllocationAlignment);
}

void webnnc_rt_halide_free(void *user_context, void *ptr) {
  webnnc_exec_context_t *context = (webnnc_exec_context_t *)user_context;
  webnnc_allocator_t allocator =
      context ? context->allocator : webnnc_allocator_system();
  allocator.free(allocator.self, ptr);
}

void webnnc_rt_halide_error(void *user_context, const char *message) {
  webnnc_exec_context_t *context = (webnnc_exec_context_t *)user_context;
  if (!context || !context->error || context->error_capacity == 0 ||
      !message)
    return;
  strncpy(context->error, message, context->error_capacity - 1);
  context->error[context->error_capacity - 1] = '\0';
}
