// SPDX-License-Identifier: Apache-2.0
// The C header generated for each compiled model.
#ifndef WEBNNC_CODEGEN_EMITHEADER_H_
#define WEBNNC_CODEGEN_EMITHEADER_H_

#include <string>
#include <vector>

#include "webnnc/Graph/Graph.h"

namespace webnnc {

// The header of model |modelName|: the descriptor declaration, shape
// constants, typed input/output structs and create/compute/destroy
// wrappers over the runtime's executor API. Plain C11, usable from C++.
// |deterministic|: compiled with CompileOptions::deterministic (the header
// says so, and its <MODEL>_DETERMINISTIC constant is 1).
std::string emitHeader(const std::string &modelName,
                       const std::vector<NamedOperand> &inputs,
                       const std::vector<NamedOperand> &outputs,
                       bool deterministic = false);

// A C identifier made from |name|: other characters become '_', a leading
// digit or a C keyword gets a '_' added.
std::string toCIdentifier(const std::string &name);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITHEADER_H_
