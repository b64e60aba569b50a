// SPDX-License-Identifier: Apache-2.0
// matmul (batched, broadcasting), gemm, packed_matmul and
// packed_int4_matmul kernels.
#include <stdexcept>

#include "Families.h"
#include "webnnc/Spec/MatmulOps.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;

namespace {

// Schedule: tiles of a few rows times |tn| columns (two vectors, or a
// packed panel); the reduction over K runs innermost-but-one, so a tile's
// sums stay in registers. |mm| is the accumulator Func(j, i, batch...).
// Packed panels are tiled exactly (the last tile is guarded: its panel is
// zero-padded), so a tile reads one panel contiguously. |rowDim| is the
// dimension tiled as rows: 1 (M), or 2 when M is 1 and every batch shares B
// (a [seq, 1, d] activation times a weight), so the batch supplies the rows
// instead of 1-row tiles run one batch at a time. |stagedB|, if defined,
// is B(j, k) computed from packed codes: with one row tile, inline (each
// element computed once, where the tile uses it); with more, one panel at
// a time, each panel computed once and read by every row tile (computing
// it inline per row tile, or staging it for a single tile, which writes
// and reads a panel through the L2 cache, made a one-token decoder layer
// no faster than its float32 weights).
void scheduleTiles(Func output, Func mm, const std::vector<Var> &mmVars,
                   RDom k, int64_t m, int64_t n, Expr mExtent, Expr nExtent,
                   int64_t kExtent,
                   int64_t batches, int64_t panelWidth, size_t rowDim,
                   const Target &target, const Placement &placement,
                   Func stagedB) {
  std::vector<Var> ov = output.args();
  Var rows = ov[rowDim], mmRows = mmVars[rowDim];
  // Column tiles of two vectors, or one packed panel (a tile that does not
  // start at a panel reads from two panels: still right, a little slower).
  // Fewer columns than that: one tile of exactly the columns. Vectors are
  // never wider than the columns, and a tile whose width is no multiple of
  // the vector shifts its last vector inwards: predicated vectors with a
  // lane or two in use made Halide 14 drop or miscompile stores.
  int64_t columns = sizeHint(n);
  int vw = vectorWidth(target, Float(32),
                       panelWidth ? std::min(columns, panelWidth) : columns);
  int tm = static_cast<int>(std::min<int64_t>(sizeHint(m), 6));
  // One row: a tile of one panel sums into two vectors, each sum waiting
  // for the last multiply-add (four cycles) before its next; four panels
  // keep eight sums in flight.
  int64_t panelsPerTile = tm == 1 && !isOpen(m) ? 4 : 1;
  int tn = panelWidth ? int(isOpen(n) ? panelWidth
                                      : std::min(columns,
                                                 panelsPerTile * panelWidth))
                      : (columns >= 2 * vw ? 2 * vw : vw);
  bool stageB = stagedB.defined() && (isOpen(m) || sizeHint(m) > tm);
  TailStrategy columnTail = tailFor(n, tn, placement);
  TailStrategy vectorTail = columnTail == TailStrategy::ShiftInwards ||
                                    (!isOpen(n) && n == tn)
                                ? TailStrategy::ShiftInwards
                                : TailStrategy::GuardWithIf;
  Var jo("jo"), ji("ji"), io("io"), ii("ii");
  // Row tiles inside column tiles: each panel of B is read from memory once
  // and reused from the nearer caches by every row tile, while A streams
  // past every panel; the other order streams all of B past every row
  // tile, tn / tm times the traffic (5x with panels of 32 and tiles of 6
  // rows), which pays only when B stays in the L2 cache and A does not
  // (BERT-base's 3072 x 768 products ran at 54 GFLOP/s in that order, B
  // 9 MB streaming past each of 22 row tiles).
  bool bFits = !isOpen(kExtent) && !isOpen(n) &&
               kExtent * sizeHint(n) * 4 <= (1 << 20);
  bool aFits =
      !isOpen(m) && !isOpen(kExtent) && m * kExtent * 4 <= (1 << 20);
  bool rowsInner =
      stageB || (!isOpen(m) && (aFits || !bFits) && sizeHint(n) > tn);
  auto tileOutput = [&](Stage s, TailStrategy columns, TailStrategy vectors,
                        TailStrategy rowTail, int tileRows) {
    s.split(ov[0], jo, ji, tn, columns).split(rows, io, ii, tileRows, rowTail);
    if (rowsInner)
      s.reorder(ji, ii, io, jo);
    else
      s.reorder(ji, ii, jo, io);
    s.vectorize(ji, vw, vectors).unroll(ii);
    if (!placement.root ||
        !worthParallel(batches * sizeHint(m) * sizeHint(n) *
                       sizeHint(kExtent)))
      return;
    // Whole products to threads when there are several (attention heads):
    // a parallel loop inside a serial batch loop pays its fork and join
    // once per batch.
    std::vector<Var> batchVars(ov.begin() + rowDim + 1, ov.end());
    if (batches >= 2 && !batchVars.empty()) {
      Var fused = batchVars[0];
      for (size_t d = 1; d < batchVars.size(); ++d) {
        Var next(fused.name() + "_" + batchVars[d].name());
        s.fuse(fused, batchVars[d], next);
        fused = next;
      }
      s.parallel(fused);
      return;
    }
    // The outer of the two tile loops, if it has work for both threads.
    Var outer = rowsInner ? jo : io;
    int64_t outerTiles =
        rowsInner ? (sizeHint(n) + tn - 1) / tn : (sizeHint(m) + tm - 1) / tm;
    s.parallel(outerTiles >= 2 ? outer : (rowsInner ? io : jo));
  };
  // Open sizes at least one tile (the usual case: a sequence of 128) get
  // unguarded tiles whose last one shifts inwards, as static sizes do; a
  // guard on every vector made attention scores over an open sequence
  // three times slower. Smaller sizes take the guarded schedule.
  // An open M of one (a batch of one through a fully connected layer):
  // one-row tiles, not a guarded six-row tile computing one.
  if (isOpen(m) && mExtent.defined() && placement.root)
    tileOutput(output.specialize(mExtent == 1), columnTail, vectorTail,
               TailStrategy::GuardWithIf, 1);
  Expr wholeTiles = Internal::const_true();
  if (isOpen(n) && nExtent.defined())
    wholeTiles = wholeTiles && nExtent >= tn;
  if (isOpen(m) && mExtent.defined())
    wholeTiles = wholeTiles && mExtent >= tm;
  if (!Internal::is_const(wholeTiles) && placement.root && !placement.inPlace) {
    TailStrategy rowFit = TailStrategy::ShiftInwards;
    if (!isOpen(m))
      rowFit = tailFor(m, tm, placement);
    tileOutput(output.specialize(wholeTiles), TailStrategy::ShiftInwards,
               isOpen(n) || n % vw == 0 ? TailStrategy::ShiftInwards
                                        : vectorTail,
               rowFit, tm);
  }
  tileOutput(output, columnTail, vectorTail, tailFor(m, tm, placement), tm);
  Var vo("vo"), vi("vi");
  // Long sums and several row tiles: blocks of K whose slice of the panel
  // (kc x tn floats) stays in the L1 cache while every row tile reads it,
  // the sums of all the panel's rows kept in a buffer between blocks (the
  // panel read whole from the L2 cache by each row tile held BERT-base's
  // products at 90 GFLOP/s).
  int kc = 0;
  if (rowsInner && !stageB && rowDim == 1 && !isOpen(m) &&
      !isOpen(kExtent) && sizeHint(m) > tm &&
      sizeHint(m) * tn * 4 <= (64 << 10))
    for (int c = 256; c >= 64 && !kc; c -= 8)
      if (kExtent % c == 0 && kExtent >= 2 * c)
        kc = c;
  if (kc) {
    Var mio("mio"), mii("mii");
    RVar ko("ko"), ki("ki");
    mm.compute_at(output, jo).vectorize(mmVars[0], vw);
    mm.store_in(MemoryType::Stack); // at most 64 KB
    mm.update()
        .split(k.x, ko, ki, kc)
        .split(mmRows, mio, mii, tm, TailStrategy::GuardWithIf)
        .reorder(mmVars[0], mii, ki, mio, ko)
        .split(mmVars[0], vo, vi, vw, TailStrategy::GuardWithIf)
        .vectorize(vi)
        .unroll(vo)
        .unroll(mii);
    return;
  }
  mm.compute_at(output, rowsInner ? io : jo)
      .vectorize(mmVars[0], vw)
      .unroll(mmRows);
  if (stageB) {
    // Whole panels (the codes are zero-padded to one), so each vector
    // takes one half of the panel's bytes.
    Var j = stagedB.args()[0];
    stagedB.compute_at(output, jo)
        .align_bounds(j, int(panelWidth))
        .vectorize(j, vw);
  }
  // The accumulator tile is at most one register tile: on the stack even
  // where an open extent makes its size an expression (else every tile
  // would call the runtime's allocator).
  mm.store_in(MemoryType::Stack);
  mm.update()
      .reorder(mmVars[0], mmRows, k.x)
      .split(mmVars[0], vo, vi, vw, TailStrategy::GuardWithIf)
      .vectorize(vi)
      .unroll(vo)
      .unroll(mmRows);
}

// packed_int4_matmul's B(j, k) = (code - zero) * scale, the code of column
// j in the low or high four bits of its panel's byte (see the op).
Func dequantizedPanels(const kernels::OpSpec &op,
                       const std::vector<Value> &operands, Var j) {
  const Value &codes = operands[1], &zero = operands[2], &scale = operands[3];
  int half = int(codes.type.shape[2]), width = 2 * half;
  int block = int(op.intAttr("block_size", 1));
  Var k("k");
  Expr q = j % width, panel = j / width;
  Expr byte = rawAt(codes, {panel, k, q % half});
  Expr code = select(q < half, byte & cast<uint8_t>(15), byte >> 4);
  Func staged("b_dequantized");
  staged(j, k) = (cast<float>(code) - readAt(zero, {panel, k / block, q})) *
                 readAt(scale, {panel, k / block, q});
  return staged;
}

} // namespace

