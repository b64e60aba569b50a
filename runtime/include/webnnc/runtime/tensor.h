/* SPDX-License-Identifier: Apache-2.0 */
/* Tensors passed to and returned from compute. */
#ifndef WEBNNC_RUNTIME_TENSOR_H_
#define WEBNNC_RUNTIME_TENSOR_H_

#include <stddef.h>
#include <stdint.h>

#include "webnnc/runtime/status.h"
#include "webnnc/runtime/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A dense, row-major tensor in caller-owned memory. The caller keeps |data|
 * alive for the duration of the call it passes the tensor to. */
typedef struct webnnc_tensor_t {
  /* The operand's name, or NULL to bind the tensor by position. */
  const char *name;
  webnnc_data_type_t data_type;
  uint32_t rank;
  int64_t dims[WEBNNC_MAX_RANK];
  void *data;
  /* Size of |data| in bytes; at least the shape's element count times the
   * element size. */
  size_t byte_length;
  /* Set by the runtime when it allocated |data| (an output passed with
   * data NULL); release it with webnnc_tensor_free. NULL otherwise. */
  void *allocation;
} webnnc_tensor_t;

/* Frees the data the runtime allocated for |tensor| and clears data,
 * allocation and byte_length. Does nothing for caller-owned data or NULL. */
void webnnc_tensor_free(webnnc_tensor_t *tensor);

/* Stores the element count of |rank| |dims| in |out_count|. Fails with
 * WEBNNC_STATUS_INVALID_ARGUMENT on a negative dimension, a rank above
 * WEBNNC_MAX_RANK, or overflow. */
webnnc_status_t webnnc_shape_element_count(uint32_t rank, const int64_t *dims,
                                           uint64_t *out_count);

/* Stores the byte size of a dense |type| tensor of |rank| |dims| in
 * |out_bytes|. Same failures as webnnc_shape_element_count, plus an invalid
 * |type|. */
webnnc_status_t webnnc_tensor_byte_size(webnnc_data_type_t type, uint32_t rank,
                                        const int64_t *dims,
                                        size_t *out_bytes);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_TENSOR_H_ */
