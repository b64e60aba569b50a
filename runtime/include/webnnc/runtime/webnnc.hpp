// SPDX-License-Identifier: Apache-2.0
// A thin, header-only C++20 wrapper over the C runtime API: owning handles
// (RAII), spans instead of pointer/length pairs, and outputs the runtime
// allocates and frees. No exceptions: calls return a Status.
//
//   webnnc::ThreadPool pool;                       // one per process
//   webnnc::Executor executor(webnnc_classifier_model, &pool);
//   std::vector<webnnc::Tensor> outputs;
//   webnnc::Status s = executor.compute(
//       {webnnc::Tensor::view<const float>(pixels, {1, 3, h, w})}, outputs);
//   if (!s) std::puts(s.message.c_str());
//   std::span<const float> p = outputs[0].data<float>();
#ifndef WEBNNC_RUNTIME_WEBNNC_HPP_
#define WEBNNC_RUNTIME_WEBNNC_HPP_

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "webnnc/runtime/webnnc.h"

namespace webnnc {

// A call's outcome: the status code and, on failure, the runtime's message.
struct Status {
  webnnc_status_t code = WEBNNC_STATUS_OK;
  std::string message;
  explicit operator bool() const { return code == WEBNNC_STATUS_OK; }
};

// The data type of C++ element type T.
template <typename T> constexpr webnnc_data_type_t dataTypeOf() {
  using U = std::remove_const_t<T>;
  if constexpr (std::is_same_v<U, float>)
    return WEBNNC_DATA_TYPE_FLOAT32;
  else if constexpr (std::is_same_v<U, int32_t>)
    return WEBNNC_DATA_TYPE_INT32;
  else if constexpr (std::is_same_v<U, uint32_t>)
    return WEBNNC_DATA_TYPE_UINT32;
  else if constexpr (std::is_same_v<U, int64_t>)
    return WEBNNC_DATA_TYPE_INT64;
  else if constexpr (std::is_same_v<U, uint64_t>)
    return WEBNNC_DATA_TYPE_UINT64;
  else if constexpr (std::is_same_v<U, int8_t>)
    return WEBNNC_DATA_TYPE_INT8;
  else if constexpr (std::is_same_v<U, uint8_t>)
    return WEBNNC_DATA_TYPE_UINT8;
  else
    static_assert(sizeof(U) == 0, "no WebNN data type for this C++ type "
                                  "(float16 data is uint16_t: use view() "
                                  "with an explicit data type)");
}

// A tensor passed to or returned from compute. A default-constructed
// Tensor asks the runtime to allocate the output and owns it afterwards;
// view() wraps caller memory, which must outlive the compute.
class Tensor {
public:
  Tensor() = default;
  ~Tensor() { webnnc_tensor_free(&tensor_); }
  Tensor(Tensor &&other) noexcept : tensor_(other.tensor_) {
    other.tensor_ = webnnc_tensor_t{};
  }
  Tensor &operator=(Tensor &&other) noexcept {
    if (this != &other) {
      webnnc_tensor_free(&tensor_);
      tensor_ = other.tensor_;
      other.tensor_ = webnnc_tensor_t{};
    }
    return *this;
  }
  Tensor(const Tensor &) = delete;
  Tensor &operator=(const Tensor &) = delete;

  // Caller memory |data| of shape |dims| (binds by position, or to the
  // operand |name| when given).
  template <typename T>
  static Tensor view(std::span<T> data, std::initializer_list<int64_t> dims,
                     const char *name = nullptr) {
    return view(dataTypeOf<T>(), data.data(), data.size_bytes(),
                std::span<const int64_t>(dims.begin(), dims.size()), name);
  }
  static Tensor view(webnnc_data_type_t type, const void *data,
                     size_t byteLength, std::span<const int64_t> dims,
                     const char *name = nullptr) {
    Tensor t;
    t.tensor_.name = name;
    t.tensor_.data_type = type;
    t.tensor_.rank = uint32_t(dims.size());
    for (size_t d = 0; d < dims.size() && d < WEBNNC_MAX_RANK; ++d)
      t.tensor_.dims[d] = dims[d];
    t.tensor_.data = const_cast<void *>(data);
    t.tensor_.byte_length = byteLength;
    return t;
  }

