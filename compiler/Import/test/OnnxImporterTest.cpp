// SPDX-License-Identifier: Apache-2.0
// The ONNX importer on models built here with libonnx's protobuf classes:
// error reporting, output selection, external data, open dimensions and
// host folding. Numbers are checked with the reference evaluator.
#include <cmath>
#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "OnnxModelMaker.h"
#include "onnx/onnx_pb.h"
#include "webnnc/Import/OnnxImporter.h"
#include "webnnc/Reference/Evaluator.h"

namespace webnnc {
namespace {

namespace fs = std::filesystem;

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

// "imported", or the import's error message.
std::string importOutcome(ModelMaker &m) {
  auto graph = m.import();
  return graph ? std::string("imported") : graph.error().message();
}

TEST(OnnxImporterTest, ReportsEveryOffendingNodeOnce) {
  ModelMaker m;
  m.input("x", {2, 3});
  m.node("Relu", {"x"}, {"a"}, "ok");
  m.node("BitShift", {"a", "a"}, {"b"}, "first_bad");
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
  EXPECT_EQ(problems[0].opType, "BitShift");
  EXPECT_EQ(problems[1].node, "second_bad");
  EXPECT_NE(problems[1].reason.find("attribute 'gamma'"), std::string::npos);
  std::string message = graph.error().message();
  EXPECT_NE(message.find("test.onnx: cannot import the model (2 problems)"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(
                "node 'first_bad' (BitShift): unsupported: op type 'BitShift'"),
            std::string::npos)
      << message;
}

TEST(OnnxImporterTest, ImportsOnlyWhatRequestedOutputsNeed) {
  ModelMaker m;
  m.input("x", {4});
  m.node("Neg", {"x"}, {"hidden"});
  m.node("BitShift", {"hidden", "hidden"}, {"y"}); // unmapped, not needed
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

// Opsets 22 to 25 re-versioned ops for new types; 26 and later are
// refused by name.
TEST(OnnxImporterTest, ImportsOpset25AndRefusesLater) {
  for (int opset : {22, 25, 26}) {
    ModelMaker m(opset);
    m.input("x", {4});
    m.node("Softplus", {"x"}, {"y"});
    m.output("y");
    auto graph = m.import();
    if (opset < 26) {
      EXPECT_TRUE(graph) << graph.error().message();
      continue;
    }
    ASSERT_FALSE(graph);
    EXPECT_NE(graph.error().message().find("opset 26 is outside the opsets "
                                           "webnnc imports (1 to 25)"),
              std::string::npos)
        << graph.error().message();
  }
}

// What opsets 23 and 24 added: RMSNormalization and Swish computed as
// their formulas; QuantizeLinear's precision read when it is float32 and
// refused by name otherwise; the new ops no converter knows refused by
// name.
TEST(OnnxImporterTest, Opset23And24Forms) {
  {
    ModelMaker m(24);
    m.input("x", {2, 2});
    m.initializer("scale", {2}, {2.0f, 0.5f});
    auto *rms = m.node("RMSNormalization", {"x", "scale"}, {"rms"});
    setInt(rms, "axis", -1);
    auto *swish = m.node("Swish", {"x"}, {"swish"});
    auto *alpha = swish->add_attribute();
    alpha->set_name("alpha");
    alpha->set_type(onnx::AttributeProto::FLOAT);
    alpha->set_f(2.0f);
    m.output("rms");
    m.output("swish");
    auto graph = m.import();
    ASSERT_TRUE(graph) << graph.error().message();
    auto result =
        reference::evaluate(*graph, {{"x", floats({2, 2}, {3, 4, -1, 1})}});
    ASSERT_TRUE(result) << result.error();
    // rows [3, 4] and [-1, 1]: root mean squares sqrt(12.5 + 1e-5) and
    // sqrt(1 + 1e-5), times [2, 0.5].
    double r0 = std::sqrt(12.5 + 1e-5), r1 = std::sqrt(1 + 1e-5);
    std::vector<double> normalized = (*result)[0].toDoubles();
    std::vector<double> expected{3 / r0 * 2, 4 / r0 * 0.5, -1 / r1 * 2,
                                 1 / r1 * 0.5};
    for (size_t i = 0; i < 4; ++i)
      EXPECT_NEAR(normalized[i], expected[i], 1e-5) << i;
    std::vector<double> swishOut = (*result)[1].toDoubles();
    std::vector<double> xs{3, 4, -1, 1};
    for (size_t i = 0; i < 4; ++i)
      EXPECT_NEAR(swishOut[i], xs[i] / (1 + std::exp(-2 * xs[i])), 1e-6) << i;
  }
  for (bool half : {false, true}) {
    ModelMaker m(23);
    m.input("x", {4});
    m.initializer("s", {}, {0.5f});
    auto *q = m.node("QuantizeLinear", {"x", "s"}, {"y"}, "quantize");
    setInt(q, "precision",
           half ? onnx::TensorProto::FLOAT16 : onnx::TensorProto::FLOAT);
    m.output("y");
    auto graph = m.import();
    if (!half) {
      EXPECT_TRUE(graph) << graph.error().message();
      continue;
    }
    ASSERT_FALSE(graph);
    EXPECT_NE(graph.error().message().find(
                  "node 'quantize' (QuantizeLinear): unsupported: precision"),
              std::string::npos)
        << graph.error().message();
  }
  ModelMaker m(23);
  m.input("x", {1, 2, 4, 8});
  m.node("RotaryEmbedding", {"x", "x", "x"}, {"y"}, "rope");
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().message().find("node 'rope' (RotaryEmbedding): "
                                         "unsupported: op type "
                                         "'RotaryEmbedding'"),
            std::string::npos)
      << graph.error().message();
}

// ReverseSequence's lengths are checked against the time axis.
TEST(OnnxImporterTest, ReverseSequenceLengthsOutOfRangeAreInvalid) {
  ModelMaker m;
  m.input("x", {3, 2, 4});
  m.int64Initializer("lens", {3, 4});
  m.node("ReverseSequence", {"x", "lens"}, {"y"}, "reverse");
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().message().find(
                "node 'reverse' (ReverseSequence): invalid: sequence length 4 "
                "is outside [0, 3]"),
            std::string::npos)
      << graph.error().message();
}

// DFT and STFT lengths come from tensors: absurd ones are reported by
// name, before any matrix is sized from them.
TEST(OnnxImporterTest, SpectralLengthsOutOfRangeAreReported) {
  struct Case {
    const char *op;
    std::vector<int64_t> length;
    const char *expected;
  };
  for (const Case &c :
       {Case{"DFT", {int64_t(1) << 50}, "dft_length must be in [1, "},
        Case{"DFT", {0}, "dft_length must be in [1, "},
        Case{"STFT", {0}, "frame_step must be in [1, "},
        Case{"STFT", {int64_t(1) << 62}, "frame_step must be in [1, "}}) {
    ModelMaker m(17);
    m.input("x", {1, 16, 1});
    m.int64Initializer("n", c.length);
    m.node(c.op, {"x", "n"}, {"y"});
    m.output("y");
    auto graph = m.import();
    ASSERT_FALSE(graph) << c.op;
    EXPECT_NE(graph.error().message().find(c.expected), std::string::npos)
        << graph.error().message();
  }
}

TEST(OnnxImporterTest, FoldsShapeComputationsOnTheHost) {
  // y = Reshape(x, Concat(Gather(Shape(x), 0), [-1])): torch's flatten.
  ModelMaker m;
  m.input("x", {2, 3, 4});
  m.node("Shape", {"x"}, {"shape"});
  m.int64Initializer("zero", {0});
  m.int64Initializer("minus_one", {-1});
  m.node("Gather", {"shape", "zero"}, {"batch"});
  setInt(m.node("Concat", {"batch", "minus_one"}, {"target"}), "axis", 0);
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

TEST(OnnxImporterTest, ReshapeToAHostileShapeIsInvalid) {
  // Found by fuzz_onnx_import: the product of the target dimensions
  // overflowed int64 before it was compared with the input's size.
  ModelMaker m;
  m.input("x", {2, 3});
  m.int64Initializer("target", {381, 144115188075855871});
  m.node("Reshape", {"x", "target"}, {"y"}, "reshape");
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().message(),
            "test.onnx: node 'reshape' (Reshape): invalid: shape holds "
            "144115188075855871, more elements than any tensor has");
}

TEST(OnnxImporterTest, OneDPoolOverAnOpenInputLiftsWithSymbolicSizes) {
  // Found by fuzz_onnx_import when the lift to 2-D refused open
  // dimensions: the converter read the failed operand's (empty) shape.
  // The lift is now a reshape whose sizes are expressions.
  ModelMaker m;
  m.input("x", {1, 0, 32}, {"", "channels", ""});
  setInts(m.node("MaxPool", {"x"}, {"y"}, "pool"), "kernel_shape", {2});
  m.output("y");
  auto graph = m.import();
  ASSERT_TRUE(graph) << graph.error().message();
  EXPECT_EQ(graph->outputs()[0].descriptor.shape,
            (spec::Shape{1, spec::kOpenDim, 31}));
  EXPECT_EQ(countOps(*graph, "webnn.reshape"), 2u);
}

TEST(OnnxImporterTest, OneDConvTransposeWithAnOpenFilterIsUnsupported) {
  // Found by fuzz_onnx_import: the filter's lift to 2-D failed and its
  // empty shape was indexed. A filter takes no open dimensions.
  ModelMaker m;
  m.input("x", {1, 2, 8});
  m.input("w", {2, 0, 3}, {"", "maps", ""});
  m.node("ConvTranspose", {"x", "w"}, {"y"}, "deconv");
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().message().find(
                "node 'deconv' (ConvTranspose): unsupported: "
                "convTranspose2d 'deconv': filter: must not have open "
                "dimensions, got [2,?,1,3]"),
            std::string::npos)
      << graph.error().message();
  EXPECT_NE(graph.error().message().find("--dim maps=N"), std::string::npos);
}

TEST(OnnxImporterTest, SymbolicDimensionsStayOpenOrTakeGivenSizes) {
  // x: [batch, 3] and an unnamed dimension; w: [3, batch].
  ModelMaker m;
  m.input("x", {0, 3}, {"batch"});
  m.input("z", {0, 3});
  m.graph->mutable_input(1)
      ->mutable_type()
      ->mutable_tensor_type()
      ->mutable_shape()
      ->mutable_dim(0)
      ->clear_dim_value(); // neither a value nor a name
  m.node("Relu", {"x"}, {"y"});
  m.node("Add", {"y", "z"}, {"sum"});
  m.output("sum");
  OnnxImportOptions options;
  options.dimensionBounds["batch"] = 16;
  auto graph = m.import(options);
  ASSERT_TRUE(graph) << graph.error().message();
  EXPECT_EQ(graph->inputs()[0].descriptor.shape,
            (spec::Shape{spec::kOpenDim, 3}));
  EXPECT_EQ(graph->inputs()[1].descriptor.shape,
            (spec::Shape{spec::kOpenDim, 3}));
  EXPECT_EQ(graph->outputs()[0].descriptor.shape,
            (spec::Shape{spec::kOpenDim, 3}));
  // The names and bounds the runtime checks: "batch" bounded by 16, the
  // unnamed one named after its input and axis, unbounded.
  auto func = graph->function();
  auto names = [&](unsigned arg) {
    std::vector<std::string> out;
    auto attr = func.getArgAttrOfType<mlir::ArrayAttr>(arg, "webnn.open_dims");
    for (mlir::Attribute a : attr)
      out.push_back(mlir::cast<mlir::StringAttr>(a).str());
    return out;
  };
  auto bounds = [&](unsigned arg) {
    auto attr = func.getArgAttrOfType<mlir::DenseI64ArrayAttr>(
        arg, "webnn.open_dim_max");
    return std::vector<int64_t>(attr.asArrayRef());
  };
  EXPECT_EQ(names(0), (std::vector<std::string>{"batch"}));
  EXPECT_EQ(bounds(0), (std::vector<int64_t>{16}));
  EXPECT_EQ(names(1), (std::vector<std::string>{"z.0"}));
  EXPECT_EQ(bounds(1), (std::vector<int64_t>{0}));

  // Sized by name, the same model is static.
  options.dimensions["batch"] = 5;
  options.dimensions["z.0"] = 5;
  auto sized = m.import(options);
  ASSERT_TRUE(sized) << sized.error().message();
  EXPECT_EQ(sized->inputs()[0].descriptor.shape, (spec::Shape{5, 3}));
  EXPECT_EQ(sized->inputs()[1].descriptor.shape, (spec::Shape{5, 3}));
}

TEST(OnnxImporterTest, TrainingDropoutWithRatioZeroIsTheIdentity) {
  // torch exports functional dropout with p=0 as training_mode true.
  for (float ratio : {0.0f, 0.5f}) {
    ModelMaker m(13);
    m.input("x", {2, 3});
    m.initializer("ratio", {}, {ratio});
    auto *training = m.graph->add_initializer();
    training->set_name("training");
    training->set_data_type(onnx::TensorProto::BOOL);
    training->set_raw_data(std::string(1, char(1)));
    m.node("Dropout", {"x", "ratio", "training"}, {"y"}, "drop");
    m.node("Relu", {"y"}, {"z"});
    m.output("z");
    auto graph = m.import();
    if (ratio == 0) {
      ASSERT_TRUE(graph) << graph.error().message();
      EXPECT_EQ(countOps(*graph, "webnn.relu"), 1u);
    } else {
      ASSERT_FALSE(graph);
      EXPECT_NE(graph.error().message().find(
                    "node 'drop' (Dropout): not in WebNN: training_mode true "
                    "with a ratio that is not a constant 0"),
                std::string::npos)
          << graph.error().message();
    }
  }
}

TEST(OnnxImporterTest, ShapeArithmeticOverOpenDimensionsImports) {
  // torch's flatten: Shape -> Gather -> Concat -> Reshape over an open
  // batch becomes a reshape to [batch, 12] evaluated at compute.
  ModelMaker m;
  m.input("x", {0, 3, 4}, {"batch"});
  m.node("Shape", {"x"}, {"shape"}, "shape_of_x");
  m.int64Initializer("zero", {0});
  m.node("Gather", {"shape", "zero"}, {"n"});
  m.int64Initializer("minus_one", {-1});
  setInt(m.node("Concat", {"n", "minus_one"}, {"target"}), "axis", 0);
  m.node("Reshape", {"x", "target"}, {"y"});
  m.output("y");
  auto graph = m.import();
  ASSERT_TRUE(graph) << graph.error().message();
  EXPECT_EQ(graph->outputs()[0].descriptor.shape,
            (spec::Shape{spec::kOpenDim, 12}));
  OnnxImportOptions options;
  options.dimensions["batch"] = 2;
  auto sized = m.import(options);
  ASSERT_TRUE(sized) << sized.error().message();
  EXPECT_EQ(sized->outputs()[0].descriptor.shape, (spec::Shape{2, 12}));

  ModelMaker flat;
  flat.input("x", {0, 3, 4}, {"batch"});
  flat.node("Flatten", {"x"}, {"y"}, "flatten");
  flat.output("y");
  auto flattened = flat.import();
  ASSERT_TRUE(flattened) << flattened.error().message();
  EXPECT_EQ(flattened->outputs()[0].descriptor.shape,
            (spec::Shape{spec::kOpenDim, 12}));
}

TEST(OnnxImporterTest, SizesKnownOnlyAtComputeReadAsTensorData) {
  // Shape of an open dimension used as numbers (a float cast, an element-
  // wise op, a rank-2 reshape): the sizes become a tensor computed at
  // compute, each open size the element count of ones expanded to it.
  ModelMaker m;
  m.input("x", {0, 3}, {"batch"});
  m.node("Shape", {"x"}, {"shape"}, "shape_of_x");
  setInt(m.node("Cast", {"shape"}, {"shape_f"}, "as_float"), "to",
         onnx::TensorProto::FLOAT);
  m.node("Abs", {"shape"}, {"absolute"}, "abs");
  m.int64Initializer("column", {2, 1});
  m.node("Reshape", {"shape", "column"}, {"tall"}, "as_column");
  m.output("shape_f");
  m.output("absolute");
  m.output("tall");
  auto graph = m.import();
  ASSERT_TRUE(graph) << graph.error().message();
  EXPECT_EQ(countOps(*graph, "webnn.reduce_sum"), 1u); // materialized once
  EXPECT_EQ(graph->outputs()[0].descriptor.shape, (spec::Shape{2}));
  EXPECT_EQ(graph->outputs()[2].descriptor.shape, (spec::Shape{2, 1}));

  // Reshape's -1 that is no exact division of the sizes.
  ModelMaker odd;
  odd.input("x", {0, 3}, {"batch"});
  odd.int64Initializer("target", {2, -1});
  odd.node("Reshape", {"x", "target"}, {"y"}, "halve");
  odd.output("y");
  auto halved = odd.import();
  ASSERT_FALSE(halved);
  EXPECT_NE(halved.error().message().find(
                "node 'halve' (Reshape): unsupported: cannot infer -1 as (3 * "
                "batch) / (2)"),
            std::string::npos)
      << halved.error().message();
}

TEST(OnnxImporterTest, WindowAttributesOutOfRangeAreInvalid) {
  // Found by fuzz_onnx_import: a MaxPool with auto_pad SAME and stride 0
  // divided by zero computing its padding. Strides, dilations and kernel
  // sizes are positive and fit WebNN's unsigned long; so does the dilated
  // window.
  auto importPool = [](const std::string &attribute,
                       std::vector<int64_t> values) {
    ModelMaker m;
    m.input("x", {1, 1, 8, 8});
    auto *pool = m.node("MaxPool", {"x"}, {"y"}, "pool");
    if (attribute != "kernel_shape")
      setInts(pool, "kernel_shape", {2, 2});
    setString(pool, "auto_pad", "SAME_UPPER");
    setInts(pool, attribute, values);
    m.output("y");
    return importOutcome(m);
  };
  EXPECT_EQ(importPool("strides", {0, 1}),
            "test.onnx: node 'pool' (MaxPool): invalid: strides holds 0, "
            "not in [1, 4294967295]");
  EXPECT_EQ(importPool("dilations", {1, -3}),
            "test.onnx: node 'pool' (MaxPool): invalid: dilations holds -3, "
            "not in [1, 4294967295]");
  EXPECT_EQ(importPool("kernel_shape", {4294967296, 2}),
            "test.onnx: node 'pool' (MaxPool): invalid: kernel_shape holds "
            "4294967296, not in [1, 4294967295]");
  EXPECT_EQ(importPool("dilations", {4294967295, 1}),
            "test.onnx: node 'pool' (MaxPool): invalid: the dilated kernel "
            "(2 taps, dilation 4294967295) spans more than 4294967295");
  EXPECT_EQ(importPool("strides", {2, 2}), "imported");

  // ConvTranspose's output size from huge strides does not overflow.
  ModelMaker m;
  m.input("x", {1, 1, 3, 3});
  m.initializer("w", {1, 1, 2, 2}, std::vector<float>(4, 1.0f));
  auto *deconv = m.node("ConvTranspose", {"x", "w"}, {"y"}, "deconv");
  setString(deconv, "auto_pad", "SAME_UPPER");
  setInts(deconv, "strides", {4294967295, 1});
  m.output("y");
  auto graph = m.import();
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().message(),
            "test.onnx: node 'deconv' (ConvTranspose): invalid: the output "
            "size or its padding along axis 2 exceeds 4294967295");
}

