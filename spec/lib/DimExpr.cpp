// SPDX-License-Identifier: Apache-2.0
#include "webnnc/Spec/DimExpr.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace webnnc::spec {

namespace {

// Floor division of a possibly negative numerator by a positive divisor.
int64_t floorDivide(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0)) ? q - 1 : q;
}

bool isIdentifier(const std::string &name) {
  if (name.size() > 1 && name[0] == '$') // $i: the op's input dimension i
    return std::all_of(name.begin() + 1, name.end(),
                       [](char c) { return std::isdigit((unsigned char)c); });
  if (name.empty() || !(std::isalpha((unsigned char)name[0]) || name[0] == '_'))
    return false;
  for (char c : name)
    if (!(std::isalnum((unsigned char)c) || c == '_' || c == '.'))
      return false;
  return true;
}

} // namespace

bool DimExpr::Atom::operator<(const Atom &other) const {
  if (name != other.name)
    return name < other.name;
  if (divisor != other.divisor)
    return divisor < other.divisor;
  if (ceil != other.ceil)
    return ceil < other.ceil;
  if (!numerator || !other.numerator)
    return bool(other.numerator);
  return numerator->terms() < other.numerator->terms();
}

bool DimExpr::Atom::operator==(const Atom &other) const {
  return !(*this < other) && !(other < *this);
}

DimExpr::DimExpr(int64_t value) {
  if (value != 0)
    terms_[{}] = value;
}

DimExpr DimExpr::symbol(std::string name) {
  DimExpr e;
  e.terms_[{Atom{std::move(name), nullptr, 0, false}}] = 1;
  return e;
}

void DimExpr::add(const Monomial &m, int64_t coefficient) {
  int64_t &c = terms_[m];
  c += coefficient;
  if (c == 0)
    terms_.erase(m);
}

DimExpr DimExpr::operator+(const DimExpr &other) const {
  DimExpr out = *this;
  for (const auto &[m, c] : other.terms_)
    out.add(m, c);
  return out;
}

DimExpr DimExpr::operator-(const DimExpr &other) const {
  DimExpr out = *this;
  for (const auto &[m, c] : other.terms_)
    out.add(m, -c);
  return out;
}

DimExpr DimExpr::operator*(const DimExpr &other) const {
  DimExpr out;
  for (const auto &[m1, c1] : terms_)
    for (const auto &[m2, c2] : other.terms_) {
      Monomial m = m1;
      m.insert(m.end(), m2.begin(), m2.end());
      std::sort(m.begin(), m.end());
      out.add(m, c1 * c2);
    }
  return out;
}

DimExpr DimExpr::floorDiv(int64_t divisor) const {
  if (divisor == 1)
    return *this;
  if (auto v = constantValue())
    return DimExpr(floorDivide(*v, divisor));
  bool exact = true;
  for (const auto &[m, c] : terms_)
    exact &= c % divisor == 0;
  if (exact) {
    DimExpr out;
    for (const auto &[m, c] : terms_)
      out.add(m, c / divisor);
    return out;
  }
  DimExpr out;
  out.terms_[{Atom{"", std::make_shared<const DimExpr>(*this), divisor,
                   false}}] = 1;
  return out;
}

DimExpr DimExpr::ceilDiv(int64_t divisor) const {
  if (divisor == 1)
    return *this;
  if (auto v = constantValue())
    return DimExpr(-floorDivide(-*v, divisor));
  bool exact = true;
  for (const auto &[m, c] : terms_)
    exact &= c % divisor == 0;
  if (exact)
    return floorDiv(divisor);
  DimExpr out;
  out.terms_[{Atom{"", std::make_shared<const DimExpr>(*this), divisor,
                   true}}] = 1;
  return out;
}

std::optional<DimExpr> DimExpr::exactDiv(const DimExpr &divisor) const {
  if (divisor.terms_.size() != 1)
    return std::nullopt;
  const auto &[dm, dc] = *divisor.terms_.begin();
  if (dc == 0)
    return std::nullopt;
  DimExpr out;
  for (const auto &[m, c] : terms_) {
    if (c % dc != 0)
      return std::nullopt;
    // m must contain every atom of dm (a multiset).
    Monomial rest = m;
    for (const Atom &a : dm) {
      auto it = std::find(rest.begin(), rest.end(), a);
      if (it == rest.end())
        return std::nullopt;
      rest.erase(it);
    }
    out.add(rest, c / dc);
  }
  return out;
}

std::optional<int64_t> DimExpr::constantValue() const {
  if (terms_.empty())
    return 0;
  if (terms_.size() == 1 && terms_.begin()->first.empty())
    return terms_.begin()->second;
  return std::nullopt;
}

std::vector<std::string> DimExpr::symbols() const {
  std::set<std::string> names;
  for (const auto &[m, c] : terms_)
    for (const Atom &a : m) {
      if (!a.name.empty())
        names.insert(a.name);
      else
        for (const std::string &n : a.numerator->symbols())
          names.insert(n);
    }
  return {names.begin(), names.end()};
}

std::optional<int64_t>
DimExpr::evaluate(const std::map<std::string, int64_t> &sizes) const {
  int64_t total = 0;
  for (const auto &[m, c] : terms_) {
    int64_t product = c;
    for (const Atom &a : m) {
      int64_t v;
      if (!a.name.empty()) {
        auto it = sizes.find(a.name);
        if (it == sizes.end())
          return std::nullopt;
        v = it->second;
      } else {
        auto n = a.numerator->evaluate(sizes);
        if (!n)
          return std::nullopt;
        v = a.ceil ? -floorDivide(-*n, a.divisor) : floorDivide(*n, a.divisor);
      }
      product *= v;
    }
    total += product;
  }
  return total;
}

