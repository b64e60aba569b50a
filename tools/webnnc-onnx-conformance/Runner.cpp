// SPDX-License-Identifier: Apache-2.0
// The node-test run: find the tests, import, compile and compute each in a
// worker thread, compare with the expected outputs, report per op.
#include "Runner.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "onnx/onnx_pb.h"
#include "webnnc/Driver/Compiler.h"
#include "webnnc/Driver/ObjectLoader.h"
#include "webnnc/Import/OnnxImporter.h"

namespace webnnc::onnxtest {
namespace fs = std::filesystem;

namespace {

// Unmapped: an op the importer has no converter for (the reason comes
// from the unmapped-ops file). OutOfScope: the test needs what WebNN does
// not have (float64 or empty tensors, training, 3-D convolution...).
// Both are listed with their reasons, not counted in the pass rate.
enum class Status { Passed, Failed, Unsupported, OutOfScope, Unmapped };

struct DataSet {
  std::vector<NamedTensor> inputs, outputs;
};

struct NodeTest {
  std::string name, dir;
  std::vector<std::string> opTypes; // distinct, in node order
  std::vector<std::string> graphInputs, graphOutputs;
};

struct Outcome {
  Status status = Status::Failed;
  std::string reason;
};

std::string group(const NodeTest &t) {
  return t.opTypes.size() == 1 ? t.opTypes[0] : "(multi-node models)";
}

// "Name | reason" lines; '#' starts a comment.
std::map<std::string, std::string> readReasons(const std::string &path,
                                               bool &ok) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  ok = bool(in);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    size_t bar = line.find(" | ");
    out[line.substr(0, bar)] =
        bar == std::string::npos ? "" : line.substr(bar + 3);
  }
  return out;
}

std::optional<NodeTest> readTest(const fs::path &dir, std::string &error) {
  NodeTest t;
  t.name = dir.filename().string();
  t.dir = dir.string();
  std::ifstream in(dir / "model.onnx", std::ios::binary);
  onnx::ModelProto model;
  if (!in || !model.ParseFromIstream(&in)) {
    error = t.name + ": cannot read model.onnx";
    return std::nullopt;
  }
  std::set<std::string> initializers;
  for (const auto &init : model.graph().initializer())
    initializers.insert(init.name());
  for (const auto &node : model.graph().node()) {
    std::string type = node.domain().empty() || node.domain() == "ai.onnx"
                           ? node.op_type()
                           : node.domain() + "." + node.op_type();
    if (std::find(t.opTypes.begin(), t.opTypes.end(), type) == t.opTypes.end())
      t.opTypes.push_back(type);
  }
  for (const auto &input : model.graph().input())
    if (!initializers.count(input.name()))
      t.graphInputs.push_back(input.name());
  for (const auto &output : model.graph().output())
    t.graphOutputs.push_back(output.name());
  return t;
}

Expected<std::vector<DataSet>, std::string> readDataSets(const NodeTest &t) {
  std::vector<std::string> dirs;
  for (const auto &entry : fs::directory_iterator(t.dir))
    if (entry.is_directory() &&
        entry.path().filename().string().rfind("test_data_set_", 0) == 0)
      dirs.push_back(entry.path().string());
  std::sort(dirs.begin(), dirs.end());
  std::vector<DataSet> sets;
  for (const std::string &dir : dirs) {
    DataSet set;
    for (const char *kind : {"input", "output"})
      for (size_t i = 0;; ++i) {
        fs::path file = fs::path(dir) /
                        (std::string(kind) + "_" + std::to_string(i) + ".pb");
        if (!fs::exists(file))
          break;
        auto tensor = readOnnxTensorFile(file.string());
        if (!tensor)
          return tensor.error();
        (std::string(kind) == "input" ? set.inputs : set.outputs)
            .push_back(std::move(*tensor));
      }
    if (set.inputs.size() != t.graphInputs.size() ||
        set.outputs.size() != t.graphOutputs.size())
      return std::string("test data does not match the model's inputs and "
                         "outputs");
    sets.push_back(std::move(set));
  }
  if (sets.empty())
    return std::string("no test_data_set_* directory");
  return sets;
}

