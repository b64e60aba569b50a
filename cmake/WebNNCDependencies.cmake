# SPDX-License-Identifier: Apache-2.0
# LLVM/MLIR 22 and Halide 14, as Debian bookworm packages them.
#
# The two bring different LLVMs. The compiler links MLIR (libMLIR.so,
# libLLVM.so.22); only webnnc-kernelgen links Halide (libHalide14.so ->
# libLLVM-14.so). They never share a process: see docs/design.md.

set(WEBNNC_LLVM_ROOT "/usr/lib/llvm-22" CACHE PATH "LLVM/MLIR 22 prefix")
if(NOT MLIR_DIR)
  set(MLIR_DIR "${WEBNNC_LLVM_ROOT}/lib/cmake/mlir")
endif()
# MLIRConfigVersion accepts only exact versions; check the major one here.
find_package(MLIR REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR "webnnc needs LLVM/MLIR 22, found ${LLVM_PACKAGE_VERSION}")
endif()
message(STATUS "webnnc: MLIR ${LLVM_PACKAGE_VERSION} from ${MLIR_DIR}")

list(APPEND CMAKE_MODULE_PATH "${MLIR_CMAKE_DIR}" "${LLVM_CMAKE_DIR}")
# add_mlir_doc writes to ${MLIR_BINARY_DIR}/docs, which an installed MLIR
# leaves unset.
set(MLIR_BINARY_DIR "${PROJECT_BINARY_DIR}")
include(TableGen)
include(AddLLVM)
include(AddMLIR)

# LLVM_DEFINITIONS is one space-separated string.
separate_arguments(WEBNNC_LLVM_DEFINITIONS UNIX_COMMAND "${LLVM_DEFINITIONS}")

# Everything MLIR-side links the shared libMLIR/libLLVM: links take seconds
# instead of minutes, and tools stay small.
add_library(webnnc_mlir INTERFACE)
target_include_directories(webnnc_mlir SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
target_compile_definitions(webnnc_mlir INTERFACE ${WEBNNC_LLVM_DEFINITIONS})
target_link_libraries(webnnc_mlir INTERFACE MLIR LLVM)
if(NOT LLVM_ENABLE_EH)
  target_compile_options(webnnc_mlir INTERFACE -fno-exceptions)
endif()

set(WEBNNC_LLVM_TOOLS_DIR "${LLVM_TOOLS_BINARY_DIR}" CACHE PATH
    "Directory of FileCheck, not, count and lit")
find_program(WEBNNC_LIT lit HINTS "${WEBNNC_LLVM_TOOLS_DIR}" NO_DEFAULT_PATH)
find_program(WEBNNC_LIT lit)

# Halide 14: imported by hand. Its CMake package calls find_dependency(LLVM 14),
# which would clash with LLVM 22 above.
find_path(WEBNNC_HALIDE_INCLUDE_DIR Halide.h PATHS /usr/include/halide14
          REQUIRED NO_DEFAULT_PATH)
find_library(WEBNNC_HALIDE_LIBRARY NAMES Halide14 Halide REQUIRED)
# Its version, for `webnnc --version`, from the package's version file.
set(WEBNNC_HALIDE_VERSION "unknown")
file(GLOB _halide_version_files
     /usr/lib/*/cmake/Halide14/HalideConfigVersion.cmake)
if(_halide_version_files)
  list(GET _halide_version_files 0 _halide_version_file)
  file(STRINGS "${_halide_version_file}" _halide_version_line
       REGEX "set\\(PACKAGE_VERSION \"[0-9.]+\"\\)")
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" WEBNNC_HALIDE_VERSION
         "${_halide_version_line}")
endif()
add_library(webnnc_halide INTERFACE)
target_include_directories(webnnc_halide SYSTEM INTERFACE
  ${WEBNNC_HALIDE_INCLUDE_DIR})
target_link_libraries(webnnc_halide INTERFACE ${WEBNNC_HALIDE_LIBRARY})

find_package(CLI11 REQUIRED CONFIG)

# ONNX import: Debian's libonnx-dev (generated protobuf classes, with
# ONNX_ML=1) and the protobuf runtime it links.
find_package(Protobuf REQUIRED)
find_package(ONNX REQUIRED CONFIG)
