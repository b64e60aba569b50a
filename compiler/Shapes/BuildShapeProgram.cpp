// SPDX-License-Identifier: Apache-2.0
// Building the ShapeProgram (buildShapeProgram): one size rule per op
// family, over symbolic dimensions. The spec library checks what is known
// at build time; these rules express what is left for compute.
#include "webnnc/Shapes/ShapeProgram.h"

#include <functional>

#include "mlir/IR/SymbolTable.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Spec/Ops.h"

using namespace mlir;

namespace webnnc {
namespace {

std::string describe(Operation *op) { return describeOp(op); }

class Builder {
public:
  explicit Builder(ShapeProgram &program) : p_(program) {}

  LogicalResult addGraph(func::FuncOp graph) {
    int64_t flat = 0;
    std::map<std::string, std::pair<int, std::string>> named;
    for (BlockArgument arg : graph.getArguments()) {
      auto desc = *webnn::getDescriptor(arg.getType());
      auto names = graph.getArgAttrOfType<ArrayAttr>(
          arg.getArgNumber(), webnn::WebNNDialect::kOpenDimNamesAttr);
      auto inputName = graph.getArgAttrOfType<StringAttr>(
          arg.getArgNumber(), webnn::WebNNDialect::kNameAttr);
      std::string input = inputName ? inputName.str() : "?";
      ShapeProgram::Dims dims;
      size_t open = 0;
      for (auto [d, size] : llvm::enumerate(desc.shape)) {
        if (!spec::isOpen(size)) {
          dims.push_back(p_.constant(size));
          ++flat;
          continue;
        }
        p_.markDynamic();
        int64_t index = flat++;
        int node = p_.inputDim(index);
        std::string where =
            "input '" + input + "' dimension " + std::to_string(d);
        std::string name;
        if (names && open < names.size())
          name = cast<StringAttr>(names[open]).str();
        if (!name.empty()) {
          auto [it, first] = named.try_emplace(name, node, where);
          if (!first)
            p_.requireEqual(node, it->second.first,
                            where + " ('" + name + "') must equal " +
                                it->second.second + " ('" + name + "')");
        }
        // Expressions name an unnamed open dimension INPUT.AXIS.
        p_.nameInputDim(index,
                        name.empty() ? input + "." + std::to_string(d) : name);
        ++open;
        dims.push_back(node);
      }
      p_.setDims(arg, dims);
    }
    SymbolTable symbols(graph->getParentOfType<ModuleOp>());
    for (Operation &op : graph.getBody().front()) {
      if (auto call = dyn_cast<func::CallOp>(op)) {
        auto kernel = symbols.lookup<func::FuncOp>(call.getCallee());
        if (!kernel || kernel.isExternal())
          return call.emitOpError("calls a kernel whose body is unknown");
        if (failed(addCall(call, kernel)))
          return failure();
        continue;
      }
      if (isa<func::ReturnOp>(op))
        continue;
      if (failed(addOp(&op)))
        return failure();
    }
    return success();
  }

private:
  LogicalResult addCall(func::CallOp call, func::FuncOp kernel) {
    Block &body = kernel.getBody().front();
    for (auto [arg, operand] :
         llvm::zip(body.getArguments(), call.getOperands()))
      p_.setDims(arg, p_.dimsOf(operand));
    for (Operation &op : body) {
      if (auto ret = dyn_cast<func::ReturnOp>(op)) {
        for (auto [result, value] :
             llvm::zip(call.getResults(), ret.getOperands()))
          p_.setDims(result, p_.dimsOf(value));
        continue;
      }
      if (failed(addOp(&op)))
        return failure();
    }
    return success();
  }

  // The dims of |type| where static; open ones are left -1 for the rule.
  static ShapeProgram::Dims staticDims(ShapeProgram &p, Type type, bool &open) {
    ShapeProgram::Dims dims;
    open = false;
    spec::Shape shape = webnn::getDescriptor(type)->shape;
    for (int64_t d : shape) {
      open |= spec::isOpen(d);
      dims.push_back(spec::isOpen(d) ? -1 : p.constant(d));
    }
    return dims;
  }

