// SPDX-License-Identifier: Apache-2.0
// Builds one Halide pipeline per KernelSpec and compiles it to an object.
#include "KernelGen.h"

#include <stdexcept>

#include "Common.h"
#include "kernels/Families.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

// Declares that a buffer is dense, row-major and exactly |shape|: Halide
// then specializes every loop bound and stride.
// Open dimensions start at 0; their extent, and the strides outside them,
// come from the buffer at compute.
template <typename Dims>
void constrainDense(Dims &&dim, const spec::Shape &shape) {
  int64_t stride = 1;
  for (size_t d = 0; d < shape.size(); ++d) {
    int64_t extent = extentOf(shape, d);
    if (stride > 0)
      dim(d).set_stride(int(stride));
    if (isOpen(extent)) {
      dim(d).set_min(0);
      stride = 0; // unknown from here outwards
      continue;
    }
    dim(d).set_bounds(0, int(extent));
    if (stride > 0)
      stride *= extent;
  }
}

// Sizes of an element-wise result's open dimensions: those of an operand
// dimension that is not a static 1 (open dimensions never broadcast).
void deriveBroadcastExtents(Value &result, const std::vector<Value> &operands) {
  const spec::Shape &shape = result.type.shape;
  result.openExtents.assign(shape.size(), Expr());
  for (size_t d = 0; d < shape.size(); ++d) {
    if (!isOpen(shape[d]))
      continue;
    for (const Value &operand : operands) {
      size_t rank = operand.type.shape.size();
      if (rank + d < shape.size())
        continue;
      size_t od = rank - shape.size() + d;
      if (isOpen(operand.type.shape[od]) && od < operand.openExtents.size() &&
          operand.openExtents[od].defined()) {
        result.openExtents[d] = operand.openExtents[od];
        break;
      }
    }
  }
}

Defined defineOp(const kernels::OpSpec &op, const std::vector<Value> &operands) {
  for (auto family :
       {defineElementwise, defineConv2d, defineWinogradConv2d,
        defineConvTranspose2d, definePool2d, defineResample2d, defineMatmul,
        defineDataMovement, defineReduction, defineNormalization, defineGather,
        defineQuantize, defineQuantizedConv2d, defineQuantizedAdd,
        defineRecurrence})
    if (std::optional<Defined> defined = family(op, operands))
      return *defined;
  throw std::runtime_error("no kernel for op '" + op.kind + "'");
}

// Applies the stages' schedules. The last stage is the kernel's output and
// scheduled at root. A first stage is placed where the compiler said
// (KernelSpec::producer): inside the pooling's tiles (rows, and a block of
// channels in nchw), a few rows at a time; slid down a depthwise conv's
// rows; or, element-wise ops only, inlined into a reduction, each element
// read once.
void scheduleStages(const kernels::KernelSpec &kernel,
                    const std::vector<Value> &values,
                    const std::vector<Schedule> &schedules, Func output,
                    const Target &target) {
  std::vector<kernels::KernelStage> stages = kernel.stages();
  if (stages.empty() || stages.size() > 2)
    throw std::runtime_error("kernels have one or two stages, this one " +
                             std::to_string(stages.size()));
  const kernels::KernelStage &last = stages.back();
  Placement placement{/*root=*/true, kernel.inPlace};
  using kernels::ProducerPlacement;
  if ((stages.size() == 2) != (kernel.producer != ProducerPlacement::None))
    throw std::runtime_error(
        "a kernel of " + std::to_string(stages.size()) +
        " stages with producer placement '" +
        std::string(toString(kernel.producer)) + "'");
  if (stages.size() == 2) {
    const kernels::KernelStage &first = stages.front();
    Func produced = values[kernel.inputs.size() + first.end - 1].func;
    switch (kernel.producer) {
    case ProducerPlacement::PoolTiles:   // the pooling schedule places it
    case ProducerPlacement::SlidingRows: { // the depthwise schedule does
      placement.producer = produced;
      // One row per tile: the rows a pooling step needs vary (more for the
      // first), and a taller tile would reach above them.
      Placement inner{/*root=*/false};
      inner.singleRowTiles = true;
      schedules[first.anchor](produced, target, inner);
      break;
    }
    case ProducerPlacement::Inlined:
      if (!kernel.ops[first.anchor].elementwise)
        throw std::runtime_error("cannot inline " +
                                 kernel.ops[first.anchor].kind + " into " +
                                 kernel.ops[last.anchor].kind);
      break;
    case ProducerPlacement::None:
      break;
    }
  }
  schedules[last.anchor](output, target, placement);
}

// An input read in a checked kernel: each element read is tested against
// the buffer's bounds (Halide's own asserts test the region bounds
// inference requires, which a sliding window overestimates), an element
// outside fails the kernel naming the buffer and the index, and the read
// itself is clamped inside, so nothing outside is ever touched.
Expr checkedRead(const std::string &kernel, const ImageParam &param,
                 const std::vector<Var> &vars) {
  Expr inside = Internal::const_true();
  std::vector<Expr> clamped;
  std::vector<Expr> message = {
      Expr(kernel + " reads " + param.name() + " at (Halide order)")};
  for (int d = 0; d < param.dimensions(); ++d) {
    Expr min = param.dim(d).min(), max = min + param.dim(d).extent() - 1;
    inside = inside && vars[d] >= min && vars[d] <= max;
    clamped.push_back(clamp(vars[d], min, max));
    message.push_back(vars[d]);
  }
  // Halide's require() would print the value read first; this is its
  // expansion with the message alone (an int, as its asserts want).
  Expr failed = Internal::requirement_failed_error(inside, message);
  Expr check = Internal::Call::make(Int(32), Internal::Call::require,
                                    {likely(inside), 0, failed},
                                    Internal::Call::PureIntrinsic);
  Expr value = param(clamped);
  return select(check == 0, value, Internal::make_zero(value.type()));
}

