// SPDX-License-Identifier: Apache-2.0
// Conversions between MLIR types and the spec's operand descriptors.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNTYPES_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNTYPES_H_

#include <optional>

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "webnnc/Spec/Operand.h"

namespace mlir::webnn {

/// The MLIR element type of a WebNN data type (f32, f16, i32, ui32, ...).
Type getElementType(MLIRContext *context, webnnc::spec::DataType type);
/// The WebNN data type of an element type, if it is one.
std::optional<webnnc::spec::DataType> getDataType(Type elementType);
/// The descriptor of a ranked tensor of a WebNN data type.
std::optional<webnnc::spec::OperandDescriptor> getDescriptor(Type type);
/// The tensor type of a descriptor.
RankedTensorType getTensorType(MLIRContext *context,
                               const webnnc::spec::OperandDescriptor &desc);

/// Emits "'<opName>' op <operand>: <rule>" at |location| if given; returns
/// failure.
LogicalResult emitSpecError(std::optional<Location> location,
                            StringRef opName, const webnnc::spec::Error &error);

} // namespace mlir::webnn

#endif // WEBNNC_DIALECT_WEBNN_WEBNNTYPES_H_