  LogicalResult addOp(Operation *op) {
    bool operandsOpen = false;
    for (Value operand : op->getOperands())
      for (int node : p_.dimsOf(operand))
        operandsOpen |= !p_.isConstant(node);
    for (Value result : op->getResults()) {
      bool open;
      ShapeProgram::Dims dims = staticDims(p_, result.getType(), open);
      if (!open && !operandsOpen) {
        p_.setDims(result, dims);
        continue;
      }
      FailureOr<ShapeProgram::Dims> ruled = rule(op, dims);
      if (failed(ruled))
        return failure();
      // What the rule derived must agree with the static sizes the
      // verifier inferred (an open operand may meet a static one).
      for (auto [d, node] : llvm::enumerate(*ruled))
        if (dims[d] >= 0)
          p_.requireEqual(node, dims[d],
                          describe(op) + ": output dimension " +
                              std::to_string(d) + " must be " +
                              std::to_string(p_.nodes()[dims[d]].value));
      p_.setDims(result, *ruled);
    }
    return success();
  }

  FailureOr<ShapeProgram::Dims> rule(Operation *op,
                                     const ShapeProgram::Dims &result) {
    std::string kind = op->getName().stripDialect().str();
    if (webnn::isElementwise(op))
      return broadcast(op, result.size());
    if (kind == "softmax" || kind == "identity")
      return p_.dimsOf(op->getOperand(0));
    if (auto conv = dyn_cast<webnn::Conv2dOp>(op))
      return conv2d(op, conv.getInput(), webnn::optionsOf<spec::Conv2dOptions>(conv),
                    *webnn::getDescriptor(conv.getFilter().getType()));
    if (auto conv = dyn_cast<webnn::PackedConv2dOp>(op))
      return conv2d(op, conv.getInput(), conv.conv2dOptions(),
                    conv.unpackedFilter());
    if (auto conv = dyn_cast<webnn::QuantizedConv2dOp>(op))
      return conv2d(op, conv.getInput(), conv.conv2dOptions(),
                    conv.unpackedFilter());
    if (auto conv = dyn_cast<webnn::WinogradConv2dOp>(op))
      return conv2d(op, conv.getInput(), conv.conv2dOptions(),
                    conv.unpackedFilter());
    if (auto conv = dyn_cast<webnn::ConvTranspose2dOp>(op))
      return convTranspose2d(conv);
    if (isa<webnn::MaxPool2dOp, webnn::AveragePool2dOp, webnn::L2Pool2dOp>(op))
      return pool2d(op);
    if (isa<webnn::MatmulOp>(op))
      return matmul(op, op->getOperand(0), op->getOperand(1), false, false);
    if (auto gemm = dyn_cast<webnn::GemmOp>(op))
      return matmul(op, gemm.getA(), gemm.getB(), gemm.getATranspose(),
                    gemm.getBTranspose());
    if (auto packed = dyn_cast<webnn::PackedMatmulOp>(op))
      return packedMatmul(packed, packed.getA(), packed.getPackedB(),
                          packed.getColumns(), packed.getATranspose());
    if (auto packed = dyn_cast<webnn::PackedInt4MatmulOp>(op))
      return packedMatmul(packed, packed.getA(), packed.getPackedB(),
                          packed.getColumns(), false);
    if (kind.rfind("reduce_", 0) == 0 ||
        isa<webnn::ArgMinOp, webnn::ArgMaxOp>(op))
      return reduce(op);
    if (isa<webnn::SoftmaxOp, webnn::CumulativeSumOp, webnn::TriangularOp,
            webnn::LayerNormalizationOp, webnn::InstanceNormalizationOp,
            webnn::BatchNormalizationOp, webnn::ReverseOp,
            webnn::QuantizeLinearOp, webnn::DequantizeLinearOp>(op))
      return p_.dimsOf(op->getOperand(0));
    if (auto split = dyn_cast<webnn::SplitOp>(op)) {
      // The axis is static (each part's size); the rest is the input's.
      ShapeProgram::Dims out = p_.dimsOf(split.getInput());
      out[size_t(split.getAxis())] = result[size_t(split.getAxis())];
      return out;
    }
    if (auto reshape = dyn_cast<webnn::ReshapeOp>(op))
      return sized(op, reshape.getNewShape(), reshape.getOpenSizesAttr(),
                   /*sameCount=*/true);
    if (auto expand = dyn_cast<webnn::ExpandOp>(op))
      return expanded(expand);
    if (auto slice = dyn_cast<webnn::SliceOp>(op))
      return sliced(slice);
    if (auto concat = dyn_cast<webnn::ConcatOp>(op))
      return concatenated(concat);
    if (auto gather = dyn_cast<webnn::GatherOp>(op)) {
      const ShapeProgram::Dims &in = p_.dimsOf(gather.getInput());
      const ShapeProgram::Dims &idx = p_.dimsOf(gather.getIndices());
      size_t axis = size_t(gather.getAxis());
      ShapeProgram::Dims out(in.begin(), in.begin() + axis);
      out.append(idx.begin(), idx.end());
      out.append(in.begin() + axis + 1, in.end());
      return out;
    }
    if (auto gather = dyn_cast<webnn::GatherElementsOp>(op)) {
      // The indices' shape, equal to the input's off the axis.
      const ShapeProgram::Dims &idx = p_.dimsOf(gather.getIndices());
      indicesOffTheAxis(op, gather.getInput(), idx, gather.getAxis());
      return idx;
    }
    if (auto gather = dyn_cast<webnn::GatherNDOp>(op))
      return ndShape(op, gather.getInput(), gather.getIndices());
    if (auto scatter = dyn_cast<webnn::ScatterElementsOp>(op)) {
      // updates and indices alike, equal to the input off the axis.
      const ShapeProgram::Dims &idx = p_.dimsOf(scatter.getIndices());
      const ShapeProgram::Dims &up = p_.dimsOf(scatter.getUpdates());
      for (size_t d = 0; d < idx.size(); ++d)
        p_.requireEqual(up[d], idx[d],
                        describe(op) + ": updates: dimension " +
                            std::to_string(d) + " must equal the indices'");
      indicesOffTheAxis(op, scatter.getInput(), idx, scatter.getAxis());
      return p_.dimsOf(scatter.getInput());
    }
    if (auto scatter = dyn_cast<webnn::ScatterNDOp>(op)) {
      FailureOr<ShapeProgram::Dims> want =
          ndShape(op, scatter.getInput(), scatter.getIndices());
      if (failed(want))
        return failure();
      const ShapeProgram::Dims &up = p_.dimsOf(scatter.getUpdates());
      for (size_t d = 0; d < up.size() && d < want->size(); ++d)
        p_.requireEqual(up[d], (*want)[d],
                        describe(op) + ": updates: dimension " +
                            std::to_string(d) +
                            " must equal indices.shape[:-1] + "
                            "input.shape[indices.shape[-1]:]");
      return p_.dimsOf(scatter.getInput());
    }
    if (auto pad = dyn_cast<webnn::PadOp>(op)) {
      ShapeProgram::Dims out = p_.dimsOf(pad.getInput());
      for (size_t d = 0; d < out.size(); ++d)
        out[d] = p_.add(out[d], p_.constant(pad.getBeginningPadding()[d] +
                                            pad.getEndingPadding()[d]));
      return out;
    }
    if (auto tile = dyn_cast<webnn::TileOp>(op)) {
      ShapeProgram::Dims out = p_.dimsOf(tile.getInput());
      for (size_t d = 0; d < out.size(); ++d)
        out[d] = p_.mul(out[d], p_.constant(tile.getRepetitions()[d]));
      return out;
    }
    if (isa<webnn::GruOp, webnn::LstmOp, webnn::GruCellOp, webnn::LstmCellOp,
            webnn::RecurrenceOp>(op)) {
      // The batch (the input's dimension 1, 0 for a cell) and the
      // sequence length (dimension 0 of the input and of a sequence
      // result, [steps, directions, batch, hidden]) may be open.
      bool cell = isa<webnn::GruCellOp, webnn::LstmCellOp>(op);
      const ShapeProgram::Dims &in = p_.dimsOf(op->getOperand(0));
      int batch = in[cell ? 0 : 1];
      ShapeProgram::Dims out = result;
      for (size_t d = 0; d < out.size(); ++d)
        if (out[d] < 0)
          out[d] = out.size() == 4 && d == 0 ? in[0] : batch;
      return out;
    }
    if (auto resample = dyn_cast<webnn::Resample2dOp>(op))
      return resampled(resample, result);
    if (auto transpose = dyn_cast<webnn::TransposeOp>(op)) {
      const ShapeProgram::Dims &in = p_.dimsOf(transpose.getInput());
      std::vector<int64_t> perm =
          webnn::optionsOf<spec::TransposeOptions>(transpose).permutation;
      ShapeProgram::Dims out;
      for (size_t d = 0; d < in.size(); ++d)
        out.push_back(in[perm.empty() ? in.size() - 1 - d : perm[d]]);
      return out;
    }
    return op->emitOpError("has open dimensions, which webnnc cannot size "
                           "at compute for this op");
  }

