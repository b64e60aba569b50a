// SPDX-License-Identifier: Apache-2.0
// Kernel scratch memory (Halide's malloc/free inside a compute) comes from
// the executor's cache: computing again allocates nothing, blocks of
// another size or held at once get their own memory, and destroying the
// executor returns every byte to the caller's allocator.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "webnnc/runtime/kernel_abi.h"
#include "webnnc/runtime/webnnc.h"

namespace {

constexpr int64_t kDims[] = {4};
const webnnc_operand_info_t kInputs[] = {
    {"x", WEBNNC_DATA_TYPE_FLOAT32, 1, kDims}};
const webnnc_operand_info_t kOutputs[] = {
    {"y", WEBNNC_DATA_TYPE_FLOAT32, 1, kDims}};

// Counts the blocks the executor takes from the caller's allocator.
struct Counting {
  int allocs = 0, frees = 0;
};
void *countedAlloc(void *self, size_t size, size_t alignment) {
  ++static_cast<Counting *>(self)->allocs;
  void *p = nullptr;
  return posix_memalign(&p, alignment < sizeof(void *) ? sizeof(void *)
                                                       : alignment,
                        size)
             ? nullptr
             : p;
}
void countedFree(void *self, void *ptr) {
  if (ptr)
    ++static_cast<Counting *>(self)->frees;
  free(ptr);
}

// Scratch of |g_bytes| (twice at once when |g_two|), as a kernel over open
// sizes asks for it; records what it got. y = x + 1.
size_t g_bytes = 4096;
bool g_two = false;
std::set<void *> g_seen;
int32_t scratchEntry(void *context, void *const *buffers, const int64_t *) {
  void *a = webnnc_rt_halide_malloc(context, g_bytes);
  void *b = g_two ? webnnc_rt_halide_malloc(context, g_bytes) : nullptr;
  if (!a || (g_two && (!b || b == a)))
    return 1;
  g_seen.insert(a);
  if (b)
    g_seen.insert(b);
  static_cast<float *>(a)[0] = 1; // writable
  auto *x = static_cast<const float *>(buffers[0]);
  auto *y = static_cast<float *>(buffers[1]);
  for (int i = 0; i < 4; ++i)
    y[i] = x[i] + static_cast<float *>(a)[0];
  webnnc_rt_halide_free(context, b);
  webnnc_rt_halide_free(context, a);
  return 0;
}

TEST(KernelScratch, RepeatedComputesReuseTheSameBlocks) {
  Counting counting;
  webnnc_executor_options_t options{};
  options.allocator = {&counting, countedAlloc, countedFree};
  webnnc_model_t model = {WEBNNC_MODEL_ABI_VERSION, 1, 1, 0, "scratch",
                          kInputs, kOutputs, 0, 64, scratchEntry, nullptr};
  webnnc_executor_t *executor = nullptr;
  ASSERT_EQ(webnnc_executor_create(&model, &options, &executor),
            WEBNNC_STATUS_OK);
  float x[4] = {1, 2, 3, 4}, y[4] = {};
  webnnc_tensor_t in{}, out{};
  in.data_type = out.data_type = WEBNNC_DATA_TYPE_FLOAT32;
  in.rank = out.rank = 1;
  in.dims[0] = out.dims[0] = 4;
  in.data = x;
  out.data = y;
  in.byte_length = out.byte_length = sizeof x;
  auto compute = [&] {
    return webnnc_executor_compute(executor, &in, 1, &out, 1);
  };

  g_seen.clear();
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK);
  EXPECT_EQ(y[3], 5.0f);
  int afterFirst = counting.allocs;
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(compute(), WEBNNC_STATUS_OK);
  EXPECT_EQ(counting.allocs, afterFirst) << "a repeated compute allocated";
  EXPECT_EQ(g_seen.size(), 1u);

  // Two blocks at once: distinct memory, both kept for the next compute.
  g_two = true;
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK);
  int withTwo = counting.allocs;
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK);
  EXPECT_EQ(counting.allocs, withTwo);
  g_two = false;

  // A much larger block does not fit the kept ones; a much smaller one
  // does not pin them.
  g_bytes = 1 << 20;
  ASSERT_EQ(compute(), WEBNNC_STATUS_OK);
  EXPECT_GT(counting.allocs, withTwo);
  g_bytes = 4096;

  webnnc_executor_destroy(executor);
  EXPECT_EQ(counting.allocs, counting.frees) << "scratch leaked";
}

} // namespace
