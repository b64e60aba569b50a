// SPDX-License-Identifier: Apache-2.0
// The conformance run: load the cases, compile and compute each in a
// worker thread, judge the outputs, report.
#include "Runner.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "Compare.h"
#include "WptCase.h"
#include "WptGraph.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include "webnnc/Driver/Compiler.h"
#include "webnnc/Driver/ObjectLoader.h"

namespace webnnc::wpt {
namespace fs = std::filesystem;
namespace json = llvm::json;

namespace {

// Where --check-determinism compiles every case: AVX2 and AVX-512 vectors,
// and whatever this machine has beyond them.
constexpr const char *kDeterminismTargets[] = {"x86-64-v3", "x86-64-v4",
                                               "host"};

struct Outcome {
  const Case *c = nullptr;
  bool passed = false;
  std::string reason; // why it failed
  std::map<std::string, HostTensor> outputs;
};

std::vector<std::string> jsonFiles(const std::vector<std::string> &paths,
                                   std::string &error) {
  std::vector<std::string> files;
  for (const std::string &path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> inDir;
      for (const auto &entry : fs::directory_iterator(path, ec))
        if (entry.path().extension() == ".json")
          inDir.push_back(entry.path().string());
      std::sort(inDir.begin(), inDir.end());
      files.insert(files.end(), inDir.begin(), inDir.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      error = "'" + path + "' does not exist";
    }
  }
  return files;
}

// A compile target and thread count a case is computed at.
struct Variant {
  std::string target;
  int threads = 1;
};

std::string describe(const Variant &v) {
  return v.target + " at " + std::to_string(v.threads) +
         (v.threads == 1 ? " thread" : " threads");
}

// The outputs of |graph| compiled for |target| and computed at each of
// |threads|, in the model's output order; or why not.
Expected<std::vector<std::vector<HostTensor>>, std::string>
computeAt(Graph &graph, const std::map<std::string, HostTensor> &inputs,
          const std::string &target, const std::vector<int> &threads,
          bool deterministic, const RunOptions &options,
          std::vector<std::string> &names) {
  CompileOptions compileOptions;
  compileOptions.modelName = "wpt";
  compileOptions.target = target;
  compileOptions.deterministic = deterministic;
  compileOptions.jobs = 1; // cases already run in parallel
  compileOptions.kernelCacheDir = options.cacheDir;
  auto compiled = compile(graph, compileOptions);
  if (!compiled)
    return "compile: " + compiled.error();
  auto loaded = LoadedModel::load(compiled->artifact, "wpt");
  if (!loaded)
    return "load: " + loaded.error();
  names.clear();
  for (const NamedOperand &output : compiled->outputs)
    names.push_back(output.name);
  std::vector<std::vector<HostTensor>> all;
  for (int n : threads) {
    auto results = (*loaded)->compute(inputs, n);
    if (!results)
      return "compute: " + results.error();
    all.push_back(std::move(*results));
  }
  return all;
}

Outcome runCase(const Case &c, const RunOptions &options) {
  Outcome out;
  out.c = &c;
  if (!c.error.empty()) {
    out.reason = "vectors: " + c.error;
    return out;
  }
  // A case's graph is compiled (and changed by the passes) once per
  // target, so each target builds it afresh.
  std::vector<std::string> targets =
      options.checkDeterminism
          ? std::vector<std::string>(std::begin(kDeterminismTargets),
                                     std::end(kDeterminismTargets))
          : std::vector<std::string>{options.target};
  std::vector<int> threads = options.checkDeterminism
                                 ? std::vector<int>{1, 2, 3, 1, 2, 3}
                                 : std::vector<int>{1};
  std::optional<Tolerance> tolerance;
  std::vector<std::string> names;
  std::vector<HostTensor> reference;
  Variant referenceVariant;
  for (const std::string &target : targets) {
    auto built = buildCase(c);
    if (!built) {
      out.reason = "build: " + built.error().message;
      return out;
    }
    auto computed = computeAt(built->graph, built->inputs, target, threads,
                              options.checkDeterminism, options, names);
    if (!computed) {
      out.reason = computed.error();
      return out;
    }
    for (size_t t = 0; t < threads.size(); ++t) {
      Variant variant{target, threads[t]};
      std::vector<HostTensor> &results = (*computed)[t];
      if (reference.empty()) {
        reference = results;
        referenceVariant = variant;
        continue;
      }
      for (size_t i = 0; i < results.size(); ++i) {
        if (size_t n = countDifferingBits(reference[i], results[i])) {
          out.reason = "not deterministic: output '" + names[i] + "' on " +
                       describe(variant) + " differs from " +
                       describe(referenceVariant) + " in " + std::to_string(n) +
                       " of " + std::to_string(reference[i].elementCount()) +
                       " elements";
          return out;
        }
      }
    }
    tolerance = built->tolerance;
  }
  for (size_t i = 0; i < names.size(); ++i)
    out.outputs[names[i]] = reference[i];
  for (const auto &[name, expected] : c.expected) {
    auto it = out.outputs.find(name);
    if (it == out.outputs.end()) {
      out.reason = "output '" + name + "' was not computed";
      return out;
    }
    std::string mismatch = compareOutput(it->second, expected, *tolerance);
    if (!mismatch.empty()) {
      out.reason = "output '" + name + "': " + mismatch;
      return out;
    }
  }
  out.passed = true;
  return out;
}

json::Value tensorJson(const HostTensor &t) {
  json::Array shape, data;
  for (int64_t d : t.shape())
    shape.push_back(d);
  for (size_t i = 0; i < t.elementCount(); ++i) {
    if (!spec::isFloatingPoint(t.dataType())) {
      if (t.dataType() == spec::DataType::Uint64)
        data.push_back(uint64_t(t.as<uint64_t>()[i]));
      else if (t.dataType() == spec::DataType::Int64)
        data.push_back(t.as<int64_t>()[i]);
      else
        data.push_back(int64_t(t.at(i)));
      continue;
    }
    double v = t.at(i);
    if (std::isnan(v))
      data.push_back("NaN");
    else if (std::isinf(v))
      data.push_back(v > 0 ? "Infinity" : "-Infinity");
    else
      data.push_back(v);
  }
  return json::Object{{"shape", std::move(shape)},
                      {"dataType", std::string(spec::toString(t.dataType()))},
                      {"data", std::move(data)}};
}

bool writeOutputs(const std::string &path, const std::vector<Outcome> &all) {
  json::Object root;
  for (const Outcome &o : all) {
    if (o.outputs.empty())
      continue;
    json::Object outputs;
    for (const auto &[name, tensor] : o.outputs)
      outputs[name] = tensorJson(tensor);
    root[o.c->name] = std::move(outputs);
  }
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return false;
  os << json::Value(std::move(root)) << "\n";
  return true;
}

// "case name | reason" per line; '#' starts a comment.
std::map<std::string, std::string> readKnownFailures(const std::string &path,
                                                     bool &ok) {
  std::map<std::string, std::string> known;
  std::ifstream in(path);
  ok = bool(in);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    size_t bar = line.find(" | ");
    std::string name = line.substr(0, bar);
    known[name] = bar == std::string::npos ? "" : line.substr(bar + 3);
  }
  return known;
}

} // namespace

