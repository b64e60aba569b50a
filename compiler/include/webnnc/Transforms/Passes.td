// SPDX-License-Identifier: Apache-2.0
// webnnc's passes over the webnn dialect. Keep sorted by flag.
#ifndef WEBNNC_TRANSFORMS_PASSES_TD
#define WEBNNC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def WebNNDecomposePass : Pass<"webnn-decompose", "::mlir::ModuleOp"> {
  let summary = "Rewrite split and the recurrent ops into simpler ops";
  let description = [{
    `split` becomes one `slice` per part. `gruCell` and `lstmCell` become
    the gemm and element-wise ops of the spec's emulation; `gru` and `lstm`
    unroll their steps into one cell per step and direction, then stack
    the states. Afterwards every op has one result.
  }];
}

def WebNNOutlineKernelsPass : Pass<"webnn-outline-kernels", "::mlir::ModuleOp"> {
  let summary = "Move each compute op into its own kernel function";
  let description = [{
    Every op that needs a kernel (all but constants and reshapes, which
    only relabel memory) moves into a private `func.func` marked
    `webnn.kernel`, named `<model>_k<N>_<op>`, and the graph calls it.
    Splat constants move into the kernels that read them, where they become
    literals. Kernels whose bodies are identical (same ops, attributes and
    types) are emitted once and called from every site.
  }];
  let options = [
    Option<"modelName", "model-name", "std::string", "\"model\"",
           "Prefix of the kernel symbols (a C identifier)">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def WebNNPlanMemoryPass : Pass<"webnn-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Place every intermediate tensor in one arena";
  let description = [{
    Each kernel result gets `webnn.result_offsets`: a byte offset into the
    working arena, or `-(k+1)` when it is written straight into graph output
    `k`. Results whose lifetimes do not overlap share bytes; offsets are
    64-byte aligned. The graph function gets `webnn.arena_size`.
  }];
}

def WebNNPruneSubgraphsPass : Pass<"webnn-prune-subgraphs", "::mlir::ModuleOp"> {
  let summary = "Keep only what the requested outputs need";
  let description = [{
    With `outputs`, the graph returns exactly the named operands: graph
    outputs, or any intermediate operand named by its op's label location
    (`loc("name")`), in the order given. Operations and inputs that no
    output needs are removed; each removed input is reported as a warning.
  }];
  let options = [
    ListOption<"outputs", "outputs", "std::string",
               "Operands to compute (default: the graph's outputs)">,
  ];
}

#endif // WEBNNC_TRANSFORMS_PASSES_TD
