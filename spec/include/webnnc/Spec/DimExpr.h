// SPDX-License-Identifier: Apache-2.0
// The size of an open dimension as an expression over the graph inputs'
// open dimensions, by name: `batch`, `sequence * 8`, `(size + 1) / 2`; in
// an op's attribute, `$i` also names dimension i of the op's (first)
// input.
//
// Exporters compute shapes from shapes (ONNX's Shape -> Gather -> Mul ->
// Concat -> Reshape): where a size is known only at compute, the graph
// carries it as such an expression, and the runtime's shape program
// evaluates it. The canonical form is a polynomial with integer
// coefficients over atoms, an atom being a dimension name or a division
// (rounding down or up) of an expression by a positive constant, so two
// spellings of one size compare equal and exact divisions (the -1 of a
// reshape: batch * sequence * 512 / (sequence * 512)) simplify.
#ifndef WEBNNC_SPEC_DIMEXPR_H_
#define WEBNNC_SPEC_DIMEXPR_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "webnnc/Support/Expected.h"

namespace webnnc::spec {

class DimExpr {
public:
  // An atom: a dimension name, or |numerator| / |divisor| rounded.
  struct Atom {
    std::string name; // empty for a division
    std::shared_ptr<const DimExpr> numerator;
    int64_t divisor = 0;
    bool ceil = false;
    bool operator<(const Atom &other) const;
    bool operator==(const Atom &other) const;
  };
  using Monomial = std::vector<Atom>; // sorted; empty: the constant term

  explicit DimExpr(int64_t value = 0);
  static DimExpr symbol(std::string name);

  DimExpr operator+(const DimExpr &other) const;
  DimExpr operator-(const DimExpr &other) const;
  DimExpr operator*(const DimExpr &other) const;
  // Division by a positive constant, rounded down or up (exact divisions
  // of every term simplify to the quotient).
  DimExpr floorDiv(int64_t divisor) const;
  DimExpr ceilDiv(int64_t divisor) const;
  // |this| / |divisor| when the division is exact term by term (a
  // polynomial divided by a monomial), else nullopt.
  std::optional<DimExpr> exactDiv(const DimExpr &divisor) const;

  std::optional<int64_t> constantValue() const;
  bool isConstant() const { return constantValue().has_value(); }
  // The names it reads.
  std::vector<std::string> symbols() const;
  // Its value for the given sizes; nullopt if a name is missing.
  std::optional<int64_t> evaluate(const std::map<std::string, int64_t> &sizes) const;

  const std::map<Monomial, int64_t> &terms() const { return terms_; }

  bool operator==(const DimExpr &other) const { return terms_ == other.terms_; }
  bool operator!=(const DimExpr &other) const { return !(*this == other); }

  // "2 * batch * sequence + 1", "(size + 1) / 2", "ceil(size, 4)";
  // names that are not identifiers are quoted: 'batch size'.
  std::string toString() const;
  static webnnc::Expected<DimExpr, std::string> parse(const std::string &text);

private:
  void add(const Monomial &m, int64_t coefficient);
  std::map<Monomial, int64_t> terms_; // no zero coefficients
};

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_DIMEXPR_H_
