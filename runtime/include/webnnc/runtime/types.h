/* SPDX-License-Identifier: Apache-2.0 */
/* The WebNN operand data types and their sizes. */
#ifndef WEBNNC_RUNTIME_TYPES_H_
#define WEBNNC_RUNTIME_TYPES_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The largest tensor rank a model operand may have. */
#define WEBNNC_MAX_RANK 8

/* MLOperandDataType. The numeric values are part of the model ABI. */
typedef enum webnnc_data_type_t {
  WEBNNC_DATA_TYPE_FLOAT32 = 1,
  WEBNNC_DATA_TYPE_FLOAT16 = 2,
  WEBNNC_DATA_TYPE_INT32 = 3,
  WEBNNC_DATA_TYPE_UINT32 = 4,
  WEBNNC_DATA_TYPE_INT64 = 5,
  WEBNNC_DATA_TYPE_UINT64 = 6,
  WEBNNC_DATA_TYPE_INT8 = 7,
  WEBNNC_DATA_TYPE_UINT8 = 8,
  /* Four-bit integers, two per byte: element 2k in the low nibble of byte
   * k, element 2k+1 in its high nibble; a tensor of n elements holds
   * ceil(n/2) bytes. */
  WEBNNC_DATA_TYPE_INT4 = 9,
  WEBNNC_DATA_TYPE_UINT4 = 10,
} webnnc_data_type_t;

/* Bytes per element of |type|, or 0 if |type| is not a valid data type or
 * is smaller than a byte (int4, uint4: see webnnc_data_type_bits and
 * webnnc_tensor_byte_size). */
size_t webnnc_data_type_size(webnnc_data_type_t type);

/* Bits per element of |type| (4 for int4/uint4), or 0 if |type| is not a
 * valid data type. */
size_t webnnc_data_type_bits(webnnc_data_type_t type);

/* The spec's name of |type| ("float32", ...), or "invalid". Never NULL. */
const char *webnnc_data_type_name(webnnc_data_type_t type);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_TYPES_H_ */
