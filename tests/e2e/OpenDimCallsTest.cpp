// SPDX-License-Identifier: Apache-2.0
// Open dimensions at compute: every rule a call can break gets its status
// and message and leaves the caller's buffers alone.
#include <gtest/gtest.h>

#include <cstring>

#include "CallerTensor.h"
#include "E2ETestUtils.h"
#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/runtime/webnnc.h"

namespace webnnc {
namespace {

constexpr int64_t Q = kOpenDim;

// The bad-call fixture: a compiled model with named open dimensions.
class OpenDimCalls : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    GraphBuilder b;
    Operand a = b.input("a", {DataType::Float32, {Q, 4}}, {{"batch", 16}});
    Operand c = b.input("c", {DataType::Float32, {Q, 4}}, {{"batch", 16}});
    Operand k = b.input("k", {DataType::Float32, {4, Q}}, {{"", 0}});
    Operand sum = b.add(a, c);
    auto graph = b.build({{"sum", sum}, {"product", b.matmul(sum, k)}});
    ASSERT_TRUE(graph) << graph.error().message();
    auto model = test::CompiledTestModel::compile(*graph);
    ASSERT_TRUE(model) << model.error();
    model_ = std::move(*model).release();
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(model_);
    ASSERT_EQ(webnnc_executor_create(model_->model(), nullptr, &executor_),
              WEBNNC_STATUS_OK);
    a_.assign(8, 1.0f), c_.assign(8, 2.0f), k_.assign(12, 0.5f);
    sum_.assign(8, -7.0f), product_.assign(6, -7.0f);
    inputs_[0] = tensorOf("a", a_, {2, 4});
    inputs_[1] = tensorOf("c", c_, {2, 4});
    inputs_[2] = tensorOf("k", k_, {4, 3});
    outputs_[0] = tensorOf("sum", sum_, {2, 4});
    outputs_[1] = tensorOf("product", product_, {2, 3});
  }
  void TearDown() override { webnnc_executor_destroy(executor_); }

  webnnc_status_t compute() {
    return webnnc_executor_compute(executor_, inputs_, 3, outputs_, 2);
  }
  // |status|, a message containing |message|, and nothing written: output
  // buffers keep their sentinel and output tensors their fields.
  void expectRejected(webnnc_status_t status, const std::string &message) {
    webnnc_tensor_t before[2];
    std::memcpy(before, outputs_, sizeof(before));
    EXPECT_EQ(compute(), status);
    EXPECT_NE(std::string(webnnc_executor_last_error(executor_)).find(message),
              std::string::npos)
        << webnnc_executor_last_error(executor_);
    for (float v : sum_)
      EXPECT_EQ(v, -7.0f);
    for (float v : product_)
      EXPECT_EQ(v, -7.0f);
    EXPECT_EQ(std::memcmp(before, outputs_, sizeof(before)), 0)
        << "a failed compute changed an output tensor";
  }

  static test::CompiledTestModel *model_;
  webnnc_executor_t *executor_ = nullptr;
  std::vector<float> a_, c_, k_, sum_, product_;
  webnnc_tensor_t inputs_[3], outputs_[2];
};
test::CompiledTestModel *OpenDimCalls::model_ = nullptr;

TEST_F(OpenDimCalls, ComputesAndReportsShapes) {
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK) << webnnc_executor_last_error(executor_);
  for (float v : sum_)
    EXPECT_EQ(v, 3.0f);
  for (float v : product_)
    EXPECT_EQ(v, 6.0f); // 4 * 3 * 0.5
  EXPECT_EQ(outputs_[1].rank, 2u);
  EXPECT_EQ(outputs_[1].dims[0], 2);
  EXPECT_EQ(outputs_[1].dims[1], 3);
}

