// SPDX-License-Identifier: Apache-2.0
// The glue's entry: each kernel called over its planned buffers.
#include "GlueBuilder.h"

#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/MemoryPlan.h"

namespace webnnc::glue {

namespace {
abi::HalideTypeCode halideTypeCode(spec::DataType type) {
  if (spec::isFloatingPoint(type))
    return abi::HalideTypeCode::Float;
  return spec::isSigned(type) ? abi::HalideTypeCode::Int
                              : abi::HalideTypeCode::UInt;
}
} // namespace

LogicalResult GlueBuilder::build() {
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

// The address of |value|'s memory inside the entry function.
FailureOr<Value> GlueBuilder::address(Value value) {
  Value root = storageRoot(value);
  if (auto arg = dyn_cast<BlockArgument>(root))
    return inputs_[arg.getArgNumber()];
  if (auto constant = root.getDefiningOp<webnn::ConstantOp>())
    return constantAddress(constant);
  auto call = root.getDefiningOp<func::CallOp>();
  if (program_) {
    auto slots =
        call ? call->getAttrOfType<DenseI64ArrayAttr>(kResultBuffersAttr)
             : DenseI64ArrayAttr();
    if (!slots)
      return graph_.emitError("graph is not planned for compute-time "
                              "sizes: run webnn-plan-memory first");
    int64_t slot = slots[cast<OpResult>(root).getResultNumber()];
    if (slot < 0)
      return outputs_[-slot - 1];
    Value offset =
        LLVM::LoadOp::create(b_, loc_, i64_, gep(i64_, offsets_, slot));
    return LLVM::GEPOp::create(b_, loc_, ptr_, i8_, arena_,
                               ArrayRef<LLVM::GEPArg>{offset})
        .getResult();
  }
  auto offsets =
      call ? call->getAttrOfType<DenseI64ArrayAttr>(kResultOffsetsAttr)
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

void GlueBuilder::fillBuffer(Value buffer, Value host, Value value,
                             Value dimsScratch) {
  Type tensorType = value.getType();
  auto desc = *webnn::getDescriptor(tensorType);
  Value zero64 = constI64(0);
  Value null = LLVM::ZeroOp::create(b_, loc_, ptr_);
  LLVM::StoreOp::create(b_, loc_, zero64,
                        fieldPtr(buffer, abi::HalideBuffer::Device));
  LLVM::StoreOp::create(b_, loc_, null,
                        fieldPtr(buffer, abi::HalideBuffer::DeviceInterface));
  LLVM::StoreOp::create(b_, loc_, host,
                        fieldPtr(buffer, abi::HalideBuffer::Host));
  LLVM::StoreOp::create(b_, loc_, zero64,
                        fieldPtr(buffer, abi::HalideBuffer::Flags));
  LLVM::StoreOp::create(
      b_, loc_,
      LLVM::ConstantOp::create(
          b_, loc_, i8_,
          b_.getI8IntegerAttr(int8_t(halideTypeCode(desc.dataType)))),
      fieldPtr(buffer, abi::HalideBuffer::TypeCode));
  LLVM::StoreOp::create(
      b_, loc_,
      LLVM::ConstantOp::create(
          b_, loc_, i8_,
          b_.getI8IntegerAttr(int8_t(spec::byteSize(desc.dataType) * 8))),
      fieldPtr(buffer, abi::HalideBuffer::TypeBits));
  LLVM::StoreOp::create(
      b_, loc_,
      LLVM::ConstantOp::create(b_, loc_, i16_, b_.getI16IntegerAttr(1)),
      fieldPtr(buffer, abi::HalideBuffer::TypeLanes));
  LLVM::StoreOp::create(b_, loc_, constI32(int64_t(desc.shape.size())),
                        fieldPtr(buffer, abi::HalideBuffer::Dimensions));
  Value dimsPtr = spec::hasOpenDims(desc.shape)
                      ? runtimeDims(value, dimsScratch)
                      : dims(desc.shape);
  LLVM::StoreOp::create(b_, loc_, dimsPtr,
                        fieldPtr(buffer, abi::HalideBuffer::Dim));
  LLVM::StoreOp::create(b_, loc_, null,
                        fieldPtr(buffer, abi::HalideBuffer::Padding));
}

LogicalResult GlueBuilder::buildEntry() {
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
    maxArgs =
        std::max<size_t>(maxArgs, call.getNumOperands() + call.getNumResults());
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
      Value argDims = dimsScratch
                          ? gep(i32_, dimsScratch, int64_t(i) * maxRank * 4)
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

} // namespace webnnc::glue
