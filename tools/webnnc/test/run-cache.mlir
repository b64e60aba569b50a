// `webnnc run` keeps the object it compiled: a second run of the same model
// with the same flags loads it instead of compiling, and computes the same
// outputs; a flag that changes the object (--no-fuse) compiles again.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npy write %t/x.npy f4 2,3 -1.5,0,2,3.25,-4,0.5
// RUN: webnnc run %s --input x=%t/x.npy --output-dir %t/first --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: webnnc run %s --input x=%t/x.npy --output-dir %t/second --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=SECOND
// RUN: webnnc run %s --input x=%t/x.npy --output-dir %t/third --cache-dir %t/cache --progress --no-fuse 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: %npy print %t/first/y.npy > %t/first.txt
// RUN: %npy print %t/second/y.npy | diff %t/first.txt -
// RUN: %npy print %t/third/y.npy | diff %t/first.txt -

// FIRST-NOT: reused
// FIRST: webnnc: generating kernels
// FIRST: y: float32 [2,3]
// SECOND-NOT: generating kernels
// SECOND: webnnc: the compiled model is reused from
// SECOND: y: float32 [2,3]
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
  %e = webnn.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %s = webnn.softmax %e {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %s : tensor<2x3xf32>
}
