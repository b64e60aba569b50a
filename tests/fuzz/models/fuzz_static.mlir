// A static model for the compute fuzzer: two inputs, two outputs.
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}, %z: tensor<3xf32> {webnn.name = "z"}) -> (tensor<2x3xf32> {webnn.name = "y"}, tensor<2xf32> {webnn.name = "s"}) {
  %0 = webnn.add %x, %z : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = webnn.relu %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = webnn.reduce_sum %x {axes = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %1, %2 : tensor<2x3xf32>, tensor<2xf32>
}
