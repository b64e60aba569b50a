// SPDX-License-Identifier: Apache-2.0
// The kernel cache: a second compile of a model generates no kernel and
// computes the same bits; damaged entries, another kernel generator and
// racing compiles are handled; the least recently used entries go first.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "E2ETestUtils.h"
#include "webnnc/Driver/KernelCache.h"
#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc {
namespace {
namespace fs = std::filesystem;

// A fresh cache directory per test.
std::string freshDirectory(const std::string &name) {
  std::string dir = ::testing::TempDir() + "/kernel-cache-" + name + "-" +
                    std::to_string(getpid());
  fs::remove_all(dir);
  return dir;
}

// Three kernels: a conv with its epilogue, a pooling, a matmul chain.
Graph smallNet() {
  GraphBuilder b;
  Operand x = b.input("x", {DataType::Float32, {2, 3, 9, 9}});
  Operand w = b.constant({DataType::Float32, {4, 3, 3, 3}}, 0.125);
  Operand y = b.relu(b.conv2d(x, w));
  y = b.maxPool2d(y, {.windowDimensions = {2, 2}, .strides = {2, 2}});
  y = b.reshape(y, {2, 36});
  Operand m = b.constant({DataType::Float32, {36, 5}}, 0.5);
  auto graph = b.build({{"y", b.softmax(b.matmul(y, m), 1)}});
  EXPECT_TRUE(graph) << graph.error().message();
  return std::move(*graph);
}

struct Compiled {
  CompileStats stats;
  std::vector<HostTensor> outputs;
  std::string object;
};

Compiled compileAndCompute(const std::string &cacheDir,
                           const std::string &kernelgen = "") {
  Graph graph = smallNet();
  auto inputs = test::randomInputs(graph, /*seed=*/3);
  CompileOptions options;
  options.kernelCacheDir = cacheDir;
  options.kernelgen = kernelgen;
  auto model = test::CompiledTestModel::compile(graph, options);
  EXPECT_TRUE(model) << model.error();
  if (!model)
    return {};
  auto outputs = (*model)->run(inputs);
  EXPECT_TRUE(outputs) << outputs.error();
  return {(*model)->compiled().stats,
          outputs ? *outputs : std::vector<HostTensor>{},
          (*model)->compiled().artifact};
}

bool sameBits(const std::vector<HostTensor> &a,
              const std::vector<HostTensor> &b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].descriptor() != b[i].descriptor() ||
        std::memcmp(a[i].data(), b[i].data(), a[i].byteSize()) != 0)
      return false;
  return true;
}

std::vector<fs::path> entries(const std::string &dir) {
  std::vector<fs::path> out;
  for (const auto &e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".o")
      out.push_back(e.path());
  return out;
}

TEST(KernelCache, SecondCompileGeneratesNothingAndComputesTheSameBits) {
  std::string dir = freshDirectory("hit");
  Compiled uncached = compileAndCompute("");
  Compiled first = compileAndCompute(dir);
  Compiled second = compileAndCompute(dir);
  ASSERT_GE(first.stats.kernels, 3);
  EXPECT_EQ(first.stats.cachedKernels, 0);
  EXPECT_EQ(entries(dir).size(), size_t(first.stats.kernels));
  EXPECT_EQ(second.stats.cachedKernels, second.stats.kernels);
  EXPECT_TRUE(sameBits(first.outputs, uncached.outputs));
  EXPECT_TRUE(sameBits(second.outputs, uncached.outputs));
  // The objects themselves are identical.
  EXPECT_TRUE(second.object == uncached.object && first.object == uncached.object);
}

TEST(KernelCache, DamagedEntriesAreRegenerated) {
  std::string dir = freshDirectory("damaged");
  Compiled first = compileAndCompute(dir);
  // Flip a byte in the middle of every entry, and cut one short.
  std::vector<fs::path> stored = entries(dir);
  ASSERT_FALSE(stored.empty());
  for (const fs::path &p : stored) {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    std::streamoff middle = f.tellg() / 2;
    f.seekg(middle);
    char c = 0;
    f.read(&c, 1);
    f.seekp(middle);
    c = char(c ^ 0x5a);
    f.write(&c, 1);
  }
  fs::resize_file(stored.front(), 20);
  Compiled again = compileAndCompute(dir);
  EXPECT_EQ(again.stats.cachedKernels, 0) << "a damaged entry was used";
  EXPECT_TRUE(sameBits(again.outputs, first.outputs));
  // Regenerated entries were stored again, whole.
  EXPECT_EQ(compileAndCompute(dir).stats.cachedKernels, first.stats.kernels);
}

TEST(KernelCache, AnotherKernelGeneratorMissesEverything) {
  std::string dir = freshDirectory("generator");
  auto kernelgen = findKernelgen({});
  ASSERT_TRUE(kernelgen) << kernelgen.error();
  Compiled first = compileAndCompute(dir, *kernelgen);
  // The same program with one byte appended stands for a rebuilt one.
  std::string copy = dir + "-kernelgen";
  fs::copy_file(*kernelgen, copy, fs::copy_options::overwrite_existing);
  std::ofstream(copy, std::ios::app) << '\0';
  Compiled other = compileAndCompute(dir, copy);
  EXPECT_EQ(other.stats.cachedKernels, 0);
  EXPECT_TRUE(sameBits(other.outputs, first.outputs));
  EXPECT_EQ(compileAndCompute(dir, *kernelgen).stats.cachedKernels,
            first.stats.kernels);
  fs::remove(copy);
}

