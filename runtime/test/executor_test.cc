// SPDX-License-Identifier: Apache-2.0
// Executor argument checks against a hand-written model: every bad call gets
// its exact status and message, and leaves the caller's buffers untouched.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <string>

#include "webnnc/runtime/kernel_abi.h"
#include "webnnc/runtime/webnnc.h"

namespace {

constexpr int64_t kDims[] = {2, 3};
const webnnc_operand_info_t kInputs[] = {
    {"x", WEBNNC_DATA_TYPE_FLOAT32, 2, kDims},
    {"bias", WEBNNC_DATA_TYPE_FLOAT32, 2, kDims}};
const webnnc_operand_info_t kOutputs[] = {
    {"y", WEBNNC_DATA_TYPE_FLOAT32, 2, kDims}};

// y = 2 * x + bias, staged through the arena like generated code would.
int32_t scaleEntry(void *exec_context, void *const *buffers,
                   const int64_t *) {
  auto *x = static_cast<const float *>(buffers[0]);
  auto *bias = static_cast<const float *>(buffers[1]);
  auto *y = static_cast<float *>(buffers[2]);
  auto *arena = static_cast<float *>(buffers[3]);
  if (!exec_context || !arena)
    return 1;
  for (int i = 0; i < 6; ++i)
    arena[i] = 2 * x[i];
  for (int i = 0; i < 6; ++i)
    y[i] = arena[i] + bias[i];
  return 0;
}

int32_t failingEntry(void *exec_context, void *const *, const int64_t *) {
  webnnc_rt_halide_error(exec_context, "kernel k3 ran out of luck");
  return -7;
}

webnnc_model_t makeModel(webnnc_model_entry_t entry) {
  return {WEBNNC_MODEL_ABI_VERSION, 2, 1, 0, "scale", kInputs, kOutputs,
          6 * sizeof(float), 64, entry, nullptr};
}

webnnc_tensor_t tensor(const char *name, float *data, size_t bytes) {
  webnnc_tensor_t t{};
  t.name = name;
  t.data_type = WEBNNC_DATA_TYPE_FLOAT32;
  t.rank = 2;
  t.dims[0] = 2;
  t.dims[1] = 3;
  t.data = data;
  t.byte_length = bytes;
  return t;
}

class Executor : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(webnnc_executor_create(&model_, nullptr, &executor_),
              WEBNNC_STATUS_OK);
    for (int i = 0; i < 6; ++i) {
      x_[i] = float(i);
      bias_[i] = 0.5f;
      y_[i] = -1;
    }
    inputs_ = {tensor(nullptr, x_.data(), sizeof x_),
               tensor(nullptr, bias_.data(), sizeof bias_)};
    output_ = tensor(nullptr, y_.data(), sizeof y_);
  }
  void TearDown() override { webnnc_executor_destroy(executor_); }

  webnnc_status_t compute() {
    return webnnc_executor_compute(executor_, inputs_.data(), inputs_.size(),
                                   &output_, 1);
  }
  // Expects |status| and |message|, and that y was not written.
  void expectFailure(webnnc_status_t status, const std::string &message) {
    EXPECT_EQ(compute(), status);
    EXPECT_EQ(webnnc_executor_last_error(executor_), message);
    for (float v : y_)
      EXPECT_EQ(v, -1.0f) << "output written by a failed compute";
  }

  webnnc_model_t model_ = makeModel(scaleEntry);
  webnnc_executor_t *executor_ = nullptr;
  std::array<float, 6> x_, bias_, y_;
  std::array<webnnc_tensor_t, 2> inputs_;
  webnnc_tensor_t output_;
};

TEST_F(Executor, ComputesAndClearsTheError) {
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK) << webnnc_executor_last_error(executor_);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(y_[i], 2 * i + 0.5f);
  EXPECT_STREQ(webnnc_executor_last_error(executor_), "");
  EXPECT_EQ(webnnc_executor_model(executor_), &model_);
}

TEST_F(Executor, BindsByName) {
  inputs_ = {tensor("bias", bias_.data(), sizeof bias_),
             tensor("x", x_.data(), sizeof x_)};
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK);
  EXPECT_EQ(y_[5], 10.5f);
}

