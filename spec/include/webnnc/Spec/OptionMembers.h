// SPDX-License-Identifier: Apache-2.0
// OptionMembers<Options>::visit(visitor): each member of an options
// dictionary, from its one table in Options.h. Other layers write their
// bridges to the dictionaries once, as visitors:
//   visitor.value(OptionName, access, attribute)
//   visitor.operand(OptionName, access, operand)
// |access|(options) is the member of any instantiation of the dictionary
// (so one visit can copy between Conv2dOptionsT<Operand> and
// Conv2dOptionsT<OperandDescriptor>); |attribute|(op) and |operand|(op)
// call the member's ODS accessors on an op or adaptor. They are generic
// lambdas, instantiated only by visitors that call them, so this layer
// needs no MLIR.
#ifndef WEBNNC_SPEC_OPTIONMEMBERS_H_
#define WEBNNC_SPEC_OPTIONMEMBERS_H_

#include <string>

#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

struct OptionName {
  const char *member;   // the spec's member name: padding, inputLayout
  const char *accessor; // ODS's accessor stem: Padding, InputLayout

  // The attribute's name: ODS derives accessor InputLayout from attribute
  // input_layout.
  std::string attribute() const {
    std::string out;
    for (const char *c = accessor; *c; ++c) {
      if (*c >= 'A' && *c <= 'Z') {
        if (c != accessor)
          out += '_';
        out += char(*c - 'A' + 'a');
      } else {
        out += *c;
      }
    }
    return out;
  }
};

template <typename Options> struct OptionMembers;
// MLOperatorOptions: only the label.
template <> struct OptionMembers<OperatorOptions> {
  template <typename Visitor> static void visit(Visitor &&) {}
};

#define WEBNNC_VISIT_VALUE(type, member, default, accessor)                    \
  visitor.value(OptionName{#member, #accessor},                                \
                [](auto &options) -> auto & { return options.member; },        \
                [](auto &op) { return op.get##accessor##Attr(); });
#define WEBNNC_VISIT_OPERAND(member, accessor)                                 \
  visitor.operand(OptionName{#member, #accessor},                              \
                  [](auto &options) -> auto & { return options.member; },      \
                  [](auto &op) { return op.get##accessor(); });
#define WEBNNC_OPTION_MEMBERS_WITH_OPERANDS(Name, TABLE)                       \
  template <typename OperandT> struct OptionMembers<Name##T<OperandT>> {       \
    template <typename Visitor> static void visit(Visitor &&visitor) {         \
      TABLE(WEBNNC_VISIT_VALUE, WEBNNC_VISIT_OPERAND)                          \
    }                                                                          \
  };
#define WEBNNC_OPTION_MEMBERS(Name, TABLE)                                     \
  template <> struct OptionMembers<Name> {                                     \
    template <typename Visitor> static void visit(Visitor &&visitor) {         \
      TABLE(WEBNNC_VISIT_VALUE, WEBNNC_VISIT_OPERAND)                          \
    }                                                                          \
  };
WEBNNC_OPTIONS_WITH_OPERANDS(WEBNNC_OPTION_MEMBERS_WITH_OPERANDS)
WEBNNC_OPTIONS_WITHOUT_OPERANDS(WEBNNC_OPTION_MEMBERS)
#undef WEBNNC_OPTION_MEMBERS_WITH_OPERANDS
#undef WEBNNC_OPTION_MEMBERS
#undef WEBNNC_VISIT_VALUE
#undef WEBNNC_VISIT_OPERAND

namespace detail {
template <typename To, typename From, typename Convert> struct OperandConverter {
  const From &from;
  To &to;
  Convert &convert;
  template <typename Access, typename Attribute>
  void value(OptionName, Access access, Attribute) {
    access(to) = access(from);
  }
  template <typename Access, typename Operand>
  void operand(OptionName, Access access, Operand) {
    if (access(from))
      access(to) = convert(*access(from));
  }
};
} // namespace detail

// |from| with each operand member mapped through |convert| (an Operand
// handle to its descriptor, say) and every other member copied.
template <typename To, typename From, typename Convert>
To convertOperands(const From &from, Convert &&convert) {
  To to;
  detail::OperandConverter<To, From, Convert> converter{from, to, convert};
  OptionMembers<From>::visit(converter);
  to.label = from.label;
  return to;
}

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_OPTIONMEMBERS_H_
