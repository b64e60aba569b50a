// SPDX-License-Identifier: Apache-2.0
// Sizes known at compute (graphs with open dimensions): the shape
// program evaluated in the glue, the checks, and the arena placed.
#include "GlueBuilder.h"

#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/MemoryPlan.h"

namespace webnnc::glue {

// Evaluates every node of the shape program from |inputDims| (an i64
// array: the inputs' dimensions, concatenated).
void GlueBuilder::evaluateNodes(Value inputDims) {
  nodeValues_.clear();
  for (const ShapeProgram::Node &node : program_->nodes()) {
    Value v;
    switch (node.kind) {
    case ShapeProgram::Kind::Constant:
      v = constI64(node.value);
      break;
    case ShapeProgram::Kind::InputDim:
      v = LLVM::LoadOp::create(b_, loc_, i64_,
                               gep(i64_, inputDims, node.value));
      break;
    case ShapeProgram::Kind::Add:
      v = LLVM::AddOp::create(b_, loc_, nodeValues_[node.lhs],
                              nodeValues_[node.rhs]);
      break;
    case ShapeProgram::Kind::Mul:
      v = LLVM::MulOp::create(b_, loc_, nodeValues_[node.lhs],
                              nodeValues_[node.rhs]);
      break;
    case ShapeProgram::Kind::FloorDiv:
      // The dividend is checked non-negative before any kernel runs.
      v = LLVM::SDivOp::create(b_, loc_, nodeValues_[node.lhs],
                               nodeValues_[node.rhs]);
      break;
    case ShapeProgram::Kind::CeilDiv: {
      Value divisor = nodeValues_[node.rhs];
      Value biased = LLVM::AddOp::create(
          b_, loc_, nodeValues_[node.lhs],
          LLVM::SubOp::create(b_, loc_, divisor, constI64(1)));
      v = LLVM::SDivOp::create(b_, loc_, biased, divisor);
      break;
    }
    }
    nodeValues_.push_back(v);
  }
}

Value GlueBuilder::dimValue(Value value, size_t d) {
  return nodeValues_[program_->dimsOf(value)[d]];
}

// Element count of |value| at compute.
Value GlueBuilder::elementCount(Value value) {
  Value count = constI64(1);
  for (size_t d = 0; d < program_->dimsOf(value).size(); ++d)
    count = LLVM::MulOp::create(b_, loc_, count, dimValue(value, d));
  return count;
}

Value GlueBuilder::byteCount(Value value) {
  auto desc = *webnn::getDescriptor(value.getType());
  return LLVM::MulOp::create(b_, loc_, elementCount(value),
                             constI64(int64_t(spec::byteSize(desc.dataType))));
}

// A halide_dimension_t array for |value| at compute, in |scratch|.
Value GlueBuilder::runtimeDims(Value value, Value scratch) {
  size_t rank = program_->dimsOf(value).size();
  Value stride = constI64(1);
  for (size_t h = 0; h < rank; ++h) { // Halide order: innermost first
    Value extent = dimValue(value, rank - 1 - h);
    // {min, extent, stride, flags}: abi::HalideDimension, all i32.
    Value fields[4] = {
        constI32(0), LLVM::TruncOp::create(b_, loc_, i32_, extent),
        LLVM::TruncOp::create(b_, loc_, i32_, stride), constI32(0)};
    for (int f = 0; f < 4; ++f)
      LLVM::StoreOp::create(b_, loc_, fields[f],
                            gep(i32_, scratch, int64_t(h * 4 + f)));
    stride = LLVM::MulOp::create(b_, loc_, stride, extent);
  }
  return scratch;
}

// Branches to a block returning webnnc_rt_shape_error(ctx, message,
// actual, expected) when |failed| holds; continues in a new block.
void GlueBuilder::failIf(Value failed, StringRef message, Value actual,
                         Value expected, Value execContext,
                         LLVM::LLVMFuncOp fn) {
  Block *error = new Block(), *next = new Block();
  fn.getBody().push_back(error);
  fn.getBody().push_back(next);
  LLVM::CondBrOp::create(b_, loc_, failed, error, next);
  b_.setInsertionPointToStart(error);
  Value text = LLVM::AddressOfOp::create(b_, loc_, stringGlobal(message));
  Value status =
      LLVM::CallOp::create(b_, loc_, shapeError_,
                           ValueRange{execContext, text, actual, expected})
          .getResult();
  LLVM::ReturnOp::create(b_, loc_, status);
  b_.setInsertionPointToStart(next);
}

// The arena buffers' values, sizes and live ranges, in buffer order.
SmallVector<Value> GlueBuilder::arenaBuffers() {
  SmallVector<Value> buffers;
  for (auto call : graph_.getBody().front().getOps<func::CallOp>()) {
    auto slots = call->getAttrOfType<DenseI64ArrayAttr>(kResultBuffersAttr);
    for (auto [i, result] : llvm::enumerate(call.getResults()))
      if (slots && slots[i] == int64_t(buffers.size()))
        buffers.push_back(result); // the buffer's first (defining) value
  }
  return buffers;
}

// Places the arena buffers for the sizes at compute: fills offsets_ and
// returns the arena's size.
Value GlueBuilder::planArena() {
  SmallVector<Value> buffers = arenaBuffers();
  size_t n = std::max<size_t>(1, buffers.size());
  Value sizes =
      LLVM::AllocaOp::create(b_, loc_, ptr_, i64_, constI32(int64_t(n)), 8);
  offsets_ =
      LLVM::AllocaOp::create(b_, loc_, ptr_, i64_, constI32(int64_t(n)), 8);
  for (auto [i, value] : llvm::enumerate(buffers)) {
    Value bytes = byteCount(value);
    Value rounded = LLVM::AndOp::create(
        b_, loc_,
        LLVM::AddOp::create(b_, loc_, bytes, constI64(kArenaAlignment - 1)),
        constI64(-kArenaAlignment));
    LLVM::StoreOp::create(b_, loc_, rounded, gep(i64_, sizes, int64_t(i)));
  }
  auto lifetimes =
      graph_->getAttrOfType<DenseI64ArrayAttr>(kBufferLifetimesAttr);
  SmallVector<int64_t> ranges(lifetimes.asArrayRef());
  if (ranges.empty())
    ranges = {0, 0};
  Value table = LLVM::AddressOfOp::create(
      b_, loc_, intArrayGlobal("__webnn_lifetimes", ranges, b_.getI64Type()));
  return LLVM::CallOp::create(b_, loc_, planArena_,
                              ValueRange{constI32(int64_t(buffers.size())),
                                         sizes, table, offsets_})
      .getResult();
}

void GlueBuilder::declareRuntimeServices() {
  shapeError_ = LLVM::LLVMFuncOp::create(
      b_, loc_, "webnnc_rt_shape_error",
      LLVM::LLVMFunctionType::get(i32_, {ptr_, ptr_, i64_, i64_}));
  planArena_ = LLVM::LLVMFuncOp::create(
      b_, loc_, "webnnc_rt_plan_arena",
      LLVM::LLVMFunctionType::get(i64_, {i32_, ptr_, ptr_, ptr_}));
}

// <model>_shapes(ctx, input_dims, output_dims, arena_size): checks the
// sizes at compute against every rule, then reports the outputs'
// dimensions and the arena the entry will need. Nothing else runs.
LogicalResult GlueBuilder::buildShapes() {
  if (!program_)
    return success();
  declareRuntimeServices();
  auto type = LLVM::LLVMFunctionType::get(i32_, {ptr_, ptr_, ptr_, ptr_});
  shapes_ = LLVM::LLVMFuncOp::create(b_, loc_, model_ + "_shapes", type,
                                     LLVM::Linkage::Internal);
  Block *body = shapes_.addEntryBlock(b_);
  b_.setInsertionPointToStart(body);
  Value ctx = body->getArgument(0);
  evaluateNodes(body->getArgument(1));
  for (const ShapeProgram::Check &check : program_->checks()) {
    Value lhs = nodeValues_[check.lhs], rhs = nodeValues_[check.rhs];
    Value failed = LLVM::ICmpOp::create(b_, loc_,
                                        check.equal ? LLVM::ICmpPredicate::ne
                                                    : LLVM::ICmpPredicate::slt,
                                        lhs, rhs);
    failIf(failed, check.message, lhs, rhs, ctx, shapes_);
  }
  // Every tensor sized at compute must fit Halide's int32 indexing.
  auto limit = [&](Value value, StringRef what) {
    if (!spec::hasOpenDims(webnn::getDescriptor(value.getType())->shape))
      return;
    Value count = constI64(1);
    for (size_t d = 0; d < program_->dimsOf(value).size(); ++d) {
      count = LLVM::MulOp::create(b_, loc_, count, dimValue(value, d));
      Value failed = LLVM::ICmpOp::create(b_, loc_, LLVM::ICmpPredicate::sgt,
                                          count, constI64(kMaxComputeElements));
      failIf(failed, (what + ": the tensor would exceed 2^31-1 elements").str(),
             count, constI64(kMaxComputeElements), ctx, shapes_);
    }
  };
  for (BlockArgument arg : graph_.getArguments())
    limit(arg, "input #" + std::to_string(arg.getArgNumber()));
  for (auto call : graph_.getBody().front().getOps<func::CallOp>())
    for (Value result : call.getResults())
      limit(result, ("kernel " + call.getCallee()).str());

  auto ret = cast<func::ReturnOp>(graph_.getBody().front().getTerminator());
  int64_t flat = 0;
  for (Value v : ret.getOperands())
    for (size_t d = 0; d < program_->dimsOf(v).size(); ++d)
      LLVM::StoreOp::create(b_, loc_, dimValue(v, d),
                            gep(i64_, body->getArgument(2), flat++));
  LLVM::StoreOp::create(b_, loc_, planArena(), body->getArgument(3));
  LLVM::ReturnOp::create(b_, loc_, constI32(0));
  b_.setInsertionPointAfter(shapes_);
  return success();
}

} // namespace webnnc::glue
