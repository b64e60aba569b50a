// SPDX-License-Identifier: Apache-2.0
// The shapes exporters write over dynamic axes (torch's dynamic_axes):
// Shape -> Gather -> Concat -> Reshape chains, Flatten, Expand and
// ConstantOfShape to computed shapes, Range to a sequence length, Slice
// with computed or end-relative bounds, and the data-movement ops over
// open dimensions. Each model is compiled once with its dimensions open
// (checked kernels: every buffer access is bounds-checked) and computed at
// several sizes against the reference evaluator on the model imported
// with those sizes, where the importer folds the same arithmetic on the
// host.
#include "OnnxOpenDimsCheck.h"

namespace webnnc {
namespace {

using test::expectEverySizeMatches;

std::vector<float> values(size_t count, unsigned seed) {
  return test::uniformValues(count, seed, 1.0f);
}

const std::vector<std::map<std::string, int64_t>> kBatchAndSequence = {
    {{"batch", 1}, {"sequence", 1}},
    {{"batch", 3}, {"sequence", 5}},
    {{"batch", 8}, {"sequence", 12}}};

// x [batch, sequence, 16].
ModelMaker tokens(int opset = 17) {
  ModelMaker m(opset);
  m.input("x", {0, 0, 16}, {"batch", "sequence"});
  return m;
}

// Shape, Gather of one size as a scalar, Unsqueeze.
void sizeOf(ModelMaker &m, const std::string &value, int64_t axis,
            const std::string &out) {
  m.node("Shape", {value}, {out + "_shape"});
  m.int64Scalar(out + "_axis", axis);
  setInt(m.node("Gather", {out + "_shape", out + "_axis"}, {out + "_scalar"}),
         "axis", 0);
  m.int64Initializer(out + "_zero", {0});
  m.node("Unsqueeze", {out + "_scalar", out + "_zero"}, {out});
}

TEST(OnnxShapeArithmetic, AttentionHeadsReshapeFromComputedShapes) {
  // The split into heads of every transformer export: [batch, sequence,
  // 4, 4] from Shape, a transpose, and back with Reshape's 0 and -1.
  ModelMaker m = tokens();
  sizeOf(m, "x", 0, "b");
  sizeOf(m, "x", 1, "s");
  m.int64Initializer("heads", {4, 4});
  setInt(m.node("Concat", {"b", "s", "heads"}, {"split_shape"}), "axis", 0);
  m.node("Reshape", {"x", "split_shape"}, {"split"});
  setInts(m.node("Transpose", {"split"}, {"heads_first"}), "perm",
          {0, 2, 1, 3});
  m.node("Softmax", {"heads_first"}, {"attention"});
  setInts(m.node("Transpose", {"attention"}, {"back"}), "perm", {0, 2, 1, 3});
  m.int64Initializer("merge", {0, 0, -1});
  m.node("Reshape", {"back", "merge"}, {"merged"});
  m.output("merged");
  expectEverySizeMatches(m, {}, kBatchAndSequence, true);
}

TEST(OnnxShapeArithmetic, FlattenAndTorchsViewFeedAGemm) {
  // LeNet's classifier head: Flatten (opset 13) or Shape-Gather-Concat
  // with -1 (torch's x.view(x.size(0), -1)), then Gemm.
  for (bool flatten : {true, false}) {
    ModelMaker m(13);
    m.input("x", {0, 2, 3, 4}, {"batch"});
    if (flatten) {
      m.node("Flatten", {"x"}, {"flat"});
    } else {
      sizeOf(m, "x", 0, "b");
      m.int64Initializer("rest", {-1});
      setInt(m.node("Concat", {"b", "rest"}, {"view"}), "axis", 0);
      m.node("Reshape", {"x", "view"}, {"flat"});
    }
    m.initializer("w", {5, 24}, values(5 * 24, 1));
    m.initializer("c", {5}, values(5, 2));
    setInt(m.node("Gemm", {"flat", "w", "c"}, {"y"}), "transB", 1);
    m.output("y");
    SCOPED_TRACE(flatten ? "Flatten" : "view");
    expectEverySizeMatches(m, {},
                           {{{"batch", 1}}, {{"batch", 4}}, {{"batch", 9}}},
                           true);
  }
}

TEST(OnnxShapeArithmetic, MasksFromRangeExpandAndConstantOfShape) {
  // Positions 0..sequence-1 (Range to a computed limit) added to every
  // token, a ones mask of the input's shape (ConstantOfShape) and a bias
  // expanded to it (Expand to Shape(x)).
  ModelMaker m = tokens();
  sizeOf(m, "x", 1, "s");
  m.int64Scalar("start", 0);
  m.int64Scalar("step", 1);
  m.int64Scalar("zero_axis", 0);
  setInt(m.node("Gather", {"s", "zero_axis"}, {"limit"}), "axis", 0);
  m.node("Range", {"start", "limit", "step"}, {"positions"});
  setInt(m.node("Cast", {"positions"}, {"positions_f"}), "to",
         onnx::TensorProto::FLOAT);
  m.int64Initializer("last", {1});
  m.node("Unsqueeze", {"positions_f", "last"}, {"column"});
  m.node("Add", {"x", "column"}, {"placed"});
  m.node("Shape", {"x"}, {"x_shape"});
  m.node("ConstantOfShape", {"x_shape"}, {"ones"});
  m.node("Sub", {"placed", "ones"}, {"shifted"});
  m.initializer("bias", {1, 1, 16}, values(16, 3));
  m.node("Expand", {"bias", "x_shape"}, {"bias_full"});
  m.node("Mul", {"shifted", "bias_full"}, {"y"});
  m.output("y");
  m.output("bias_full");
  expectEverySizeMatches(m, {}, kBatchAndSequence, true);
}

TEST(OnnxShapeArithmetic, SlicesOfOpenAxesAndToComputedBounds) {
  // table[:sequence] (GPT's position and causal buffers), x[:, -2:],
  // x[:, ::-1], x[:, 1::2] and the last token x[:, -1].
  ModelMaker m = tokens();
  m.initializer("table", {64, 16}, values(64 * 16, 4));
  sizeOf(m, "x", 1, "s");
  m.int64Initializer("zero", {0});
  m.node("Slice", {"table", "zero", "s", "zero"}, {"rows"});
  m.node("Add", {"x", "rows"}, {"with_rows"});
  m.output("with_rows");
  m.int64Initializer("one", {1});
  m.int64Initializer("minus_one", {-1});
  m.int64Initializer("minus_two", {-2});
  m.int64Initializer("two", {2});
  m.int64Initializer("end", {INT64_MAX});
  m.int64Initializer("begin", {INT64_MIN});
  m.node("Slice", {"x", "minus_one", "end", "one"}, {"last"});
  m.node("Slice", {"x", "minus_one", "begin", "one", "minus_one"},
         {"reversed"});
  m.node("Slice", {"x", "zero", "end", "one", "two"}, {"even"});
  m.node("Add", {"last", "reversed"}, {"mixed"});
  m.output("mixed");
  m.output("even");
  // A window counted from the end of the sequence axis (x[:, -3:-1]) needs
  // sequence >= 3.
  m.int64Initializer("minus_three", {-3});
  m.node("Slice", {"x", "minus_three", "minus_one", "one"}, {"window"});
  m.output("window");
  expectEverySizeMatches(m, {},
                         {{{"batch", 1}, {"sequence", 3}},
                          {{"batch", 3}, {"sequence", 5}},
                          {{"batch", 8}, {"sequence", 12}}},
                         true);
}

TEST(OnnxShapeArithmetic, ModOfSizesTruncatesToAMultiple) {
  // x[:, :sequence - sequence % 2] (Mod over a size known at compute) and
  // a float Mod of tensors (C's fmod: the dividend's sign).
  ModelMaker m = tokens();
  sizeOf(m, "x", 1, "s");
  m.int64Initializer("two", {2});
  m.node("Mod", {"s", "two"}, {"odd"});
  m.node("Sub", {"s", "odd"}, {"even_end"});
  m.int64Initializer("zero", {0});
  m.int64Initializer("one", {1});
  m.node("Slice", {"x", "zero", "even_end", "one"}, {"even_prefix"});
  m.output("even_prefix");
  m.initializer("divisor", {16}, values(16, 11));
  setInt(m.node("Mod", {"x", "divisor"}, {"remainder"}), "fmod", 1);
  m.output("remainder");
  expectEverySizeMatches(m, {},
                         {{{"batch", 1}, {"sequence", 2}},
                          {{"batch", 3}, {"sequence", 5}},
                          {{"batch", 2}, {"sequence", 12}}},
                         true);
}

TEST(OnnxShapeArithmetic, DataMovementOverOpenDimensions) {
  // Concat along and beside the open axis, Split beside it, Pad, Tile,
  // Gather, Transpose, Where, CumSum, Trilu and ArgMax.
  ModelMaker m = tokens();
  setInt(m.node("Concat", {"x", "x"}, {"along"}), "axis", 1);
  setInt(m.node("Concat", {"x", "x"}, {"beside"}), "axis", 2);
  m.int64Initializer("halves", {16, 16});
  setInt(m.node("Split", {"beside", "halves"}, {"left", "right"}), "axis", 2);
  m.node("Sub", {"left", "right"}, {"difference"});
  m.output("along");
  m.output("difference");
  m.int64Initializer("pads", {0, 1, 2, 0, 0, 3});
  m.node("Pad", {"x", "pads"}, {"padded"});
  m.int64Initializer("repeats", {2, 1, 1});
  m.node("Tile", {"padded", "repeats"}, {"tiled"});
  m.output("tiled");
  m.int64Initializer("picks", {3, 0, 3});
  setInt(m.node("Gather", {"x", "picks"}, {"picked"}), "axis", 2);
  m.node("Greater", {"picked", "picked_zero"}, {"positive"});
  m.initializer("picked_zero", {1}, {0.0f});
  m.node("Where", {"positive", "picked", "picked_zero"}, {"relu"});
  m.output("relu");
  m.int64Scalar("cum_axis", 1);
  m.node("CumSum", {"x", "cum_axis"}, {"running"});
  m.output("running");
  setInt(m.node("Trilu", {"x"}, {"upper"}), "upper", 1);
  m.output("upper");
  setInt(m.node("ArgMax", {"x"}, {"best"}), "axis", 1);
  m.output("best");
  expectEverySizeMatches(m, {}, kBatchAndSequence, true);
}

TEST(OnnxShapeArithmetic, PixelRearrangementsOverOpenBatchAndSize) {
  ModelMaker m;
  m.input("x", {0, 8, 0, 0}, {"batch", "", "height", "width"});
  setInt(m.node("DepthToSpace", {"x"}, {"up"}), "blocksize", 2);
  setInt(m.node("SpaceToDepth", {"up"}, {"down"}), "blocksize", 2);
  m.node("Sub", {"down", "x"}, {"round_trip"});
  m.output("up");
  m.output("round_trip");
  expectEverySizeMatches(m, {},
                         {{{"batch", 1}, {"height", 1}, {"width", 1}},
                          {{"batch", 2}, {"height", 3}, {"width", 5}}},
                         true);
}

TEST(OnnxShapeArithmetic, TransposedConvsOverOpenBatchAndSize) {
  // SAME_UPPER with stride 2 (padding from the window), SAME_LOWER where
  // the window is smaller than the stride (the rest becomes
  // outputPadding), explicit pads with output_padding, and a 1-D one over
  // an open length: each imported open against the same model sized.
  ModelMaker m;
  m.input("x", {0, 3, 0, 0}, {"batch", "", "height", "width"});
  m.initializer("w1", {3, 4, 3, 3}, test::uniformValues(3 * 4 * 9, 31, 0.5f));
  m.initializer("w2", {4, 2, 1, 1}, test::uniformValues(4 * 2, 32, 0.5f));
  m.initializer("w3", {2, 2, 4, 4}, test::uniformValues(2 * 2 * 16, 33, 0.5f));
  m.initializer("b3", {2}, test::uniformValues(2, 34, 0.5f));
  auto *same = m.node("ConvTranspose", {"x", "w1"}, {"same"});
  setString(same, "auto_pad", "SAME_UPPER");
  setInts(same, "strides", {2, 2});
  auto *lower = m.node("ConvTranspose", {"same", "w2"}, {"lower"});
  setString(lower, "auto_pad", "SAME_LOWER");
  setInts(lower, "strides", {2, 3});
  auto *padded = m.node("ConvTranspose", {"lower", "w3", "b3"}, {"padded"});
  setInts(padded, "strides", {2, 2});
  setInts(padded, "pads", {1, 2, 1, 0});
  setInts(padded, "output_padding", {1, 0});
  m.output("same");
  m.output("padded");
  m.input("s", {0, 2, 0}, {"batch", "", "length"});
  m.initializer("w4", {2, 3, 5}, test::uniformValues(2 * 3 * 5, 35, 0.5f));
  auto *line = m.node("ConvTranspose", {"s", "w4"}, {"line"});
  setInts(line, "strides", {3});
  setInts(line, "pads", {1, 2});
  m.output("line");
  expectEverySizeMatches(
      m, {},
      {{{"batch", 1}, {"height", 1}, {"width", 1}, {"length", 1}},
       {{"batch", 2}, {"height", 3}, {"width", 5}, {"length", 4}},
       {{"batch", 3}, {"height", 8}, {"width", 2}, {"length", 9}}},
      true);
}

TEST(OnnxShapeArithmetic, LocalResponseNormalizationOverOpenSizes) {
  // LRN (AlexNet's, GoogLeNet's) with an even window over an open batch
  // and image: the channel window as a conv over [n, 1, channels, h * w].
  ModelMaker m;
  m.input("x", {0, 7, 0, 0}, {"batch", "", "height", "width"});
  auto *lrn = m.node("LRN", {"x"}, {"y"});
  setInt(lrn, "size", 4);
  auto *alpha = lrn->add_attribute();
  alpha->set_name("alpha");
  alpha->set_type(onnx::AttributeProto::FLOAT);
  alpha->set_f(0.02f);
  m.output("y");
  expectEverySizeMatches(m, {},
                         {{{"batch", 1}, {"height", 1}, {"width", 1}},
                          {{"batch", 3}, {"height", 5}, {"width", 9}}},
                         true);
}

TEST(OnnxShapeArithmetic, SizesReadAsTensorData) {
  // Sizes used as numbers: x divided by the sequence length as a float; a
  // Concat of sizes and computed data; torch's index_put (x[:, 0] = v) as
  // ScatterND with indices from a Range over the batch and updates sized
  // by a Concat that holds an empty shape tail (shape[3:]).
  ModelMaker m;
  m.input("x", {0, 0, 4}, {"batch", "sequence"});
  m.node("Shape", {"x"}, {"shape"});
  m.int64Initializer("one", {1});
  m.int64Initializer("two", {2});
  m.int64Initializer("three", {3});
  m.int64Initializer("nine", {9});
  m.int64Scalar("first", 0);
  m.int64Scalar("step", 1);
  m.node("Slice", {"shape", "one", "two"}, {"sequence"});
  setInt(m.node("Cast", {"sequence"}, {"sequence_f"}), "to",
         onnx::TensorProto::FLOAT);
  m.node("Div", {"x", "sequence_f"}, {"scaled"});
  m.output("scaled");
  m.node("Gather", {"shape", "first"}, {"batch"});
  m.node("Range", {"first", "batch", "step"}, {"rows"});
  setInt(m.node("Concat", {"sequence", "rows"}, {"mixed"}), "axis", 0);
  m.output("mixed");
  m.int64Initializer("column", {-1, 1});
  m.node("Reshape", {"rows", "column"}, {"row_column"});
  m.int64Initializer("zero", {0});
  m.node("Mul", {"row_column", "zero"}, {"zeros"});
  setInt(m.node("Concat", {"row_column", "zeros"}, {"indices"}), "axis", 1);
  m.node("Slice", {"shape", "three", "nine"}, {"empty_tail"});
  m.node("Slice", {"shape", "two", "three"}, {"depth"});
  m.int64Initializer("zero_start", {0});
  m.node("Slice", {"shape", "zero_start", "one"}, {"batch_list"});
  setInt(m.node("Concat", {"batch_list", "depth", "empty_tail"},
                {"update_shape"}),
         "axis", 0);
  m.initializer("fill", {1}, {0.25f});
  m.node("Expand", {"fill", "update_shape"}, {"updates"});
  m.node("ScatterND", {"x", "indices", "updates"}, {"put"});
  m.output("put");
  expectEverySizeMatches(m, {},
                         {{{"batch", 1}, {"sequence", 1}},
                          {{"batch", 3}, {"sequence", 5}},
                          {{"batch", 8}, {"sequence", 2}}},
                         true);
}

TEST(OnnxShapeArithmetic, ResizesOverOpenSizes) {
  // Upsampling by 2 (nearest, asymmetric floor: torch's interpolate),
  // downsampling by 2 and by 3/2 (bilinear, half_pixel) over an open
  // height and width, and resizing an open image to fixed sizes.
  ModelMaker m(13);
  m.input("x", {0, 3, 0, 0}, {"batch", "", "height", "width"});
  m.initializer("up", {4}, {1, 1, 2, 2});
  m.initializer("down", {4}, {1, 1, 0.5f, 0.5f});
  m.initializer("odd", {4}, {1, 1, 1.5f, 1.5f});
  m.int64Initializer("fixed", {0, 0, 5, 7});
  auto *up = m.node("Resize", {"x", "", "up"}, {"upsampled"});
  setString(up, "mode", "nearest");
  setString(up, "coordinate_transformation_mode", "asymmetric");
  setString(up, "nearest_mode", "floor");
  for (const char *name : {"down", "odd"}) {
    auto *resize = m.node("Resize", {"x", "", name},
                          {std::string(name) + "_sampled"});
    setString(resize, "mode", "linear");
    setString(resize, "coordinate_transformation_mode", "half_pixel");
    m.output(std::string(name) + "_sampled");
  }
  m.output("upsampled");
  // Sizes for the batch and channels are the input's (Shape, Slice).
  m.node("Shape", {"x"}, {"x_shape"});
  m.int64Initializer("zero", {0});
  m.int64Initializer("two", {2});
  m.node("Slice", {"x_shape", "zero", "two"}, {"leading"});
  m.int64Initializer("spatial", {5, 7});
  setInt(m.node("Concat", {"leading", "spatial"}, {"sizes"}), "axis", 0);
  auto *sized = m.node("Resize", {"x", "", "", "sizes"}, {"resized"});
  setString(sized, "mode", "linear");
  setString(sized, "coordinate_transformation_mode", "half_pixel");
  m.output("resized");
  expectEverySizeMatches(m, {},
                         {{{"batch", 1}, {"height", 2}, {"width", 2}},
                          {{"batch", 2}, {"height", 6}, {"width", 9}},
                          {{"batch", 1}, {"height", 17}, {"width", 4}}},
                         true);
}

TEST(OnnxShapeArithmetic, QuantizeDequantizeOverOpenDimensions) {
  // A QDQ pair around a MatMul over an open batch and sequence, with a
  // per-tensor activation scale and per-channel weight scales (axis 1, a
  // static dimension).
  ModelMaker m(13);
  m.input("x", {0, 0, 16}, {"batch", "sequence"});
  m.initializer("x_scale", {}, {0.02f});
  auto *xzp = m.graph->add_initializer();
  xzp->set_name("x_zero");
  xzp->set_data_type(onnx::TensorProto::UINT8);
  xzp->set_raw_data(std::string(1, char(128)));
  m.node("QuantizeLinear", {"x", "x_scale", "x_zero"}, {"xq"});
  m.node("DequantizeLinear", {"xq", "x_scale", "x_zero"}, {"xd"});
  m.initializer("w", {16, 8}, values(16 * 8, 5));
  m.node("MatMul", {"xd", "w"}, {"y"});
  m.initializer("y_scale", {8}, values(8, 6));
  m.node("Abs", {"y_scale"}, {"y_scale_abs"});
  auto *yzp = m.graph->add_initializer();
  yzp->set_name("y_zero");
  yzp->set_data_type(onnx::TensorProto::INT8);
  yzp->add_dims(8);
  yzp->set_raw_data(std::string(8, char(0)));
  setInt(m.node("QuantizeLinear", {"y", "y_scale_abs", "y_zero"}, {"yq"}),
         "axis", 2);
  m.output("yq");
  m.output("xd");
  expectEverySizeMatches(m, {}, kBatchAndSequence, true);
}

// W, R and B of a GRU or LSTM (|gates| per direction).
void addRecurrentWeights(ModelMaker &m, int64_t dirs, int64_t gates,
                         int64_t hidden, int64_t in) {
  m.initializer("w", {dirs, gates * hidden, in},
                values(size_t(dirs * gates * hidden * in), 7));
  m.initializer("r", {dirs, gates * hidden, hidden},
                values(size_t(dirs * gates * hidden * hidden), 8));
  m.initializer("b", {dirs, 2 * gates * hidden},
                values(size_t(dirs * 2 * gates * hidden), 9));
}

TEST(OnnxShapeArithmetic, RecurrentNetworksOverAnOpenBatch) {
  // A bidirectional LSTM and a GRU without initial states (their zero
  // states are sized by the batch at compute), 4 steps, open batch.
  for (const char *type : {"LSTM", "GRU"}) {
    int64_t gates = std::string(type) == "LSTM" ? 4 : 3, hidden = 5, in = 3;
    int64_t dirs = std::string(type) == "LSTM" ? 2 : 1;
    ModelMaker m(13);
    m.input("x", {4, 0, in}, {"", "batch"});
    addRecurrentWeights(m, dirs, gates, hidden, in);
    auto *node = m.node(type, {"x", "w", "r", "b"}, {"y", "y_h"}, "rnn");
    setInt(node, "hidden_size", hidden);
    if (dirs == 2)
      setString(node, "direction", "bidirectional");
    m.output("y");
    m.output("y_h");
    SCOPED_TRACE(type);
    expectEverySizeMatches(m, {}, {{{"batch", 1}}, {{"batch", 6}}}, true);
  }
}

// An open sequence length: the steps run as one kernel's loop
// (webnn.recurrence), every result (sequence, last hidden, last cell) at
// lengths 1 to 6 and several batches, in checked kernels. LSTMs with
// peepholes and initial states, both directions; GRUs with the reset gate
// before and after the recurrent product, reversed, with and without an
// initial state.
TEST(OnnxShapeArithmetic, RecurrentNetworksOverAnOpenSequence) {
  struct Case {
    const char *type;
    const char *direction;
    int64_t linearBeforeReset;
    bool initial;
  };
  for (Case c :
       {Case{"LSTM", "bidirectional", 0, true},
        Case{"LSTM", "forward", 0, false}, Case{"GRU", "reverse", 0, true},
        Case{"GRU", "bidirectional", 1, false}}) {
    bool lstm = std::string(c.type) == "LSTM";
    int64_t gates = lstm ? 4 : 3, hidden = 5, in = 3;
    int64_t dirs = std::string(c.direction) == "bidirectional" ? 2 : 1;
    ModelMaker m(14);
    m.input("x", {0, 0, in}, {"sequence", "batch"});
    addRecurrentWeights(m, dirs, gates, hidden, in);
    std::vector<std::string> inputs{"x", "w", "r", "b"};
    if (c.initial) {
      m.input("h0", {dirs, 0, hidden}, {"", "batch"});
      inputs.insert(inputs.end(), {"", "h0"});
      if (lstm) {
        m.input("c0", {dirs, 0, hidden}, {"", "batch"});
        m.initializer("p", {dirs, 3 * hidden},
                      values(size_t(dirs * 3 * hidden), 10));
        inputs.insert(inputs.end(), {"c0", "p"});
      }
    }
    std::vector<std::string> outputs{"y", "y_h"};
    if (lstm)
      outputs.push_back("y_c");
    auto *node = m.node(c.type, inputs, outputs, "rnn");
    setInt(node, "hidden_size", hidden);
    setString(node, "direction", c.direction);
    if (!lstm)
      setInt(node, "linear_before_reset", c.linearBeforeReset);
    for (const std::string &o : outputs)
      m.output(o);
    SCOPED_TRACE(std::string(c.type) + " " + c.direction);
    expectEverySizeMatches(m, {},
                           {{{"sequence", 1}, {"batch", 1}},
                            {{"sequence", 4}, {"batch", 3}},
                            {{"sequence", 6}, {"batch", 2}}},
                           true);
  }
  // RNN, unrolled by the importer, needs the length.
  ModelMaker open(14);
  open.input("x", {0, 0, 3}, {"sequence", "batch"});
  open.initializer("w", {1, 5, 3}, values(15, 7));
  open.initializer("r", {1, 5, 5}, values(25, 8));
  setInt(open.node("RNN", {"x", "w", "r"}, {"y"}, "rnn"), "hidden_size", 5);
  open.output("y");
  auto refused = open.import();
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message().find("an open sequence length"),
            std::string::npos)
      << refused.error().message();
}

} // namespace
} // namespace webnnc
