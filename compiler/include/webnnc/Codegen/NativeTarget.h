// SPDX-License-Identifier: Apache-2.0
// LLVM's targets, registered once per process.
#ifndef WEBNNC_CODEGEN_NATIVETARGET_H_
#define WEBNNC_CODEGEN_NATIVETARGET_H_

namespace webnnc {

// Registers LLVM's native target and its assembly printer, once, however
// many threads compile or load at the same time. (LLVM's Initialize*
// functions append to a global list unguarded: two threads registering at
// once can make it a cycle, and every later target lookup spins forever.)
void initializeNativeTarget();

// Registers the native target and AArch64 (the cross target), once: what
// the glue's code generation needs.
void initializeCodegenTargets();

} // namespace webnnc

#endif // WEBNNC_CODEGEN_NATIVETARGET_H_
