// SPDX-License-Identifier: Apache-2.0
// webnn-plan-memory: lay every kernel result out in one arena.
#include <algorithm>

#include "GraphPass.h"
#include "llvm/ADT/DenseMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/MemoryPlan.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNPLANMEMORYPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {

Value storageRoot(Value value) {
  while (auto reshape = value.getDefiningOp<webnn::ReshapeOp>())
    value = reshape.getInput();
  return value;
}

int64_t byteSize(Type tensorType) {
  auto desc = webnn::getDescriptor(tensorType);
  return desc ? int64_t(spec::byteSize(desc->dataType)) *
                    spec::elementCount(desc->shape)
              : 0;
}

int64_t arenaSlotSize(int64_t bytes) {
  return (bytes + kArenaAlignment - 1) / kArenaAlignment * kArenaAlignment;
}

namespace {

// A kernel result kept in the arena, live over [first, last] (op indices).
struct Buffer {
  Value value;
  int64_t size, first, last, offset = -1;
};

// Whether every op of |kernel| is element-wise: then output element i
// depends only on element i of each same-shaped operand.
bool isPointwiseKernel(func::FuncOp kernel) {
  if (kernel.isExternal()) // a declaration: nothing is known of its body
    return false;
  for (Operation &op : kernel.getBody().front())
    if (!isa<func::ReturnOp>(op) &&
        !webnn::isElementwise(&op))
      return false;
  return true;
}

struct PlanMemory : GraphPass<PlanMemory, impl::WebNNPlanMemoryPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    Block &body = graph.getBody().front();
    llvm::DenseMap<Operation *, int64_t> position;
    int64_t end = 0;
    for (Operation &op : body)
      position[&op] = end++;

    // Outputs first: a kernel result returned as output k is written
    // straight into the caller's buffer (once; a second use of the same
    // value as another output is copied).
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    llvm::DenseMap<Value, int64_t> outputSlot;
    for (auto [k, v] : llvm::enumerate(ret.getOperands())) {
      Value root = storageRoot(v);
      if (root.getDefiningOp<func::CallOp>() && !outputSlot.count(root))
        outputSlot[root] = int64_t(k);
    }

    // The rest live in the arena from their kernel to their last reader
    // (through reshapes); a value read by the return lives to the end.
    std::vector<Buffer> buffers;
    llvm::DenseMap<Value, size_t> bufferOf;
    // The last op reading each value (through reshapes).
    llvm::DenseMap<Value, int64_t> lastRead;
    for (Operation &op : body)
      for (Value operand : op.getOperands())
        lastRead[storageRoot(operand)] = position[&op];
    SymbolTable symbols(getOperation());
    for (Operation &op : body) {
      auto call = dyn_cast<func::CallOp>(op);
      if (!call)
        continue;
      for (Value result : call.getResults()) {
        if (outputSlot.count(result))
          continue;
        if (std::optional<size_t> shared =
                inPlaceBuffer(call, result, symbols, buffers, bufferOf,
                              lastRead, position[call])) {
          // The result takes over the operand's bytes from here on.
          bufferOf[result] = *shared;
          continue;
        }
        bufferOf[result] = buffers.size();
        auto desc = webnn::getDescriptor(result.getType());
        int64_t size = desc && spec::hasOpenDims(desc->shape)
                           ? 0 // known at compute
                           : arenaSlotSize(byteSize(result.getType()));
        buffers.push_back({result, size, position[call], position[call]});
      }
    }
    for (Operation &op : body)
      for (Value operand : op.getOperands()) {
        auto it = bufferOf.find(storageRoot(operand));
        if (it != bufferOf.end())
          buffers[it->second].last =
              std::max(buffers[it->second].last, position[&op]);
      }

    if (hasOpenDims(graph)) {
      recordBuffersForCompute(graph, body, buffers, bufferOf, outputSlot);
      return;
    }

