// Progress on stderr: off when stderr is not a terminal, a line per stage
// (and per tenth of the kernels) with --progress, never with --quiet. The
// second compile takes its kernels from the cache.
// RUN: rm -rf %t.cache
// RUN: webnnc %s -o %t.o --cache-dir %t.cache 2>&1 | FileCheck %s --allow-empty --check-prefix=SILENT
// RUN: webnnc %s -o %t.o --cache-dir %t.cache --progress --stats 2>&1 | FileCheck %s
// RUN: webnnc %s -o %t.o --cache-dir %t.cache --progress --quiet 2>&1 | FileCheck %s --allow-empty --check-prefix=SILENT
// RUN: webnnc %s -o %t.o --no-cache --stats | FileCheck %s --check-prefix=NOCACHE

// SILENT-NOT: webnnc:
// CHECK: webnnc: importing
// CHECK: webnnc: optimizing
// CHECK: webnnc: generating kernels 2/2
// CHECK: webnnc: generating glue code
// CHECK: webnnc: linking
// CHECK: webnnc: done
// CHECK: kernel_cache: 2 of 2 kernels reused from
// NOCACHE-NOT: kernel_cache
func.func @main(%x: tensor<4x8xf32> {webnn.name = "x"}) -> (tensor<4x8xf32> {webnn.name = "y"}) {
  %e = webnn.exp %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = webnn.softmax %e {axis = 1 : i64} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %s : tensor<4x8xf32>
}
