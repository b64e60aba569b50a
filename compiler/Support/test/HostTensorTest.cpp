// SPDX-License-Identifier: Apache-2.0
// Host tensors: casting on store, and .npy round trips.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "webnnc/Support/HostTensor.h"

using namespace webnnc;

TEST(HostTensor, CastsOnStore) {
  HostTensor t({spec::DataType::Int8, {3}});
  t.set(0, 130);  // wraps
  t.set(1, -2.7); // truncates
  t.set(2, 5);
  EXPECT_EQ(t.as<int8_t>()[0], -126);
  EXPECT_EQ(t.as<int8_t>()[1], -2);
  EXPECT_EQ(t.at(2), 5);
}

TEST(HostTensor, NpyRoundTripEveryType) {
  for (spec::DataType type : spec::kAllDataTypes) {
    HostTensor t = HostTensor::fromDoubles({type, {2, 3}}, std::vector<double>{1, 2, 3, 4, 5, 6});
    std::string path = ::testing::TempDir() + "/t.npy";
    ASSERT_EQ(writeNpy(path, t), "");
    auto back = readNpy(path);
    ASSERT_TRUE(back) << back.error();
    // NumPy has no four-bit type: int4/uint4 come back as int8/uint8.
    spec::DataType stored = type == spec::DataType::Int4    ? spec::DataType::Int8
                            : type == spec::DataType::Uint4 ? spec::DataType::Uint8
                                                            : type;
    EXPECT_EQ(back->descriptor(), (spec::OperandDescriptor{stored, {2, 3}}))
        << spec::toString(type);
    EXPECT_EQ(back->toDoubles(), t.toDoubles());
  }
}

TEST(HostTensor, FourBitElementsPackTwoPerByte) {
  HostTensor t({spec::DataType::Int4, {5}});
  EXPECT_EQ(t.byteSize(), 3u);
  const double values[] = {-8, 7, -1, 0, 5};
  for (size_t i = 0; i < 5; ++i)
    t.set(i, values[i]);
  // Element 2k in the low nibble of byte k.
  EXPECT_EQ(t.as<uint8_t>()[0], 0x78);
  EXPECT_EQ(t.as<uint8_t>()[1], 0x0F);
  EXPECT_EQ(t.as<uint8_t>()[2], 0x05);
  EXPECT_EQ(t.toDoubles(), std::vector<double>(values, values + 5));
  HostTensor u({spec::DataType::Uint4, {2}});
  u.set(0, 15);
  u.set(1, 17); // wraps to 1
  EXPECT_EQ(u.toDoubles(), (std::vector<double>{15, 1}));
}

TEST(HostTensor, NpyRejectsBadFiles) {
  std::string path = ::testing::TempDir() + "/bad.npy";
  std::ofstream(path) << "not numpy";
  auto bad = readNpy(path);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("missing magic string"), std::string::npos);
  EXPECT_NE(readNpy("/nonexistent.npy").error().find("cannot open"),
            std::string::npos);
  // A float64 array is not a WebNN type.
  std::ofstream f64(path, std::ios::binary);
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }";
  f64.write("\x93NUMPY\x01\x00", 8);
  char len[2] = {char(header.size()), 0};
  f64.write(len, 2);
  f64 << header;
  f64.write("\0\0\0\0\0\0\0\0", 8);
  f64.close();
  EXPECT_NE(readNpy(path).error().find("unsupported dtype '<f8'"),
            std::string::npos)
      << readNpy(path).error();
}

// numpy writes bool arrays as '|b1': read as uint8 0/1, WebNN's bools.
TEST(HostTensor, NpyReadsBoolAsUint8) {
  std::string path = ::testing::TempDir() + "/bool.npy";
  std::ofstream out(path, std::ios::binary);
  std::string header = "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }";
  out.write("\x93NUMPY\x01\x00", 8);
  char len[2] = {char(header.size()), 0};
  out.write(len, 2);
  out << header;
  out.write("\1\0\1", 3);
  out.close();
  auto t = readNpy(path);
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->dataType(), spec::DataType::Uint8);
  EXPECT_EQ(t->toDoubles(), (std::vector<double>{1, 0, 1}));
}

TEST(HostTensor, CountDifferingBitsSeesEveryBit) {
  using spec::DataType;
  auto floats = [](std::vector<double> v) {
    return HostTensor::fromDoubles({DataType::Float32, {int64_t(v.size())}}, v);
  };
  // 0 and -0 compare equal as numbers but differ in a bit; NaN equals itself.
  EXPECT_EQ(
      countDifferingBits(floats({0.0, NAN, 1.0}), floats({-0.0, NAN, 1.0})),
      1u);
  HostTensor a = floats({1.0, 2.0}), b = floats({1.0, 2.0});
  b.as<uint32_t>()[1] ^= 1u; // one ulp
  EXPECT_EQ(countDifferingBits(a, b), 1u);
  // Other shapes or types: every element counts.
  EXPECT_EQ(countDifferingBits(floats({1, 2}), floats({1, 2, 3})), 2u);
  // Four-bit elements by value (five elements, the last byte half used).
  HostTensor p({DataType::Int4, {5}}), q({DataType::Int4, {5}});
  for (size_t i = 0; i < 5; ++i) {
    p.set(i, double(i));
    q.set(i, double(i));
  }
  q.set(3, -1);
  EXPECT_EQ(countDifferingBits(p, q), 1u);
}
