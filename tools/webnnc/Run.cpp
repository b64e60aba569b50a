// SPDX-License-Identifier: Apache-2.0
// `webnnc run INPUT --input NAME=FILE.npy ... --output-dir DIR [--bench N]`.
#include <cstdio>
#include <filesystem>

#include "Commands.h"
#include "webnnc/Codegen/EmitHeader.h"
#include "webnnc/Driver/ObjectLoader.h"
#include "webnnc/Import/OnnxImporter.h"
#include "webnnc/Reference/Evaluator.h"

namespace webnnc::tool {

namespace {

int fail(const std::string &message) {
  std::fprintf(stderr, "webnnc run: %s\n", message.c_str());
  return 1;
}

// The --input files, by name.
Expected<std::map<std::string, HostTensor>, std::string>
readInputFiles(const RunCommand &command) {
  std::map<std::string, HostTensor> inputs;
  for (const std::string &item : command.inputs) {
    size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      return "--input '" + item + "' must be NAME=FILE.npy (or FILE.pb, an "
             "ONNX TensorProto)";
    std::string name = item.substr(0, eq), file = item.substr(eq + 1);
    if (std::filesystem::path(file).extension() == ".pb") {
      auto tensor = readOnnxTensorFile(file);
      if (!tensor)
        return tensor.error();
      inputs[name] = std::move(tensor->tensor);
      continue;
    }
    auto tensor = readNpy(file);
    if (!tensor)
      return tensor.error();
    inputs[name] = std::move(*tensor);
  }
  return inputs;
}

// The given inputs, checked against the graph's.
Expected<std::map<std::string, HostTensor>, std::string>
checkInputs(std::map<std::string, HostTensor> inputs,
            const std::vector<NamedOperand> &wanted) {
  for (const NamedOperand &operand : wanted) {
    auto it = inputs.find(operand.name);
    if (it == inputs.end())
      return "missing --input " + operand.name + "=FILE.npy (" +
             spec::toString(operand.descriptor) + ")";
    // Open dimensions take any size here; compute checks them.
    const spec::OperandDescriptor &given = it->second.descriptor();
    bool fits = given.dataType == operand.descriptor.dataType &&
                given.rank() == operand.descriptor.rank();
    for (size_t d = 0; fits && d < given.rank(); ++d)
      fits = spec::isOpen(operand.descriptor.shape[d]) ||
             given.shape[d] == operand.descriptor.shape[d];
    if (!fits)
      return "input '" + operand.name + "' must be " +
             spec::toString(operand.descriptor) + ", the file holds " +
             spec::toString(it->second.descriptor());
  }
  for (const auto &[name, tensor] : inputs) {
    bool known = false;
    for (const NamedOperand &operand : wanted)
      known |= operand.name == name;
    if (!known)
      return "the graph has no input '" + name + "'";
  }
  return inputs;
}

} // namespace

int runRun(RunCommand &command) {
  auto files = readInputFiles(command);
  if (!files)
    return fail(files.error());
  // An ONNX model's symbolic dimensions take the sizes of the inputs given
  // (unless --dim or --input-shape size them): compiled for these sizes.
  std::map<std::string, spec::Shape> shapes;
  for (const auto &[name, tensor] : *files)
    shapes[name] = tensor.shape();
  const auto &progress = command.options.onProgress;
  if (progress)
    progress("importing", 0, 0);
  auto graph = loadGraph(command.input, command.import, command.options,
                         shapes);
  if (!graph) {
    if (progress)
      progress("", 0, 0);
    return fail(graph.error());
  }
  CompileOptions &options = command.options;
  if (options.modelName == "model")
    options.modelName = defaultModelName("", command.input);

  std::vector<NamedOperand> inputNames, outputNames;
  std::vector<HostTensor> outputs;
  if (command.reference) {
    if (command.bench || command.benchServe)
      return fail("--bench times compiled models; it does not apply to "
                  "--reference");
    auto warnings = prune(*graph, options.outputs);
    if (!warnings)
      return fail(warnings.error());
    for (const std::string &warning : *warnings)
      std::fprintf(stderr, "%s\n", warning.c_str());
    inputNames = graph->inputs();
    outputNames = graph->outputs();
    for (const NamedOperand &input : inputNames)
      if (spec::hasOpenDims(input.descriptor.shape))
        return fail("--reference evaluates graphs with static shapes only; "
                    "input '" + input.name + "' has open dimensions " +
                    spec::toString(input.descriptor.shape));
    auto inputs = checkInputs(std::move(*files), inputNames);
    if (!inputs)
      return fail(inputs.error());
    auto result = reference::evaluate(*graph, *inputs);
    if (!result)
      return fail(result.error());
    outputs = std::move(*result);
  } else {
    auto compiled = compile(*graph, options);
    if (progress)
      progress("", 0, 0);
    if (!compiled)
      return fail(compiled.error());
    for (const std::string &warning : compiled->warnings)
      std::fprintf(stderr, "%s\n", warning.c_str());
    inputNames = compiled->inputs;
    outputNames = compiled->outputs;
    auto inputs = checkInputs(std::move(*files), inputNames);
    if (!inputs)
      return fail(inputs.error());
    auto loaded = LoadedModel::load(compiled->artifact, options.modelName);
    if (!loaded)
      return fail(loaded.error());
    auto session = (*loaded)->open(*inputs, command.threads);
    if (!session)
      return fail(session.error());
    std::string error = (*session)->run();
    if (error.empty() && (command.bench || command.benchServe))
      error = benchmark(**session, command);
    if (!error.empty())
      return fail(error);
    outputs = (*session)->outputs();
  }

  std::error_code ignored;
  std::filesystem::create_directories(command.outputDir, ignored);
  for (size_t i = 0; i < outputs.size(); ++i) {
    std::string path = command.outputDir + "/" +
                       toCIdentifier(outputNames[i].name) + ".npy";
    std::string error = writeNpy(path, outputs[i]);
    if (!error.empty())
      return fail(error);
    std::printf("%s: %s -> %s\n", outputNames[i].name.c_str(),
                spec::toString(outputs[i].descriptor()).c_str(), path.c_str());
  }
  return 0;
}

} // namespace webnnc::tool
