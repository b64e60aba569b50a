/* SPDX-License-Identifier: Apache-2.0 */
/* The files the model runner (model_runner.c) reads and writes, shared with
 * the compiler's side (compiler/Driver/EmulatedModel.cpp). Little-endian,
 * as on every target webnnc compiles for.
 *
 *   file   := header record{header.count}
 *   record := webnnc_runner_record_t, name (name_length bytes, no NUL),
 *             dims (rank int64), data (byte_length bytes, dense row-major)
 *
 * A request holds the inputs (any order, by name), a response every output
 * in the model's order. */
#ifndef WEBNNC_RUNTIME_TOOLS_MODEL_RUNNER_FORMAT_H_
#define WEBNNC_RUNTIME_TOOLS_MODEL_RUNNER_FORMAT_H_

#include <stdint.h>

#define WEBNNC_RUNNER_REQUEST_MAGIC 0x5251524eu  /* "NRQR" */
#define WEBNNC_RUNNER_RESPONSE_MAGIC 0x5053524eu /* "NRSP" */

typedef struct webnnc_runner_header_t {
  uint32_t magic;
  uint32_t count;
} webnnc_runner_header_t;

typedef struct webnnc_runner_record_t {
  uint32_t name_length;
  uint32_t data_type; /* webnnc_data_type_t */
  uint32_t rank;
  uint32_t reserved;
  uint64_t byte_length;
} webnnc_runner_record_t;

#endif /* WEBNNC_RUNTIME_TOOLS_MODEL_RUNNER_FORMAT_H_ */
