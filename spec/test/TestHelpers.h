// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the spec library's tests.
#ifndef WEBNNC_SPEC_TEST_TESTHELPERS_H_
#define WEBNNC_SPEC_TEST_TESTHELPERS_H_

#include <string>
#include <string_view>

#include "webnnc/Spec/Ops.h"

namespace webnnc::spec::test {

inline OperandDescriptor f32(Shape shape) {
  return {DataType::Float32, std::move(shape)};
}

// The formatted error of |result| for |op|, or "<no error>".
template <typename T>
std::string errorOf(const Expected<T> &result, std::string_view op) {
  return result ? "<no error>" : result.error().format(op);
}

} // namespace webnnc::spec::test

#endif // WEBNNC_SPEC_TEST_TESTHELPERS_H_
