/* SPDX-License-Identifier: Apache-2.0 */
/* The Halide runtime services generated kernels use, on webnnc's pool and
 * allocator. Kernels are compiled without Halide's runtime, so these few
 * functions are all of it that a model needs. */
#include "webnnc/runtime/kernel_abi.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
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

int32_t webnnc_rt_shape_error(void *exec_context, const char *message,
                              int64_t actual, int64_t expected) {
  webnnc_exec_context_t *context = (webnnc_exec_context_t *)exec_context;
  if (context && context->error && context->error_capacity > 0)
    snprintf(context->error, context->error_capacity,
             "%s (got %" PRId64 ", expected %" PRId64 ")", message, actual,
             expected);
  return 1;
}

/* First fit, largest first (ties in buffer order): the compile-time
 * planner's rule, applied to the sizes known at compute. Quadratic in the
 * buffer count, which is the number of kernel results (tens to hundreds). */
uint64_t webnnc_rt_plan_arena(uint32_t count, const uint64_t *sizes,
                              const int64_t *lifetimes, uint64_t *offsets) {
  uint64_t arena = 0;
  for (uint32_t i = 0; i < count; ++i)
    offsets[i] = UINT64_MAX; /* not placed yet */
  for (uint32_t placed = 0; placed < count; ++placed) {
    /* The largest buffer not placed yet. */
    uint32_t next = count;
    for (uint32_t i = 0; i < count; ++i)
      if (offsets[i] == UINT64_MAX && (next == count || sizes[i] > sizes[next]))
        next = i;
    int64_t first = lifetimes[2 * next], last = lifetimes[2 * next + 1];
    /* Lowest offset clear of every placed buffer live at the same time:
     * retry after each conflict until one position is clear of all. */
    uint64_t offset = 0;
    for (bool moved = true; moved;) {
      moved = false;
      for (uint32_t j = 0; j < count; ++j) {
        if (j == next || offsets[j] == UINT64_MAX)
          continue;
        if (lifetimes[2 * j] > last || first > lifetimes[2 * j + 1])
          continue; /* never live together */
        if (offset < offsets[j] + sizes[j] && offsets[j] < offset + sizes[next]) {
          offset = offsets[j] + sizes[j];
          moved = true;
        }
      }
    }
    offsets[next] = offset;
    if (offset + sizes[next] > arena)
      arena = offset + sizes[next];
  }
  return arena;
}