// The ONNX backend tests' default tolerance: |a - e| <= 1e-7 + 1e-3 * |e|.
std::string compare(const HostTensor &actual, const HostTensor &expected) {
  if (actual.descriptor() != expected.descriptor())
    return "got " + spec::toString(actual.descriptor()) + ", expected " +
           spec::toString(expected.descriptor());
  size_t bad = 0;
  std::string first;
  for (size_t i = 0; i < actual.elementCount(); ++i) {
    double a = actual.at(i), e = expected.at(i);
    bool ok;
    if (std::isnan(e) || std::isnan(a))
      ok = std::isnan(e) && std::isnan(a);
    else if (std::isinf(e) || std::isinf(a))
      ok = a == e;
    else if (spec::isFloatingPoint(expected.dataType()))
      ok = std::fabs(a - e) <= 1e-7 + 1e-3 * std::fabs(e);
    else if (expected.dataType() == spec::DataType::Int64)
      ok = actual.as<int64_t>()[i] == expected.as<int64_t>()[i];
    else
      ok = a == e;
    if (!ok && bad++ == 0)
      first = "element " + std::to_string(i) + " is " + std::to_string(a) +
              ", expected " + std::to_string(e);
  }
  if (!bad)
    return "";
  return first + (bad > 1 ? " (and " + std::to_string(bad - 1) + " more)" : "");
}

bool needsConstants(const OnnxImportError &error) {
  for (const OnnxProblem &p : error.problems)
    if (!p.needsConstant.empty())
      return true;
  return false;
}

Outcome runTest(const NodeTest &t, const std::set<std::string> &mapped,
                const std::map<std::string, std::string> &unmapped,
                const std::string &cacheDir) {
  for (const std::string &op : t.opTypes)
    if (!mapped.count(op)) {
      auto why = unmapped.find(op);
      return {Status::Unmapped,
              op + " is not mapped" +
                  (why != unmapped.end() && !why->second.empty()
                       ? ": " + why->second
                       : "")};
    }
  std::string modelPath = t.dir + "/model.onnx";
  OnnxImportOptions options;
  auto graph = importOnnxFile(modelPath, options);
  auto importFailure = [&]() -> Outcome {
    std::string reason;
    for (const OnnxProblem &p : graph.error().problems)
      reason += (reason.empty() ? "" : "; ") + p.message();
    return {graph.error().onlyNotInWebNN()    ? Status::OutOfScope
            : graph.error().onlyUnsupported() ? Status::Unsupported
                                              : Status::Failed,
            "import: " + reason};
  };
  if (!graph && !needsConstants(graph.error()))
    return importFailure();
  auto sets = readDataSets(t);
  if (!sets)
    return {sets.error().find("no empty tensors") != std::string::npos
                ? Status::OutOfScope
                : Status::Failed,
            "test data: " + sets.error()};
  // Inputs WebNN needs at compile time (a Reshape's shape, Clip's bounds,
  // ...) are frozen to the first data set's values, as an app would bake
  // them into its model.
  bool frozen = false;
  while (!graph && needsConstants(graph.error())) {
    size_t before = options.constantInputs.size();
    for (const OnnxProblem &p : graph.error().problems)
      for (size_t i = 0; i < t.graphInputs.size(); ++i)
        if (t.graphInputs[i] == p.needsConstant)
          options.constantInputs[p.needsConstant] = (*sets)[0].inputs[i].tensor;
    if (options.constantInputs.size() == before)
      break; // not a graph input: nothing to freeze
    frozen = true;
    graph = importOnnxFile(modelPath, options);
  }
  if (!graph)
    return importFailure();
  CompileOptions compileOptions;
  compileOptions.modelName = "node";
  compileOptions.jobs = 1; // tests already run in parallel
  compileOptions.kernelCacheDir = cacheDir;
  auto compiled = compile(*graph, compileOptions);
  if (!compiled)
    return {Status::Failed, "compile: " + compiled.error()};
  auto loaded = LoadedModel::load(compiled->artifact, "node");
  if (!loaded)
    return {Status::Failed, "load: " + loaded.error()};
  for (size_t s = 0; s < sets->size(); ++s) {
    const DataSet &set = (*sets)[s];
    if (frozen && s > 0)
      break; // later sets may hold other compile-time values
    std::map<std::string, HostTensor> inputs;
    for (size_t i = 0; i < t.graphInputs.size(); ++i)
      if (!options.constantInputs.count(t.graphInputs[i]))
        inputs[t.graphInputs[i]] = set.inputs[i].tensor;
    auto results = (*loaded)->compute(inputs);
    if (!results)
      return {Status::Failed, "compute: " + results.error()};
    for (size_t o = 0; o < t.graphOutputs.size(); ++o) {
      const HostTensor *actual = nullptr;
      for (size_t k = 0; k < compiled->outputs.size(); ++k)
        if (compiled->outputs[k].name == t.graphOutputs[o])
          actual = &(*results)[k];
      if (!actual)
        return {Status::Failed,
                "output '" + t.graphOutputs[o] + "' was not computed"};
      std::string mismatch = compare(*actual, set.outputs[o].tensor);
      if (!mismatch.empty())
        return {Status::Failed,
                "output '" + t.graphOutputs[o] + "': " + mismatch};
    }
  }
  return {Status::Passed, frozen ? "some inputs frozen as constants" : ""};
}

