// SPDX-License-Identifier: Apache-2.0
// The ONNX importer on models built here with libonnx's protobuf classes:
// error reporting, output selection, external data, open dimensions and
// host folding. Numbers are checked with the reference evaluator.
#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "onnx/onnx_pb.h"
#include "webnnc/Import/OnnxImporter.h"
#include "webnnc/Reference/Evaluator.h"

namespace webnnc {
namespace {

namespace fs = std::filesystem;

// A small model under construction.
struct ModelMaker {
  onnx::ModelProto model;
  onnx::GraphProto *graph;

  explicit ModelMaker(int opset = 13) {
    model.set_ir_version(8);
    auto *op = model.add_opset_import();
    op->set_domain("");
    op->set_version(opset);
    graph = model.mutable_graph();
    graph->set_name("test");
  }
  static void setType(onnx::ValueInfoProto *v, const std::string &name,
                      std::vector<int64_t> dims,
                      std::vector<std::string> symbolic = {}) {
    v->set_name(name);
    auto *t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    auto *shape = t->mutable_shape();
    for (size_t k = 0; k < dims.size(); ++k) {
      auto *d = shape->add_dim();
      if (k < symbolic.size() && !symbolic[k].empty())
        d->set_dim_param(symbolic[k]);
      else
        d->set_dim_value(dims[k]);
    }
  }
  void input(const std::string &name, std::vector<int64_t> dims,
             std::vector<std::string> symbolic = {}) {
    setType(graph->add_input(), name, dims, symbolic);
  }
  void output(const std::string &name) {
    graph->add_output()->set_name(name);
  }
  onnx::NodeProto *node(const std::string &type,
                        std::vector<std::string> inputs,
                        std::vector<std::string> outputs,
                        const std::string &name = "") {
    auto *n = graph->add_node();
    n->set_op_type(type);
    n->set_name(name);
    for (auto &i : inputs)
      n->add_input(i);
    for (auto &o : outputs)
      n->add_output(o);
    return n;
  }
  onnx::TensorProto *initializer(const std::string &name,
                                 std::vector<int64_t> dims,
                                 const std::vector<float> &values) {
    auto *t = graph->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims)
      t->add_dims(d);
    t->set_raw_data(std::string(reinterpret_cast<const char *>(values.data()),
                                values.size() * sizeof(float)));
    return t;
  }
  void int64Initializer(const std::string &name, std::vector<int64_t> values) {
    auto *t = graph->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    t->add_dims(int64_t(values.size()));
    for (int64_t v : values)
      t->add_int64_data(v);
  }
  Expected<Graph, OnnxImportError> import(const OnnxImportOptions &options = {},
                                          const std::string &base = ".") {
    std::string bytes;
    model.SerializeToString(&bytes);
    return importOnnxBytes(bytes, base, "test.onnx", options);
  }
};

void addAttribute(onnx::NodeProto *n, const std::string &name, float value) {
  auto *a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::FLOAT);
  a->set_f(value);
}

HostTensor floats(spec::Shape shape, std::vector<double> values) {
  return HostTensor::fromDoubles({spec::DataType::Float32, shape}, values);
}

size_t countOps(const Graph &graph, llvm::StringRef name) {
  size_t n = 0;
  graph.function().walk([&](mlir::Operation *op) {
    n += op->getName().getStringRef() == name;
  });
  return n;
}