  // gatherElements' and scatterElements' indices equal the input's shape
  // off the axis.
  void indicesOffTheAxis(Operation *op, Value input,
                         const ShapeProgram::Dims &idx, int64_t axis) {
    const ShapeProgram::Dims &in = p_.dimsOf(input);
    for (size_t d = 0; d < in.size(); ++d)
      if (int64_t(d) != axis)
        p_.requireEqual(idx[d], in[d],
                        describe(op) + ": indices: dimension " +
                            std::to_string(d) +
                            " must equal the input's off the axis");
  }

  // gatherND's (and scatterND's updates') shape: indices.shape[:-1] +
  // input.shape[k:], k = indices.shape[-1] (static: the spec requires it).
  FailureOr<ShapeProgram::Dims> ndShape(Operation *op, Value input,
                                        Value indices) {
    const ShapeProgram::Dims &in = p_.dimsOf(input);
    const ShapeProgram::Dims &idx = p_.dimsOf(indices);
    if (idx.empty() || !p_.isConstant(idx.back()))
      return op->emitOpError("indices: the last dimension must be static");
    size_t k = size_t(p_.nodes()[idx.back()].value);
    if (k > in.size())
      return op->emitOpError("indices: the last dimension exceeds the "
                             "input's rank");
    ShapeProgram::Dims out(idx.begin(), idx.end() - 1);
    out.append(in.begin() + k, in.end());
    return out;
  }

