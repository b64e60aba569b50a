// SPDX-License-Identifier: Apache-2.0
// Agreement cases: gather, scatter and quantization.
#include "Agreement.h"

namespace webnnc::test {

std::vector<AgreementCase> gatherQuantizeCases() {
  using G = GraphBuilder;
  std::vector<AgreementCase> cases;
  const DataType indexTypes[] = {DataType::Int32, DataType::Uint32,
                                 DataType::Int64};
  for (DataType t : kAllTypes)
    for (DataType it : indexTypes) {
      bool isSigned = it != DataType::Uint32;
      AgreementCase c;
      c.name = "gather_scatter_" + shortName(t) + "_" + shortName(it);
      c.lo = -100;
      c.hi = 100;
      c.build = [t, it, isSigned](G &b) {
        Operand x = b.input("x", {t, {4, 5, 3}});
        // Negative indices count from the end; out-of-range ones clamp.
        std::vector<double> picks =
            isSigned ? std::vector<double>{3, -1, 0, 7, -9, 2}
                     : std::vector<double>{3, 1, 0, 7, 9, 2};
        Operand indices = constantOf(b, it, {2, 3}, picks);
        Operand elementIndices = constantOf(
            b, it, {4, 2, 3},
            {0, 1, 2, 3, 4, 0, 4, 3, 2, 1, 0, 4, 1, 1, 1, 2, 2, 2,
             3, 0, 3, 0, 3, 0});
        Operand ndIndices =
            constantOf(b, it, {3, 2}, {0, 1, 3, 4, isSigned ? -1.0 : 2.0, 2});
        Operand updates = b.input("updates", {t, {4, 2, 3}});
        Operand ndUpdates = b.input("ndUpdates", {t, {3, 3}});
        return Outputs{
            {"gather_axis0", b.gather(x, indices)},
            {"gather_axis1", b.gather(x, indices, {.axis = 1})},
            {"gather_elements", b.gatherElements(x, elementIndices,
                                                 {.axis = 1})},
            {"gather_nd", b.gatherND(x, ndIndices)},
            {"scatter_elements",
             b.scatterElements(x, elementIndices, updates, {.axis = 1})},
            {"scatter_nd", b.scatterND(x, ndIndices, ndUpdates)}};
      };
      cases.push_back(c);
    }
  const DataType quantized[] = {DataType::Uint8,  DataType::Int8,
                                DataType::Uint32, DataType::Int32,
                                DataType::Uint4,  DataType::Int4};
  for (DataType f : kFloatTypes)
    for (DataType q : quantized) {
      AgreementCase c;
      c.name = "quantize_" + shortName(f) + "_" + shortName(q);
      c.lo = -300;
      c.hi = 300;
      c.build = [f, q](G &b) {
        Operand x = b.input("x", {f, {4, 6}});
        Operand scale = b.abs(b.input("scale", {f, {2, 3}}));
        Operand zeroPoint = constantOf(b, q, {2, 3}, {0, 3, 7, 100, 1, 2});
        Operand perTensorScale = constantOf(b, f, {1, 1}, {1.75});
        Operand perTensorZero = constantOf(b, q, {1, 1}, {5});
        Operand xq = b.input("xq", {q, {4, 6}});
        // Lower ranks align to the trailing dimensions: a per-column
        // scale [6] and a scalar one.
        Operand columnScale = constantOf(b, f, {6}, {0.5, 1, 2, 0.25, 3, 1.5});
        Operand columnZero = constantOf(b, q, {6}, {0, 1, 2, 3, 4, 5});
        Operand scalarScale = constantOf(b, f, {}, {0.75});
        Operand scalarZero = constantOf(b, q, {}, {2});
        return Outputs{
            {"quantize_per_column", b.quantizeLinear(x, columnScale, columnZero)},
            {"dequantize_per_column",
             b.dequantizeLinear(xq, columnScale, columnZero)},
            {"dequantize_scalar", b.dequantizeLinear(xq, scalarScale, scalarZero)},
            {"quantize_blockwise", b.quantizeLinear(x, scale, zeroPoint)},
            {"quantize_per_tensor",
             b.quantizeLinear(x, perTensorScale, perTensorZero)},
            {"dequantize_blockwise", b.dequantizeLinear(xq, scale, zeroPoint)},
            {"dequantize_per_tensor",
             b.dequantizeLinear(xq, perTensorScale, perTensorZero)}};
      };
      cases.push_back(c);
    }
  // Four-bit operands through ops that move data, at odd sizes (a packed
  // tensor whose last byte is half used) and a batch of 3: an input
  // transposed, concatenated with a constant and dequantized; a quantized
  // result sliced and returned packed.
  for (DataType q : {DataType::Int4, DataType::Uint4}) {
    AgreementCase c;
    c.name = "four_bit_data_movement_" + shortName(q);
    c.lo = -20;
    c.hi = 20;
    c.build = [q](G &b) {
      Operand xq = b.input("xq", {q, {3, 5, 3}});
      Operand w = pattern(b, {q, {3, 3, 5}}, 7);
      Operand moved = b.concat({b.transpose(xq, {.permutation = {0, 2, 1}}), w},
                               1);
      Operand scale = constantOf(b, DataType::Float32, {5}, {0.5, 1, 2, 4, 8});
      Operand zero = constantOf(b, q, {5}, {0, 1, 2, 3, 7});
      Operand x = b.input("x", {DataType::Float32, {3, 7, 5}});
      Operand quantized = b.quantizeLinear(x, scale, zero);
      return Outputs{
          {"dequantized", b.dequantizeLinear(moved, scale, zero)},
          {"quantized", quantized},
          {"sliced", b.slice(quantized, {1, 2, 0}, {2, 5, 3})},
          {"selected", b.max(xq, b.reshape(w, {3, 5, 3}))}};
    };
    cases.push_back(c);
  }
  return cases;
}

} // namespace webnnc::test
