// SPDX-License-Identifier: Apache-2.0
// MLContext.opSupportLimits(): for each MLGraphBuilder method, the data
// types and ranks each operand may have. Derived by asking the validation
// rules themselves (each op's spec function, with every data type and
// ranks 0 to kMaxRank for the operand in question and valid companions),
// so the limits and the rules cannot disagree.
#ifndef WEBNNC_SPEC_LIMITS_H_
#define WEBNNC_SPEC_LIMITS_H_

#include <string>
#include <vector>

#include "webnnc/Spec/Operand.h"

namespace webnnc::spec {

// MLTensorLimits: the data types an operand may have, and its ranks.
struct TensorLimits {
  std::vector<DataType> dataTypes;
  size_t minRank = 0, maxRank = 0;
};

struct OperandLimits {
  std::string name; // the IDL's parameter name, or "output"
  TensorLimits limits;
};

struct OpLimits {
  std::string method; // "conv2d"
  std::vector<OperandLimits> operands;
};

struct SupportLimits {
  std::string preferredInputLayout; // "nchw" or "nhwc"
  uint64_t maxTensorByteLength = 0;
  TensorLimits input, constant, output; // graph inputs, constants, outputs
  std::vector<OpLimits> ops;            // sorted by method
};

SupportLimits opSupportLimits();

// The limits as JSON, in MLOpSupportLimits' shape:
// {"preferredInputLayout": ..., "maxTensorByteLength": ...,
//  "input": {"dataTypes": [...], "rankRange": {"min": 0, "max": 8}}, ...,
//  "conv2d": {"input": {...}, "filter": {...}, "output": {...}}, ...}
std::string toJson(const SupportLimits &limits);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_LIMITS_H_
