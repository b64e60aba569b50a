// SPDX-License-Identifier: Apache-2.0
// GraphBuilder's state and the steps every builder method shares: checking
// operands, reporting errors, creating the op (private to the frontend).
#ifndef WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_
#define WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc {

struct GraphBuilder::Impl {
  Impl();

  std::unique_ptr<mlir::MLIRContext> context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::func::FuncOp func;
  mlir::OpBuilder builder;
  std::vector<mlir::Value> values; // indexed by Operand::id_
  std::vector<std::string> inputNames;
  bool built = false;

  mlir::Value value(const Operand &operand) const {
    return values[operand.id_];
  }
  Operand makeOperand(mlir::Value value, const OperandDescriptor &desc);
  mlir::RankedTensorType tensorType(const OperandDescriptor &desc) {
    return mlir::webnn::getTensorType(context.get(), desc);
  }
  mlir::DenseI64ArrayAttr optionalArray(const std::vector<int64_t> &values) {
    return values.empty() ? mlir::DenseI64ArrayAttr()
                          : builder.getDenseI64ArrayAttr(values);
  }
};

// One builder method call: checks its operands, reports its errors and
// names its op's location after the label.
class OpCall {
public:
  OpCall(GraphBuilder::Impl &impl, const GraphBuilder *owner,
         std::string op, std::string label)
      : impl_(impl), owner_(owner), op_(std::move(op)),
        label_(std::move(label)) {}

  // Records an error if |operand| cannot be used here; returns whether it
  // can. The first error wins.
  bool check(const char *name, const Operand &operand);
  bool check(const char *name, const std::optional<Operand> &operand) {
    return !operand || check(name, *operand);
  }
  bool ok() const { return !error_; }

  // The result of a failed call.
  Operand failed() const;
  Operand fail(const spec::Error &error);
  Operand fail(std::string operand, std::string rule) {
    return fail(spec::Error{std::move(operand), std::move(rule)});
  }

  mlir::Location loc() const;
  mlir::OpBuilder &builder() { return impl_.builder; }
  Operand result(mlir::Value value, const OperandDescriptor &desc) {
    return impl_.makeOperand(value, desc);
  }

private:
  GraphBuilder::Impl &impl_;
  const GraphBuilder *owner_;
  std::string op_;
  std::string label_;
  std::shared_ptr<const BuildError> error_;
};

} // namespace webnnc

#endif // WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_
