// SPDX-License-Identifier: Apache-2.0
// gru, gruCell, lstm and lstmCell -> gemm and element-wise ops. The
// sequence ops unroll their steps when the sequence length is static; each
// step is the cell's decomposition, as in the spec's emulation. Over an
// open sequence length each wanted result becomes a webnn.recurrence,
// whose kernel loops over the steps the input holds at compute.
#include <array>

#include "OpEmitter.h"
#include "Patterns.h"

namespace webnnc::decompose {
using namespace mlir;
using Activations = std::vector<spec::RecurrentNetworkActivation>;

namespace {

// Columns [start, start + size) of a [batch, n] matrix.
Value columns(OpEmitter &emit, Value m, int64_t start, int64_t size) {
  int64_t batch = cast<RankedTensorType>(m.getType()).getDimSize(0);
  return emit.slice(m, {0, start}, {batch, size});
}

// Elements [start, start + size) of a vector; null stays null.
Value part(OpEmitter &emit, Value v, int64_t start, int64_t size) {
  return v ? emit.slice(v, {start}, {size}) : Value();
}

Value addIfPresent(OpEmitter &emit, Value a, Value b) {
  return b ? emit.add(a, b) : a;
}

struct GruCellArgs {
  Value input, weight, recurrentWeight, hidden, bias, recurrentBias;
  int64_t hiddenSize;
  bool resetAfter;
  spec::GruWeightLayout layout;
  Activations activations; // [gate, candidate]
};

// h' = z h + (1 - z) n, written n + z (h - n).
Value emitGruCell(OpEmitter &emit, const GruCellArgs &a) {
  int64_t H = a.hiddenSize;
  bool zrn = a.layout == spec::GruWeightLayout::Zrn;
  int64_t zAt = zrn ? 0 : H, rAt = zrn ? H : 0, nAt = 2 * H;
  Value gx = emit.gemmTransposedB(a.input, a.weight, a.bias);
  Value gh = emit.gemmTransposedB(a.hidden, a.recurrentWeight, a.recurrentBias);
  auto gate = [&](int64_t at) {
    return emit.activation(a.activations[0],
                           emit.add(columns(emit, gx, at, H),
                                    columns(emit, gh, at, H)));
  };
  Value z = gate(zAt), r = gate(rAt);
  Value hn;
  if (a.resetAfter) {
    hn = emit.mul(r, columns(emit, gh, nAt, H));
  } else {
    Value rn = emit.slice(a.recurrentWeight, {nAt, 0}, {H, H});
    hn = emit.gemmTransposedB(emit.mul(r, a.hidden), rn,
                              part(emit, a.recurrentBias, nAt, H));
  }
  Value n = emit.activation(a.activations[1],
                            emit.add(columns(emit, gx, nAt, H), hn));
  return emit.add(n, emit.mul(z, emit.sub(a.hidden, n)));
}

struct LstmCellArgs {
  Value input, weight, recurrentWeight, hidden, cell, bias, recurrentBias,
      peephole;
  int64_t hiddenSize;
  spec::LstmWeightLayout layout;
  Activations activations; // [gates, cell, output]
};

// Returns {h', c'}. Peepholes (i, o, f order) read the previous cell state.
std::pair<Value, Value> emitLstmCell(OpEmitter &emit, const LstmCellArgs &a) {
  int64_t H = a.hiddenSize;
  bool iofg = a.layout == spec::LstmWeightLayout::Iofg;
  int64_t iAt = 0, oAt = iofg ? H : 3 * H, fAt = iofg ? 2 * H : H,
          gAt = iofg ? 3 * H : 2 * H;
  Value gates =
      emit.add(emit.gemmTransposedB(a.input, a.weight, a.bias),
               emit.gemmTransposedB(a.hidden, a.recurrentWeight,
                                    a.recurrentBias));
  auto gate = [&](int64_t at, int64_t peepholeAt) {
    Value sum = columns(emit, gates, at, H);
    if (a.peephole)
      sum = emit.add(sum, emit.mul(a.cell, part(emit, a.peephole,
                                                peepholeAt, H)));
    return emit.activation(a.activations[0], sum);
  };
  Value i = gate(iAt, 0), o = gate(oAt, H), f = gate(fAt, 2 * H);
  Value g = emit.activation(a.activations[1], columns(emit, gates, gAt, H));
  Value cell = emit.add(emit.mul(f, a.cell), emit.mul(i, g));
  Value hidden = emit.mul(o, emit.activation(a.activations[2], cell));
  return {hidden, cell};
}

struct DecomposeGruCell : OpRewritePattern<webnn::GruCellOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(webnn::GruCellOp op,
                                PatternRewriter &rewriter) const override {
    OpEmitter emit(rewriter, op.getLoc());
    spec::GruCellOptions options = webnn::optionsOf<spec::GruCellOptions>(op);
    GruCellArgs args{op.getInput(), op.getWeight(), op.getRecurrentWeight(),
                     op.getHiddenState(), op.getBias(), op.getRecurrentBias(),
                     int64_t(op.getHiddenSize()), options.resetAfter,
                     options.layout,
                     spec::resolveGruActivations(options.activations)};
    rewriter.replaceOp(op, emitGruCell(emit, args));
    return success();
  }
};

struct DecomposeLstmCell : OpRewritePattern<webnn::LstmCellOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(webnn::LstmCellOp op,
                                PatternRewriter &rewriter) const override {
    OpEmitter emit(rewriter, op.getLoc());
    spec::LstmCellOptions options = webnn::optionsOf<spec::LstmCellOptions>(op);
    LstmCellArgs args{op.getInput(), op.getWeight(), op.getRecurrentWeight(),
                      op.getHiddenState(), op.getCellState(), op.getBias(),
                      op.getRecurrentBias(), op.getPeepholeWeight(),
                      int64_t(op.getHiddenSize()), options.layout,
                      spec::resolveLstmActivations(options.activations)};
    auto [hidden, cell] = emitLstmCell(emit, args);
    rewriter.replaceOp(op, ValueRange{hidden, cell});
    return success();
  }
};

