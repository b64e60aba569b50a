// SPDX-License-Identifier: Apache-2.0
// convert-webnn-to-llvm: the model's glue in the LLVM dialect.
//
// The glue is generated from the planned graph rather than rewritten op by
// op: it is one straight-line function plus data, and its shape (kernel
// calls over planned buffers) is decided by the graph as a whole.
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "webnnc/Conversion/Passes.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Shapes/ShapeProgram.h"
#include "webnnc/Transforms/MemoryPlan.h"
#include "llvm/ADT/DenseMap.h"

namespace webnnc {
#define GEN_PASS_DEF_CONVERTWEBNNTOLLVMPASS
#include "webnnc/Conversion/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

// Must match WEBNNC_MODEL_ABI_VERSION in runtime/include/webnnc/runtime/model.h.
constexpr int32_t kModelAbiVersion = 2;
// Halide buffers index with int32: a tensor sized at compute must have
// fewer elements.
constexpr int64_t kMaxComputeElements = 0x7fffffff;

// halide_type_code_t.
uint8_t halideTypeCode(spec::DataType type) {
  if (spec::isFloatingPoint(type))
    return 2;
  return spec::isSigned(type) ? 0 : 1;
}

class GlueBuilder {
public:
  GlueBuilder(ModuleOp module, func::FuncOp graph, std::string model)
      : module_(module), graph_(graph), model_(std::move(model)),
        ctx_(module.getContext()), b_(ctx_), loc_(graph.getLoc()) {
    ptr_ = LLVM::LLVMPointerType::get(ctx_);
    i8_ = b_.getI8Type();
    i16_ = b_.getI16Type();
    i32_ = b_.getI32Type();
    i64_ = b_.getI64Type();
    // halide_buffer_t: device, device_interface, host, flags, type {code,
    // bits, lanes}, dimensions, dim, padding.
    bufferType_ = LLVM::LLVMStructType::getLiteral(
        ctx_, {i64_, ptr_, ptr_, i64_, i8_, i8_, i16_, i32_, ptr_, ptr_});
  }

  LogicalResult build() {
    b_.setInsertionPointToEnd(module_.getBody());
    if (graph_->hasAttr(kBufferLifetimesAttr)) {
      FailureOr<ShapeProgram> program = buildShapeProgram(graph_);
      if (failed(program))
        return failure();
      program_ = std::move(*program);

    }
    if (failed(declareKernels()) || failed(buildShapes()) ||
        failed(buildEntry()) || failed(buildDescriptor()))
      return failure();
    // Everything is now in the LLVM dialect; drop the functions.
    for (func::FuncOp fn :
         llvm::make_early_inc_range(module_.getOps<func::FuncOp>()))
      fn.erase();
    return success();
  }

private:
  Value constI32(int64_t v) {
    return LLVM::ConstantOp::create(b_, loc_, i32_, b_.getI32IntegerAttr(v));
  }
  Value constI64(int64_t v) {
    return LLVM::ConstantOp::create(b_, loc_, i64_, b_.getI64IntegerAttr(v));
  }
  Value gep(Type element, Value base, int64_t index) {
    return LLVM::GEPOp::create(b_, loc_, ptr_, element, base,
                               ArrayRef<LLVM::GEPArg>{int32_t(index)});
  }
  Value fieldPtr(Value buffer, int32_t field) {
    return LLVM::GEPOp::create(b_, loc_, ptr_, bufferType_, buffer,
                               ArrayRef<LLVM::GEPArg>{0, field});
  }

  // A global of |type| defined in |fill|'s initializer region. Globals go
  // before the entry function.
  LLVM::GlobalOp global(StringRef name, Type type, Attribute value,
                        LLVM::Linkage linkage = LLVM::Linkage::Internal,
                        uint64_t alignment = 0) {
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(module_.getBody());
    return LLVM::GlobalOp::create(b_, loc_, type, /*isConstant=*/true,
                                  linkage, name, value, alignment);
  }

