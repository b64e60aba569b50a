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
  // Checks each operand member of an options dictionary.
  template <typename Options> bool checkOptions(const Options &options);
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
  // The operand members of an options dictionary, in the dictionary's
  // order (which is the ODS operand order).
  template <typename Options> OperandList &addOptions(const Options &options);
  mlir::ValueRange values() const { return values_; }
  llvm::ArrayRef<int32_t> segments() const { return segments_; }

private:
  const GraphBuilder::Impl &impl_;
  llvm::SmallVector<mlir::Value> values_;
  llvm::SmallVector<int32_t> segments_;
};

// An op's attributes by ODS name. Options at their spec default are left
// out, so the IR shows only what the caller set.
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
  AttrList &array(llvm::StringRef name, llvm::ArrayRef<int64_t> values) {
    return add(name, b_.getDenseI64ArrayAttr(values));
  }
  // Each value member of |options| not at its default, as the attribute
  // of Op the member's table row names.
  template <typename Op, typename Options>
  AttrList &options(const Options &options);

  // An options member's value as the attribute type |Attr| Op holds it in.
  mlir::Attribute make(const std::vector<int64_t> &values) {
    return b_.getDenseI64ArrayAttr(values);
  }
  mlir::Attribute make(const std::optional<std::vector<int64_t>> &values) {
    return b_.getDenseI64ArrayAttr(*values);
  }
  mlir::Attribute make(const std::vector<double> &values) {
    return b_.getDenseF64ArrayAttr(values);
  }
  mlir::Attribute make(int64_t value) { return b_.getI64IntegerAttr(value); }
  mlir::Attribute make(double value) { return b_.getF64FloatAttr(value); }
  mlir::Attribute make(const std::optional<double> &value) {
    return b_.getF64FloatAttr(*value);
  }
  mlir::Attribute make(bool value) { return b_.getBoolAttr(value); }
  mlir::Attribute
  make(const std::vector<spec::RecurrentNetworkActivation> &values);
  // A spec enum, as the dialect's enum attribute |EnumAttr|.
  template <typename EnumAttr, typename SpecEnum>
  mlir::Attribute makeEnum(SpecEnum value) {
    using DialectEnum = decltype(std::declval<EnumAttr>().getValue());
    return EnumAttr::get(b_.getContext(),
                         mlir::webnn::enumCast<DialectEnum>(value));
  }

  AttrList &segments(const OperandList &operands) {
    return add("operandSegmentSizes",
               b_.getDenseI32ArrayAttr(operands.segments()));
  }

  operator llvm::ArrayRef<mlir::NamedAttribute>() const { return attrs_; }

private:
  mlir::Builder &b_;
  llvm::SmallVector<mlir::NamedAttribute> attrs_;
};

namespace detail {
// Visitors of an options dictionary's members (spec/OptionMembers.h).
template <typename Op, typename Options> struct AttrWriter {
  AttrList &attrs;
  const Options &options;
  template <typename Access, typename Attribute>
  void value(spec::OptionName name, Access access, Attribute) {
    static const Options defaults{};
    const auto &value = access(options);
    if (value == access(defaults))
      return;
    using Attr = std::invoke_result_t<Attribute, Op &>;
    std::string attribute = name.attribute();
    assert(llvm::is_contained(Op::getAttributeNames(), attribute) &&
           "an options table row names an attribute the op lacks");
    if constexpr (std::is_enum_v<std::remove_cvref_t<decltype(value)>>)
      attrs.add(attribute, attrs.makeEnum<Attr>(value));
    else
      attrs.add(attribute, attrs.make(value));
  }
  template <typename Access, typename Operand>
  void operand(spec::OptionName, Access, Operand) {}
};
template <typename Visit> struct OperandVisitor {
  Visit visit;
  template <typename Access, typename Attribute>
  void value(spec::OptionName, Access, Attribute) {}
  template <typename Access, typename Operand>
  void operand(spec::OptionName name, Access access, Operand) {
    visit(name.member, access);
  }
};
template <typename Visit> OperandVisitor(Visit) -> OperandVisitor<Visit>;
} // namespace detail

template <typename Op, typename Options>
AttrList &AttrList::options(const Options &options) {
  spec::OptionMembers<Options>::visit(
      detail::AttrWriter<Op, Options>{*this, options});
  return *this;
}

template <typename Options>
OperandList &OperandList::addOptions(const Options &options) {
  spec::OptionMembers<Options>::visit(detail::OperandVisitor{
      [&](const char *, auto access) { add(access(options)); }});
  return *this;
}

template <typename Options> bool OpCall::checkOptions(const Options &options) {
  bool ok = true;
  spec::OptionMembers<Options>::visit(
      detail::OperandVisitor{[&](const char *name, auto access) {
        ok = ok && check(name, access(options));
      }});
  return ok;
}

// The spec's form of an options dictionary with operand members: each
// Operand replaced by its descriptor.
template <template <typename> class Dictionary>
Dictionary<OperandDescriptor> toSpec(const Dictionary<Operand> &options) {
  return spec::convertOperands<Dictionary<OperandDescriptor>>(
      options, [](const Operand &operand) { return operand.descriptor(); });
}

template <typename Options> const Options &toSpec(const Options &options) {
  return options;
}

// A required operand with the name errors give it.
struct OperandArgument {
  const char *name;
  const Operand &operand;
};

// The common builder method: checks |inputs| and the options' operands,
// applies |rule| (the spec's output rule, given the spec form of the
// options), and creates Op from the inputs, the options' operands, the
// options' attributes and any |extraAttrs|. Ops with several results
// (the rule gives a list) return |failedResults| failed operands on error.
template <typename Op, typename Options, typename Rule>
auto buildOp(GraphBuilder::Impl &impl, const GraphBuilder *owner,
             std::string name, std::initializer_list<OperandArgument> inputs,
             const Options &options, Rule rule,
             llvm::function_ref<void(AttrList &)> extraAttrs = nullptr,
             size_t failedResults = 1) {
  OpCall call(impl, owner, std::move(name), options.label);
  using Descriptors = std::remove_cvref_t<decltype(*rule(toSpec(options)))>;
  constexpr bool single = std::is_same_v<Descriptors, OperandDescriptor>;
  auto failed = [&] {
    if constexpr (single)
      return call.failed();
    else
      return call.failedMany(failedResults);
  };
  for (const OperandArgument &input : inputs)
    if (!call.check(input.name, input.operand))
      return failed();
  if (!call.checkOptions(options))
    return failed();
  auto result = rule(toSpec(options));
  if (!result) {
    call.fail(result.error());
    return failed();
  }
  OperandList operands(impl);
  for (const OperandArgument &input : inputs)
    operands.add(input.operand);
  operands.addOptions(options);
  AttrList attrs(call.builder());
  attrs.options<Op>(options);
  if (extraAttrs)
    extraAttrs(attrs);
  if constexpr (Op::template hasTrait<mlir::OpTrait::AttrSizedOperandSegments>())
    attrs.segments(operands);
  return call.create<Op>(*result, operands.values(), attrs);
}

} // namespace webnnc

#endif // WEBNNC_FRONTEND_GRAPHBUILDER_BUILDERIMPL_H_