const char *statusTag(Status status) {
  const char *tags[] = {"PASS ", "FAIL ", "UNSUPPORTED ", "NOT-IN-WEBNN ",
                        "UNMAPPED "};
  return tags[int(status)];
}

// The node tests under |options.root| whose names hold the filter, sorted;
// or the exit code when there are none to read.
std::optional<int> findTests(const RunOptions &options,
                             std::vector<NodeTest> &tests) {
  if (!fs::is_directory(options.root)) {
    if (options.skipMissing) {
      std::cout << "SKIPPED: '" << options.root
                << "' does not exist (install Debian's libonnx-testdata)"
                << std::endl;
      return 77;
    }
    std::cerr << "webnnc-onnx-conformance: '" << options.root
              << "' is not a directory\n";
    return 2;
  }
  std::vector<fs::path> dirs;
  for (const auto &entry : fs::directory_iterator(options.root))
    if (entry.is_directory() && fs::exists(entry.path() / "model.onnx") &&
        entry.path().filename().string().find(options.filter) !=
            std::string::npos)
      dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path &dir : dirs) {
    std::string error;
    auto test = readTest(dir, error);
    if (!test) {
      std::cerr << "webnnc-onnx-conformance: " << error << "\n";
      return 2;
    }
    tests.push_back(std::move(*test));
  }
  return std::nullopt;
}

