// SPDX-License-Identifier: Apache-2.0
// gru, gruCell, lstm and lstmCell.
#ifndef WEBNNC_SPEC_RECURRENTOPS_H_
#define WEBNNC_SPEC_RECURRENTOPS_H_

#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

using GruOptions = GruOptionsT<OperandDescriptor>;
using GruCellOptions = GruCellOptionsT<OperandDescriptor>;
using LstmOptions = LstmOptionsT<OperandDescriptor>;
using LstmCellOptions = LstmCellOptionsT<OperandDescriptor>;

// The activations a recurrent op applies: the given ones or the defaults
// ([sigmoid, tanh] for gru, [sigmoid, tanh, tanh] for lstm).
std::vector<RecurrentNetworkActivation>
resolveGruActivations(const std::vector<RecurrentNetworkActivation> &given);
std::vector<RecurrentNetworkActivation>
resolveLstmActivations(const std::vector<RecurrentNetworkActivation> &given);

// Outputs: [hidden] or [hidden, sequence] (returnSequence).
Expected<std::vector<OperandDescriptor>>
gru(const OperandDescriptor &input, const OperandDescriptor &weight,
    const OperandDescriptor &recurrentWeight, int64_t steps,
    int64_t hiddenSize, const GruOptions &options);
Expected<OperandDescriptor>
gruCell(const OperandDescriptor &input, const OperandDescriptor &weight,
        const OperandDescriptor &recurrentWeight,
        const OperandDescriptor &hiddenState, int64_t hiddenSize,
        const GruCellOptions &options);
// Outputs: [hidden, cell] or [hidden, cell, sequence].
Expected<std::vector<OperandDescriptor>>
lstm(const OperandDescriptor &input, const OperandDescriptor &weight,
     const OperandDescriptor &recurrentWeight, int64_t steps,
     int64_t hiddenSize, const LstmOptions &options);
// Outputs: [hidden, cell].
Expected<std::vector<OperandDescriptor>>
lstmCell(const OperandDescriptor &input, const OperandDescriptor &weight,
         const OperandDescriptor &recurrentWeight,
         const OperandDescriptor &hiddenState,
         const OperandDescriptor &cellState, int64_t hiddenSize,
         const LstmCellOptions &options);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_RECURRENTOPS_H_
