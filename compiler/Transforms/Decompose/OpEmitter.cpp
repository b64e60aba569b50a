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
  return create<webnn::ReshapeOp>({input}, {array("new_shape", shape)});
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
