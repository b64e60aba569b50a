// SPDX-License-Identifier: Apache-2.0
// Checks shared by the operation validators (private to the library).
#ifndef WEBNNC_SPEC_LIB_COMMON_H_
#define WEBNNC_SPEC_LIB_COMMON_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec::detail {

inline std::optional<Error> checkDataType(const OperandDescriptor &desc,
                                          std::string_view operand,
                                          DataTypeSet allowed) {
  if (allowed.contains(desc.dataType))
    return std::nullopt;
  return makeError(std::string(operand),
                   "data type " + std::string(toString(desc.dataType)) +
                       " is not allowed (allowed: " + allowed.describe() +
                       ")");
}

inline std::optional<Error> checkSameType(const OperandDescriptor &desc,
                                          std::string_view operand,
                                          const OperandDescriptor &reference,
                                          std::string_view referenceName) {
  if (desc.dataType == reference.dataType)
    return std::nullopt;
  return makeError(std::string(operand),
                   "data type " + std::string(toString(desc.dataType)) +
                       " must match " + std::string(referenceName) + "'s " +
                       std::string(toString(reference.dataType)));
}

inline std::optional<Error> checkRank(const OperandDescriptor &desc,
                                      std::string_view operand,
                                      size_t rank) {
  if (desc.rank() == rank)
    return std::nullopt;
  return makeError(std::string(operand),
                   "rank must be " + std::to_string(rank) + ", got " +
                       std::to_string(desc.rank()));
}

// Checks an optional list option: size |count| if given, and each value in
// [minValue, 4294967295].
inline std::optional<Error> checkListOption(const std::vector<int64_t> &values,
                                            std::string_view name,
                                            size_t count, int64_t minValue) {
  if (values.empty())
    return std::nullopt;
  if (values.size() != count)
    return makeError(std::string(name), "must have " + std::to_string(count) +
                                            " values, got " +
                                            std::to_string(values.size()));
  for (int64_t v : values)
    if (v < minValue || v > kMaxUnsignedLong)
      return makeError(std::string(name),
                       minValue > 0 ? "values must be greater than 0"
                                    : "values must be non-negative");
  return std::nullopt;
}

template <size_t N>
std::array<int64_t, N> listOrDefault(const std::vector<int64_t> &values,
                                     int64_t fallback) {
  std::array<int64_t, N> out;
  for (size_t i = 0; i < N; ++i)
    out[i] = values.empty() ? fallback : values[i];
  return out;
}

// Checks that |axis| is in [0, rank).
inline std::optional<Error> checkAxis(int64_t axis, size_t rank,
                                      std::string_view name = "axis") {
  if (axis >= 0 && axis < int64_t(rank))
    return std::nullopt;
  return makeError(std::string(name), "must be in [0, " +
                                          std::to_string(rank) + "), got " +
                                          std::to_string(axis));
}

// Checks that every axis is in [0, rank) and none repeats.
inline std::optional<Error> checkAxes(const std::vector<int64_t> &axes,
                                      size_t rank,
                                      std::string_view name = "axes") {
  std::vector<bool> seen(rank, false);
  for (int64_t axis : axes) {
    if (axis < 0 || axis >= int64_t(rank))
      return makeError(std::string(name),
                       "value " + std::to_string(axis) +
                           " is out of range [0, " + std::to_string(rank) +
                           ")");
    if (seen[axis])
      return makeError(std::string(name),
                       "value " + std::to_string(axis) + " is repeated");
    seen[axis] = true;
  }
  return std::nullopt;
}

// Checks that |desc| has exactly |shape|.
inline std::optional<Error> checkShape(const OperandDescriptor &desc,
                                       std::string_view operand,
                                       const Shape &shape) {
  if (desc.shape == shape)
    return std::nullopt;
  return makeError(std::string(operand), "shape must be " + toString(shape) +
                                             ", got " + toString(desc.shape));
}

// Checks that |desc| has |shape| where both are static; an open dimension
// on either side is compared at compute, when its size is known.
inline std::optional<Error> checkShapeAgrees(const OperandDescriptor &desc,
                                             std::string_view operand,
                                             const Shape &shape) {
  bool agrees = desc.shape.size() == shape.size();
  for (size_t d = 0; agrees && d < shape.size(); ++d)
    agrees =
        isOpen(desc.shape[d]) || isOpen(shape[d]) || desc.shape[d] == shape[d];
  if (agrees)
    return std::nullopt;
  return makeError(std::string(operand), "shape must be " + toString(shape) +
                                             ", got " + toString(desc.shape));
}

// Checks that |desc| has no open dimension (a filter: weights are sized at
// build time).
inline std::optional<Error> checkNoOpenDims(const OperandDescriptor &desc,
                                            std::string_view operand) {
  for (int64_t d : desc.shape)
    if (isOpen(d))
      return makeOpenDimsError(std::string(operand),
                               "must not have open dimensions, got " +
                                   toString(desc.shape));
  return std::nullopt;
}

// Checks |desc|'s rank is at least |rank|.
inline std::optional<Error> checkMinRank(const OperandDescriptor &desc,
                                         std::string_view operand,
                                         size_t rank) {
  if (desc.rank() >= rank)
    return std::nullopt;
  return makeError(std::string(operand),
                   "rank must be at least " + std::to_string(rank) +
                       ", got " + std::to_string(desc.rank()));
}

// The (batches, channels, height, width) of a 4-D activation shape in
// |layout|.
struct ActivationDims {
  int64_t batches, channels, height, width;
};
inline ActivationDims activationDims(InputOperandLayout layout,
                                     const Shape &s) {
  if (layout == InputOperandLayout::Nchw)
    return {s[0], s[1], s[2], s[3]};
  return {s[0], s[3], s[1], s[2]};
}

// The 4-D activation shape of (batches, channels, height, width) in
// |layout|.
inline Shape activationShape(InputOperandLayout layout, int64_t batches,
                             int64_t channels, int64_t height, int64_t width) {
  if (layout == InputOperandLayout::Nchw)
    return {batches, channels, height, width};
  return {batches, height, width, channels};
}

// Checks that |desc| describes a valid output operand.
inline std::optional<Error> checkOutput(const OperandDescriptor &desc) {
  return checkDescriptor(desc, "output", /*allowOpen=*/true);
}

#define WEBNNC_SPEC_CHECK(expr)                                                \
  do {                                                                         \
    if (auto webnnc_error_ = (expr))                                           \
      return *webnnc_error_;                                                   \
  } while (0)

} // namespace webnnc::spec::detail

#endif // WEBNNC_SPEC_LIB_COMMON_H_