Module buildKernel(const kernels::KernelSpec &kernel, const Target &target,
                   const std::string &stmtPath) {
  // Kernels compiled with asserts are the checked test mode.
  bool checked = !target.has_feature(Target::NoAsserts);
  std::vector<ImageParam> params;
  std::vector<Value> values;
  for (size_t i = 0; i < kernel.inputs.size(); ++i) {
    const kernels::TensorSpec &type = kernel.inputs[i];
    size_t rank = type.shape.size();
    ImageParam param(storageType(type.dataType), int(rank),
                     "in" + std::to_string(i));
    constrainDense([&](int d) { return param.dim(d); }, type.shape);
    Func wrapped("input" + std::to_string(i));
    std::vector<Var> vars = makeVars(rank);
    wrapped(vars) = checked ? checkedRead(kernel.name, param, vars) : param(vars);
    params.push_back(param);
    std::vector<Expr> extents(rank);
    for (size_t d = 0; d < rank; ++d)
      if (isOpen(type.shape[d]))
        extents[d] = param.dim(int(rank - 1 - d)).extent();
    values.push_back({wrapped, type, extents});
  }
  std::vector<Schedule> schedules;
  for (const kernels::OpSpec &op : kernel.ops) {
    std::vector<Value> operands;
    for (int v : op.operands)
      operands.push_back(values.at(v));
    Defined defined = defineOp(op, operands);
    if (defined.value.type != op.result)
      throw std::runtime_error(op.kind + " defined the wrong result type");
    if (defined.value.openExtents.empty() && op.elementwise)
      deriveBroadcastExtents(defined.value, operands);
    values.push_back(defined.value);
    schedules.push_back(defined.schedule);
  }
  if (kernel.outputs.size() != 1)
    throw std::runtime_error("kernels have exactly one output for now");
  int outputValue = kernel.outputs.front();
  if (outputValue < int(kernel.inputs.size()))
    throw std::runtime_error("a kernel output must be computed by an op");
  Func output = values[outputValue].func;
  constrainDense([&](int d) { return output.output_buffer().dim(d); },
                 values[outputValue].type.shape);
  scheduleStages(kernel, values, schedules, output, target);
  std::vector<Argument> args(params.begin(), params.end());
  Pipeline pipeline(output);
  if (!stmtPath.empty())
    pipeline.compile_to_lowered_stmt(stmtPath, args, Text, target);
  return pipeline.compile_to_module(args, kernel.name, target);
}

// Halide's LLVM 14 tunes this CPU family to prefer 256-bit vectors, which
// splits every 512-bit operation in two; the kernels are written for the
// target's natural (512-bit) width, so ask for it.
void preferWideVectors(llvm::Module &module, const Target &target) {
  if (!target.has_feature(Target::AVX512))
    return;
  for (llvm::Function &fn : module) {
    if (fn.isDeclaration())
      continue;
    fn.addFnAttr("prefer-vector-width", "512");
    fn.addFnAttr("min-legal-vector-width", "512");
  }
}

void writeModule(const Module &module, const Target &target,
                 const std::string &path, bool assembly) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule =
      compile_module_to_llvm_module(module, context);
  preferWideVectors(*llvmModule, target);
  std::unique_ptr<llvm::raw_fd_ostream> out = make_raw_fd_ostream(path);
  if (assembly)
    compile_llvm_module_to_assembly(*llvmModule, *out);
  else
    compile_llvm_module_to_object(*llvmModule, *out);
  out->close();
  if (out->has_error())
    throw std::runtime_error("cannot write '" + path + "'");
}

} // namespace

std::string compileKernelBatch(const kernels::KernelBatch &batch,
                               const KernelGenOptions &options) {
  Target target;
  try {
    target = Target(batch.target);
  } catch (const Halide::Error &e) {
    return "invalid Halide target '" + batch.target + "': " + e.what();
  }
  setStrictStores(isDeterministic(target));
  for (const kernels::KernelSpec &kernel : batch.kernels) {
    try {
      std::string base = options.outputDir + "/" + kernel.name;
      Module module =
          buildKernel(kernel, target, options.emitStmt ? base + ".stmt" : "");
      writeModule(module, target, base + ".o", /*assembly=*/false);
      if (options.emitAssembly)
        writeModule(module, target, base + ".s", /*assembly=*/true);
    } catch (const Halide::Error &e) {
      return "kernel '" + kernel.name + "': Halide: " + e.what();
    } catch (const std::exception &e) {
      return "kernel '" + kernel.name + "': " + e.what();
    }
  }
  return "";
}

} // namespace webnnc::halide
