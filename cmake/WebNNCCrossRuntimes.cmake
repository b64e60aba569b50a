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

# webnnc_add_aarch64_app(<program> MODEL <name> SOURCE <app.c>)
# is the aarch64 twin of an in-tree app: the graph <name>.mlir (in the
# current binary directory, beside the <name>.h header the host build of
# the app made) compiled with --target aarch64, linked with <app.c> and the
# aarch64 runtime into the static program <program>. (A consumer project
# uses the toolchain file instead.)
function(webnnc_add_aarch64_app program)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "MODEL;SOURCE" "")
  set(dir ${CMAKE_CURRENT_BINARY_DIR})
  add_custom_command(
    OUTPUT ${dir}/${ARG_MODEL}_aarch64.o
    COMMAND webnnc ${dir}/${ARG_MODEL}.mlir --target aarch64
            --name ${ARG_MODEL} -o ${dir}/${ARG_MODEL}_aarch64.o
    DEPENDS webnnc webnnc-kernelgen ${dir}/${ARG_MODEL}.mlir
            ${dir}/${ARG_MODEL}.h
    COMMENT "Compiling ${ARG_MODEL} with webnnc for aarch64")
  add_custom_command(OUTPUT ${dir}/${program}
    COMMAND ${WEBNNC_AARCH64_CC} -O2 -static -o ${dir}/${program}
            -I${PROJECT_SOURCE_DIR}/runtime/include -I${dir}
            ${ARG_SOURCE} ${dir}/${ARG_MODEL}_aarch64.o
            ${WEBNNC_AARCH64_RUNTIME_DIR}/libwebnnc_runtime.a -lm -lpthread
    DEPENDS ${ARG_SOURCE} ${dir}/${ARG_MODEL}_aarch64.o webnnc_runtime_aarch64
    COMMENT "Linking the aarch64 program ${program}"
    VERBATIM)
  add_custom_target(${program}_link ALL DEPENDS ${dir}/${program})
endfunction()

# The stand-in for an aarch64 test on a machine without the cross compiler
# or qemu: it reports itself skipped, saying why.
function(webnnc_add_skipped_aarch64_test name)
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} -E echo
    "SKIPPED: no aarch64 cross compiler or qemu-aarch64 (scripts/setup "
    "--tests installs them)")
  set_tests_properties(${name} PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED")
endfunction()
