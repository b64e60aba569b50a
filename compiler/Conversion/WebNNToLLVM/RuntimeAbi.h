// SPDX-License-Identifier: Apache-2.0
// The runtime's structs the glue builds (runtime/include/webnnc/runtime/
// model.h), as field tables (webnnc/KernelSpec/AbiLayout.h) the build
// checks against the C definitions: a changed header fails here.
#ifndef WEBNNC_CONVERSION_WEBNNTOLLVM_RUNTIMEABI_H_
#define WEBNNC_CONVERSION_WEBNNTOLLVM_RUNTIMEABI_H_

#include <cstddef>

#include "webnnc/KernelSpec/AbiLayout.h"
#include "webnnc/Spec/Operand.h"
#include "webnnc/runtime/model.h"

namespace webnnc::abi {

// webnnc_operand_info_t.
struct OperandInfo {
  enum Field : int32_t { Name, DataType, Rank, Dims, MaxDims, DimNames };
  static constexpr StructLayout<6> kLayout{{Scalar::Ptr, Scalar::I32,
                                            Scalar::I32, Scalar::Ptr,
                                            Scalar::Ptr, Scalar::Ptr}};
};

// webnnc_model_t.
struct Model {
  enum Field : int32_t {
    AbiVersion,
    NumInputs,
    NumOutputs,
    Reserved,
    Name,
    Inputs,
    Outputs,
    ArenaSize,
    ArenaAlignment,
    Entry,
    Shapes,
  };
  static constexpr StructLayout<11> kLayout{
      {Scalar::I32, Scalar::I32, Scalar::I32, Scalar::I32, Scalar::Ptr,
       Scalar::Ptr, Scalar::Ptr, Scalar::I64, Scalar::I64, Scalar::Ptr,
       Scalar::Ptr}};
};

static_assert(OperandInfo::kLayout.size() == sizeof(webnnc_operand_info_t));
WEBNNC_CHECK_ABI_FIELD(OperandInfo, webnnc_operand_info_t, name, Name);
WEBNNC_CHECK_ABI_FIELD(OperandInfo, webnnc_operand_info_t, data_type, DataType);
WEBNNC_CHECK_ABI_FIELD(OperandInfo, webnnc_operand_info_t, rank, Rank);
WEBNNC_CHECK_ABI_FIELD(OperandInfo, webnnc_operand_info_t, dims, Dims);
WEBNNC_CHECK_ABI_FIELD(OperandInfo, webnnc_operand_info_t, max_dims, MaxDims);
WEBNNC_CHECK_ABI_FIELD(OperandInfo, webnnc_operand_info_t, dim_names, DimNames);
static_assert(sizeof(webnnc_data_type_t) == 4);

static_assert(Model::kLayout.size() == sizeof(webnnc_model_t));
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, abi_version, AbiVersion);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, num_inputs, NumInputs);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, num_outputs, NumOutputs);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, reserved, Reserved);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, name, Name);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, inputs, Inputs);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, outputs, Outputs);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, arena_size, ArenaSize);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, arena_alignment, ArenaAlignment);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, entry, Entry);
WEBNNC_CHECK_ABI_FIELD(Model, webnnc_model_t, shapes, Shapes);

// The glue writes spec::DataType values as webnnc_data_type_t.
#define WEBNNC_CHECK_DATA_TYPE(Spec, C)                                        \
  static_assert(int(spec::DataType::Spec) == WEBNNC_DATA_TYPE_##C)
WEBNNC_CHECK_DATA_TYPE(Float32, FLOAT32);
WEBNNC_CHECK_DATA_TYPE(Float16, FLOAT16);
WEBNNC_CHECK_DATA_TYPE(Int32, INT32);
WEBNNC_CHECK_DATA_TYPE(Uint32, UINT32);
WEBNNC_CHECK_DATA_TYPE(Int64, INT64);
WEBNNC_CHECK_DATA_TYPE(Uint64, UINT64);
WEBNNC_CHECK_DATA_TYPE(Int8, INT8);
WEBNNC_CHECK_DATA_TYPE(Uint8, UINT8);
WEBNNC_CHECK_DATA_TYPE(Int4, INT4);
WEBNNC_CHECK_DATA_TYPE(Uint4, UINT4);
#undef WEBNNC_CHECK_DATA_TYPE

} // namespace webnnc::abi

#endif // WEBNNC_CONVERSION_WEBNNTOLLVM_RUNTIMEABI_H_