  // resample2d: the input's dims, a resampled axis static or (open input,
  // scaled) floor(size * p / q).
  FailureOr<ShapeProgram::Dims> resampled(webnn::Resample2dOp op,
                                          const ShapeProgram::Dims &result) {
    ShapeProgram::Dims out = p_.dimsOf(op.getInput());
    auto type = cast<RankedTensorType>(op.getType());
    std::vector<int64_t> axes = {2, 3};
    if (auto given = op.getAxes())
      axes.assign(given->begin(), given->end());
    for (size_t i = 0; i < 2 && i < axes.size(); ++i) {
      size_t axis = size_t(axes[i]);
      if (!type.isDynamicDim(axis)) {
        out[axis] = result[axis];
        continue;
      }
      auto scales = op.getScales();
      auto ratio =
          scales ? spec::resampledSizeRatio((*scales)[i]) : std::nullopt;
      if (!ratio)
        return op.emitOpError("has an open resampled size without a scale "
                              "webnnc can compute it by");
      out[axis] = p_.floorDiv(p_.mul(out[axis], p_.constant(ratio->first)),
                              ratio->second);
      p_.requireAtLeast(out[axis], 1,
                        describe(op) +
                            ": the resampled size "
                            "of axis " +
                            std::to_string(axis) + " must be positive");
    }
    return out;
  }

