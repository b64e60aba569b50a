/* SPDX-License-Identifier: Apache-2.0 */
/* Executors: argument checking, working memory, and the call into a model. */
#include "webnnc/runtime/executor.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "webnnc/runtime/kernel_abi.h"

enum { kErrorCapacity = 512, kMinArenaAlignment = 64 };

struct webnnc_executor_t {
  const webnnc_model_t *model;
  webnnc_allocator_t allocator;
  webnnc_thread_pool_t *thread_pool;
  void *arena;
  /* One pointer per input, per output, then the arena: the entry's layout. */
  void **buffers;
  char error[kErrorCapacity];
};

static webnnc_status_t fail(webnnc_executor_t *executor,
                            webnnc_status_t status, const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(executor->error, sizeof(executor->error), format, args);
  va_end(args);
  return status;
}

static bool is_power_of_two(uint64_t value) {
  return value != 0 && (value & (value - 1)) == 0;
}

webnnc_status_t webnnc_executor_create(const webnnc_model_t *model,
                                       const webnnc_executor_options_t *options,
                                       webnnc_executor_t **out_executor) {
  if (!out_executor)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  *out_executor = NULL;
  if (!model)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  if (model->abi_version != WEBNNC_MODEL_ABI_VERSION)
    return WEBNNC_STATUS_ABI_MISMATCH;
  if (!model->entry || (model->num_inputs && !model->inputs) ||
      (model->num_outputs && !model->outputs))
    return WEBNNC_STATUS_INVALID_ARGUMENT;

  webnnc_allocator_t allocator = webnnc_allocator_system();
  webnnc_thread_pool_t *thread_pool = NULL;
  if (options) {
    if (options->allocator.alloc || options->allocator.free) {
      if (!options->allocator.alloc || !options->allocator.free)
        return WEBNNC_STATUS_INVALID_ARGUMENT;
      allocator = options->allocator;
    }
    thread_pool = options->thread_pool;
  }

  webnnc_executor_t *executor = (webnnc_executor_t *)allocator.alloc(
      allocator.self, sizeof(*executor), _Alignof(webnnc_executor_t));
  if (!executor)
    return WEBNNC_STATUS_OUT_OF_MEMORY;
  memset(executor, 0, sizeof(*executor));
  executor->model = model;
  executor->allocator = allocator;
  executor->thread_pool = thread_pool;

  size_t num_buffers =
      (size_t)model->num_inputs + (size_t)model->num_outputs + 1;
  executor->buffers = (void **)allocator.alloc(
      allocator.self, num_buffers * sizeof(void *), _Alignof(void *));
  uint64_t alignment = model->arena_alignment;
  if (alignment < kMinArenaAlignment)
    alignment = kMinArenaAlignment;
  if (executor->buffers && model->arena_size > 0 &&
      is_power_of_two(alignment) && model->arena_size <= SIZE_MAX)
    executor->arena = allocator.alloc(allocator.self,
                                      (size_t)model->arena_size,
                                      (size_t)alignment);
  if (!executor->buffers || (model->arena_size > 0 && !executor->arena)) {
    webnnc_executor_destroy(executor);
    return is_power_of_two(alignment) ? WEBNNC_STATUS_OUT_OF_MEMORY
                                      : WEBNNC_STATUS_INVALID_ARGUMENT;
  }
  *out_executor = executor;
  return WEBNNC_STATUS_OK;
}

void webnnc_executor_destroy(webnnc_executor_t *executor) {
  if (!executor)
    return;
  webnnc_allocator_t allocator = executor->allocator;
  if (executor->arena)
    allocator.free(allocator.self, executor->arena);
  if (executor->buffers)
    allocator.free(allocator.self, executor->buffers);
  allocator.free(allocator.self, executor);
}

const webnnc_model_t *webnnc_executor_model(const webnnc_executor_t *executor) {
  return executor ? executor->model : NULL;
}

const char *webnnc_executor_last_error(const webnnc_executor_t *executor) {
  return executor ? executor->error : "executor is NULL";
}

/* Writes "[d0,d1,...]" into |out|. */
static void format_shape(char *out, size_t capacity, uint32_t rank,
                         const int64_t *dims) {
  size_t used = 0;
  used += (size_t)snprintf(out + used, capacity - used, "[");
  for (uint32_t i = 0; i < rank && used < capacity; ++i)
    used += (size_t)snprintf(out + used, capacity - used, "%s%" PRId64,
                             i ? "," : "", dims[i]);
  if (used < capacity)
    snprintf(out + used, capacity - used, "]");
}