// The shapes and step order shared by gru and lstm.
struct Sequence {
  int64_t steps, batch, inputSize, hiddenSize, directions;
  spec::RecurrentNetworkDirection direction;

  bool backward(int64_t d) const {
    return direction == spec::RecurrentNetworkDirection::Backward || d == 1;
  }
  // The input time step of iteration |t| in direction |d|.
  int64_t stepAt(int64_t d, int64_t t) const {
    return backward(d) ? steps - 1 - t : t;
  }
  Value inputAt(OpEmitter &emit, Value input, int64_t step) const {
    return emit.select(input, step);
  }
  // [directions, batch, hidden] from one [batch, hidden] per direction.
  Value stackDirections(OpEmitter &emit, ArrayRef<Value> states) const {
    SmallVector<Value> parts;
    for (Value s : states)
      parts.push_back(emit.reshape(s, {1, batch, hiddenSize}));
    return emit.concat(parts, 0);
  }
  // [steps, directions, batch, hidden] from each step's state per
  // direction, indexed [direction][input time step].
  Value stackSequence(OpEmitter &emit,
                      ArrayRef<SmallVector<Value>> byDirection) const {
    SmallVector<Value> perStep;
    for (int64_t t = 0; t < steps; ++t) {
      SmallVector<Value> dirs;
      for (const SmallVector<Value> &states : byDirection)
        dirs.push_back(emit.reshape(states[t], {1, 1, batch, hiddenSize}));
      perStep.push_back(emit.concat(dirs, 1));
    }
    return emit.concat(perStep, 0);
  }
};

