// SPDX-License-Identifier: Apache-2.0
// Linking glue and kernels into one relocatable model object.
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"
#include "webnnc/Codegen/EmitObject.h"
#include "webnnc/Support/Files.h"
#include "webnnc/Support/Subprocess.h"
#include "webnnc/runtime/kernel_checks.h"

namespace webnnc {

namespace {

// $variable if set, else the binutils program |name| for |target| (the
// cross tools' aarch64-linux-gnu-ld for AArch64).
std::string tool(const char *variable, const std::string &name,
                 const TargetInfo &target) {
  const char *value = std::getenv(variable);
  if (value && *value)
    return value;
  return target.isNative() ? name : target.crossPrefix() + "-" + name;
}

// The Halide runtime functions the webnnc runtime implements (see
// runtime/include/webnnc/runtime/kernel_abi.h).
const std::set<std::string> &runtimeServices() {
  static const std::set<std::string> names = {
      "halide_do_par_for", "halide_malloc", "halide_free", "halide_error",
  // The failure reports of kernels compiled with their checks on.
#define WEBNNC_CHECK_NAME(what) "halide_" #what,
      WEBNNC_KERNEL_CHECKS(WEBNNC_CHECK_NAME)
#undef WEBNNC_CHECK_NAME
  };
  return names;
}

// C library functions a model may call; every app has them (math ones via
// -lm, which the runtime's link interface adds).
bool isLibcSymbol(const std::string &name) {
  static const std::set<std::string> names = {
      "memcpy", "memset", "memmove", "powf", "pow",   "expf",  "exp",
      "logf",   "log",    "sinf",    "sin",  "cosf",  "cos",   "tanf",
      "tan",    "tanhf",  "tanh",    "sqrtf", "sqrt", "floorf", "floor",
      "ceilf",  "ceil",   "roundf",  "round", "truncf", "trunc", "fmodf",
      "fmod",   "atan2f", "atan2",   "erff",  "erf",  "log1pf", "expm1f",
      "nearbyintf", "nearbyint", "fabsf", "fabs", "erfcf", "erfc",
      "log1p",  "expm1"};
  return names.count(name) != 0;
}

// Runtime services the glue of a model with open dimensions calls by their
// own names (kernel_abi.h).
bool isGlueService(const std::string &name) {
  return name == "webnnc_rt_shape_error" || name == "webnnc_rt_plan_arena";
}

Expected<std::vector<std::string>, std::string>
undefinedSymbols(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return "cannot read '" + path + "'";
  auto object = llvm::object::ObjectFile::createObjectFile(
      (*buffer)->getMemBufferRef());
  if (!object)
    return "'" + path + "' is not an object file: " +
           llvm::toString(object.takeError());
  std::vector<std::string> names;
  for (const llvm::object::SymbolRef &symbol : (*object)->symbols()) {
    auto flags = symbol.getFlags();
    if (!flags || !(*flags & llvm::object::SymbolRef::SF_Undefined))
      continue;
    auto name = symbol.getName();
    if (name && !name->empty())
      names.push_back(name->str());
  }
  return names;
}

} // namespace

Expected<std::string, std::string>
linkModelObject(const std::string &workDir, const std::string &gluePath,
                const std::vector<std::string> &kernelPaths,
                const std::string &modelName, const TargetInfo &target) {
  std::string merged = workDir + "/merged.o";
  std::string final = workDir + "/" + modelName + ".o";
  std::vector<std::string> ld = {tool("WEBNNC_LD", "ld", target), "-r", "-o", merged,
                                 gluePath};
  ld.insert(ld.end(), kernelPaths.begin(), kernelPaths.end());
  ProcessResult linked = runProcesses({ld}, 1).front();
  if (linked.exitCode != 0)
    return makeUnexpected(
        "linking the model object failed (" + ld[0] + "): " + linked.output +
        (target.isNative() ? ""
                           : " (cross-compiling for " + target.name +
                                 " needs the binutils-" +
                                 target.crossPrefix() + " package)"));

  auto undefined = undefinedSymbols(merged);
  if (!undefined)
    return makeUnexpected(undefined.error());
  std::string exported = "webnnc_" + modelName + "_model";
  std::vector<std::string> objcopy = {tool("WEBNNC_OBJCOPY", "objcopy", target),
                                      "--keep-global-symbol=" + exported};
  for (const std::string &name : *undefined) {
    if (runtimeServices().count(name))
      objcopy.push_back("--redefine-sym=" + name + "=webnnc_rt_" + name);
    else if (!isLibcSymbol(name) && !isGlueService(name))
      return makeUnexpected(
          "the model needs '" + name +
          "', which neither the webnnc runtime nor the C library provides");
  }
  objcopy.push_back(merged);
  objcopy.push_back(final);
  ProcessResult copied = runProcesses({objcopy}, 1).front();
  if (copied.exitCode != 0)
    return makeUnexpected("localizing the model's symbols failed (" +
                          objcopy[0] + "): " + copied.output);
  std::optional<std::string> bytes = readWholeFile(final);
  if (!bytes)
    return makeUnexpected("cannot read '" + final + "'");
  return std::move(*bytes);
}

} // namespace webnnc
