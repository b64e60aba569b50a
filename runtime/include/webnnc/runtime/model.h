/* SPDX-License-Identifier: Apache-2.0 */
/* The descriptor every compiled model object exports (the model ABI). */
#ifndef WEBNNC_RUNTIME_MODEL_H_
#define WEBNNC_RUNTIME_MODEL_H_

#include <stddef.h>
#include <stdint.h>

#include "webnnc/runtime/status.h"
#include "webnnc/runtime/tensor.h"
#include "webnnc/runtime/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever the layout of webnnc_model_t or the entry contract
 * changes; the runtime refuses models built for another version. */
#define WEBNNC_MODEL_ABI_VERSION 1

/* One named input or output of a model. */
typedef struct webnnc_operand_info_t {
  const char *name;
  webnnc_data_type_t data_type;
  uint32_t rank;
  const int64_t *dims; /* |rank| dimensions */
} webnnc_operand_info_t;

/* Runs the compiled graph. |buffers| holds one pointer per input, then one
 * per output, then the working arena (arena_size bytes, aligned to
 * arena_alignment). |exec_context| is passed through to the runtime's kernel
 * services (thread pool, allocation). Returns 0 on success. */
typedef int32_t (*webnnc_model_entry_t)(void *exec_context,
                                        void *const *buffers);

/* Immutable description of a compiled model; generated code defines one as
 * read-only data named webnnc_<model>_model. */
typedef struct webnnc_model_t {
  uint32_t abi_version;
  uint32_t num_inputs;
  uint32_t num_outputs;
  uint32_t reserved;
  const char *name;
  const webnnc_operand_info_t *inputs;
  const webnnc_operand_info_t *outputs;
  uint64_t arena_size;
  uint64_t arena_alignment;
  webnnc_model_entry_t entry;
} webnnc_model_t;

/* Fills |out_tensor| to describe |operand| (name, data type, shape) over
 * |data|, with byte_length the exact size the shape needs. */
webnnc_status_t webnnc_tensor_for_operand(const webnnc_operand_info_t *operand,
                                          void *data,
                                          webnnc_tensor_t *out_tensor);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_MODEL_H_ */
