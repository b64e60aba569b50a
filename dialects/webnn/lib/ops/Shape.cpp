// SPDX-License-Identifier: Apache-2.0
// The spec results of constant and the shape and data-movement operations.
#include "Verification.h"
#include "webnnc/Spec/DimExpr.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

namespace {
std::vector<int64_t> toVector(ArrayRef<int64_t> values) {
  return std::vector<int64_t>(values.begin(), values.end());
}

// A required array attribute, or an error naming it.
#define WEBNN_REQUIRED_ARRAY(var, attr, name)                                  \
  if (!(attr))                                                                 \
    return spec::Error{name, "is required"};                                   \
  std::vector<int64_t> var = toVector((attr).asArrayRef())
} // namespace

LogicalResult ConstantOp::verify() {
  std::optional<spec::OperandDescriptor> desc =
      getDescriptor(getValue().getType());
  if (!desc)
    return emitOpError("value: must be a tensor of a WebNN data type");
  if (auto error = spec::checkDescriptor(*desc, "value"))
    return emitOpError() << error->operand << ": " << error->rule;
  return success();
}

namespace {
// One parsable expression per -1 entry of |sizes| (|allowEmpty|: an empty
// one means "to the end of the dimension", for slice).
std::optional<spec::Error> checkOpenSizes(const std::vector<int64_t> &sizes,
                                          ArrayAttr openSizes,
                                          const char *attribute,
                                          bool allowEmpty) {
  size_t open = 0;
  for (int64_t d : sizes)
    open += spec::isOpen(d);
  size_t given = openSizes ? openSizes.size() : 0;
  if (open != given)
    return spec::Error{"open_sizes", "needs one expression per -1 in " +
                                         std::string(attribute) + " (" +
                                         std::to_string(open) + "), got " +
                                         std::to_string(given)};
  for (Attribute a : openSizes ? openSizes.getValue() : ArrayRef<Attribute>{}) {
    std::string text = cast<StringAttr>(a).str();
    if (text.empty() && allowEmpty)
      continue;
    auto parsed = spec::DimExpr::parse(text);
    if (!parsed)
      return spec::Error{"open_sizes", parsed.error()};
  }
  return std::nullopt;
}
} // namespace

spec::Expected<spec::OperandDescriptor> ReshapeOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_REQUIRED_ARRAY(newShape, adaptor.getNewShapeAttr(), "new_shape");
  if (auto error = checkOpenSizes(newShape, adaptor.getOpenSizesAttr(),
                                  "new_shape", false))
    return *error;
  return spec::reshape(input, newShape);
}

spec::Expected<spec::OperandDescriptor>
TransposeOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::transpose(input, optionsOf<spec::TransposeOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor> ConcatOp::specResult(Adaptor adaptor) {
  std::vector<spec::OperandDescriptor> inputs;
  for (auto [i, value] : llvm::enumerate(adaptor.getInputs())) {
    std::string name = "inputs[" + std::to_string(i) + "]";
    WEBNN_OPERAND(input, value, name);
    inputs.push_back(input);
  }
  auto axis = adaptor.getAxisAttr();
  if (!axis)
    return spec::Error{"axis", "is required"};
  return spec::concat(inputs, axis.getInt());
}

spec::Expected<spec::OperandDescriptor> ExpandOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_REQUIRED_ARRAY(newShape, adaptor.getNewShapeAttr(), "new_shape");
  if (auto error = checkOpenSizes(newShape, adaptor.getOpenSizesAttr(),
                                  "new_shape", false))
    return *error;
  return spec::expand(input, newShape);
}

spec::Expected<spec::OperandDescriptor> PadOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_REQUIRED_ARRAY(beginning, adaptor.getBeginningPaddingAttr(),
                       "beginning_padding");
  WEBNN_REQUIRED_ARRAY(ending, adaptor.getEndingPaddingAttr(),
                       "ending_padding");
  return spec::pad(input, beginning, ending, optionsOf<spec::PadOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor> ReverseOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::reverse(input, optionsOf<spec::ReverseOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor> SliceOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_REQUIRED_ARRAY(starts, adaptor.getStartsAttr(), "starts");
  WEBNN_REQUIRED_ARRAY(sizes, adaptor.getSizesAttr(), "sizes");
  if (auto error = checkOpenSizes(sizes, adaptor.getOpenSizesAttr(), "sizes",
                                  true))
    return *error;
  return spec::slice(input, starts, sizes, optionsOf<spec::SliceOptions>(adaptor));
}

spec::Expected<std::vector<spec::OperandDescriptor>>
SplitOp::specResults(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_REQUIRED_ARRAY(splits, adaptor.getSplitsAttr(), "splits");
  return spec::split(input, splits, /*isCount=*/false,
                     optionsOf<spec::SplitOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor> TileOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_REQUIRED_ARRAY(repetitions, adaptor.getRepetitionsAttr(),
                       "repetitions");
  return spec::tile(input, repetitions);
}

spec::Expected<spec::OperandDescriptor>
TriangularOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::triangular(input, optionsOf<spec::TriangularOptions>(adaptor));
}
