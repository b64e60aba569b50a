/* SPDX-License-Identifier: Apache-2.0 */
/* A spin-then-sleep thread pool.
 *
 * One job runs at a time. Iterations are claimed with an atomic counter and
 * retired with another, so two threads splitting a kernel of fine tiles never
 * meet on a lock (a mutex per claim made MobileNetV2 slower on two threads
 * than on one: contended glibc mutexes sleep in the kernel). The mutex only
 * guards joining a job, sleeping and shutdown. Idle workers spin on the job
 * generation for a while so that back-to-back kernels do not pay a futex
 * wake-up each, then sleep so that a loaded machine is not starved.
 *
 * Job lifetime: a worker joins the current job under |mutex| (counting itself
 * in |workers_in_job|) only while the job is open; the caller closes the job
 * under |mutex| once every iteration has retired and then waits until every
 * joined worker has left, so no worker reads a job's fields after the caller
 * returns and starts the next one. */
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

/* Spin lengths in pause instructions. An idle worker spins for about a
 * millisecond (a network's kernels follow each other closely; the gaps are
 * serial glue and small kernels), the caller waiting for a job's last
 * iterations about as long before either sleeps. */
enum { kWorkerSpinIterations = 20000, kCallerSpinIterations = 20000 };

struct webnnc_thread_pool_t {
  webnnc_allocator_t allocator;
  int num_threads;
  int num_workers_started;
  pthread_t *workers;

  /* Held by the caller whose job the pool is running. */
  pthread_mutex_t submit_mutex;

  /* Guards joining and closing jobs, sleeping and shutdown. */
  pthread_mutex_t mutex;
  pthread_cond_t work_cv;
  pthread_cond_t done_cv;
  bool shutdown;
  bool job_open;
  int sleeping_workers;
  atomic_bool caller_sleeping;

  /* The current job, written by the caller before it is opened. */
  webnnc_parallel_task_t task;
  void *context;
  void *closure;
  int min;
  int size;
  /* Each hot atomic on a cache line of its own. */
  _Alignas(64) atomic_uint generation; /* bumped when a job opens */
  _Alignas(64) atomic_int next;        /* next iteration offset to claim */
  _Alignas(64) atomic_int unfinished;  /* iterations not yet retired */
  _Alignas(64) atomic_int workers_in_job;
  atomic_int result;
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

/* Claims and runs iterations of the current job until none is left.
 * Iterations are claimed in chunks of about an eighth of a thread's share,
 * and retired once per call: kernels split into many fine tiles (a row of a
 * 7x7 map is well under a microsecond), and an atomic on a shared cache
 * line per tile cost a quarter of a two-thread MobileNetV2. */
static void run_iterations(webnnc_thread_pool_t *pool) {
  webnnc_parallel_task_t task = pool->task;
  void *context = pool->context;
  void *closure = pool->closure;
  int min = pool->min;
  int size = pool->size;
  int chunk = size / (pool->num_threads * 8);
  if (chunk < 1)
    chunk = 1;
  int retired = 0;
  tls_in_parallel_task = true;
  for (;;) {
    int begin =
        atomic_fetch_add_explicit(&pool->next, chunk, memory_order_relaxed);
    if (begin >= size)
      break;
    int end = begin + chunk < size ? begin + chunk : size;
    for (int offset = begin; offset < end; ++offset) {
      int result = task(context, min + offset, closure);
      if (result != 0) {
        int expected = 0;
        atomic_compare_exchange_strong(&pool->result, &expected, result);
      }
    }
    retired += end - begin;
  }
  tls_in_parallel_task = false;
  /* Sequentially consistent, pairing with the caller's store of
   * |caller_sleeping| before its last look at |unfinished|. */
  if (retired > 0 && atomic_fetch_sub(&pool->unfinished, retired) == retired &&
      atomic_load(&pool->caller_sleeping)) {
    pthread_mutex_lock(&pool->mutex);
    pthread_cond_signal(&pool->done_cv);
    pthread_mutex_unlock(&pool->mutex);
  }
}

/* Under |pool->mutex|: whether the open job still has iterations to claim. */
static bool joinable_locked(webnnc_thread_pool_t *pool) {
  return pool->job_open &&
         atomic_load_explicit(&pool->next, memory_order_relaxed) < pool->size;
}

static void *worker_main(void *arg) {
  webnnc_thread_pool_t *pool = (webnnc_thread_pool_t *)arg;
  unsigned seen = atomic_load(&pool->generation);
  for (;;) {
    for (int spin = 0; spin < kWorkerSpinIterations; ++spin) {
      if (atomic_load_explicit(&pool->generation, memory_order_relaxed) !=
          seen)
        break;
      WEBNNC_CPU_RELAX();
    }
    pthread_mutex_lock(&pool->mutex);
    while (!pool->shutdown && !joinable_locked(pool)) {
      ++pool->sleeping_workers;
      pthread_cond_wait(&pool->work_cv, &pool->mutex);
      --pool->sleeping_workers;
    }
    if (pool->shutdown) {
      pthread_mutex_unlock(&pool->mutex);
      return NULL;
    }
    seen = atomic_load(&pool->generation);
    atomic_fetch_add(&pool->workers_in_job, 1);
    pthread_mutex_unlock(&pool->mutex);
    run_iterations(pool);
    atomic_fetch_sub(&pool->workers_in_job, 1);
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
  atomic_init(&pool->next, 0);
  atomic_init(&pool->workers_in_job, 0);
  atomic_init(&pool->result, 0);
  atomic_init(&pool->generation, 0);
  atomic_init(&pool->caller_sleeping, false);

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
  atomic_store(&pool->next, 0);
  atomic_store(&pool->unfinished, size);
  atomic_store(&pool->result, 0);
  pool->job_open = true;
  atomic_fetch_add(&pool->generation, 1);
  if (pool->sleeping_workers > 0)
    pthread_cond_broadcast(&pool->work_cv);
  pthread_mutex_unlock(&pool->mutex);

  /* The caller works too. */
  run_iterations(pool);

  /* Wait for iterations still running on workers: spin, then sleep. */
  for (int spin = 0; spin < kCallerSpinIterations; ++spin) {
    if (atomic_load_explicit(&pool->unfinished, memory_order_acquire) == 0)
      break;
    WEBNNC_CPU_RELAX();
  }
  pthread_mutex_lock(&pool->mutex);
  while (atomic_load_explicit(&pool->unfinished, memory_order_acquire) != 0) {
    atomic_store(&pool->caller_sleeping, true);
    if (atomic_load_explicit(&pool->unfinished, memory_order_acquire) != 0)
      pthread_cond_wait(&pool->done_cv, &pool->mutex);
    atomic_store(&pool->caller_sleeping, false);
  }
  pool->job_open = false;
  pthread_mutex_unlock(&pool->mutex);

  /* Joined workers leave right after their last failed claim. */
  for (int spin = 0; atomic_load(&pool->workers_in_job) != 0; ++spin) {
    if (spin < kCallerSpinIterations)
      WEBNNC_CPU_RELAX();
    else
      sched_yield();
  }
  int result = atomic_load(&pool->result);
  pthread_mutex_unlock(&pool->submit_mutex);
  return result;
}
