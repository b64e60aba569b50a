// SPDX-License-Identifier: Apache-2.0
// Helpers for end-to-end tests.
#include "E2ETestUtils.h"

#include <cmath>
#include <cstring>
#include <random>
#include <sstream>

#include "webnnc/Driver/ObjectLoader.h"
#include "webnnc/runtime/webnnc.h"

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
webnnc_tensor_t toTensor(const NamedOperand &operand, HostTensor &t) {
  webnnc_tensor_t tensor{};
  tensor.name = operand.name.c_str();
  tensor.data_type = static_cast<webnnc_data_type_t>(t.dataType());
  tensor.rank = static_cast<uint32_t>(t.shape().size());
  for (size_t d = 0; d < t.shape().size(); ++d)
    tensor.dims[d] = t.shape()[d];
  tensor.data = t.data();
  tensor.byte_length = t.byteSize();
  return tensor;
}
} // namespace

Expected<std::unique_ptr<CompiledTestModel>, std::string>
CompiledTestModel::compile(Graph &graph, CompileOptions options) {
  if (options.modelName == "model")
    options.modelName = "test";
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
  std::map<std::string, HostTensor> in = inputs;
  std::vector<webnnc_tensor_t> inTensors, outTensors;
  for (const NamedOperand &operand : compiled_.inputs) {
    auto it = in.find(operand.name);
    if (it == in.end())
      return "test gives no input '" + operand.name + "'";
    inTensors.push_back(toTensor(operand, it->second));
  }
  std::vector<HostTensor> outputs;
  for (const NamedOperand &operand : compiled_.outputs)
    outputs.emplace_back(operand.descriptor);
  for (size_t i = 0; i < outputs.size(); ++i)
    outTensors.push_back(toTensor(compiled_.outputs[i], outputs[i]));

  webnnc_thread_pool_t *pool = nullptr;
  if (threads > 1)
    webnnc_thread_pool_create(threads, webnnc_allocator_system(), &pool);
  webnnc_executor_options_t executorOptions{};
  executorOptions.thread_pool = pool;
  webnnc_executor_t *executor = nullptr;
  std::string error;
  if (webnnc_executor_create(loaded_->model(), &executorOptions, &executor))
    error = "cannot create an executor";
  else if (webnnc_executor_compute(executor, inTensors.data(), inTensors.size(),
                                   outTensors.data(), outTensors.size()))
    error = webnnc_executor_last_error(executor);
  webnnc_executor_destroy(executor);
  webnnc_thread_pool_release(pool);
  if (!error.empty())
    return error;
  return outputs;
}

Expected<std::vector<HostTensor>, std::string>
compileAndRun(Graph &graph, const std::map<std::string, HostTensor> &inputs,
              CompileOptions options, int threads) {
  auto model = CompiledTestModel::compile(graph, std::move(options));
  if (!model)
    return model.error();
  return (*model)->run(inputs, threads);
}

std::string compare(const HostTensor &actual, const HostTensor &expected,
                    double rtol, double atol) {
  if (actual.descriptor() != expected.descriptor())
    return "descriptor " + spec::toString(actual.descriptor()) +
           " != expected " + spec::toString(expected.descriptor());
  std::ostringstream os;
  int mismatches = 0;
  bool integer = !spec::isFloatingPoint(actual.dataType());
  for (size_t i = 0; i < actual.elementCount(); ++i) {
    bool ok;
    if (integer) {
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
