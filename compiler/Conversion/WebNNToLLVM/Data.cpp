// SPDX-License-Identifier: Apache-2.0
// The glue's read-only data: strings, int arrays, dimension arrays,
// constants and the weights placeholder, and the kernels it declares.
#include "GlueBuilder.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

namespace webnnc::glue {

// A global of |type| defined in |fill|'s initializer region. Globals go
// before the entry function.
LLVM::GlobalOp GlueBuilder::global(StringRef name, Type type, Attribute value,
                                   LLVM::Linkage linkage, uint64_t alignment) {
  OpBuilder::InsertionGuard guard(b_);
  b_.setInsertionPointToStart(module_.getBody());
  return LLVM::GlobalOp::create(b_, loc_, type, /*isConstant=*/true, linkage,
                                name, value, alignment);
}

LLVM::GlobalOp GlueBuilder::stringGlobal(StringRef text) {
  std::string name = "__webnn_str" + std::to_string(strings_++);
  std::string data = text.str();
  data.push_back('\0');
  return global(name, LLVM::LLVMArrayType::get(i8_, data.size()),
                b_.getStringAttr(data));
}

// A read-only array of int |values| (i32 or i64).
LLVM::GlobalOp GlueBuilder::intArrayGlobal(StringRef prefix,
                                           ArrayRef<int64_t> values,
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
Value GlueBuilder::dims(const spec::Shape &shape) {
  auto it = dims_.find(shape);
  LLVM::GlobalOp g;
  if (it != dims_.end()) {
    g = it->second;
  } else {
    std::vector<int64_t> fields;
    int64_t stride = 1;
    for (size_t d = shape.size(); d-- > 0;) {
      // {min, extent, stride, flags}: abi::HalideDimension, all i32.
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

LogicalResult GlueBuilder::declareKernels() {
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
Value GlueBuilder::constantAddress(webnn::ConstantOp op) {
  // Placed in the weights blob: an offset from its one symbol.
  if (auto offset = op->getAttrOfType<IntegerAttr>(kWeightOffsetAttr)) {
    if (!weights_) {
      // A placeholder of one alignment unit in a section of its own, whose
      // contents the link replaces with the weights. Weak, so that LLVM
      // never takes its zeros for the constants' values; hidden, so the
      // glue addresses it directly (the link makes it local).
      auto zeros = DenseElementsAttr::get(
          RankedTensorType::get({kArenaAlignment}, i8_), APInt(8, 0));
      weights_ =
          global(kWeightsSymbol, LLVM::LLVMArrayType::get(i8_, kArenaAlignment),
                 zeros, LLVM::Linkage::Weak, kArenaAlignment);
      weights_.setSection(kWeightsSection);
      weights_.setVisibility_(LLVM::Visibility::Hidden);
      weights_.setDsoLocal(true);
    }
    Value base = LLVM::AddressOfOp::create(b_, loc_, weights_);
    return LLVM::GEPOp::create(
        b_, loc_, ptr_, i8_, base,
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
      value = dense
                  .reshape(RankedTensorType::get({type.getNumElements()},
                                                 type.getElementType()))
                  .bitcast(element);
    else
      value = DenseResourceElementsAttr::get(
          flat, cast<DenseResourceElementsAttr>(op.getValue()).getRawHandle());
    std::string name = "__webnn_const" + std::to_string(constants_.size());
    auto g =
        global(name, LLVM::LLVMArrayType::get(element, type.getNumElements()),
               value, LLVM::Linkage::Internal, kArenaAlignment);
    it = constants_.insert({op, g}).first;
  }
  return LLVM::AddressOfOp::create(b_, loc_, it->second);
}

// A read-only array of pointers to the strings |texts|.
LLVM::GlobalOp
GlueBuilder::stringArrayGlobal(const std::vector<std::string> &texts) {
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

} // namespace webnnc::glue