  // The dims of |shape| (-1 entries from |openSizes|, expressions where $i
  // is the op's input dimension i); with |sameCount| the element count
  // must be the input's.
  FailureOr<ShapeProgram::Dims> sized(Operation *op, ArrayRef<int64_t> shape,
                                      ArrayAttr openSizes, bool sameCount) {
    const ShapeProgram::Dims &in = p_.dimsOf(op->getOperand(0));
    ShapeProgram::Dims out;
    size_t next = 0;
    for (int64_t d : shape) {
      if (!spec::isOpen(d)) {
        out.push_back(p_.constant(d));
        continue;
      }
      if (!openSizes || next >= openSizes.size())
        return op->emitOpError("has an open size without an expression");
      std::string text = cast<StringAttr>(openSizes[next++]).str();
      auto expr = spec::DimExpr::parse(text);
      if (!expr)
        return op->emitOpError() << expr.error();
      std::string error;
      FailureOr<int> node = p_.fromExpression(*expr, &in, error);
      if (failed(node))
        return op->emitOpError() << error;
      p_.requireAtLeast(
          *node, 1, describe(op) + ": the size " + text + " must be positive");
      out.push_back(*node);
    }
    if (sameCount) {
      int inCount = p_.constant(1), outCount = p_.constant(1);
      for (int d : in)
        inCount = p_.mul(inCount, d);
      for (int d : out)
        outCount = p_.mul(outCount, d);
      p_.requireEqual(outCount, inCount,
                      describe(op) + ": the new shape must hold the input's "
                                     "element count");
    }
    return out;
  }

  // expand: the new shape; each input dimension equal or a static 1.
  FailureOr<ShapeProgram::Dims> expanded(webnn::ExpandOp op) {
    FailureOr<ShapeProgram::Dims> out =
        sized(op, op.getNewShape(), op.getOpenSizesAttr(), /*sameCount=*/false);
    if (failed(out))
      return failure();
    const ShapeProgram::Dims &in = p_.dimsOf(op.getInput());
    size_t offset = out->size() - in.size();
    for (size_t d = 0; d < in.size(); ++d)
      if (!p_.isConstant(in[d], 1))
        p_.requireEqual(in[d], (*out)[offset + d],
                        describe(op) + ": input dimension " +
                            std::to_string(d) +
                            " must be 1 or the new shape's");
    return out;
  }

  // slice: each size static, an expression, or (empty) to the end; the
  // window must fit the input.
  FailureOr<ShapeProgram::Dims> sliced(webnn::SliceOp op) {
    const ShapeProgram::Dims &in = p_.dimsOf(op.getInput());
    ArrayRef<int64_t> starts = op.getStarts(), sizes = op.getSizes();
    ArrayAttr openSizes = op.getOpenSizesAttr();
    ShapeProgram::Dims out;
    size_t next = 0;
    for (size_t d = 0; d < in.size(); ++d) {
      int64_t stride = op.getStrides() ? (*op.getStrides())[d] : 1;
      int size;
      if (!spec::isOpen(sizes[d])) {
        size = p_.constant(sizes[d]);
      } else {
        std::string text = openSizes && next < openSizes.size()
                               ? cast<StringAttr>(openSizes[next++]).str()
                               : "";
        if (text.empty()) {
          size = p_.add(in[d], p_.constant(-starts[d]));
        } else {
          auto expr = spec::DimExpr::parse(text);
          if (!expr)
            return op.emitOpError() << expr.error();
          std::string error;
          FailureOr<int> node = p_.fromExpression(*expr, &in, error);
          if (failed(node))
            return op.emitOpError() << error;
          size = *node;
        }
      }
      p_.requireAtLeast(size, 1,
                        describe(op) + ": the size of dimension " +
                            std::to_string(d) + " must be positive");
      // start + size <= the input's size.
      p_.requireAtLeast(p_.add(in[d], p_.mul(size, p_.constant(-1))), starts[d],
                        describe(op) + ": the window of dimension " +
                            std::to_string(d) + " must fit the input");
      out.push_back(
          stride == 1
              ? size
              : p_.add(p_.floorDiv(p_.add(size, p_.constant(-1)), stride),
                       p_.constant(1)));
    }
    return out;
  }

