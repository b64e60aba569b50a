// SPDX-License-Identifier: Apache-2.0
// Loading a compiled model object with LLVM ORC.
#include <cstring>

#include "webnnc/Codegen/NativeTarget.h"
#include "webnnc/Driver/ObjectLoader.h"

#include "llvm/ExecutionEngine/Orc/AbsoluteSymbols.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "webnnc/runtime/executor.h"
#include "webnnc/runtime/kernel_abi.h"
#include "webnnc/runtime/kernel_checks.h"

namespace webnnc {

LoadedModel::~LoadedModel() = default;

Expected<std::unique_ptr<LoadedModel>, std::string>
LoadedModel::load(const std::string &objectBytes,
                  const std::string &modelName) {
  initializeNativeTarget();
  auto jit = llvm::orc::LLJITBuilder().create();
  if (!jit)
    return "cannot create a JIT: " + llvm::toString(jit.takeError());
  llvm::orc::JITDylib &dylib = (*jit)->getMainJITDylib();

  // The runtime services the model's kernels call.
  auto symbol = [&](const char *name, auto *address) {
    return std::make_pair(
        (*jit)->mangleAndIntern(name),
        llvm::orc::ExecutorSymbolDef(llvm::orc::ExecutorAddr::fromPtr(address),
                                     llvm::JITSymbolFlags::Exported));
  };
  llvm::orc::SymbolMap runtime;
  runtime.insert(symbol("webnnc_rt_halide_do_par_for",
                        &webnnc_rt_halide_do_par_for));
  runtime.insert(symbol("webnnc_rt_halide_malloc", &webnnc_rt_halide_malloc));
  runtime.insert(symbol("webnnc_rt_halide_free", &webnnc_rt_halide_free));
  runtime.insert(symbol("webnnc_rt_halide_error", &webnnc_rt_halide_error));
#define WEBNNC_REGISTER_CHECK(what)                                             \
  runtime.insert(symbol("webnnc_rt_halide_" #what,                       \
                        &webnnc_rt_halide_##what));
  WEBNNC_KERNEL_CHECKS(WEBNNC_REGISTER_CHECK)
#undef WEBNNC_REGISTER_CHECK
  runtime.insert(symbol("webnnc_rt_shape_error", &webnnc_rt_shape_error));
  runtime.insert(symbol("webnnc_rt_plan_arena", &webnnc_rt_plan_arena));
  if (auto error = dylib.define(llvm::orc::absoluteSymbols(runtime)))
    return "cannot define runtime symbols: " + llvm::toString(std::move(error));
  // memcpy, memset and math functions from the process.
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      (*jit)->getDataLayout().getGlobalPrefix());
  if (!process)
    return "cannot search the process: " + llvm::toString(process.takeError());
  dylib.addGenerator(std::move(*process));

  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(objectBytes, modelName);
  if (auto error = (*jit)->addObjectFile(std::move(buffer)))
    return "cannot load the model object: " + llvm::toString(std::move(error));
  std::string name = "webnnc_" + modelName + "_model";
  auto address = (*jit)->lookup(name);
  if (!address)
    return "the object has no '" + name +
           "': " + llvm::toString(address.takeError());
  std::unique_ptr<LoadedModel> loaded(new LoadedModel());
  loaded->model_ = address->toPtr<const webnnc_model_t *>();
  loaded->jit_ = std::move(*jit);
  return loaded;
}

namespace {
webnnc_tensor_t toTensor(const char *name, const HostTensor &t) {
  webnnc_tensor_t tensor{};
  tensor.name = name;
  tensor.data_type = static_cast<webnnc_data_type_t>(t.dataType());
  tensor.rank = static_cast<uint32_t>(t.shape().size());
  for (size_t d = 0; d < t.shape().size() && d < WEBNNC_MAX_RANK; ++d)
    tensor.dims[d] = t.shape()[d];
  tensor.data = const_cast<std::byte *>(t.data());
  tensor.byte_length = t.byteSize();
  return tensor;
}
} // namespace

Expected<std::unique_ptr<LoadedModel::Session>, std::string>
LoadedModel::open(const std::map<std::string, HostTensor> &inputs,
                  int threads) const {
  std::unique_ptr<Session> session(new Session());
  session->model_ = model_;
  for (uint32_t i = 0; i < model_->num_inputs; ++i) {
    const char *name = model_->inputs[i].name;
    auto it = inputs.find(name);
    if (it == inputs.end())
      return "missing input '" + std::string(name) + "'";
    session->inputs_.push_back(toTensor(name, it->second));
  }
  // Every output is allocated by the runtime at the first run (its shape may
  // depend on the inputs' open dimensions) and written in place after that.
  for (uint32_t i = 0; i < model_->num_outputs; ++i) {
    webnnc_tensor_t tensor{};
    tensor.name = model_->outputs[i].name;
    tensor.data_type = model_->outputs[i].data_type;
    session->outputs_.push_back(tensor);
  }
  if (threads > 1 && webnnc_thread_pool_create(
                         threads, webnnc_allocator_system(), &session->pool_))
    return std::string("cannot create a thread pool");
  webnnc_executor_options_t options{};
  options.thread_pool = session->pool_;
  if (webnnc_executor_create(model_, &options, &session->executor_))
    return std::string("cannot create an executor");
  return session;
}

LoadedModel::Session::~Session() {
  for (webnnc_tensor_t &tensor : outputs_)
    webnnc_tensor_free(&tensor);
  webnnc_executor_destroy(executor_);
  webnnc_thread_pool_release(pool_);
}

std::string LoadedModel::Session::run() {
  if (webnnc_executor_compute(executor_, inputs_.data(), inputs_.size(),
                              outputs_.data(), outputs_.size()))
    return webnnc_executor_last_error(executor_);
  return "";
}

std::vector<HostTensor> LoadedModel::Session::outputs() const {
  std::vector<HostTensor> result;
  for (uint32_t i = 0; i < model_->num_outputs; ++i) {
    const webnnc_tensor_t &tensor = outputs_[i];
    spec::Shape shape(tensor.dims, tensor.dims + tensor.rank);
    result.emplace_back(spec::OperandDescriptor{
        static_cast<spec::DataType>(model_->outputs[i].data_type), shape});
    if (tensor.data && tensor.byte_length)
      std::memcpy(result.back().data(), tensor.data, tensor.byte_length);
  }
  return result;
}

Expected<std::vector<HostTensor>, std::string>
LoadedModel::compute(const std::map<std::string, HostTensor> &inputs,
                     int threads) const {
  auto session = open(inputs, threads);
  if (!session)
    return session.error();
  std::string error = (*session)->run();
  if (!error.empty())
    return error;
  return (*session)->outputs();
}

} // namespace webnnc
