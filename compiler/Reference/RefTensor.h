// SPDX-License-Identifier: Apache-2.0
// The evaluator's tensors and index helpers (private to the evaluator).
#ifndef WEBNNC_REFERENCE_REFTENSOR_H_
#define WEBNNC_REFERENCE_REFTENSOR_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "mlir/IR/Operation.h"
#include "webnnc/Spec/Operand.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc::reference {

// Floating-point tensors hold doubles (already rounded to their type);
// integer tensors hold 64-bit values (uint64 as its bit pattern).
struct RefTensor {
  spec::DataType type = spec::DataType::Float32;
  spec::Shape shape;
  std::vector<double> f;
  std::vector<int64_t> i;

  RefTensor() = default;
  RefTensor(spec::DataType type, spec::Shape shape);
  bool isFloat() const { return spec::isFloatingPoint(type); }
  size_t size() const { return isFloat() ? f.size() : i.size(); }
  // Copies element |from| of |src| (same data type) to element |to|.
  void copyFrom(size_t to, const RefTensor &src, size_t from) {
    if (isFloat())
      f[to] = src.f[from];
    else
      i[to] = src.i[from];
  }
  // Rounds every float element to the data type.
  void roundToType();

  static RefTensor fromHost(const HostTensor &host);
  HostTensor toHost() const;
};

// Rounds |value| to float32 or float16 as |type| says.
double roundTo(spec::DataType type, double value);
// Wraps |value| to |type|'s width (sign- or zero-extending back to 64 bits).
int64_t wrapTo(spec::DataType type, int64_t value);

// |value| cast to integer |type| as the spec casts an MLNumber option:
// truncated toward zero, saturated to the type's range (NaN -> 0).
int64_t castToInteger(spec::DataType type, double value);

// The smallest value of integer |type|.
int64_t lowestInteger(spec::DataType type);

// Row-major strides of |shape|.
std::vector<int64_t> stridesOf(const spec::Shape &shape);
// Calls |body|(outIndex, indexInA, indexInB) for every element of the
// broadcast |out| shape.
void forEachBroadcast(const spec::Shape &out, const spec::Shape &a,
                      const spec::Shape &b,
                      const std::function<void(size_t, size_t, size_t)> &body);

// Calls |body|(index, k) for every multi-index of |shape| in row-major
// order; k is the flat position.
void forEachIndex(const spec::Shape &shape,
                  const std::function<void(const std::vector<int64_t> &,
                                           size_t)> &body);
// Flat position in |shape| of |index| (exact rank).
size_t offsetOf(const std::vector<int64_t> &index, const spec::Shape &shape);
// Flat position in |shape| of output |index| under numpy broadcasting:
// trailing dimensions align, and size-1 dimensions repeat.
size_t broadcastOffset(const std::vector<int64_t> &index,
                       const spec::Shape &shape);
// The shape of a value's tensor type.
spec::Shape shapeOf(mlir::Value value);
// The descriptor of a value's tensor type.
spec::OperandDescriptor descriptorOf(mlir::Value value);

using OpResult = Expected<RefTensor, std::string>;
using MultiOpResult = Expected<std::vector<RefTensor>, std::string>;
using Operands = std::vector<const RefTensor *>;

// One evaluator per op family; each returns std::nullopt for ops outside
// its family, and the result (or the error) otherwise.
std::optional<OpResult> evaluateElementwise(mlir::Operation *op,
                                            const Operands &operands);
std::optional<OpResult> evaluateConvPool(mlir::Operation *op,
                                         const Operands &operands);
std::optional<OpResult> evaluateMatmul(mlir::Operation *op,
                                       const Operands &operands);
std::optional<OpResult> evaluateShape(mlir::Operation *op,
                                      const Operands &operands);
std::optional<OpResult> evaluateNormalization(mlir::Operation *op,
                                              const Operands &operands);
std::optional<OpResult> evaluateReduction(mlir::Operation *op,
                                          const Operands &operands);
std::optional<OpResult> evaluateGather(mlir::Operation *op,
                                       const Operands &operands);
// Families with ops of several results.
std::optional<MultiOpResult> evaluateSplit(mlir::Operation *op,
                                           const Operands &operands);
// gru, gruCell, lstm and lstmCell.
std::optional<MultiOpResult> evaluateRecurrent(mlir::Operation *op,
                                               const Operands &operands);

} // namespace webnnc::reference

#endif // WEBNNC_REFERENCE_REFTENSOR_H_
