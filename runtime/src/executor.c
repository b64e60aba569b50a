/* SPDX-License-Identifier: Apache-2.0 */
/* Executors: argument checking, working memory, output allocation, and the
 * call into a model. */
#include "webnnc/runtime/executor.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "four_bit.h"
#include "scratch_cache.h"
#include "webnnc/runtime/kernel_abi.h"

enum { kErrorCapacity = 512, kMinArenaAlignment = 64 };

/* The largest dimension (the spec's valid dimension). */
static const int64_t kMaxDimension = 0xFFFFFFFFll;

struct webnnc_executor_t {
  const webnnc_model_t *model;
  webnnc_allocator_t allocator;
  webnnc_thread_pool_t *thread_pool;
  void *arena;
  uint64_t arena_capacity;
  webnnc_scratch_cache_t *scratch; /* kernels' own buffers, kept */
  /* One pointer per input, per output, then the arena: the entry's layout.
   * Also scratch for the bindings while checking. */
  void **buffers;
  const webnnc_tensor_t **bound_outputs;
  int64_t *input_dims;  /* the inputs' dimensions, concatenated */
  int64_t *output_dims; /* the outputs' dimensions, concatenated */
  bool *allocated;      /* per output: allocated by this compute */
  void **output_data;   /* per output: where the caller gets it (the entry
                         * writes a four-bit output unpacked elsewhere) */
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

static uint64_t arena_alignment(const webnnc_model_t *model) {
  return model->arena_alignment < kMinArenaAlignment ? kMinArenaAlignment
                                                     : model->arena_alignment;
}

static uint32_t total_rank(const webnnc_operand_info_t *operands,
                           uint32_t count) {
  uint32_t total = 0;
  for (uint32_t i = 0; i < count; ++i)
    total += operands[i].rank;
  return total;
}

/* Makes the arena hold at least |size| bytes (its contents are scratch). */
static webnnc_status_t reserve_arena(webnnc_executor_t *executor,
                                     uint64_t size) {
  if (size <= executor->arena_capacity)
    return WEBNNC_STATUS_OK;
  webnnc_allocator_t allocator = executor->allocator;
  if (size > SIZE_MAX)
    return WEBNNC_STATUS_OUT_OF_MEMORY;
  void *arena = allocator.alloc(allocator.self, (size_t)size,
                                (size_t)arena_alignment(executor->model));
  if (!arena)
    return WEBNNC_STATUS_OUT_OF_MEMORY;
  if (executor->arena)
    allocator.free(allocator.self, executor->arena);
  executor->arena = arena;
  executor->arena_capacity = size;
  return WEBNNC_STATUS_OK;
}

static uint64_t align_up(uint64_t value, uint64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/* Elements of a shape the checks already validated. */
static uint64_t element_count(uint32_t rank, const int64_t *dims) {
  uint64_t count = 1;
  for (uint32_t d = 0; d < rank; ++d)
    count *= (uint64_t)dims[d];
  return count;
}

static void *alloc_array(webnnc_allocator_t allocator, size_t count,
                         size_t size) {
  return allocator.alloc(allocator.self, (count ? count : 1) * size, 8);
}

/* For a model whose open input dimensions are all bounded: the arena the
 * bounds need (0 if some dimension is unbounded or the bounds break a rule
 * of the graph). */
static uint64_t bounded_arena(webnnc_executor_t *executor) {
  const webnnc_model_t *model = executor->model;
  int64_t *dims = executor->input_dims;
  for (uint32_t i = 0; i < model->num_inputs; ++i) {
    const webnnc_operand_info_t *input = &model->inputs[i];
    for (uint32_t d = 0; d < input->rank; ++d) {
      int64_t size = input->dims[d];
      if (size == WEBNNC_OPEN_DIM) {
        size = input->max_dims ? input->max_dims[d] : 0;
        if (size <= 0)
          return 0;
      }
      *dims++ = size;
    }
  }
  char error[kErrorCapacity];
  webnnc_exec_context_t context = {NULL, executor->allocator, error,
                                   sizeof(error)};
  uint64_t arena = 0;
  if (model->shapes(&context, executor->input_dims, executor->output_dims,
                    &arena) != 0)
    return 0;
  return arena;
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
      (model->num_outputs && !model->outputs) ||
      !is_power_of_two(arena_alignment(model)))
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

  size_t ni = model->num_inputs, no = model->num_outputs;
  executor->buffers = (void **)alloc_array(allocator, ni + no + 1,
                                           sizeof(void *));
  executor->bound_outputs = (const webnnc_tensor_t **)alloc_array(
      allocator, no, sizeof(webnnc_tensor_t *));
  executor->input_dims = (int64_t *)alloc_array(
      allocator, total_rank(model->inputs, model->num_inputs),
      sizeof(int64_t));
  executor->output_dims = (int64_t *)alloc_array(
      allocator, total_rank(model->outputs, model->num_outputs),
      sizeof(int64_t));
  executor->allocated = (bool *)alloc_array(allocator, no, sizeof(bool));
  executor->output_data = (void **)alloc_array(allocator, no, sizeof(void *));
  executor->scratch = webnnc_scratch_cache_create(allocator);
  if (!executor->buffers || !executor->bound_outputs ||
      !executor->input_dims || !executor->output_dims ||
      !executor->allocated || !executor->output_data || !executor->scratch) {
    webnnc_executor_destroy(executor);
    return WEBNNC_STATUS_OUT_OF_MEMORY;
  }
  uint64_t arena = model->shapes ? bounded_arena(executor) : model->arena_size;
  if (reserve_arena(executor, arena) != WEBNNC_STATUS_OK) {
    webnnc_executor_destroy(executor);
    return WEBNNC_STATUS_OUT_OF_MEMORY;
  }
  *out_executor = executor;
  return WEBNNC_STATUS_OK;
}

void webnnc_executor_destroy(webnnc_executor_t *executor) {
  if (!executor)
    return;
  webnnc_allocator_t allocator = executor->allocator;
  webnnc_scratch_cache_destroy(executor->scratch);
  void *owned[] = {executor->arena,      executor->buffers,
                   executor->bound_outputs, executor->input_dims,
                   executor->output_dims, executor->allocated,
                   executor->output_data};
  for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); ++i)
    if (owned[i])
      allocator.free(allocator.self, owned[i]);
  allocator.free(allocator.self, executor);
}