// The integer ops become their float op (Conv, MatMul) over shifted or
// dequantized inputs: that op's rules still name the integer node.
TEST(OnnxImporterTest, IntegerOpsReportTheirOwnNode) {
  auto bytes = [](ModelMaker &m, const std::string &name,
                  std::vector<int64_t> dims, onnx::TensorProto::DataType type,
                  std::vector<uint8_t> values) {
    auto *t = m.graph->add_initializer();
    t->set_name(name);
    t->set_data_type(type);
    for (int64_t d : dims)
      t->add_dims(d);
    t->set_raw_data(std::string(values.begin(), values.end()));
  };
  ModelMaker conv;
  bytes(conv, "x", {1, 1, 4, 4}, onnx::TensorProto::UINT8,
        std::vector<uint8_t>(16, 7));
  bytes(conv, "w", {1, 1, 2, 2}, onnx::TensorProto::INT8,
        std::vector<uint8_t>(4, 1));
  setInts(conv.node("ConvInteger", {"x", "w"}, {"y"}, "qconv"), "strides",
          {0, 1});
  conv.output("y");
  EXPECT_EQ(importOutcome(conv),
            "test.onnx: node 'qconv' (ConvInteger): invalid: as Conv: "
            "strides holds 0, not in [1, 4294967295]");

  ModelMaker matmul;
  bytes(matmul, "a", {2, 3}, onnx::TensorProto::UINT8,
        std::vector<uint8_t>(6, 9));
  bytes(matmul, "b", {3, 2}, onnx::TensorProto::UINT8,
        std::vector<uint8_t>(6, 3));
  bytes(matmul, "zero", {}, onnx::TensorProto::UINT8, {0});
  bytes(matmul, "zeros", {2}, onnx::TensorProto::UINT8, {0, 0});
  matmul.initializer("scale", {}, {0.5f});
  matmul.initializer("scales", {2}, {0.5f, 0.25f});
  matmul.node("QLinearMatMul",
              {"a", "scale", "zero", "b", "scale", "zero", "scales", "zeros"},
              {"y"}, "qmatmul");
  matmul.output("y");
  EXPECT_EQ(importOutcome(matmul),
            "test.onnx: node 'qmatmul' (QLinearMatMul): invalid: the output "
            "scale and zero point are scalars");
}

