// SPDX-License-Identifier: Apache-2.0
// A web-platform-tests WebNN conformance case, read from the JSON form of
// the WPT vectors (../shared/data/wpt-conformance/README.md).
#ifndef WEBNNC_TOOLS_CONFORMANCE_WPTCASE_H_
#define WEBNNC_TOOLS_CONFORMANCE_WPTCASE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "webnnc/Support/Expected.h"
#include "webnnc/Support/HostTensor.h"

namespace llvm::json {
class Value;
} // namespace llvm::json

namespace webnnc::wpt {

// A graph input, or an expected output.
struct Tensor {
  HostTensor value; // of the concrete shape
  bool constant = false; // inputs only: a constant operand
  // The descriptor WPT gives the builder: the value's, except dimensions
  // written {"name", "maxSize"} (the dynamic-shape form), which are open
  // (kOpenDim) and named and bounded in |openDims|, in order.
  spec::OperandDescriptor descriptor;
  std::vector<std::pair<std::string, int64_t>> openDims;
};

// One operator call: the MLGraphBuilder method, its arguments in order
// (each a single-key JSON object, kept as JSON) and its output names.
struct Operator {
  std::string name;
  std::vector<std::pair<std::string, const llvm::json::Value *>> arguments;
  std::vector<std::string> outputs;
};

struct Case {
  std::string operation; // the file's operation, e.g. "conv2d"
  std::string name;
  std::map<std::string, Tensor> inputs;
  std::vector<Operator> operators;
  std::map<std::string, HostTensor> expected;
  // Why the case cannot run as given (malformed or lossy vectors); such a
  // case counts as failed with this reason.
  std::string error;
};

// A parsed file: its cases point into |document|, which it owns.
struct File {
  std::string path;
  std::shared_ptr<const llvm::json::Value> document;
  std::vector<Case> cases;
};

Expected<File, std::string> readFile(const std::string &path);

// A tensor of |descriptor| filled from WPT "data": a list, or one number
// for every element; float16 values round to nearest even, int64/uint64
// may be decimal strings.
Expected<HostTensor, std::string> tensorFromJson(const spec::OperandDescriptor &descriptor,
                                                 const llvm::json::Value &data);

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_CONFORMANCE_WPTCASE_H_
