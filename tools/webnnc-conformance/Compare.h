// SPDX-License-Identifier: Apache-2.0
// Checking an output against the WPT expectation with the WPT tolerance.
#ifndef WEBNNC_TOOLS_CONFORMANCE_COMPARE_H_
#define WEBNNC_TOOLS_CONFORMANCE_COMPARE_H_

#include <string>

#include "WptGraph.h"

namespace webnnc::wpt {

// Distance between two values of |type| in units in the last place: the
// distance between their bit patterns in float order (integers: their
// difference). NaN is at infinite distance from anything but NaN.
double ulpDistance(spec::DataType type, double actual, double expected);

// "" if every element of |actual| is within |tolerance| of |expected|,
// otherwise which elements are not (the first few, and how many).
std::string compareOutput(const HostTensor &actual, const HostTensor &expected,
                          const Tolerance &tolerance);

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_CONFORMANCE_COMPARE_H_
