// SPDX-License-Identifier: Apache-2.0
// Bidirectional, unidirectional and blockwise broadcasting.
#include "webnnc/Spec/Broadcast.h"

#include <algorithm>

namespace webnnc::spec {

Expected<Shape> broadcastShapes(const Shape &a, const Shape &b,
                                std::string_view aName,
                                std::string_view bName) {
  size_t rank = std::max(a.size(), b.size());
  Shape out(rank);
  for (size_t i = 0; i < rank; ++i) {
    // Align trailing dimensions; missing leading ones count as 1.
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    // An open dimension broadcasts only against a static 1; against
    // anything else its size must match, which compute checks.
    bool open = isOpen(da) || isOpen(db);
    if (!open && da != db && da != 1 && db != 1)
      return makeError(std::string(bName),
                       "shape " + toString(b) + " is not broadcastable with " +
                           std::string(aName) + "'s shape " + toString(a));
    if (da == 1)
      out[i] = db;
    else if (db == 1 || isOpen(db))
      out[i] = da;
    else
      out[i] = db;
  }
  return out;
}

bool isUnidirectionallyBroadcastable(const Shape &from, const Shape &to) {
  if (from.size() > to.size())
    return false;
  size_t offset = to.size() - from.size();
  for (size_t i = 0; i < from.size(); ++i)
    if (from[i] != 1 && from[i] != to[offset + i] &&
        !isOpen(from[i]) && !isOpen(to[offset + i]))
      return false;
  return true;
}

bool isBlockwiseBroadcastable(const Shape &small, const Shape &shape) {
  if (small.size() != shape.size())
    return false;
  for (size_t i = 0; i < shape.size(); ++i)
    if (small[i] <= 0 || shape[i] % small[i] != 0)
      return false;
  return true;
}

} // namespace webnnc::spec
