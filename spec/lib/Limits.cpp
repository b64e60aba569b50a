// SPDX-License-Identifier: Apache-2.0
// opSupportLimits(), probed from the rules: one probe per operand, which
// builds a call where that operand has a given data type and rank and
// every other operand is a valid companion (the same data type where the
// rule ties them), and asks the op's spec function.
#include "webnnc/Spec/Limits.h"

#include <algorithm>
#include <functional>
#include <map>

#include "webnnc/Spec/Ops.h"

namespace webnnc::spec {

namespace {

using Probe = std::function<bool(DataType, size_t rank)>;

struct OperandProbe {
  const char *name;
  Probe accepts;
};

// A shape of |rank| dimensions of |size|.
Shape dims(size_t rank, int64_t size = 2) { return Shape(rank, size); }
OperandDescriptor d(DataType t, Shape shape) { return {t, std::move(shape)}; }

template <typename R> bool ok(const R &result) { return bool(result); }

using Probes = std::map<std::string, std::vector<OperandProbe>>;

void addElementwiseProbes(Probes &ops) {
  const DataType f32 = DataType::Float32;
  for (int k = 0; k <= int(BinaryKind::LogicalXor); ++k) {
    auto kind = BinaryKind(k);
    ops[std::string(toString(kind))] = {
        {"a", [kind](DataType t, size_t r) {
           return ok(elementwiseBinary(kind, d(t, dims(r)), d(t, dims(r))));
         }},
        {"b", [kind](DataType t, size_t r) {
           return ok(elementwiseBinary(kind, d(t, dims(r)), d(t, dims(r))));
         }}};
  }
  for (int k = 0; k < kUnaryKindCount; ++k) {
    auto kind = UnaryKind(k);
    ops[std::string(toString(kind))] = {
        {"input", [kind](DataType t, size_t r) {
           return ok(elementwiseUnary(kind, d(t, dims(r))));
         }}};
  }
  ops["clamp"] = {{"input", [](DataType t, size_t r) {
                     return ok(clamp(d(t, dims(r)), {}));
                   }}};
  ops["prelu"] = {
      {"input", [](DataType t, size_t r) {
         return ok(prelu(d(t, dims(r)), d(t, dims(r))));
       }},
      {"slope", [](DataType t, size_t r) {
         return ok(prelu(d(t, dims(r)), d(t, dims(r))));
       }}};
  ops["where"] = {
      {"condition", [](DataType t, size_t r) {
         return ok(where(d(t, dims(r)), d(f32, dims(r)), d(f32, dims(r))));
       }},
      {"trueValue", [](DataType t, size_t r) {
         return ok(where(d(DataType::Uint8, dims(r)), d(t, dims(r)),
                         d(t, dims(r))));
       }},
      {"falseValue", [](DataType t, size_t r) {
         return ok(where(d(DataType::Uint8, dims(r)), d(t, dims(r)),
                         d(t, dims(r))));
       }}};
  ops["cast"] = {{"input", [](DataType t, size_t r) {
                    return ok(cast(d(t, dims(r)), DataType::Float32));
                  }}};
}

void addConvolutionProbes(Probes &ops) {
  // Convolution, pooling, resampling: rank 4.
  // [1, 2, 4, 4] images, [2, 2, 1, 1] filters; other ranks are shapes of 2s.
  auto image = [](size_t r) { return r == 4 ? Shape{1, 2, 4, 4} : dims(r); };
  auto kernel = [](size_t r) { return r == 4 ? Shape{2, 2, 1, 1} : dims(r); };
  auto conv = [image, kernel](DataType t, size_t r, bool filter) {
    OperandDescriptor input = d(t, filter ? image(4) : image(r));
    OperandDescriptor w = d(t, filter ? kernel(r) : kernel(4));
    return ok(conv2d(input, w, {}));
  };
  ops["conv2d"] = {
      {"input", [conv](DataType t, size_t r) { return conv(t, r, false); }},
      {"filter", [conv](DataType t, size_t r) { return conv(t, r, true); }}};
  auto transposed = [image, kernel](DataType t, size_t r, bool filter) {
    OperandDescriptor input = d(t, filter ? image(4) : image(r));
    OperandDescriptor w = d(t, filter ? kernel(r) : kernel(4));
    return ok(convTranspose2d(input, w, {}));
  };
  ops["convTranspose2d"] = {
      {"input", [transposed](DataType t, size_t r) {
         return transposed(t, r, false);
       }},
      {"filter", [transposed](DataType t, size_t r) {
         return transposed(t, r, true);
       }}};
  for (PoolKind kind : {PoolKind::Average, PoolKind::L2, PoolKind::Max})
    ops[std::string(toString(kind))] = {
        {"input", [kind](DataType t, size_t r) {
           return ok(pool2d(kind, d(t, dims(r, 4)), {}));
         }}};
  ops["resample2d"] = {{"input", [](DataType t, size_t r) {
                          return ok(resample2d(d(t, dims(r, 4)), {}));
                        }}};
}

void addMatmulProbes(Probes &ops) {
  // Matrix products.
  ops["matmul"] = {
      {"a", [](DataType t, size_t r) {
         return ok(matmul(d(t, dims(r)), d(t, dims(std::max<size_t>(r, 2)))));
       }},
      {"b", [](DataType t, size_t r) {
         return ok(matmul(d(t, dims(std::max<size_t>(r, 2))), d(t, dims(r))));
       }}};
  ops["gemm"] = {
      {"a", [](DataType t, size_t r) {
         return ok(gemm(d(t, dims(r)), d(t, dims(2)), {}));
       }},
      {"b", [](DataType t, size_t r) {
         return ok(gemm(d(t, dims(2)), d(t, dims(r)), {}));
       }}};
}

void addNormalizationProbes(Probes &ops) {
  // Normalizations.
  ops["batchNormalization"] = {
      {"input", [](DataType t, size_t r) {
         return ok(batchNormalization(d(t, dims(r)), d(t, {2}), d(t, {2}), {}));
       }},
      {"mean", [](DataType t, size_t r) {
         return ok(batchNormalization(d(t, dims(2)), d(t, dims(r)),
                                      d(t, {2}), {}));
       }},
      {"variance", [](DataType t, size_t r) {
         return ok(batchNormalization(d(t, dims(2)), d(t, {2}),
                                      d(t, dims(r)), {}));
       }}};
  ops["instanceNormalization"] = {
      {"input", [](DataType t, size_t r) {
         return ok(instanceNormalization(d(t, dims(r)), {}));
       }}};
  ops["layerNormalization"] = {
      {"input", [](DataType t, size_t r) {
         return ok(layerNormalization(d(t, dims(r)), {}));
       }}};
}

void addReductionProbes(Probes &ops) {
  // Reductions and friends.
  for (int k = 0; k <= int(ReduceKind::SumSquare); ++k) {
    auto kind = ReduceKind(k);
    ops[std::string(toString(kind))] = {
        {"input", [kind](DataType t, size_t r) {
           return ok(reduce(kind, d(t, dims(r)), {}));
         }}};
  }
  for (const char *name : {"argMin", "argMax"})
    ops[name] = {{"input", [](DataType t, size_t r) {
                    return r > 0 && ok(argMinMax(d(t, dims(r)), 0, {}));
                  }}};
  ops["cumulativeSum"] = {{"input", [](DataType t, size_t r) {
                             return r > 0 && ok(cumulativeSum(d(t, dims(r)), 0));
                           }}};
  ops["softmax"] = {{"input", [](DataType t, size_t r) {
                       return r > 0 && ok(softmax(d(t, dims(r)), 0));
                     }}};
}

void addDataMovementProbes(Probes &ops) {
  // Shape and data movement.
  ops["reshape"] = {{"input", [](DataType t, size_t r) {
                       return ok(reshape(d(t, dims(r)), dims(r)));
                     }}};
  ops["transpose"] = {{"input", [](DataType t, size_t r) {
                         return ok(transpose(d(t, dims(r)), {}));
                       }}};
  ops["concat"] = {{"inputs", [](DataType t, size_t r) {
                      return r > 0 && ok(concat({d(t, dims(r)), d(t, dims(r))}, 0));
                    }}};
  ops["expand"] = {{"input", [](DataType t, size_t r) {
                      return ok(expand(d(t, dims(r)), dims(r)));
                    }}};
  ops["pad"] = {{"input", [](DataType t, size_t r) {
                   std::vector<int64_t> p(r, 1);
                   return ok(pad(d(t, dims(r)), p, p, {}));
                 }}};
  ops["reverse"] = {{"input", [](DataType t, size_t r) {
                       return ok(reverse(d(t, dims(r)), {}));
                     }}};
  ops["slice"] = {{"input", [](DataType t, size_t r) {
                     return ok(slice(d(t, dims(r)), std::vector<int64_t>(r, 0),
                                     std::vector<int64_t>(r, 1), {}));
                   }}};
  ops["split"] = {{"input", [](DataType t, size_t r) {
                     return r > 0 && ok(split(d(t, dims(r)), {2}, true, {}));
                   }}};
  ops["tile"] = {{"input", [](DataType t, size_t r) {
                    return ok(tile(d(t, dims(r)), std::vector<int64_t>(r, 2)));
                  }}};
  ops["triangular"] = {{"input", [](DataType t, size_t r) {
                          return ok(triangular(d(t, dims(r)), {}));
                        }}};
}

void addGatherProbes(Probes &ops) {
  const DataType f32 = DataType::Float32;
  // Gather and scatter.
  auto gatherProbe = [](bool indices) {
    return [indices](DataType t, size_t r) {
      return indices ? ok(gather(d(f32, dims(2)), d(t, dims(r)), {}))
                     : r > 0 && ok(gather(d(t, dims(r)), d(DataType::Int32, {1}), {}));
    };
  };
  ops["gather"] = {{"input", gatherProbe(false)}, {"indices", gatherProbe(true)}};
  ops["gatherElements"] = {
      {"input", [](DataType t, size_t r) {
         return r > 0 && ok(gatherElements(d(t, dims(r)),
                                           d(DataType::Int32, dims(r)), {}));
       }},
      {"indices", [](DataType t, size_t r) {
         return r > 0 && ok(gatherElements(d(f32, dims(r)), d(t, dims(r)), {}));
       }}};
  ops["gatherND"] = {
      {"input", [](DataType t, size_t r) {
         return r > 0 && ok(gatherND(d(t, dims(r)), d(DataType::Int32, {1})));
       }},
      {"indices", [](DataType t, size_t r) {
         return r > 0 && ok(gatherND(d(f32, dims(2)), d(t, dims(r, 1))));
       }}};
  ops["scatterElements"] = {
      {"input", [](DataType t, size_t r) {
         return r > 0 && ok(scatterElements(d(t, dims(r)),
                                            d(DataType::Int32, dims(r)),
                                            d(t, dims(r)), {}));
       }},
      {"indices", [](DataType t, size_t r) {
         return r > 0 && ok(scatterElements(d(f32, dims(r)), d(t, dims(r)),
                                            d(f32, dims(r)), {}));
       }},
      {"updates", [](DataType t, size_t r) {
         return r > 0 && ok(scatterElements(d(t, dims(r)),
                                            d(DataType::Int32, dims(r)),
                                            d(t, dims(r)), {}));
       }}};
  ops["scatterND"] = {
      {"input", [](DataType t, size_t r) {
         return r > 0 && ok(scatterND(d(t, dims(r)), d(DataType::Int32, {1, 1}),
                                      d(t, r > 1 ? dims(r) : Shape{1})));
       }}};
}

void addQuantizationProbes(Probes &ops) {
  // Quantization.
  const DataType u8 = DataType::Uint8;
  ops["quantizeLinear"] = {
      {"input", [](DataType t, size_t r) {
         return ok(quantizeLinear(d(t, dims(r)), d(t, dims(r)),
                                  d(DataType::Uint8, dims(r))));
       }},
      {"zeroPoint", [](DataType t, size_t r) {
         return ok(quantizeLinear(d(DataType::Float32, dims(r)),
                                  d(DataType::Float32, dims(r)), d(t, dims(r))));
       }}};
  ops["dequantizeLinear"] = {
      {"input", [u8](DataType t, size_t r) {
         return ok(dequantizeLinear(d(t, dims(r)), d(DataType::Float32, dims(r)),
                                    d(t, dims(r))));
       }},
      {"scale", [u8](DataType t, size_t r) {
         return ok(dequantizeLinear(d(u8, dims(r)), d(t, dims(r)),
                                    d(u8, dims(r))));
       }}};
}

void addRecurrentProbes(Probes &ops) {
  // Recurrent networks: input [steps, batch, inputSize].
  ops["gru"] = {{"input", [](DataType t, size_t r) {
                   return ok(gru(d(t, dims(r)), d(t, {1, 6, 2}),
                                 d(t, {1, 6, 2}), 2, 2, {}));
                 }}};
  ops["lstm"] = {{"input", [](DataType t, size_t r) {
                    return ok(lstm(d(t, dims(r)), d(t, {1, 8, 2}),
                                   d(t, {1, 8, 2}), 2, 2, {}));
                  }}};
  ops["gruCell"] = {{"input", [](DataType t, size_t r) {
                       return ok(gruCell(d(t, dims(r)), d(t, {6, 2}),
                                         d(t, {6, 2}), d(t, {2, 2}), 2, {}));
                     }}};
  ops["lstmCell"] = {{"input", [](DataType t, size_t r) {
                        return ok(lstmCell(d(t, dims(r)), d(t, {8, 2}),
                                           d(t, {8, 2}), d(t, {2, 2}),
                                           d(t, {2, 2}), 2, {}));
                      }}};
}

// Each op's operands, by data type and rank: the probes above, run.
std::vector<OpLimits> probes() {
  Probes ops;
  for (auto add : {addElementwiseProbes, addConvolutionProbes, addMatmulProbes,
                   addNormalizationProbes, addReductionProbes,
                   addDataMovementProbes, addGatherProbes,
                   addQuantizationProbes, addRecurrentProbes})
    add(ops);
  std::vector<OpLimits> out;
  for (const auto &[method, operands] : ops) {
    OpLimits op{method, {}};
    for (const OperandProbe &probe : operands) {
      TensorLimits limits;
      bool anyRank = false;
      for (DataType t : kAllDataTypes) {
        bool accepted = false;
        for (size_t r = 0; r <= kMaxRank; ++r) {
          if (!probe.accepts(t, r))
            continue;
          accepted = true;
          if (!anyRank)
            limits.minRank = limits.maxRank = r, anyRank = true;
          limits.minRank = std::min(limits.minRank, r);
          limits.maxRank = std::max(limits.maxRank, r);
        }
        if (accepted)
          limits.dataTypes.push_back(t);
      }
      op.operands.push_back({probe.name, limits});
    }
    out.push_back(std::move(op));
  }
  return out;
}

void writeLimits(std::string &out, const TensorLimits &l) {
  out += "{\"dataTypes\": [";
  for (size_t i = 0; i < l.dataTypes.size(); ++i)
    out += (i ? ", \"" : "\"") + std::string(toString(l.dataTypes[i])) + "\"";
  out += "], \"rankRange\": {\"min\": " + std::to_string(l.minRank) +
         ", \"max\": " + std::to_string(l.maxRank) + "}}";
}

} // namespace

SupportLimits opSupportLimits() {
  SupportLimits limits;
  // Convolutions and pooling run channels-last inside; nhwc inputs need no
  // transposes around them.
  limits.preferredInputLayout = "nhwc";
  // Tensors hold at most 2^31-1 elements; this many bytes guarantees it.
  limits.maxTensorByteLength = uint64_t(kMaxElementCount);
  TensorLimits any{{kAllDataTypes, kAllDataTypes + std::size(kAllDataTypes)},
                   0, kMaxRank};
  limits.input = limits.constant = limits.output = any;
  limits.ops = probes();
  return limits;
}

std::string toJson(const SupportLimits &limits) {
  std::string out = "{\n  \"preferredInputLayout\": \"" +
                    limits.preferredInputLayout +
                    "\",\n  \"maxTensorByteLength\": " +
                    std::to_string(limits.maxTensorByteLength) + ",\n";
  for (auto [name, l] : {std::pair{"input", &limits.input},
                         std::pair{"constant", &limits.constant},
                         std::pair{"output", &limits.output}}) {
    out += std::string("  \"") + name + "\": ";
    writeLimits(out, *l);
    out += ",\n";
  }
  for (size_t i = 0; i < limits.ops.size(); ++i) {
    const OpLimits &op = limits.ops[i];
    out += "  \"" + op.method + "\": {";
    for (size_t k = 0; k < op.operands.size(); ++k) {
      out += (k ? ", \"" : "\"") + op.operands[k].name + "\": ";
      writeLimits(out, op.operands[k].limits);
    }
    out += i + 1 < limits.ops.size() ? "},\n" : "}\n";
  }
  return out + "}\n";
}

} // namespace webnnc::spec