const webnnc_model_t *webnnc_executor_model(const webnnc_executor_t *executor) {
  return executor ? executor->model : NULL;
}

const char *webnnc_executor_last_error(const webnnc_executor_t *executor) {
  return executor ? executor->error : "executor is NULL";
}

/* Writes "[d0,d1,...]" into |out|, '?' for open dimensions. */
static void format_shape(char *out, size_t capacity, uint32_t rank,
                         const int64_t *dims) {
  size_t used = 0;
  used += (size_t)snprintf(out + used, capacity - used, "[");
  for (uint32_t i = 0; i < rank && used < capacity; ++i) {
    if (dims[i] == WEBNNC_OPEN_DIM)
      used += (size_t)snprintf(out + used, capacity - used, "%s?",
                               i ? "," : "");
    else
      used += (size_t)snprintf(out + used, capacity - used, "%s%" PRId64,
                               i ? "," : "", dims[i]);
  }
  if (used < capacity)
    snprintf(out + used, capacity - used, "]");
}

static webnnc_status_t shape_mismatch(webnnc_executor_t *executor,
                                      const char *role,
                                      const webnnc_operand_info_t *operand,
                                      const webnnc_tensor_t *tensor) {
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

/* Checks caller input |tensor| against |operand|: data type, rank, static
 * dimensions, open dimensions within [1, bound], data and byte length. */
static webnnc_status_t check_input(webnnc_executor_t *executor,
                                   const webnnc_operand_info_t *operand,
                                   const webnnc_tensor_t *tensor) {
  if (tensor->data_type != operand->data_type)
    return fail(executor, WEBNNC_STATUS_DATA_TYPE_MISMATCH,
                "input '%s': expected data type %s, got %s", operand->name,
                webnnc_data_type_name(operand->data_type),
                webnnc_data_type_name(tensor->data_type));
  if (tensor->rank != operand->rank)
    return shape_mismatch(executor, "input", operand, tensor);
  for (uint32_t d = 0; d < operand->rank; ++d) {
    int64_t size = tensor->dims[d];
    if (operand->dims[d] != WEBNNC_OPEN_DIM) {
      if (size != operand->dims[d])
        return shape_mismatch(executor, "input", operand, tensor);
      continue;
    }
    int64_t bound = operand->max_dims && operand->max_dims[d] > 0
                        ? operand->max_dims[d]
                        : kMaxDimension;
    const char *name = operand->dim_names ? operand->dim_names[d] : "";
    if (size < 1 || size > bound)
      return fail(executor, WEBNNC_STATUS_SHAPE_MISMATCH,
                  "input '%s': dimension %u%s%s%s must be between 1 and "
                  "%" PRId64 ", got %" PRId64,
                  operand->name, d, name[0] ? " ('" : "", name,
                  name[0] ? "')" : "", bound, size);
  }
  if (!tensor->data)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                "input '%s': data is NULL", operand->name);
  size_t required = 0;
  if (webnnc_tensor_byte_size(operand->data_type, tensor->rank, tensor->dims,
                              &required) != WEBNNC_STATUS_OK)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                "input '%s': the shape's byte size overflows", operand->name);
  if (tensor->byte_length < required)
    return fail(executor, WEBNNC_STATUS_BUFFER_TOO_SMALL,
                "input '%s': buffer holds %zu bytes, the shape needs %zu",
                operand->name, tensor->byte_length, required);
  return WEBNNC_STATUS_OK;
}

