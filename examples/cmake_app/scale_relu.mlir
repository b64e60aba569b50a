// y = relu(2 * x - 1)
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
  %two = webnn.constant dense<2.0> : tensor<f32>
  %one = webnn.constant dense<1.0> : tensor<f32>
  %0 = webnn.mul %x, %two : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = webnn.sub %0, %one : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %2 = webnn.relu %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}