// Every test's outcome, |options.jobs| at a time.
std::vector<Outcome> runAll(const std::vector<NodeTest> &tests,
                            const std::map<std::string, std::string> &unmapped,
                            const RunOptions &options) {
  std::vector<std::string> ops = supportedOnnxOps();
  std::set<std::string> mapped(ops.begin(), ops.end());
  std::vector<Outcome> outcomes(tests.size());
  std::atomic<size_t> next{0};
  std::mutex printMutex;
  int jobs = options.jobs > 0
                 ? options.jobs
                 : int(std::max(1u, std::thread::hardware_concurrency()));
  auto worker = [&] {
    for (size_t i; (i = next++) < tests.size();) {
      outcomes[i] = runTest(tests[i], mapped, unmapped, options.cacheDir);
      if (options.verbose) {
        std::lock_guard<std::mutex> lock(printMutex);
        std::cout << statusTag(outcomes[i].status) << tests[i].name
                  << (outcomes[i].reason.empty() ? "" : ": ")
                  << outcomes[i].reason << std::endl;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::min<int>(jobs, int(tests.size())); ++t)
    threads.emplace_back(worker);
  for (std::thread &t : threads)
    t.join();
  return outcomes;
}

struct Counts {
  int passed = 0, failed = 0, unsupported = 0, outOfScope = 0, unmapped = 0;
  int inScope() const { return passed + failed + unsupported; }
  int all() const { return inScope() + outOfScope + unmapped; }
  void add(Status status) {
    switch (status) {
    case Status::Passed:
      ++passed;
      break;
    case Status::Failed:
      ++failed;
      break;
    case Status::Unsupported:
      ++unsupported;
      break;
    case Status::OutOfScope:
      ++outOfScope;
      break;
    case Status::Unmapped:
      ++unmapped;
      break;
    }
  }
};

// The per-op table, every test that did not pass, and the summary line.
void printReport(const std::vector<NodeTest> &tests,
                 const std::vector<Outcome> &outcomes,
                 const std::map<std::string, Counts> &byGroup,
                 const Counts &total) {
  std::cout << "op                               tests  passed  failed  "
               "unsupported  not-in-webnn  unmapped\n";
  for (const auto &[op, c] : byGroup) {
    char line[200];
    std::snprintf(line, sizeof(line), "%-32s %5d %7d %7d %12d %13d %9d\n",
                  op.c_str(), c.all(), c.passed, c.failed, c.unsupported,
                  c.outOfScope, c.unmapped);
    std::cout << line;
  }
  for (size_t i = 0; i < tests.size(); ++i)
    if (outcomes[i].status != Status::Passed)
      std::cout << statusTag(outcomes[i].status) << tests[i].name << ": "
                << outcomes[i].reason << "\n";
  double rate = total.inScope() ? double(total.passed) / total.inScope() : 0;
  char summary[240];
  std::snprintf(summary, sizeof(summary),
                "%d tests; %d within WebNN (mapped ops, WebNN types), of "
                "which %d pass (%.1f%%), %d fail, %d use unsupported "
                "features; %d outside WebNN; %d use unmapped ops",
                int(tests.size()), total.inScope(), total.passed, 100 * rate,
                total.failed, total.unsupported, total.outOfScope,
                total.unmapped);
  std::cout << summary << "\n";
}

// 1 when a test failed that is not listed, or a listed one did not fail.
int checkKnownFailures(const std::vector<NodeTest> &tests,
                       const std::vector<Outcome> &outcomes,
                       const std::map<std::string, std::string> &known) {
  int unexpected = 0, fixed = 0;
  for (size_t i = 0; i < tests.size(); ++i) {
    bool isKnown = known.count(tests[i].name) != 0;
    if (outcomes[i].status == Status::Failed && !isKnown) {
      ++unexpected;
      std::cout << "UNEXPECTED FAILURE " << tests[i].name << "\n";
    } else if (outcomes[i].status != Status::Failed && isKnown) {
      ++fixed;
      std::cout << "UNEXPECTED RESULT " << tests[i].name
                << " (listed as a known failure)\n";
    }
  }
  return unexpected || fixed ? 1 : 0;
}

bool writeMarkdown(const std::string &path,
                   const std::map<std::string, Counts> &byGroup,
                   const Counts &total) {
  std::ofstream md(path);
  md << "| op | tests | passed | failed | unsupported | not in WebNN | "
        "unmapped op |\n|---|---:|---:|---:|---:|---:|---:|\n";
  auto row = [&](const std::string &name, const Counts &c) {
    md << "| " << name << " | " << c.all() << " | " << c.passed << " | "
       << c.failed << " | " << c.unsupported << " | " << c.outOfScope << " | "
       << c.unmapped << " |\n";
  };
  for (const auto &[op, c] : byGroup)
    row(op, c);
  row("**total**", total);
  return bool(md);
}

} // namespace

int run(const RunOptions &options) {
  std::vector<NodeTest> tests;
  if (std::optional<int> code = findTests(options, tests))
    return *code;
  std::map<std::string, std::string> known, unmapped;
  bool ok = true;
  if (!options.knownFailures.empty())
    known = readReasons(options.knownFailures, ok);
  if (ok && !options.unmappedOps.empty())
    unmapped = readReasons(options.unmappedOps, ok);
  if (!ok) {
    std::cerr << "webnnc-onnx-conformance: cannot read the known failures or "
                 "unmapped ops file\n";
    return 2;
  }
  std::vector<Outcome> outcomes = runAll(tests, unmapped, options);

  std::map<std::string, Counts> byGroup;
  Counts total;
  for (size_t i = 0; i < tests.size(); ++i) {
    byGroup[group(tests[i])].add(outcomes[i].status);
    total.add(outcomes[i].status);
  }
  printReport(tests, outcomes, byGroup, total);

  int status = 0;
  if (!options.knownFailures.empty())
    status = checkKnownFailures(tests, outcomes, known);
  else if (total.failed)
    status = 1;
  double rate = total.inScope() ? double(total.passed) / total.inScope() : 0;
  if (options.filter.empty() && rate < options.minPassRate) {
    std::cout << "pass rate below " << 100 * options.minPassRate << "%\n";
    status = 1;
  }
  if (!options.markdown.empty() &&
      !writeMarkdown(options.markdown, byGroup, total))
    status = 2;
  std::cout << total.passed << " passed, " << total.failed << " failed"
            << std::endl;
  return status;
}

} // namespace webnnc::onnxtest
