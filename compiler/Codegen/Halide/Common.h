// SPDX-License-Identifier: Apache-2.0
// Shared by the Halide kernel families (webnnc-kernelgen only; LLVM 14).
//
// A WebNN value is a Halide Func over the tensor's dimensions in Halide
// order: argument 0 is the innermost (last) WebNN dimension. Values store
// their data type; arithmetic happens in the compute type (float32 for
// float16, the type itself otherwise).
#ifndef WEBNNC_CODEGEN_HALIDE_COMMON_H_
#define WEBNNC_CODEGEN_HALIDE_COMMON_H_

#include <functional>
#include <vector>

#include "Halide.h"
#include "webnnc/KernelSpec/KernelSpec.h"

namespace webnnc::halide {

struct Value {
  Halide::Func func;
  kernels::TensorSpec type;
  // Sizes of open dimensions (WebNN order; undefined where static or not
  // known): a kernel input's buffer extent, or what an op derived from its
  // operands' sizes.
  std::vector<Halide::Expr> openExtents;

  spec::OperandDescriptor descriptor() const {
    return {type.dataType, type.shape};
  }
  // The size of dimension |d| (WebNN order): a constant where static.
  // Throws if it is open and unknown inside this kernel.
  Halide::Expr extent(size_t d) const;
};

// Whether dimension |size| is open (sized at compute).
inline bool isOpen(int64_t size) { return spec::isOpen(size); }
// |size|, or a typical size for an open dimension, for schedule choices.
inline int64_t sizeHint(int64_t size) { return isOpen(size) ? 64 : size; }
// Element count with open dimensions at their hint.
int64_t workHint(const spec::Shape &shape);


// Where a stage's loops go: at the kernel's root, where they may use
// threads, or inside the loop of the stage that consumes it (computed a
// few rows at a time, in the consumer's thread).
// An in-place output shares memory with an input, so vector tails must be
// guarded rather than shifted inwards (which re-reads written elements).
// A pooling or depthwise conv stage is given its fused producer, to
// compute it inside its own tiles. A producer that slides down its
// consumer's rows is asked for a row or two at a time, so its own tiles
// are one row high (taller ones would recompute rows already there).
struct Placement {
  bool root = true;
  bool inPlace = false;
  Halide::Func producer;
  bool singleRowTiles = false;
};

// The tail strategy for splitting a dimension of |size| by |factor| in a
// Func placed as |placement| says. ShiftInwards (the last tile moves
// inwards and recomputes a few elements: no guards in the loop) only where
// the tile provably fits in what the Func computes: a root Func, realized
// over its whole static size, at least |factor| wide, not overwriting its
// input. Anywhere else the last tile is guarded: a fused producer computes
// only the region its consumer needs, which may be narrower than a tile
// (ShiftInwards would then start the tile before the region and read
// before the input's first element), and an open size may be smaller than
// the split.
Halide::TailStrategy tailFor(int64_t size, int factor,
                             const Placement &placement);

// Schedules a stage whose anchor op defined this schedule: |output| is the
// stage's output Func (the kernel's output for the last stage), into which
// element-wise consumers of the anchor are inlined.
using Schedule = std::function<void(Halide::Func output,
                                    const Halide::Target &target,
                                    const Placement &placement)>;

struct Defined {
  Value value;
  Schedule schedule;
};

Halide::Type storageType(spec::DataType type);
Halide::Type computeType(spec::DataType type);

std::vector<Halide::Var> makeVars(size_t rank);
std::vector<Halide::Expr> toExprs(const std::vector<Halide::Var> &vars);

// |value|'s element at output coordinates |vars| of an output of shape
// |outShape|, broadcasting (numpy rules), in the compute type.
Halide::Expr broadcastRead(const Value &value, const spec::Shape &outShape,
                           const std::vector<Halide::Var> &vars);
// |value| at |args| (Halide order), in the compute type.
Halide::Expr read(const Value &value, const std::vector<Halide::Expr> &args);
// |value| at WebNN-order coordinates |index| (index[0] is the outermost
// dimension), in the compute type.
Halide::Expr readAt(const Value &value, const std::vector<Halide::Expr> &index);
// |value| at WebNN-order coordinates, in its storage type.
Halide::Expr rawAt(const Value &value, const std::vector<Halide::Expr> &index);
// The WebNN-order coordinates of Halide vars |vars| (reversed).
std::vector<Halide::Expr> webnnOrder(const std::vector<Halide::Var> &vars);

// |e| converted to |type|'s storage type.
Halide::Expr store(Halide::Expr e, spec::DataType type);

// clamp(round(value + addend) + zeroPoint, lo, hi), rounding half to even,
// as an int32 (value and addend float32; lo, hi within +-2^22). Rounded
// by adding 1.5 * 2^23, where a float's unit in the last place is 1, so the
// add itself rounds (ties to even) and the sum's low mantissa bits hold the
// integer: a multiply-add and a clamp, where round() costs four
// instructions per 16 lanes on AVX-512 (Halide 14 splits it in halves).
Halide::Expr roundedAndClamped(Halide::Expr value, Halide::Expr addend,
                               int zeroPoint, int lo, int hi);

// The vector width to use along a dimension of |extent| elements of |type|:
// the target's natural width, or the largest power of two not above
// |extent| when the dimension is shorter (natural when open).
int vectorWidth(const Halide::Target &target, Halide::Type type,
                int64_t extent);

// Whether the kernel is compiled deterministic (CompileOptions::
// deterministic): its results may not depend on the vector width. The
// compiler says so with Halide's disable_llvm_loop_opt feature, which also
// keeps LLVM from vectorizing (reassociating) a reduction loop left scalar.
inline bool isDeterministic(const Halide::Target &target) {
  return target.has_feature(Halide::Target::DisableLLVMLoopOpt);
}

// Deterministic kernels also compute every value a Func stores (store())
// strictly: Halide's strict_float, no reassociation, contraction or
// reciprocal, because LLVM's fast-math rewrites order the same expression
// differently for AVX2 and AVX-512 (hardSwish's x * y / 6 became
// (x * y) * (1/6) on one and (x * (1/6)) * y on the other). Sums a kernel
// accumulates in update definitions keep their one order and their fused
// multiply-adds. Set once per kernel batch by the generator.
void setStrictStores(bool strict);

// A float64 literal (Halide has no implicit Expr from double).
inline Halide::Expr f64(double v) {
  return Halide::Internal::make_const(Halide::Float(64), v);
}

// Extent of Halide dimension |d| of |shape|.
inline int64_t extentOf(const spec::Shape &shape, size_t d) {
  return shape[shape.size() - 1 - d];
}

// Whether |work| (roughly, multiply-adds or elements touched) is worth
// splitting across threads: a few microseconds at least, or waking the
// pool and moving the data between cores costs more than it saves (a
// 32K-element slice took 3 us on one thread and 15 us on two).
inline bool worthParallel(int64_t work) { return work >= (1 << 17); }

// A Func of |shape| whose element at WebNN coordinates `index` is
// |body|(index) (already in the storage type), scheduled element-wise.
Defined definePointwise(const std::string &name, const kernels::OpSpec &op,
                        const std::function<Halide::Expr(
                            const std::vector<Halide::Expr> &)> &body);

// The element-wise schedule: vectorize the innermost dimension, split the
// outermost across threads when the tensor is large.
void scheduleElementwise(Halide::Func output, const spec::Shape &shape,
                         const Halide::Target &target,
                         const Placement &placement = {});

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_COMMON_H_