TEST(OnnxImporterTest, EinsumOutsideItsFormsIsSaidSo) {
  auto importEinsum = [](const std::string &equation,
                         std::vector<int64_t> shape) {
    ModelMaker m;
    m.input("x", shape);
    setString(m.node("Einsum", {"x"}, {"y"}, "sum"), "equation", equation);
    m.output("y");
    return importOutcome(m);
  };
  EXPECT_EQ(importEinsum("ii->i", {3, 3}),
            "test.onnx: node 'sum' (Einsum): unsupported: subscript 'i' "
            "repeats within an operand (a diagonal)");
  EXPECT_EQ(importEinsum("ijk->k", {3, 3}),
            "test.onnx: node 'sum' (Einsum): invalid: operand 0's subscripts "
            "'ijk' do not match its rank 2");
  EXPECT_EQ(importEinsum("ij->jk", {3, 3}),
            "test.onnx: node 'sum' (Einsum): invalid: output subscript 'k' "
            "is in no operand");
  EXPECT_EQ(importEinsum("...j->j", {2, 3, 4}), "imported");
}

TEST(OnnxImporterTest, ExtremeShapeArithmeticIsCheckedNotOverflowed) {
  // Slice steps of INT64_MAX and INT64_MIN take one element (the count's
  // rounding overflowed, and -INT64_MIN does not exist).
  for (int64_t step : {INT64_MAX, INT64_MIN}) {
    ModelMaker m;
    m.input("x", {1, 10});
    m.int64Initializer("starts", {step > 0 ? 0 : 9});
    m.int64Initializer("ends", {step > 0 ? 10 : -INT64_MAX});
    m.int64Initializer("axes", {1});
    m.int64Initializer("steps", {step});
    m.node("Slice", {"x", "starts", "ends", "axes", "steps"}, {"y"}, "slice");
    m.output("y");
    auto graph = m.import();
    ASSERT_TRUE(graph) << graph.error().message();
    EXPECT_EQ(graph->outputs()[0].descriptor.shape, (spec::Shape{1, 1}))
        << "step " << step;
  }
  // Range with a NaN bound has no element count.
  {
    ModelMaker m;
    m.initializer("start", {}, {std::nanf("")});
    m.initializer("limit", {}, {4.0f});
    m.initializer("delta", {}, {1.0f});
    m.node("Range", {"start", "limit", "delta"}, {"y"}, "range");
    m.output("y");
    EXPECT_EQ(importOutcome(m),
              "test.onnx: node 'range' (Range): invalid: start, limit and "
              "delta give no element count (NaN)");
  }
  // DepthToSpace with a blocksize whose square overflows.
  {
    ModelMaker m;
    m.input("x", {1, 4, 2, 2});
    setInt(m.node("DepthToSpace", {"x"}, {"y"}, "d2s"), "blocksize",
           int64_t(1) << 40);
    m.output("y");
    EXPECT_EQ(importOutcome(m),
              "test.onnx: node 'd2s' (DepthToSpace): invalid: needs a "
              "rank-4 input whose channels (static) divide by blocksize "
              "squared");
  }
  // A GRU's hidden_size must be positive.
  {
    ModelMaker m;
    m.input("x", {2, 1, 3});
    m.initializer("w", {1, 6, 3}, std::vector<float>(18, 0.5f));
    m.initializer("r", {1, 6, 2}, std::vector<float>(12, 0.5f));
    setInt(m.node("GRU", {"x", "w", "r"}, {"y"}, "gru"), "hidden_size", -5);
    m.output("y");
    EXPECT_EQ(importOutcome(m),
              "test.onnx: node 'gru' (GRU): invalid: hidden_size and the "
              "sequence length must be positive and fit WebNN's unsigned "
              "long");
  }
}

