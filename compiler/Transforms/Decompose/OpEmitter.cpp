// SPDX-License-Identifier: Apache-2.0
// OpEmitter: the webnn ops the decompositions build.
#include "OpEmitter.h"

namespace webnnc::decompose {
using namespace mlir;

Value OpEmitter::slice(Value input, ArrayRef<int64_t> starts,
                       ArrayRef<int64_t> sizes) {
  // An open size (-1, or a tensor type's dynamic size) runs to the end of
  // the input's dimension.
  SmallVector<int64_t> given(sizes);
  for (int64_t &size : given)
    if (ShapedType::isDynamic(size))
      size = spec::kOpenDim;
  SmallVector<NamedAttribute> attrs = {array("starts", starts),
                                       array("sizes", given)};
  SmallVector<Attribute> toEnd(llvm::count(given, spec::kOpenDim),
                               rewriter_.getStringAttr(""));
  if (!toEnd.empty())
    attrs.push_back(
        rewriter_.getNamedAttr("open_sizes", rewriter_.getArrayAttr(toEnd)));
  return create<webnn::SliceOp>({input}, attrs);
}

Value OpEmitter::reshape(Value input, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> given(shape);
  SmallVector<Attribute> sameAsInput;
  int64_t next = 0;
  for (int64_t &size : given) {
    if (!ShapedType::isDynamic(size) && size != spec::kOpenDim)
      continue;
    size = spec::kOpenDim;
    while (next < type.getRank() && !type.isDynamicDim(next))
      ++next;
    sameAsInput.push_back(
        rewriter_.getStringAttr("$" + std::to_string(next++)));
  }
  SmallVector<NamedAttribute> attrs = {array("new_shape", given)};
  if (!sameAsInput.empty())
    attrs.push_back(rewriter_.getNamedAttr(
        "open_sizes", rewriter_.getArrayAttr(sameAsInput)));
  return create<webnn::ReshapeOp>({input}, attrs);
}

Value OpEmitter::transpose(Value input, ArrayRef<int64_t> permutation) {
  return create<webnn::TransposeOp>({input},
                                    {array("permutation", permutation)});
}

Value OpEmitter::concat(ValueRange inputs, int64_t axis) {
  if (inputs.size() == 1)
    return inputs.front();
  return create<webnn::ConcatOp>(
      inputs, {rewriter_.getNamedAttr("axis", rewriter_.getI64IntegerAttr(axis))});
}

Value OpEmitter::gemmTransposedB(Value a, Value b, Value c) {
  SmallVector<Value> operands{a, b};
  if (c)
    operands.push_back(c);
  return create<webnn::GemmOp>(
      operands,
      {rewriter_.getNamedAttr("b_transpose", rewriter_.getBoolAttr(true))});
}

Value OpEmitter::add(Value a, Value b) { return create<webnn::AddOp>({a, b}); }
Value OpEmitter::sub(Value a, Value b) { return create<webnn::SubOp>({a, b}); }
Value OpEmitter::mul(Value a, Value b) { return create<webnn::MulOp>({a, b}); }

Value OpEmitter::activation(spec::RecurrentNetworkActivation fn, Value input) {
  switch (fn) {
  case spec::RecurrentNetworkActivation::Relu:
    return create<webnn::ReluOp>({input});
  case spec::RecurrentNetworkActivation::Sigmoid:
    return create<webnn::SigmoidOp>({input});
  case spec::RecurrentNetworkActivation::Tanh:
    return create<webnn::TanhOp>({input});
  }
  return input;
}

Value OpEmitter::zeros(Type elementType, ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, elementType);
  Attribute zero = isa<FloatType>(elementType)
                       ? Attribute(rewriter_.getFloatAttr(elementType, 0.0))
                       : Attribute(rewriter_.getIntegerAttr(elementType, 0));
  return webnn::ConstantOp::create(rewriter_, loc_, type,
                                   DenseElementsAttr::get(type, zero));
}

Value OpEmitter::zerosLike(Type elementType, Value like, int64_t columns) {
  auto type = cast<RankedTensorType>(like.getType());
  if (!type.isDynamicDim(0))
    return zeros(elementType, {type.getDimSize(0), columns});
  // where(c, 0, 0) with c [rows, 1] from |like|: zeros whatever |like|
  // holds (NaN and infinities included), rows sized at compute.
  SmallVector<int64_t> starts(type.getRank(), 0), sizes(type.getShape());
  for (int64_t d = 1; d < type.getRank(); ++d)
    sizes[d] = 1;
  Value column = slice(like, starts, sizes);
  Value condition = create<webnn::EqualOp>({column, column});
  Value zero = zeros(elementType, {1, columns});
  return create<webnn::WhereOp>({condition, zero, zero});
}

Value OpEmitter::select(Value value, int64_t index) {
  if (!value)
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> starts(type.getRank(), 0), sizes(type.getShape());
  starts[0] = index;
  sizes[0] = 1;
  Value part = slice(value, starts, sizes);
  return reshape(part, type.getShape().drop_front());
}

} // namespace webnnc::decompose