static bool has_open_dims(const webnnc_operand_info_t *operand) {
  for (uint32_t d = 0; d < operand->rank; ++d)
    if (operand->dims[d] == WEBNNC_OPEN_DIM)
      return true;
  return false;
}

/* Checks caller output |tensor| for |operand|, whose actual dimensions are
 * |dims|. data NULL asks the runtime to allocate it. */
static webnnc_status_t check_output(webnnc_executor_t *executor,
                                    const webnnc_operand_info_t *operand,
                                    const int64_t *dims,
                                    const webnnc_tensor_t *tensor) {
  if (tensor->data_type != operand->data_type)
    return fail(executor, WEBNNC_STATUS_DATA_TYPE_MISMATCH,
                "output '%s': expected data type %s, got %s", operand->name,
                webnnc_data_type_name(operand->data_type),
                webnnc_data_type_name(tensor->data_type));
  if (!tensor->data)
    return WEBNNC_STATUS_OK; /* allocated after every check passed */
  if (!has_open_dims(operand)) {
    bool same = tensor->rank == operand->rank;
    for (uint32_t d = 0; same && d < operand->rank; ++d)
      same = tensor->dims[d] == operand->dims[d];
    if (!same)
      return shape_mismatch(executor, "output", operand, tensor);
  }
  size_t required = 0;
  if (webnnc_tensor_byte_size(operand->data_type, operand->rank, dims,
                              &required) != WEBNNC_STATUS_OK)
    return fail(executor, WEBNNC_STATUS_INVALID_ARGUMENT,
                "output '%s': the shape's byte size overflows", operand->name);
  if (tensor->byte_length < required) {
    char shape[160];
    format_shape(shape, sizeof(shape), operand->rank, dims);
    return fail(executor, WEBNNC_STATUS_BUFFER_TOO_SMALL,
                "output '%s': buffer holds %zu bytes, shape %s needs %zu",
                operand->name, tensor->byte_length, shape, required);
  }
  return WEBNNC_STATUS_OK;
}

/* Binds |count| caller tensors to the model's |operands|: a named tensor to
 * the operand of that name, an unnamed one to the operand at its position.
 * Fills |bound| (indexed by operand). */
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
  return WEBNNC_STATUS_OK;
}

static bool overlaps(const webnnc_tensor_t *a, const webnnc_tensor_t *b) {
  if (!a->data || !b->data)
    return false;
  uintptr_t a_begin = (uintptr_t)a->data, b_begin = (uintptr_t)b->data;
  return a_begin < b_begin + b->byte_length &&
         b_begin < a_begin + a->byte_length;
}

/* Runtime-allocated output data: a header recording the allocator (so
 * webnnc_tensor_free needs nothing else), then the data, 64-byte aligned. */
enum { kOutputHeader = 64 };
typedef struct output_header_t {
  webnnc_allocator_t allocator;
} output_header_t;

static void *allocate_output(webnnc_allocator_t allocator, size_t bytes,
                             void **out_allocation) {
  if (bytes > SIZE_MAX - kOutputHeader)
    return NULL;
  char *block = (char *)allocator.alloc(allocator.self, bytes + kOutputHeader,
                                        kOutputHeader);
  if (!block)
    return NULL;
  ((output_header_t *)block)->allocator = allocator;
  *out_allocation = block;
  return block + kOutputHeader;
}