int run(const RunOptions &options) {
  if (options.skipMissing)
    for (const std::string &path : options.paths)
      if (!fs::exists(path)) {
        std::cout << "SKIPPED: '" << path
                  << "' does not exist (the WPT vectors are read in place "
                     "from ../shared/data/wpt-conformance)"
                  << std::endl;
        return 77;
      }
  std::string error;
  std::vector<std::string> files = jsonFiles(options.paths, error);
  if (!error.empty()) {
    std::cerr << "webnnc-conformance: " << error << "\n";
    return 2;
  }
  std::vector<File> parsed;
  for (const std::string &path : files) {
    auto file = readFile(path);
    if (!file) {
      std::cerr << "webnnc-conformance: " << file.error() << "\n";
      return 2;
    }
    parsed.push_back(std::move(*file));
  }
  std::vector<const Case *> cases;
  for (const File &f : parsed)
    for (const Case &c : f.cases)
      if (c.name.find(options.filter) != std::string::npos)
        cases.push_back(&c);

  std::vector<Outcome> outcomes(cases.size());
  std::atomic<size_t> next{0};
  std::mutex printMutex;
  int jobs = options.jobs > 0
                 ? options.jobs
                 : int(std::max(1u, std::thread::hardware_concurrency()));
  auto worker = [&] {
    for (size_t i; (i = next++) < cases.size();) {
      outcomes[i] = runCase(*cases[i], options);
      if (options.verbose) {
        std::lock_guard<std::mutex> lock(printMutex);
        std::cout << (outcomes[i].passed ? "PASS " : "FAIL ")
                  << cases[i]->name
                  << (outcomes[i].passed ? "" : ": " + outcomes[i].reason)
                  << std::endl;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::min<int>(jobs, int(cases.size())); ++t)
    threads.emplace_back(worker);
  for (std::thread &t : threads)
    t.join();

  // Per-op table.
  struct Counts {
    int passed = 0, failed = 0;
  };
  std::map<std::string, Counts> byOp;
  int passed = 0, failed = 0;
  for (const Outcome &o : outcomes) {
    Counts &counts = byOp[o.c->operation];
    (o.passed ? counts.passed : counts.failed)++;
    (o.passed ? passed : failed)++;
  }
  std::cout << "operation                  cases  passed  failed\n";
  for (const auto &[op, counts] : byOp) {
    char line[128];
    std::snprintf(line, sizeof(line), "%-25s %6d %7d %7d\n", op.c_str(),
                  counts.passed + counts.failed, counts.passed, counts.failed);
    std::cout << line;
  }
  for (const Outcome &o : outcomes)
    if (!o.passed)
      std::cout << "FAIL " << o.c->name << ": " << o.reason << "\n";

  int status = failed ? 1 : 0;
  if (!options.knownFailures.empty()) {
    bool ok = false;
    std::map<std::string, std::string> known =
        readKnownFailures(options.knownFailures, ok);
    if (!ok) {
      std::cerr << "webnnc-conformance: cannot read '" << options.knownFailures
                << "'\n";
      return 2;
    }
    int unexpected = 0, fixed = 0;
    std::set<std::string> run;
    for (const Outcome &o : outcomes) {
      run.insert(o.c->name);
      bool isKnown = known.count(o.c->name) != 0;
      if (!o.passed && !isKnown) {
        ++unexpected;
        std::cout << "UNEXPECTED FAILURE " << o.c->name << "\n";
      } else if (o.passed && isKnown) {
        ++fixed;
        std::cout << "UNEXPECTED PASS " << o.c->name
                  << " (remove it from the known failures)\n";
      }
    }
    std::cout << "known failures: " << (failed - unexpected)
              << ", unexpected failures: " << unexpected
              << ", unexpected passes: " << fixed << "\n";
    status = unexpected || fixed ? 1 : 0;
  }
  if (!options.dumpOutputs.empty() &&
      !writeOutputs(options.dumpOutputs, outcomes)) {
    std::cerr << "webnnc-conformance: cannot write '" << options.dumpOutputs
              << "'\n";
    status = 2;
  }
  if (!options.markdown.empty()) {
    std::ofstream md(options.markdown);
    md << "| operation | cases | passed | failed |\n|---|---:|---:|---:|\n";
    for (const auto &[op, counts] : byOp)
      md << "| " << op << " | " << counts.passed + counts.failed << " | "
         << counts.passed << " | " << counts.failed << " |\n";
    md << "| **total** | " << passed + failed << " | " << passed << " | "
       << failed << " |\n";
    if (!md)
      status = 2;
  }
  std::cout << passed << " passed, " << failed << " failed" << std::endl;
  return status;
}

} // namespace webnnc::wpt
