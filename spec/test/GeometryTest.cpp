// SPDX-License-Identifier: Apache-2.0
// The spec rules of the ops added after the foundation: resolved
// geometries, default options, and output shapes.
#include <gtest/gtest.h>

#include "TestHelpers.h"
#include "webnnc/Spec/Ops.h"

using namespace webnnc::spec;
using namespace webnnc::spec::test;

namespace {

TEST(ConvTranspose2d, OutputSizeAndLayouts) {
  // (in - 1) * stride + (filter - 1) * dilation + 1 - padding + outputPadding
  auto g = resolveConvTranspose2d(f32({1, 4, 3, 5}), f32({4, 2, 3, 2}),
                                  {.padding = {1, 0, 0, 1},
                                   .strides = {2, 3},
                                   .outputPadding = {1, 2},
                                   .groups = 2});
  ASSERT_TRUE(g) << g.error().format("convTranspose2d");
  EXPECT_EQ(g->outputHeight, 7);  // 2*2 + 3 - 1 + 1
  EXPECT_EQ(g->outputWidth, 15);  // 4*3 + 2 - 1 + 2
  EXPECT_EQ(g->outputChannels, 4); // 2 per group
  auto nhwc = convTranspose2d(
      f32({1, 3, 3, 4}), f32({3, 3, 5, 4}),
      {.inputLayout = InputOperandLayout::Nhwc,
       .filterLayout = ConvTranspose2dFilterOperandLayout::Hwoi});
  ASSERT_TRUE(nhwc);
  EXPECT_EQ(nhwc->shape, (Shape{1, 5, 5, 5}));
  // outputSizes must be in [computed, computed + stride).
  EXPECT_TRUE(convTranspose2d(f32({1, 1, 3, 3}), f32({1, 1, 3, 3}),
                              {.strides = {2, 2}, .outputSizes = {8, 7}}));
  EXPECT_EQ(errorOf(convTranspose2d(f32({1, 1, 3, 3}), f32({1, 1, 3, 3}),
                                    {.strides = {2, 2}, .outputSizes = {9, 7}}),
                    "convTranspose2d"),
            "convTranspose2d: outputSizes: height 9 must be in [7, 9)");
}

TEST(Resample2d, ScalesAndSizes) {
  auto g = resolveResample2d(f32({1, 2, 5, 7}), {.scales = {0.5, 1.5}});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->outputSizes[0], 2); // floor(2.5)
  EXPECT_EQ(g->outputSizes[1], 10); // floor(10.5)
  EXPECT_EQ(g->scales[0], 0.5);     // sampling uses the given scales
  // sizes override scales; the sampling scale is then output / input.
  auto sized = resolveResample2d(f32({1, 2, 5, 8}),
                                 {.scales = {3, 3}, .sizes = {10, 4}, .axes = {2, 3}});
  ASSERT_TRUE(sized);
  EXPECT_EQ(sized->scales[0], 2.0);
  EXPECT_EQ(sized->scales[1], 0.5);
  EXPECT_EQ(resample2d(f32({1, 2, 5, 8}), {.sizes = {4, 6}, .axes = {1, 3}})->shape,
            (Shape{1, 4, 5, 6}));
}

TEST(Reductions, AxesAndKeepDimensions) {
  OperandDescriptor x{DataType::Int32, {2, 3, 4}};
  EXPECT_EQ(reduce(ReduceKind::Sum, x, {})->shape, Shape{});
  EXPECT_EQ(reduce(ReduceKind::Sum, x, {.axes = std::vector<int64_t>{}})->shape,
            (Shape{2, 3, 4}));
  EXPECT_EQ(reduce(ReduceKind::Max, x, {.axes = std::vector<int64_t>{2, 0},
                                        .keepDimensions = true})
                ->shape,
            (Shape{1, 3, 1}));
  EXPECT_EQ(errorOf(reduce(ReduceKind::Mean, x, {}), "reduceMean"),
            "reduceMean: input: data type int32 is not allowed (allowed: "
            "float32, float16)");
  EXPECT_EQ(*argMinMax(x, 1, {.keepDimensions = true}),
            (OperandDescriptor{DataType::Int32, {2, 1, 4}}));
}