  // concat: the axis summed, the other dimensions equal.
  FailureOr<ShapeProgram::Dims> concatenated(webnn::ConcatOp op) {
    size_t axis = size_t(op.getAxis());
    ShapeProgram::Dims out = p_.dimsOf(op.getInputs().front());
    for (auto [i, input] : llvm::enumerate(op.getInputs().drop_front())) {
      const ShapeProgram::Dims &dims = p_.dimsOf(input);
      for (size_t d = 0; d < dims.size(); ++d) {
        if (d == axis) {
          out[d] = p_.add(out[d], dims[d]);
          continue;
        }
        p_.requireEqual(dims[d], out[d],
                        describe(op) + ": inputs[" + std::to_string(i + 1) +
                            "] dimension " + std::to_string(d) +
                            " must match inputs[0]'s");
      }
    }
    return out;
  }

  // Numpy broadcasting where an open dimension never broadcasts: every
  // operand dimension that is not a static 1 must equal the result's.
  ShapeProgram::Dims broadcast(Operation *op, size_t rank) {
    ShapeProgram::Dims out;
    for (size_t d = 0; d < rank; ++d) {
      int chosen = -1;
      std::vector<std::pair<unsigned, int>> candidates;
      for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
        const ShapeProgram::Dims &dims = p_.dimsOf(operand);
        if (dims.size() + d < rank)
          continue; // a missing leading dimension counts as 1
        int node = dims[dims.size() - rank + d];
        if (p_.isConstant(node) && p_.nodes()[node].value == 1)
          continue;
        candidates.push_back({unsigned(i), node});
        if (chosen < 0 || (p_.isConstant(node) && !p_.isConstant(chosen)))
          chosen = node;
      }
      if (chosen < 0)
        chosen = p_.constant(1);
      for (auto [i, node] : candidates)
        p_.requireEqual(node, chosen,
                        describe(op) + ": operand " + std::to_string(i) +
                            " dimension " + std::to_string(d) +
                            " must match the other operands' (open "
                            "dimensions broadcast only against a static 1)");
      out.push_back(chosen);
    }
    return out;
  }

  // The spec's window rules (WindowRule.h) over the program's registers;
  // a window must fit its padded input.
  struct RegisterArith {
    ShapeProgram &p;
    std::string op;    // for the message
    const char *which; // "height" or "width"
    using Value = int;
    int add(int v, int64_t c) { return p.add(v, p.constant(c)); }
    int mul(int v, int64_t c) { return p.mul(v, p.constant(c)); }
    int floorDiv(int v, int64_t c) { return p.floorDiv(v, c); }
    int ceilDiv(int v, int64_t c) { return p.ceilDiv(v, c); }
    int fits(int span, int64_t window) {
      p.requireAtLeast(span, 0,
                       op + ": the window (" + std::to_string(window) +
                           ") does not fit the padded input " + which);
      return span;
    }
  };

  int windowOutput(Operation *op, int size, const spec::WindowDim &d,
                   bool ceil, const char *which) {
    RegisterArith arith{p_, describe(op), which};
    return spec::windowOutputSize(arith, size, d, ceil);
  }

  FailureOr<ShapeProgram::Dims> conv2d(Operation *op, Value inputValue,
                                       const spec::Conv2dOptions &options,
                                       const spec::OperandDescriptor &filter) {
    auto input = *webnn::getDescriptor(inputValue.getType());
    // Only the geometry matters here (verifiers checked the types; a
    // quantized conv reads bytes through a float-typed filter view).
    input.dataType = filter.dataType;
    auto g = spec::resolveConv2d(input, filter, options);
    if (!g)
      return op->emitOpError() << g.error().format("conv2d");
    const ShapeProgram::Dims &in = p_.dimsOf(inputValue);
    bool nchw = options.inputLayout == spec::InputOperandLayout::Nchw;
    int h = in[nchw ? 2 : 1], w = in[nchw ? 3 : 2];
    int oh = windowOutput(op, h, g->heightWindow(g->filterHeight), false,
                          "height");
    int ow = windowOutput(op, w, g->widthWindow(g->filterWidth), false, "width");
    int oc = p_.constant(g->outputChannels);
    if (nchw)
      return ShapeProgram::Dims{in[0], oc, oh, ow};
    return ShapeProgram::Dims{in[0], oh, ow, oc};
  }

