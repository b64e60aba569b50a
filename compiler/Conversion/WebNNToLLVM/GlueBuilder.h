// SPDX-License-Identifier: Apache-2.0
// The glue builder of convert-webnn-to-llvm, its parts by concern: the
// read-only data (Data.cpp), the entry that calls the kernels (Entry.cpp),
// sizes and arena placement at compute for open dimensions (Sizes.cpp),
// and the exported model descriptor (Descriptor.cpp).
//
// The glue is generated from the planned graph rather than rewritten op by
// op: it is one straight-line function plus data, and its shape (kernel
// calls over planned buffers) is decided by the graph as a whole.
#ifndef WEBNNC_CONVERSION_WEBNNTOLLVM_GLUEBUILDER_H_
#define WEBNNC_CONVERSION_WEBNNTOLLVM_GLUEBUILDER_H_

#include <map>
#include <optional>

#include "RuntimeAbi.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Shapes/ShapeProgram.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

namespace webnnc::glue {

using namespace mlir;

// Halide buffers index with int32: a tensor sized at compute must have
// fewer elements.
inline constexpr int64_t kMaxComputeElements = 0x7fffffff;

// The glue of one planned graph: build() adds it to the module in the LLVM
// dialect and erases the graph and kernel functions.
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
    bufferType_ = structType(abi::HalideBuffer::kLayout);
  }

  LogicalResult build();

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
  Value fieldPtr(Value buffer, abi::HalideBuffer::Field field) {
    return LLVM::GEPOp::create(b_, loc_, ptr_, bufferType_, buffer,
                               ArrayRef<LLVM::GEPArg>{0, int32_t(field)});
  }
  // The LLVM struct of a C struct's field table.
  template <size_t N>
  LLVM::LLVMStructType structType(const abi::StructLayout<N> &layout) {
    SmallVector<Type> fields;
    for (abi::Scalar s : layout.fields)
      fields.push_back(s == abi::Scalar::Ptr   ? ptr_
                       : s == abi::Scalar::I8  ? i8_
                       : s == abi::Scalar::I16 ? i16_
                       : s == abi::Scalar::I32 ? i32_
                                               : i64_);
    return LLVM::LLVMStructType::getLiteral(ctx_, fields);
  }

  // A global of |type| defined in |fill|'s initializer region. Globals go
  // before the entry function.
  LLVM::GlobalOp global(StringRef name, Type type, Attribute value,
                        LLVM::Linkage linkage = LLVM::Linkage::Internal,
                        uint64_t alignment = 0);

  LLVM::GlobalOp stringGlobal(StringRef text);

  // A read-only array of int |values| (i32 or i64).
  LLVM::GlobalOp intArrayGlobal(StringRef prefix, ArrayRef<int64_t> values,
                                IntegerType type);

  // The halide_dimension_t array of a dense row-major |shape| (Halide
  // order: innermost first), shared by every buffer of that shape.
  Value dims(const spec::Shape &shape);

  LogicalResult declareKernels();

  // The global holding constant |op|'s bytes, as a flat array of signless
  // elements so the translation can emit it directly.
  Value constantAddress(webnn::ConstantOp op);

  // The address of |value|'s memory inside the entry function.
  FailureOr<Value> address(Value value);

  void fillBuffer(Value buffer, Value host, Value value, Value dimsScratch);

  // ---- Sizes known at compute (graphs with open dimensions) ----

  // Evaluates every node of the shape program from |inputDims| (an i64
  // array: the inputs' dimensions, concatenated).
  void evaluateNodes(Value inputDims);

  Value dimValue(Value value, size_t d);

  // Element count of |value| at compute.
  Value elementCount(Value value);

  Value byteCount(Value value);

  // A halide_dimension_t array for |value| at compute, in |scratch|.
  Value runtimeDims(Value value, Value scratch);

  // Branches to a block returning webnnc_rt_shape_error(ctx, message,
  // actual, expected) when |failed| holds; continues in a new block.
  void failIf(Value failed, StringRef message, Value actual, Value expected,
              Value execContext, LLVM::LLVMFuncOp fn);

  // The arena buffers' values, sizes and live ranges, in buffer order.
  SmallVector<Value> arenaBuffers();

  // Places the arena buffers for the sizes at compute: fills offsets_ and
  // returns the arena's size.
  Value planArena();

  void declareRuntimeServices();

  // <model>_shapes(ctx, input_dims, output_dims, arena_size): checks the
  // sizes at compute against every rule, then reports the outputs'
  // dimensions and the arena the entry will need. Nothing else runs.
  LogicalResult buildShapes();

  LogicalResult buildEntry();

  // webnnc_operand_info_t[]: {name, data_type, rank, dims, max_dims,
  // dim_names}; the last two only for operands with open dimensions.
  LLVM::GlobalOp operandInfos(StringRef prefix, TypeRange types,
                              function_ref<StringAttr(unsigned)> nameOf,
                              bool isInput);

  // For an operand with open dimensions: each dimension's bound (0 for
  // none; static dimensions are their size) and name ("" if static or
  // unnamed). Outputs' open dimensions have no names or bounds.
  std::pair<std::vector<int64_t>, std::vector<std::string>>
  openDimInfo(unsigned index, const spec::Shape &shape, bool isInput);

  // A read-only array of pointers to the strings |texts|.
  LLVM::GlobalOp stringArrayGlobal(const std::vector<std::string> &texts);

  // webnnc_<model>_model: the exported webnnc_model_t.
  LogicalResult buildDescriptor();

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

} // namespace webnnc::glue

#endif // WEBNNC_CONVERSION_WEBNNTOLLVM_GLUEBUILDER_H_
