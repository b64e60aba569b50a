// SPDX-License-Identifier: Apache-2.0
// quantized_add: two 8-bit tensors dequantized, summed and requantized in
// one expression (the scales are already over the output's), element-wise.
#include <stdexcept>

#include "Families.h"

namespace webnnc::halide {
using namespace Halide;

std::optional<Defined> defineQuantizedAdd(const kernels::OpSpec &op,
                                          const std::vector<Value> &operands) {
  if (op.kind != "quantized_add")
    return std::nullopt;
  if (operands.size() != 2)
    throw std::runtime_error("quantized_add needs a and b");
  std::vector<Var> vars = makeVars(op.result.shape.size());
  auto term = [&](size_t i, const char *name) {
    std::string key(name);
    Expr x = cast<float>(broadcastRead(operands[i], op.result.shape, vars));
    const std::vector<double> *scale = op.floatAttr(key + "_scale");
    if (!scale || scale->size() != 1)
      throw std::runtime_error("quantized_add needs " + key + "_scale");
    return (x - float(op.intAttr(key + "_zero_point", 0))) *
           float(scale->front());
  };
  Expr q = roundedAndClamped(term(0, "a"), term(1, "b"),
                             int(op.intAttr("output_zero_point", 0)),
                             int(op.intAttr("output_min", 0)),
                             int(op.intAttr("output_max", 255)));
  Func f(op.kind);
  f(vars) = store(q, op.result.dataType);
  spec::Shape shape = op.result.shape;
  Schedule schedule = [shape](Func output, const Target &target,
                              const Placement &placement) {
    scheduleElementwise(output, shape, target, placement);
  };
  Value value{f, op.result};
  return Defined{value, schedule};
}

} // namespace webnnc::halide
