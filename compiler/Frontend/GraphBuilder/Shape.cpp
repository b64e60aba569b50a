// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: shape and data-movement operations.
#include "BuilderImpl.h"
#include "webnnc/Shapes/ShapeProgram.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

namespace {

// The C++ shape lists are signed; WebNN's sizes are unsigned. A negative
// entry is an error (an open size is an expression: the *Symbolic forms).
std::optional<spec::Error> checkStaticSizes(const char *name,
                                            const std::vector<int64_t> &sizes,
                                            const char *symbolic) {
  for (int64_t size : sizes)
    if (size < 0)
      return spec::Error{name, "sizes must not be negative (got " +
                                   std::to_string(size) +
                                   "); a size known only at compute is "
                                   "an expression, given to " +
                                   symbolic};
  return std::nullopt;
}

} // namespace

Operand GraphBuilder::reshape(const Operand &input, const Shape &newShape,
                              const OperatorOptions &options) {
  OpCall call(*impl_, this, "reshape", options.label);
  if (!call.check("input", input))
    return call.failed();
  if (auto error = checkStaticSizes("newShape", newShape, "reshapeSymbolic"))
    return call.fail(*error);
  auto result = spec::reshape(input.descriptor(), newShape);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.array("new_shape", newShape);
  return call.create<webnn::ReshapeOp>(*result, {impl_->value(input)}, attrs);
}

namespace {

// A shape with expressions: static entries as sizes, the others -1 with
// their expressions (the op's open_sizes attribute).
struct SymbolicShape {
  Shape shape;
  mlir::ArrayAttr openSizes;
};

SymbolicShape symbolicShape(mlir::Builder &b,
                            const std::vector<DimExpr> &sizes) {
  SymbolicShape out;
  SmallVector<mlir::Attribute> open;
  for (const DimExpr &e : sizes) {
    if (auto v = e.constantValue()) {
      out.shape.push_back(*v);
      continue;
    }
    out.shape.push_back(spec::kOpenDim);
    open.push_back(b.getStringAttr(e.toString()));
  }
  if (!open.empty())
    out.openSizes = b.getArrayAttr(open);
  return out;
}

} // namespace

Operand GraphBuilder::reshapeSymbolic(const Operand &input,
                                      const std::vector<DimExpr> &newShape,
                                      const OperatorOptions &options) {
  OpCall call(*impl_, this, "reshape", options.label);
  if (!call.check("input", input))
    return call.failed();
  SymbolicShape target = symbolicShape(call.builder(), newShape);
  auto result = spec::reshape(input.descriptor(), target.shape);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.array("new_shape", target.shape).add("open_sizes", target.openSizes);
  return call.create<webnn::ReshapeOp>(*result, {impl_->value(input)}, attrs);
}

Operand GraphBuilder::transpose(const Operand &input,
                                const TransposeOptions &options) {
  return buildOp<webnn::TransposeOp>(
      *impl_, this, "transpose", {{"input", input}}, options,
      [&](const TransposeOptions &o) {
        return spec::transpose(input.descriptor(), o);
      });
}

Operand GraphBuilder::concat(const std::vector<Operand> &inputs, uint32_t axis,
                             const OperatorOptions &options) {
  OpCall call(*impl_, this, "concat", options.label);
  std::vector<OperandDescriptor> descs;
  OperandList operands(*impl_);
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string name = "inputs[" + std::to_string(i) + "]";
    if (!call.check(name.c_str(), inputs[i]))
      return call.failed();
    descs.push_back(inputs[i].descriptor());
    operands.add(inputs[i]);
  }
  auto result = spec::concat(descs, axis);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.i64("axis", axis);
  return call.create<webnn::ConcatOp>(*result, operands.values(), attrs);
}

Operand GraphBuilder::expand(const Operand &input, const Shape &newShape,
                             const OperatorOptions &options) {
  OpCall call(*impl_, this, "expand", options.label);
  if (!call.check("input", input))
    return call.failed();
  if (auto error = checkStaticSizes("newShape", newShape, "expandSymbolic"))
    return call.fail(*error);
  auto result = spec::expand(input.descriptor(), newShape);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.array("new_shape", newShape);
  return call.create<webnn::ExpandOp>(*result, {impl_->value(input)}, attrs);
}

Operand GraphBuilder::expandSymbolic(const Operand &input,
                                     const std::vector<DimExpr> &newShape,
                                     const OperatorOptions &options) {
  OpCall call(*impl_, this, "expand", options.label);
  if (!call.check("input", input))
    return call.failed();
  SymbolicShape target = symbolicShape(call.builder(), newShape);
  auto result = spec::expand(input.descriptor(), target.shape);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.array("new_shape", target.shape).add("open_sizes", target.openSizes);
  return call.create<webnn::ExpandOp>(*result, {impl_->value(input)}, attrs);
}

