// SPDX-License-Identifier: Apache-2.0
// MLGraphBuilder methods' positional parameters (the options dictionary
// aside), as the spec's IDL declares them. WPT calls builder methods with
// its arguments in order, whatever key its JSON gave each (the keys
// changed over the years: logicalNot's operand was `a`, then `input`), so
// the runners bind arguments by position through this table.
#ifndef WEBNNC_TOOLS_CONFORMANCE_WPTSIGNATURES_H_
#define WEBNNC_TOOLS_CONFORMANCE_WPTSIGNATURES_H_

#include <string>
#include <string_view>
#include <vector>

namespace webnnc::wpt {

// The parameter names of |method| in order, or nullptr for an unknown
// method. A name may list spellings separated by '|' (cast's `type`, now
// `dataType`).
const std::vector<std::string> *parametersOf(std::string_view method);

// The position of |name| (any of its spellings) in |parameters|, or -1.
int parameterIndex(const std::vector<std::string> &parameters,
                   std::string_view name);

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_CONFORMANCE_WPTSIGNATURES_H_
