// SPDX-License-Identifier: Apache-2.0
// Reading whole files.
#ifndef WEBNNC_SUPPORT_FILES_H_
#define WEBNNC_SUPPORT_FILES_H_

#include <optional>
#include <string>

namespace webnnc {

// The bytes of the file at |path|, read at once into a string of its size
// (objects and weights run to hundreds of MB: no growing buffers), or
// nothing if it cannot be read.
std::optional<std::string> readWholeFile(const std::string &path);

} // namespace webnnc

#endif // WEBNNC_SUPPORT_FILES_H_
