/* SPDX-License-Identifier: Apache-2.0 */
/* A spin-then-sleep thread pool.
 *
 * One job runs at a time. Iterations are claimed and retired under |mutex|,
 * which keeps the protocol obviously correct; kernel iterations are coarse
 * (tiles of microseconds or more), so the lock is not the bottleneck. Idle
 * workers first spin on |work_available| so that back-to-back kernels do not
 * pay a futex wake-up each, then sleep so that a loaded machine is not
 * starved by spinning threads. */
#define _GNU_SOURCE
#include "webnnc/runtime/thread_pool.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define WEBNNC_CPU_RELAX() _mm_pause()
#else
#define WEBNNC_CPU_RELAX() ((void)0)
#endif

/* About 50-100 microseconds of spinning before a worker sleeps. */
enum { kSpinIterations = 2000 };

struct webnnc_thread_pool_t {
  webnnc_allocator_t allocator;
  int num_threads;
  int num_workers_started;
  pthread_t *workers;

  /* Held by the caller whose job the pool is running. */
  pthread_mutex_t submit_mutex;

  /* Guards everything below except the atomics' lock-free reads. */
  pthread_mutex_t mutex;
  pthread_cond_t work_cv;
  pthread_cond_t done_cv;
  bool shutdown;
  int sleeping_workers;
  bool caller_sleeping;

  /* The current job. */
  webnnc_parallel_task_t task;
  void *context;
  void *closure;
  int min;
  int size;
  int next;              /* next iteration offset to claim */
  atomic_int unfinished; /* iterations claimed or not, not yet retired */
  int result;
  atomic_bool work_available; /* iterations left to claim */
};

/* Set while a thread runs an iteration, so nested parallel loops run
 * serially instead of deadlocking on the pool. */
static _Thread_local bool tls_in_parallel_task;

int webnnc_available_cores(void) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0)
      return count;
  }
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  return online > 0 ? (int)online : 1;
}

/* Claims one iteration under |pool->mutex|; returns false if none is left. */
static bool claim_locked(webnnc_thread_pool_t *pool, int *out_index) {
  if (pool->next >= pool->size)
    return false;
  *out_index = pool->min + pool->next++;
  if (pool->next >= pool->size)
    atomic_store_explicit(&pool->work_available, false, memory_order_relaxed);
  return true;
}

/* Runs iteration |index| without the lock, then retires it under the lock. */
static void run_and_retire(webnnc_thread_pool_t *pool, int index) {
  webnnc_parallel_task_t task = pool->task;
  void *context = pool->context;
  void *closure = pool->closure;
  pthread_mutex_unlock(&pool->mutex);
  tls_in_parallel_task = true;
  int result = task(context, index, closure);
  tls_in_parallel_task = false;
  pthread_mutex_lock(&pool->mutex);
  if (result != 0 && pool->result == 0)
    pool->result = result;
  if (atomic_fetch_sub_explicit(&pool->unfinished, 1, memory_order_acq_rel) ==
          1 &&
      pool->caller_sleeping)
    pthread_cond_signal(&pool->done_cv);
}

static void *worker_main(void *arg) {
  webnnc_thread_pool_t *pool = (webnnc_thread_pool_t *)arg;
  for (;;) {
    for (int spin = 0; spin < kSpinIterations; ++spin) {
      if (atomic_load_explicit(&pool->work_available, memory_order_relaxed))
        break;
      WEBNNC_CPU_RELAX();
    }
    pthread_mutex_lock(&pool->mutex);
    int index;
    while (!pool->shutdown && !claim_locked(pool, &index)) {
      ++pool->sleeping_workers;
      pthread_cond_wait(&pool->work_cv, &pool->mutex);
      --pool->sleeping_workers;
    }
    if (pool->shutdown) {
      pthread_mutex_unlock(&pool->mutex);
      return NULL;
    }
    do {
      run_and_retire(pool, index);
    } while (claim_locked(pool, &index));
    pthread_mutex_unlock(&pool->mutex);
  }
}

