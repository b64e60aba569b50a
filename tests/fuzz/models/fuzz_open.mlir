// A model with open dimensions for the compute fuzzer: a bounded conv net
// and an unbounded matmul, with a named dimension shared by both inputs.
func.func @main(%image: tensor<?x3x?x?xf32> {webnn.name = "image", webnn.open_dims = ["batch", "height", "width"], webnn.open_dim_max = array<i64: 4, 32, 32>}, %tokens: tensor<?x8xf32> {webnn.name = "tokens", webnn.open_dims = ["n"], webnn.open_dim_max = array<i64: 0>}) -> (tensor<?x4xf32> {webnn.name = "probabilities"}, tensor<?x4xf32> {webnn.name = "projected"}) {
  %filter = webnn.constant dense<0.25> : tensor<4x3x3x3xf32>
  %conv = webnn.conv2d %image, %filter {padding = array<i64: 1, 1, 1, 1>} : (tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x?x?xf32>
  %relu = webnn.relu %conv : (tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %mean = webnn.reduce_mean %relu {axes = array<i64: 2, 3>} : (tensor<?x4x?x?xf32>) -> tensor<?x4xf32>
  %probabilities = webnn.softmax %mean {axis = 1 : i64} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %w = webnn.constant dense<0.5> : tensor<8x4xf32>
  %projected = webnn.matmul %tokens, %w : (tensor<?x8xf32>, tensor<8x4xf32>) -> tensor<?x4xf32>
  return %probabilities, %projected : tensor<?x4xf32>, tensor<?x4xf32>
}
