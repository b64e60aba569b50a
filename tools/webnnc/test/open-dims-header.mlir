// The generated header of a model with open dimensions: operands shown with
// '?', usage through webnnc_executor_compute with runtime-allocated outputs,
// and no typed structs (their element counts are not known).
// RUN: webnnc %s -o %t.o --header %t.h --name=dyn
// RUN: FileCheck %s < %t.h

// CHECK: input 0 'x' (x): float32 [?,4]
// CHECK: output 0 'y' (y): float32 [?,4]
// CHECK: webnnc_dyn_create(NULL, &e)
// CHECK-NEXT: webnnc_tensor_t in[1] = {...};
// CHECK-NEXT: webnnc_tensor_t out[1] = {0};
// CHECK-NEXT: webnnc_status_t s = webnnc_executor_compute(e, in, 1, out, 1);
// CHECK: webnnc_tensor_free(&out[0]);
// CHECK-NOT: webnnc_dyn_inputs_t
// CHECK-NOT: webnnc_dyn_compute(
// CHECK: static inline webnnc_status_t webnnc_dyn_create(
// CHECK-NOT: webnnc_dyn_compute(
func.func @main(%x: tensor<?x4xf32> {webnn.name = "x", webnn.open_dims = ["batch"]}) -> (tensor<?x4xf32> {webnn.name = "y"}) {
  %0 = webnn.relu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
