// SPDX-License-Identifier: Apache-2.0
// The spec's broadcasting rules.
#ifndef WEBNNC_SPEC_BROADCAST_H_
#define WEBNNC_SPEC_BROADCAST_H_

#include <string_view>

#include "webnnc/Spec/Operand.h"

namespace webnnc::spec {

// Bidirectional (numpy) broadcasting of two shapes.
Expected<Shape> broadcastShapes(const Shape &a, const Shape &b,
                                std::string_view aName = "a",
                                std::string_view bName = "b");
// Whether |from| broadcasts to exactly |to| (unidirectional).
bool isUnidirectionallyBroadcastable(const Shape &from, const Shape &to);
// Whether |small| is blockwise broadcastable to |shape|: same rank, and
// each of |shape|'s dimensions a multiple of |small|'s.
bool isBlockwiseBroadcastable(const Shape &small, const Shape &shape);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_BROADCAST_H_
