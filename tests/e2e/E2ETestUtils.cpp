// SPDX-License-Identifier: Apache-2.0
// Helpers for end-to-end tests.
#include "E2ETestUtils.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <sstream>

#include "webnnc/Driver/EmulatedModel.h"
#include "webnnc/Driver/ObjectLoader.h"
#include "webnnc/Codegen/Target.h"

namespace webnnc::test {

std::map<std::string, HostTensor> randomInputs(const Graph &graph,
                                               unsigned seed, double lo,
                                               double hi) {
  std::mt19937 rng(seed);
  std::map<std::string, HostTensor> inputs;
  for (const NamedOperand &input : graph.inputs()) {
    HostTensor t(input.descriptor);
    spec::DataType type = input.descriptor.dataType;
    double tlo = lo, thi = hi;
    if (!spec::isFloatingPoint(type)) {
      if (!spec::isSigned(type))
        tlo = std::max(tlo, 0.0);
      if (type == spec::DataType::Int8)
        tlo = std::max(tlo, -128.0), thi = std::min(thi, 127.0);
      if (type == spec::DataType::Uint8)
        thi = std::min(thi, 255.0);
    }
    std::uniform_real_distribution<double> real(tlo, thi);
    for (size_t i = 0; i < t.elementCount(); ++i) {
      double v = real(rng);
      t.set(i, spec::isFloatingPoint(type) ? v : std::round(v));
    }
    inputs.emplace(input.name, std::move(t));
  }
  return inputs;
}


namespace {
// Test models are named "test" unless a test names them.
CompileOptions withTestName(CompileOptions options) {
  if (options.modelName == "model")
    options.modelName = "test";
  return options;
}
} // namespace

Expected<std::unique_ptr<CompiledTestModel>, std::string>
CompiledTestModel::compile(Graph &graph, CompileOptions options) {
  options = withTestName(std::move(options));
  auto compiled = webnnc::compile(graph, options);
  if (!compiled)
    return compiled.error();
  auto loaded = LoadedModel::load(compiled->artifact, options.modelName);
  if (!loaded)
    return loaded.error();
  std::unique_ptr<CompiledTestModel> model(new CompiledTestModel());
  model->compiled_ = std::move(*compiled);
  model->loaded_ = std::move(*loaded);
  return model;
}

CompiledTestModel::~CompiledTestModel() = default;

Expected<std::vector<HostTensor>, std::string>
CompiledTestModel::run(const std::map<std::string, HostTensor> &inputs,
                       int threads) {
  return loaded_->compute(inputs, threads);
}

Expected<std::vector<HostTensor>, std::string>
computeDeterministic(Graph &graph,
                     const std::map<std::string, HostTensor> &inputs,
                     CompileOptions options) {
  // One independent copy of the graph per target: compile() consumes its
  // graph (and frees its weights).
  std::string text = graph.toMlir();
  options.deterministic = true;
  std::vector<HostTensor> first;
  std::string firstRun;
  for (const char *target : {"x86-64-v3", "x86-64-v4", "host"}) {
    auto copy = Graph::parse(text, "determinism-check");
    if (!copy)
      return "cannot re-read the graph: " + copy.error();
    options.target = target;
    auto model = CompiledTestModel::compile(*copy, options);
    if (!model)
      return model.error();
    for (int repeat = 0; repeat < 2; ++repeat)
      for (int threads : {1, 2, 3}) {
        auto outputs = (*model)->run(inputs, threads);
        if (!outputs)
          return outputs.error();
        std::string run =
            std::string(target) + " at " + std::to_string(threads) + " threads";
        if (firstRun.empty()) {
          first = std::move(*outputs);
          firstRun = run;
          continue;
        }
        for (size_t i = 0; i < first.size(); ++i)
          if (size_t n = countDifferingBits(first[i], (*outputs)[i]))
            return "not deterministic: output '" +
                   (*model)->compiled().outputs[i].name + "' on " + run +
                   " differs from " + firstRun + " in " + std::to_string(n) +
                   " of " + std::to_string(first[i].elementCount()) +
                   " elements";
      }
  }
  return first;
}

Expected<std::vector<HostTensor>, std::string>
compileAndRun(Graph &graph, const std::map<std::string, HostTensor> &inputs,
              CompileOptions options, int threads) {
  if (const char *check = std::getenv("WEBNNC_TEST_DETERMINISM");
      check && std::string(check) == "1" && options.target == "host")
    return computeDeterministic(graph, inputs, std::move(options));
  if (const char *crossTarget = std::getenv("WEBNNC_TEST_TARGET");
      crossTarget && *crossTarget && options.target == "host") {
    auto target = resolveTarget(crossTarget);
    if (!target)
      return target.error();
    options.target = crossTarget;
    if (!target->isNative()) {
      options = withTestName(std::move(options));
      auto compiled = webnnc::compile(graph, options);
      if (!compiled)
        return compiled.error();
      auto outputs = computeEmulated(compiled->artifact, options.modelName,
                                     *target, inputs, threads);
      if (!outputs)
        return outputs.error();
      std::vector<HostTensor> tensors;
      for (NamedTensor &output : *outputs)
        tensors.push_back(std::move(output.tensor));
      return tensors;
    }
  }
  auto model = CompiledTestModel::compile(graph, std::move(options));
  if (!model)
    return model.error();
  return (*model)->run(inputs, threads);
}

std::string compare(const HostTensor &actual, const HostTensor &expected,
                    double rtol, double atol, int64_t integerSteps) {
  if (actual.descriptor() != expected.descriptor())
    return "descriptor " + spec::toString(actual.descriptor()) +
           " != expected " + spec::toString(expected.descriptor());
  std::ostringstream os;
  int mismatches = 0;
  bool integer = !spec::isFloatingPoint(actual.dataType());
  for (size_t i = 0; i < actual.elementCount(); ++i) {
    bool ok;
    if (spec::isFourBit(actual.dataType())) {
      ok = actual.at(i) == expected.at(i); // packed: compare the values
    } else if (integer && integerSteps > 0) {
      ok = std::fabs(actual.at(i) - expected.at(i)) <= double(integerSteps);
    } else if (integer) {
      // Compare the bit patterns: exact, including 64-bit values.
      size_t bytes = spec::byteSize(actual.dataType());
      ok = std::memcmp(actual.data() + i * bytes, expected.data() + i * bytes,
                       bytes) == 0;
    } else {
      double a = actual.at(i), e = expected.at(i);
      ok = (std::isnan(a) && std::isnan(e)) || a == e ||
           std::fabs(a - e) <= atol + rtol * std::fabs(e);
    }
    if (!ok && mismatches++ < 5)
      os << "[" << i << "] " << actual.at(i) << " vs expected "
         << expected.at(i) << "; ";
  }
  if (mismatches)
    os << mismatches << " of " << actual.elementCount() << " differ";
  return os.str();
}

} // namespace webnnc::test
