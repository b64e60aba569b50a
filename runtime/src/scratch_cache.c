/* SPDX-License-Identifier: Apache-2.0 */
#include "scratch_cache.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

/* Blocks remembered per executor: more than the scratch buffers any one
 * kernel call holds at once on a few threads. */
enum { kSlots = 64 };

typedef struct {
  void *ptr; /* NULL: an empty slot */
  size_t capacity, alignment;
  bool busy;
} scratch_slot_t;

struct webnnc_scratch_cache_t {
  webnnc_allocator_t backing;
  pthread_mutex_t mutex;
  scratch_slot_t slots[kSlots];
};

webnnc_scratch_cache_t *webnnc_scratch_cache_create(webnnc_allocator_t backing) {
  webnnc_scratch_cache_t *cache = (webnnc_scratch_cache_t *)backing.alloc(
      backing.self, sizeof(*cache), _Alignof(webnnc_scratch_cache_t));
  if (!cache)
    return NULL;
  memset(cache, 0, sizeof(*cache));
  cache->backing = backing;
  pthread_mutex_init(&cache->mutex, NULL);
  return cache;
}

void webnnc_scratch_cache_destroy(webnnc_scratch_cache_t *cache) {
  if (!cache)
    return;
  webnnc_allocator_t backing = cache->backing;
  for (int i = 0; i < kSlots; ++i)
    if (cache->slots[i].ptr)
      backing.free(backing.self, cache->slots[i].ptr);
  pthread_mutex_destroy(&cache->mutex);
  backing.free(backing.self, cache);
}

/* A cached block fits a request it can hold at the alignment, without
 * wasting more than half of itself (a huge block is not pinned by a small
 * buffer). */
static bool fits(const scratch_slot_t *slot, size_t size, size_t alignment) {
  return slot->ptr && !slot->busy && slot->capacity >= size &&
         slot->alignment >= alignment && slot->capacity / 2 <= size + 4096;
}

static void *cache_alloc(void *self, size_t size, size_t alignment) {
  webnnc_scratch_cache_t *cache = (webnnc_scratch_cache_t *)self;
  pthread_mutex_lock(&cache->mutex);
  scratch_slot_t *best = NULL;
  for (int i = 0; i < kSlots; ++i)
    if (fits(&cache->slots[i], size, alignment) &&
        (!best || cache->slots[i].capacity < best->capacity))
      best = &cache->slots[i];
  if (best) {
    best->busy = true;
    pthread_mutex_unlock(&cache->mutex);
    return best->ptr;
  }
  pthread_mutex_unlock(&cache->mutex);

  void *ptr = cache->backing.alloc(cache->backing.self, size, alignment);
  if (!ptr)
    return NULL;
  /* Remember it in an empty slot, or in place of an idle block (freed). */
  void *evicted = NULL;
  pthread_mutex_lock(&cache->mutex);
  scratch_slot_t *slot = NULL;
  for (int i = 0; i < kSlots && !slot; ++i)
    if (!cache->slots[i].ptr)
      slot = &cache->slots[i];
  for (int i = 0; i < kSlots && !slot; ++i)
    if (!cache->slots[i].busy)
      slot = &cache->slots[i];
  if (slot) {
    evicted = slot->ptr;
    slot->ptr = ptr;
    slot->capacity = size;
    slot->alignment = alignment;
    slot->busy = true;
  }
  pthread_mutex_unlock(&cache->mutex);
  if (evicted)
    cache->backing.free(cache->backing.self, evicted);
  return ptr;
}

static void cache_free(void *self, void *ptr) {
  webnnc_scratch_cache_t *cache = (webnnc_scratch_cache_t *)self;
  if (!ptr)
    return;
  pthread_mutex_lock(&cache->mutex);
  for (int i = 0; i < kSlots; ++i)
    if (cache->slots[i].ptr == ptr) {
      cache->slots[i].busy = false;
      pthread_mutex_unlock(&cache->mutex);
      return;
    }
  pthread_mutex_unlock(&cache->mutex);
  /* Not remembered (every slot was busy when it was allocated). */
  cache->backing.free(cache->backing.self, ptr);
}

webnnc_allocator_t webnnc_scratch_cache_allocator(webnnc_scratch_cache_t *cache) {
  webnnc_allocator_t allocator = {cache, cache_alloc, cache_free};
  return allocator;
}