TEST(Normalization, LayerNormalizationAxes) {
  EXPECT_EQ(resolveLayerNormalizationAxes(f32({2, 3, 4}), std::nullopt),
            (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(resolveLayerNormalizationAxes(f32({5}), std::nullopt).empty());
  EXPECT_TRUE(layerNormalization(
      f32({2, 3, 4}), {.scale = f32({4, 2}), .axes = std::vector<int64_t>{2, 0}}));
}

TEST(ShapeOps, SplitSliceTilePad) {
  auto parts = split(f32({6, 2}), {3}, /*isCount=*/true, {});
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[2].shape, (Shape{2, 2}));
  EXPECT_EQ(errorOf(split(f32({6, 2}), {4, 1}, false, {}), "split"),
            "split: splits: sizes must add up to the axis' size 6, got 5");
  // Found by fuzz_graph_builder: the sum of hostile sizes overflowed.
  EXPECT_EQ(errorOf(split(f32({6, 2}), {INT64_MAX, INT64_MAX}, false, {}),
                    "split"),
            "split: splits: sizes must add up to the axis' size 6, their sum "
            "overflows");
  // ceil(size / stride)
  EXPECT_EQ(slice(f32({9}), {1}, {8}, {.strides = {3}})->shape, (Shape{3}));
  // Found by fuzz_graph_builder: a huge stride overflowed the rounding.
  EXPECT_EQ(slice(f32({9}), {1}, {8}, {.strides = {INT64_MAX}})->shape,
            (Shape{1}));
  EXPECT_EQ(tile(f32({2, 3}), {3, 1})->shape, (Shape{6, 3}));
  EXPECT_EQ(errorOf(pad(f32({2, 3}), {0, 3}, {0, 0},
                        {.mode = PaddingMode::Reflection}),
                    "pad"),
            "pad: beginningPadding: reflection padding of dimension 1 must be "
            "smaller than its size (3)");
}

TEST(GatherOps, OutputShapes) {
  OperandDescriptor indices{DataType::Int64, {2, 5}};
  EXPECT_EQ(gather(f32({4, 3, 2}), indices, {.axis = 1})->shape,
            (Shape{4, 2, 5, 2}));
  EXPECT_EQ(gatherND(f32({4, 3, 2}), {DataType::Uint32, {5, 2}})->shape,
            (Shape{5, 2}));
  EXPECT_EQ(errorOf(gather(f32({4}), {DataType::Uint8, {2}}, {}), "gather"),
            "gather: indices: data type uint8 is not allowed (allowed: int32, "
            "uint32, int64)");
}

TEST(QuantizeOps, Blockwise) {
  EXPECT_EQ(quantizeLinear(f32({4, 6}), f32({2, 3}), {DataType::Int8, {2, 3}})
                .value(),
            (OperandDescriptor{DataType::Int8, {4, 6}}));
  EXPECT_EQ(dequantizeLinear({DataType::Uint8, {4, 6}}, f32({1, 1}),
                             {DataType::Uint8, {1, 1}})
                ->dataType,
            DataType::Float32);
  EXPECT_FALSE(quantizeLinear(f32({4, 6}), f32({3, 1}), {DataType::Int8, {3, 1}}));
}

TEST(QuantizeOps, FourBitTypesAreStorageTypes) {
  // quantize/dequantize make and read them, block-wise too.
  EXPECT_EQ(quantizeLinear(f32({4, 6}), f32({2, 3}), {DataType::Int4, {2, 3}})
                ->dataType,
            DataType::Int4);
  EXPECT_EQ(dequantizeLinear({DataType::Uint4, {5}}, f32({5}),
                             {DataType::Uint4, {5}})
                ->dataType,
            DataType::Float32);
  // Ops that select, compare or move data take them; arithmetic and casts
  // to them do not.
  OperandDescriptor i4{DataType::Int4, {3}};
  EXPECT_TRUE(elementwiseBinary(BinaryKind::Max, i4, i4));
  EXPECT_EQ(elementwiseBinary(BinaryKind::Greater, i4, i4)->dataType,
            DataType::Uint8);
  EXPECT_TRUE(reshape(i4, {3, 1}));
  EXPECT_EQ(errorOf(elementwiseBinary(BinaryKind::Add, i4, i4), "add"),
            "add: a: webnnc does no arithmetic on int4; dequantizeLinear it "
            "first");
  EXPECT_EQ(errorOf(cast(f32({3}), DataType::Uint4), "cast"),
            "cast: type: webnnc does not cast to uint4; quantizeLinear "
            "produces four-bit values");
  EXPECT_FALSE(elementwiseUnary(UnaryKind::Relu, i4));
  // Packed two per byte at the API, one per byte inside.
  EXPECT_EQ(byteLength(DataType::Int4, 5), 3u);
  EXPECT_EQ(byteLength(DataType::Uint4, 6), 3u);
  EXPECT_EQ(byteLength(DataType::Int8, 5), 5u);
  EXPECT_EQ(parseDataType("uint4"), DataType::Uint4);
  EXPECT_FALSE(isSigned(DataType::Uint4));
}

TEST(ShapeOps, AtMostTheValidTensorCount) {
  // webnn #933: concat takes and split makes at most 8192 tensors.
  std::vector<OperandDescriptor> many(kMaxTensorCount + 1, f32({1}));
  EXPECT_EQ(errorOf(concat(many, 0), "concat"),
            "concat: inputs: must be at most 8192 tensors, got 8193");
  many.pop_back();
  EXPECT_EQ(concat(many, 0)->shape, (Shape{kMaxTensorCount}));
  EXPECT_EQ(errorOf(split(f32({16384}), {8193 * 2}, true, {}), "split"),
            "split: splits: must make at most 8192 outputs, got 16386");
  EXPECT_TRUE(split(f32({8192}), {8192}, true, {}));
}

TEST(QuantizeOps, OneScaleAlongAnOpenDimension) {
  EXPECT_EQ(quantizeLinear(f32({kOpenDim, 6}), f32({1, 3}),
                           {DataType::Int8, {1, 3}})
                ->shape,
            (Shape{kOpenDim, 6}));
  EXPECT_EQ(errorOf(quantizeLinear(f32({kOpenDim, 6}), f32({2, 3}),
                                   {DataType::Int8, {2, 3}}),
                    "quantizeLinear"),
            "quantizeLinear: scale: dimension 0 must be 1 where the input's "
            "dimension 0 is open");
}

TEST(Resample2d, OpenAxesScaleByPowerOfTwoFractionsOrTakeSizes) {
  auto g = resolveResample2d(f32({1, 2, kOpenDim, kOpenDim}),
                             {.scales = {2.0, 1.5}});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->outputSizes[0], kOpenDim);
  EXPECT_EQ(resampledSizeRatio(1.5), (std::pair<int64_t, int64_t>{3, 2}));
  EXPECT_EQ(resampledSizeRatio(0.25), (std::pair<int64_t, int64_t>{1, 4}));
  EXPECT_FALSE(resampledSizeRatio(1.0 / 3.0));
  EXPECT_NE(errorOf(resample2d(f32({1, 2, kOpenDim, 4}),
                               {.scales = {1.0 / 3.0, 1.0}}),
                    "resample2d")
                .find("scales: scaling open axis 2 by 0.333333 gives a size "
                      "known only at compute that webnnc cannot express"),
            std::string::npos);
  auto sized = resolveResample2d(f32({1, 2, kOpenDim, 8}),
                                 {.sizes = {4, 6}});
  ASSERT_TRUE(sized);
  EXPECT_EQ(sized->scales[0], 0.0); // known at compute
  EXPECT_EQ(sized->outputSizes[0], 4);
}