webnnc_status_t webnnc_thread_pool_create(int num_threads,
                                          webnnc_allocator_t allocator,
                                          webnnc_thread_pool_t **out_pool) {
  if (!out_pool || !allocator.alloc || !allocator.free)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  *out_pool = NULL;
  if (num_threads <= 0)
    num_threads = webnnc_available_cores();
  webnnc_thread_pool_t *pool = (webnnc_thread_pool_t *)allocator.alloc(
      allocator.self, sizeof(*pool), _Alignof(webnnc_thread_pool_t));
  if (!pool)
    return WEBNNC_STATUS_OUT_OF_MEMORY;
  memset(pool, 0, sizeof(*pool));
  pool->allocator = allocator;
  pool->num_threads = num_threads;
  pthread_mutex_init(&pool->submit_mutex, NULL);
  pthread_mutex_init(&pool->mutex, NULL);
  pthread_cond_init(&pool->work_cv, NULL);
  pthread_cond_init(&pool->done_cv, NULL);
  atomic_init(&pool->unfinished, 0);
  atomic_init(&pool->work_available, false);

  int num_workers = num_threads - 1;
  if (num_workers > 0) {
    pool->workers = (pthread_t *)allocator.alloc(
        allocator.self, sizeof(pthread_t) * (size_t)num_workers,
        _Alignof(pthread_t));
    if (!pool->workers) {
      webnnc_thread_pool_release(pool);
      return WEBNNC_STATUS_OUT_OF_MEMORY;
    }
    for (int i = 0; i < num_workers; ++i) {
      if (pthread_create(&pool->workers[i], NULL, worker_main, pool) != 0) {
        webnnc_thread_pool_release(pool);
        return WEBNNC_STATUS_OUT_OF_MEMORY;
      }
      ++pool->num_workers_started;
    }
  }
  *out_pool = pool;
  return WEBNNC_STATUS_OK;
}

void webnnc_thread_pool_release(webnnc_thread_pool_t *pool) {
  if (!pool)
    return;
  pthread_mutex_lock(&pool->mutex);
  pool->shutdown = true;
  pthread_cond_broadcast(&pool->work_cv);
  pthread_mutex_unlock(&pool->mutex);
  for (int i = 0; i < pool->num_workers_started; ++i)
    pthread_join(pool->workers[i], NULL);
  if (pool->workers)
    pool->allocator.free(pool->allocator.self, pool->workers);
  pthread_cond_destroy(&pool->done_cv);
  pthread_cond_destroy(&pool->work_cv);
  pthread_mutex_destroy(&pool->mutex);
  pthread_mutex_destroy(&pool->submit_mutex);
  webnnc_allocator_t allocator = pool->allocator;
  allocator.free(allocator.self, pool);
}

int webnnc_thread_pool_size(const webnnc_thread_pool_t *pool) {
  return pool ? pool->num_threads : 1;
}

static int run_serially(webnnc_parallel_task_t task, void *context, int min,
                        int size, void *closure) {
  for (int i = min; i < min + size; ++i) {
    int result = task(context, i, closure);
    if (result != 0)
      return result;
  }
  return 0;
}

int webnnc_thread_pool_parallel_for(webnnc_thread_pool_t *pool,
                                    webnnc_parallel_task_t task,
                                    void *context, int min, int size,
                                    void *closure) {
  if (size <= 0)
    return 0;
  if (!pool || pool->num_threads <= 1 || size == 1 || tls_in_parallel_task ||
      pthread_mutex_trylock(&pool->submit_mutex) != 0)
    return run_serially(task, context, min, size, closure);

  pthread_mutex_lock(&pool->mutex);
  pool->task = task;
  pool->context = context;
  pool->closure = closure;
  pool->min = min;
  pool->size = size;
  pool->next = 0;
  pool->result = 0;
  atomic_store_explicit(&pool->unfinished, size, memory_order_relaxed);
  atomic_store_explicit(&pool->work_available, true, memory_order_release);
  if (pool->sleeping_workers > 0)
    pthread_cond_broadcast(&pool->work_cv);

  /* The caller works too. */
  int index;
  while (claim_locked(pool, &index))
    run_and_retire(pool, index);

  /* Wait for iterations still running on workers: spin, then sleep. */
  pthread_mutex_unlock(&pool->mutex);
  for (int spin = 0; spin < kSpinIterations; ++spin) {
    if (atomic_load_explicit(&pool->unfinished, memory_order_acquire) == 0)
      break;
    WEBNNC_CPU_RELAX();
  }
  pthread_mutex_lock(&pool->mutex);
  while (atomic_load_explicit(&pool->unfinished, memory_order_acquire) != 0) {
    pool->caller_sleeping = true;
    pthread_cond_wait(&pool->done_cv, &pool->mutex);
    pool->caller_sleeping = false;
  }
  int result = pool->result;
  pthread_mutex_unlock(&pool->mutex);
  pthread_mutex_unlock(&pool->submit_mutex);
  return result;
}
