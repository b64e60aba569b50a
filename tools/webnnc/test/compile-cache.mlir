// A compile keeps its object, header and warnings in the cache: the same
// model file compiled with the same flags again is not compiled, and gets
// byte-identical files and the same warnings (the model name, from -o
// unless --name gives it, is part of the object). Another target, another
// output set or a changed model file compiles again.
// RUN: rm -rf %t && mkdir -p %t
// RUN: webnnc %s -o %t/a.o --header %t/a.h --name m --outputs hidden --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: webnnc %s -o %t/b.o --header %t/b.h --name m --outputs hidden --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=SECOND
// RUN: cmp %t/a.o %t/b.o
// RUN: cmp %t/a.h %t/b.h
// RUN: webnnc %s -o %t/c.o --name m --outputs hidden --target x86-64-v3 --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: webnnc %s -o %t/d.o --name m --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: cp %s %t/changed.mlir && echo "// changed" >> %t/changed.mlir
// RUN: webnnc %t/changed.mlir -o %t/e.o --name m --outputs hidden --cache-dir %t/cache --progress 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: webnnc %s -o %t/f.o --name m --outputs hidden --cache-dir %t/cache --no-cache --progress 2>&1 | FileCheck %s --check-prefix=FIRST

// FIRST-NOT: reused
// FIRST: webnnc: importing
// FIRST: webnnc: linking
// FIRST: warning: input 'bias' is not needed by the requested outputs
// SECOND-NOT: webnnc: importing
// SECOND: webnnc: the compiled model is reused from
// SECOND-NEXT: warning: input 'bias' is not needed by the requested outputs
// SECOND-NOT: webnnc: importing
// ALL-NOT: reused
// ALL-NOT: warning
// ALL: webnnc: linking
func.func @main(%x: tensor<4xf32> {webnn.name = "x"}, %bias: tensor<4xf32> {webnn.name = "bias"}) -> (tensor<4xf32> {webnn.name = "y"}) {
  %0 = webnn.tanh %x : (tensor<4xf32>) -> tensor<4xf32> loc("hidden")
  %1 = webnn.add %0, %bias : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