TEST(OnnxImporterTest, ReportsEveryOffendingNodeOnce) {
  ModelMaker m;
  m.input("x", {2, 3});
  m.node("Relu", {"x"}, {"a"}, "ok");
  m.node("Mod", {"a", "a"}, {"b"}, "first_bad");
  m.node("Relu", {"b"}, {"c"}, "after_bad"); // not reported again
  auto *elu = m.node("Elu", {"a"}, {"d"}, "second_bad");
  addAttribute(elu, "gamma", 2.0f); // Elu has no gamma
  m.node("Add", {"c", "d"}, {"y"}, "sum");
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  const auto &problems = graph.error().problems;
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].node, "first_bad");
  EXPECT_EQ(problems[0].opType, "Mod");
  EXPECT_EQ(problems[1].node, "second_bad");
  EXPECT_NE(problems[1].reason.find("attribute 'gamma'"), std::string::npos);
  std::string message = graph.error().message();
  EXPECT_NE(message.find("test.onnx: cannot import the model (2 problems)"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("node 'first_bad' (Mod): unsupported: op type 'Mod'"),
            std::string::npos)
      << message;
}

TEST(OnnxImporterTest, ImportsOnlyWhatRequestedOutputsNeed) {
  ModelMaker m;
  m.input("x", {4});
  m.node("Neg", {"x"}, {"hidden"});
  m.node("Mod", {"hidden", "hidden"}, {"y"}); // unsupported, but not needed
  m.output("y");
  OnnxImportOptions options;
  options.outputs = {"hidden"};
  auto graph = m.import(options);
  ASSERT_TRUE(graph) << graph.error().message();
  ASSERT_EQ(graph->outputs().size(), 1u);
  EXPECT_EQ(graph->outputs()[0].name, "hidden");
  auto result = reference::evaluate(*graph, {{"x", floats({4}, {1, -2, 3, 0})}});
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ((*result)[0].toDoubles(), (std::vector<double>{-1, 2, -3, 0}));
}

TEST(OnnxImporterTest, RejectsUnknownOutputNames) {
  ModelMaker m;
  m.input("x", {4});
  m.node("Neg", {"x"}, {"y"});
  m.output("y");
  OnnxImportOptions options;
  options.outputs = {"nope"};
  auto graph = m.import(options);
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().message().find("no value named 'nope'"),
            std::string::npos);
}

TEST(OnnxImporterTest, FoldsShapeComputationsOnTheHost) {
  // y = Reshape(x, Concat(Gather(Shape(x), 0), [-1])): torch's flatten.
  ModelMaker m;
  m.input("x", {2, 3, 4});
  m.node("Shape", {"x"}, {"shape"});
  m.int64Initializer("zero", {0});
  m.int64Initializer("minus_one", {-1});
  auto *gather = m.node("Gather", {"shape", "zero"}, {"batch"});
  (void)gather;
  auto *concat = m.node("Concat", {"batch", "minus_one"}, {"target"});
  auto *axis = concat->add_attribute();
  axis->set_name("axis");
  axis->set_type(onnx::AttributeProto::INT);
  axis->set_i(0);
  m.node("Reshape", {"x", "target"}, {"y"});
  m.output("y");
  auto graph = m.import();
  ASSERT_TRUE(graph) << graph.error().message();
  EXPECT_EQ(graph->outputs()[0].descriptor.shape, (spec::Shape{2, 12}));
  // Only the reshape remains: the shape arithmetic left no ops behind.
  EXPECT_EQ(countOps(*graph, "webnn.reshape"), 1u);
  EXPECT_EQ(countOps(*graph, "webnn.gather"), 0u);
  EXPECT_EQ(countOps(*graph, "webnn.concat"), 0u);
}

TEST(OnnxImporterTest, OpenDimensionsNeedSizes) {
  ModelMaker m;
  m.input("x", {0, 3}, {"batch"});
  m.node("Relu", {"x"}, {"y"});
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().message().find(
                "input 'x': dimension 0 ('batch') is open; size it with --dim "
                "batch=N"),
            std::string::npos)
      << graph.error().message();
  OnnxImportOptions options;
  options.dimensions["batch"] = 5;
  auto sized = m.import(options);
  ASSERT_TRUE(sized) << sized.error().message();
  EXPECT_EQ(sized->inputs()[0].descriptor.shape, (spec::Shape{5, 3}));
}

