/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel scratch memory kept between computes (private to the runtime).
 *
 * A kernel over open dimensions cannot size its intermediate buffers at
 * compile time, so it asks the runtime for them on every call (Halide's
 * malloc/free), often from inside its parallel loops. Each executor keeps
 * the blocks its kernels freed and hands them out again, so computing the
 * same sizes again allocates nothing. Thread-safe. */
#ifndef WEBNNC_RUNTIME_SCRATCH_CACHE_H_
#define WEBNNC_RUNTIME_SCRATCH_CACHE_H_

#include "webnnc/runtime/allocator.h"

typedef struct webnnc_scratch_cache_t webnnc_scratch_cache_t;

/* A cache over |backing|, which owns every block; NULL if out of memory. */
webnnc_scratch_cache_t *webnnc_scratch_cache_create(webnnc_allocator_t backing);
/* Frees every cached block and the cache. Blocks still handed out must
 * have been returned. */
void webnnc_scratch_cache_destroy(webnnc_scratch_cache_t *cache);
/* An allocator drawing on |cache|. */
webnnc_allocator_t webnnc_scratch_cache_allocator(webnnc_scratch_cache_t *cache);

#endif /* WEBNNC_RUNTIME_SCRATCH_CACHE_H_ */
