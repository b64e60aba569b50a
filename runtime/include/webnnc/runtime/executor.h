/* SPDX-License-Identifier: Apache-2.0 */
/* Computing a compiled model: create an executor, compute, destroy. */
#ifndef WEBNNC_RUNTIME_EXECUTOR_H_
#define WEBNNC_RUNTIME_EXECUTOR_H_

#include <stddef.h>

#include "webnnc/runtime/allocator.h"
#include "webnnc/runtime/model.h"
#include "webnnc/runtime/status.h"
#include "webnnc/runtime/tensor.h"
#include "webnnc/runtime/thread_pool.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Computes one model with its own working memory. Thread-compatible: one
 * executor serves one compute at a time; create one executor per thread to
 * compute a model from several threads (the model itself is immutable). */
typedef struct webnnc_executor_t webnnc_executor_t;

typedef struct webnnc_executor_options_t {
  /* Allocator for the executor and its working arena. Zero-initialized
   * means webnnc_allocator_system(). */
  webnnc_allocator_t allocator;
  /* Pool to run kernels on, not owned; NULL runs every kernel on the
   * calling thread. A pool may be shared by many executors. */
  webnnc_thread_pool_t *thread_pool;
} webnnc_executor_options_t;

/* Creates an executor for |model| and allocates its working arena: the
 * model's fixed size, or for a model with open dimensions the size its
 * bounds need (when every open input dimension is bounded; otherwise the
 * arena grows at compute to what the actual sizes need).
 * |options| may be NULL (system allocator, single thread). */
webnnc_status_t webnnc_executor_create(const webnnc_model_t *model,
                                       const webnnc_executor_options_t *options,
                                       webnnc_executor_t **out_executor);

/* Frees |executor|. NULL is ignored. */
void webnnc_executor_destroy(webnnc_executor_t *executor);

/* The model |executor| computes. */
const webnnc_model_t *webnnc_executor_model(const webnnc_executor_t *executor);

/* Computes the model. |inputs| and |outputs| hold one tensor per model
 * input/output, in the model's order (or in any order if every tensor has a
 * |name|).
 *
 * Inputs give their actual dimensions; open dimensions take any size from 1
 * to their bound, and the graph's rules (matmul's K, a window fitting its
 * input, open dimensions of one name being equal...) are checked for the
 * given sizes.
 *
 * An output with |data| NULL is allocated by the runtime: on success its
 * data, allocation, byte_length, rank and dims are set; free it with
 * webnnc_tensor_free. An output with |data| set is written in place: its
 * byte_length must hold the output, and its rank and dims must match the
 * model's where they are static; on success rank and dims are set to the
 * output's actual shape.
 *
 * Everything is checked before any kernel runs, and outputs must not overlap
 * inputs or each other; a failed check writes nothing to any caller buffer
 * or tensor, and the status and webnnc_executor_last_error() say which
 * operand broke which rule. */
webnnc_status_t webnnc_executor_compute(webnnc_executor_t *executor,
                                        const webnnc_tensor_t *inputs,
                                        size_t num_inputs,
                                        webnnc_tensor_t *outputs,
                                        size_t num_outputs);

/* A description of the last failure of |executor| (naming the operand and
 * what was expected), or "" after a success. Valid until the next call on
 * |executor|. */
const char *webnnc_executor_last_error(const webnnc_executor_t *executor);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_EXECUTOR_H_ */
