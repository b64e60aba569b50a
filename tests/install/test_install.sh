#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs webnnc into a temporary prefix, then configures, builds and runs
# examples/cmake_app against it with only find_package(webnnc) and
# webnnc_add_model; checks that a rebuild does nothing and that touching
# one model recompiles only that model; and builds an app with pkg-config.
#   test_install.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -eu
build=$1 source=$2 work=$3
. "$(dirname "$0")/install_example.sh"
install_example bin/webnnc libexec/webnnc/webnnc-kernelgen \
  lib/libwebnnc_runtime.a lib/libwebnnc_frontend.so \
  lib/cmake/webnnc/webnncConfig.cmake lib/pkgconfig/webnnc-runtime.pc \
  include/webnnc/runtime/webnnc.h include/webnnc/Frontend/GraphBuilder.h
cmake -S "$work/src" -B "$work/app" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  > "$work/configure.log"
cmake --build "$work/app" > "$work/build1.log"
"$work/app/app"

# Built once, then never again unless a model changes.
cmake --build "$work/app" > "$work/build2.log"
grep -q "no work to do" "$work/build2.log" ||
  { echo "FAIL: a second build did work:"; cat "$work/build2.log"; exit 1; }
sleep 1
touch "$work/src/scale_relu.mlir"
cmake --build "$work/app" > "$work/build3.log"
grep -q "compiling model scale_relu" "$work/build3.log" ||
  { echo "FAIL: changing scale_relu.mlir did not recompile it"; exit 1; }
if grep -q "compiling model mlp\|building the mlp graph" "$work/build3.log"; then
  echo "FAIL: changing scale_relu.mlir recompiled mlp"; exit 1
fi
echo "rebuilds: only the changed model"

# Without CMake: the model's object and header, and pkg-config's flags.
models=$work/app/webnnc_models
cat > "$work/pc_app.c" <<'C'
#include <stdio.h>
#include "scale_relu.h"
int main(void) {
  webnnc_executor_t *e = NULL;
  float x[6] = {1, 1, 1, 1, 1, 1}, y[6];
  webnnc_scale_relu_inputs_t in = {.x = x};
  webnnc_scale_relu_outputs_t out = {.y = y};
  if (webnnc_scale_relu_create(NULL, &e) || webnnc_scale_relu_compute(e, &in, &out))
    return 1;
  webnnc_scale_relu_destroy(e);
  printf("pkg-config app: %g\n", y[0]);
  return 0;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cc -I"$models/scale_relu" "$work/pc_app.c" "$models/scale_relu/scale_relu.o" \
  $(pkg-config --cflags --libs webnnc-runtime) -o "$work/pc_app"
"$work/pc_app"
