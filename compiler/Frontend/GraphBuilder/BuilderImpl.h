// SPDX-License-Identifier: Apache-2.0
// GraphBuilder's state and the steps every builder method shares: checking
// operands, reporting errors, creating the op (private to the frontend).
#ifndef WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_
#define WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
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
  mlir::Value valueOrNull(const std::optional<Operand> &operand) const {
    return operand ? value(*operand) : mlir::Value();
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
  OpCall(GraphBuilder::Impl &impl, const GraphBuilder *owner, std::string op,
         std::string label)
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

  // |count| results of a failed call (at least one).
  std::vector<Operand> failedMany(size_t count) const {
    return std::vector<Operand>(std::max<size_t>(count, 1), failed());
  }

  // Creates the op with result |desc|, |operands| and |attrs| (attribute
  // names as in the ODS definition).
  template <typename Op>
  Operand create(const OperandDescriptor &desc, mlir::ValueRange operands,
                 llvm::ArrayRef<mlir::NamedAttribute> attrs = {}) {
    auto op =
        Op::create(builder(), loc(), mlir::TypeRange{impl_.tensorType(desc)},
                   operands, attrs);
    return result(op->getResult(0), desc);
  }
  template <typename Op>
  std::vector<Operand> create(const std::vector<OperandDescriptor> &descs,
                              mlir::ValueRange operands,
                              llvm::ArrayRef<mlir::NamedAttribute> attrs = {}) {
    llvm::SmallVector<mlir::Type> types;
    for (const OperandDescriptor &desc : descs)
      types.push_back(impl_.tensorType(desc));
    auto op = Op::create(builder(), loc(), types, operands, attrs);
    std::vector<Operand> results;
    for (size_t i = 0; i < descs.size(); ++i)
      results.push_back(result(op->getResult(i), descs[i]));
    return results;
  }

private:
  GraphBuilder::Impl &impl_;
  const GraphBuilder *owner_;
  std::string op_;
  std::string label_;
  std::shared_ptr<const BuildError> error_;
};

// An op's operand values in order, with the segment sizes ops with several
// optional operands need (AttrSizedOperandSegments).
class OperandList {
public:
  explicit OperandList(const GraphBuilder::Impl &impl) : impl_(impl) {}
  OperandList &add(const Operand &operand) {
    values_.push_back(impl_.value(operand));
    segments_.push_back(1);
    return *this;
  }
  OperandList &add(const std::optional<Operand> &operand) {
    if (operand)
      values_.push_back(impl_.value(*operand));
    segments_.push_back(operand ? 1 : 0);
    return *this;
  }
  mlir::ValueRange values() const { return values_; }
  llvm::ArrayRef<int32_t> segments() const { return segments_; }

private:
  const GraphBuilder::Impl &impl_;
  llvm::SmallVector<mlir::Value> values_;
  llvm::SmallVector<int32_t> segments_;
};

// An op's attributes by ODS name. Options at their spec default are left
// out, so the IR shows only what the caller set.
// The options struct type of an options value (for member pointers).
template <typename T> using OptionsOf = std::remove_cvref_t<T>;

class AttrList {
public:
  explicit AttrList(mlir::Builder &builder) : b_(builder) {}

  AttrList &add(llvm::StringRef name, mlir::Attribute value) {
    if (value)
      attrs_.push_back(b_.getNamedAttr(name, value));
    return *this;
  }
  AttrList &i64(llvm::StringRef name, int64_t value) {
    return add(name, b_.getI64IntegerAttr(value));
  }
  AttrList &i64(llvm::StringRef name, int64_t value, int64_t fallback) {
    return value == fallback ? *this : i64(name, value);
  }
  AttrList &f64(llvm::StringRef name, double value, double fallback) {
    return value == fallback ? *this : add(name, b_.getF64FloatAttr(value));
  }
  AttrList &boolean(llvm::StringRef name, bool value, bool fallback) {
    return value == fallback ? *this : add(name, b_.getBoolAttr(value));
  }
  AttrList &array(llvm::StringRef name, llvm::ArrayRef<int64_t> values) {
    return add(name, b_.getDenseI64ArrayAttr(values));
  }
  // A list option: absent when empty ("not given").
  AttrList &optionalArray(llvm::StringRef name,
                          const std::vector<int64_t> &values) {
    return values.empty() ? *this : array(name, values);
  }
  // A list option where empty and absent differ.
  AttrList &optionalArray(llvm::StringRef name,
                          const std::optional<std::vector<int64_t>> &values) {
    return values ? array(name, *values) : *this;
  }
  AttrList &f64Array(llvm::StringRef name, const std::vector<double> &values) {
    return values.empty() ? *this : add(name, b_.getDenseF64ArrayAttr(values));
  }
  // Option |member| of |options| as attribute |name|, left out when it
  // holds the options struct's own default (declared once, in
  // webnnc/Spec/Options.h). Enums name their dialect attribute.
  template <typename Options, typename T>
  AttrList &option(llvm::StringRef name, const Options &options,
                   T Options::*member) {
    static const Options defaults{};
    if constexpr (std::is_same_v<T, int64_t>)
      return i64(name, options.*member, defaults.*member);
    else if constexpr (std::is_same_v<T, double>)
      return f64(name, options.*member, defaults.*member);
    else
      return boolean(name, options.*member, defaults.*member);
  }
  template <typename EnumAttr, typename Options, typename SpecEnum>
  AttrList &option(llvm::StringRef name, const Options &options,
                   SpecEnum Options::*member) {
    static const Options defaults{};
    return enumeration<EnumAttr>(name, options.*member, defaults.*member);
  }
  // A spec enum option, as the dialect's enum attribute |EnumAttr|.
  template <typename EnumAttr, typename SpecEnum>
  AttrList &enumeration(llvm::StringRef name, SpecEnum value,
                        SpecEnum fallback) {
    if (value == fallback)
      return *this;
    using DialectEnum = decltype(std::declval<EnumAttr>().getValue());
    return add(name, EnumAttr::get(b_.getContext(),
                                   mlir::webnn::enumCast<DialectEnum>(value)));
  }
  AttrList &
  activations(const std::vector<spec::RecurrentNetworkActivation> &values);
  AttrList &segments(const OperandList &operands) {
    return add("operandSegmentSizes",
               b_.getDenseI32ArrayAttr(operands.segments()));
  }

  operator llvm::ArrayRef<mlir::NamedAttribute>() const { return attrs_; }

private:
  mlir::Builder &b_;
  llvm::SmallVector<mlir::NamedAttribute> attrs_;
};

// The descriptor of an optional operand option.
inline std::optional<OperandDescriptor>
descriptorOf(const std::optional<Operand> &operand) {
  if (!operand)
    return std::nullopt;
  return operand->descriptor();
}

} // namespace webnnc

#endif // WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_
