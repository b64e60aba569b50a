// SPDX-License-Identifier: Apache-2.0
#include "webnnc/Codegen/NativeTarget.h"

#include <mutex>

#include "llvm/Support/TargetSelect.h"

namespace webnnc {

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

void initializeCodegenTargets() {
  initializeNativeTarget();
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
  });
}

} // namespace webnnc
