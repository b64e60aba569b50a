/* SPDX-License-Identifier: Apache-2.0 */
/* int4/uint4 at the model boundary: the API packs two elements per byte
 * (element 2k in the low nibble); compiled code reads and writes one
 * element per byte (int4 sign-extended), so the executor converts inputs
 * before the entry and outputs after it. */
#ifndef WEBNNC_RUNTIME_FOUR_BIT_H_
#define WEBNNC_RUNTIME_FOUR_BIT_H_

#include <stdbool.h>
#include <stdint.h>

#include "webnnc/runtime/types.h"

static inline bool webnnc_is_four_bit(webnnc_data_type_t type) {
  return type == WEBNNC_DATA_TYPE_INT4 || type == WEBNNC_DATA_TYPE_UINT4;
}

/* |count| packed elements at |packed| to one byte each at |bytes|. */
void webnnc_unpack_four_bit(webnnc_data_type_t type, const uint8_t *packed,
                            uint64_t count, int8_t *bytes);

/* |count| one-byte elements at |bytes| (their low nibbles) packed to
 * |packed|; an odd count leaves the last byte's high nibble zero. */
void webnnc_pack_four_bit(const int8_t *bytes, uint64_t count,
                          uint8_t *packed);

#endif /* WEBNNC_RUNTIME_FOUR_BIT_H_ */