  // (size - 1) * stride + effective filter - padding + outputPadding, which
  // must be a valid size (padding may crop the whole output).
  FailureOr<ShapeProgram::Dims> convTranspose2d(webnn::ConvTranspose2dOp op) {
    spec::ConvTranspose2dOptions options = webnn::optionsOf<spec::ConvTranspose2dOptions>(op);
    auto g = spec::resolveConvTranspose2d(
        *webnn::getDescriptor(op.getInput().getType()),
        *webnn::getDescriptor(op.getFilter().getType()), options);
    if (!g)
      return op.emitOpError() << g.error().format("convTranspose2d");
    const ShapeProgram::Dims &in = p_.dimsOf(op.getInput());
    bool nchw = options.inputLayout == spec::InputOperandLayout::Nchw;
    std::array<int64_t, 2> outputPadding =
        options.outputPadding.empty()
            ? std::array<int64_t, 2>{0, 0}
            : std::array<int64_t, 2>{options.outputPadding[0],
                                     options.outputPadding[1]};
    auto sized = [&](int size, const spec::WindowDim &d, int axis,
                     const char *which) {
      int64_t known = axis ? g->outputWidth : g->outputHeight;
      if (!spec::isOpen(known)) // static input size, or outputSizes
        return p_.constant(known);
      RegisterArith arith{p_, describe(op), which};
      int out = spec::transposedOutputSize(arith, size, d, outputPadding[axis]);
      p_.requireAtLeast(out, 1,
                        describe(op) +
                            ": the padding crops the "
                            "whole output " +
                            which);
      return out;
    };
    int oh = sized(in[nchw ? 2 : 1], g->heightWindow(g->filterHeight), 0,
                   "height");
    int ow = sized(in[nchw ? 3 : 2], g->widthWindow(g->filterWidth), 1,
                   "width");
    int oc = p_.constant(g->outputChannels);
    if (nchw)
      return ShapeProgram::Dims{in[0], oc, oh, ow};
    return ShapeProgram::Dims{in[0], oh, ow, oc};
  }

  FailureOr<ShapeProgram::Dims> pool2d(Operation *op) {
    spec::Pool2dOptions options;
    spec::PoolKind kind = spec::PoolKind::Max;
    if (auto max = dyn_cast<webnn::MaxPool2dOp>(op))
      options = webnn::optionsOf<spec::Pool2dOptions>(max);
    else if (auto avg = dyn_cast<webnn::AveragePool2dOp>(op))
      options = webnn::optionsOf<spec::Pool2dOptions>(avg), kind = spec::PoolKind::Average;
    else
      options = webnn::optionsOf<spec::Pool2dOptions>(cast<webnn::L2Pool2dOp>(op)),
      kind = spec::PoolKind::L2;
    auto input = *webnn::getDescriptor(op->getOperand(0).getType());
    auto g = spec::resolvePool2d(kind, input, options);
    if (!g)
      return op->emitOpError() << g.error().format(spec::toString(kind));
    const ShapeProgram::Dims &in = p_.dimsOf(op->getOperand(0));
    bool nchw = options.layout == spec::InputOperandLayout::Nchw;
    bool ceil = options.outputShapeRounding == spec::RoundingType::Ceil;
    int h = in[nchw ? 2 : 1], w = in[nchw ? 3 : 2];
    int oh = windowOutput(op, h, g->heightWindow(g->windowHeight), ceil,
                          "height");
    int ow = windowOutput(op, w, g->widthWindow(g->windowWidth), ceil, "width");
    int c = in[nchw ? 1 : 3];
    if (nchw)
      return ShapeProgram::Dims{in[0], c, oh, ow};
    return ShapeProgram::Dims{in[0], oh, ow, c};
  }

