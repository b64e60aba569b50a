// SPDX-License-Identifier: Apache-2.0
// Data type sizes, names, status strings and checked shape arithmetic.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "webnnc/runtime/webnnc.h"

TEST(Types, SizesAndNames) {
  EXPECT_EQ(webnnc_data_type_size(WEBNNC_DATA_TYPE_FLOAT32), 4u);
  EXPECT_EQ(webnnc_data_type_size(WEBNNC_DATA_TYPE_FLOAT16), 2u);
  EXPECT_EQ(webnnc_data_type_size(WEBNNC_DATA_TYPE_INT64), 8u);
  EXPECT_EQ(webnnc_data_type_size(WEBNNC_DATA_TYPE_UINT8), 1u);
  EXPECT_EQ(webnnc_data_type_size(static_cast<webnnc_data_type_t>(0)), 0u);
  EXPECT_STREQ(webnnc_data_type_name(WEBNNC_DATA_TYPE_UINT32), "uint32");
  EXPECT_STREQ(webnnc_data_type_name(static_cast<webnnc_data_type_t>(99)),
               "invalid");
}

TEST(Types, FourBitTypesPackTwoElementsPerByte) {
  EXPECT_EQ(webnnc_data_type_bits(WEBNNC_DATA_TYPE_INT4), 4u);
  EXPECT_EQ(webnnc_data_type_bits(WEBNNC_DATA_TYPE_FLOAT16), 16u);
  EXPECT_EQ(webnnc_data_type_size(WEBNNC_DATA_TYPE_UINT4), 0u);
  EXPECT_STREQ(webnnc_data_type_name(WEBNNC_DATA_TYPE_UINT4), "uint4");
  const int64_t odd[] = {3, 5}, even[] = {2, 4};
  size_t bytes = 0;
  ASSERT_EQ(webnnc_tensor_byte_size(WEBNNC_DATA_TYPE_INT4, 2, odd, &bytes),
            WEBNNC_STATUS_OK);
  EXPECT_EQ(bytes, 8u) << "15 elements: the last byte half used";
  ASSERT_EQ(webnnc_tensor_byte_size(WEBNNC_DATA_TYPE_UINT4, 2, even, &bytes),
            WEBNNC_STATUS_OK);
  EXPECT_EQ(bytes, 4u);
}

TEST(Types, StatusStringsAreDistinct) {
  EXPECT_STREQ(webnnc_status_string(WEBNNC_STATUS_OK), "ok");
  EXPECT_STREQ(webnnc_status_string(WEBNNC_STATUS_SHAPE_MISMATCH),
               "shape mismatch");
  EXPECT_STRNE(webnnc_status_string(WEBNNC_STATUS_BUFFER_TOO_SMALL),
               webnnc_status_string(WEBNNC_STATUS_BUFFER_OVERLAP));
}

TEST(Types, ElementCountAndByteSize) {
  const int64_t dims[] = {2, 3, 4};
  uint64_t count = 0;
  ASSERT_EQ(webnnc_shape_element_count(3, dims, &count), WEBNNC_STATUS_OK);
  EXPECT_EQ(count, 24u);
  size_t bytes = 0;
  ASSERT_EQ(webnnc_tensor_byte_size(WEBNNC_DATA_TYPE_FLOAT16, 3, dims, &bytes),
            WEBNNC_STATUS_OK);
  EXPECT_EQ(bytes, 48u);
  ASSERT_EQ(webnnc_shape_element_count(0, nullptr, &count), WEBNNC_STATUS_OK);
  EXPECT_EQ(count, 1u) << "a scalar has one element";
}

TEST(Types, ShapeArithmeticRejectsOverflowAndNegatives) {
  const int64_t huge[] = {INT64_C(1) << 40, INT64_C(1) << 40};
  uint64_t count = 0;
  EXPECT_EQ(webnnc_shape_element_count(2, huge, &count),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  const int64_t negative[] = {3, -1};
  EXPECT_EQ(webnnc_shape_element_count(2, negative, &count),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  const int64_t big[] = {INT64_C(1) << 62};
  size_t bytes = 0;
  EXPECT_EQ(webnnc_tensor_byte_size(WEBNNC_DATA_TYPE_FLOAT32, 1, big, &bytes),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(webnnc_shape_element_count(WEBNNC_MAX_RANK + 1, negative, &count),
            WEBNNC_STATUS_INVALID_ARGUMENT);
}
