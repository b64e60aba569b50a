// SPDX-License-Identifier: Apache-2.0
// Linking glue, kernels and weights into one relocatable model object.
#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>

#include "webnnc/Codegen/EmitObject.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Support/Subprocess.h"
#include "webnnc/runtime/kernel_checks.h"
#include "llvm/ObjCopy/CommonConfig.h"
#include "llvm/ObjCopy/ELF/ELFConfig.h"
#include "llvm/ObjCopy/ELF/ELFObjcopy.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Object/ObjectFile.h"

namespace webnnc {

namespace {

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

std::vector<std::string>
undefinedSymbols(const llvm::object::ObjectFile &object) {
  std::vector<std::string> names;
  for (const llvm::object::SymbolRef &symbol : object.symbols()) {
    auto flags = symbol.getFlags();
    if (!flags || !(*flags & llvm::object::SymbolRef::SF_Undefined))
      continue;
    auto name = symbol.getName();
    if (name && !name->empty())
      names.push_back(name->str());
  }
  return names;
}

// |object| (a relocatable ELF64 little-endian object, either architecture)
// with the contents of its kWeightsSection, the glue's placeholder, moved
// to the end of the file and replaced by the blob at |blobPath|, read
// straight into place: the weights are copied once, never through the
// linker. The placeholder's bytes stay behind, unreferenced.
Expected<std::string, std::string> placeWeights(std::string object,
                                                const std::string &blobPath) {
  using Elf = llvm::object::ELF64LE;
  auto fail = [](const std::string &why) {
    return makeUnexpected("placing the weights in the model object: " + why);
  };
  Elf::Ehdr header;
  if (object.size() < sizeof(header))
    return fail("not an ELF object");
  std::memcpy(&header, object.data(), sizeof(header));
  uint64_t headersEnd =
      uint64_t(header.e_shoff) + uint64_t(header.e_shnum) * sizeof(Elf::Shdr);
  if (header.e_ident[llvm::ELF::EI_CLASS] != llvm::ELF::ELFCLASS64 ||
      header.e_ident[llvm::ELF::EI_DATA] != llvm::ELF::ELFDATA2LSB ||
      header.e_shentsize != sizeof(Elf::Shdr) || headersEnd > object.size() ||
      header.e_shstrndx >= header.e_shnum)
    return fail("not a 64-bit little-endian ELF object");
  auto sectionAt = [&](unsigned i) {
    return reinterpret_cast<Elf::Shdr *>(object.data() + header.e_shoff +
                                         i * sizeof(Elf::Shdr));
  };
  const Elf::Shdr *names = sectionAt(header.e_shstrndx);
  Elf::Shdr *weights = nullptr;
  for (unsigned i = 0; i < header.e_shnum && !weights; ++i) {
    uint64_t name = uint64_t(names->sh_offset) + sectionAt(i)->sh_name;
    if (name < object.size() &&
        llvm::StringRef(object.data() + name) == kWeightsSection)
      weights = sectionAt(i);
  }
  if (!weights || weights->sh_type != llvm::ELF::SHT_PROGBITS)
    return fail("the glue's " + kWeightsSection.str() + " section is missing");
  std::error_code error;
  uint64_t blobSize = std::filesystem::file_size(blobPath, error);
  if (error)
    return fail("cannot read '" + blobPath + "'");
  uint64_t align = std::max<uint64_t>(weights->sh_addralign, 1);
  uint64_t offset = (object.size() + align - 1) / align * align;
  weights->sh_offset = offset;
  weights->sh_size = blobSize;
  // The placeholder symbol now spans the blob (loaders such as JITLink
  // check that a symbol fits its section).
  bool resized = false;
  for (unsigned i = 0; i < header.e_shnum; ++i) {
    const Elf::Shdr *symtab = sectionAt(i);
    if (symtab->sh_type != llvm::ELF::SHT_SYMTAB ||
        symtab->sh_link >= header.e_shnum ||
        uint64_t(symtab->sh_offset) + symtab->sh_size > object.size())
      continue;
    const Elf::Shdr *strings = sectionAt(symtab->sh_link);
    for (uint64_t at = symtab->sh_offset;
         at + sizeof(Elf::Sym) <= uint64_t(symtab->sh_offset) + symtab->sh_size;
         at += sizeof(Elf::Sym)) {
      auto *symbol = reinterpret_cast<Elf::Sym *>(object.data() + at);
      uint64_t name = uint64_t(strings->sh_offset) + symbol->st_name;
      if (name < object.size() &&
          std::strcmp(object.data() + name, kWeightsSymbol.data()) == 0) {
        symbol->st_size = blobSize;
        resized = true;
      }
    }
  }
  if (!resized)
    return fail("the glue's " + kWeightsSymbol.str() + " symbol is missing");
  object.resize(offset + blobSize); // one allocation; the tail is the blob
  std::ifstream blob(blobPath, std::ios::binary);
  if (!blob.read(object.data() + offset, std::streamsize(blobSize)))
    return fail("cannot read '" + blobPath + "'");
  return object;
}

} // namespace

Expected<std::string, std::string>
linkModelObject(const std::string &workDir, const std::string &gluePath,
                const std::vector<std::string> &kernelPaths,
                const std::string &weightsPath, const std::string &modelName,
                const TargetInfo &target) {
  // The code: glue and kernels, small, through the target's linker (the
  // cross tools' aarch64-linux-gnu-ld for AArch64).
  std::string merged = workDir + "/merged.o";
  std::vector<std::string> ld = {
      environmentOr("WEBNNC_LD",
                    target.isNative() ? "ld" : target.crossPrefix() + "-ld"),
      "-r", "-o", merged, gluePath};
  ld.insert(ld.end(), kernelPaths.begin(), kernelPaths.end());
  ProcessResult linked = runProcesses({ld}, 1).front();
  if (linked.exitCode != 0)
    return makeUnexpected(
        "linking the model object failed (" + ld[0] + "): " + linked.output +
        (target.isNative()
             ? ""
             : " (cross-compiling for " + target.name + " needs the binutils-" +
                   target.crossPrefix() + " package)"));

  // Then, in this process: every symbol local but the model's descriptor,
  // the kernels' Halide runtime calls renamed to the webnnc runtime's; and
  // the weights placed in their section.
  auto input = llvm::object::ObjectFile::createObjectFile(merged);
  if (!input)
    return makeUnexpected("'" + merged + "' is not an object file: " +
                          llvm::toString(input.takeError()));
  auto *elf =
      llvm::dyn_cast<llvm::object::ELFObjectFileBase>(input->getBinary());
  if (!elf)
    return makeUnexpected("'" + merged + "' is not an ELF object");
  std::string exported = "webnnc_" + modelName + "_model";
  llvm::objcopy::CommonConfig config;
  auto keep = [](llvm::Error error) { return error; };
  if (llvm::Error error = config.SymbolsToKeepGlobal.addMatcher(
          llvm::objcopy::NameOrPattern::create(
              exported, llvm::objcopy::MatchStyle::Literal, keep)))
    return makeUnexpected(llvm::toString(std::move(error)));
  std::deque<std::string> renamed; // SymbolsToRename holds references
  for (const std::string &name : undefinedSymbols(*elf)) {
    if (runtimeServices().count(name))
      config.SymbolsToRename[name] = renamed.emplace_back("webnnc_rt_" + name);
    else if (!isLibcSymbol(name) && !isGlueService(name))
      return makeUnexpected(
          "the model needs '" + name +
          "', which neither the webnnc runtime nor the C library provides");
  }
  std::string bytes;
  llvm::raw_string_ostream out(bytes);
  if (llvm::Error error = llvm::objcopy::elf::executeObjcopyOnBinary(
          config, llvm::objcopy::ELFConfig(), *elf, out))
    return makeUnexpected("finishing the model object failed: " +
                          llvm::toString(std::move(error)));
  out.flush();
  if (weightsPath.empty())
    return bytes;
  return placeWeights(std::move(bytes), weightsPath);
}

} // namespace webnnc
