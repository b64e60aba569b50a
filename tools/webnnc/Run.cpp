// SPDX-License-Identifier: Apache-2.0
// `webnnc run INPUT --input NAME=FILE.npy ... --output-dir DIR [--bench N]`.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>


#include "Commands.h"
#include "ObjectCache.h"
#include "webnnc/Codegen/EmitHeader.h"
#include "webnnc/Driver/EmulatedModel.h"
#include "webnnc/Driver/KernelCache.h"
#include "webnnc/Driver/ObjectLoader.h"
#include "webnnc/Codegen/Target.h"
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

// The model operands a loaded model describes.
std::vector<NamedOperand> operandsOf(const webnnc_operand_info_t *operands,
                                     uint32_t count) {
  std::vector<NamedOperand> out;
  for (uint32_t i = 0; i < count; ++i) {
    spec::Shape shape(operands[i].dims, operands[i].dims + operands[i].rank);
    out.push_back({operands[i].name,
                   {spec::DataType(operands[i].data_type), shape}});
  }
  return out;
}

int writeOutputs(const RunCommand &command,
                 const std::vector<NamedOperand> &outputNames,
                 const std::vector<HostTensor> &outputs);

// A model compiled for another architecture: computed once under the
// emulator (timing it would measure the emulator, not the model).
int runEmulated(const RunCommand &command, const std::string &object,
                const TargetInfo &target,
                std::map<std::string, HostTensor> inputs) {
  if (command.bench || command.benchServe)
    return fail("--bench times models compiled for this machine; a model "
                "compiled for " +
                target.name + " runs under an emulator");
  auto outputs = computeEmulated(object, command.options.modelName, target,
                                 inputs, command.threads);
  if (!outputs)
    return fail(outputs.error());
  std::vector<NamedOperand> names;
  std::vector<HostTensor> tensors;
  for (NamedTensor &output : *outputs) {
    names.push_back({output.name, output.tensor.descriptor()});
    tensors.push_back(std::move(output.tensor));
  }
  return writeOutputs(command, names, tensors);
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
  CompileOptions &options = command.options;
  if (options.modelName == "model")
    options.modelName = defaultModelName("", command.input);

  std::vector<NamedOperand> inputNames, outputNames;
  std::vector<HostTensor> outputs;
  // Running a model again: the object compiled the last time, if the
  // model file, the flags and webnnc are the same.
  std::optional<ObjectCacheSlot> slot;
  std::optional<std::string> artifact;
  if (!command.reference) {
    slot = objectCacheSlot("run", command.input, command.options,
                           command.import, shapes);
    if (slot)
      artifact = slot->cache.load(slot->objectKey);
  }
  const auto &progress = options.onProgress;
  if (!artifact) {
    if (progress)
      progress("importing", 0, 0);
    auto graph = loadGraph(command.input, command.import, options, shapes);
    if (!graph) {
      if (progress)
        progress("", 0, 0);
      return fail(graph.error());
    }
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
          return fail("--reference evaluates graphs with static shapes "
                      "only; input '" + input.name + "' has open "
                      "dimensions " + spec::toString(input.descriptor.shape));
      auto inputs = checkInputs(std::move(*files), inputNames);
      if (!inputs)
        return fail(inputs.error());
      auto result = reference::evaluate(*graph, *inputs);
      if (!result)
        return fail(result.error());
      return writeOutputs(command, outputNames, *result);
    }
    auto compiled = compile(*graph, options);
    if (progress)
      progress("", 0, 0);
    if (!compiled)
      return fail(compiled.error());
    for (const std::string &warning : compiled->warnings)
      std::fprintf(stderr, "%s\n", warning.c_str());
    artifact = std::move(compiled->artifact);
    if (slot)
      slot->cache.store(slot->objectKey, *artifact);
  } else if (progress) {
    std::fprintf(stderr, "webnnc: the compiled model is reused from %s\n",
                 slot->cache.directory().c_str());
  }

  auto target = resolveTarget(options.target);
  if (!target)
    return fail(target.error());
  if (!target->isNative())
    return runEmulated(command, *artifact, *target, std::move(*files));

  auto loaded = LoadedModel::load(*artifact, options.modelName);
  if (!loaded)
    return fail(loaded.error());
  const webnnc_model_t *model = (*loaded)->model();
  inputNames = operandsOf(model->inputs, model->num_inputs);
  outputNames = operandsOf(model->outputs, model->num_outputs);
  auto inputs = checkInputs(std::move(*files), inputNames);
  if (!inputs)
    return fail(inputs.error());
  auto session = (*loaded)->open(*inputs, command.threads);
  if (!session)
    return fail(session.error());
  std::string error = (*session)->run();
  if (error.empty() && (command.bench || command.benchServe))
    error = benchmark(**session, command);
  if (!error.empty())
    return fail(error);
  return writeOutputs(command, outputNames, (*session)->outputs());
}

namespace {

int writeOutputs(const RunCommand &command,
                 const std::vector<NamedOperand> &outputNames,
                 const std::vector<HostTensor> &outputs) {
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

} // namespace
} // namespace webnnc::tool
