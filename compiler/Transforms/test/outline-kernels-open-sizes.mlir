// RUN: webnnc-opt %s -webnn-outline-kernels="model-name=m" | FileCheck %s

// Two expands with the same code but sizes named by different open
// dimensions stay two kernels: the shapes program reads each kernel's body
// to size its result, so sharing one would size both by "batch". The same
// sizes share one kernel.

// CHECK-LABEL: func.func private @m_k0_expand
// CHECK: open_sizes = ["batch"]
// CHECK-LABEL: func.func private @m_k1_expand
// CHECK: open_sizes = ["sequence"]
// CHECK-NOT: func.func private
// CHECK-LABEL: func.func @main
// CHECK: call @m_k0_expand()
// CHECK: call @m_k1_expand()
// CHECK: call @m_k0_expand()
func.func @main(%x: tensor<?x?xf32> {webnn.name = "x", webnn.open_dims = ["batch", "sequence"]}) -> (tensor<?xi64> {webnn.name = "b"}, tensor<?xi64> {webnn.name = "s"}, tensor<?xi64> {webnn.name = "b2"}) {
  %one = webnn.constant dense<1> : tensor<i64>
  %0 = webnn.expand %one {new_shape = array<i64: -1>, open_sizes = ["batch"]} : (tensor<i64>) -> tensor<?xi64>
  %1 = webnn.expand %one {new_shape = array<i64: -1>, open_sizes = ["sequence"]} : (tensor<i64>) -> tensor<?xi64>
  %2 = webnn.expand %one {new_shape = array<i64: -1>, open_sizes = ["batch"]} : (tensor<i64>) -> tensor<?xi64>
  return %0, %1, %2 : tensor<?xi64>, tensor<?xi64>, tensor<?xi64>
}