TEST_F(Executor, RejectsWrongCounts) {
  EXPECT_EQ(webnnc_executor_compute(executor_, inputs_.data(), 1, &output_, 1),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  EXPECT_STREQ(webnnc_executor_last_error(executor_),
               "expected 2 inputs, got 1");
  EXPECT_EQ(webnnc_executor_compute(executor_, nullptr, 2, &output_, 1),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  EXPECT_STREQ(webnnc_executor_last_error(executor_), "inputs is NULL");
  EXPECT_EQ(webnnc_executor_compute(nullptr, inputs_.data(), 2, &output_, 1),
            WEBNNC_STATUS_INVALID_ARGUMENT);
}

TEST_F(Executor, RejectsWrongDataType) {
  inputs_[1].data_type = WEBNNC_DATA_TYPE_INT32;
  expectFailure(WEBNNC_STATUS_DATA_TYPE_MISMATCH,
                "input 'bias': expected data type float32, got int32");
}

TEST_F(Executor, RejectsWrongShape) {
  inputs_[0].dims[1] = 4;
  expectFailure(WEBNNC_STATUS_SHAPE_MISMATCH,
                "input 'x': expected shape [2,3], got [2,4]");
  inputs_[0].dims[1] = 3;
  output_.rank = 3;
  output_.dims[2] = 1;
  expectFailure(WEBNNC_STATUS_SHAPE_MISMATCH,
                "output 'y': expected shape [2,3], got [2,3,1]");
}

TEST_F(Executor, RejectsNullDataAndSmallBuffers) {
  inputs_[0].data = nullptr;
  expectFailure(WEBNNC_STATUS_INVALID_ARGUMENT, "input 'x': data is NULL");
  inputs_[0].data = x_.data();
  output_.byte_length = 20;
  expectFailure(WEBNNC_STATUS_BUFFER_TOO_SMALL,
                "output 'y': buffer holds 20 bytes, shape [2,3] needs 24");
}

TEST_F(Executor, RejectsUnknownAndDuplicateNames) {
  inputs_[0].name = "z";
  expectFailure(WEBNNC_STATUS_NOT_FOUND,
                "input 'z' is not an input of model 'scale'");
  inputs_[0].name = "bias";
  expectFailure(WEBNNC_STATUS_INVALID_ARGUMENT,
                "input 'bias' is given more than once");
}

TEST_F(Executor, RejectsOverlappingOutputs) {
  output_.data = x_.data() + 1;
  output_.byte_length = 24;
  EXPECT_EQ(compute(), WEBNNC_STATUS_BUFFER_OVERLAP);
  EXPECT_STREQ(webnnc_executor_last_error(executor_),
               "output 'y' overlaps input 'x'");
  EXPECT_EQ(x_[1], 1.0f);
}

TEST(ExecutorCreate, ChecksTheModel) {
  webnnc_executor_t *executor = nullptr;
  webnnc_model_t model = makeModel(scaleEntry);
  model.abi_version = WEBNNC_MODEL_ABI_VERSION + 1;
  EXPECT_EQ(webnnc_executor_create(&model, nullptr, &executor),
            WEBNNC_STATUS_ABI_MISMATCH);
  EXPECT_EQ(executor, nullptr);
  model = makeModel(nullptr);
  EXPECT_EQ(webnnc_executor_create(&model, nullptr, &executor),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(webnnc_executor_create(nullptr, nullptr, &executor),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  model = makeModel(scaleEntry);
  model.arena_alignment = 96;
  EXPECT_EQ(webnnc_executor_create(&model, nullptr, &executor),
            WEBNNC_STATUS_INVALID_ARGUMENT);
}

TEST(ExecutorCompute, ReportsKernelFailureWithItsMessage) {
  webnnc_model_t model = makeModel(failingEntry);
  webnnc_thread_pool_t *pool = nullptr;
  ASSERT_EQ(webnnc_thread_pool_create(2, webnnc_allocator_system(), &pool),
            WEBNNC_STATUS_OK);
  webnnc_executor_options_t options{};
  options.thread_pool = pool;
  webnnc_executor_t *executor = nullptr;
  ASSERT_EQ(webnnc_executor_create(&model, &options, &executor),
            WEBNNC_STATUS_OK);
  std::array<float, 6> a{}, b{}, c{};
  webnnc_tensor_t inputs[] = {tensor(nullptr, a.data(), 24),
                              tensor(nullptr, b.data(), 24)};
  webnnc_tensor_t output = tensor(nullptr, c.data(), 24);
  EXPECT_EQ(webnnc_executor_compute(executor, inputs, 2, &output, 1),
            WEBNNC_STATUS_KERNEL_FAILED);
  EXPECT_STREQ(webnnc_executor_last_error(executor),
               "kernel k3 ran out of luck");
  webnnc_executor_destroy(executor);
  webnnc_thread_pool_release(pool);
}

} // namespace