Sequence sequenceOf(Value input, int64_t hiddenSize,
                    spec::RecurrentNetworkDirection direction) {
  auto type = cast<RankedTensorType>(input.getType());
  return {type.getDimSize(0), type.getDimSize(1), type.getDimSize(2),
          hiddenSize,
          direction == spec::RecurrentNetworkDirection::Both ? 2 : 1,
          direction};
}

// One webnn.recurrence per result of |op| that is read, replacing it.
struct RecurrenceArgs {
  // input, weight, recurrentWeight, bias, recurrentBias, peepholeWeight,
  // initialHiddenState, initialCellState (null when absent).
  std::array<Value, 8> operands;
  bool lstm;
  int64_t hiddenSize, direction, layout;
  Activations activations;
  bool resetAfter;
};
LogicalResult replaceByRecurrences(Operation *op, PatternRewriter &rewriter,
                                   const RecurrenceArgs &a) {
  // The results' meanings, in the op's order: gru [hidden, sequence?],
  // lstm [hidden, cell, sequence?].
  SmallVector<int64_t> meaning =
      a.lstm ? SmallVector<int64_t>{0, 1, 2} : SmallVector<int64_t>{0, 2};
  SmallVector<int64_t> activations;
  for (spec::RecurrentNetworkActivation f : a.activations)
    activations.push_back(static_cast<int64_t>(f));
  SmallVector<Value> operands;
  SmallVector<int32_t> segments;
  for (Value v : a.operands) {
    segments.push_back(v ? 1 : 0);
    if (v)
      operands.push_back(v);
  }
  SmallVector<Value> replacements;
  for (auto [i, result] : llvm::enumerate(op->getResults())) {
    if (result.use_empty()) {
      replacements.push_back(Value());
      continue;
    }
    NamedAttrList attrs;
    attrs.set("lstm", rewriter.getBoolAttr(a.lstm));
    attrs.set("hidden_size", rewriter.getI64IntegerAttr(a.hiddenSize));
    attrs.set("direction", rewriter.getI64IntegerAttr(a.direction));
    attrs.set("layout", rewriter.getI64IntegerAttr(a.layout));
    attrs.set("activations", rewriter.getDenseI64ArrayAttr(activations));
    attrs.set("reset_after", rewriter.getBoolAttr(a.resetAfter));
    attrs.set("computes", rewriter.getI64IntegerAttr(meaning[i]));
    attrs.set("operandSegmentSizes", rewriter.getDenseI32ArrayAttr(segments));
    auto recurrence = webnn::RecurrenceOp::create(rewriter, op->getLoc(),
                                                  TypeRange{result.getType()},
                                                  operands, attrs.getAttrs());
    replacements.push_back(recurrence.getOutput());
  }
  rewriter.replaceOp(op, replacements);
  return success();
}

bool openSequence(Value input) {
  return cast<RankedTensorType>(input.getType()).isDynamicDim(0);
}