/* Checks one caller tensor against the operand it binds to. */
static webnnc_status_t check_tensor(webnnc_executor_t *executor,
                                    const char *role,
                                    const webnnc_operand_info_t *operand,
                                    const webnnc_tensor_t *tensor) {
  if (tensor->data_type != operand->data_type)
    return fail(executor, WEBNNC_STATUS_DATA_TYPE_MISMATCH,
                "%s '%s': expected data type %s, got %s", role, operand->name,
                webnnc_data_type_name(operand->data_type),
                webnnc_data_type_name(tensor->data_type));
  bool same_shape = tensor->rank == operand->rank;
  for (uint32_t i = 0; same_shape && i < operand->rank; ++i)
    same_shape = tensor->dims[i] == operand->dims[i];
  if (!same_shape) {
    char expected[160], got[160];
    format_shape(expected, sizeof(expected), operand->rank, operand->dims);
    format_shape(got, sizeof(got),
                 tensor->rank <= WEBNNC_MAX_RANK ? tensor->rank
                                                 : WEBNNC_MAX_RANK,
                 tensor->dims);
    return fail(executor, WEBNNC_STATUS_SHAPE_MISMATCH,
                "%s '%s': expected shape %s, got %s%s", role, operand->name,
                expected, got,
                tensor->rank > WEBNNC_MAX_RANK ? " (rank too large)" : "");
  }
  if (!tensor->data)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                "%s '%s': data is NULL", role, operand->name);
  size_t required = 0;
  if (webnnc_tensor_byte_size(operand->data_type, operand->rank, operand->dims,
                              &required) != WEBNNC_STATUS_OK)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                "%s '%s': the model's shape is invalid", role, operand->name);
  if (tensor->byte_length < required)
    return fail(executor, WEBNNC_STATUS_BUFFER_TOO_SMALL,
                "%s '%s': buffer holds %zu bytes, the shape needs %zu", role,
                operand->name, tensor->byte_length, required);
  return WEBNNC_STATUS_OK;
}

/* Binds |count| caller tensors to the model's |operands|: a named tensor to
 * the operand of that name, an unnamed one to the operand at its position.
 * Fills |bound| (indexed by operand) and checks each binding. */
static webnnc_status_t bind_tensors(webnnc_executor_t *executor,
                                    const char *role,
                                    const webnnc_operand_info_t *operands,
                                    uint32_t num_operands,
                                    const webnnc_tensor_t *tensors,
                                    size_t count,
                                    const webnnc_tensor_t **bound) {
  if (count != num_operands)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                "expected %u %ss, got %zu", num_operands, role, count);
  if (count > 0 && !tensors)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT, "%ss is NULL",
                role);
  for (uint32_t i = 0; i < num_operands; ++i)
    bound[i] = NULL;
  for (size_t t = 0; t < count; ++t) {
    size_t index = t;
    if (tensors[t].name) {
      index = num_operands;
      for (uint32_t i = 0; i < num_operands; ++i)
        if (strcmp(operands[i].name, tensors[t].name) == 0)
          index = i;
      if (index == num_operands)
        return fail(executor, WEBNNC_STATUS_NOT_FOUND,
                    "%s '%s' is not an %s of model '%s'", role,
                    tensors[t].name, role, executor->model->name);
    }
    if (bound[index])
      return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                  "%s '%s' is given more than once", role,
                  operands[index].name);
    bound[index] = &tensors[t];
  }
  for (uint32_t i = 0; i < num_operands; ++i)
    WEBNNC_RETURN_IF_ERROR(
        check_tensor(executor, role, &operands[i], bound[i]));
  return WEBNNC_STATUS_OK;
}

static bool overlaps(const webnnc_tensor_t *a, const webnnc_tensor_t *b) {
  uintptr_t a_begin = (uintptr_t)a->data, b_begin = (uintptr_t)b->data;
  return a_begin < b_begin + b->byte_length &&
         b_begin < a_begin + a->byte_length;
}

webnnc_status_t webnnc_executor_compute(webnnc_executor_t *executor,
                                        const webnnc_tensor_t *inputs,
                                        size_t num_inputs,
                                        const webnnc_tensor_t *outputs,
                                        size_t num_outputs) {
  if (!executor)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  executor->error[0] = '\0';
  const webnnc_model_t *model = executor->model;
  uint32_t ni = model->num_inputs, no = model->num_outputs;
  const webnnc_tensor_t **in = (const webnnc_tensor_t **)executor->buffers;
  const webnnc_tensor_t **out = in + ni;

  /* The buffers array doubles as scratch for the bindings. */
  WEBNNC_RETURN_IF_ERROR(bind_tensors(executor, "input", model->inputs, ni,
                                      inputs, num_inputs, in));
  WEBNNC_RETURN_IF_ERROR(bind_tensors(executor, "output", model->outputs, no,
                                      outputs, num_outputs, out));
  for (uint32_t o = 0; o < no; ++o) {
    for (uint32_t i = 0; i < ni; ++i)
      if (overlaps(out[o], in[i]))
        return fail(executor, WEBNNC_STATUS_BUFFER_OVERLAP,
                    "output '%s' overlaps input '%s'", model->outputs[o].name,
                    model->inputs[i].name);
    for (uint32_t p = 0; p < o; ++p)
      if (overlaps(out[o], out[p]))
        return fail(executor, WEBNNC_STATUS_BUFFER_OVERLAP,
                    "output '%s' overlaps output '%s'",
                    model->outputs[o].name, model->outputs[p].name);
  }

  void **buffers = executor->buffers;
  for (uint32_t i = 0; i < ni + no; ++i)
    buffers[i] = ((const webnnc_tensor_t *)buffers[i])->data;
  buffers[ni + no] = executor->arena;

  webnnc_exec_context_t context = {executor->thread_pool, executor->allocator,
                                   executor->error, sizeof(executor->error)};
  int32_t result = model->entry(&context, buffers);
  if (result != 0) {
    if (executor->error[0] == '\0')
      snprintf(executor->error, sizeof(executor->error),
               "model '%s': a kernel failed with code %d", model->name,
               (int)result);
    return WEBNNC_STATUS_KERNEL_FAILED;
  }
  return WEBNNC_STATUS_OK;
}
