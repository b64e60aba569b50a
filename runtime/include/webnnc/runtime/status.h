/* SPDX-License-Identifier: Apache-2.0 */
/* Status codes returned by every fallible webnnc runtime call. */
#ifndef WEBNNC_RUNTIME_STATUS_H_
#define WEBNNC_RUNTIME_STATUS_H_

#ifdef __cplusplus
extern "C" {
#endif

/* A plain status value; WEBNNC_STATUS_OK is zero. Calls that can explain a
 * failure in more detail (which operand, what was expected) also record a
 * message on the object they were called on; see webnnc_executor_last_error. */
typedef enum webnnc_status_t {
  WEBNNC_STATUS_OK = 0,
  /* A required pointer was NULL or a count was wrong. */
  WEBNNC_STATUS_INVALID_ARGUMENT = 1,
  /* A tensor's data type differs from the model's operand. */
  WEBNNC_STATUS_DATA_TYPE_MISMATCH = 2,
  /* A tensor's rank or a dimension differs from the model's operand. */
  WEBNNC_STATUS_SHAPE_MISMATCH = 3,
  /* A tensor's buffer is smaller than its shape requires. */
  WEBNNC_STATUS_BUFFER_TOO_SMALL = 4,
  /* An output buffer overlaps an input or another output. */
  WEBNNC_STATUS_BUFFER_OVERLAP = 5,
  /* Allocating working memory failed. */
  WEBNNC_STATUS_OUT_OF_MEMORY = 6,
  /* A generated kernel reported an error while computing. */
  WEBNNC_STATUS_KERNEL_FAILED = 7,
  /* The model object was compiled for a different runtime ABI version. */
  WEBNNC_STATUS_ABI_MISMATCH = 8,
  /* A tensor name does not name an operand of the model. */
  WEBNNC_STATUS_NOT_FOUND = 9,
} webnnc_status_t;

/* Returns a static, human-readable description of |status|. Never NULL. */
const char *webnnc_status_string(webnnc_status_t status);

/* Returns |expr| from the enclosing function if it is not WEBNNC_STATUS_OK. */
#define WEBNNC_RETURN_IF_ERROR(expr)                                           \
  do {                                                                         \
    webnnc_status_t webnnc_status_ = (expr);                                   \
    if (webnnc_status_ != WEBNNC_STATUS_OK)                                    \
      return webnnc_status_;                                                   \
  } while (0)

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_STATUS_H_ */
