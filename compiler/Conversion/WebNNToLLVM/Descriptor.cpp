// SPDX-License-Identifier: Apache-2.0
// The exported webnnc_<model>_model descriptor and its operand tables.
#include "GlueBuilder.h"

#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

namespace webnnc::glue {

// webnnc_operand_info_t[]: {name, data_type, rank, dims, max_dims,
// dim_names}; the last two only for operands with open dimensions.
LLVM::GlobalOp
GlueBuilder::operandInfos(StringRef prefix, TypeRange types,
                          function_ref<StringAttr(unsigned)> nameOf,
                          bool isInput) {
  auto infoType = LLVM::LLVMStructType::getLiteral(
      ctx_, {ptr_, i32_, i32_, ptr_, ptr_, ptr_});
  SmallVector<LLVM::GlobalOp> names, dimArrays, maxArrays, dimNameArrays;
  for (auto [i, type] : llvm::enumerate(types)) {
    names.push_back(stringGlobal(nameOf(i).getValue()));
    auto desc = *webnn::getDescriptor(type);
    dimArrays.push_back(
        desc.shape.empty()
            ? LLVM::GlobalOp()
            : intArrayGlobal("__webnn_shape", desc.shape, b_.getI64Type()));
    LLVM::GlobalOp maxArray, nameArray;
    if (spec::hasOpenDims(desc.shape)) {
      auto [maxDims, dimNames] = openDimInfo(unsigned(i), desc.shape, isInput);
      maxArray = intArrayGlobal("__webnn_max_dims", maxDims, b_.getI64Type());
      nameArray = stringArrayGlobal(dimNames);
    }
    maxArrays.push_back(maxArray);
    dimNameArrays.push_back(nameArray);
  }
  auto arrayType =
      LLVM::LLVMArrayType::get(infoType, std::max<size_t>(1, types.size()));
  LLVM::GlobalOp g = global((prefix + model_).str(), arrayType, Attribute());
  OpBuilder::InsertionGuard guard(b_);
  b_.setInsertionPointToStart(b_.createBlock(&g.getInitializerRegion()));
  Value array = LLVM::UndefOp::create(b_, loc_, arrayType);
  for (auto [i, type] : llvm::enumerate(types)) {
    auto desc = *webnn::getDescriptor(type);
    // A four-bit operand computed widened keeps its type at the API; the
    // runtime unpacks and packs it around the entry.
    StringAttr abiType =
        isInput
            ? graph_.getArgAttrOfType<StringAttr>(unsigned(i), kAbiDataTypeAttr)
            : graph_.getResultAttrOfType<StringAttr>(unsigned(i),
                                                     kAbiDataTypeAttr);
    if (abiType)
      desc.dataType = *spec::parseDataType(abiType.getValue());
    Value info = LLVM::UndefOp::create(b_, loc_, infoType);
    Value namePtr = LLVM::AddressOfOp::create(b_, loc_, names[i]);
    info = LLVM::InsertValueOp::create(
        b_, loc_, info, namePtr, ArrayRef<int64_t>{abi::OperandInfo::Name});
    info = LLVM::InsertValueOp::create(
        b_, loc_, info, constI32(int64_t(desc.dataType)),
        ArrayRef<int64_t>{abi::OperandInfo::DataType});
    info = LLVM::InsertValueOp::create(
        b_, loc_, info, constI32(int64_t(desc.shape.size())),
        ArrayRef<int64_t>{abi::OperandInfo::Rank});
    Value dimsPtr =
        dimArrays[i] ? Value(LLVM::AddressOfOp::create(b_, loc_, dimArrays[i]))
                     : Value(LLVM::ZeroOp::create(b_, loc_, ptr_));
    info = LLVM::InsertValueOp::create(
        b_, loc_, info, dimsPtr, ArrayRef<int64_t>{abi::OperandInfo::Dims});
    auto addressOrNull = [&](LLVM::GlobalOp g) {
      return g ? Value(LLVM::AddressOfOp::create(b_, loc_, g))
               : Value(LLVM::ZeroOp::create(b_, loc_, ptr_));
    };
    info = LLVM::InsertValueOp::create(
        b_, loc_, info, addressOrNull(maxArrays[i]),
        ArrayRef<int64_t>{abi::OperandInfo::MaxDims});
    info = LLVM::InsertValueOp::create(
        b_, loc_, info, addressOrNull(dimNameArrays[i]),
        ArrayRef<int64_t>{abi::OperandInfo::DimNames});
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
GlueBuilder::openDimInfo(unsigned index, const spec::Shape &shape,
                         bool isInput) {
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

// webnnc_<model>_model: the exported webnnc_model_t.
LogicalResult GlueBuilder::buildDescriptor() {
  auto argName = [&](unsigned i) {
    return graph_.getArgAttrOfType<StringAttr>(i,
                                               webnn::WebNNDialect::kNameAttr);
  };
  auto resultName = [&](unsigned i) {
    return graph_.getResultAttrOfType<StringAttr>(
        i, webnn::WebNNDialect::kNameAttr);
  };
  for (unsigned i = 0; i < graph_.getNumArguments(); ++i)
    if (!argName(i))
      return graph_.emitError() << "input #" << i << " has no name";
  for (unsigned i = 0; i < graph_.getNumResults(); ++i)
    if (!resultName(i))
      return graph_.emitError() << "output #" << i << " has no name";
  LLVM::GlobalOp inputs =
      operandInfos("__webnn_inputs_", graph_.getArgumentTypes(), argName, true);
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
  insert(constI32(WEBNNC_MODEL_ABI_VERSION), abi::Model::AbiVersion);
  insert(constI32(graph_.getNumArguments()), abi::Model::NumInputs);
  insert(constI32(graph_.getNumResults()), abi::Model::NumOutputs);
  insert(constI32(0), abi::Model::Reserved);
  insert(LLVM::AddressOfOp::create(b_, loc_, name), abi::Model::Name);
  insert(graph_.getNumArguments()
             ? Value(LLVM::AddressOfOp::create(b_, loc_, inputs))
             : null,
         5);
  insert(LLVM::AddressOfOp::create(b_, loc_, outputs), abi::Model::Outputs);
  insert(constI64(arenaSize.getInt()), abi::Model::ArenaSize);
  insert(constI64(kArenaAlignment), abi::Model::ArenaAlignment);
  insert(LLVM::AddressOfOp::create(b_, loc_, entry_), abi::Model::Entry);
  insert(shapes_ ? Value(LLVM::AddressOfOp::create(b_, loc_, shapes_)) : null,
         10);
  LLVM::ReturnOp::create(b_, loc_, desc);
  return success();
}

} // namespace webnnc::glue