std::string DimExpr::toString() const {
  if (terms_.empty())
    return "0";
  auto atomText = [](const Atom &a) {
    if (!a.name.empty())
      return isIdentifier(a.name) ? a.name : "'" + a.name + "'";
    // A floor division is one factor: "2 * ((size) / 2)" must not read
    // back as (2 * size) / 2, nor "-((size) / 2)" as (-size) / 2.
    return a.ceil ? "ceil(" + a.numerator->toString() + ", " +
                        std::to_string(a.divisor) + ")"
                  : "((" + a.numerator->toString() + ") / " +
                        std::to_string(a.divisor) + ")";
  };
  std::string out;
  // Non-constant terms first, then the constant.
  std::vector<std::pair<Monomial, int64_t>> ordered(terms_.begin(),
                                                    terms_.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto &x, const auto &y) {
                     return !x.first.empty() && y.first.empty();
                   });
  for (const auto &[m, c] : ordered) {
    int64_t magnitude = c < 0 ? -c : c;
    if (!out.empty())
      out += c < 0 ? " - " : " + ";
    else if (c < 0)
      out += "-";
    std::string term;
    if (magnitude != 1 || m.empty())
      term = std::to_string(magnitude);
    for (const Atom &a : m)
      term += (term.empty() ? "" : " * ") + atomText(a);
    out += term;
  }
  return out;
}

namespace {

// expr := term (('+' | '-') term)*
// term := factor (('*' factor) | ('/' integer))*
// factor := integer | name | 'quoted name' | '(' expr ')' | '-' factor
//         | 'ceil' '(' expr ',' integer ')'
class Parser {
public:
  explicit Parser(const std::string &text) : s_(text) {}

  webnnc::Expected<DimExpr, std::string> parse() {
    auto e = expr();
    skip();
    if (!error_.empty())
      return error_;
    if (i_ != s_.size())
      return "unexpected '" + s_.substr(i_) + "' in size expression '" + s_ +
             "'";
    return e;
  }

private:
  void skip() {
    while (i_ < s_.size() && std::isspace((unsigned char)s_[i_]))
      ++i_;
  }
  bool eat(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void fail(const std::string &what) {
    if (error_.empty())
      error_ = what + " in size expression '" + s_ + "'";
  }
  std::optional<int64_t> integer() {
    skip();
    size_t start = i_;
    while (i_ < s_.size() && std::isdigit((unsigned char)s_[i_]))
      ++i_;
    if (start == i_ || i_ - start > 18)
      return std::nullopt;
    return std::stoll(s_.substr(start, i_ - start));
  }
  DimExpr expr() {
    DimExpr e = term();
    while (error_.empty()) {
      if (eat('+'))
        e = e + term();
      else if (eat('-'))
        e = e - term();
      else
        break;
    }
    return e;
  }
  DimExpr term() {
    DimExpr e = factor();
    while (error_.empty()) {
      if (eat('*')) {
        e = e * factor();
      } else if (eat('/')) {
        auto d = integer();
        if (!d || *d <= 0) {
          fail("a division needs a positive integer divisor");
          return e;
        }
        e = e.floorDiv(*d);
      } else {
        break;
      }
    }
    return e;
  }
  DimExpr factor() {
    skip();
    if (++depth_ > 64) {
      fail("too deeply nested");
      return DimExpr();
    }
    DimExpr out;
    if (eat('-')) {
      out = DimExpr(0) - factor();
    } else if (eat('(')) {
      out = expr();
      if (!eat(')'))
        fail("missing ')'");
    } else if (eat('\'')) {
      size_t end = s_.find('\'', i_);
      if (end == std::string::npos) {
        fail("unterminated quoted name");
      } else {
        out = DimExpr::symbol(s_.substr(i_, end - i_));
        i_ = end + 1;
      }
    } else if (i_ + 1 < s_.size() && s_[i_] == '$' &&
               std::isdigit((unsigned char)s_[i_ + 1])) {
      size_t start = i_++;
      while (i_ < s_.size() && std::isdigit((unsigned char)s_[i_]))
        ++i_;
      out = DimExpr::symbol(s_.substr(start, i_ - start));
    } else if (i_ < s_.size() && std::isdigit((unsigned char)s_[i_])) {
      auto v = integer();
      if (!v)
        fail("an integer is out of range");
      else
        out = DimExpr(*v);
    } else if (i_ < s_.size() &&
               (std::isalpha((unsigned char)s_[i_]) || s_[i_] == '_')) {
      size_t start = i_;
      while (i_ < s_.size() && (std::isalnum((unsigned char)s_[i_]) ||
                                s_[i_] == '_' || s_[i_] == '.'))
        ++i_;
      std::string name = s_.substr(start, i_ - start);
      if (name == "ceil" && eat('(')) {
        DimExpr inner = expr();
        auto d = eat(',') ? integer() : std::nullopt;
        if (!d || *d <= 0 || !eat(')'))
          fail("ceil(x, d) takes an expression and a positive integer");
        else
          out = inner.ceilDiv(*d);
      } else {
        out = DimExpr::symbol(name);
      }
    } else {
      fail("expected a size");
    }
    --depth_;
    return out;
  }

  const std::string &s_;
  size_t i_ = 0;
  int depth_ = 0;
  std::string error_;
};

} // namespace

webnnc::Expected<DimExpr, std::string> DimExpr::parse(const std::string &text) {
  return Parser(text).parse();
}

} // namespace webnnc::spec
