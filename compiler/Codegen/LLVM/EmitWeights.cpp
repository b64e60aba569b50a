// SPDX-License-Identifier: Apache-2.0
// The weights blob.
#include "webnnc/Codegen/EmitWeights.h"

#include <fstream>
#include <vector>

#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

namespace webnnc {
using namespace mlir;

namespace {
constexpr uint64_t kAlignment = uint64_t(kArenaAlignment);
} // namespace

Expected<uint64_t, std::string> emitWeightsBlob(func::FuncOp graph,
                                                const std::string &blobPath) {
  // Where each constant goes; nothing is written for none.
  Builder b(graph.getContext());
  uint64_t size = 0;
  std::vector<std::pair<webnn::ConstantOp, uint64_t>> placed;
  for (auto constant : graph.getBody().front().getOps<webnn::ConstantOp>()) {
    if (constant->use_empty())
      continue;
    FailureOr<ArrayRef<char>> raw = constant.getRawData();
    if (failed(raw))
      return std::string("a constant's resource blob has no data");
    auto type = cast<RankedTensorType>(constant.getType());
    uint64_t bytes = constant.isSplat() // one element stored: every copy
                         ? uint64_t(type.getNumElements()) * raw->size()
                         : raw->size();
    uint64_t offset = (size + kAlignment - 1) / kAlignment * kAlignment;
    constant->setAttr(kWeightOffsetAttr, b.getI64IntegerAttr(int64_t(offset)));
    placed.push_back({constant, offset});
    size = offset + bytes;
  }
  if (size == 0)
    return uint64_t(0);

  std::ofstream out(blobPath, std::ios::binary);
  if (!out)
    return "cannot write '" + blobPath + "'";
  static const char zeros[kAlignment] = {};
  uint64_t written = 0;
  for (auto [constant, offset] : placed) {
    ArrayRef<char> raw = *constant.getRawData();
    out.write(zeros, std::streamsize(offset - written));
    auto type = cast<RankedTensorType>(constant.getType());
    uint64_t copies = constant.isSplat() ? uint64_t(type.getNumElements()) : 1;
    for (uint64_t i = 0; i < copies; ++i)
      out.write(raw.data(), std::streamsize(raw.size()));
    written = offset + copies * raw.size();
  }
  out.close();
  if (!out)
    return "cannot write '" + blobPath + "'";
  return size;
}

} // namespace webnnc