  std::span<const int64_t> dims() const {
    return {tensor_.dims, tensor_.rank};
  }
  webnnc_data_type_t dataType() const { return tensor_.data_type; }
  // The elements (T must match the data type; empty otherwise).
  template <typename T> std::span<T> data() const {
    if (dataTypeOf<T>() != tensor_.data_type || !tensor_.data)
      return {};
    return {static_cast<T *>(tensor_.data), tensor_.byte_length / sizeof(T)};
  }
  webnnc_tensor_t &raw() { return tensor_; }
  const webnnc_tensor_t &raw() const { return tensor_; }

private:
  webnnc_tensor_t tensor_{};
};

// A thread pool shared by every executor that uses it (default: one
// thread per available core).
class ThreadPool {
public:
  explicit ThreadPool(int threads = 0) {
    webnnc_thread_pool_create(threads, webnnc_allocator_system(), &pool_);
  }
  ~ThreadPool() { webnnc_thread_pool_release(pool_); }
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;
  bool valid() const { return pool_ != nullptr; }
  int size() const { return pool_ ? webnnc_thread_pool_size(pool_) : 0; }
  webnnc_thread_pool_t *get() const { return pool_; }

private:
  webnnc_thread_pool_t *pool_ = nullptr;
};

// Computes one model with its own working memory. Create one per thread;
// the model itself is immutable and shared.
class Executor {
public:
  explicit Executor(const webnnc_model_t &model, ThreadPool *pool = nullptr) {
    webnnc_executor_options_t options{};
    options.thread_pool = pool ? pool->get() : nullptr;
    created_.code = webnnc_executor_create(&model, &options, &executor_);
    if (!created_)
      created_.message = webnnc_status_string(created_.code);
  }
  ~Executor() { webnnc_executor_destroy(executor_); }
  Executor(const Executor &) = delete;
  Executor &operator=(const Executor &) = delete;

  // Whether creation succeeded, and why not.
  const Status &status() const { return created_; }
  const webnnc_model_t *model() const {
    return webnnc_executor_model(executor_);
  }

  // Computes |inputs| into |outputs|: one per model output, in order;
  // default-constructed ones are allocated (and owned by the Tensor).
  Status compute(std::span<const Tensor> inputs, std::span<Tensor> outputs) {
    if (!executor_)
      return created_;
    std::vector<webnnc_tensor_t> in, out;
    for (const Tensor &t : inputs)
      in.push_back(t.raw());
    const webnnc_model_t *m = model();
    for (size_t i = 0; i < outputs.size(); ++i) {
      webnnc_tensor_t t = outputs[i].raw();
      if (!t.data && i < m->num_outputs)
        t.data_type = m->outputs[i].data_type;
      out.push_back(t);
    }
    Status status;
    status.code = webnnc_executor_compute(executor_, in.data(), in.size(),
                                          out.data(), out.size());
    if (!status) {
      status.message = webnnc_executor_last_error(executor_);
      return status;
    }
    for (size_t i = 0; i < outputs.size(); ++i)
      outputs[i].raw() = out[i];
    return status;
  }

  // Computes |inputs|; |outputs| receives every output, allocated.
  Status compute(std::initializer_list<Tensor> inputs,
                 std::vector<Tensor> &outputs) {
    return compute(std::span<const Tensor>(inputs.begin(), inputs.size()),
                   outputs);
  }
  Status compute(std::span<const Tensor> inputs, std::vector<Tensor> &outputs) {
    outputs.clear();
    if (const webnnc_model_t *m = model())
      outputs.resize(m->num_outputs);
    return compute(inputs, std::span<Tensor>(outputs));
  }

private:
  webnnc_executor_t *executor_ = nullptr;
  Status created_;
};

} // namespace webnnc

#endif // WEBNNC_RUNTIME_WEBNNC_HPP_
