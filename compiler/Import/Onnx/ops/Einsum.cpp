// SPDX-License-Identifier: Apache-2.0
// Einsum as WebNN ops: each operand's private subscripts summed away, then
// the operands contracted pairwise, left to right, as one batched matmul
// each ([batch, free, summed] x [batch, summed, free], transposed and
// reshaped around it), and the result transposed to the output's order.
#include <algorithm>
#include <cctype>

#include "Common.h"

namespace webnnc::importer {
namespace {

// An operand with one subscript per dimension.
struct Term {
  Operand value;
  std::string labels;
};

struct Equation {
  std::vector<std::string> inputs;
  std::string output;
};

// Subscripts are letters; "..." is spelled with characters no equation
// uses ('0' + i), the same for the same dimension in every term (equal
// sizes are required below).
std::optional<Equation> parse(NodeContext &ctx, std::string text,
                              const std::vector<size_t> &ranks) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  Equation eq;
  size_t arrow = text.find("->");
  std::string lhs = text.substr(0, arrow);
  size_t ellipsisRank = 0;
  for (size_t start = 0;;) {
    size_t comma = lhs.find(',', start);
    eq.inputs.push_back(lhs.substr(start, comma - start));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  if (eq.inputs.size() != ranks.size())
    return ctx.invalid("the equation has " + std::to_string(eq.inputs.size()) +
                       " operands, the node " + std::to_string(ranks.size()) +
                       " inputs"),
           std::nullopt;
  // The ellipsis stands for the dimensions no letter names, aligned at
  // the right across operands (as numpy broadcasts).
  std::vector<size_t> spans(ranks.size(), 0);
  for (size_t i = 0; i < eq.inputs.size(); ++i) {
    const std::string &term = eq.inputs[i];
    size_t dots = term.find("...");
    bool valid = true;
    for (size_t k = 0; k < term.size(); ++k)
      valid &= std::isalpha(static_cast<unsigned char>(term[k])) ||
               (dots != std::string::npos && k >= dots && k < dots + 3);
    size_t letters = term.size() - (dots == std::string::npos ? 0 : 3);
    if (!valid || letters > ranks[i] ||
        (dots == std::string::npos && letters != ranks[i]))
      return ctx.invalid("operand " + std::to_string(i) + "'s subscripts '" +
                         term + "' do not match its rank " +
                         std::to_string(ranks[i])),
             std::nullopt;
    spans[i] = ranks[i] - letters;
    ellipsisRank = std::max(ellipsisRank, spans[i]);
  }
  if (ellipsisRank > 10) // spelled '0'...'9', never a letter
    return ctx.unsupported("an ellipsis over more than 10 dimensions"),
           std::nullopt;
  auto spelled = [&](size_t span) {
    std::string s;
    for (size_t k = ellipsisRank - span; k < ellipsisRank; ++k)
      s += char('0' + k);
    return s;
  };
  for (size_t i = 0; i < eq.inputs.size(); ++i)
    if (size_t dots = eq.inputs[i].find("..."); dots != std::string::npos)
      eq.inputs[i].replace(dots, 3, spelled(spans[i]));
  if (arrow != std::string::npos) {
    eq.output = text.substr(arrow + 2);
    if (size_t dots = eq.output.find("..."); dots != std::string::npos)
      eq.output.replace(dots, 3, spelled(ellipsisRank));
  } else {
    // Implicit output: the ellipsis, then the letters used once, sorted.
    std::string all;
    for (const std::string &term : eq.inputs)
      all += term;
    eq.output = spelled(ellipsisRank);
    std::string once;
    for (char c : all)
      if (std::isalpha(static_cast<unsigned char>(c)) &&
          std::count(all.begin(), all.end(), c) == 1)
        once += c;
    std::sort(once.begin(), once.end());
    eq.output += once;
  }
  for (const std::string &term : eq.inputs)
    for (char c : term)
      if (std::count(term.begin(), term.end(), c) > 1)
        return ctx.unsupported(std::string("subscript '") + c +
                               "' repeats within an operand (a diagonal)"),
               std::nullopt;
  return eq;
}

std::vector<int64_t> positions(const std::string &labels,
                               const std::string &order) {
  std::vector<int64_t> out;
  for (char c : order)
    out.push_back(int64_t(labels.find(c)));
  return out;
}

// The term transposed to |order| (a permutation of its labels).
Term permuted(NodeContext &ctx, const Term &t, const std::string &order) {
  if (order == t.labels)
    return t;
  spec::TransposeOptions options = ctx.labelled(spec::TransposeOptions{});
  options.permutation = positions(t.labels, order);
  return {ctx.b().transpose(t.value, options), order};
}

// Sums away the labels of |t| that |keep| does not hold.
Term summed(NodeContext &ctx, const Term &t, const std::string &keep) {
  std::vector<int64_t> axes;
  std::string kept;
  for (size_t i = 0; i < t.labels.size(); ++i)
    if (keep.find(t.labels[i]) == std::string::npos)
      axes.push_back(int64_t(i));
    else
      kept += t.labels[i];
  if (axes.empty())
    return t;
  spec::ReduceOptions options = ctx.labelled(spec::ReduceOptions{});
  options.axes = axes;
  return {ctx.b().reduceSum(t.value, options), kept};
}

// The product of the sizes of |labels| in |dims| (labelled |of|).
DimExpr product(const std::vector<DimExpr> &dims, const std::string &of,
                const std::string &labels) {
  DimExpr size(1);
  for (char c : labels)
    size = size * dims[of.find(c)];
  return size;
}

// a x b over their shared labels; |keep| holds the labels needed after.
std::optional<Term> contract(NodeContext &ctx, Term a, Term b,
                             const std::string &keep) {
  std::string batch, summedOut, aFree, bFree;
  for (char c : a.labels)
    if (b.labels.find(c) == std::string::npos)
      aFree += c;
    else if (keep.find(c) != std::string::npos)
      batch += c;
    else
      summedOut += c;
  for (char c : b.labels)
    if (a.labels.find(c) == std::string::npos)
      bFree += c;
  a = permuted(ctx, a, batch + aFree + summedOut);
  b = permuted(ctx, b, batch + summedOut + bFree);
  auto da = ctx.dims(a.value), db = ctx.dims(b.value);
  if (!da || !db)
    return std::nullopt;
  for (char c : batch + summedOut) {
    const DimExpr &x = (*da)[a.labels.find(c)], &y = (*db)[b.labels.find(c)];
    auto xs = x.constantValue(), ys = y.constantValue();
    if (xs && ys && *xs != *ys)
      return ctx.unsupported(std::string("subscript '") + c + "' has sizes " +
                             std::to_string(*xs) + " and " +
                             std::to_string(*ys) +
                             " (broadcasting a size of 1)"),
             std::nullopt;
  }
  DimExpr n = product(*da, a.labels, batch);
  Operand a3 = ctx.reshapeTo(a.value, {n, product(*da, a.labels, aFree),
                                       product(*da, a.labels, summedOut)});
  Operand b3 = ctx.reshapeTo(b.value, {n, product(*db, b.labels, summedOut),
                                       product(*db, b.labels, bFree)});
  Operand y = ctx.b().matmul(a3, b3, ctx.options());
  std::vector<DimExpr> shape;
  for (char c : batch + aFree)
    shape.push_back((*da)[a.labels.find(c)]);
  for (char c : bFree)
    shape.push_back((*db)[b.labels.find(c)]);
  return Term{ctx.reshapeTo(y, shape), batch + aFree + bFree};
}

void convertEinsum(NodeContext &ctx) {
  std::vector<Term> terms;
  std::vector<size_t> ranks;
  for (size_t i = 0; i < ctx.inputCount(); ++i) {
    terms.push_back({ctx.input(i), ""});
    ranks.push_back(terms.back().value.rank());
  }
  std::string equation = ctx.attrString("equation", "");
  if (ctx.failed())
    return;
  if (terms.empty())
    return ctx.invalid("needs at least one input");
  auto eq = parse(ctx, equation, ranks);
  if (!eq)
    return;
  for (char c : eq->output)
    if (std::none_of(eq->inputs.begin(), eq->inputs.end(),
                     [&](const std::string &t) {
                       return t.find(c) != std::string::npos;
                     }))
      return ctx.invalid(std::string("output subscript '") + c +
                         "' is in no operand");
  // The labels still needed after operand |i|: the output's and those of
  // the operands after it.
  auto neededAfter = [&](size_t i) {
    std::string keep = eq->output;
    for (size_t j = i + 1; j < eq->inputs.size(); ++j)
      keep += eq->inputs[j];
    return keep;
  };
  for (size_t i = 0; i < terms.size(); ++i) {
    terms[i].labels = eq->inputs[i];
    std::string others = neededAfter(i);
    for (size_t j = 0; j < i; ++j)
      others += eq->inputs[j];
    terms[i] = summed(ctx, terms[i], others);
  }
  Term result = terms[0];
  for (size_t i = 1; i < terms.size(); ++i) {
    auto next = contract(ctx, result, terms[i], neededAfter(i));
    if (!next)
      return;
    result = *next;
  }
  result = summed(ctx, result, eq->output);
  ctx.set(0, permuted(ctx, result, eq->output).value);
}

} // namespace

void registerEinsumOps(ConverterTable &t) { t["Einsum"] = convertEinsum; }

} // namespace webnnc::importer