TEST(OnnxImporterTest, ReadsExternalDataInsideTheModelDirectory) {
  fs::path dir = fs::temp_directory_path() /
                 ("webnnc_onnx_ext_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<float> weights = {1, 2, 3, 4, 5, 6};
  {
    std::ofstream out(dir / "weights.bin", std::ios::binary);
    out << "pad!"; // the tensor starts at offset 4
    out.write(reinterpret_cast<const char *>(weights.data()), 24);
  }
  auto make = [&](const std::string &location) {
    ModelMaker m;
    m.input("x", {1, 2});
    auto *w = m.graph->add_initializer();
    w->set_name("w");
    w->set_data_type(onnx::TensorProto::FLOAT);
    w->add_dims(2);
    w->add_dims(3);
    w->set_data_location(onnx::TensorProto::EXTERNAL);
    for (auto [k, v] : {std::pair<std::string, std::string>{"location",
                                                            location},
                        {"offset", "4"},
                        {"length", "24"}}) {
      auto *e = w->add_external_data();
      e->set_key(k);
      e->set_value(v);
    }
    m.node("MatMul", {"x", "w"}, {"y"});
    m.output("y");
    return m;
  };
  auto graph = make("weights.bin").import({}, dir.string());
  ASSERT_TRUE(graph) << graph.error().message();
  auto result = reference::evaluate(*graph, {{"x", floats({1, 2}, {1, 1})}});
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ((*result)[0].toDoubles(), (std::vector<double>{5, 7, 9}));

  auto escaping = make("../weights.bin").import({}, dir.string());
  ASSERT_FALSE(escaping);
  EXPECT_NE(escaping.error().message().find("must not leave the model's "
                                            "directory"),
            std::string::npos)
      << escaping.error().message();
  auto missing = make("nothere.bin").import({}, dir.string());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("cannot open external data"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(OnnxImporterTest, GarbageIsAnErrorNotACrash) {
  std::string bytes = "\x0a\xff\xff\xff\xff\x0f not a model";
  auto graph = importOnnxBytes(bytes, ".", "junk.onnx", {});
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().problems[0].kind, OnnxProblem::Kind::Invalid);
  EXPECT_NE(graph.error().message().find("not a valid ONNX model"),
            std::string::npos);
}

TEST(OnnxImporterTest, FrontendRulesNameTheNode) {
  ModelMaker m;
  m.input("a", {2, 3});
  m.input("b", {4, 5});
  m.node("MatMul", {"a", "b"}, {"y"}, "mm");
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  const OnnxProblem &p = graph.error().problems[0];
  EXPECT_EQ(p.kind, OnnxProblem::Kind::Invalid);
  EXPECT_EQ(p.node, "mm");
  EXPECT_NE(p.reason.find("matmul 'mm'"), std::string::npos) << p.reason;
}

TEST(OnnxImporterTest, OutsideWebNNIsSaidSo) {
  ModelMaker m;
  auto *x = m.graph->add_input();
  ModelMaker::setType(x, "x", {2});
  x->mutable_type()->mutable_tensor_type()->set_elem_type(
      onnx::TensorProto::DOUBLE);
  m.node("Relu", {"x"}, {"y"});
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_TRUE(graph.error().onlyNotInWebNN());
  EXPECT_NE(graph.error().message().find("element type DOUBLE"),
            std::string::npos);
}

TEST(OnnxImporterTest, ConstantOutputsAreComputed) {
  // The whole graph folds on the host; the output still comes from an op.
  ModelMaker m;
  m.input("x", {2, 3});
  m.node("Shape", {"x"}, {"y"});
  m.output("y");
  auto graph = m.import();
  ASSERT_TRUE(graph) << graph.error().message();
  auto result = reference::evaluate(*graph, {{"x", floats({2, 3}, {0, 0, 0, 0, 0, 0})}});
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ((*result)[0].toDoubles(), (std::vector<double>{2, 3}));
}

} // namespace
} // namespace webnnc
