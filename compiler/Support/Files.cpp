// SPDX-License-Identifier: Apache-2.0
#include "webnnc/Support/Files.h"

#include <fstream>

namespace webnnc {

std::optional<std::string> readWholeFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    return std::nullopt;
  std::streamoff size = in.tellg();
  if (size < 0)
    return std::nullopt;
  std::string data(size_t(size), '\0');
  in.seekg(0);
  if (size > 0 && !in.read(data.data(), size))
    return std::nullopt;
  return data;
}

} // namespace webnnc