Operand GraphBuilder::pad(const Operand &input,
                          const std::vector<int64_t> &beginningPadding,
                          const std::vector<int64_t> &endingPadding,
                          const PadOptions &options) {
  return buildOp<webnn::PadOp>(
      *impl_, this, "pad", {{"input", input}}, options,
      [&](const PadOptions &o) {
        return spec::pad(input.descriptor(), beginningPadding, endingPadding,
                         o);
      },
      [&](AttrList &attrs) {
        attrs.array("beginning_padding", beginningPadding)
            .array("ending_padding", endingPadding);
      });
}

Operand GraphBuilder::reverse(const Operand &input,
                              const ReverseOptions &options) {
  return buildOp<webnn::ReverseOp>(
      *impl_, this, "reverse", {{"input", input}}, options,
      [&](const ReverseOptions &o) {
        return spec::reverse(input.descriptor(), o);
      });
}

Operand GraphBuilder::slice(const Operand &input,
                            const std::vector<int64_t> &starts,
                            const std::vector<int64_t> &sizes,
                            const SliceOptions &options) {
  return buildOp<webnn::SliceOp>(
      *impl_, this, "slice", {{"input", input}}, options,
      [&](const SliceOptions &o) -> spec::Expected<OperandDescriptor> {
        if (auto error = checkStaticSizes("sizes", sizes, "sliceSymbolic"))
          return *error;
        return spec::slice(input.descriptor(), starts, sizes, o);
      },
      [&](AttrList &attrs) {
        attrs.array("starts", starts).array("sizes", sizes);
      });
}

Operand GraphBuilder::sliceSymbolic(const Operand &input,
                                    const std::vector<int64_t> &starts,
                                    const std::vector<DimExpr> &sizes,
                                    const SliceOptions &options) {
  SymbolicShape target = symbolicShape(impl_->builder, sizes);
  return buildOp<webnn::SliceOp>(
      *impl_, this, "slice", {{"input", input}}, options,
      [&](const SliceOptions &o) {
        return spec::slice(input.descriptor(), starts, target.shape, o);
      },
      [&](AttrList &attrs) {
        attrs.array("starts", starts)
            .array("sizes", target.shape)
            .add("open_sizes", target.openSizes);
      });
}

Expected<DimExpr, BuildError> GraphBuilder::dim(const Operand &operand,
                                                size_t axis) {
  OpCall call(*impl_, this, "dim", "");
  if (!call.check("operand", operand))
    return *call.failed().error();
  if (axis >= operand.rank())
    return *call.fail("axis", "must be less than the rank " +
                                  std::to_string(operand.rank()))
                .error();
  int64_t size = operand.shape()[axis];
  if (!spec::isOpen(size))
    return DimExpr(size);
  // The shape program of the graph built so far says what it is.
  mlir::FailureOr<ShapeProgram> program = buildShapeProgram(impl_->func);
  if (failed(program))
    return *call.fail("operand", "its sizes cannot be expressed").error();
  return program->toExpression(program->dimsOf(impl_->value(operand))[axis]);
}

namespace {

std::vector<Operand> split(GraphBuilder::Impl &impl, const GraphBuilder *owner,
                           const Operand &input,
                           const std::vector<int64_t> &splits, bool isCount,
                           const SplitOptions &options) {
  OpCall call(impl, owner, "split", options.label);
  size_t parts =
      isCount ? (splits.empty() ? 0 : size_t(splits[0])) : splits.size();
  // A huge count cannot be honoured anyway; the spec step rejects it.
  if (!call.check("input", input))
    return call.failedMany(std::min<size_t>(parts, 1024));
  auto result = spec::split(input.descriptor(), splits, isCount, options);
  if (!result) {
    call.fail(result.error());
    return call.failedMany(std::min<size_t>(parts, 1024));
  }
  std::vector<int64_t> sizes;
  for (const OperandDescriptor &desc : *result)
    sizes.push_back(desc.shape[options.axis]);
  AttrList attrs(call.builder());
  attrs.array("splits", sizes).options<webnn::SplitOp>(options);
  return call.create<webnn::SplitOp>(*result, {impl.value(input)}, attrs);
}

} // namespace

std::vector<Operand> GraphBuilder::split(const Operand &input, uint32_t count,
                                         const SplitOptions &options) {
  return webnnc::split(*impl_, this, input, {int64_t(count)}, true, options);
}

std::vector<Operand> GraphBuilder::split(const Operand &input,
                                         const std::vector<int64_t> &sizes,
                                         const SplitOptions &options) {
  return webnnc::split(*impl_, this, input, sizes, false, options);
}

Operand GraphBuilder::tile(const Operand &input,
                           const std::vector<int64_t> &repetitions,
                           const OperatorOptions &options) {
  return buildOp<webnn::TileOp>(
      *impl_, this, "tile", {{"input", input}}, options,
      [&](const OperatorOptions &) {
        return spec::tile(input.descriptor(), repetitions);
      },
      [&](AttrList &attrs) { attrs.array("repetitions", repetitions); });
}

Operand GraphBuilder::triangular(const Operand &input,
                                 const TriangularOptions &options) {
  return buildOp<webnn::TriangularOp>(
      *impl_, this, "triangular", {{"input", input}}, options,
      [&](const TriangularOptions &o) {
        return spec::triangular(input.descriptor(), o);
      });
}

} // namespace webnnc
