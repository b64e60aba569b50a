# SPDX-License-Identifier: Apache-2.0
# CMake toolchain file for aarch64 Linux with Debian's cross compilers
# (gcc-aarch64-linux-gnu, g++-aarch64-linux-gnu, libc6-dev-arm64-cross):
#
#   cmake -S app -B build-arm64 \
#     -DCMAKE_TOOLCHAIN_FILE=<webnnc>/cmake/aarch64-linux-gnu.cmake
#
# The webnnc runtime is built with it (build/runtime/aarch64/); a consumer
# project using it finds the installed aarch64 runtime, and
# webnnc_add_model() compiles its models for aarch64 (see docs/cross.md).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
# Programs (webnnc itself) from the host; libraries and headers from the
# target's root, and packages (find_package(webnnc)) from either.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# Programs the tests build run under qemu-user.
find_program(WEBNNC_QEMU_AARCH64 qemu-aarch64)
if(WEBNNC_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR
      ${WEBNNC_QEMU_AARCH64} -L /usr/aarch64-linux-gnu)
endif()