  LLVM::GlobalOp stringGlobal(StringRef text) {
    std::string name = "__webnn_str" + std::to_string(strings_++);
    std::string data = text.str();
    data.push_back('\0');
    return global(name, LLVM::LLVMArrayType::get(i8_, data.size()),
                  b_.getStringAttr(data));
  }

  // A read-only array of int |values| (i32 or i64).
  LLVM::GlobalOp intArrayGlobal(StringRef prefix, ArrayRef<int64_t> values,
                                IntegerType type) {
    std::string name = (prefix + std::to_string(arrays_++)).str();
    auto tensor = RankedTensorType::get({int64_t(values.size())}, type);
    SmallVector<APInt> ints;
    for (int64_t v : values)
      ints.push_back(APInt(type.getWidth(), v, /*isSigned=*/true));
    return global(name, LLVM::LLVMArrayType::get(type, values.size()),
                  DenseElementsAttr::get(tensor, ints));
  }

  // The halide_dimension_t array of a dense row-major |shape| (Halide
  // order: innermost first), shared by every buffer of that shape.
  Value dims(const spec::Shape &shape) {
    auto it = dims_.find(shape);
    LLVM::GlobalOp g;
    if (it != dims_.end()) {
      g = it->second;
    } else {
      std::vector<int64_t> fields;
      int64_t stride = 1;
      for (size_t d = shape.size(); d-- > 0;) {
        fields.insert(fields.end(), {0, shape[d], stride, 0});
        stride *= shape[d];
      }
      if (fields.empty())
        fields = {0, 0, 0, 0}; // scalars: never read, keep the global valid
      g = intArrayGlobal("__webnn_dims", fields, b_.getI32Type());
      dims_[shape] = g;
    }
    return LLVM::AddressOfOp::create(b_, loc_, g);
  }

  LogicalResult declareKernels() {
    for (func::FuncOp fn : module_.getOps<func::FuncOp>()) {
      if (!fn->hasAttr(kKernelAttr))
        continue;
      // int name(void *user_context, halide_buffer_t *args...)
      SmallVector<Type> params(1 + fn.getNumArguments() + fn.getNumResults(),
                               ptr_);
      auto type = LLVM::LLVMFunctionType::get(i32_, params);
      kernels_[fn.getSymName()] =
          LLVM::LLVMFuncOp::create(b_, loc_, fn.getSymName(), type);
    }
    return success();
  }

  // The global holding constant |op|'s bytes, as a flat array of signless
  // elements so the translation can emit it directly.
  Value constantAddress(webnn::ConstantOp op) {
    // Placed in the weights blob: an offset from its one symbol.
    if (auto offset = op->getAttrOfType<IntegerAttr>(kWeightOffsetAttr)) {
      if (!weights_) {
        // A placeholder of one alignment unit in a section of its own, whose
        // contents the link replaces with the weights. Weak, so that LLVM
        // never takes its zeros for the constants' values; hidden, so the
        // glue addresses it directly (the link makes it local).
        auto zeros = DenseElementsAttr::get(
            RankedTensorType::get({kArenaAlignment}, i8_), APInt(8, 0));
        weights_ = global(kWeightsSymbol,
                          LLVM::LLVMArrayType::get(i8_, kArenaAlignment), zeros,
                          LLVM::Linkage::Weak, kArenaAlignment);
        weights_.setSection(kWeightsSection);
        weights_.setVisibility_(LLVM::Visibility::Hidden);
        weights_.setDsoLocal(true);
      }
      Value base = LLVM::AddressOfOp::create(b_, loc_, weights_);
      return LLVM::GEPOp::create(b_, loc_, ptr_, i8_, base,
                                 ArrayRef<LLVM::GEPArg>{constI64(offset.getInt())});
    }
    auto it = constants_.find(op);
    if (it == constants_.end()) {
      auto type = cast<RankedTensorType>(op.getType());
      Type element = type.getElementType();
      if (auto integer = dyn_cast<IntegerType>(element))
        element = IntegerType::get(ctx_, integer.getWidth());
      auto flat = RankedTensorType::get({type.getNumElements()}, element);
      Attribute value;
      if (auto dense = dyn_cast<DenseElementsAttr>(op.getValue()))
        value = dense.reshape(RankedTensorType::get({type.getNumElements()},
                                                    type.getElementType()))
                    .bitcast(element);
      else
        value = DenseResourceElementsAttr::get(
            flat, cast<DenseResourceElementsAttr>(op.getValue())
                      .getRawHandle());
      std::string name = "__webnn_const" + std::to_string(constants_.size());
      auto g = global(name, LLVM::LLVMArrayType::get(element, type.getNumElements()),
                      value, LLVM::Linkage::Internal, kArenaAlignment);
      it = constants_.insert({op, g}).first;
    }
    return LLVM::AddressOfOp::create(b_, loc_, it->second);
  }

