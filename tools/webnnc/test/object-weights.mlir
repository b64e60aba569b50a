// The model object: one global symbol (the descriptor); the weights in
// their own read-only section, exactly the constants' bytes in order,
// each 64-byte aligned, under a local symbol that spans them. The same
// for an aarch64 object.
// RUN: webnnc %s -o %t.o --name m
// RUN: llvm-readelf -sW %t.o | FileCheck %s --check-prefix=SYMBOLS
// RUN: llvm-readelf -SW %t.o | FileCheck %s --check-prefix=SECTION
// RUN: llvm-objdump -s -j .rodata.webnn_weights %t.o | FileCheck %s --check-prefix=BYTES
// RUN: %if aarch64-cross %{ webnnc %s -o %t.arm.o --name m --target aarch64 %}
// RUN: %if aarch64-cross %{ llvm-readelf -sW %t.arm.o | FileCheck %s --check-prefix=SYMBOLS %}
// RUN: %if aarch64-cross %{ llvm-objdump -s -j .rodata.webnn_weights %t.arm.o | FileCheck %s --check-prefix=BYTES %}

// SYMBOLS-NOT: GLOBAL DEFAULT {{[0-9]+}}
// SYMBOLS: 76 OBJECT LOCAL HIDDEN {{[0-9]+}} __webnn_weights
// SYMBOLS-NOT: GLOBAL DEFAULT {{[0-9]+}}
// SYMBOLS: OBJECT GLOBAL DEFAULT {{[0-9]+}} webnnc_m_model
// SYMBOLS-NOT: GLOBAL DEFAULT {{[0-9]+}}
// SECTION: .rodata.webnn_weights PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} 00004c 00 A 0 0 64
// float 1, 2, 3 (the first constant), zeros to offset 64, then 0.5, 0.25, 4.
// BYTES: 0000 0000803f 00000040 00004040 00000000
// BYTES: 0040 0000003f 0000803e 00008040
func.func @main(%x: tensor<3xf32> {webnn.name = "x"}) -> (tensor<3xf32> {webnn.name = "y"}) {
  %a = webnn.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = webnn.constant dense<[0.5, 0.25, 4.0]> : tensor<3xf32>
  %0 = webnn.add %x, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = webnn.mul %0, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %1 : tensor<3xf32>
}