void webnnc_tensor_free(webnnc_tensor_t *tensor) {
  if (!tensor || !tensor->allocation)
    return;
  webnnc_allocator_t allocator =
      ((output_header_t *)tensor->allocation)->allocator;
  allocator.free(allocator.self, tensor->allocation);
  tensor->allocation = NULL;
  tensor->data = NULL;
  tensor->byte_length = 0;
}

/* Frees the outputs this compute allocated (after a failure). */
static void release_allocated(webnnc_executor_t *executor) {
  const webnnc_model_t *model = executor->model;
  for (uint32_t o = 0; o < model->num_outputs; ++o) {
    if (!executor->allocated[o])
      continue;
    void *allocation = (char *)executor->output_data[o] - kOutputHeader;
    executor->allocator.free(executor->allocator.self, allocation);
    executor->allocated[o] = false;
  }
}

/* Fails when an output's memory overlaps an input's or another output's. */
static webnnc_status_t check_overlaps(webnnc_executor_t *executor,
                                      const webnnc_tensor_t **in,
                                      const webnnc_tensor_t **out) {
  const webnnc_model_t *model = executor->model;
  for (uint32_t o = 0; o < model->num_outputs; ++o) {
    for (uint32_t i = 0; i < model->num_inputs; ++i)
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
  return WEBNNC_STATUS_OK;
}

/* Bytes of staging space the four-bit inputs and outputs (|dims|: the
 * outputs' dimensions, concatenated) need unpacked, one element per byte. */
static uint64_t staging_bytes(const webnnc_model_t *model,
                              const webnnc_tensor_t **in,
                              const int64_t *dims) {
  uint64_t staging = 0;
  for (uint32_t i = 0; i < model->num_inputs; ++i)
    if (webnnc_is_four_bit(model->inputs[i].data_type))
      staging += align_up(element_count(model->inputs[i].rank, in[i]->dims),
                          kMinArenaAlignment);
  for (uint32_t o = 0; o < model->num_outputs; ++o) {
    if (webnnc_is_four_bit(model->outputs[o].data_type))
      staging += align_up(element_count(model->outputs[o].rank, dims),
                          kMinArenaAlignment);
    dims += model->outputs[o].rank;
  }
  return staging;
}

/* After the entry: packs four-bit outputs and reports each output's shape
 * (and its allocation, if the executor made it) in its tensor. */
static void report_outputs(webnnc_executor_t *executor,
                           const webnnc_tensor_t **out, const int64_t *dims) {
  const webnnc_model_t *model = executor->model;
  void **buffers = executor->buffers;
  uint32_t ni = model->num_inputs;
  for (uint32_t o = 0; o < model->num_outputs; ++o) {
    const webnnc_operand_info_t *operand = &model->outputs[o];
    if (webnnc_is_four_bit(operand->data_type))
      webnnc_pack_four_bit((const int8_t *)buffers[ni + o],
                           element_count(operand->rank, dims),
                           (uint8_t *)executor->output_data[o]);
    webnnc_tensor_t *tensor = (webnnc_tensor_t *)out[o];
    tensor->rank = operand->rank;
    for (uint32_t d = 0; d < operand->rank; ++d)
      tensor->dims[d] = dims[d];
    if (executor->allocated[o]) {
      tensor->data = executor->output_data[o];
      tensor->allocation = (char *)executor->output_data[o] - kOutputHeader;
      webnnc_tensor_byte_size(operand->data_type, operand->rank, dims,
                              &tensor->byte_length);
    }
    dims += operand->rank;
  }
}

webnnc_status_t webnnc_executor_compute(webnnc_executor_t *executor,
                                        const webnnc_tensor_t *inputs,
                                        size_t num_inputs,
                                        webnnc_tensor_t *outputs,
                                        size_t num_outputs) {
  if (!executor)
    return WEBNNC_STATUS_INVALID_ARGUMENT;
  executor->error[0] = '\0';
  const webnnc_model_t *model = executor->model;
  uint32_t ni = model->num_inputs, no = model->num_outputs;
  const webnnc_tensor_t **in = (const webnnc_tensor_t **)executor->buffers;
  const webnnc_tensor_t **out = executor->bound_outputs;

  WEBNNC_RETURN_IF_ERROR(bind_tensors(executor, "input", model->inputs, ni,
                                      inputs, num_inputs, in));
  WEBNNC_RETURN_IF_ERROR(bind_tensors(executor, "output", model->outputs, no,
                                      outputs, num_outputs, out));
  for (uint32_t i = 0; i < ni; ++i)
    WEBNNC_RETURN_IF_ERROR(check_input(executor, &model->inputs[i], in[i]));

  /* The outputs' dimensions: the model's, or what the sizes give. */
  webnnc_exec_context_t context = {
      executor->thread_pool, webnnc_scratch_cache_allocator(executor->scratch),
      executor->error, sizeof(executor->error)};
  uint64_t arena_size = model->arena_size;
  int64_t *dims = executor->output_dims;
  if (model->shapes) {
    int64_t *flat = executor->input_dims;
    for (uint32_t i = 0; i < ni; ++i)
      for (uint32_t d = 0; d < model->inputs[i].rank; ++d)
        *flat++ = in[i]->dims[d];
    if (model->shapes(&context, executor->input_dims, dims, &arena_size) != 0)
      return WEBNNC_STATUS_SHAPE_MISMATCH;
  } else {
    for (uint32_t o = 0; o < no; ++o)
      for (uint32_t d = 0; d < model->outputs[o].rank; ++d)
        *dims++ = model->outputs[o].dims[d];
    dims = executor->output_dims;
  }

  const int64_t *out_dims = dims;
  for (uint32_t o = 0; o < no; ++o) {
    WEBNNC_RETURN_IF_ERROR(
        check_output(executor, &model->outputs[o], out_dims, out[o]));
    out_dims += model->outputs[o].rank;
  }
  WEBNNC_RETURN_IF_ERROR(check_overlaps(executor, in, out));
  /* Four-bit inputs and outputs are unpacked, one element per byte, in
   * staging space after the model's arena. */
  uint64_t model_arena = align_up(arena_size, kMinArenaAlignment);
  uint64_t staging = staging_bytes(model, in, dims);
  if (reserve_arena(executor, model_arena + staging) != WEBNNC_STATUS_OK)
    return fail(executor, WEBNNC_STATUS_OUT_OF_MEMORY,
                "cannot allocate %" PRIu64 " bytes of working memory",
                model_arena + staging);

  /* Every check passed: bind the data, allocating outputs left NULL. */
  void **buffers = executor->buffers;
  char *next_staging = (char *)executor->arena + model_arena;
  for (uint32_t i = 0; i < ni; ++i) {
    const webnnc_tensor_t *input = in[i]; /* |in| shares |buffers| */
    buffers[i] = input->data;
    webnnc_data_type_t type = model->inputs[i].data_type;
    if (webnnc_is_four_bit(type)) {
      uint64_t count = element_count(model->inputs[i].rank, input->dims);
      webnnc_unpack_four_bit(type, (const uint8_t *)input->data, count,
                             (int8_t *)next_staging);
      buffers[i] = next_staging;
      next_staging += align_up(count, kMinArenaAlignment);
    }
  }
  out_dims = dims;
  for (uint32_t o = 0; o < no; ++o) {
    const webnnc_operand_info_t *operand = &model->outputs[o];
    executor->allocated[o] = false;
    executor->output_data[o] = out[o]->data;
    if (!out[o]->data) {
      size_t bytes = 0;
      void *allocation = NULL;
      webnnc_tensor_byte_size(operand->data_type, operand->rank, out_dims,
                              &bytes);
      executor->output_data[o] =
          allocate_output(executor->allocator, bytes, &allocation);
      if (!executor->output_data[o]) {
        release_allocated(executor);
        return fail(executor, WEBNNC_STATUS_OUT_OF_MEMORY,
                    "output '%s': cannot allocate %zu bytes", operand->name,
                    bytes);
      }
      executor->allocated[o] = true;
    }
    buffers[ni + o] = executor->output_data[o];
    if (webnnc_is_four_bit(operand->data_type)) {
      buffers[ni + o] = next_staging;
      next_staging +=
          align_up(element_count(operand->rank, out_dims), kMinArenaAlignment);
    }
    out_dims += operand->rank;
  }
  buffers[ni + no] = executor->arena;

  int32_t result = model->entry(&context, buffers,
                                model->shapes ? executor->input_dims : NULL);
  if (result != 0) {
    release_allocated(executor);
    if (executor->error[0] == '\0')
      snprintf(executor->error, sizeof(executor->error),
               "model '%s': a kernel failed with code %d", model->name,
               (int)result);
    return WEBNNC_STATUS_KERNEL_FAILED;
  }

  report_outputs(executor, out, dims);
  return WEBNNC_STATUS_OK;
}
