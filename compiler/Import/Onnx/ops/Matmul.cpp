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
