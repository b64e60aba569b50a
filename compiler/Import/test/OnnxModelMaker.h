// SPDX-License-Identifier: Apache-2.0
// Small ONNX models built in tests with libonnx's protobuf classes.
#ifndef WEBNNC_IMPORT_TEST_ONNXMODELMAKER_H_
#define WEBNNC_IMPORT_TEST_ONNXMODELMAKER_H_

#include <string>
#include <vector>

#include "onnx/onnx_pb.h"
#include "webnnc/Import/OnnxImporter.h"

namespace webnnc {

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
  // A rank-0 int64 initializer (Range's bounds, Gather's scalar index).
  void int64Scalar(const std::string &name, int64_t value) {
    auto *t = graph->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    t->add_int64_data(value);
  }
  Expected<Graph, OnnxImportError> import(const OnnxImportOptions &options = {},
                                          const std::string &base = ".") {
    std::string bytes;
    model.SerializeToString(&bytes);
    return importOnnxBytes(bytes, base, "test.onnx", options);
  }
};

// Attributes on a node under construction.
inline void setInt(onnx::NodeProto *node, const std::string &name,
                   int64_t value) {
  auto *a = node->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INT);
  a->set_i(value);
}
inline void setInts(onnx::NodeProto *node, const std::string &name,
                    const std::vector<int64_t> &values) {
  auto *a = node->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INTS);
  for (int64_t v : values)
    a->add_ints(v);
}
inline void setString(onnx::NodeProto *node, const std::string &name,
                      const std::string &value) {
  auto *a = node->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRING);
  a->set_s(value);
}

} // namespace webnnc

#endif // WEBNNC_IMPORT_TEST_ONNXMODELMAKER_H_
