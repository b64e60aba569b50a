// SPDX-License-Identifier: Apache-2.0
// Computing a cross-compiled model under an emulator.
#include "webnnc/Driver/EmulatedModel.h"

#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "model_runner_format.h"
#include "webnnc/Support/Subprocess.h"
#include "webnnc/runtime/types.h"

namespace webnnc {

namespace {

template <typename T> void put(std::ofstream &out, const T &value) {
  out.write(reinterpret_cast<const char *>(&value), sizeof(T));
}

template <typename T> bool get(std::ifstream &in, T &value) {
  return bool(in.read(reinterpret_cast<char *>(&value), sizeof(T)));
}

std::string writeRequest(const std::string &path,
                         const std::map<std::string, HostTensor> &inputs) {
  std::ofstream out(path, std::ios::binary);
  put(out, webnnc_runner_header_t{WEBNNC_RUNNER_REQUEST_MAGIC,
                                  uint32_t(inputs.size())});
  for (const auto &[name, tensor] : inputs) {
    webnnc_runner_record_t record{};
    record.name_length = uint32_t(name.size());
    record.data_type = uint32_t(tensor.dataType());
    record.rank = uint32_t(tensor.shape().size());
    record.byte_length = tensor.byteSize();
    put(out, record);
    out.write(name.data(), std::streamsize(name.size()));
    for (int64_t d : tensor.shape())
      put(out, d);
    out.write(reinterpret_cast<const char *>(tensor.data()),
              std::streamsize(tensor.byteSize()));
  }
  out.close();
  return out ? "" : "cannot write '" + path + "'";
}

Expected<std::vector<NamedTensor>, std::string>
readResponse(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  webnnc_runner_header_t header{};
  if (!get(in, header) || header.magic != WEBNNC_RUNNER_RESPONSE_MAGIC)
    return "the model runner wrote no response to '" + path + "'";
  std::vector<NamedTensor> outputs;
  for (uint32_t i = 0; i < header.count; ++i) {
    webnnc_runner_record_t record{};
    if (!get(in, record) || record.rank > WEBNNC_MAX_RANK || record.name_length > 4096)
      return std::string("a malformed record in the model runner's response");
    std::string name(record.name_length, '\0');
    in.read(name.data(), std::streamsize(name.size()));
    spec::Shape shape(record.rank);
    for (int64_t &d : shape)
      get(in, d);
    HostTensor tensor(
        spec::OperandDescriptor{spec::DataType(record.data_type), shape});
    if (tensor.byteSize() != record.byte_length)
      return "output '" + name + "' holds " +
             std::to_string(record.byte_length) + " bytes for shape " +
             spec::toString(shape);
    in.read(reinterpret_cast<char *>(tensor.data()),
            std::streamsize(record.byte_length));
    if (!in)
      return std::string("the model runner's response is truncated");
    outputs.push_back({std::move(name), std::move(tensor)});
  }
  return outputs;
}

} // namespace

Expected<std::string, std::string> findCrossRuntime(const TargetInfo &target) {
  std::string arch =
      target.crossPrefix().substr(0, target.crossPrefix().find('-'));
  std::vector<std::string> candidates;
  std::string dir = executableDirectory();
  if (const char *env = std::getenv("WEBNNC_CROSS_RUNTIME_DIR"); env && *env)
    candidates.push_back(env); // the only place, when given
  else
    candidates = {dir + "/../runtime/" + arch,              // build tree
                  dir + "/../lib/" + target.crossPrefix()}; // install
  for (const std::string &path : candidates)
    if (access((path + "/libwebnnc_runtime.a").c_str(), R_OK) == 0 &&
        access((path + "/libwebnnc_model_runner.a").c_str(), R_OK) == 0)
      return path;
  std::string tried;
  for (const std::string &path : candidates)
    tried += " " + path;
  return "cannot find the " + target.crossPrefix() + " runtime (tried" + tried +
         "); build webnnc with the cross compiler installed, or set "
         "WEBNNC_CROSS_RUNTIME_DIR";
}

Expected<std::vector<NamedTensor>, std::string>
computeEmulated(const std::string &objectBytes, const std::string &modelName,
                const TargetInfo &target,
                const std::map<std::string, HostTensor> &inputs, int threads) {
  if (target.isNative())
    return std::string("computeEmulated is for cross-compiled models");
  auto runtime = findCrossRuntime(target);
  if (!runtime)
    return runtime.error();
  TemporaryDirectory temp;
  if (!temp.ok())
    return std::string("cannot create a temporary directory");
  std::string object = temp.path() + "/" + modelName + ".o";
  {
    std::ofstream out(object, std::ios::binary);
    out.write(objectBytes.data(), std::streamsize(objectBytes.size()));
    if (!out)
      return "cannot write '" + object + "'";
  }
  // Static: the emulator then needs no target root for a dynamic loader.
  std::string program = temp.path() + "/runner";
  std::vector<std::string> link = {
      environmentOr("WEBNNC_CROSS_CC", target.crossPrefix() + "-gcc"),
      "-static",
      "-o",
      program,
      "-Wl,--defsym=webnnc_model_to_run=webnnc_" + modelName + "_model",
      *runtime + "/libwebnnc_model_runner.a",
      object,
      *runtime + "/libwebnnc_runtime.a",
      "-lm",
      "-lpthread"};
  ProcessResult linked = runProcesses({link}, 1).front();
  if (linked.exitCode != 0)
    return "linking the model runner failed (" + link[0] +
           "): " + linked.output + " (needs the gcc-" + target.crossPrefix() +
           " package)";

  std::string request = temp.path() + "/request",
              response = temp.path() + "/response";
  std::string error = writeRequest(request, inputs);
  if (!error.empty())
    return error;
  std::vector<std::string> run = {
      environmentOr("WEBNNC_EMULATOR", "qemu-aarch64"), program, request,
      response, std::to_string(threads)};
  ProcessResult ran = runProcesses({run}, 1).front();
  if (ran.exitCode != 0) {
    std::string output = ran.output;
    while (!output.empty() && output.back() == '\n')
      output.pop_back();
    if (output.rfind("model runner: ", 0) == 0)
      output = output.substr(14);
    if (output.empty() || output.rfind("cannot run '", 0) == 0)
      return "cannot run '" + run[0] + "' (needs the qemu-user package)";
    return output;
  }
  return readResponse(response);
}

} // namespace webnnc
