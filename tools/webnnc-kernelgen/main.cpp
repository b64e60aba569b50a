// SPDX-License-Identifier: Apache-2.0
// webnnc-kernelgen: compiles a batch of KernelSpecs to objects with Halide.
//
// webnnc runs it as a child process: Halide links LLVM 14 and the compiler
// links LLVM 22, and the two must never share a process.
//
//   webnnc-kernelgen BATCH_FILE -o OUTPUT_DIR [--emit-asm] [--emit-stmt]
//   webnnc-kernelgen --version
//
// --emit-stmt also writes each kernel's loop nest as Halide lowered it
// (<name>.stmt), for reading a schedule: run it on the kernels<N>.txt
// files that `webnnc --keep-temps` leaves.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "../../compiler/Codegen/Halide/KernelGen.h"

int main(int argc, char **argv) {
  std::string batchPath, outputDir;
  bool emitAssembly = false, emitStmt = false;
  if (argc == 2 && !std::strcmp(argv[1], "--version")) {
    std::printf("Halide %s\n", WEBNNC_HALIDE_VERSION);
    return 0;
  }
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "-o") && i + 1 < argc)
      outputDir = argv[++i];
    else if (!std::strcmp(argv[i], "--emit-asm"))
      emitAssembly = true;
    else if (!std::strcmp(argv[i], "--emit-stmt"))
      emitStmt = true;
    else if (batchPath.empty() && argv[i][0] != '-')
      batchPath = argv[i];
    else {
      std::fprintf(stderr, "webnnc-kernelgen: unexpected argument '%s'\n",
                   argv[i]);
      return 2;
    }
  }
  if (batchPath.empty() || outputDir.empty()) {
    std::fprintf(stderr,
                 "usage: webnnc-kernelgen BATCH_FILE -o OUTPUT_DIR "
                 "[--emit-asm] [--emit-stmt]\n");
    return 2;
  }
  std::ifstream in(batchPath);
  if (!in) {
    std::fprintf(stderr, "webnnc-kernelgen: cannot read '%s'\n",
                 batchPath.c_str());
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto batch = webnnc::kernels::parseKernelBatch(text.str());
  if (!batch) {
    std::fprintf(stderr, "webnnc-kernelgen: %s\n", batch.error().c_str());
    return 1;
  }
  std::string error = webnnc::halide::compileKernelBatch(
      *batch, {outputDir, emitAssembly, emitStmt});
  if (!error.empty()) {
    std::fprintf(stderr, "webnnc-kernelgen: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
