// SPDX-License-Identifier: Apache-2.0
// The webnn operations, attributes and enums.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNOPS_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNOPS_H_

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "webnnc/Spec/Ops.h"

#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNEnums.h.inc"

namespace mlir {
namespace OpTrait {
/// Marks webnn ops whose verifier and result-type inference come from
/// their specResult() function (see WebNN_SpecResult in WebNNOps.td).
template <typename ConcreteType>
class SpecResult : public TraitBase<ConcreteType, SpecResult> {};
} // namespace OpTrait

namespace webnn::OpTrait {
/// WebNN_Elementwise in WebNNOps.td; ask isElementwise(op).
template <typename ConcreteType>
class Elementwise : public mlir::OpTrait::TraitBase<ConcreteType, Elementwise> {
};
} // namespace webnn::OpTrait

namespace webnn::detail {
/// Appends the tensor type of |result|, or emits its error at |location|.
LogicalResult appendSpecResult(
    MLIRContext *context, std::optional<Location> location, StringRef opName,
    const webnnc::spec::Expected<webnnc::spec::OperandDescriptor> &result,
    SmallVectorImpl<Type> &types);
/// Emits |result|'s error on |op|, or checks that |op|'s result has the
/// type of |result|'s descriptor.
LogicalResult verifySpecResult(
    Operation *op,
    const webnnc::spec::Expected<webnnc::spec::OperandDescriptor> &result);
/// The same for ops with several results.
LogicalResult appendSpecResults(
    MLIRContext *context, std::optional<Location> location, StringRef opName,
    const webnnc::spec::Expected<std::vector<webnnc::spec::OperandDescriptor>>
        &results,
    SmallVectorImpl<Type> &types);
LogicalResult verifySpecResults(
    Operation *op,
    const webnnc::spec::Expected<std::vector<webnnc::spec::OperandDescriptor>>
        &results);
/// |value|'s descriptor, or an error naming |operand| if it is not a valid
/// WebNN operand.
webnnc::spec::Expected<webnnc::spec::OperandDescriptor>
operandDescriptor(Value value, StringRef operand);
} // namespace webnn::detail
} // namespace mlir

#define GET_ATTRDEF_CLASSES
#include "webnnc/Dialect/WebNN/WebNNAttrs.h.inc"

#define GET_OP_CLASSES
#include "webnnc/Dialect/WebNN/WebNNOps.h.inc"

namespace mlir::webnn {
/// Whether |op| is element-wise (the WebNN_Elementwise trait).
inline bool isElementwise(Operation *op) {
  return op->hasTrait<OpTrait::Elementwise>();
}
} // namespace mlir::webnn

#endif // WEBNNC_DIALECT_WEBNN_WEBNNOPS_H_
