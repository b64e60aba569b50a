// RUN: rm -rf %t && mkdir -p %t
// RUN: %npy write %t/x.npy f4 2,3 -1.5,0,2,3.25,-4,0.5
// RUN: %npy write %t/h.npy f2 3 0.5,-1,2
// RUN: webnnc run %s --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/compiled | FileCheck %s
// RUN: webnnc run %s --reference --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/reference
// RUN: %npy print %t/compiled/y.npy | FileCheck %s --check-prefix=Y
// RUN: %npy compare %t/compiled/y.npy %t/reference/y.npy 0 0
// RUN: %npy compare %t/compiled/half.npy %t/reference/half.npy 0 0
// RUN: %npy print %t/compiled/half.npy | FileCheck %s --check-prefix=HALF
// RUN: webnnc run %s --threads 2 --target x86-64-v3 --input x=%t/x.npy --input h=%t/h.npy --output-dir %t/v3
// RUN: %npy compare %t/v3/y.npy %t/compiled/y.npy 0 0
// RUN: not webnnc run %s --input x=%t/h.npy --input h=%t/h.npy --output-dir %t/bad 2>&1 | FileCheck %s --check-prefix=WRONG
// RUN: not webnnc run %s --input x=%t/x.npy --output-dir %t/bad 2>&1 | FileCheck %s --check-prefix=MISSING

// CHECK: y: float32 [2,3] -> {{.*}}y.npy
// CHECK: half: float16 [3] -> {{.*}}half.npy
// Y: <f4 [2, 3] 0 0 2 3.25 0 0.5
// float16 outputs are numpy '<f2'.
// HALF: <f2 [3] 1 -2 4
// WRONG: input 'x' must be float32 [2,3], the file holds float16 [3]
// MISSING: missing --input h=FILE.npy (float16 [3])
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}, %h: tensor<3xf16> {webnn.name = "h"}) -> (tensor<2x3xf32> {webnn.name = "y"}, tensor<3xf16> {webnn.name = "half"}) {
  %0 = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = webnn.add %h, %h : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xf16>
  return %0, %1 : tensor<2x3xf32>, tensor<3xf16>
}