TEST(OnnxImporterTest, SamePaddingWithOpenSizes) {
  // Stride 1: the padding does not depend on the size.
  ModelMaker m;
  m.input("x", {1, 1, 0, 0}, {"", "", "h", "w"});
  m.initializer("w", {1, 1, 3, 3}, std::vector<float>(9, 1.0f));
  auto *conv = m.node("Conv", {"x", "w"}, {"y"}, "conv");
  setString(conv, "auto_pad", "SAME_UPPER");
  m.node("GlobalAveragePool", {"y"}, {"mean"}, "gap");
  m.output("y");
  m.output("mean");
  auto graph = m.import();
  ASSERT_TRUE(graph) << graph.error().message();
  auto shapeOf = [&](const std::string &name) {
    for (const NamedOperand &out : graph->outputs())
      if (out.name == name)
        return out.descriptor.shape;
    return spec::Shape{};
  };
  EXPECT_EQ(shapeOf("y"), (spec::Shape{1, 1, spec::kOpenDim, spec::kOpenDim}));
  // A global pool over an open image is a reduction over height and width.
  EXPECT_EQ(shapeOf("mean"), (spec::Shape{1, 1, 1, 1}));
  EXPECT_EQ(countOps(*graph, "webnn.reduce_mean"), 1u);

  // Stride 2: it does.
  setInts(conv, "strides", {2, 2});
  auto strided = m.import();
  ASSERT_FALSE(strided);
  EXPECT_NE(strided.error().message().find(
                "node 'conv' (Conv): unsupported: auto_pad SAME_UPPER with "
                "stride 2 pads by an amount that depends on the input size, "
                "which is open"),
            std::string::npos)
      << strided.error().message();
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