TEST(RecurrentOps, OutputsAndRules) {
  auto gruOut = gru(f32({5, 2, 3}), f32({1, 12, 3}), f32({1, 12, 4}), 5, 4,
                    {.returnSequence = true});
  ASSERT_TRUE(gruOut);
  ASSERT_EQ(gruOut->size(), 2u);
  EXPECT_EQ((*gruOut)[1].shape, (Shape{5, 1, 2, 4}));
  auto lstmOut = lstm(f32({5, 2, 3}), f32({2, 16, 3}), f32({2, 16, 4}), 5, 4,
                      {.direction = RecurrentNetworkDirection::Both});
  ASSERT_TRUE(lstmOut);
  EXPECT_EQ(lstmOut->size(), 2u);
  EXPECT_EQ((*lstmOut)[0].shape, (Shape{2, 2, 4}));
  EXPECT_EQ(errorOf(lstmCell(f32({2, 3}), f32({16, 3}), f32({16, 4}),
                             f32({2, 4}), f32({2, 4}), 4,
                             {.activations = {RecurrentNetworkActivation::Relu}}),
                    "lstmCell"),
            "lstmCell: activations: must have 3 values, got 1");
  EXPECT_EQ(errorOf(gru(f32({5, 2, 3}), f32({1, 12, 3}), f32({1, 12, 4}), 0, 4, {}),
                    "gru"),
            "gru: steps: must be greater than 0");
}

} // namespace

