// SPDX-License-Identifier: Apache-2.0
// The weights object.
#include "webnnc/Codegen/EmitWeights.h"

#include <cstdlib>
#include <fstream>

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Support/Subprocess.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
using namespace mlir;

namespace {

constexpr uint64_t kAlignment = uint64_t(kArenaAlignment);

// objcopy -I binary names its symbols after the input path, every
// character but letters and digits made '_'.
std::string binarySymbol(const std::string &path, const char *suffix) {
  std::string name = "_binary_";
  for (char c : path)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name + suffix;
}

} // namespace

Expected<uint64_t, std::string> emitWeightsObject(func::FuncOp graph,
                                                  const std::string &objectPath) {
  std::string blobPath = objectPath + ".bin";
  std::ofstream blob(blobPath, std::ios::binary);
  if (!blob)
    return "cannot write '" + blobPath + "'";
  Builder b(graph.getContext());
  uint64_t size = 0;
  static const char zeros[kAlignment] = {};
  for (auto constant : graph.getBody().front().getOps<webnn::ConstantOp>()) {
    if (constant->use_empty())
      continue;
    FailureOr<ArrayRef<char>> raw = constant.getRawData();
    if (failed(raw))
      return std::string("a constant's resource blob has no data");
    uint64_t offset = (size + kAlignment - 1) / kAlignment * kAlignment;
    blob.write(zeros, std::streamsize(offset - size));
    constant->setAttr(kWeightOffsetAttr, b.getI64IntegerAttr(int64_t(offset)));
    auto type = cast<RankedTensorType>(constant.getType());
    if (constant.isSplat()) { // one element stored: write every copy
      for (int64_t i = 0; i < type.getNumElements(); ++i)
        blob.write(raw->data(), std::streamsize(raw->size()));
      size = offset + uint64_t(type.getNumElements()) * raw->size();
    } else {
      blob.write(raw->data(), std::streamsize(raw->size()));
      size = offset + raw->size();
    }
  }
  blob.close();
  if (!blob)
    return "cannot write '" + blobPath + "'";
  if (size == 0)
    return uint64_t(0);

  const char *env = std::getenv("WEBNNC_OBJCOPY");
  std::string objcopy = env && *env ? env : "objcopy";
  ProcessResult made =
      runProcesses(
          {{objcopy, "-I", "binary", "-O", "elf64-x86-64", "-B", "i386:x86-64",
            "--rename-section",
            ".data=.rodata.webnn_weights,alloc,load,readonly,data,contents",
            "--set-section-alignment",
            ".data=" + std::to_string(kAlignment), // named before renaming
            "--redefine-sym",
            binarySymbol(blobPath, "_start") + "=" + kWeightsSymbol.str(),
            "--strip-symbol", binarySymbol(blobPath, "_end"),
            "--strip-symbol", binarySymbol(blobPath, "_size"),
            // No executable stack: the section every compiler emits.
            "--add-section", ".note.GNU-stack=/dev/null", blobPath,
            objectPath}},
          1)
          .front();
  if (made.exitCode != 0)
    return "writing the weights object failed (" + objcopy +
           "): " + made.output;
  return size;
}

} // namespace webnnc