std::optional<Defined> defineMatmul(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands) {
  bool isInt4 = op.kind == "packed_int4_matmul";
  bool isPacked = op.kind == "packed_matmul" || isInt4;
  bool isGemm = op.kind == "gemm" || isPacked;
  if (op.kind != "matmul" && !isGemm)
    return std::nullopt;
  if (operands.size() < (isInt4 ? 4u : 2u))
    throw std::runtime_error(op.kind + (isInt4 ? " needs a, b, zero and scale"
                                               : " needs a and b"));
  const Value &a = operands[0], &b = operands[1];
  const spec::Shape &out = op.result.shape;
  size_t rank = out.size();
  int64_t m = out[rank - 2], n = out[rank - 1];
  bool aT = isGemm && op.intAttr("a_transpose", 0);
  bool bT = isGemm && op.intAttr("b_transpose", 0);
  // packed_matmul: B is [panels, K, P], column j in panel j / P;
  // packed_int4_matmul: [panels, K, P / 2], two columns per byte.
  int64_t panelWidth = isInt4 ? 2 * b.type.shape[2]
                       : isPacked ? b.type.shape[2]
                                  : 0;
  size_t cIndex = isInt4 ? 4 : 2;
  int64_t kExtent = aT ? a.type.shape[0] : a.type.shape[a.type.shape.size() - 1];

  // Algorithm: mm(j, i, batch...) = sum_k A'(i, k) * B'(k, j).
  std::vector<Var> vars = makeVars(rank);
  size_t aRank = a.type.shape.size();
  RDom k(0, a.extent(aT ? 0 : aRank - 1), "k");
  // Batch dimensions of a/b, aligned to the output's and broadcast.
  auto batchArgs = [&](const Value &v) {
    std::vector<Expr> args;
    size_t r = v.type.shape.size();
    for (size_t d = 2; d < r; ++d)
      args.push_back(extentOf(v.type.shape, d) == 1 && extentOf(out, d) != 1
                         ? Expr(0)
                         : Expr(vars[d]));
    return args;
  };
  std::vector<Expr> aArgs = aT ? std::vector<Expr>{vars[1], k.x}
                               : std::vector<Expr>{k.x, vars[1]};
  std::vector<Expr> bArgs =
      isPacked ? std::vector<Expr>{vars[0] % int(panelWidth), k.x,
                                   vars[0] / int(panelWidth)}
      : bT     ? std::vector<Expr>{k.x, vars[0]}
               : std::vector<Expr>{vars[0], k.x};
  for (Expr e : batchArgs(a))
    aArgs.push_back(e);
  if (!isPacked)
    for (Expr e : batchArgs(b))
      bArgs.push_back(e);

  // Short sums (K <= 16) accumulate in float64: WPT allows 2K ULP, which
  // a float32 sum whose terms cancel exceeds; long ones stay float32 (the
  // bound grows with K, and float32 FMAs are twice as fast).
  bool wide = !isOpen(kExtent) && kExtent <= 16;
  Func stagedB;
  Expr bValue = read(b, bArgs);
  if (isInt4) {
    stagedB = dequantizedPanels(op, operands, vars[0]);
    bValue = stagedB(vars[0], k.x);
  }
  Func mm("mm_acc");
  if (wide) {
    mm(vars) = Internal::make_zero(Float(64));
    mm(vars) += cast<double>(read(a, aArgs)) * cast<double>(bValue);
  } else {
    mm(vars) = 0.0f;
    mm(vars) += read(a, aArgs) * bValue;
  }
  Expr value = mm(vars);
  if (isGemm) {
    const std::vector<double> *alpha = op.floatAttr("alpha");
    const std::vector<double> *beta = op.floatAttr("beta");
    spec::GemmOptions defaults;
    float alphaValue =
        float(alpha && !alpha->empty() ? alpha->front() : defaults.alpha);
    float betaValue =
        float(beta && !beta->empty() ? beta->front() : defaults.beta);
    Type t = value.type();
    if (alphaValue != 1.0f)
      value = cast(t, alphaValue) * value;
    if (operands.size() > cIndex) {
      Expr c = cast(t, broadcastRead(operands[cIndex], out, vars));
      value = value + (betaValue == 1.0f ? c : cast(t, betaValue) * c);
    }
  }
  Func result(op.kind);
  result(vars) = store(value, op.result.dataType);

  int64_t batches = workHint(out) / (sizeHint(m) * sizeHint(n));
  // One-row products whose batches share B: the batch is tiled as rows.
  bool bShared = isPacked || b.type.shape.size() == 2 ||
                 extentOf(b.type.shape, 2) == 1;
  size_t rowDim = 1;
  int64_t rowExtent = m;
  if (m == 1 && rank >= 3 && bShared && !isOpen(extentOf(out, 2)) &&
      extentOf(out, 2) > 1) {
    rowDim = 2;
    rowExtent = extentOf(out, 2);
    batches /= rowExtent;
  }
  // Open M and N at compute, for the schedule's choice of tiles.
  Expr mExtent, nExtent;
  if (isOpen(rowExtent) && rowDim == 1)
    mExtent = a.extent(aT ? aRank - 1 : aRank - 2);
  if (isOpen(n) && !isPacked)
    nExtent = b.extent(bT ? b.type.shape.size() - 2 : b.type.shape.size() - 1);
  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) {
    scheduleTiles(output, mm, vars, k, rowExtent, n, mExtent, nExtent,
                  kExtent, batches, panelWidth, rowDim, target, placement,
                  stagedB);
  };
  Value product{result, op.result};
  if (spec::hasOpenDims(out)) {
    // Batch sizes from whichever operand is not a static 1; M from a, N
    // from b (packed B's N is static).
    product.openExtents.assign(rank, Expr());
    auto fromOperand = [&](const Value &v, size_t outDim) -> Expr {
      size_t r = v.type.shape.size();
      if (r + outDim < rank)
        return Expr();
      size_t d = r - rank + outDim;
      return isOpen(v.type.shape[d]) ? v.extent(d) : Expr();
    };
    for (size_t d = 0; d + 2 < rank; ++d) {
      Expr e = fromOperand(a, d);
      if (!e.defined() && !isPacked)
        e = fromOperand(b, d);
      product.openExtents[d] = e;
    }
    if (isOpen(m))
      product.openExtents[rank - 2] = a.extent(aT ? aRank - 1 : aRank - 2);
    if (isOpen(n) && !isPacked)
      product.openExtents[rank - 1] =
          b.extent(bT ? b.type.shape.size() - 2 : b.type.shape.size() - 1);
  }
  return Defined{product, sched};
}

} // namespace webnnc::halide
