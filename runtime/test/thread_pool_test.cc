// SPDX-License-Identifier: Apache-2.0
// The thread pool runs every iteration exactly once, reports task failures,
// and stays correct under nesting and concurrent callers.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "webnnc/runtime/thread_pool.h"

namespace {

struct Counts {
  std::vector<std::atomic<int>> hits;
  explicit Counts(int n) : hits(n) {}
};

int countHit(void *context, int index, void *) {
  static_cast<Counts *>(context)->hits[index]++;
  return 0;
}

class ThreadPool : public ::testing::TestWithParam<int> {
protected:
  void SetUp() override {
    ASSERT_EQ(webnnc_thread_pool_create(GetParam(), webnnc_allocator_system(),
                                        &pool_),
              WEBNNC_STATUS_OK);
  }
  void TearDown() override { webnnc_thread_pool_release(pool_); }
  webnnc_thread_pool_t *pool_ = nullptr;
};

TEST_P(ThreadPool, RunsEachIterationOnce) {
  EXPECT_EQ(webnnc_thread_pool_size(pool_), GetParam());
  for (int size : {1, 2, 7, 1000}) {
    Counts counts(size + 5);
    ASSERT_EQ(webnnc_thread_pool_parallel_for(pool_, countHit, &counts, 5,
                                              size, nullptr),
              0);
    for (int i = 0; i < size + 5; ++i)
      EXPECT_EQ(counts.hits[i].load(), i >= 5 ? 1 : 0) << "index " << i;
  }
}

TEST_P(ThreadPool, ReportsTheFirstFailure) {
  auto failAtSeven = [](void *, int index, void *) -> int {
    return index == 7 ? 42 : 0;
  };
  EXPECT_EQ(webnnc_thread_pool_parallel_for(pool_, failAtSeven, nullptr, 0, 20,
                                            nullptr),
            42);
  // The pool is usable after a failure.
  Counts counts(3);
  EXPECT_EQ(webnnc_thread_pool_parallel_for(pool_, countHit, &counts, 0, 3,
                                            nullptr),
            0);
  EXPECT_EQ(counts.hits[2].load(), 1);
}

struct Nested {
  webnnc_thread_pool_t *pool;
  Counts *counts;
};

TEST_P(ThreadPool, NestedLoopsRunInline) {
  Counts counts(64);
  Nested nested{pool_, &counts};
  auto outer = [](void *context, int index, void *) -> int {
    auto *n = static_cast<Nested *>(context);
    return webnnc_thread_pool_parallel_for(n->pool, countHit, n->counts,
                                           index * 8, 8, nullptr);
  };
  ASSERT_EQ(
      webnnc_thread_pool_parallel_for(pool_, outer, &nested, 0, 8, nullptr),
      0);
  for (int i = 0; i < 64; ++i)
    EXPECT_EQ(counts.hits[i].load(), 1);
}

TEST_P(ThreadPool, ConcurrentCallersAllComplete) {
  constexpr int kCallers = 4, kSize = 500, kRounds = 50;
  std::vector<Counts> counts;
  counts.reserve(kCallers);
  for (int c = 0; c < kCallers; ++c)
    counts.emplace_back(kSize);
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c)
    callers.emplace_back([&, c] {
      for (int r = 0; r < kRounds; ++r)
        webnnc_thread_pool_parallel_for(pool_, countHit, &counts[c], 0, kSize,
                                        nullptr);
    });
  for (auto &t : callers)
    t.join();
  for (int c = 0; c < kCallers; ++c)
    for (int i = 0; i < kSize; ++i)
      ASSERT_EQ(counts[c].hits[i].load(), kRounds);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ThreadPool, ::testing::Values(1, 2, 4));

TEST(ThreadPoolArgs, NullPoolRunsSerially) {
  Counts counts(4);
  EXPECT_EQ(webnnc_thread_pool_parallel_for(nullptr, countHit, &counts, 0, 4,
                                            nullptr),
            0);
  EXPECT_EQ(counts.hits[3].load(), 1);
  EXPECT_EQ(webnnc_thread_pool_create(2, webnnc_allocator_system(), nullptr),
            WEBNNC_STATUS_INVALID_ARGUMENT);
  EXPECT_GE(webnnc_available_cores(), 1);
}

} // namespace
