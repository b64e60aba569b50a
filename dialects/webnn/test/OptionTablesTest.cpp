// SPDX-License-Identifier: Apache-2.0
// The options tables (webnnc/Spec/Options.h) name, for each value member,
// the ODS accessor its attribute has; the attribute's name is derived from
// it. Every op that holds a dictionary must have each derived attribute,
// or the frontend would write an attribute the op ignores.
#include <gtest/gtest.h>

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Spec/OptionMembers.h"

using namespace mlir;
namespace spec = webnnc::spec;

namespace {

struct AttributeNames {
  std::vector<std::string> names;
  template <typename Access, typename Attribute>
  void value(spec::OptionName name, Access, Attribute) {
    names.push_back(name.attribute());
  }
  template <typename Access, typename Operand>
  void operand(spec::OptionName, Access, Operand) {}
};

// The attributes of Options' value members that Op lacks.
template <typename Op, typename Options> std::vector<std::string> missing() {
  AttributeNames visitor;
  spec::OptionMembers<Options>::visit(visitor);
  std::vector<std::string> out;
  for (const std::string &name : visitor.names)
    if (!llvm::is_contained(Op::getAttributeNames(), name))
      out.push_back(Op::getOperationName().str() + "." + name);
  return out;
}

TEST(OptionTables, AttributeNamesFollowOdsAccessors) {
  EXPECT_EQ(spec::OptionName({"aTranspose", "ATranspose"}).attribute(),
            "a_transpose");
  EXPECT_EQ(spec::OptionName({"outputShapeRounding", "OutputShapeRounding"})
                .attribute(),
            "output_shape_rounding");
  EXPECT_EQ(spec::OptionName({"axis", "Axis"}).attribute(), "axis");
}

TEST(OptionTables, EveryRowNamesAnAttributeOfItsOps) {
  std::vector<std::vector<std::string>> all = {
      missing<webnn::Conv2dOp, spec::Conv2dOptions>(),
      missing<webnn::ConvTranspose2dOp, spec::ConvTranspose2dOptions>(),
      missing<webnn::AveragePool2dOp, spec::Pool2dOptions>(),
      missing<webnn::L2Pool2dOp, spec::Pool2dOptions>(),
      missing<webnn::MaxPool2dOp, spec::Pool2dOptions>(),
      missing<webnn::Resample2dOp, spec::Resample2dOptions>(),
      missing<webnn::ClampOp, spec::ClampOptions>(),
      missing<webnn::EluOp, spec::EluOptions>(),
      missing<webnn::LeakyReluOp, spec::LeakyReluOptions>(),
      missing<webnn::HardSigmoidOp, spec::HardSigmoidOptions>(),
      missing<webnn::LinearOp, spec::LinearOptions>(),
      missing<webnn::GemmOp, spec::GemmOptions>(),
      missing<webnn::BatchNormalizationOp, spec::BatchNormalizationOptions>(),
      missing<webnn::InstanceNormalizationOp,
              spec::InstanceNormalizationOptions>(),
      missing<webnn::LayerNormalizationOp, spec::LayerNormalizationOptions>(),
      missing<webnn::ReduceSumOp, spec::ReduceOptions>(),
      missing<webnn::ArgMaxOp, spec::ArgMinMaxOptions>(),
      missing<webnn::CumulativeSumOp, spec::CumulativeSumOptions>(),
      missing<webnn::TransposeOp, spec::TransposeOptions>(),
      missing<webnn::PadOp, spec::PadOptions>(),
      missing<webnn::ReverseOp, spec::ReverseOptions>(),
      missing<webnn::SliceOp, spec::SliceOptions>(),
      missing<webnn::SplitOp, spec::SplitOptions>(),
      missing<webnn::GatherOp, spec::GatherOptions>(),
      missing<webnn::GatherElementsOp, spec::GatherOptions>(),
      missing<webnn::ScatterElementsOp, spec::ScatterOptions>(),
      missing<webnn::TriangularOp, spec::TriangularOptions>(),
      missing<webnn::GruCellOp, spec::GruCellOptions>(),
      missing<webnn::GruOp, spec::GruOptions>(),
      missing<webnn::LstmCellOp, spec::LstmCellOptions>(),
      missing<webnn::LstmOp, spec::LstmOptions>(),
  };
  std::vector<std::string> flat;
  for (const auto &names : all)
    flat.insert(flat.end(), names.begin(), names.end());
  EXPECT_TRUE(flat.empty()) << "first: " << (flat.empty() ? "" : flat[0]);
}

// A misnamed row is caught: the check is not vacuous.
TEST(OptionTables, AMisnamedRowIsReported) {
  auto wrong = missing<webnn::GatherOp, spec::TriangularOptions>();
  EXPECT_EQ(wrong.size(), 2u);
}

} // namespace
