// SPDX-License-Identifier: Apache-2.0
// Agreement cases: shape and data-movement ops, for every data type.
#include "Agreement.h"

namespace webnnc::test {

std::vector<AgreementCase> shapeCases() {
  using G = GraphBuilder;
  std::vector<AgreementCase> cases;
  for (DataType t : kAllTypes) {
    AgreementCase c;
    c.name = "data_movement_" + shortName(t);
    c.lo = -100;
    c.hi = 100;
    c.build = [t](G &b) {
      Operand x = b.input("x", {t, {3, 4, 5}});
      Operand y = b.input("y", {t, {3, 2, 5}});
      Operand column = b.input("column", {t, {3, 1}});
      // Planes going channels-last: 3 channels innermost, 21 columns.
      Operand planes = b.input("planes", {t, {2, 3, 5, 21}});
      std::vector<Operand> parts = b.split(x, 2, {.axis = 1});
      std::vector<Operand> sized = b.split(x, std::vector<int64_t>{1, 3, 1},
                                           {.axis = 2});
      return Outputs{
          {"concat", b.concat({x, y, x}, 1)},
          // Along the innermost axis, and with an element-wise op fused
          // after it.
          {"concat_last", b.concat({x, x}, 2)},
          {"concat_then_add", b.add(b.concat({y, x}, 1), b.concat({y, x}, 1))},
          {"expand", b.expand(column, {2, 3, 4})},
          {"pad_constant", b.pad(x, {1, 0, 2}, {0, 2, 1}, {.value = 2.75})},
          {"pad_edge", b.pad(x, {2, 1, 0}, {1, 0, 3},
                             {.mode = PaddingMode::Edge})},
          {"pad_reflection", b.pad(x, {2, 3, 1}, {1, 2, 4},
                                   {.mode = PaddingMode::Reflection})},
          {"reshape", b.reshape(x, {5, 12})},
          {"reverse_all", b.reverse(x)},
          {"reverse_axes", b.reverse(x, {.axes = std::vector<int64_t>{0, 2}})},
          {"reverse_none", b.reverse(x, {.axes = std::vector<int64_t>{}})},
          {"slice", b.slice(x, {1, 0, 1}, {2, 4, 3})},
          {"slice_strides", b.slice(x, {0, 1, 0}, {3, 3, 5},
                                    {.strides = {2, 2, 3}})},
          {"split_count_0", parts[0]},
          {"split_count_1", parts[1]},
          {"split_sizes_0", sized[0]},
          {"split_sizes_1", sized[1]},
          {"split_sizes_2", sized[2]},
          {"tile", b.tile(y, {2, 1, 3})},
          {"transpose_default", b.transpose(x)},
          {"transpose_perm", b.transpose(x, {.permutation = {1, 2, 0}})},
          {"transpose_planes",
           b.transpose(planes, {.permutation = {0, 2, 3, 1}})},
          // (an element-wise chain and the transpose: one kernel)
          {"transpose_after_add",
           b.transpose(b.add(planes, planes), {.permutation = {0, 2, 3, 1}})},
          {"triangular_upper", b.triangular(x)},
          {"triangular_lower_diag", b.triangular(x, {.upper = false,
                                                     .diagonal = -1})},
          {"triangular_upper_diag", b.triangular(x, {.diagonal = 2})}};
    };
    cases.push_back(c);
  }
  // Element-wise ops after a reshape of a kernel's result, which the
  // compiler moves above the reshape into that kernel: a bias of higher
  // rank than the matmul's result, a scalar, a flattened conv.
  AgreementCase epilogues;
  epilogues.name = "reshaped_epilogues_f32";
  epilogues.build = [](G &b) {
    Operand x = b.input("x", {DataType::Float32, {6, 20}});
    Operand bias = b.input("bias", {DataType::Float32, {1, 1, 12}});
    Operand image = b.input("image", {DataType::Float32, {2, 3, 5, 5}});
    Operand flatBias = b.input("flat_bias", {DataType::Float32, {36}});
    Operand rows = b.reshape(
        b.matmul(x, pattern(b, {DataType::Float32, {20, 12}})), {2, 3, 12});
    Operand flat = b.reshape(
        b.conv2d(image, pattern(b, {DataType::Float32, {4, 3, 3, 3}})),
        {2, 36});
    return Outputs{
        {"bias_relu_scale",
         b.mul(b.relu(b.add(rows, bias)),
               constantOf(b, DataType::Float32, {}, {0.5}))},
        {"flattened", b.sigmoid(b.add(flat, flatBias))}};
  };
  cases.push_back(epilogues);
  return cases;
}

} // namespace webnnc::test
