// SPDX-License-Identifier: Apache-2.0
// KernelSpec: what one generated kernel computes, as plain data.
//
// This is the only thing that crosses from the MLIR side (LLVM 22) to the
// Halide side (LLVM 14), which run in different processes; it has no LLVM
// or MLIR types and a text form both sides read and write.
#ifndef WEBNNC_KERNELSPEC_KERNELSPEC_H_
#define WEBNNC_KERNELSPEC_KERNELSPEC_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Support/Expected.h"

namespace webnnc::kernels {

struct TensorSpec {
  spec::DataType dataType = spec::DataType::Float32;
  spec::Shape shape;
  friend bool operator==(const TensorSpec &, const TensorSpec &) = default;
};

// One operation of a kernel. Its operands index the kernel's values: the
// kernel inputs first, then each op's result in order.
struct OpSpec {
  std::string kind; // the webnn op mnemonic: "conv2d", "add", "constant", ...
  // Element i of the result depends only on element i of each (broadcast)
  // operand, so any loop nest can compute it inline (the op's
  // WebNN_Elementwise trait, written by the compiler).
  bool elementwise = false;
  std::vector<int> operands;
  TensorSpec result;
  std::map<std::string, std::vector<int64_t>> ints;
  std::map<std::string, std::vector<double>> floats;
  friend bool operator==(const OpSpec &, const OpSpec &) = default;

  const std::vector<int64_t> *intAttr(const std::string &key) const;
  int64_t intAttr(const std::string &key, int64_t fallback) const;
  // The values of |key|, or an empty list (a spec option "not given").
  std::vector<int64_t> intList(const std::string &key) const;
  const std::vector<double> *floatAttr(const std::string &key) const;
};

// A stage of a kernel: ops [begin, end) computed by one loop nest, whose
// schedule the anchor op chooses. Each non-element-wise op starts a stage;
// element-wise ops join the stage before them (an epilogue), and leading
// element-wise ops form a stage of their own (anchored by its last op).
// Splat constants are literals and belong to whatever stage reads them.
struct KernelStage {
  size_t begin = 0, end = 0;
  size_t anchor = 0; // op index
};

// Where a kernel of two stages computes its first: inside the pooling's
// tiles, slid down a depthwise conv's rows, or inlined into a reduction.
// The compiler decides (webnn-fuse); the generator follows and refuses a
// kernel whose stages and placement disagree.
enum class ProducerPlacement { None, PoolTiles, SlidingRows, Inlined };
std::string_view toString(ProducerPlacement placement);

// A kernel: buffer arguments are the inputs, then the outputs.
struct KernelSpec {
  std::string name; // the object symbol
  std::vector<TensorSpec> inputs;
  std::vector<OpSpec> ops;
  std::vector<int> outputs; // value indices
  // The output may share memory with an input of its type (memory planning
  // put it in place); the kernel then must not re-read an element it wrote.
  bool inPlace = false;
  ProducerPlacement producer = ProducerPlacement::None;
  friend bool operator==(const KernelSpec &, const KernelSpec &) = default;

  const TensorSpec &valueType(int value) const;
  // The kernel's stages, in order; the last computes the output.
  std::vector<KernelStage> stages() const;
};

// What one kernel generator run compiles.
struct KernelBatch {
  std::string target; // Halide target string
  std::vector<KernelSpec> kernels;
};

std::string serialize(const KernelBatch &batch);
// The spec part of a kernel's text (no name): equal texts mean identical
// kernels, so one compiled kernel can serve both.
std::string signature(const KernelSpec &kernel);
Expected<KernelBatch, std::string> parseKernelBatch(std::string_view text);

} // namespace webnnc::kernels

#endif // WEBNNC_KERNELSPEC_KERNELSPEC_H_
