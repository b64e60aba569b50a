// SPDX-License-Identifier: Apache-2.0
// MatMul and Gemm.
#include "Common.h"

namespace webnnc::importer {
namespace {

// numpy matmul: a 1-D operand gains a dimension that the result drops.
void convertMatMul(NodeContext &ctx) {
  Operand a = ctx.input(0), b = ctx.input(1);
  if (ctx.failed())
    return;
  auto &g = ctx.b();
  bool aVector = a.rank() == 1, bVector = b.rank() == 1;
  auto da = ctx.dims(a), db = ctx.dims(b);
  if (!da || !db)
    return;
  // [..., M, K] x [K, N] with leading sizes known only at compute: one
  // [rows, K] x [K, N] product over every row (an open M, such as a batch of
  // 1 behind the sequence, would otherwise make products of unknown, maybe
  // single, rows), reshaped back.
  if (a.rank() >= 3 && b.rank() == 2 && spec::hasOpenDims(a.shape())) {
    DimExpr rows(1);
    for (size_t d = 0; d + 1 < da->size(); ++d)
      rows = rows * (*da)[d];
    Operand y = g.matmul(ctx.reshapeTo(a, {rows, da->back()}), b,
                         ctx.options());
    std::vector<DimExpr> shape(da->begin(), da->end() - 1);
    shape.push_back((*db)[1]);
    return ctx.set(0, ctx.reshapeTo(y, shape));
  }
  if (aVector)
    a = ctx.reshapeTo(a, {DimExpr(1), (*da)[0]});
  if (bVector)
    b = ctx.reshapeTo(b, {(*db)[0], DimExpr(1)});
  Operand y = g.matmul(a, b, ctx.options());
  if ((aVector || bVector) && y) {
    auto shape = ctx.dims(y);
    if (!shape)
      return;
    if (bVector)
      shape->pop_back();
    if (aVector)
      shape->erase(shape->end() - (bVector ? 1 : 2));
    y = ctx.reshapeTo(y, *shape);
  }
  ctx.set(0, y);
}

void convertGemm(NodeContext &ctx) {
  GemmOptions options = ctx.labelled(GemmOptions{});
  options.alpha = ctx.attrFloat("alpha", 1.0);
  options.beta = ctx.attrFloat("beta", 1.0);
  options.aTranspose = ctx.attrInt("transA", 0) != 0;
  options.bTranspose = ctx.attrInt("transB", 0) != 0;
  if (ctx.hasInput(2))
    options.c = ctx.input(2);
  ctx.set(0, ctx.b().gemm(ctx.input(0), ctx.input(1), options));
}

} // namespace

void registerMatmulOps(ConverterTable &t) {
  t["MatMul"] = convertMatMul;
  t["Gemm"] = convertGemm;
}

} // namespace webnnc::importer
