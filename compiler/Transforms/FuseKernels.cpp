// SPDX-License-Identifier: Apache-2.0
// webnn-fuse: group ops that one kernel can compute into webnn.fused
// regions.
//
// Groups grow in program order. An element-wise op joins the group that
// computes one of its operands when that value has the op's result shape
// (so the group's loop nest is the op's): an epilogue after an anchor
// (conv2d, matmul, pooling, ...) or one more node of an element-wise
// graph. Values inside a group may have several readers (SiLU's x *
// sigmoid(x), GELU's and hard-swish's chains): when the group closes it
// keeps the longest prefix whose only value read outside it is its last
// op's result, and the ops after that prefix are grouped again. A pooling op joins a group
// that is a conv2d (plus epilogue) or an element-wise chain as a second
// stage, which the kernel computes a few rows at a time inside the
// pooling's loop; a reduction or a transpose joins an element-wise chain,
// which it reads inline, each element once. A channels-last depthwise conv joins the
// packed 1x1 conv that feeds it (MobileNet's expand + depthwise 3x3) when
// the tensor between them is too large to stay in cache from one kernel to
// the next: the kernel slides the producer down the depthwise conv's rows.
#include "GraphPass.h"
#include "llvm/ADT/SetVector.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNFUSEPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

std::string kindOf(Operation *op) {
  return op->getName().stripDialect().str();
}

bool isElementwiseOp(Operation *op) {
  return webnn::isElementwise(op) && !isa<webnn::ConstantOp>(op);
}

bool isPool(Operation *op) {
  return isa<webnn::MaxPool2dOp, webnn::AveragePool2dOp, webnn::L2Pool2dOp>(op);
}

bool isReduction(Operation *op) {
  return StringRef(kindOf(op)).starts_with("reduce_");
}

// Ops that are not computed by a kernel of their own, or that must stay
// alone (scatters update their output in place; their Func cannot be
// inlined into an epilogue).
bool isBarrier(Operation *op) {
  return isa<webnn::ConstantOp, webnn::ReshapeOp, webnn::ScatterElementsOp,
             webnn::ScatterNDOp, func::ReturnOp>(op);
}

// A conv2d with one filter per channel, channels-last (its kernel can
// take a fused producer).
bool isChannelsLastDepthwise(Operation *op) {
  auto conv = dyn_cast<webnn::Conv2dOp>(op);
  if (!conv || conv.getInputLayout() != webnn::InputOperandLayout::nhwc)
    return false;
  auto input = cast<RankedTensorType>(conv.getInput().getType());
  auto output = cast<RankedTensorType>(conv.getOutput().getType());
  if (!input.hasStaticShape() || !output.hasStaticShape())
    return false;
  int64_t channels = input.getShape()[3];
  return conv.getGroups() == channels && output.getShape()[3] == channels &&
         channels > 1;
}

// A packed 1x1 conv with stride 1: each output row reads one input row,
// so its tiles lose nothing computed a row at a time.
bool isPointwiseConv(Operation *op) {
  auto conv = dyn_cast_or_null<webnn::PackedConv2dOp>(op);
  if (!conv)
    return false;
  auto filter = cast<RankedTensorType>(conv.getPackedFilter().getType());
  return filter.getShape()[1] == 1 && filter.getShape()[2] == 1 &&
         llvm::all_of(conv.getStrides(), [](int64_t s) { return s == 1; });
}

// Whether a producer's result of |type| is worth not writing to memory: it
// would not stay in a core's L2 cache until the next kernel reads it.
bool exceedsCache(Type type) {
  auto tensor = cast<RankedTensorType>(type);
  if (!tensor.hasStaticShape())
    return false;
  return tensor.getNumElements() * tensor.getElementTypeBitWidth() / 8 >
         (1 << 20);
}

// Consumers that read an element-wise chain inline, each element once.
bool inlinesChain(Operation *op) {
  return isReduction(op) || isa<webnn::TransposeOp>(op);
}