  // The address of |value|'s memory inside the entry function.
  FailureOr<Value> address(Value value) {
    Value root = storageRoot(value);
    if (auto arg = dyn_cast<BlockArgument>(root))
      return inputs_[arg.getArgNumber()];
    if (auto constant = root.getDefiningOp<webnn::ConstantOp>())
      return constantAddress(constant);
    auto call = root.getDefiningOp<func::CallOp>();
    if (program_) {
      auto slots = call ? call->getAttrOfType<DenseI64ArrayAttr>(kResultBuffersAttr)
                        : DenseI64ArrayAttr();
      if (!slots)
        return graph_.emitError("graph is not planned for compute-time "
                                "sizes: run webnn-plan-memory first");
      int64_t slot = slots[cast<OpResult>(root).getResultNumber()];
      if (slot < 0)
        return outputs_[-slot - 1];
      Value offset = LLVM::LoadOp::create(b_, loc_, i64_,
                                          gep(i64_, offsets_, slot));
      return LLVM::GEPOp::create(b_, loc_, ptr_, i8_, arena_,
                                 ArrayRef<LLVM::GEPArg>{offset})
          .getResult();
    }
    auto offsets = call ? call->getAttrOfType<DenseI64ArrayAttr>(kResultOffsetsAttr)
                        : DenseI64ArrayAttr();
    if (!offsets)
      return graph_.emitError("graph is not planned: run webnn-plan-memory "
                              "before convert-webnn-to-llvm");
    int64_t offset = offsets[cast<OpResult>(root).getResultNumber()];
    if (offset < 0)
      return outputs_[-offset - 1];
    return LLVM::GEPOp::create(b_, loc_, ptr_, i8_, arena_,
                               ArrayRef<LLVM::GEPArg>{constI64(offset)})
        .getResult();
  }

  void fillBuffer(Value buffer, Value host, Value value, Value dimsScratch) {
    Type tensorType = value.getType();
    auto desc = *webnn::getDescriptor(tensorType);
    Value zero64 = constI64(0);
    Value null = LLVM::ZeroOp::create(b_, loc_, ptr_);
    LLVM::StoreOp::create(b_, loc_, zero64, fieldPtr(buffer, 0));
    LLVM::StoreOp::create(b_, loc_, null, fieldPtr(buffer, 1));
    LLVM::StoreOp::create(b_, loc_, host, fieldPtr(buffer, 2));
    LLVM::StoreOp::create(b_, loc_, zero64, fieldPtr(buffer, 3));
    LLVM::StoreOp::create(
        b_, loc_,
        LLVM::ConstantOp::create(b_, loc_, i8_,
                                 b_.getI8IntegerAttr(halideTypeCode(desc.dataType))),
        fieldPtr(buffer, 4));
    LLVM::StoreOp::create(
        b_, loc_,
        LLVM::ConstantOp::create(
            b_, loc_, i8_,
            b_.getI8IntegerAttr(int8_t(spec::byteSize(desc.dataType) * 8))),
        fieldPtr(buffer, 5));
    LLVM::StoreOp::create(
        b_, loc_, LLVM::ConstantOp::create(b_, loc_, i16_, b_.getI16IntegerAttr(1)),
        fieldPtr(buffer, 6));
    LLVM::StoreOp::create(b_, loc_, constI32(int64_t(desc.shape.size())),
                          fieldPtr(buffer, 7));
    Value dimsPtr = spec::hasOpenDims(desc.shape)
                        ? runtimeDims(value, dimsScratch)
                        : dims(desc.shape);
    LLVM::StoreOp::create(b_, loc_, dimsPtr, fieldPtr(buffer, 8));
    LLVM::StoreOp::create(b_, loc_, null, fieldPtr(buffer, 9));
  }


