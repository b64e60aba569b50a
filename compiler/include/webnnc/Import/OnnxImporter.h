// SPDX-License-Identifier: Apache-2.0
// The ONNX importer: an ONNX model becomes a webnn graph, built through the
// C++ frontend so it obeys the same validation rules as a hand-built one.
//
//   webnnc::OnnxImportOptions options;
//   options.dimensions["batch"] = 1;       // size a symbolic dimension
//   auto graph = webnnc::importOnnxFile("resnet50.onnx", options);
//   if (!graph) std::cerr << graph.error().message();
#ifndef WEBNNC_IMPORT_ONNXIMPORTER_H_
#define WEBNNC_IMPORT_ONNXIMPORTER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "webnnc/Graph/Graph.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc {

struct OnnxImportOptions {
  // Sizes of dimensions the model leaves symbolic, by name (an unnamed one
  // is "INPUT.AXIS"). Those not sized stay open: sized at compute, where
  // every input's actual dimensions are given.
  std::map<std::string, int64_t> dimensions;
  // Upper bounds of dimensions left open (the runtime rejects larger sizes
  // and preallocates working memory for the bound); default unbounded.
  std::map<std::string, int64_t> dimensionBounds;
  // Whole shapes of graph inputs, by input name (overrides the model's).
  std::map<std::string, spec::Shape> inputShapes;
  // ONNX values (graph outputs or any intermediate value) to compute;
  // empty: the model's outputs. Only the nodes they need are imported.
  std::vector<std::string> outputs;
  // Graph inputs fixed to these values: they become constants, so ops that
  // need compile-time operands (a Reshape's shape...) can read them.
  std::map<std::string, HostTensor> constantInputs;
  // Shapes of the tensors the model will be computed on, by input name:
  // symbolic dimensions that `dimensions` does not size take their size
  // from these (`webnnc run` passes its inputs' shapes). A name two
  // inputs share must get one size; static dimensions are not changed.
  std::map<std::string, spec::Shape> sizeFromInputs;
};

// One reason an ONNX model could not be imported.
struct OnnxProblem {
  enum class Kind {
    Unsupported, // valid ONNX that webnnc does not map yet
    NotInWebNN,  // valid ONNX outside WebNN's semantics: float64, strings,
                 // empty tensors, training, 3-D convolution...
    Invalid,     // the model breaks an ONNX or WebNN rule
  };
  Kind kind = Kind::Unsupported;
  std::string node;   // node name (or its first output's name); "" for the model
  std::string opType; // "" for model-level problems
  std::string reason;
  // The input that had to be known at compile time but is not (a graph
  // input feeding a Reshape's shape...): fixing it with constantInputs
  // may make the model importable.
  std::string needsConstant;
  // "node 'conv1' (Conv): unsupported: 3-D convolution"
  std::string message() const;
};

struct OnnxImportError {
  std::string source; // the file name, for messages
  std::vector<OnnxProblem> problems;
  // Only unsupported features (also outside WebNN), no invalid input.
  bool onlyUnsupported() const;
  // Only features outside WebNN's semantics.
  bool onlyNotInWebNN() const;
  // "model.onnx: cannot import 2 nodes:\n  node ...\n  node ..."
  std::string message() const;
};

Expected<Graph, OnnxImportError> importOnnxFile(const std::string &path,
                                                const OnnxImportOptions &options);

// |bytes| is a serialized ModelProto; external data files are looked up
// relative to |baseDirectory|.
Expected<Graph, OnnxImportError>
importOnnxBytes(std::string_view bytes, const std::string &baseDirectory,
                const std::string &sourceName, const OnnxImportOptions &options);

// A serialized TensorProto file (the ONNX test data's input_0.pb...), with
// its name. Bool tensors become uint8 0/1.
Expected<NamedTensor, std::string> readOnnxTensorFile(const std::string &path);

// The ONNX op types the importer maps (default domain), sorted.
std::vector<std::string> supportedOnnxOps();

} // namespace webnnc

#endif // WEBNNC_IMPORT_ONNXIMPORTER_H_
