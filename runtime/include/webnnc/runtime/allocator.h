/* SPDX-License-Identifier: Apache-2.0 */
/* Caller-controlled memory allocation. */
#ifndef WEBNNC_RUNTIME_ALLOCATOR_H_
#define WEBNNC_RUNTIME_ALLOCATOR_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An allocator passed by value to every call that allocates. |alloc| returns
 * |size| bytes aligned to |alignment| (a power of two) or NULL; |free|
 * releases a pointer |alloc| returned (NULL is ignored). Both must be
 * thread-safe if the objects using them are used from several threads. */
typedef struct webnnc_allocator_t {
  void *self;
  void *(*alloc)(void *self, size_t size, size_t alignment);
  void (*free)(void *self, void *ptr);
} webnnc_allocator_t;

/* The C library's aligned allocator. Thread-safe. */
webnnc_allocator_t webnnc_allocator_system(void);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_ALLOCATOR_H_ */