  // ---- Sizes known at compute (graphs with open dimensions) ----

  // Evaluates every node of the shape program from |inputDims| (an i64
  // array: the inputs' dimensions, concatenated).
  void evaluateNodes(Value inputDims) {
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

  Value dimValue(Value value, size_t d) {
    return nodeValues_[program_->dimsOf(value)[d]];
  }

  // Element count of |value| at compute.
  Value elementCount(Value value) {
    Value count = constI64(1);
    for (size_t d = 0; d < program_->dimsOf(value).size(); ++d)
      count = LLVM::MulOp::create(b_, loc_, count, dimValue(value, d));
    return count;
  }

  Value byteCount(Value value) {
    auto desc = *webnn::getDescriptor(value.getType());
    return LLVM::MulOp::create(b_, loc_, elementCount(value),
                               constI64(int64_t(spec::byteSize(desc.dataType))));
  }

  // A halide_dimension_t array for |value| at compute, in |scratch|.
  Value runtimeDims(Value value, Value scratch) {
    size_t rank = program_->dimsOf(value).size();
    Value stride = constI64(1);
    for (size_t h = 0; h < rank; ++h) { // Halide order: innermost first
      Value extent = dimValue(value, rank - 1 - h);
      Value fields[4] = {constI32(0),
                         LLVM::TruncOp::create(b_, loc_, i32_, extent),
                         LLVM::TruncOp::create(b_, loc_, i32_, stride),
                         constI32(0)};
      for (int f = 0; f < 4; ++f)
        LLVM::StoreOp::create(b_, loc_, fields[f],
                              gep(i32_, scratch, int64_t(h * 4 + f)));
      stride = LLVM::MulOp::create(b_, loc_, stride, extent);
    }
    return scratch;
  }

  // Branches to a block returning webnnc_rt_shape_error(ctx, message,
  // actual, expected) when |failed| holds; continues in a new block.
  void failIf(Value failed, StringRef message, Value actual, Value expected,
              Value execContext, LLVM::LLVMFuncOp fn) {
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
  SmallVector<Value> arenaBuffers() {
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
  Value planArena() {
    SmallVector<Value> buffers = arenaBuffers();
    size_t n = std::max<size_t>(1, buffers.size());
    Value sizes = LLVM::AllocaOp::create(b_, loc_, ptr_, i64_,
                                         constI32(int64_t(n)), 8);
    offsets_ = LLVM::AllocaOp::create(b_, loc_, ptr_, i64_,
                                      constI32(int64_t(n)), 8);
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
    return LLVM::CallOp::create(
               b_, loc_, planArena_,
               ValueRange{constI32(int64_t(buffers.size())), sizes, table,
                          offsets_})
        .getResult();
  }

  void declareRuntimeServices() {
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
  LogicalResult buildShapes() {
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
      Value failed = LLVM::ICmpOp::create(
          b_, loc_,
          check.equal ? LLVM::ICmpPredicate::ne : LLVM::ICmpPredicate::slt,
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
        failIf(failed,
               (what + ": the tensor would exceed 2^31-1 elements").str(),
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

  LogicalResult buildEntry() {
    unsigned ni = graph_.getNumArguments(), no = graph_.getNumResults();
    // entry(exec_context, buffers, input_dims); input_dims is read only
    // by graphs with open dimensions.
    auto type = LLVM::LLVMFunctionType::get(i32_, {ptr_, ptr_, ptr_});
    entry_ = LLVM::LLVMFuncOp::create(b_, loc_, model_ + "_entry", type,
                                      LLVM::Linkage::Internal);
    Block *body = entry_.addEntryBlock(b_);
    // Owned here until the entry is complete, so an error return frees it
    // (LeakSanitizer found the leak on those paths).
    auto failOwner = std::make_unique<Block>();
    Block *fail = failOwner.get();
    fail->addArgument(i32_, loc_);
    b_.setInsertionPointToStart(body);
    Value execContext = body->getArgument(0), buffers = body->getArgument(1);

    for (unsigned i = 0; i < ni + no + 1; ++i) {
      Value slot = gep(ptr_, buffers, i);
      Value loaded = LLVM::LoadOp::create(b_, loc_, ptr_, slot);
      if (i < ni)
        inputs_.push_back(loaded);
      else if (i < ni + no)
        outputs_.push_back(loaded);
      else
        arena_ = loaded;
    }

    // One scratch array of halide_buffer_t, sized for the widest call.
    size_t maxArgs = 1;
    for (auto call : graph_.getBody().front().getOps<func::CallOp>())
      maxArgs = std::max<size_t>(maxArgs,
                                 call.getNumOperands() + call.getNumResults());
    Value scratch = LLVM::AllocaOp::create(b_, loc_, ptr_, bufferType_,
                                           constI32(int64_t(maxArgs)), 8);
    // Sizes at compute: evaluate them and place the arena buffers (the
    // shapes function has already checked them). Each kernel argument
    // gets halide_dimension_t room for the widest rank.
    Value dimsScratch;
    int64_t maxRank = 1;
    if (program_) {
      evaluateNodes(body->getArgument(2));
      planArena();
      for (auto call : graph_.getBody().front().getOps<func::CallOp>())
        for (Type t : llvm::concat<const Type>(call.getOperandTypes(),
                                               call.getResultTypes()))
          maxRank = std::max<int64_t>(
              maxRank, int64_t(webnn::getDescriptor(t)->shape.size()));
      dimsScratch = LLVM::AllocaOp::create(
          b_, loc_, ptr_, i32_, constI32(int64_t(maxArgs) * maxRank * 4), 8);
    }

    for (auto call : graph_.getBody().front().getOps<func::CallOp>()) {
      auto it = kernels_.find(call.getCallee());
      if (it == kernels_.end())
        return call.emitOpError("calls an unknown kernel");
      SmallVector<Value> args{execContext};
      SmallVector<Value> values(call.getOperands());
      values.append(call.getResults().begin(), call.getResults().end());
      for (auto [i, v] : llvm::enumerate(values)) {
        FailureOr<Value> host = address(v);
        if (failed(host))
          return failure();
        Value buffer = gep(bufferType_, scratch, int64_t(i));
        Value argDims = dimsScratch ? gep(i32_, dimsScratch,
                                          int64_t(i) * maxRank * 4)
                                    : Value();
        fillBuffer(buffer, *host, v, argDims);
        args.push_back(buffer);
      }
      Value status = LLVM::CallOp::create(b_, loc_, it->second, args).getResult();
      Value failed = LLVM::ICmpOp::create(b_, loc_, LLVM::ICmpPredicate::ne,
                                          status, constI32(0));
      Block *next = new Block();
      entry_.getBody().push_back(next);
      LLVM::CondBrOp::create(b_, loc_, failed, fail, ValueRange{status}, next,
                             ValueRange{});
      b_.setInsertionPointToStart(next);
    }

    // Outputs no kernel wrote in place (inputs, constants, a value returned
    // twice) are copied.
    auto ret = cast<func::ReturnOp>(graph_.getBody().front().getTerminator());
    for (auto [k, v] : llvm::enumerate(ret.getOperands())) {
      FailureOr<Value> source = address(v);
      if (failed(source))
        return failure();
      Value root = storageRoot(v);
      auto call = root.getDefiningOp<func::CallOp>();
      if (call) {
        auto offsets = call->getAttrOfType<DenseI64ArrayAttr>(
            program_ ? kResultBuffersAttr : kResultOffsetsAttr);
        if (offsets[cast<OpResult>(root).getResultNumber()] == -int64_t(k) - 1)
          continue; // written in place
      }
      Value bytes = program_ ? byteCount(v) : constI64(byteSize(v.getType()));
      LLVM::MemcpyOp::create(b_, loc_, outputs_[k], *source, bytes,
                             /*isVolatile=*/false);
    }
    LLVM::ReturnOp::create(b_, loc_, constI32(0));
    entry_.getBody().push_back(failOwner.release());
    b_.setInsertionPointToStart(fail);
    LLVM::ReturnOp::create(b_, loc_, fail->getArgument(0));
    b_.setInsertionPointAfter(entry_);
    return success();
  }

  // webnnc_operand_info_t[]: {name, data_type, rank, dims, max_dims,
  // dim_names}; the last two only for operands with open dimensions.
  LLVM::GlobalOp operandInfos(StringRef prefix, TypeRange types,
                              function_ref<StringAttr(unsigned)> nameOf,
                              bool isInput) {
    auto infoType = LLVM::LLVMStructType::getLiteral(
        ctx_, {ptr_, i32_, i32_, ptr_, ptr_, ptr_});
    SmallVector<LLVM::GlobalOp> names, dimArrays, maxArrays, dimNameArrays;
    for (auto [i, type] : llvm::enumerate(types)) {
      names.push_back(stringGlobal(nameOf(i).getValue()));
      auto desc = *webnn::getDescriptor(type);
      dimArrays.push_back(desc.shape.empty()
                              ? LLVM::GlobalOp()
                              : intArrayGlobal("__webnn_shape", desc.shape,
                                               b_.getI64Type()));
      LLVM::GlobalOp maxArray, nameArray;
      if (spec::hasOpenDims(desc.shape)) {
        auto [maxDims, dimNames] = openDimInfo(unsigned(i), desc.shape, isInput);
        maxArray = intArrayGlobal("__webnn_max_dims", maxDims, b_.getI64Type());
        nameArray = stringArrayGlobal(dimNames);
      }
      maxArrays.push_back(maxArray);
      dimNameArrays.push_back(nameArray);
    }
    auto arrayType = LLVM::LLVMArrayType::get(infoType, std::max<size_t>(1, types.size()));
    LLVM::GlobalOp g = global((prefix + model_).str(), arrayType, Attribute());
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(b_.createBlock(&g.getInitializerRegion()));
    Value array = LLVM::UndefOp::create(b_, loc_, arrayType);
    for (auto [i, type] : llvm::enumerate(types)) {
      auto desc = *webnn::getDescriptor(type);
      // A four-bit operand computed widened keeps its type at the API; the
      // runtime unpacks and packs it around the entry.
      StringAttr abiType =
          isInput ? graph_.getArgAttrOfType<StringAttr>(unsigned(i),
                                                        kAbiDataTypeAttr)
                  : graph_.getResultAttrOfType<StringAttr>(unsigned(i),
                                                           kAbiDataTypeAttr);
      if (abiType)
        desc.dataType = *spec::parseDataType(abiType.getValue());
      Value info = LLVM::UndefOp::create(b_, loc_, infoType);
      Value namePtr = LLVM::AddressOfOp::create(b_, loc_, names[i]);
      info = LLVM::InsertValueOp::create(b_, loc_, info, namePtr,
                                         ArrayRef<int64_t>{0});
      info = LLVM::InsertValueOp::create(b_, loc_, info,
                                         constI32(int64_t(desc.dataType)),
                                         ArrayRef<int64_t>{1});
      info = LLVM::InsertValueOp::create(b_, loc_, info,
                                         constI32(int64_t(desc.shape.size())),
                                         ArrayRef<int64_t>{2});
      Value dimsPtr = dimArrays[i]
                          ? Value(LLVM::AddressOfOp::create(b_, loc_, dimArrays[i]))
                          : Value(LLVM::ZeroOp::create(b_, loc_, ptr_));
      info = LLVM::InsertValueOp::create(b_, loc_, info, dimsPtr,
                                         ArrayRef<int64_t>{3});
      auto addressOrNull = [&](LLVM::GlobalOp g) {
        return g ? Value(LLVM::AddressOfOp::create(b_, loc_, g))
                 : Value(LLVM::ZeroOp::create(b_, loc_, ptr_));
      };
      info = LLVM::InsertValueOp::create(b_, loc_, info,
                                         addressOrNull(maxArrays[i]),
                                         ArrayRef<int64_t>{4});
      info = LLVM::InsertValueOp::create(b_, loc_, info,
                                         addressOrNull(dimNameArrays[i]),
                                         ArrayRef<int64_t>{5});
      array = LLVM::InsertValueOp::create(b_, loc_, array, info,
                                          ArrayRef<int64_t>{int64_t(i)});
    }
    LLVM::ReturnOp::create(b_, loc_, array);
    return g;
  }

  // For an operand with open dimensions: each dimension's bound (0 for
  // none; static dimensions are their size) and name ("" if static or
  // unnamed). Outputs' open dimensions have no names or bounds.
  std::pair<std::vector<int64_t>, std::vector<std::string>>
  openDimInfo(unsigned index, const spec::Shape &shape, bool isInput) {
    ArrayAttr names;
    DenseI64ArrayAttr bounds;
    if (isInput) {
      names = graph_.getArgAttrOfType<ArrayAttr>(
          index, webnn::WebNNDialect::kOpenDimNamesAttr);
      bounds = graph_.getArgAttrOfType<DenseI64ArrayAttr>(
          index, webnn::WebNNDialect::kOpenDimMaxAttr);
    }
    std::vector<int64_t> maxDims;
    std::vector<std::string> dimNames;
    size_t open = 0;
    for (int64_t d : shape) {
      if (!spec::isOpen(d)) {
        maxDims.push_back(d);
        dimNames.push_back("");
        continue;
      }
      maxDims.push_back(bounds && open < bounds.size() ? bounds[open] : 0);
      dimNames.push_back(names && open < names.size()
                             ? cast<StringAttr>(names[open]).str()
                             : "");
      ++open;
    }
    return {maxDims, dimNames};
  }

  // A read-only array of pointers to the strings |texts|.
  LLVM::GlobalOp stringArrayGlobal(const std::vector<std::string> &texts) {
    SmallVector<LLVM::GlobalOp> strings;
    for (const std::string &text : texts)
      strings.push_back(stringGlobal(text));
    auto type = LLVM::LLVMArrayType::get(ptr_, texts.size());
    std::string name = "__webnn_names" + std::to_string(arrays_++);
    LLVM::GlobalOp g = global(name, type, Attribute());
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(b_.createBlock(&g.getInitializerRegion()));
    Value array = LLVM::UndefOp::create(b_, loc_, type);
    for (auto [i, str] : llvm::enumerate(strings))
      array = LLVM::InsertValueOp::create(
          b_, loc_, array, LLVM::AddressOfOp::create(b_, loc_, str),
          ArrayRef<int64_t>{int64_t(i)});
    LLVM::ReturnOp::create(b_, loc_, array);
    return g;
  }

  // webnnc_<model>_model: the exported webnnc_model_t.
  LogicalResult buildDescriptor() {
    auto argName = [&](unsigned i) {
      return graph_.getArgAttrOfType<StringAttr>(i, webnn::WebNNDialect::kNameAttr);
    };
    auto resultName = [&](unsigned i) {
      return graph_.getResultAttrOfType<StringAttr>(i, webnn::WebNNDialect::kNameAttr);
    };
    for (unsigned i = 0; i < graph_.getNumArguments(); ++i)
      if (!argName(i))
        return graph_.emitError() << "input #" << i << " has no name";
    for (unsigned i = 0; i < graph_.getNumResults(); ++i)
      if (!resultName(i))
        return graph_.emitError() << "output #" << i << " has no name";
    LLVM::GlobalOp inputs = operandInfos(
        "__webnn_inputs_", graph_.getArgumentTypes(), argName, true);
    LLVM::GlobalOp outputs = operandInfos(
        "__webnn_outputs_", graph_.getResultTypes(), resultName, false);
    LLVM::GlobalOp name = stringGlobal(model_);
    auto arenaSize = graph_->getAttrOfType<IntegerAttr>(kArenaSizeAttr);
    if (!arenaSize)
      return graph_.emitError("graph is not planned: run webnn-plan-memory "
                              "before convert-webnn-to-llvm");

    // {abi_version, num_inputs, num_outputs, reserved, name, inputs,
    //  outputs, arena_size, arena_alignment, entry, shapes}
    auto modelType = LLVM::LLVMStructType::getLiteral(
        ctx_, {i32_, i32_, i32_, i32_, ptr_, ptr_, ptr_, i64_, i64_, ptr_, ptr_});
    LLVM::GlobalOp g = global("webnnc_" + model_ + "_model", modelType,
                              Attribute(), LLVM::Linkage::External, 8);
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(b_.createBlock(&g.getInitializerRegion()));
    Value desc = LLVM::UndefOp::create(b_, loc_, modelType);
    auto insert = [&](Value v, int64_t field) {
      desc = LLVM::InsertValueOp::create(b_, loc_, desc, v,
                                         ArrayRef<int64_t>{field});
    };
    Value null = LLVM::ZeroOp::create(b_, loc_, ptr_);
    insert(constI32(kModelAbiVersion), 0);
    insert(constI32(graph_.getNumArguments()), 1);
    insert(constI32(graph_.getNumResults()), 2);
    insert(constI32(0), 3);
    insert(LLVM::AddressOfOp::create(b_, loc_, name), 4);
    insert(graph_.getNumArguments() ? Value(LLVM::AddressOfOp::create(b_, loc_, inputs))
                                    : null,
           5);
    insert(LLVM::AddressOfOp::create(b_, loc_, outputs), 6);
    insert(constI64(arenaSize.getInt()), 7);
    insert(constI64(kArenaAlignment), 8);
    insert(LLVM::AddressOfOp::create(b_, loc_, entry_), 9);
    insert(shapes_ ? Value(LLVM::AddressOfOp::create(b_, loc_, shapes_)) : null,
           10);
    LLVM::ReturnOp::create(b_, loc_, desc);
    return success();
  }

  ModuleOp module_;
  func::FuncOp graph_;
  std::string model_;
  MLIRContext *ctx_;
  OpBuilder b_;
  Location loc_;
  Type ptr_, i8_, i16_, i32_, i64_;
  LLVM::LLVMStructType bufferType_;
  LLVM::LLVMFuncOp entry_, shapes_, shapeError_, planArena_;
  std::optional<ShapeProgram> program_;
  SmallVector<Value> nodeValues_; // the program's nodes, in the function
                                  // being built
  Value offsets_;                 // i64 arena offset of each buffer
  llvm::StringMap<LLVM::LLVMFuncOp> kernels_;
  llvm::DenseMap<Operation *, LLVM::GlobalOp> constants_;
  LLVM::GlobalOp weights_; // kWeightsSymbol, declared at first use
  std::map<spec::Shape, LLVM::GlobalOp> dims_;
  SmallVector<Value> inputs_, outputs_;
  Value arena_;
  int strings_ = 0, arrays_ = 0;
};

struct ConvertWebNNToLLVM
    : impl::ConvertWebNNToLLVMPassBase<ConvertWebNNToLLVM> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<func::FuncOp> graphOrError = requireGraphFunction(module);
    if (failed(graphOrError))
      return signalPassFailure();
    func::FuncOp graph = *graphOrError;
    if (failed(GlueBuilder(module, graph, modelName).build()))
      signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
