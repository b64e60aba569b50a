// y = relu(x - 1) * 2
func.func @main(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}) {
  %one = webnn.constant dense<1.0> : tensor<f32>
  %two = webnn.constant dense<2.0> : tensor<f32>
  %0 = webnn.sub %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = webnn.relu %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = webnn.mul %1, %two : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}
