#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs webnnc into a temporary prefix, then cross-compiles
# examples/cmake_app for aarch64 against it with the installed toolchain
# file (find_package(webnnc) picks the aarch64 runtime, webnnc_add_model
# compiles for aarch64) and runs the app under qemu-aarch64.
#   test_cross_install.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -eu
build=$1 source=$2 work=$3
for tool in aarch64-linux-gnu-gcc aarch64-linux-gnu-g++ qemu-aarch64; do
  command -v "$tool" >/dev/null || {
    echo "SKIPPED: $tool is not installed (scripts/setup --tests installs it)"
    exit 0
  }
done
. "$(dirname "$0")/install_example.sh"
install_example lib/aarch64-linux-gnu/libwebnnc_runtime.a \
  lib/cmake/webnnc/aarch64-linux-gnu.cmake
cmake -S "$work/src" -B "$work/app" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_TOOLCHAIN_FILE="$prefix/lib/cmake/webnnc/aarch64-linux-gnu.cmake" \
  > "$work/configure.log"
cmake --build "$work/app" > "$work/build.log"
file -b "$work/app/webnnc_models/scale_relu/scale_relu.o" | grep -q aarch64 ||
  { echo "FAIL: the model object is not aarch64"; exit 1; }
file -b "$work/app/app" | grep -q aarch64 ||
  { echo "FAIL: the app is not aarch64"; exit 1; }
echo "aarch64 $(qemu-aarch64 -L /usr/aarch64-linux-gnu "$work/app/app")"
