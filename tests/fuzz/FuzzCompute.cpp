// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: webnnc_executor_compute on two compiled models (one
// static, one with open dimensions) with fuzzed tensors: counts, names,
// data types, ranks, dimensions (open ones too), NULL arrays and data,
// byte lengths, outputs the runtime allocates or that overlap inputs.
// Buffers are always as large as the byte_length the fuzzer claims, so ASan
// catches any access outside them. A failed call must leave every caller
// tensor and buffer as it was; a successful one must report output shapes
// that fit the buffers.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "webnnc/runtime/webnnc.h"

extern "C" const webnnc_model_t webnnc_fuzz_static_model;
extern "C" const webnnc_model_t webnnc_fuzz_open_model;

namespace {

constexpr size_t kMaxBuffer = size_t(1) << 20;

[[noreturn]] void fail(const char *what) {
  std::fprintf(stderr, "fuzz_compute: %s\n", what);
  std::abort();
}

struct Executors {
  webnnc_thread_pool_t *pool = nullptr;
  webnnc_executor_t *executors[4] = {}; // static/open x inline/pool
  Executors() {
    if (webnnc_thread_pool_create(2, webnnc_allocator_system(), &pool) !=
        WEBNNC_STATUS_OK)
      fail("cannot create the thread pool");
    const webnnc_model_t *models[] = {&webnnc_fuzz_static_model,
                                      &webnnc_fuzz_open_model};
    for (int i = 0; i < 4; ++i) {
      webnnc_executor_options_t options = {};
      options.thread_pool = i % 2 ? pool : nullptr;
      if (webnnc_executor_create(models[i / 2], &options, &executors[i]) !=
          WEBNNC_STATUS_OK)
        fail("cannot create an executor");
    }
  }
};

size_t elementSize(webnnc_data_type_t type) {
  size_t size = webnnc_data_type_size(type);
  return size ? size : 1;
}

// One tensor: mostly close to what |operand| wants, sometimes not at all.
void makeTensor(FuzzedDataProvider &in, const webnnc_operand_info_t *operand,
                bool output,
                webnnc_tensor_t &t, std::vector<std::vector<uint8_t>> &store) {
  std::memset(&t, 0, sizeof t);
  bool faithful = in.ConsumeProbability<float>() < 0.8f;
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
  case 0:
    t.name = nullptr;
    break;
  case 1:
    t.name = "nope";
    break;
  default:
    t.name = operand->name;
  }
  t.data_type = faithful ? operand->data_type
                         : webnnc_data_type_t(in.ConsumeIntegralInRange(0, 10));
  t.rank = faithful ? operand->rank
                    : in.ConsumeIntegralInRange<uint32_t>(0, WEBNNC_MAX_RANK + 2);
  uint32_t filled = t.rank < WEBNNC_MAX_RANK ? t.rank : WEBNNC_MAX_RANK;
  for (uint32_t d = 0; d < filled; ++d) {
    bool known = faithful && d < operand->rank &&
                 operand->dims[d] != WEBNNC_OPEN_DIM &&
                 in.ConsumeProbability<float>() < 0.9f;
    if (known)
      t.dims[d] = operand->dims[d];
    else if (in.ConsumeProbability<float>() < 0.9f)
      t.dims[d] = in.ConsumeIntegralInRange<int64_t>(0, 12);
    else
      t.dims[d] = in.PickValueInArray<int64_t>(
          {-1, 33, 4096, int64_t(1) << 32, INT64_MAX, INT64_MIN});
  }
  // Usually the byte length the shape needs, sometimes a bit off.
  size_t required = 0;
  if (t.rank <= WEBNNC_MAX_RANK &&
      webnnc_tensor_byte_size(t.data_type, t.rank, t.dims, &required) !=
          WEBNNC_STATUS_OK)
    required = 0;
  size_t length = required;
  if (in.ConsumeProbability<float>() < 0.2f)
    length = in.ConsumeIntegralInRange<size_t>(0, required + 64);
  if (length > kMaxBuffer)
    length = in.ConsumeIntegralInRange<size_t>(0, kMaxBuffer);
  t.byte_length = length;
  bool nullData = in.ConsumeProbability<float>() < (output ? 0.5f : 0.03f);
  if (!nullData) {
    std::vector<uint8_t> bytes(length ? length : 1);
    for (size_t i = 0; i < length; i += elementSize(t.data_type))
      bytes[i] = in.ConsumeIntegral<uint8_t>();
    store.push_back(std::move(bytes));
    t.data = store.back().data();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static Executors executors;
  FuzzedDataProvider in(data, size);
  int which = in.ConsumeIntegralInRange<int>(0, 3);
  webnnc_executor_t *executor = executors.executors[which];
  const webnnc_model_t *model = webnnc_executor_model(executor);

  std::vector<std::vector<uint8_t>> store;
  store.reserve(16); // keeps data pointers stable
  size_t numInputs = in.ConsumeProbability<float>() < 0.9f
                         ? model->num_inputs
                         : in.ConsumeIntegralInRange<size_t>(0, 4);
  size_t numOutputs = in.ConsumeProbability<float>() < 0.9f
                          ? model->num_outputs
                          : in.ConsumeIntegralInRange<size_t>(0, 4);
  std::vector<webnnc_tensor_t> inputs(numInputs), outputs(numOutputs);
  for (size_t i = 0; i < numInputs; ++i)
    makeTensor(in, &model->inputs[i < model->num_inputs ? i : 0], false,
               inputs[i], store);
  for (size_t i = 0; i < numOutputs; ++i)
    makeTensor(in, &model->outputs[i < model->num_outputs ? i : 0], true,
               outputs[i], store);
  // An output that aliases an input's memory must be refused.
  if (numInputs && numOutputs && in.ConsumeProbability<float>() < 0.05f) {
    outputs[0].data = inputs[0].data;
    outputs[0].byte_length = inputs[0].byte_length;
  }
  const webnnc_tensor_t *inputArray =
      in.ConsumeProbability<float>() < 0.02f ? nullptr : inputs.data();
  webnnc_tensor_t *outputArray =
      in.ConsumeProbability<float>() < 0.02f ? nullptr : outputs.data();

  std::vector<webnnc_tensor_t> before = outputs;
  std::vector<std::vector<uint8_t>> bytesBefore = store;
  webnnc_status_t status = webnnc_executor_compute(
      executor, inputArray, numInputs, outputArray, numOutputs);

  if (status != WEBNNC_STATUS_OK) {
    if (!webnnc_executor_last_error(executor)[0])
      fail("a failed compute left no message");
    if (numOutputs && std::memcmp(before.data(), outputs.data(),
                                  numOutputs * sizeof(webnnc_tensor_t)) != 0)
      fail("a failed compute changed an output tensor");
    if (bytesBefore != store)
      fail("a failed compute wrote into a caller buffer");
    return 0;
  }
  for (webnnc_tensor_t &t : outputs) {
    size_t needed = 0;
    if (t.rank > WEBNNC_MAX_RANK || !t.data ||
        webnnc_tensor_byte_size(t.data_type, t.rank, t.dims, &needed) !=
            WEBNNC_STATUS_OK ||
        needed > t.byte_length)
      fail("a successful compute reported an output that does not fit");
    webnnc_tensor_free(&t);
  }
  return 0;
}
