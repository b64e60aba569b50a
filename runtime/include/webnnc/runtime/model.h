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
#define WEBNNC_MODEL_ABI_VERSION 2

/* A dimension left open at build time: its size is given at compute. */
#define WEBNNC_OPEN_DIM (-1)

/* One named input or output of a model. */
typedef struct webnnc_operand_info_t {
  const char *name;
  webnnc_data_type_t data_type;
  uint32_t rank;
  const int64_t *dims; /* |rank| dimensions; WEBNNC_OPEN_DIM where open */
  /* NULL unless a dimension is open. Then, per dimension: the largest size
   * accepted (0: no bound; a static dimension's own size), and the open
   * dimension's name ("" if unnamed or static). Open input dimensions of
   * one name must have one size. */
  const int64_t *max_dims;
  const char *const *dim_names;
} webnnc_operand_info_t;

/* Runs the compiled graph. |buffers| holds one pointer per input, then one
 * per output, then the working arena (arena_size bytes, or what |shapes|
 * reported, aligned to arena_alignment). |input_dims| holds the inputs'
 * dimensions, concatenated (NULL for a model without open dimensions).
 * |exec_context| is passed through to the runtime's kernel services
 * (thread pool, allocation). Returns 0 on success. */
typedef int32_t (*webnnc_model_entry_t)(void *exec_context,
                                        void *const *buffers,
                                        const int64_t *input_dims);

/* For a model with open dimensions: checks the input sizes |input_dims|
 * (concatenated) against every rule of the graph, then stores the outputs'
 * dimensions (concatenated) at |output_dims| and the working arena it needs
 * at |arena_size|. Returns 0, or non-zero with a message in the execution
 * context's error buffer. Runs no kernel. */
typedef int32_t (*webnnc_model_shapes_t)(void *exec_context,
                                         const int64_t *input_dims,
                                         int64_t *output_dims,
                                         uint64_t *arena_size);

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
  uint64_t arena_size; /* for a model without open dimensions */
  uint64_t arena_alignment;
  webnnc_model_entry_t entry;
  webnnc_model_shapes_t shapes; /* NULL when no dimension is open */
} webnnc_model_t;

/* Fills |out_tensor| to describe |operand| (name, data type, shape) over
 * |data|, with byte_length the exact size the shape needs. Fails with
 * WEBNNC_STATUS_INVALID_ARGUMENT for an operand with open dimensions (its
 * shape is known only at compute). */
webnnc_status_t webnnc_tensor_for_operand(const webnnc_operand_info_t *operand,
                                          void *data,
                                          webnnc_tensor_t *out_tensor);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_MODEL_H_ */
