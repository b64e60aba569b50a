# SPDX-License-Identifier: Apache-2.0
# WEBNNC_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on all of
# webnnc's own code (compiler, tools, runtime, tests). LLVM, MLIR and Halide
# come from Debian uninstrumented, and the Halide-generated kernels are not
# instrumented either; ASan still sees every heap block they are given.
# WEBNNC_BUILD_FUZZERS (clang only): the libFuzzer targets of tests/fuzz.
option(WEBNNC_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
option(WEBNNC_BUILD_FUZZERS "Build the libFuzzer targets (needs clang)" OFF)

if(WEBNNC_SANITIZE)
  # vptr needs RTTI, which LLVM and MLIR are built without; function checks
  # indirect calls through LLVM's type-erased callbacks, which cast by design.
  set(WEBNNC_SANITIZER_FLAGS
    -fsanitize=address,undefined -fno-sanitize=vptr
    -fno-sanitize-recover=all -fno-omit-frame-pointer -gline-tables-only)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    list(APPEND WEBNNC_SANITIZER_FLAGS -fno-sanitize=function)
  endif()
  add_compile_options(${WEBNNC_SANITIZER_FLAGS})
  add_link_options(-fsanitize=address,undefined)
  # ASan's default options (SanitizerDefaults.c), linked into every
  # executable and shared library: also the programs the build itself runs
  # (webnnc compiling the bundled models), which no test script wraps.
  set(defaults_object "${PROJECT_BINARY_DIR}/sanitizer_defaults.o")
  execute_process(
    COMMAND ${CMAKE_C_COMPILER} -c -fPIC
            ${CMAKE_CURRENT_LIST_DIR}/SanitizerDefaults.c -o ${defaults_object}
    RESULT_VARIABLE defaults_result)
  if(NOT defaults_result EQUAL 0)
    message(FATAL_ERROR "cannot compile cmake/SanitizerDefaults.c")
  endif()
  string(APPEND CMAKE_C_STANDARD_LIBRARIES " ${defaults_object}")
  string(APPEND CMAKE_CXX_STANDARD_LIBRARIES " ${defaults_object}")
endif()

if(WEBNNC_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "WEBNNC_BUILD_FUZZERS needs clang (libFuzzer); "
      "configure with CC=clang-22 CXX=clang++-22")
  endif()
  # Coverage for libFuzzer in every library; the fuzz targets link it.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
