// SPDX-License-Identifier: Apache-2.0
// Reading the constant scale and zero point of quantizeLinear and
// dequantizeLinear (private to the quantization passes).
#ifndef WEBNNC_TRANSFORMS_QUANTIZATIONPARAMS_H_
#define WEBNNC_TRANSFORMS_QUANTIZATIONPARAMS_H_

#include <optional>

#include "mlir/IR/Value.h"
#include "webnnc/Spec/Operand.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc::quantization {

// |value| computed at compile time: a constant, or a few ops over
// constants (a reshape of a scalar, a cast), through the reference
// evaluator; nullopt if it depends on an input or has more than
// |maxElements| elements.
std::optional<HostTensor> constantValue(mlir::Value value,
                                        int64_t maxElements = 1 << 16);

// One scale and one zero point for every element (a scalar, or a tensor
// of equal elements); |zeroType| is the quantized data type.
struct PerTensor {
  float scale = 1;
  int64_t zeroPoint = 0;
  spec::DataType zeroType = spec::DataType::Uint8;
};

// The op's parameters if they are per-tensor float32 scales of an 8-bit
// type, the forms the integer and element-wise lowerings handle.
std::optional<PerTensor> perTensor(mlir::Value scale, mlir::Value zeroPoint);

// The quantized type's range.
int64_t lowest(spec::DataType type);
int64_t highest(spec::DataType type);

} // namespace webnnc::quantization

#endif // WEBNNC_TRANSFORMS_QUANTIZATIONPARAMS_H_
