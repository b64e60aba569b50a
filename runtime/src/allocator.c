/* SPDX-License-Identifier: Apache-2.0 */
/* The system allocator. */
#include "webnnc/runtime/allocator.h"

#include <stdlib.h>

static void *system_alloc(void *self, size_t size, size_t alignment) {
  (void)self;
  if (alignment < sizeof(void *))
    alignment = sizeof(void *);
  void *ptr = NULL;
  if (posix_memalign(&ptr, alignment, size ? size : 1) != 0)
    return NULL;
  return ptr;
}

static void system_free(void *self, void *ptr) {
  (void)self;
  free(ptr);
}

webnnc_allocator_t webnnc_allocator_system(void) {
  webnnc_allocator_t allocator = {NULL, system_alloc, system_free};
  return allocator;
}
