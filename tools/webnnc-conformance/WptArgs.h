// SPDX-License-Identifier: Apache-2.0
// One WPT operator call's arguments and options, as WptGraph.cpp's
// handlers read them.
#ifndef WEBNNC_TOOLS_CONFORMANCE_WPTARGS_H_
#define WEBNNC_TOOLS_CONFORMANCE_WPTARGS_H_

#include <map>
#include <set>
#include <string>

#include "WptCase.h"
#include "WptSignatures.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Spec/OptionMembers.h"
#include "llvm/Support/JSON.h"

namespace webnnc::wpt {
namespace json = llvm::json;

using Operands = std::map<std::string, Operand>;

// One operator call's arguments and options: a missing or malformed
// argument records the first error and yields a default. Arguments bind by
// position (WptSignatures.h); the options dictionary is the argument keyed
// `options`, or an object after the last positional parameter.
class Args {
public:
  Args(const Operator &op, const Operands &operands)
      : op_(op), operands_(operands), parameters_(parametersOf(op.name)) {
    for (const auto &[key, value] : op.arguments) {
      bool afterParameters =
          parameters_ && positional_.size() >= parameters_->size();
      if (key == "options" || (afterParameters && value->getAsObject()))
        options_ = value->getAsObject();
      else
        positional_.push_back({key, value});
    }
    if (parameters_ && positional_.size() > parameters_->size())
      fail(positional_.back().first.c_str(),
           "is an argument " + op.name + " does not take (it takes " +
               std::to_string(parameters_->size()) + " before its options)");
  }

  std::string error;

  // After the call: an option the handler did not read is not one the
  // runner knows, and ignoring it could turn a renamed option into a wrong
  // answer.
  void checkOptionsRead() {
    if (!options_)
      return;
    for (const auto &[key, value] : *options_)
      if (!read_.count(key.str()))
        fail(key.str().c_str(), "is not an option of " + op_.name);
  }

  bool has(const char *key) const { return argument(key) != nullptr; }
  bool hasOption(const char *key) {
    read_.insert(key);
    return options_ && options_->get(key);
  }

  Operand operand(const char *key) { return operandNamed(argument(key), key); }
  std::vector<Operand> operandList(const char *key) {
    std::vector<Operand> out;
    const json::Value *v = argument(key);
    if (!v || !v->getAsArray())
      return fail(key, "must be a list of operand names"), out;
    for (const json::Value &name : *v->getAsArray())
      out.push_back(operandNamed(&name, key));
    return out;
  }
  std::vector<int64_t> ints(const char *key) {
    return intsOf(argument(key), key);
  }
  int64_t integer(const char *key) {
    const json::Value *v = argument(key);
    if (!v || !v->getAsInteger())
      return fail(key, "must be an integer"), 0;
    return *v->getAsInteger();
  }
  const json::Value *raw(const char *key) { return argument(key); }
  std::string string(const char *key) {
    const json::Value *v = argument(key);
    if (!v || !v->getAsString())
      return fail(key, "must be a string"), "";
    return v->getAsString()->str();
  }

  // Options.
  std::vector<int64_t> optInts(const char *key) {
    return hasOption(key) ? intsOf(options_->get(key), key)
                          : std::vector<int64_t>{};
  }
  std::optional<std::vector<int64_t>> optIntList(const char *key) {
    if (!hasOption(key))
      return std::nullopt;
    return intsOf(options_->get(key), key);
  }
  std::vector<double> optNumbers(const char *key) {
    std::vector<double> out;
    if (!hasOption(key))
      return out;
    const json::Array *a = options_->getArray(key);
    if (!a)
      return fail(key, "must be a list"), out;
    for (const json::Value &v : *a)
      out.push_back(v.getAsNumber().value_or(0));
    return out;
  }
  // An MLNumber: a number, or a JavaScript BigInt written "123n" (held as
  // a double, exact up to 2^53).
  double optNumber(const char *key, double fallback) {
    if (!hasOption(key))
      return fallback;
    const json::Value *v = options_->get(key);
    if (auto n = v->getAsNumber())
      return *n;
    if (auto text = v->getAsString()) {
      std::string digits = text->str();
      if (!digits.empty() && digits.back() == 'n') {
        digits.pop_back();
        char *end = nullptr;
        long double value = std::strtold(digits.c_str(), &end);
        if (end && !*end && !digits.empty())
          return double(value);
      }
    }
    return fail(key, "must be a number"), fallback;
  }
  int64_t optInteger(const char *key, int64_t fallback) {
    if (!hasOption(key))
      return fallback;
    if (auto n = options_->get(key)->getAsInteger())
      return *n;
    return fail(key, "must be an integer"), fallback;
  }
  bool optBool(const char *key, bool fallback) {
    if (!hasOption(key))
      return fallback;
    if (auto b = options_->get(key)->getAsBoolean())
      return *b;
    return fail(key, "must be a boolean"), fallback;
  }
  std::string optString(const char *key, const char *fallback) {
    if (!hasOption(key))
      return fallback;
    if (auto s = options_->get(key)->getAsString())
      return s->str();
    return fail(key, "must be a string"), fallback;
  }
  std::vector<std::string> optStrings(const char *key) {
    std::vector<std::string> out;
    if (!hasOption(key))
      return out;
    const json::Array *list = options_->getArray(key);
    if (!list)
      return fail(key, "must be a list of strings"), out;
    for (const json::Value &v : *list)
      out.push_back(v.getAsString().value_or("").str());
    return out;
  }
  std::optional<Operand> optOperand(const char *key) {
    if (!hasOption(key))
      return std::nullopt;
    return operandNamed(options_->get(key), key);
  }
  std::string label() { return optString("label", ""); }