struct DecomposeGru : OpRewritePattern<webnn::GruOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(webnn::GruOp op,
                                PatternRewriter &rewriter) const override {
    OpEmitter emit(rewriter, op.getLoc());
    spec::GruOptions options = webnn::optionsOf<spec::GruOptions>(op);
    if (openSequence(op.getInput()))
      return replaceByRecurrences(
          op, rewriter,
          {{op.getInput(), op.getWeight(), op.getRecurrentWeight(),
            op.getBias(), op.getRecurrentBias(), Value(),
            op.getInitialHiddenState(), Value()},
           false,
           int64_t(op.getHiddenSize()),
           static_cast<int64_t>(options.direction),
           static_cast<int64_t>(options.layout),
           spec::resolveGruActivations(options.activations),
           options.resetAfter});
    Sequence seq = sequenceOf(op.getInput(), op.getHiddenSize(),
                              options.direction);
    Type element = cast<RankedTensorType>(op.getInput().getType()).getElementType();
    SmallVector<Value> finals;
    SmallVector<SmallVector<Value>> states(seq.directions);
    for (int64_t d = 0; d < seq.directions; ++d) {
      GruCellArgs args{Value(), emit.select(op.getWeight(), d),
                       emit.select(op.getRecurrentWeight(), d), Value(),
                       emit.select(op.getBias(), d),
                       emit.select(op.getRecurrentBias(), d), seq.hiddenSize,
                       options.resetAfter, options.layout,
                       spec::resolveGruActivations(options.activations)};
      Value h = op.getInitialHiddenState()
                    ? emit.select(op.getInitialHiddenState(), d)
                    : emit.zerosLike(element, seq.inputAt(emit, op.getInput(), 0),
                                     seq.hiddenSize);
      states[d].resize(seq.steps);
      for (int64_t t = 0; t < seq.steps; ++t) {
        int64_t step = seq.stepAt(d, t);
        args.input = seq.inputAt(emit, op.getInput(), step);
        args.hidden = h;
        h = emitGruCell(emit, args);
        states[d][step] = h;
      }
      finals.push_back(h);
    }
    SmallVector<Value> results{seq.stackDirections(emit, finals)};
    if (options.returnSequence)
      results.push_back(seq.stackSequence(emit, states));
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct DecomposeLstm : OpRewritePattern<webnn::LstmOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(webnn::LstmOp op,
                                PatternRewriter &rewriter) const override {
    OpEmitter emit(rewriter, op.getLoc());
    spec::LstmOptions options = webnn::optionsOf<spec::LstmOptions>(op);
    if (openSequence(op.getInput()))
      return replaceByRecurrences(
          op, rewriter,
          {{op.getInput(), op.getWeight(), op.getRecurrentWeight(),
            op.getBias(), op.getRecurrentBias(), op.getPeepholeWeight(),
            op.getInitialHiddenState(), op.getInitialCellState()},
           true,
           int64_t(op.getHiddenSize()),
           static_cast<int64_t>(options.direction),
           static_cast<int64_t>(options.layout),
           spec::resolveLstmActivations(options.activations),
           false});
    Sequence seq = sequenceOf(op.getInput(), op.getHiddenSize(),
                              options.direction);
    Type element = cast<RankedTensorType>(op.getInput().getType()).getElementType();
    SmallVector<Value> hiddens, cells;
    SmallVector<SmallVector<Value>> states(seq.directions);
    for (int64_t d = 0; d < seq.directions; ++d) {
      LstmCellArgs args{Value(), emit.select(op.getWeight(), d),
                        emit.select(op.getRecurrentWeight(), d), Value(),
                        Value(), emit.select(op.getBias(), d),
                        emit.select(op.getRecurrentBias(), d),
                        emit.select(op.getPeepholeWeight(), d),
                        seq.hiddenSize, options.layout,
                        spec::resolveLstmActivations(options.activations)};
      auto initial = [&](Value given) {
        return given ? emit.select(given, d)
                     : emit.zerosLike(element,
                                      seq.inputAt(emit, op.getInput(), 0),
                                      seq.hiddenSize);
      };
      Value h = initial(op.getInitialHiddenState());
      Value c = initial(op.getInitialCellState());
      states[d].resize(seq.steps);
      for (int64_t t = 0; t < seq.steps; ++t) {
        int64_t step = seq.stepAt(d, t);
        args.input = seq.inputAt(emit, op.getInput(), step);
        args.hidden = h;
        args.cell = c;
        std::tie(h, c) = emitLstmCell(emit, args);
        states[d][step] = h;
      }
      hiddens.push_back(h);
      cells.push_back(c);
    }
    SmallVector<Value> results{seq.stackDirections(emit, hiddens),
                               seq.stackDirections(emit, cells)};
    if (options.returnSequence)
      results.push_back(seq.stackSequence(emit, states));
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void populateRecurrentPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeGru, DecomposeGruCell, DecomposeLstm,
               DecomposeLstmCell>(patterns.getContext());
}

} // namespace webnnc::decompose
