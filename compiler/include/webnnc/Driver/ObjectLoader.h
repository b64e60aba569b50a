// SPDX-License-Identifier: Apache-2.0
// Loading a compiled model object into the running process (LLVM ORC), for
// `webnnc run` and tests. Apps link the object instead.
#ifndef WEBNNC_DRIVER_OBJECTLOADER_H_
#define WEBNNC_DRIVER_OBJECTLOADER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "webnnc/Support/Expected.h"
#include "webnnc/Support/HostTensor.h"
#include "webnnc/runtime/executor.h"
#include "webnnc/runtime/model.h"

namespace llvm::orc {
class LLJIT;
} // namespace llvm::orc

namespace webnnc {

class LoadedModel {
public:
  // Links |objectBytes| (a model object from compile()) in memory and finds
  // webnnc_<modelName>_model. Runtime services resolve to the webnnc
  // runtime linked into this process, C library functions to the process'.
  static Expected<std::unique_ptr<LoadedModel>, std::string>
  load(const std::string &objectBytes, const std::string &modelName);
  ~LoadedModel();

  const webnnc_model_t *model() const { return model_; }

  // Computes the model on |inputs| (keyed by input name) through the
  // runtime's executor API, on |threads| threads (1: the calling thread).
  // Returns the outputs in the model's order, or the runtime's error.
  Expected<std::vector<HostTensor>, std::string>
  compute(const std::map<std::string, HostTensor> &inputs,
          int threads = 1) const;

  // An executor, a thread pool and output buffers bound to one set of
  // inputs, to compute them many times (benchmarks): run() is one
  // webnnc_executor_compute call and nothing else.
  class Session {
  public:
    ~Session();
    std::string run(); // "" or the runtime's error
    // The outputs of the last run, in the model's order.
    std::vector<HostTensor> outputs() const;

  private:
    friend class LoadedModel;
    Session() = default;
    const webnnc_model_t *model_ = nullptr;
    webnnc_thread_pool_t *pool_ = nullptr;
    webnnc_executor_t *executor_ = nullptr;
    std::vector<webnnc_tensor_t> inputs_, outputs_;
  };
  // |inputs| must outlive the session.
  Expected<std::unique_ptr<Session>, std::string>
  open(const std::map<std::string, HostTensor> &inputs, int threads) const;

private:
  LoadedModel() = default;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  const webnnc_model_t *model_ = nullptr;
};

} // namespace webnnc

#endif // WEBNNC_DRIVER_OBJECTLOADER_H_
