// `webnnc run --bench N` prints the median of N timed computes, and
// --bench-serve answers each stdin count with that many times; the outputs
// written afterwards are the computed ones (no timing is asserted).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npy write %t/x.npy f4 2,3 -1.5,0,2,3.25,-4,0.5
// RUN: webnnc run %s --input x=%t/x.npy --output-dir %t/bench --bench 5 --threads 2 | FileCheck %s
// RUN: %npy print %t/bench/y.npy | FileCheck %s --check-prefix=Y
// RUN: printf '2\n3\n' | webnnc run %s --input x=%t/x.npy --output-dir %t/serve --bench-serve | FileCheck %s --check-prefix=SERVE
// RUN: %npy print %t/serve/y.npy | FileCheck %s --check-prefix=Y
// RUN: printf 'many\n' | not webnnc run %s --input x=%t/x.npy --output-dir %t/bad --bench-serve 2>&1 | FileCheck %s --check-prefix=BADCOUNT
// RUN: not webnnc run %s --reference --input x=%t/x.npy --bench 5 2>&1 | FileCheck %s --check-prefix=REFERENCE
// RUN: not webnnc run %s --input x=%t/x.npy --bench 0 2>&1 | FileCheck %s --check-prefix=ZERO

// CHECK: computes: 5, threads: 2
// CHECK-NEXT: median_ms: {{[0-9.e+-]+$}}
// CHECK-NEXT: y: float32 [2,3]
// Y: <f4 [2, 3] 0 0 2 3.25 0 0.5
// SERVE: ready
// SERVE-NEXT: {{^[0-9.e+-]+ [0-9.e+-]+$}}
// SERVE-NEXT: {{^[0-9.e+-]+ [0-9.e+-]+ [0-9.e+-]+$}}
// SERVE-NEXT: y: float32 [2,3]
// BADCOUNT: --bench-serve: expected a count of computes per line, got 'many'
// REFERENCE: --bench times compiled models; it does not apply to --reference
// ZERO: --bench: Value 0 not in range 1 to 1000000
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
  %0 = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
