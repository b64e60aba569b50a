// SPDX-License-Identifier: Apache-2.0
// Agreement cases: conv2d, convTranspose2d, pooling and resample2d.
#include "Agreement.h"

namespace webnnc::test {
namespace {
using G = GraphBuilder;

// Convolutions accumulate in float32 (the reference in float64).
AgreementCase conv(std::string name, std::function<Outputs(G &)> build) {
  AgreementCase c;
  c.name = std::move(name);
  c.build = std::move(build);
  c.rtol32 = 2e-5;
  c.atol = 2e-5;
  c.rtol16 = 4e-3;
  return c;
}

} // namespace

std::vector<AgreementCase> convPoolCases() {
  std::vector<AgreementCase> cases;
  for (DataType t : kFloatTypes) {
    std::string s = shortName(t);
    cases.push_back(conv("conv2d_layouts_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {1, 4, 9, 8}});
      Operand nhwcX = b.input("xh", {t, {1, 9, 8, 4}});
      return Outputs{
          {"oihw_bias_pad_stride",
           b.conv2d(x, pattern(b, {t, {6, 4, 3, 3}}, 0.5),
                    {.padding = {1, 2, 0, 1},
                     .strides = {2, 1},
                     .bias = pattern(b, {t, {6}})})},
          {"hwio_groups_dilation",
           b.conv2d(x, pattern(b, {t, {3, 2, 2, 6}}, 0.5),
                    {.dilations = {2, 3},
                     .groups = 2,
                     .filterLayout = Conv2dFilterOperandLayout::Hwio})},
          {"nhwc_ohwi",
           b.conv2d(nhwcX, pattern(b, {t, {5, 3, 3, 4}}, 0.5),
                    {.padding = {1, 1, 1, 1},
                     .inputLayout = InputOperandLayout::Nhwc,
                     .filterLayout = Conv2dFilterOperandLayout::Ohwi})},
          {"nhwc_ihwo_depthwise",
           b.conv2d(nhwcX, pattern(b, {t, {1, 3, 3, 4}}, 0.5),
                    {.padding = {1, 1, 1, 1},
                     .groups = 4,
                     .inputLayout = InputOperandLayout::Nhwc,
                     .filterLayout = Conv2dFilterOperandLayout::Ihwo})}};
    }));
    // Shapes that exercise the channels-last tiles: output channels that
    // fill no whole panel (70, 33, 40), two batches, widths no tile
    // divides, strides and dilations, a depthwise conv of 40 channels, a
    // packed conv feeding a fused pooling and a residual add; the 3x3
    // stride-1 convs (Winograd in float32) with partial output tiles.
    cases.push_back(conv("conv2d_tiles_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {2, 40, 11, 13}});
      Operand wide = b.conv2d(x, pattern(b, {t, {70, 40, 3, 3}}, 0.05),
                              {.padding = {1, 1, 1, 1},
                               .bias = pattern(b, {t, {70}})});
      Operand pointwise = b.conv2d(x, pattern(b, {t, {33, 40, 1, 1}}, 0.05));
      Operand depthwise =
          b.conv2d(x, pattern(b, {t, {40, 1, 3, 3}}, 0.5),
                   {.padding = {0, 1, 1, 0}, .strides = {2, 2}, .groups = 40});
      Operand strided = b.conv2d(
          x, pattern(b, {t, {40, 40, 3, 3}}, 0.05),
          {.padding = {2, 2, 2, 2}, .strides = {2, 2}, .dilations = {2, 2}});
      Operand pooled = b.maxPool2d(
          b.relu(b.conv2d(x, pattern(b, {t, {24, 40, 5, 5}}, 0.05),
                          {.padding = {2, 2, 2, 2}})),
          {.windowDimensions = {3, 3}, .strides = {2, 2}});
      Operand residual = b.add(
          b.conv2d(x, pattern(b, {t, {40, 40, 1, 1}}, 0.05)), x);
      // 3x3, stride 1 (float32: Winograd), padded on two sides only.
      Operand lopsided = b.relu(b.conv2d(
          x, pattern(b, {t, {32, 40, 3, 3}}, 0.05), {.padding = {0, 1, 1, 0}}));
      return Outputs{{"wide", wide},           {"pointwise", pointwise},
                     {"depthwise", depthwise}, {"strided", strided},
                     {"pooled", pooled},       {"residual", residual},
                     {"lopsided", lopsided}};
    }));
    cases.push_back(conv("conv_transpose2d_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {2, 4, 3, 5}});
      Operand nhwcX = b.input("xh", {t, {1, 3, 4, 4}});
      return Outputs{
          {"iohw_bias", b.convTranspose2d(x, pattern(b, {t, {4, 3, 3, 3}}, 0.5),
                                          {.bias = pattern(b, {t, {3}})})},
          {"strides_padding_output_padding",
           b.convTranspose2d(x, pattern(b, {t, {4, 2, 3, 2}}, 0.5),
                             {.padding = {1, 0, 0, 1},
                              .strides = {2, 3},
                              .outputPadding = {1, 2}})},
          {"groups_dilations_output_sizes",
           b.convTranspose2d(x, pattern(b, {t, {4, 3, 2, 2}}, 0.5),
                             {.strides = {2, 2},
                              .dilations = {2, 1},
                              .outputSizes = {7, 11},
                              .groups = 2})},
          {"nhwc_hwoi",
           b.convTranspose2d(
               nhwcX, pattern(b, {t, {3, 3, 2, 4}}, 0.5),
               {.strides = {2, 2},
                .inputLayout = InputOperandLayout::Nhwc,
                .filterLayout = ConvTranspose2dFilterOperandLayout::Hwoi})},
          {"nhwc_ohwi",
           b.convTranspose2d(
               nhwcX, pattern(b, {t, {2, 2, 3, 4}}, 0.5),
               {.padding = {1, 1, 1, 1},
                .inputLayout = InputOperandLayout::Nhwc,
                .filterLayout = ConvTranspose2dFilterOperandLayout::Ohwi})}};
    }));
    // Filters over 256 KB (float32) sum in blocks of taps and input
    // channels into a buffer per band of rows: a dilated padded conv over
    // a map of over 1024 outputs (its own tile rule) with a partial
    // panel, two batches and 264 channels (blocks of 88); one dilated
    // past the band's rows (padded once, not per band); an unpadded
    // pointwise conv reading its input in place, 33 columns (no tile
    // divides them); 270 channels (no block divides them: a guarded last
    // block); a strided conv over a small map.
    cases.push_back(conv("conv2d_summed_in_blocks_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {2, 264, 34, 33}});
      Operand y = b.input("y", {t, {1, 270, 9, 11}});
      Operand z = b.input("z", {t, {1, 264, 34, 33}});
      return Outputs{
          {"dilated",
           b.relu(b.conv2d(x, pattern(b, {t, {70, 264, 3, 3}}, 0.02),
                           {.padding = {3, 3, 3, 3},
                            .dilations = {3, 3},
                            .bias = pattern(b, {t, {70}})}))},
          {"dilated_past_band",
           b.conv2d(z, pattern(b, {t, {40, 264, 3, 3}}, 0.02),
                    {.padding = {13, 13, 13, 13}, .dilations = {13, 13}})},
          {"pointwise", b.conv2d(x, pattern(b, {t, {260, 264, 1, 1}}, 0.02))},
          {"guarded_block",
           b.conv2d(y, pattern(b, {t, {250, 270, 1, 1}}, 0.02),
                    {.padding = {1, 0, 0, 1}})},
          {"strided",
           b.conv2d(x, pattern(b, {t, {40, 264, 3, 3}}, 0.02),
                    {.padding = {1, 1, 1, 1}, .strides = {2, 2}})}};
    }));
    cases.push_back(conv("average_l2_pool_" + s, [t](G &b) {
      Operand x = b.input("x", {t, {1, 3, 9, 10}});
      Operand nhwc = b.input("xh", {t, {2, 7, 6, 5}});
      return Outputs{
          {"avg_pad_ceil", b.averagePool2d(x, {.windowDimensions = {3, 3},
                                               .padding = {1, 1, 1, 1},
                                               .strides = {2, 2},
                                               .outputShapeRounding = RoundingType::Ceil})},
          {"avg_global", b.averagePool2d(x)},
          {"avg_nhwc_dilated", b.averagePool2d(nhwc, {.windowDimensions = {2, 2},
                                                      .dilations = {2, 2},
                                                      .layout = InputOperandLayout::Nhwc})},
          {"l2_output_sizes", b.l2Pool2d(x, {.windowDimensions = {2, 3},
                                             .strides = {2, 2},
                                             .outputSizes = {5, 5}})},
          {"l2_nhwc", b.l2Pool2d(nhwc, {.windowDimensions = {3, 2},
                                        .padding = {0, 1, 1, 0},
                                        .layout = InputOperandLayout::Nhwc})}};
    }));
    AgreementCase resample;
    resample.name = "resample2d_" + s;
    resample.build = [t](G &b) {
      Operand x = b.input("x", {t, {1, 2, 5, 7}});
      using M = InterpolationMode;
      return Outputs{
          {"nearest_up", b.resample2d(x, {.scales = {2.0, 1.5}})},
          {"nearest_down", b.resample2d(x, {.scales = {0.5, 0.75}})},
          {"linear_sizes", b.resample2d(x, {.mode = M::Linear, .sizes = {8, 4}})},
          {"linear_axes_12", b.resample2d(x, {.mode = M::Linear,
                                              .scales = {1.5, 2.0},
                                              .axes = {1, 2}})},
          {"linear_axes_32", b.resample2d(x, {.mode = M::Linear,
                                              .sizes = {9, 3},
                                              .axes = {3, 2}})}};
    };
    resample.rtol32 = 2e-6;
    resample.atol = 1e-6;
    cases.push_back(resample);
  }
  // resample2d of int8/uint8 (webnn #891): linear values round half to even.
  for (DataType t : {DataType::Int8, DataType::Uint8}) {
    AgreementCase resample;
    resample.name = "resample2d_" + shortName(t);
    resample.lo = t == DataType::Int8 ? -128 : 0;
    resample.hi = t == DataType::Int8 ? 127 : 255;
    resample.build = [t](G &b) {
      Operand x = b.input("x", {t, {1, 2, 5, 7}});
      return Outputs{
          {"nearest_up", b.resample2d(x, {.scales = {2.0, 1.5}})},
          {"linear_sizes",
           b.resample2d(x, {.mode = InterpolationMode::Linear,
                            .sizes = {8, 4}})}};
    };
    cases.push_back(resample);
  }
  // maxPool2d takes every type.
  for (DataType t : kAllTypes) {
    AgreementCase c;
    c.name = "max_pool_" + shortName(t);
    c.lo = -100;
    c.hi = 100;
    c.build = [t](G &b) {
      Operand x = b.input("x", {t, {1, 3, 8, 9}});
      return Outputs{
          {"pad_stride", b.maxPool2d(x, {.windowDimensions = {3, 2},
                                         .padding = {1, 1, 0, 1},
                                         .strides = {2, 2}})},
          {"global", b.maxPool2d(x)},
          {"ceil_dilated", b.maxPool2d(x, {.windowDimensions = {2, 2},
                                           .strides = {3, 2},
                                           .dilations = {1, 2},
                                           .outputShapeRounding = RoundingType::Ceil})}};
    };
    cases.push_back(c);
  }
  return cases;
}

} // namespace webnnc::test