// The window rules are one template over the size's arithmetic: the
// spec's doubles must agree with exact integer floor/ceil division (the
// shape program's and the kernels' arithmetic) everywhere the window fits.
namespace {
struct IntegerArith {
  using Value = int64_t;
  Value add(Value v, int64_t c) { return v + c; }
  Value mul(Value v, int64_t c) { return v * c; }
  Value floorDiv(Value v, int64_t c) {
    return v / c - ((v % c != 0) && ((v < 0) != (c < 0)));
  }
  Value ceilDiv(Value v, int64_t c) { return -floorDiv(-v, c); }
  Value fits(Value span, int64_t) { return span; }
};
} // namespace

TEST(WindowRule, StaticAndIntegerArithmeticAgree) {
  webnnc::spec::StaticSizeArith real;
  IntegerArith integer;
  int checked = 0;
  for (int64_t size = 1; size <= 13; ++size)
    for (int64_t window = 1; window <= 5; ++window)
      for (int64_t dilation = 1; dilation <= 3; ++dilation)
        for (int64_t stride = 1; stride <= 4; ++stride)
          for (int64_t padding = 0; padding <= 3; ++padding) {
            webnnc::spec::WindowDim d{padding, window, dilation, stride};
            if (size + padding < d.effectiveWindow())
              continue;
            for (bool ceil : {false, true}) {
              EXPECT_EQ(webnnc::spec::windowOutputSize(real, double(size), d,
                                                       ceil),
                        double(webnnc::spec::windowOutputSize(integer, size, d,
                                                              ceil)));
              ++checked;
            }
            EXPECT_EQ(webnnc::spec::transposedOutputSize(real, double(size),
                                                         d, 1),
                      double(webnnc::spec::transposedOutputSize(integer, size,
                                                                d, 1)));
          }
  EXPECT_GT(checked, 1000);
  // (7 + 2 - 3) / 2 + 1 = 4; for size 8, 7 / 2 rounds up to 4, plus 1.
  EXPECT_EQ(webnnc::spec::windowOutputSize(integer, 7, {2, 3, 1, 2}), 4);
  EXPECT_EQ(webnnc::spec::windowOutputSize(integer, 8, {2, 3, 1, 2}, true), 5);
}

TEST(WindowRule, AbsurdWindowsSaturateInsteadOfOverflowing) {
  webnnc::spec::WindowDim d{0, int64_t(1) << 40, int64_t(1) << 40, 1};
  EXPECT_EQ(d.effectiveWindow(), int64_t(1) << 62);
  webnnc::spec::StaticSizeArith real;
  EXPECT_LT(webnnc::spec::windowOutputSize(real, 10.0, d), 1);
}
