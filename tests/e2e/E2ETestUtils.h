// SPDX-License-Identifier: Apache-2.0
// Helpers for end-to-end tests: compile a graph through the full pipeline,
// load the object, compute, and compare with the reference evaluator.
#ifndef WEBNNC_TESTS_E2E_E2ETESTUTILS_H_
#define WEBNNC_TESTS_E2E_E2ETESTUTILS_H_

#include <map>
#include <string>
#include <vector>

#include "webnnc/Driver/Compiler.h"
#include "webnnc/Graph/Graph.h"
#include "webnnc/Driver/ObjectLoader.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc::test {

// Random inputs for |graph|'s inputs: floats uniform in [lo, hi], integers
// uniform in the intersection of [lo, hi] and their type's range.
std::map<std::string, HostTensor> randomInputs(const Graph &graph,
                                               unsigned seed, double lo = -2,
                                               double hi = 2);

// A graph compiled and loaded into this process, ready to compute.
class CompiledTestModel {
public:
  // Compiles |graph| (consumed) with |options| and loads the object.
  static Expected<std::unique_ptr<CompiledTestModel>, std::string>
  compile(Graph &graph, CompileOptions options = {});
  ~CompiledTestModel();

  // Computes on |inputs| (by name) with |threads| threads; outputs in the
  // model's order.
  Expected<std::vector<HostTensor>, std::string>
  run(const std::map<std::string, HostTensor> &inputs, int threads = 1);

  const CompiledModel &compiled() const { return compiled_; }
  // The loaded model's descriptor, for calling the runtime API directly.
  const webnnc_model_t *model() const { return loaded_->model(); }

private:
  CompiledModel compiled_;
  std::unique_ptr<LoadedModel> loaded_;
};

// Compiles |graph| (consumed) with |options|, loads the object in this
// process and computes it on |inputs| with |threads| threads. With
// $WEBNNC_TEST_TARGET set (e.g. aarch64) and options.target left at host,
// compiles for that target instead; a cross target's model is computed
// under its emulator (computeEmulated). With $WEBNNC_TEST_DETERMINISM=1,
// computeDeterministic's check instead (|threads| then unused).
Expected<std::vector<HostTensor>, std::string>
compileAndRun(Graph &graph, const std::map<std::string, HostTensor> &inputs,
              CompileOptions options = {}, int threads = 1);

// The determinism check (CompileOptions::deterministic): |graph| (consumed)
// compiled deterministic for x86-64-v3, x86-64-v4 and host, each computed
// on |inputs| at 1, 2 and 3 threads, twice. Returns the first outputs if
// every run's outputs have the same bits, else an error naming the first
// output and run that differ. Also what compileAndRun does with
// $WEBNNC_TEST_DETERMINISM=1 (the agreement suite run that way).
Expected<std::vector<HostTensor>, std::string>
computeDeterministic(Graph &graph,
                     const std::map<std::string, HostTensor> &inputs,
                     CompileOptions options = {});

// Checks |actual| against |expected| element by element: integers exactly
// (or within |integerSteps|), floats within |atol| + |rtol| * |expected|
// (NaN matches NaN). Returns "" or a description of the first mismatches.
std::string compare(const HostTensor &actual, const HostTensor &expected,
                    double rtol, double atol, int64_t integerSteps = 0);

} // namespace webnnc::test

#endif // WEBNNC_TESTS_E2E_E2ETESTUTILS_H_
