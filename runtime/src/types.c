/* SPDX-License-Identifier: Apache-2.0 */
/* Data type properties and checked shape arithmetic. */
#include <string.h>

#include "webnnc/runtime/model.h"
#include "webnnc/runtime/tensor.h"
#include "webnnc/runtime/types.h"

size_t webnnc_data_type_size(webnnc_data_type_t type) {
  switch (type) {
  case WEBNNC_DATA_TYPE_FLOAT32:
  case WEBNNC_DATA_TYPE_INT32:
  case WEBNNC_DATA_TYPE_UINT32:
    return 4;
  case WEBNNC_DATA_TYPE_FLOAT16:
    return 2;
  case WEBNNC_DATA_TYPE_INT64:
  case WEBNNC_DATA_TYPE_UINT64:
    return 8;
  case WEBNNC_DATA_TYPE_INT8:
  case WEBNNC_DATA_TYPE_UINT8:
    return 1;
  case WEBNNC_DATA_TYPE_INT4:
  case WEBNNC_DATA_TYPE_UINT4:
    return 0;
  }
  return 0;
}

size_t webnnc_data_type_bits(webnnc_data_type_t type) {
  if (type == WEBNNC_DATA_TYPE_INT4 || type == WEBNNC_DATA_TYPE_UINT4)
    return 4;
  return 8 * webnnc_data_type_size(type);
}

const char *webnnc_data_type_name(webnnc_data_type_t type) {
  switch (type) {
  case WEBNNC_DATA_TYPE_FLOAT32:
    return "float32";
  case WEBNNC_DATA_TYPE_FLOAT16:
    return "float16";
  case WEBNNC_DATA_TYPE_INT32:
    return "int32";
  case WEBNNC_DATA_TYPE_UINT32:
    return "uint32";
  case WEBNNC_DATA_TYPE_INT64:
    return "int64";
  case WEBNNC_DATA_TYPE_UINT64:
    return "uint64";
  case WEBNNC_DATA_TYPE_INT8:
    return "int8";
  case WEBNNC_DATA_TYPE_UINT8:
    return "uint8";
  case WEBNNC_DATA_TYPE_INT4:
    return "int4";
  case WEBNNC_DATA_TYPE_UINT4:
    return "uint4";
  }
  return "invalid";
}

webnnc_status_t webnnc_shape_element_count(uint32_t rank, const int64_t *dims,
                                           uint64_t *out_count) {
  if (!out_count || (rank > 0 && !dims) || rank > WEBNNC_MAX_RANK)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  uint64_t count = 1;
  for (uint32_t i = 0; i < rank; ++i) {
    if (dims[i] < 0)
      return WEBNNC_STATUS_INVALID_ARGUMENT;
    if (__builtin_mul_overflow(count, (uint64_t)dims[i], &count))
      return WEBNNC_STATUS_INVALID_ARGUMENT;
  }
  *out_count = count;
  return WEBNNC_STATUS_OK;
}

webnnc_status_t webnnc_tensor_byte_size(webnnc_data_type_t type, uint32_t rank,
                                        const int64_t *dims,
                                        size_t *out_bytes) {
  size_t bits = webnnc_data_type_bits(type);
  if (!out_bytes || bits == 0)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  uint64_t count = 0;
  WEBNNC_RETURN_IF_ERROR(webnnc_shape_element_count(rank, dims, &count));
  uint64_t bytes = 0;
  if (bits < 8)
    bytes = count / 2 + count % 2; /* four bits: two elements per byte */
  else if (__builtin_mul_overflow(count, (uint64_t)(bits / 8), &bytes))
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  if (bytes > (uint64_t)SIZE_MAX)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  *out_bytes = (size_t)bytes;
  return WEBNNC_STATUS_OK;
}

webnnc_status_t webnnc_tensor_for_operand(const webnnc_operand_info_t *operand,
                                          void *data,
                                          webnnc_tensor_t *out_tensor) {
  if (!operand || !out_tensor || operand->rank > WEBNNC_MAX_RANK ||
      (operand->rank > 0 && !operand->dims))
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  size_t bytes = 0;
  WEBNNC_RETURN_IF_ERROR(webnnc_tensor_byte_size(
      operand->data_type, operand->rank, operand->dims, &bytes));
  memset(out_tensor, 0, sizeof(*out_tensor));
  out_tensor->name = operand->name;
  out_tensor->data_type = operand->data_type;
  out_tensor->rank = operand->rank;
  for (uint32_t i = 0; i < operand->rank; ++i)
    out_tensor->dims[i] = operand->dims[i];
  out_tensor->data = data;
  out_tensor->byte_length = bytes;
  return WEBNNC_STATUS_OK;
}
