// RUN: webnnc-opt %s -verify-diagnostics -webnn-prune-subgraphs="outputs=act"
// RUN: not webnnc-opt %s -webnn-prune-subgraphs="outputs=x" 2>&1 | FileCheck %s --check-prefix=INPUT
// RUN: not webnnc-opt %s -webnn-prune-subgraphs="outputs=w" 2>&1 | FileCheck %s --check-prefix=CONSTANT
// RUN: not webnnc-opt %s -webnn-prune-subgraphs="outputs=y,y" 2>&1 | FileCheck %s --check-prefix=TWICE

// INPUT: error: output 'x' is a graph input; outputs must be computed
// CONSTANT: error: output 'w' is a constant; outputs must be computed
// TWICE: error: output 'y' is requested twice

// expected-error@+1 {{output 'act' is ambiguous: several operations carry that label}}
func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
  %w = webnn.constant dense<1.0> : tensor<2xf32> loc("w")
  %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32> loc("act")
  %1 = webnn.tanh %0 : (tensor<2xf32>) -> tensor<2xf32> loc("act")
  %2 = webnn.add %1, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %2 : tensor<2xf32>
}
