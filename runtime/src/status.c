/* SPDX-License-Identifier: Apache-2.0 */
/* Descriptions of status codes. */
#include "webnnc/runtime/status.h"

const char *webnnc_status_string(webnnc_status_t status) {
  switch (status) {
  case WEBNNC_STATUS_OK:
    return "ok";
  case WEBNNC_STATUS_INVALID_ARGUMENT:
    return "invalid argument";
  case WEBNNC_STATUS_DATA_TYPE_MISMATCH:
    return "data type mismatch";
  case WEBNNC_STATUS_SHAPE_MISMATCH:
    return "shape mismatch";
  case WEBNNC_STATUS_BUFFER_TOO_SMALL:
    return "buffer too small";
  case WEBNNC_STATUS_BUFFER_OVERLAP:
    return "buffers overlap";
  case WEBNNC_STATUS_OUT_OF_MEMORY:
    return "out of memory";
  case WEBNNC_STATUS_KERNEL_FAILED:
    return "kernel failed";
  case WEBNNC_STATUS_ABI_MISMATCH:
    return "model ABI version mismatch";
  case WEBNNC_STATUS_NOT_FOUND:
    return "not found";
  }
  return "unknown status";
}