  // An options dictionary, each member read under its spec name (its row
  // in webnnc/Spec/Options.h says which) and left at its default when
  // absent.
  template <typename Options> Options options() {
    Options options;
    spec::OptionMembers<Options>::visit(OptionReader<Options>{*this, options});
    options.label = label();
    return options;
  }

private:
  template <typename Options> struct OptionReader {
    Args &args;
    Options &options;
    template <typename Access, typename Attribute>
    void value(spec::OptionName name, Access access, Attribute) {
      args.readOption(args.optionKey(name.member), access(options));
    }
    template <typename Access, typename Operand>
    void operand(spec::OptionName name, Access access, Operand) {
      access(options) = args.optOperand(name.member);
    }
  };

  // The key a member is written under: its name, or the name WPT used
  // before the spec renamed it.
  const char *optionKey(const char *member) {
    if (std::string(member) == "outputShapeRounding" &&
        hasOption("roundingType"))
      return "roundingType";
    return member;
  }
  void readOption(const char *key, std::vector<int64_t> &out) {
    out = optInts(key);
  }
  void readOption(const char *key, std::optional<std::vector<int64_t>> &out) {
    out = optIntList(key);
  }
  void readOption(const char *key, std::vector<double> &out) {
    out = optNumbers(key);
  }
  void readOption(const char *key, double &out) { out = optNumber(key, out); }
  void readOption(const char *key, std::optional<double> &out) {
    if (hasOption(key))
      out = optNumber(key, 0);
  }
  void readOption(const char *key, int64_t &out) {
    out = optInteger(key, out);
  }
  void readOption(const char *key, bool &out) { out = optBool(key, out); }
  void readOption(const char *key, DataType &out) {
    if (!hasOption(key))
      return;
    std::string name = optString(key, "");
    if (auto type = spec::parseDataType(name))
      out = *type;
    else
      fail(key, "has an unknown data type '" + name + "'");
  }
  template <typename Enum>
    requires std::is_enum_v<Enum>
  void readOption(const char *key, Enum &out) {
    if (hasOption(key))
      out = enumNamed<Enum>(key, optString(key, ""), out);
  }
  template <typename Enum>
  void readOption(const char *key, std::vector<Enum> &out) {
    for (const std::string &name : optStrings(key))
      out.push_back(enumNamed<Enum>(key, name, Enum{}));
  }
  template <typename Enum>
  Enum enumNamed(const char *key, const std::string &name, Enum fallback) {
    if (auto value = spec::parseEnum<Enum>(name))
      return *value;
    fail(key, "has an unknown value '" + name + "'");
    return fallback;
  }

  const json::Value *argument(const char *key) const {
    if (parameters_) {
      int i = parameterIndex(*parameters_, key);
      return i >= 0 && size_t(i) < positional_.size() ? positional_[i].second
                                                      : nullptr;
    }
    for (const auto &[name, value] : positional_)
      if (name == key)
        return value;
    return nullptr;
  }
  void fail(const char *key, const std::string &rule) {
    if (error.empty())
      error = op_.name + ": " + key + " " + rule;
  }
  Operand operandNamed(const json::Value *v, const char *key) {
    if (!v || !v->getAsString())
      return fail(key, "must name an operand"), Operand();
    auto it = operands_.find(v->getAsString()->str());
    if (it == operands_.end())
      return fail(key,
                  "names unknown operand '" + v->getAsString()->str() + "'"),
             Operand();
    return it->second;
  }
  std::vector<int64_t> intsOf(const json::Value *v, const char *key) {
    std::vector<int64_t> out;
    const json::Array *a = v ? v->getAsArray() : nullptr;
    if (!a)
      return fail(key, "must be a list of integers"), out;
    for (const json::Value &e : *a) {
      auto i = e.getAsInteger();
      if (!i)
        return fail(key, "must be a list of integers"), out;
      out.push_back(*i);
    }
    return out;
  }

  const Operator &op_;
  const Operands &operands_;
  const std::vector<std::string> *parameters_;
  std::vector<std::pair<std::string, const json::Value *>> positional_;
  const json::Object *options_ = nullptr;
  std::set<std::string> read_; // option keys a handler asked for
};

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_CONFORMANCE_WPTARGS_H_
