// SPDX-License-Identifier: Apache-2.0
// Reads an op's attributes as the spec's options struct, so the verifier,
// the reference evaluator, the decompositions and kernel generation
// interpret them one way: optionsOf<spec::XOptions>(op or adaptor). It
// reads the raw attributes: while a builder infers the result type,
// default-valued attributes are not yet filled in, so each absent
// attribute leaves the options struct's (the spec's) default.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_

#include <type_traits>
#include <vector>

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Spec/OptionMembers.h"
#include "webnnc/Spec/Ops.h"

namespace mlir::webnn {

namespace spec = ::webnnc::spec;

// The dialect's enums list their cases in the spec's order (and
// OperandDataType uses DataType's values), so conversion is a cast.
template <typename To, typename From> To enumCast(From value) {
  static_assert(std::is_enum_v<To> && std::is_enum_v<From>);
  return static_cast<To>(static_cast<std::underlying_type_t<From>>(value));
}

// One attribute into an options member of the matching type; an absent
// attribute leaves the member's default.
inline void readAttr(DenseI64ArrayAttr attr, std::vector<int64_t> &out) {
  if (attr)
    out.assign(attr.asArrayRef().begin(), attr.asArrayRef().end());
}
inline void readAttr(DenseI64ArrayAttr attr,
                     std::optional<std::vector<int64_t>> &out) {
  if (attr)
    out.emplace(attr.asArrayRef().begin(), attr.asArrayRef().end());
}
inline void readAttr(DenseF64ArrayAttr attr, std::vector<double> &out) {
  if (attr)
    out.assign(attr.asArrayRef().begin(), attr.asArrayRef().end());
}
inline void readAttr(IntegerAttr attr, int64_t &out) {
  if (attr)
    out = attr.getInt();
}
inline void readAttr(FloatAttr attr, double &out) {
  if (attr)
    out = attr.getValueAsDouble();
}
inline void readAttr(FloatAttr attr, std::optional<double> &out) {
  if (attr)
    out = attr.getValueAsDouble();
}
inline void readAttr(BoolAttr attr, bool &out) {
  if (attr)
    out = attr.getValue();
}
inline void readAttr(ArrayAttr attr,
                     std::vector<spec::RecurrentNetworkActivation> &out) {
  if (attr)
    for (Attribute a : attr)
      if (auto activation = dyn_cast<RecurrentNetworkActivationAttr>(a))
        out.push_back(
            enumCast<spec::RecurrentNetworkActivation>(activation.getValue()));
}
// An enum attribute (the dialect's enums list the spec's cases in order).
template <typename EnumAttr, typename SpecEnum,
          typename = std::enable_if_t<std::is_enum_v<SpecEnum>>>
void readAttr(EnumAttr attr, SpecEnum &out) {
  if (attr)
    out = enumCast<SpecEnum>(attr.getValue());
}

inline std::optional<spec::OperandDescriptor> descriptorOf(Value value) {
  if (!value)
    return std::nullopt;
  return getDescriptor(value.getType());
}

namespace detail {
template <typename Options, typename OpOrAdaptor> struct OptionsReader {
  OpOrAdaptor &op;
  Options &options;
  template <typename Access, typename Attribute>
  void value(spec::OptionName, Access access, Attribute attribute) {
    readAttr(attribute(op), access(options));
  }
  template <typename Access, typename Operand>
  void operand(spec::OptionName, Access access, Operand operand) {
    access(options) = descriptorOf(operand(op));
  }
};
} // namespace detail

// The spec's options dictionary |Options| (spec::Conv2dOptions, ...) of
// an op or adaptor, member by member from the dictionary's table.
template <typename Options, typename OpOrAdaptor>
Options optionsOf(OpOrAdaptor op) {
  Options options;
  detail::OptionsReader<Options, OpOrAdaptor> reader{op, options};
  spec::OptionMembers<Options>::visit(reader);
  return options;
}

} // namespace mlir::webnn

#endif // WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_
