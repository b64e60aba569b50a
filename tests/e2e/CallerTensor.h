// SPDX-License-Identifier: Apache-2.0
// A caller-side webnnc_tensor_t over a float vector, as an app passes one.
#ifndef WEBNNC_TESTS_E2E_CALLERTENSOR_H_
#define WEBNNC_TESTS_E2E_CALLERTENSOR_H_

#include <cstdint>
#include <vector>

#include "webnnc/runtime/webnnc.h"

namespace webnnc {

// A caller-side tensor over |data|.
inline webnnc_tensor_t tensorOf(const char *name, std::vector<float> &data,
                         std::vector<int64_t> dims) {
  webnnc_tensor_t t{};
  t.name = name;
  t.data_type = WEBNNC_DATA_TYPE_FLOAT32;
  t.rank = uint32_t(dims.size());
  for (size_t d = 0; d < dims.size(); ++d)
    t.dims[d] = dims[d];
  t.data = data.data();
  t.byte_length = data.size() * sizeof(float);
  return t;
}

} // namespace webnnc

#endif // WEBNNC_TESTS_E2E_CALLERTENSOR_H_