TEST_F(OpenDimCalls, AllocatesOutputsLeftNull) {
  outputs_[1].data = nullptr;
  outputs_[1].byte_length = 0;
  outputs_[1].rank = 0;
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK) << webnnc_executor_last_error(executor_);
  ASSERT_NE(outputs_[1].data, nullptr);
  ASSERT_NE(outputs_[1].allocation, nullptr);
  EXPECT_EQ(outputs_[1].rank, 2u);
  EXPECT_EQ(outputs_[1].dims[0], 2);
  EXPECT_EQ(outputs_[1].dims[1], 3);
  EXPECT_EQ(outputs_[1].byte_length, 6 * sizeof(float));
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(static_cast<float *>(outputs_[1].data)[i], 6.0f);
  webnnc_tensor_free(&outputs_[1]);
  EXPECT_EQ(outputs_[1].data, nullptr);
  EXPECT_EQ(outputs_[1].allocation, nullptr);
  webnnc_tensor_free(&outputs_[0]); // caller-owned: nothing happens
  EXPECT_EQ(outputs_[0].data, sum_.data());
}

TEST_F(OpenDimCalls, RejectsNamedDimensionsThatDiffer) {
  inputs_[1].dims[0] = 1;
  expectRejected(WEBNNC_STATUS_SHAPE_MISMATCH,
                 "input 'c' dimension 0 ('batch') must equal input 'a' "
                 "dimension 0 ('batch') (got 1, expected 2)");
}

TEST_F(OpenDimCalls, RejectsSizesAboveTheBound) {
  inputs_[0].dims[0] = 17;
  expectRejected(WEBNNC_STATUS_SHAPE_MISMATCH,
                 "input 'a': dimension 0 ('batch') must be between 1 and 16, "
                 "got 17");
  inputs_[0].dims[0] = 0;
  expectRejected(WEBNNC_STATUS_SHAPE_MISMATCH,
                 "must be between 1 and 16, got 0");
}

TEST_F(OpenDimCalls, RejectsStaticDimensionsAndRanksThatDiffer) {
  inputs_[2].dims[0] = 5;
  expectRejected(WEBNNC_STATUS_SHAPE_MISMATCH,
                 "input 'k': expected shape [4,?], got [5,3]");
  inputs_[2].dims[0] = 4;
  inputs_[2].rank = 3;
  expectRejected(WEBNNC_STATUS_SHAPE_MISMATCH, "input 'k': expected shape");
}

TEST_F(OpenDimCalls, RejectsSmallBuffersForTheActualSizes) {
  inputs_[0].byte_length = 7 * sizeof(float);
  expectRejected(WEBNNC_STATUS_BUFFER_TOO_SMALL,
                 "input 'a': buffer holds 28 bytes, the shape needs 32");
  inputs_[0].byte_length = 8 * sizeof(float);
  outputs_[1].byte_length = 5 * sizeof(float);
  expectRejected(WEBNNC_STATUS_BUFFER_TOO_SMALL,
                 "output 'product': buffer holds 20 bytes, shape [2,3] needs "
                 "24");
}

TEST_F(OpenDimCalls, RejectsNullsAndWrongTypes) {
  inputs_[1].data = nullptr;
  expectRejected(WEBNNC_STATUS_INVALID_ARGUMENT, "input 'c': data is NULL");
  inputs_[1].data = c_.data();
  outputs_[0].data_type = WEBNNC_DATA_TYPE_INT32;
  expectRejected(WEBNNC_STATUS_DATA_TYPE_MISMATCH,
                 "output 'sum': expected data type float32, got int32");
  outputs_[0].data_type = WEBNNC_DATA_TYPE_FLOAT32;
  EXPECT_EQ(webnnc_executor_compute(executor_, nullptr, 3, outputs_, 2),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(webnnc_executor_compute(nullptr, inputs_, 3, outputs_, 2),
            WEBNNC_STATUS_INVALID_ARGUMENT);
}

TEST_F(OpenDimCalls, RejectsOverlappingOutputs) {
  outputs_[1].data = sum_.data() + 2;
  // The model's outputs are in name order: product, then sum.
  expectRejected(WEBNNC_STATUS_BUFFER_OVERLAP,
                 "output 'sum' overlaps output 'product'");
}

} // namespace
} // namespace webnnc
