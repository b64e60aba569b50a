// SPDX-License-Identifier: Apache-2.0
#include "WptSignatures.h"

#include <map>

#include "webnnc/Spec/ElementwiseOps.h"

namespace webnnc::wpt {

namespace {

using Parameters = std::vector<std::string>;

std::map<std::string, Parameters, std::less<>> table() {
  std::map<std::string, Parameters, std::less<>> t;
  const Parameters binary = {"a", "b"}, unary = {"input"};
  for (const char *name :
       {"add", "sub", "mul", "div", "max", "min", "pow", "equal", "notEqual",
        "greater", "greaterOrEqual", "lesser", "lesserOrEqual", "logicalAnd",
        "logicalOr", "logicalXor", "matmul", "gemm"})
    t[name] = binary;
#define WEBNNC_UNARY_NAME(method, Kind, types, result, Options) #method,
  for (const char *name :
       {WEBNNC_UNARY_OPS(WEBNNC_UNARY_NAME) "clamp", "averagePool2d", "l2Pool2d",
        "maxPool2d", "resample2d", "instanceNormalization",
        "layerNormalization", "reduceL1", "reduceL2", "reduceLogSum",
        "reduceLogSumExp", "reduceMax", "reduceMean", "reduceMin",
        "reduceProduct", "reduceSum", "reduceSumSquare", "reverse",
        "transpose", "triangular"})
    t[name] = unary;
#undef WEBNNC_UNARY_NAME
  t["prelu"] = {"input", "slope"};
  t["softmax"] = {"input", "axis"};
  t["argMin"] = t["argMax"] = t["cumulativeSum"] = {"input", "axis"};
  t["cast"] = {"input", "type|dataType"};
  t["where"] = {"condition", "trueValue", "falseValue"};
  t["conv2d"] = t["convTranspose2d"] = {"input", "filter"};
  t["batchNormalization"] = {"input", "mean", "variance"};
  t["concat"] = {"inputs", "axis"};
  t["expand"] = t["reshape"] = {"input", "newShape"};
  t["pad"] = {"input", "beginningPadding", "endingPadding"};
  t["slice"] = {"input", "starts", "sizes"};
  t["split"] = {"input", "splits"};
  t["tile"] = {"input", "repetitions"};
  t["gather"] = t["gatherElements"] = t["gatherND"] = {"input", "indices"};
  t["scatterElements"] = t["scatterND"] = {"input", "indices", "updates"};
  t["quantizeLinear"] = t["dequantizeLinear"] = {"input", "scale",
                                                 "zeroPoint"};
  t["gru"] = t["lstm"] = {"input", "weight", "recurrentWeight", "steps",
                          "hiddenSize"};
  t["gruCell"] = {"input", "weight", "recurrentWeight", "hiddenState",
                  "hiddenSize"};
  t["lstmCell"] = {"input",       "weight",    "recurrentWeight",
                   "hiddenState", "cellState", "hiddenSize"};
  return t;
}

} // namespace

const std::vector<std::string> *parametersOf(std::string_view method) {
  static const auto parameters = table();
  auto it = parameters.find(method);
  return it == parameters.end() ? nullptr : &it->second;
}

int parameterIndex(const std::vector<std::string> &parameters,
                   std::string_view name) {
  for (size_t i = 0; i < parameters.size(); ++i) {
    std::string_view spellings = parameters[i];
    while (!spellings.empty()) {
      size_t bar = spellings.find('|');
      if (spellings.substr(0, bar) == name)
        return int(i);
      if (bar == std::string_view::npos)
        break;
      spellings.remove_prefix(bar + 1);
    }
  }
  return -1;
}

} // namespace webnnc::wpt
