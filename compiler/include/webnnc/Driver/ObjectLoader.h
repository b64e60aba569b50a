// SPDX-License-Identifier: Apache-2.0
// Loading a compiled model object into the running process (LLVM ORC), for
// `webnnc run` and tests. Apps link the object instead.
#ifndef WEBNNC_DRIVER_OBJECTLOADER_H_
#define WEBNNC_DRIVER_OBJECTLOADER_H_

#include <memory>
#include <string>

#include "webnnc/Support/Expected.h"
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

private:
  LoadedModel() = default;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  const webnnc_model_t *model_ = nullptr;
};

} // namespace webnnc

#endif // WEBNNC_DRIVER_OBJECTLOADER_H_
