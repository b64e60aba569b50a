/* SPDX-License-Identifier: Apache-2.0 */
/* Packing and unpacking int4/uint4 operands at the model boundary. */
#include "four_bit.h"

void webnnc_unpack_four_bit(webnnc_data_type_t type, const uint8_t *packed,
                            uint64_t count, int8_t *bytes) {
  bool is_signed = type == WEBNNC_DATA_TYPE_INT4;
  for (uint64_t i = 0; i < count; ++i) {
    int nibble = (packed[i / 2] >> (4 * (i % 2))) & 0xF;
    bytes[i] = (int8_t)(is_signed && nibble >= 8 ? nibble - 16 : nibble);
  }
}

void webnnc_pack_four_bit(const int8_t *bytes, uint64_t count,
                          uint8_t *packed) {
  for (uint64_t i = 0; i + 1 < count; i += 2)
    packed[i / 2] = (uint8_t)((bytes[i] & 0xF) | ((bytes[i + 1] & 0xF) << 4));
  if (count % 2)
    packed[count / 2] = (uint8_t)(bytes[count - 1] & 0xF);
}