// Where a group computes its first stage when |consumer| starts its
// second (joinableGroup admits these three).
webnn::ProducerPlacement placementFor(Operation *consumer) {
  if (isPool(consumer))
    return webnn::ProducerPlacement::pool_tiles;
  if (inlinesChain(consumer))
    return webnn::ProducerPlacement::inlined;
  return webnn::ProducerPlacement::sliding_rows; // a depthwise conv
}

struct Group {
  SmallVector<Operation *> ops;
  Operation *anchor = nullptr; // the first non-element-wise op, if any
  int stages = 1;
  Value output() const { return ops.back()->getResult(0); }
  bool isElementwiseChain() const { return anchor == nullptr; }
};

bool sameShape(Type a, Type b) {
  return cast<RankedTensorType>(a).getShape() ==
         cast<RankedTensorType>(b).getShape();
}

// Whether |value| may become internal to a group: read only by |reader|
// (possibly as several operands), so not a graph output either.
bool privateTo(Value value, Operation *reader) {
  return !value.use_empty() &&
         llvm::all_of(value.getUsers(),
                      [&](Operation *user) { return user == reader; });
}

// The longest prefix of |ops| that one kernel computes: every value it
// makes is read only inside it, except its last op's result.
size_t validPrefix(ArrayRef<Operation *> ops) {
  llvm::SmallPtrSet<Operation *, 16> members;
  size_t best = 1;
  for (size_t k = 0; k < ops.size(); ++k) {
    members.insert(ops[k]);
    bool closed = true;
    for (size_t i = 0; i <= k && closed; ++i) {
      Value v = ops[i]->getResult(0);
      for (Operation *user : v.getUsers())
        if (!members.contains(user) && i != k) {
          closed = false;
          break;
        }
    }
    if (closed)
      best = k + 1;
  }
  return best;
}

