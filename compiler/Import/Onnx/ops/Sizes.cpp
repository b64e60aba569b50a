// SPDX-License-Identifier: Apache-2.0
// Shape arithmetic over sizes known only at compute.
//
// Exporters compute a Reshape's or Expand's shape from the input's:
// Shape -> Gather -> Unsqueeze -> Concat -> Reshape, with Mul, Div and
// Where in between. With static inputs those fold to constants on the
// host (HostFold.h); with open dimensions Shape yields expressions over
// the dimensions' names (spec::DimExpr), and this file computes the same
// ops on them, so the consumer gets sizes the runtime's shape program
// evaluates. Only integer lists of rank 0 or 1 (what shapes are) and
// comparisons that the expressions decide are computed here.
#include <algorithm>

#include "../TensorProto.h"
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

bool isInteger(DataType type) {
  return type == DataType::Int64 || type == DataType::Int32 ||
         type == DataType::Uint32 || type == DataType::Uint64;
}

// The sign of |e| when the expressions decide it: every name is a
// dimension (at least 1) and every division at least 0, so a sum of terms
// whose coefficients share a sign is bounded by its constant term.
std::optional<int> signOf(const DimExpr &e) {
  if (auto v = e.constantValue())
    return *v > 0 ? 1 : *v < 0 ? -1 : 0;
  int64_t constant = 0, lower = 0, upper = 0;
  bool positive = true, negative = true;
  for (const auto &[monomial, coefficient] : e.terms()) {
    if (monomial.empty()) {
      constant = coefficient;
      continue;
    }
    bool namesOnly = std::all_of(monomial.begin(), monomial.end(),
                                 [](const DimExpr::Atom &a) {
                                   return !a.name.empty();
                                 });
    (coefficient > 0 ? negative : positive) = false;
    if (namesOnly)
      (coefficient > 0 ? lower : upper) += coefficient;
  }
  if (positive && constant + lower > 0)
    return 1;
  if (negative && constant + upper < 0)
    return -1;
  return std::nullopt;
}

// Element |k| of |t| broadcast to |count| elements.
const DimExpr &broadcastAt(const SizeTensor &t, size_t k) {
  return t.values.size() == 1 ? t.values[0] : t.values[k];
}

// Binary arithmetic or comparison on two size tensors.
void binarySizes(NodeContext &ctx, const std::string &op) {
  auto a = ctx.sizeTensor(0), b = ctx.sizeTensor(1);
  if (!a || !b)
    return ctx.unsupported("computes with sizes known only at compute and "
                           "an operand that is not an integer list");
  auto shape = host::broadcast(a->shape, b->shape);
  if (!shape || (a->values.size() != 1 && b->values.size() != 1 &&
                 a->values.size() != b->values.size()))
    return ctx.invalid("shapes " + spec::toString(a->shape) + " and " +
                       spec::toString(b->shape) + " do not broadcast");
  bool comparison = op == "Equal" || op == "Less" || op == "Greater" ||
                    op == "LessOrEqual" || op == "GreaterOrEqual";
  SizeTensor out{comparison ? DataType::Uint8 : a->type, *shape, {}};
  size_t count = std::max(a->values.size(), b->values.size());
  for (size_t k = 0; k < count; ++k) {
    const DimExpr &x = broadcastAt(*a, k), &y = broadcastAt(*b, k);
    std::optional<int> sign =
        comparison || op == "Max" || op == "Min" ? signOf(x - y) : 0;
    if (!sign)
      return ctx.unsupported(op + " of " + x.toString() + " and " +
                             y.toString() +
                             ", which depends on sizes known only at compute");
    if (op == "Add") {
      out.values.push_back(x + y);
    } else if (op == "Sub") {
      out.values.push_back(x - y);
    } else if (op == "Mul") {
      out.values.push_back(x * y);
    } else if (op == "Div") {
      // Sizes are not negative: integer division rounds down.
      std::optional<DimExpr> q;
      if (auto d = y.constantValue(); d && *d > 0)
        q = x.floorDiv(*d);
      else
        q = x.exactDiv(y);
      if (!q)
        return ctx.unsupported("Div of " + x.toString() + " by " +
                               y.toString() + ", which webnnc cannot express");
      out.values.push_back(*q);
    } else if (op == "Mod") {
      // Sizes are not negative: both of ONNX's remainders agree.
      auto d = y.constantValue();
      if (!d || *d <= 0)
        return ctx.unsupported("Mod of " + x.toString() + " by " +
                               y.toString() + ", which webnnc cannot express");
      ctx.attrInt("fmod", 0);
      out.values.push_back(x - x.floorDiv(*d) * DimExpr(*d));
    } else if (op == "Max" || op == "Min") {
      out.values.push_back((*sign >= 0) == (op == "Max") ? x : y);
    } else {
      bool holds = op == "Equal"            ? *sign == 0
                   : op == "Less"           ? *sign < 0
                   : op == "Greater"        ? *sign > 0
                   : op == "LessOrEqual"    ? *sign <= 0
                                            : *sign >= 0;
      out.values.push_back(DimExpr(holds ? 1 : 0));
    }
  }
  ctx.setSizes(0, std::move(out));
}

