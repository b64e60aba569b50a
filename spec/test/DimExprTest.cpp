// SPDX-License-Identifier: Apache-2.0
// Size expressions: canonical forms, exact divisions, text round trips.
#include <gtest/gtest.h>

#include "webnnc/Spec/DimExpr.h"

using webnnc::spec::DimExpr;

namespace {

DimExpr parse(const std::string &text) {
  auto e = DimExpr::parse(text);
  EXPECT_TRUE(e) << text << ": " << (e ? "" : e.error());
  return e ? *e : DimExpr();
}

TEST(DimExpr, SpellingsOfOneSizeAreEqual) {
  DimExpr b = DimExpr::symbol("batch"), t = DimExpr::symbol("seq");
  EXPECT_EQ(b * t * DimExpr(8), DimExpr(8) * t * b);
  EXPECT_EQ((b + DimExpr(1)) * DimExpr(2), b + b + DimExpr(2));
  EXPECT_EQ((b * t).toString(), "batch * seq");
  EXPECT_EQ((b - b).constantValue(), 0);
  EXPECT_EQ(DimExpr(3) * DimExpr(4), DimExpr(12));
}

TEST(DimExpr, ExactDivisionsSimplify) {
  DimExpr b = DimExpr::symbol("batch"), t = DimExpr::symbol("seq");
  // ONNX's -1: batch * seq * 512 / (seq * 512).
  auto q = (b * t * DimExpr(512)).exactDiv(t * DimExpr(512));
  ASSERT_TRUE(q);
  EXPECT_EQ(*q, b);
  EXPECT_FALSE((b * DimExpr(3)).exactDiv(t));
  EXPECT_EQ((b * DimExpr(8)).floorDiv(4), b * DimExpr(2));
  // Not exact: stays a division, evaluated rounding down or up.
  DimExpr half = (b + DimExpr(1)).floorDiv(2);
  EXPECT_EQ(half.evaluate({{"batch", 4}}), 2);
  EXPECT_EQ((b + DimExpr(1)).ceilDiv(2).evaluate({{"batch", 4}}), 3);
  EXPECT_EQ(DimExpr(-7).floorDiv(2), DimExpr(-4));
}

TEST(DimExpr, TextRoundTrips) {
  for (const char *text :
       {"batch", "2 * batch * seq + 1", "(batch + 1) / 2", "ceil(seq, 4)",
        "'batch size' * 3", "seq - 1", "-batch + 5", "unk__1.x",
        "$0 * $2"}) {
    DimExpr e = parse(text);
    EXPECT_EQ(parse(e.toString()), e) << text << " -> " << e.toString();
  }
  // Divisions inside products and under a minus keep their grouping (a
  // Mod of a size: seq - 2 * (seq / 2)); the text evaluates as the
  // expression does.
  DimExpr seq = DimExpr::symbol("seq"), half = seq.floorDiv(2);
  for (const DimExpr &e : {half * DimExpr(2), DimExpr(0) - half,
                           seq - half * DimExpr(2), half * seq + DimExpr(1),
                           DimExpr(0) - seq.ceilDiv(3) * DimExpr(3)}) {
    DimExpr back = parse(e.toString());
    EXPECT_EQ(back, e) << e.toString();
    for (int64_t v : {1, 2, 5, 12})
      EXPECT_EQ(back.evaluate({{"seq", v}}), e.evaluate({{"seq", v}}))
          << e.toString() << " at " << v;
  }
  EXPECT_EQ((seq - half * DimExpr(2)).evaluate({{"seq", 5}}), 1);
  EXPECT_EQ(parse("(batch + 1) / 2").evaluate({{"batch", 6}}), 3);
  EXPECT_EQ(parse("ceil(seq, 4)").evaluate({{"seq", 6}}), 2);
  EXPECT_FALSE(parse("batch").evaluate({}));
  for (const char *bad : {"", "batch +", "(seq", "seq / 0", "seq / x",
                          "ceil(seq)", "'open", "3 $"})
    EXPECT_FALSE(DimExpr::parse(bad)) << bad;
}

} // namespace
