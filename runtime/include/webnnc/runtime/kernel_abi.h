/* SPDX-License-Identifier: Apache-2.0 */
/* Services generated kernels call. Apps never call these; loaders (such as
 * `webnnc run`) resolve generated code's references to them. */
#ifndef WEBNNC_RUNTIME_KERNEL_ABI_H_
#define WEBNNC_RUNTIME_KERNEL_ABI_H_

#include <stddef.h>
#include <stdint.h>

#include "webnnc/runtime/allocator.h"
#include "webnnc/runtime/thread_pool.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a model's entry receives as |exec_context|; kernels receive it as
 * Halide's user context and pass it back to the services below. */
typedef struct webnnc_exec_context_t {
  webnnc_thread_pool_t *thread_pool; /* NULL: run on the calling thread */
  webnnc_allocator_t allocator;
  char *error;           /* receives a kernel's error message */
  size_t error_capacity; /* bytes at |error| */
} webnnc_exec_context_t;

/* Halide's runtime entry points, renamed: the compiler rewrites the
 * kernels' references to halide_<name> into webnnc_rt_halide_<name>, so an
 * app may also link Halide's own runtime without clashes. */
int webnnc_rt_halide_do_par_for(void *user_context,
                                int (*task)(void *, int, uint8_t *), int min,
                                int size, uint8_t *closure);
void *webnnc_rt_halide_malloc(void *user_context, size_t size);
void webnnc_rt_halide_free(void *user_context, void *ptr);
void webnnc_rt_halide_error(void *user_context, const char *message);

/* Services the glue of a model with open dimensions calls. */

/* Records "<message> (got <actual>, expected <expected>)" as the compute's
 * error and returns the status the shapes function returns. */
int32_t webnnc_rt_shape_error(void *exec_context, const char *message,
                              int64_t actual, int64_t expected);

/* Places |count| arena buffers of |sizes| bytes (multiples of 64), buffer i
 * live over op positions [lifetimes[2i], lifetimes[2i+1]]: first fit,
 * largest first, so buffers live at the same time never overlap. Stores
 * each buffer's offset in |offsets| and returns the arena's size. */
uint64_t webnnc_rt_plan_arena(uint32_t count, const uint64_t *sizes,
                              const int64_t *lifetimes, uint64_t *offsets);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_KERNEL_ABI_H_ */