// Reshape, Unsqueeze, Squeeze, Identity, Cast: the same elements. False
// when the result is no list of integers (a float cast, rank above 1): the
// node is then imported as usual, reading the sizes as a tensor.
bool reshapedSizes(NodeContext &ctx, const std::string &op) {
  auto in = ctx.sizeTensor(0);
  if (ctx.failed() || !in)
    return true;
  SizeTensor out = *in;
  if (op == "Cast") {
    ctx.ignore("saturate");
    auto type = webnnType(int32_t(ctx.attrInt("to", 0)));
    if (!type || !isInteger(*type))
      return false;
    out.type = *type;
  } else if (op == "Unsqueeze" || op == "Squeeze" || op == "Reshape") {
    std::vector<int64_t> axes;
    if (op == "Reshape") {
      auto shape = ctx.constantInts(1, "shape");
      if (!shape)
        return true;
      ctx.attrInt("allowzero", 0);
      axes = *shape;
    } else if (ctx.opset() < 13) {
      axes = ctx.attrInts("axes");
    } else if (ctx.hasInput(1)) {
      auto v = ctx.constantInts(1, "axes");
      if (!v)
        return true;
      axes = *v;
    }
    // Sizes are lists: the result is a scalar or a list of the same count.
    size_t count = in->values.size();
    if (op == "Unsqueeze" && in->shape.empty() && axes.size() == 1)
      out.shape = {1};
    else if (op == "Squeeze" && count == 1)
      out.shape = {};
    else if (op == "Reshape" && (axes.empty() || axes.size() == 1) &&
             (count == 1 || axes.size() == 1))
      out.shape = axes.empty() ? spec::Shape{} : spec::Shape{int64_t(count)};
    else
      return false;
  }
  ctx.setSizes(0, std::move(out));
  return true;
}

void gatherSizes(NodeContext &ctx) {
  auto data = ctx.sizeTensor(0);
  auto indices = ctx.constantInts(1, "indices");
  int64_t axis = ctx.attrInt("axis", 0);
  if (!data || !indices)
    return;
  if (data->shape.size() != 1 || (axis != 0 && axis != -1))
    return ctx.unsupported("a Gather from sizes of rank other than 1");
  int64_t n = int64_t(data->values.size());
  SizeTensor out{data->type, ctx.inputShape(1), {}};
  for (int64_t i : *indices) {
    if (i < -n || i >= n)
      return ctx.invalid("index " + std::to_string(i) + " is out of range " +
                         "for " + std::to_string(n) + " sizes");
    out.values.push_back(data->values[size_t(i < 0 ? i + n : i)]);
  }
  ctx.setSizes(0, std::move(out));
}

void concatSizes(NodeContext &ctx) {
  int64_t axis = ctx.attrInt("axis", 0);
  SizeTensor out;
  for (size_t i = 0; i < ctx.inputCount(); ++i) {
    if (ctx.emptyInput(i)) { // an empty list (torch's shape[k:] at the end)
      ctx.known(i);
      continue;
    }
    auto part = ctx.sizeTensor(i);
    if (!part)
      return ctx.unsupported("a Concat of sizes known only at compute with "
                             "input " + std::to_string(i) +
                             ", which is not an integer list");
    if (part->shape.size() != 1 || (axis != 0 && axis != -1))
      return ctx.unsupported("a Concat of sizes of rank other than 1");
    if (out.values.empty())
      out.type = part->type;
    out.values.insert(out.values.end(), part->values.begin(),
                      part->values.end());
  }
  out.shape = {int64_t(out.values.size())};
  ctx.setSizes(0, std::move(out));
}

void sliceSizes(NodeContext &ctx) {
  auto data = ctx.sizeTensor(0);
  if (!data)
    return;
  std::vector<int64_t> starts, ends, steps = {1};
  if (ctx.opset() < 10) {
    starts = ctx.attrInts("starts");
    ends = ctx.attrInts("ends");
    ctx.attrInts("axes");
  } else {
    auto s = ctx.constantInts(1, "starts");
    auto e = s ? ctx.constantInts(2, "ends") : std::nullopt;
    if (!s || !e)
      return;
    starts = *s;
    ends = *e;
    if (ctx.hasInput(3) && !ctx.constantInts(3, "axes"))
      return;
    if (ctx.hasInput(4)) {
      auto st = ctx.constantInts(4, "steps");
      if (!st)
        return;
      steps = *st;
    }
  }
  if (data->shape.size() != 1 || starts.size() != 1 || ends.size() != 1 ||
      steps.size() != 1 || steps[0] == 0)
    return ctx.unsupported("a Slice of sizes other than one axis of a list");
  int64_t n = int64_t(data->values.size()), step = steps[0];
  int64_t s = starts[0] < 0 ? starts[0] + n : starts[0];
  int64_t e = ends[0] < 0 ? ends[0] + n : ends[0];
  SizeTensor out{data->type, {}, {}};
  if (step > 0) {
    for (int64_t k = std::clamp<int64_t>(s, 0, n),
                 end = std::clamp<int64_t>(e, 0, n);
         k < end; k += step)
      out.values.push_back(data->values[size_t(k)]);
  } else {
    for (int64_t k = std::clamp<int64_t>(s, 0, n - 1),
                 end = std::clamp<int64_t>(e, -1, n - 1);
         k > end; k += step)
      out.values.push_back(data->values[size_t(k)]);
  }
  out.shape = {int64_t(out.values.size())};
  ctx.setSizes(0, std::move(out));
}

