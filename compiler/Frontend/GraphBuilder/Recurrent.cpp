// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: gru, gruCell, lstm and lstmCell.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Attribute
AttrList::make(const std::vector<spec::RecurrentNetworkActivation> &values) {
  SmallVector<Attribute> attrs;
  for (spec::RecurrentNetworkActivation value : values)
    attrs.push_back(makeEnum<webnn::RecurrentNetworkActivationAttr>(value));
  return b_.getArrayAttr(attrs);
}

std::vector<Operand> GraphBuilder::gru(const Operand &input,
                                       const Operand &weight,
                                       const Operand &recurrentWeight,
                                       uint32_t steps, uint32_t hiddenSize,
                                       const GruOptions &options) {
  return buildOp<webnn::GruOp>(
      *impl_, this, "gru",
      {{"input", input},
       {"weight", weight},
       {"recurrentWeight", recurrentWeight}},
      options,
      [&](const spec::GruOptions &o) {
        return spec::gru(input.descriptor(), weight.descriptor(),
                         recurrentWeight.descriptor(), steps, hiddenSize, o);
      },
      [&](AttrList &attrs) {
        attrs.i64("steps", steps).i64("hidden_size", hiddenSize);
      },
      options.returnSequence ? 2 : 1);
}

Operand GraphBuilder::gruCell(const Operand &input, const Operand &weight,
                              const Operand &recurrentWeight,
                              const Operand &hiddenState, uint32_t hiddenSize,
                              const GruCellOptions &options) {
  return buildOp<webnn::GruCellOp>(
      *impl_, this, "gruCell",
      {{"input", input},
       {"weight", weight},
       {"recurrentWeight", recurrentWeight},
       {"hiddenState", hiddenState}},
      options,
      [&](const spec::GruCellOptions &o) {
        return spec::gruCell(input.descriptor(), weight.descriptor(),
                             recurrentWeight.descriptor(),
                             hiddenState.descriptor(), hiddenSize, o);
      },
      [&](AttrList &attrs) { attrs.i64("hidden_size", hiddenSize); });
}

std::vector<Operand> GraphBuilder::lstm(const Operand &input,
                                        const Operand &weight,
                                        const Operand &recurrentWeight,
                                        uint32_t steps, uint32_t hiddenSize,
                                        const LstmOptions &options) {
  return buildOp<webnn::LstmOp>(
      *impl_, this, "lstm",
      {{"input", input},
       {"weight", weight},
       {"recurrentWeight", recurrentWeight}},
      options,
      [&](const spec::LstmOptions &o) {
        return spec::lstm(input.descriptor(), weight.descriptor(),
                          recurrentWeight.descriptor(), steps, hiddenSize, o);
      },
      [&](AttrList &attrs) {
        attrs.i64("steps", steps).i64("hidden_size", hiddenSize);
      },
      options.returnSequence ? 3 : 2);
}

std::vector<Operand>
GraphBuilder::lstmCell(const Operand &input, const Operand &weight,
                       const Operand &recurrentWeight,
                       const Operand &hiddenState, const Operand &cellState,
                       uint32_t hiddenSize, const LstmCellOptions &options) {
  return buildOp<webnn::LstmCellOp>(
      *impl_, this, "lstmCell",
      {{"input", input},
       {"weight", weight},
       {"recurrentWeight", recurrentWeight},
       {"hiddenState", hiddenState},
       {"cellState", cellState}},
      options,
      [&](const spec::LstmCellOptions &o) {
        return spec::lstmCell(input.descriptor(), weight.descriptor(),
                              recurrentWeight.descriptor(),
                              hiddenState.descriptor(), cellState.descriptor(),
                              hiddenSize, o);
      },
      [&](AttrList &attrs) { attrs.i64("hidden_size", hiddenSize); }, 2);
}

} // namespace webnnc
