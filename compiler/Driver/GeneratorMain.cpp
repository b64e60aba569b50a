// SPDX-License-Identifier: Apache-2.0
// A main() for graph generator programs.
#include "webnnc/Frontend/GeneratorMain.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "webnnc/Codegen/EmitHeader.h"
#include "webnnc/Driver/Compiler.h"

namespace webnnc {

namespace {

bool writeFile(const std::string &path, const std::string &data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), std::streamsize(data.size()));
  out.close();
  if (!out)
    std::fprintf(stderr, "cannot write '%s'\n", path.c_str());
  return bool(out);
}

std::vector<std::string> splitCommas(const std::string &text) {
  std::vector<std::string> items;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty())
      items.push_back(item);
  return items;
}

int usage(const char *program) {
  std::fprintf(stderr,
               "usage: %s -o OUTPUT(.mlir|.o) [--header FILE] [--name NAME] "
               "[--target host|x86-64-v3|x86-64-v4|aarch64[+dotprod][+fp16]] "
               "[--outputs a,b] "
               "[key=value...]\n",
               program);
  return 2;
}

} // namespace

int generatorMain(int argc, char **argv,
                  const std::function<GeneratorResult(const GeneratorParams &)>
                      &generate) {
  std::string output, header;
  CompileOptions options;
  std::map<std::string, std::string> params;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char * {
      return i + 1 < argc ? argv[++i] : nullptr;
    };
    const char *v = nullptr;
    if (arg == "-o" && (v = value()))
      output = v;
    else if (arg == "--header" && (v = value()))
      header = v;
    else if (arg == "--name" && (v = value()))
      options.modelName = v;
    else if (arg == "--target" && (v = value()))
      options.target = v;
    else if (arg == "--outputs" && (v = value()))
      options.outputs = splitCommas(v);
    else if (arg.find('=') != std::string::npos && arg[0] != '-')
      params[arg.substr(0, arg.find('='))] = arg.substr(arg.find('=') + 1);
    else
      return usage(argv[0]);
  }
  if (output.empty())
    return usage(argv[0]);

  GeneratorResult graph = generate(GeneratorParams(params));
  if (!graph) {
    std::fprintf(stderr, "%s: %s\n", argv[0], graph.error().message().c_str());
    return 1;
  }
  if (std::filesystem::path(output).extension() == ".mlir") {
    if (!options.outputs.empty()) {
      auto warnings = prune(*graph, options.outputs);
      if (!warnings) {
        std::fprintf(stderr, "%s\n", warnings.error().c_str());
        return 1;
      }
    }
    return writeFile(output, graph->toMlir()) ? 0 : 1;
  }
  if (options.modelName == "model")
    options.modelName =
        toCIdentifier(std::filesystem::path(output).stem().string());
  auto compiled = compile(*graph, options);
  if (!compiled) {
    std::fprintf(stderr, "%s\n", compiled.error().c_str());
    return 1;
  }
  for (const std::string &warning : compiled->warnings)
    std::fprintf(stderr, "%s\n", warning.c_str());
  if (!writeFile(output, compiled->artifact))
    return 1;
  if (!header.empty() && !writeFile(header, compiled->header))
    return 1;
  return 0;
}

} // namespace webnnc
