// RUN: webnnc-opt %s -split-input-file -verify-diagnostics \
// RUN:   -webnn-prune-subgraphs="outputs=features" | FileCheck %s --check-prefix=FEATURES
// RUN: webnnc-opt %s -split-input-file -verify-diagnostics \
// RUN:   -webnn-prune-subgraphs="outputs=features,probabilities" | FileCheck %s --check-prefix=BOTH

// Requesting the features before the classifier keeps only what they need.
// FEATURES-LABEL: func.func @main
// FEATURES-SAME: (%{{.*}}: tensor<1x8xf32> {webnn.name = "x"})
// FEATURES-SAME: -> (tensor<1x4xf32> {webnn.name = "features"})
// FEATURES: webnn.matmul
// FEATURES: %[[F:.*]] = webnn.relu
// FEATURES-NOT: webnn.softmax
// FEATURES-NOT: webnn.sigmoid
// FEATURES: return %[[F]]
// Several outputs, intermediate and final together, in the order given.
// BOTH-LABEL: func.func @main
// BOTH-SAME: -> (tensor<1x4xf32> {webnn.name = "features"}, tensor<1x4xf32> {webnn.name = "probabilities"})
// BOTH: %[[F:.*]] = webnn.relu
// BOTH: %[[P:.*]] = webnn.softmax %[[F]]
// BOTH-NOT: webnn.sigmoid
// BOTH: return %[[F]], %[[P]]
// expected-warning@+1 {{input 'mask' is not needed by the requested outputs; the compiled model does not take it}}
func.func @main(%x: tensor<1x8xf32> {webnn.name = "x"}, %mask: tensor<1x4xf32> {webnn.name = "mask"})
    -> (tensor<1x4xf32> {webnn.name = "probabilities"}, tensor<1x4xf32> {webnn.name = "masked"}) {
  %w = webnn.constant dense<0.5> : tensor<8x4xf32>
  %0 = webnn.matmul %x, %w : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32>
  %1 = webnn.relu %0 : (tensor<1x4xf32>) -> tensor<1x4xf32> loc("features")
  %2 = webnn.softmax %1 {axis = 1 : i64} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %3 = webnn.sigmoid %mask : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %4 = webnn.mul %2, %3 : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %2, %4 : tensor<1x4xf32>, tensor<1x4xf32>
}