struct Fuse : GraphPass<Fuse, impl::WebNNFusePassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    SmallVector<Operation *> ops;
    for (Operation &op : graph.getBody().front())
      if (!isBarrier(&op) && op.getNumResults() == 1)
        ops.push_back(&op);
    for (Group &g : formGroups(ops))
      if (g.ops.size() > 1)
        outlineRegion(g);
  }

  // Groups |ops| (in program order), each closed to its valid prefix; ops
  // cut off a group are grouped again.
  std::vector<Group> formGroups(ArrayRef<Operation *> ops) {
    std::vector<Group> groups;
    llvm::DenseMap<Value, size_t> groupOf; // every value a group computes
    for (Operation *op : ops) {
      std::optional<size_t> joined = joinableGroup(op, groups, groupOf);
      if (joined) {
        Group &g = groups[*joined];
        if (!isElementwiseOp(op)) { // a pooling, reduction or conv stage
          g.stages = 2;
          g.anchor = op;
        }
        g.ops.push_back(op);
        groupOf[op->getResult(0)] = *joined;
        continue;
      }
      Group g;
      g.ops.push_back(op);
      if (!isElementwiseOp(op))
        g.anchor = op;
      groupOf[op->getResult(0)] = groups.size();
      groups.push_back(g);
    }
    std::vector<Group> closed;
    for (Group &g : groups) {
      size_t keep = validPrefix(g.ops);
      Group kept;
      kept.ops.assign(g.ops.begin(), g.ops.begin() + keep);
      for (size_t i = 0; i < kept.ops.size(); ++i)
        if (!isElementwiseOp(kept.ops[i])) {
          kept.stages = i > 0 ? 2 : 1; // a stage joined after the first op
          kept.anchor = kept.ops[i];
        }
      closed.push_back(kept);
      if (keep < g.ops.size())
        for (Group &rest : formGroups(ArrayRef(g.ops).drop_front(keep)))
          closed.push_back(rest);
    }
    return closed;
  }

  // The group |op| can join, if any.
  std::optional<size_t> joinableGroup(Operation *op,
                                      const std::vector<Group> &groups,
                                      const llvm::DenseMap<Value, size_t> &groupOf) {
    for (Value operand : op->getOperands()) {
      auto it = groupOf.find(operand);
      if (it == groupOf.end())
        continue;
      const Group &g = groups[it->second];
      if (isElementwiseOp(op)) {
        // An epilogue keeps the group's loop nest: the same shape, for
        // every value of the group it reads (element types may change: a
        // quantize ends in a cast). And the group's result must be able to
        // stay inside it: read only by element-wise ops of its shape, which
        // may join too (a residual add does not join the block whose
        // output the next conv also reads).
        Type type = op->getResult(0).getType();
        bool sameNest =
            sameShape(g.output().getType(), type) &&
            llvm::all_of(op->getOperands(), [&](Value v) {
              auto other = groupOf.find(v);
              return other == groupOf.end() || other->second != it->second ||
                     sameShape(v.getType(), type);
            });
        bool canStayInside =
            llvm::all_of(g.output().getUsers(), [&](Operation *user) {
              return isElementwiseOp(user) && user->getNumResults() == 1 &&
                     sameShape(user->getResult(0).getType(), type);
            });
        if (sameNest && canStayInside)
          return it->second;
        continue;
      }
      // A second stage reads the group's result, and only it does.
      if (g.stages != 1 || operand != g.output() || !privateTo(operand, op))
        continue;
      if (isPool(op) &&
          (g.isElementwiseChain() ||
           isa<webnn::Conv2dOp, webnn::PackedConv2dOp>(g.anchor)))
        return it->second;
      if (inlinesChain(op) && g.isElementwiseChain())
        return it->second;
      if (isChannelsLastDepthwise(op) && operand == op->getOperand(0) &&
          isPointwiseConv(g.anchor) &&
          exceedsCache(operand.getType()))
        return it->second;
    }
    return std::nullopt;
  }

  // Replaces the group's ops by one webnn.fused op at the last one's place.
  void outlineRegion(Group &g) {
    llvm::SmallPtrSet<Operation *, 8> members(g.ops.begin(), g.ops.end());
    // Inputs: values the group reads but does not compute; splat constants
    // are copied into the region, where they become literals.
    llvm::SetVector<Value> inputs;
    SmallVector<Operation *> splats;
    for (Operation *op : g.ops)
      for (Value v : op->getOperands()) {
        Operation *def = v.getDefiningOp();
        if (def && members.contains(def))
          continue;
        auto constant = dyn_cast_or_null<webnn::ConstantOp>(def);
        if (constant && constant.isSplat()) {
          if (!llvm::is_contained(splats, def))
            splats.push_back(def);
          continue;
        }
        inputs.insert(v);
      }
    Operation *last = g.ops.back();
    SmallVector<Location> locations;
    for (Operation *op : g.ops)
      locations.push_back(op->getLoc());
    OpBuilder builder(last);
    auto fused = webnn::FusedOp::create(
        builder, FusedLoc::get(&getContext(), locations),
        last->getResult(0).getType(), inputs.getArrayRef(),
        /*producer=*/nullptr);
    if (g.stages == 2)
      fused.setProducerAttr(webnn::ProducerPlacementAttr::get(
          &getContext(), placementFor(g.anchor)));
    Block *body = builder.createBlock(&fused.getBody());
    IRMapping mapping;
    for (Value input : inputs)
      mapping.map(input, body->addArgument(input.getType(), input.getLoc()));
    for (Operation *splat : splats)
      builder.clone(*splat, mapping);
    for (Operation *op : g.ops)
      builder.clone(*op, mapping);
    webnn::YieldOp::create(builder, last->getLoc(),
                           mapping.lookup(last->getResult(0)));
    last->getResult(0).replaceAllUsesWith(fused.getResult());
    for (Operation *op : llvm::reverse(g.ops))
      op->erase();
    for (Operation *splat : splats)
      if (splat->use_empty())
        splat->erase();
  }
};

} // namespace
} // namespace webnnc