    // First fit, largest first: place each buffer at the lowest offset
    // where it overlaps no placed buffer that is live at the same time.
    std::vector<size_t> order(buffers.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return buffers[a].size > buffers[b].size;
    });
    int64_t arenaSize = 0;
    std::vector<size_t> placed;
    for (size_t i : order) {
      Buffer &buffer = buffers[i];
      std::vector<std::pair<int64_t, int64_t>> busy; // [offset, end)
      for (size_t j : placed) {
        const Buffer &other = buffers[j];
        if (other.first <= buffer.last && buffer.first <= other.last)
          busy.push_back({other.offset, other.offset + other.size});
      }
      std::sort(busy.begin(), busy.end());
      int64_t offset = 0;
      for (auto [begin, finish] : busy) {
        if (offset + buffer.size <= begin)
          break;
        offset = std::max(offset, finish);
      }
      buffer.offset = offset;
      arenaSize = std::max(arenaSize, offset + buffer.size);
      placed.push_back(i);
    }

    Builder builder(&getContext());
    for (Operation &op : body) {
      auto call = dyn_cast<func::CallOp>(op);
      if (!call)
        continue;
      SmallVector<int64_t> offsets;
      for (Value result : call.getResults()) {
        auto slot = outputSlot.find(result);
        offsets.push_back(slot != outputSlot.end()
                              ? -(slot->second + 1)
                              : buffers[bufferOf[result]].offset);
      }
      call->setAttr(kResultOffsetsAttr, builder.getDenseI64ArrayAttr(offsets));
    }
    graph->setAttr(kArenaSizeAttr, builder.getI64IntegerAttr(arenaSize));
  }

  static bool hasOpenDims(func::FuncOp graph) {
    auto open = [](Type type) {
      auto desc = webnn::getDescriptor(type);
      return desc && spec::hasOpenDims(desc->shape);
    };
    if (llvm::any_of(graph.getArgumentTypes(), open))
      return true;
    bool found = false;
    graph.walk([&](func::CallOp call) {
      found |= llvm::any_of(call.getResultTypes(), open);
    });
    return found;
  }

  // Sizes are known only at compute: record which buffer each result uses
  // and when each buffer is live; the runtime places them (first fit,
  // largest first, as below).
  void recordBuffersForCompute(
      func::FuncOp graph, Block &body, const std::vector<Buffer> &buffers,
      const llvm::DenseMap<Value, size_t> &bufferOf,
      const llvm::DenseMap<Value, int64_t> &outputSlot) {
    Builder builder(&getContext());
    for (Operation &op : body) {
      auto call = dyn_cast<func::CallOp>(op);
      if (!call)
        continue;
      SmallVector<int64_t> slots;
      for (Value result : call.getResults()) {
        auto slot = outputSlot.find(result);
        slots.push_back(slot != outputSlot.end()
                            ? -(slot->second + 1)
                            : int64_t(bufferOf.lookup(result)));
      }
      call->setAttr(kResultBuffersAttr, builder.getDenseI64ArrayAttr(slots));
    }
    SmallVector<int64_t> lifetimes;
    for (const Buffer &buffer : buffers)
      lifetimes.append({buffer.first, buffer.last});
    graph->setAttr(kBufferLifetimesAttr,
                   builder.getDenseI64ArrayAttr(lifetimes));
    graph->setAttr(kArenaSizeAttr, builder.getI64IntegerAttr(0));
  }

  // The arena buffer of an operand |call| may overwrite with |result|: a
  // pointwise kernel's operand of the result's type whose storage lives in
  // the arena and whose last reader is |call|.
  std::optional<size_t>
  inPlaceBuffer(func::CallOp call, Value result, SymbolTable &symbols,
                const std::vector<Buffer> &buffers,
                const llvm::DenseMap<Value, size_t> &bufferOf,
                const llvm::DenseMap<Value, int64_t> &lastRead,
                int64_t position) {
    if (!inPlace)
      return std::nullopt;
    auto kernel = symbols.lookup<func::FuncOp>(call.getCallee());
    if (!kernel || !isPointwiseKernel(kernel))
      return std::nullopt;
    for (Value operand : call.getOperands()) {
      Value root = storageRoot(operand);
      auto it = bufferOf.find(root);
      if (it == bufferOf.end() || operand.getType() != result.getType() ||
          lastRead.lookup(root) != position)
        continue;
      Builder builder(&getContext());
      call->setAttr(kInPlaceAttr, builder.getUnitAttr());
      kernel->setAttr(kInPlaceAttr, builder.getUnitAttr());
      return it->second;
    }
    return std::nullopt;
  }
};

} // namespace
} // namespace webnnc
