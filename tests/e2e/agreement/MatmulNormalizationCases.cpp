// SPDX-License-Identifier: Apache-2.0
// Agreement cases: matmul, gemm and the normalizations.
#include "Agreement.h"

namespace webnnc::test {
namespace {
using G = GraphBuilder;

AgreementCase make(std::string name, std::function<Outputs(G &)> build,
                   double rtol32, double atol) {
  AgreementCase c;
  c.name = std::move(name);
  c.build = std::move(build);
  c.rtol32 = rtol32;
  c.atol = atol;
  c.rtol16 = 4e-3;
  return c;
}

} // namespace

std::vector<AgreementCase> matmulNormalizationCases() {
  std::vector<AgreementCase> cases;
  for (DataType t : kFloatTypes) {
    std::string s = shortName(t);
    // float32 accumulation against float64.
    cases.push_back(make(
        "matmul_" + s,
        [t](G &b) {
          return Outputs{
              {"plain", b.matmul(b.input("a", {t, {5, 7}}),
                                 b.input("b", {t, {7, 9}}))},
              {"batched_broadcast", b.matmul(b.input("a3", {t, {2, 1, 5, 7}}),
                                             b.input("b3", {t, {3, 7, 4}}))},
              {"rank5", b.matmul(b.input("a5", {t, {2, 1, 2, 3, 4}}),
                                 pattern(b, {t, {4, 6}}))}};
        },
        1e-5, 1e-5));
    cases.push_back(make(
        "gemm_" + s,
        [t](G &b) {
          Operand a = b.input("a", {t, {4, 6}}), at = b.input("at", {t, {6, 4}});
          Operand w = pattern(b, {t, {6, 5}}), wt = pattern(b, {t, {5, 6}});
          return Outputs{
              {"plain", b.gemm(a, w)},
              {"transposes_alpha", b.gemm(at, wt, {.alpha = 0.5,
                                                   .aTranspose = true,
                                                   .bTranspose = true})},
              {"c_row_beta", b.gemm(a, w, {.c = pattern(b, {t, {5}}),
                                           .beta = -1.5})},
              {"c_scalar", b.gemm(a, w, {.c = pattern(b, {t, {}}),
                                         .alpha = 2})},
              {"c_full", b.gemm(a, w, {.c = b.input("c", {t, {4, 5}})})}};
        },
        1e-5, 1e-5));
    // Constant B and long sums: the products whose K runs in blocks (384
    // in blocks of 192, 520 in blocks of 104), several row tiles with a
    // partial last one (13 rows, batches of 9), partial panels (37, 40
    // columns), a gemm's C.
    cases.push_back(make(
        "matmul_long_k_" + s,
        [t](G &b) {
          Operand a = b.input("a", {t, {13, 384}});
          Operand batched = b.input("batched", {t, {2, 9, 520}});
          return Outputs{
              {"plain", b.matmul(a, pattern(b, {t, {384, 37}}))},
              {"gemm_c", b.gemm(a, pattern(b, {t, {384, 37}}, 0.5),
                                {.c = pattern(b, {t, {37}})})},
              {"batched", b.matmul(batched, pattern(b, {t, {520, 40}}))}};
        },
        1e-4, 1e-4));
    cases.push_back(make(
        "batch_normalization_" + s,
        [t](G &b) {
          Operand x = b.input("x", {t, {2, 3, 4, 5}});
          Operand var3 = b.abs(b.input("v3", {t, {3}}));
          Operand var5 = b.abs(b.input("v5", {t, {5}}));
          return Outputs{
              {"axis1_scale_bias",
               b.batchNormalization(x, b.input("m3", {t, {3}}), var3,
                                    {.scale = pattern(b, {t, {3}}),
                                     .bias = pattern(b, {t, {3}})})},
              {"axis3_plain",
               b.batchNormalization(x, b.input("m5", {t, {5}}), var5,
                                    {.axis = 3, .epsilon = 0.01})}};
        },
        4e-6, 1e-6));
    cases.push_back(make(
        "instance_normalization_" + s,
        [t](G &b) {
          return Outputs{
              {"nchw", b.instanceNormalization(
                           b.input("x", {t, {2, 3, 4, 5}}),
                           {.scale = pattern(b, {t, {3}}),
                            .bias = pattern(b, {t, {3}})})},
              {"nhwc", b.instanceNormalization(
                           b.input("xh", {t, {2, 4, 5, 3}}),
                           {.epsilon = 1e-3,
                            .layout = InputOperandLayout::Nhwc})}};
        },
        1e-5, 1e-5));
    cases.push_back(make(
        "layer_normalization_" + s,
        [t](G &b) {
          Operand x = b.input("x", {t, {2, 3, 4}});
          return Outputs{
              {"default_axes", b.layerNormalization(
                                   x, {.scale = pattern(b, {t, {3, 4}}),
                                       .bias = pattern(b, {t, {3, 4}})})},
              {"last_axis", b.layerNormalization(
                                x, {.scale = pattern(b, {t, {4}}),
                                    .axes = std::vector<int64_t>{2}})},
              {"axes_2_0", b.layerNormalization(
                               x, {.bias = pattern(b, {t, {4, 2}}),
                                   .axes = std::vector<int64_t>{2, 0},
                                   .epsilon = 0.1})}};
        },
        1e-5, 1e-5));
  }
  return cases;
}

} // namespace webnnc::test
