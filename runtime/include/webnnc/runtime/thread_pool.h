/* SPDX-License-Identifier: Apache-2.0 */
/* A fixed-size thread pool shared by all kernels of the computes using it. */
#ifndef WEBNNC_RUNTIME_THREAD_POOL_H_
#define WEBNNC_RUNTIME_THREAD_POOL_H_

#include <stdint.h>

#include "webnnc/runtime/allocator.h"
#include "webnnc/runtime/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct webnnc_thread_pool_t webnnc_thread_pool_t;

/* One unit of parallel work: runs iteration |index|; returns 0 on success. */
typedef int (*webnnc_parallel_task_t)(void *context, int index,
                                      void *closure);

/* The number of cores this process may run on (at least 1). */
int webnnc_available_cores(void);

/* Creates a pool running work on |num_threads| threads in total: the calling
 * thread plus num_threads-1 workers. |num_threads| <= 0 means
 * webnnc_available_cores(). Idle workers spin briefly, then sleep. */
webnnc_status_t webnnc_thread_pool_create(int num_threads,
                                          webnnc_allocator_t allocator,
                                          webnnc_thread_pool_t **out_pool);

/* Stops and joins the workers and frees the pool. NULL is ignored. The pool
 * must not be in use. */
void webnnc_thread_pool_release(webnnc_thread_pool_t *pool);

/* Total threads (workers plus the caller) that run parallel work. */
int webnnc_thread_pool_size(const webnnc_thread_pool_t *pool);

/* Runs |task|(|context|, i, |closure|) for i in [min, min+size), spread over
 * the pool, and returns when all have finished: 0, or the first non-zero
 * value a task returned. Thread-safe: if the pool is busy with another
 * caller's work, or the caller is itself inside a parallel task, the
 * iterations run on the calling thread. With a |pool| of one thread (or
 * NULL) iterations run in order on the calling thread. */
int webnnc_thread_pool_parallel_for(webnnc_thread_pool_t *pool,
                                    webnnc_parallel_task_t task,
                                    void *context, int min, int size,
                                    void *closure);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_THREAD_POOL_H_ */