// Compiles run as processes: several `webnnc` at once on one cache, as
// parallel builds do.
TEST(KernelCache, RacingCompilesShareOneCache) {
  std::string dir = freshDirectory("race");
  auto kernelgen = findKernelgen({});
  ASSERT_TRUE(kernelgen) << kernelgen.error();
  std::string webnnc = fs::path(*kernelgen).parent_path() / "webnnc";
  Graph graph = smallNet();
  auto inputs = test::randomInputs(graph, /*seed=*/3);
  std::string mlir = dir + "-net.mlir";
  std::ofstream(mlir) << graph.toMlir();
  Compiled reference = compileAndCompute("");
  const int kCompiles = 4;
  std::vector<std::thread> threads;
  std::vector<int> status(kCompiles, -1);
  for (int i = 0; i < kCompiles; ++i)
    threads.emplace_back([&, i] {
      std::string command = webnnc + " " + mlir + " --name race -o " + dir +
                            "-" + std::to_string(i) + ".o --cache-dir " + dir +
                            " -j 1";
      status[i] = std::system(command.c_str());
    });
  for (std::thread &t : threads)
    t.join();
  for (int i = 0; i < kCompiles; ++i) {
    ASSERT_EQ(status[i], 0) << "compile " << i;
    std::ifstream in(dir + "-" + std::to_string(i) + ".o", std::ios::binary);
    std::string object((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
    auto loaded = LoadedModel::load(object, "race");
    ASSERT_TRUE(loaded) << loaded.error();
    auto outputs = (*loaded)->compute(inputs);
    ASSERT_TRUE(outputs) << outputs.error();
    EXPECT_TRUE(sameBits(*outputs, reference.outputs)) << "compile " << i;
  }
  // No temporary file is left behind, and the entries are whole: one per
  // kernel, and the compiled model's object, header and warnings (the
  // CLI keeps the whole model too, tools/webnnc/ObjectCache.h).
  for (const auto &e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      EXPECT_EQ(e.path().extension(), ".o") << e.path();
  EXPECT_EQ(entries(dir).size(), size_t(reference.stats.kernels) + 3);
}

// Threads that compile and load at once in a fresh process (each test is
// one): LLVM's target registration, done by the first compile, once hung
// every thread in target lookup when two registered together. A hang
// fails the test after two minutes instead of holding the suite.
TEST(KernelCache, ThreadsCompileAtOnceInAFreshProcess) {
  const int kThreads = 4;
  std::atomic<int> ready{0};
  std::vector<std::future<Compiled>> compiles;
  for (int i = 0; i < kThreads; ++i)
    compiles.push_back(std::async(std::launch::async, [&] {
      ready.fetch_add(1);
      while (ready.load() < kThreads)
        std::this_thread::yield();
      return compileAndCompute("");
    }));
  Compiled reference;
  for (int i = 0; i < kThreads; ++i) {
    if (compiles[i].wait_for(std::chrono::minutes(2)) !=
        std::future_status::ready) {
      ADD_FAILURE() << "compile " << i << " hangs";
      std::_Exit(1);
    }
    Compiled compiled = compiles[i].get();
    if (i == 0)
      reference = compiled;
    EXPECT_FALSE(compiled.outputs.empty()) << "compile " << i;
    EXPECT_TRUE(sameBits(compiled.outputs, reference.outputs))
        << "compile " << i;
  }
}

TEST(KernelCache, EvictsTheLeastRecentlyUsed) {
  std::string dir = freshDirectory("evict");
  auto kernelgen = findKernelgen({});
  ASSERT_TRUE(kernelgen) << kernelgen.error();
  // Entries of about 1 KB in a cache of 3.5 KB.
  auto cache = KernelCache::open(dir, *kernelgen, 3500);
  ASSERT_TRUE(cache) << cache.error();
  std::string object(1000, 'x');
  std::vector<std::string> keys;
  for (int i = 0; i < 3; ++i) {
    keys.push_back(cache->key("kernel " + std::to_string(i), "x86-64-linux"));
    cache->store(keys.back(), object);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Using the oldest makes it the most recent; the next store evicts the
  // two least recently used (down to three quarters of the bound).
  ASSERT_TRUE(cache->load(keys[0]));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  keys.push_back(cache->key("kernel 3", "x86-64-linux"));
  cache->store(keys.back(), object);
  EXPECT_TRUE(cache->load(keys[0]));
  EXPECT_FALSE(cache->load(keys[1]));
  EXPECT_FALSE(cache->load(keys[2]));
  EXPECT_EQ(cache->load(keys[3]), object);
  // Keys cover the target and the kernel text.
  EXPECT_NE(cache->key("kernel 0", "x86-64-linux-avx2"), keys[0]);
}

} // namespace
} // namespace webnnc
