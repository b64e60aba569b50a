/* SPDX-License-Identifier: Apache-2.0 */
/* A program that computes the one model linked into it: inputs from a file,
 * outputs to another. `webnnc run --target aarch64` links it with a
 * cross-compiled model and the aarch64 runtime and runs it under an
 * emulator; it needs nothing but the runtime's C API.
 *
 *   runner REQUEST RESPONSE [THREADS]
 *
 * The model is found as webnnc_model_to_run, which the link defines as the
 * model's descriptor (ld --defsym=webnnc_model_to_run=webnnc_<name>_model).
 *
 * Both files are little-endian (the formats of model_runner_format.h): the
 * request holds the inputs by name, the response every output. On failure
 * the runner prints the runtime's error and exits with status 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_runner_format.h"
#include "webnnc/runtime/webnnc.h"

extern const webnnc_model_t webnnc_model_to_run;

static int fail(const char *what, const char *detail) {
  fprintf(stderr, "model runner: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  return 1;
}

static int read_exact(FILE *in, void *data, size_t size) {
  return size == 0 || fread(data, 1, size, in) == size;
}

static int write_exact(FILE *out, const void *data, size_t size) {
  return size == 0 || fwrite(data, 1, size, out) == size;
}

/* Reads one tensor record (name, type, shape, bytes) into |tensor|; its
 * name and data are malloc'ed. */
static int read_tensor(FILE *in, webnnc_tensor_t *tensor) {
  webnnc_runner_record_t record;
  if (!read_exact(in, &record, sizeof(record)) ||
      record.rank > WEBNNC_MAX_RANK || record.name_length > 4096)
    return 0;
  char *name = calloc(record.name_length + 1, 1);
  void *data = malloc(record.byte_length ? record.byte_length : 1);
  if (!name || !data || !read_exact(in, name, record.name_length) ||
      !read_exact(in, tensor->dims, record.rank * sizeof(int64_t)) ||
      !read_exact(in, data, record.byte_length)) {
    free(name);
    free(data);
    return 0;
  }
  tensor->name = name;
  tensor->data_type = (webnnc_data_type_t)record.data_type;
  tensor->rank = record.rank;
  tensor->data = data;
  tensor->byte_length = record.byte_length;
  return 1;
}

static int write_tensor(FILE *out, const webnnc_tensor_t *tensor) {
  webnnc_runner_record_t record = {0};
  record.name_length = (uint32_t)strlen(tensor->name);
  record.data_type = (uint32_t)tensor->data_type;
  record.rank = tensor->rank;
  record.byte_length = tensor->byte_length;
  return write_exact(out, &record, sizeof(record)) &&
         write_exact(out, tensor->name, record.name_length) &&
         write_exact(out, tensor->dims, tensor->rank * sizeof(int64_t)) &&
         write_exact(out, tensor->data, tensor->byte_length);
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4)
    return fail("usage: runner REQUEST RESPONSE [THREADS]", NULL);
  const webnnc_model_t *model = &webnnc_model_to_run;
  int threads = argc == 4 ? atoi(argv[3]) : 1;

  FILE *in = fopen(argv[1], "rb");
  if (!in)
    return fail("cannot read", argv[1]);
  webnnc_runner_header_t header;
  if (!read_exact(in, &header, sizeof(header)) ||
      header.magic != WEBNNC_RUNNER_REQUEST_MAGIC || header.count > 4096)
    return fail("not a request file", argv[1]);
  webnnc_tensor_t *inputs = calloc(header.count + 1, sizeof(webnnc_tensor_t));
  webnnc_tensor_t *outputs =
      calloc(model->num_outputs + 1, sizeof(webnnc_tensor_t));
  if (!inputs || !outputs)
    return fail("out of memory", NULL);
  for (uint32_t i = 0; i < header.count; ++i)
    if (!read_tensor(in, &inputs[i]))
      return fail("a truncated or malformed input record in", argv[1]);
  fclose(in);
  for (uint32_t i = 0; i < model->num_outputs; ++i) {
    outputs[i].name = model->outputs[i].name;
    outputs[i].data_type = model->outputs[i].data_type;
  }

  webnnc_thread_pool_t *pool = NULL;
  if (threads > 1 &&
      webnnc_thread_pool_create(threads, webnnc_allocator_system(), &pool))
    return fail("cannot create a thread pool", NULL);
  webnnc_executor_options_t options = {0};
  options.thread_pool = pool;
  webnnc_executor_t *executor = NULL;
  if (webnnc_executor_create(model, &options, &executor))
    return fail("cannot create an executor", NULL);
  if (webnnc_executor_compute(executor, inputs, header.count, outputs,
                              model->num_outputs))
    return fail("compute failed", webnnc_executor_last_error(executor));

  FILE *out = fopen(argv[2], "wb");
  if (!out)
    return fail("cannot write", argv[2]);
  webnnc_runner_header_t reply = {WEBNNC_RUNNER_RESPONSE_MAGIC,
                                  model->num_outputs};
  int ok = write_exact(out, &reply, sizeof(reply));
  for (uint32_t i = 0; ok && i < model->num_outputs; ++i)
    ok = write_tensor(out, &outputs[i]);
  if (fclose(out) != 0 || !ok)
    return fail("cannot write", argv[2]);

  for (uint32_t i = 0; i < model->num_outputs; ++i)
    webnnc_tensor_free(&outputs[i]);
  for (uint32_t i = 0; i < header.count; ++i) {
    free((void *)inputs[i].name);
    free(inputs[i].data);
  }
  free(inputs);
  free(outputs);
  webnnc_executor_destroy(executor);
  webnnc_thread_pool_release(pool);
  return 0;
}
