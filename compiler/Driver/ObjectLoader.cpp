// SPDX-License-Identifier: Apache-2.0
// Loading a compiled model object with LLVM ORC.
#include "webnnc/Driver/ObjectLoader.h"

#include "llvm/ExecutionEngine/Orc/AbsoluteSymbols.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "webnnc/runtime/kernel_abi.h"

namespace webnnc {

LoadedModel::~LoadedModel() = default;

Expected<std::unique_ptr<LoadedModel>, std::string>
LoadedModel::load(const std::string &objectBytes,
                  const std::string &modelName) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
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

} // namespace webnnc