  // Batch dimensions broadcast; M from a, N from b; K must agree.
  FailureOr<ShapeProgram::Dims> matmul(Operation *op, Value a, Value b, bool aT,
                                       bool bT) {
    const ShapeProgram::Dims &ad = p_.dimsOf(a), &bd = p_.dimsOf(b);
    size_t ar = ad.size(), br = bd.size();
    int m = aT ? ad[ar - 1] : ad[ar - 2], k = aT ? ad[ar - 2] : ad[ar - 1];
    int bk = bT ? bd[br - 1] : bd[br - 2], n = bT ? bd[br - 2] : bd[br - 1];
    p_.requireEqual(bk, k, describe(op) + ": b's rows must equal a's columns");
    size_t batchRank = std::max(ar, br) - 2;
    ShapeProgram::Dims out;
    for (size_t d = 0; d < batchRank; ++d) {
      auto at = [&](const ShapeProgram::Dims &dims) {
        size_t r = dims.size() - 2;
        return d + r < batchRank ? p_.constant(1) : dims[d - (batchRank - r)];
      };
      int x = at(ad), y = at(bd);
      auto isOne = [&](int node) {
        return p_.isConstant(node) && p_.nodes()[node].value == 1;
      };
      int chosen = isOne(x) ? y : x;
      if (!isOne(x) && !isOne(y))
        p_.requireEqual(y, x,
                        describe(op) + ": batch dimension " +
                            std::to_string(d) + " of a and b must match");
      out.push_back(chosen);
    }
    out.push_back(m);
    out.push_back(n);
    return out;
  }

  // A [..., M, K] (or [K, M], |aTranspose|) times a packed B whose panels
  // are [panels, K, ...]: [..., M, columns].
  FailureOr<ShapeProgram::Dims> packedMatmul(Operation *op, Value a,
                                             Value packedB, int64_t columns,
                                             bool aTranspose) {
    const ShapeProgram::Dims &ad = p_.dimsOf(a);
    ShapeProgram::Dims out;
    if (aTranspose) {
      out = {ad[1]};
    } else {
      out.assign(ad.begin(), ad.end() - 1);
    }
    out.push_back(p_.constant(columns));
    auto packed = *webnn::getDescriptor(packedB.getType());
    int k = aTranspose ? ad[0] : ad.back();
    p_.requireEqual(k, p_.constant(packed.shape[1]),
                    describe(op) + ": a's columns must equal b's rows (" +
                        std::to_string(packed.shape[1]) + ")");
    return out;
  }

  FailureOr<ShapeProgram::Dims> reduce(Operation *op) {
    auto input = *webnn::getDescriptor(op->getOperand(0).getType());
    bool keep = false;
    if (auto attr = op->getAttrOfType<BoolAttr>("keep_dimensions"))
      keep = attr.getValue();
    std::vector<int64_t> axes;
    if (auto attr = op->getAttrOfType<DenseI64ArrayAttr>("axes"))
      axes.assign(attr.asArrayRef().begin(), attr.asArrayRef().end());
    else if (auto axis = op->getAttrOfType<IntegerAttr>("axis")) // arg_min/max
      axes.push_back(axis.getInt());
    else
      for (size_t d = 0; d < input.shape.size(); ++d)
        axes.push_back(int64_t(d));
    const ShapeProgram::Dims &in = p_.dimsOf(op->getOperand(0));
    ShapeProgram::Dims out;
    for (size_t d = 0; d < in.size(); ++d) {
      bool reduced = llvm::is_contained(axes, int64_t(d));
      if (!reduced)
        out.push_back(in[d]);
      else if (keep)
        out.push_back(p_.constant(1));
    }
    return out;
  }

  ShapeProgram &p_;
};

} // namespace

FailureOr<ShapeProgram> buildShapeProgram(func::FuncOp graph) {
  ShapeProgram program;
  Builder builder(program);
  if (failed(builder.addGraph(graph)))
    return failure();
  return program;
}

} // namespace webnnc
