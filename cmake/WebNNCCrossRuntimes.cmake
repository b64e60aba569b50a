# SPDX-License-Identifier: Apache-2.0
# The runtime for the architectures webnnc cross-compiles to, built with
# their cross compilers when those are installed (Debian's
# gcc-aarch64-linux-gnu): build/runtime/aarch64/libwebnnc_runtime.a and the
# model runner beside it, installed to lib/aarch64-linux-gnu/. Without the
# cross compiler this does nothing (and says so once).
include(ExternalProject)

option(WEBNNC_CROSS_RUNTIMES
  "Build the aarch64 runtime when the cross compiler is installed" ON)

if(WEBNNC_CROSS_RUNTIMES AND NOT CMAKE_CROSSCOMPILING)
  find_program(WEBNNC_AARCH64_CC aarch64-linux-gnu-gcc)
  if(NOT WEBNNC_AARCH64_CC)
    message(STATUS "webnnc: no aarch64-linux-gnu-gcc; the aarch64 runtime "
      "is not built (scripts/setup --tests installs the cross compiler)")
  else()
    set(dir ${PROJECT_BINARY_DIR}/runtime/aarch64)
    set(WEBNNC_AARCH64_RUNTIME_DIR ${dir} CACHE INTERNAL "")
    ExternalProject_Add(webnnc_runtime_aarch64
      SOURCE_DIR ${PROJECT_SOURCE_DIR}
      BINARY_DIR ${dir}/build
      CMAKE_ARGS
        -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/aarch64-linux-gnu.cmake
        -DCMAKE_BUILD_TYPE=Release
        -DWEBNNC_BUILD_COMPILER=OFF -DWEBNNC_BUILD_TESTS=OFF
        -DCMAKE_ARCHIVE_OUTPUT_DIRECTORY=${dir}
      BUILD_COMMAND ${CMAKE_COMMAND} --build ${dir}/build
        --target webnnc_runtime webnnc_model_runner
      INSTALL_COMMAND ""
      BUILD_ALWAYS ON # the sub-build decides what changed
      BUILD_BYPRODUCTS ${dir}/libwebnnc_runtime.a
                       ${dir}/libwebnnc_model_runner.a)
    install(FILES ${dir}/libwebnnc_runtime.a ${dir}/libwebnnc_model_runner.a
      DESTINATION ${CMAKE_INSTALL_LIBDIR}/aarch64-linux-gnu)
  endif()
endif()

# What runs aarch64 programs here (qemu-user), for the tests.
find_program(WEBNNC_QEMU_AARCH64 qemu-aarch64)

# webnnc_add_aarch64_executable(<name> SOURCES <.c files and model objects>
#                               [INCLUDE_DIRECTORIES <dir>...])
# links a static aarch64 program <name> in the current binary directory
# with the aarch64 runtime (for the in-tree apps' cross-compiled twins; a
# consumer project uses the toolchain file instead).
function(webnnc_add_aarch64_executable name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;INCLUDE_DIRECTORIES")
  set(includes -I${PROJECT_SOURCE_DIR}/runtime/include)
  foreach(d IN LISTS ARG_INCLUDE_DIRECTORIES)
    list(APPEND includes -I${d})
  endforeach()
  set(program ${CMAKE_CURRENT_BINARY_DIR}/${name})
  add_custom_command(OUTPUT ${program}
    COMMAND ${WEBNNC_AARCH64_CC} -O2 -static -o ${program} ${includes}
            ${ARG_SOURCES} ${WEBNNC_AARCH64_RUNTIME_DIR}/libwebnnc_runtime.a
            -lm -lpthread
    DEPENDS ${ARG_SOURCES} webnnc_runtime_aarch64
    COMMENT "Linking the aarch64 program ${name}"
    VERBATIM)
  add_custom_target(${name}_link ALL DEPENDS ${program})
endfunction()
