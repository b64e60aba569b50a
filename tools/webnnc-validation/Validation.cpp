// SPDX-License-Identifier: Apache-2.0
// The validation cases through the frontend: each becomes a one-operator
// WPT case (arguments in the method's positional order, the rest as
// options) that the conformance runner's graph builder builds.
#include "Validation.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "../webnnc-conformance/WptGraph.h"
#include "../webnnc-conformance/WptSignatures.h"
#include "llvm/Support/JSON.h"

namespace webnnc::wpt {
namespace json = llvm::json;

namespace {

// One validation case made runnable: the JSON it points into, and the
// WPT case built from it.
struct Prepared {
  std::string name;
  std::string method;
  bool throws = false;
  std::string label;
  std::vector<spec::OperandDescriptor> outputs; // when it must succeed
  std::unique_ptr<json::Array> arguments;       // owned argument objects
  Case c;
  std::string error; // the runner could not read the case
};

Expected<spec::OperandDescriptor, std::string>
descriptorOf(const json::Value &value) {
  const json::Object *o = value.getAsObject();
  if (!o)
    return std::string("a descriptor must be an object");
  auto type = o->getString("dataType");
  if (!type)
    return std::string("a descriptor needs 'dataType'");
  auto parsed = spec::parseDataType(*type);
  if (!parsed)
    return "data type '" + type->str() + "' is not one webnnc has";
  spec::OperandDescriptor desc{*parsed, {}};
  const json::Array *shape = o->getArray("shape");
  if (!shape)
    shape = o->getArray("dimensions");
  if (!shape)
    return std::string("a descriptor needs 'shape'");
  for (const json::Value &d : *shape) {
    auto n = d.getAsInteger();
    if (!n)
      return std::string("a shape holds integers");
    desc.shape.push_back(*n);
  }
  return desc;
}

bool isDescriptor(const json::Value &v) {
  const json::Object *o = v.getAsObject();
  return o && o->get("dataType") && (o->get("shape") || o->get("dimensions"));
}

// Adds a graph input named |name| of |descriptor| to |c| (zeros: only the
// descriptor matters). Invalid descriptors (a 0 dimension) still make an
// input: the builder is what must reject them.
void addInput(Case &c, const std::string &name,
              const spec::OperandDescriptor &desc) {
  Tensor t;
  t.descriptor = desc;
  bool valid = true;
  for (int64_t d : desc.shape)
    valid &= d > 0 && d <= (int64_t(1) << 31);
  if (valid && spec::elementCount(desc.shape) <= (int64_t(1) << 24))
    t.value = HostTensor(desc);
  else
    t.value = HostTensor(spec::OperandDescriptor{desc.dataType, {}});
  t.descriptor = desc;
  c.inputs[name] = std::move(t);
}

// The methods a file's builder calls name.
std::vector<std::string> methodsOf(const json::Object &root) {
  std::vector<std::string> methods;
  static const std::regex call(R"(builder\.(\w+)\()");
  if (const json::Array *calls = root.getArray("calls"))
    for (const json::Value &v : *calls) {
      std::string text = v.getAsString().value_or("").str();
      std::smatch m;
      if (std::regex_search(text, m, call)) {
        if (std::find(methods.begin(), methods.end(), m[1].str()) ==
            methods.end())
          methods.push_back(m[1]);
      } else if (text.find("builder[operatorName]") != std::string::npos) {
        methods = {"averagePool2d", "l2Pool2d", "maxPool2d"};
      }
    }
  return methods;
}

Prepared prepare(const json::Object &test, const std::string &method) {
  Prepared p;
  p.name = test.getString("name").value_or("").str();
  p.method = method;
  p.throws = test.getBoolean("throws").value_or(false);
  p.c.name = p.name;
  p.c.operation = method;
  const json::Object *inputs = test.getObject("inputs");
  const json::Object *arguments = test.getObject("arguments");
  const json::Object *options = test.getObject("options");
  if (inputs)
    for (const auto &[name, value] : *inputs) {
      auto desc = descriptorOf(value);
      if (!desc) {
        p.error = "input '" + name.str() + "': " + desc.error();
        return p;
      }
      addInput(p.c, name.str(), *desc);
    }
  const std::vector<std::string> *parameters = parametersOf(method);
  if (!parameters) {
    p.error = "method '" + method + "' is not known to the runner";
    return p;
  }
  // Positional parameters from the inputs and arguments; what is left of
  // the arguments goes into the options (gatherElements' axis...).
  p.arguments = std::make_unique<json::Array>();
  std::set<std::string> used;
  for (const std::string &parameter : *parameters) {
    std::string key = parameter.substr(0, parameter.find('|'));
    json::Value value = nullptr;
    if (inputs && inputs->get(key)) {
      value = key;
    } else if (arguments && arguments->get(key)) {
      value = *arguments->get(key);
    } else {
      break; // not given: the call has fewer arguments
    }
    used.insert(key);
    p.arguments->push_back(json::Object{{key, std::move(value)}});
  }
  json::Object merged;
  if (options)
    for (const auto &[key, value] : *options) {
      if (isDescriptor(value)) { // an operand option stands for an input
        auto desc = descriptorOf(value);
        if (!desc) {
          p.error = "option '" + key.str() + "': " + desc.error();
          return p;
        }
        addInput(p.c, key.str(), *desc);
        merged[key] = key.str();
        continue;
      }
      if (key == "label")
        p.label = value.getAsString().value_or("").str();
      merged[key] = value;
    }
  if (arguments)
    for (const auto &[key, value] : *arguments)
      if (!used.count(key.str()))
        merged[key] = value;
  p.arguments->push_back(json::Object{{"options", std::move(merged)}});

  Operator op;
  op.name = method;
  for (json::Value &argument : *p.arguments) {
    json::Object *object = argument.getAsObject();
    op.arguments.push_back({object->begin()->first.str(),
                            &object->begin()->second});
  }
  std::vector<const json::Value *> outputs;
  if (const json::Value *one = test.get("output"))
    outputs.push_back(one);
  if (const json::Array *many = test.getArray("outputs"))
    for (const json::Value &v : *many)
      outputs.push_back(&v);
  for (size_t i = 0; i < outputs.size(); ++i) {
    auto desc = descriptorOf(*outputs[i]);
    if (!desc) {
      p.error = "output: " + desc.error();
      return p;
    }
    p.outputs.push_back(*desc);
    std::string name = "output" + std::to_string(i);
    op.outputs.push_back(name);
    p.c.expected[name] = HostTensor(spec::OperandDescriptor{desc->dataType, {}});
  }
  if (outputs.empty()) // a throwing call still names its result
    op.outputs.push_back("output0");
  p.c.operators.push_back(std::move(op));
  return p;
}

// "" if the case behaved as WPT expects, else why not.
std::string check(const Prepared &p) {
  if (!p.error.empty())
    return "runner: " + p.error;
  auto built = buildCase(p.c);
  if (p.throws) {
    if (built)
      return "built, but WPT expects the call to throw";
    if (!built.error().byBuilder)
      return "runner: " + built.error().message;
    if (!p.label.empty() &&
        built.error().message.find(p.label) == std::string::npos)
      return "the error does not name the label '" + p.label +
             "': " + built.error().message;
    return "";
  }
  if (!built)
    return (built.error().byBuilder ? "rejected: " : "runner: ") +
           built.error().message;
  std::vector<NamedOperand> outputs = built->graph.outputs();
  std::map<std::string, spec::OperandDescriptor> got;
  for (const NamedOperand &o : outputs)
    got[o.name] = o.descriptor;
  for (size_t i = 0; i < p.outputs.size(); ++i) {
    auto it = got.find("output" + std::to_string(i));
    if (it == got.end())
      return "output " + std::to_string(i) + " missing";
    if (it->second != p.outputs[i])
      return "output " + std::to_string(i) + " is " +
             spec::toString(it->second) + ", WPT expects " +
             spec::toString(p.outputs[i]);
  }
  return "";
}

std::vector<std::string> jsonFiles(const std::vector<std::string> &paths,
                                   bool &missing) {
  std::vector<std::string> files;
  for (const std::string &path : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      missing = true;
      continue;
    }
    if (std::filesystem::is_directory(path, ec)) {
      for (const auto &entry : std::filesystem::directory_iterator(path))
        if (entry.path().extension() == ".json")
          files.push_back(entry.path().string());
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::map<std::string, std::string> readKnownFailures(const std::string &path) {
  std::map<std::string, std::string> known;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    size_t bar = line.find(" | ");
    known[line.substr(0, bar)] =
        bar == std::string::npos ? "" : line.substr(bar + 3);
  }
  return known;
}

} // namespace

int runValidation(const ValidationOptions &options) {
  bool missing = false;
  std::vector<std::string> files = jsonFiles(options.paths, missing);
  if (missing && options.skipMissing) {
    std::printf("SKIPPED: a validation path does not exist (the WPT cases "
                "live in ../shared/data/wpt-validation)\n");
    return 77;
  }
  int passed = 0, failed = 0;
  std::map<std::string, std::pair<int, int>> perFile;
  std::vector<std::pair<std::string, std::string>> failures;
  for (const std::string &file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    llvm::Expected<json::Value> document = json::parse(text.str());
    if (!document) {
      std::printf("FAIL %s: %s\n", file.c_str(),
                  llvm::toString(document.takeError()).c_str());
      ++failed;
      continue;
    }
    const json::Object *root = document->getAsObject();
    const json::Array *tests = root ? root->getArray("tests") : nullptr;
    if (!tests)
      continue;
    std::vector<std::string> methods = methodsOf(*root);
    std::string stem = std::filesystem::path(file).stem().string();
    for (const json::Value &t : *tests) {
      const json::Object *test = t.getAsObject();
      if (!test)
        continue;
      for (const std::string &method : methods) {
        Prepared p = prepare(*test, method);
        std::string name = methods.size() > 1 ? method + " " + p.name : p.name;
        if (!options.filter.empty() &&
            name.find(options.filter) == std::string::npos)
          continue;
        std::string why = check(p);
        auto &counts = perFile[stem];
        if (why.empty()) {
          ++passed, ++counts.first;
          if (options.verbose)
            std::printf("PASS %s\n", name.c_str());
        } else {
          ++failed, ++counts.second;
          failures.push_back({name, why});
          std::printf("FAIL %s: %s\n", name.c_str(), why.c_str());
        }
      }
    }
  }
  int exitCode = failed ? 1 : 0;
  if (!options.knownFailures.empty()) {
    auto known = readKnownFailures(options.knownFailures);
    std::set<std::string> actual;
    for (const auto &[name, why] : failures)
      actual.insert(name);
    bool same = actual.size() == known.size();
    for (const auto &[name, why] : failures)
      if (!known.count(name)) {
        std::printf("UNEXPECTED FAILURE %s\n", name.c_str());
        same = false;
      }
    for (const auto &[name, why] : known)
      if (!actual.count(name)) {
        std::printf("FIXED (remove from the known failures) %s\n",
                    name.c_str());
        same = false;
      }
    exitCode = same ? 0 : 1;
  }
  if (!options.markdown.empty()) {
    std::ofstream md(options.markdown);
    md << "| file | behave as WPT expects | do not |\n|---|---:|---:|\n";
    for (const auto &[stem, counts] : perFile)
      md << "| " << stem << " | " << counts.first << " | " << counts.second
         << " |\n";
    if (!failures.empty()) {
      md << "\n| case | why |\n|---|---|\n";
      for (const auto &[name, why] : failures)
        md << "| " << name << " | " << why << " |\n";
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return exitCode;
}

} // namespace webnnc::wpt