void whereSizes(NodeContext &ctx) {
  const HostTensor *condition = ctx.known(0);
  auto a = ctx.sizeTensor(1), b = ctx.sizeTensor(2);
  if (!condition)
    return ctx.unsupported("a Where choosing between sizes known only at "
                           "compute on a condition known only at compute");
  if (!a || !b)
    return ctx.unsupported("a Where of sizes known only at compute and a "
                           "value that is not an integer list");
  size_t count = std::max({condition->elementCount(), a->values.size(),
                           b->values.size()});
  auto shape = host::broadcast(condition->shape(), a->shape);
  if (shape)
    shape = host::broadcast(*shape, b->shape);
  if (!shape || spec::elementCount(*shape) != int64_t(count))
    return ctx.invalid("the condition and values do not broadcast");
  SizeTensor out{a->type, *shape, {}};
  for (size_t k = 0; k < count; ++k) {
    bool pick = condition->at(condition->elementCount() == 1 ? 0 : k) != 0;
    out.values.push_back(pick ? broadcastAt(*a, k) : broadcastAt(*b, k));
  }
  ctx.setSizes(0, std::move(out));
}

void negSizes(NodeContext &ctx) {
  auto in = ctx.sizeTensor(0);
  if (!in)
    return;
  for (DimExpr &e : in->values)
    e = DimExpr(0) - e;
  ctx.setSizes(0, std::move(*in));
}

// The inputs that carry data (the others are axes, indices, conditions).
std::vector<size_t> dataInputs(const std::string &op, size_t count) {
  if (op == "Concat") {
    std::vector<size_t> all(count);
    for (size_t i = 0; i < count; ++i)
      all[i] = i;
    return all;
  }
  if (op == "Where")
    return {1, 2};
  static const char *binary[] = {"Add",  "Sub",          "Mul", "Mod",
                                 "Div",  "Max",          "Min",
                                 "Equal", "Less",        "Greater",
                                 "LessOrEqual", "GreaterOrEqual"};
  if (std::find(std::begin(binary), std::end(binary), op) != std::end(binary))
    return {0, 1};
  return {0};
}

} // namespace

bool foldSizes(NodeContext &ctx) {
  static const char *handled[] = {
      "Add",   "Sub",     "Mul",       "Div",  "Mod",  "Max",
      "Min",   "Equal",   "Less",      "Greater",     "LessOrEqual",
      "GreaterOrEqual",   "Identity",  "Cast",        "Unsqueeze",
      "Squeeze", "Reshape", "Gather",  "Concat",      "Slice",
      "Where", "Neg"};
  const std::string &op = ctx.opType();
  if (std::find(std::begin(handled), std::end(handled), op) ==
      std::end(handled))
    return false;
  bool readsSizes = false;
  for (size_t i : dataInputs(op, ctx.inputCount()))
    readsSizes |= i < ctx.inputCount() && ctx.holdsOpenSizes(i);
  if (!readsSizes)
    return false;
  // Sizes meeting data computed at compute (an index tensor concatenated
  // from shapes and ranges): the node is imported as usual, its sizes read
  // as a tensor.
  std::vector<size_t> read = dataInputs(op, ctx.inputCount());
  if (op == "Where")
    read.push_back(0); // the condition too
  for (size_t i : read)
    if (i < ctx.inputCount() && ctx.hasInput(i) && !ctx.holdsOpenSizes(i) &&
        !ctx.known(i))
      return false;
  if (op == "Gather")
    gatherSizes(ctx);
  else if (op == "Concat")
    concatSizes(ctx);
  else if (op == "Slice")
    sliceSizes(ctx);
  else if (op == "Where")
    whereSizes(ctx);
  else if (op == "Neg")
    negSizes(ctx);
  else if (op == "Identity" || op == "Cast" || op == "Unsqueeze" ||
           op == "Squeeze" || op == "Reshape")
    return reshapedSizes(ctx, op);
  else
    binarySizes(ctx, op);
  return true;
}

} // namespace webnnc::importer
