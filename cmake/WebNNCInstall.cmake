# SPDX-License-Identifier: Apache-2.0
# `cmake --install`: the compiler, its kernel generator, the runtime, the
# frontend for graph generators, and the CMake and pkg-config packages.
#
#   bin/webnnc
#   libexec/webnnc/webnnc-kernelgen       (webnnc looks for it there)
#   lib/libwebnnc_runtime.a, lib/libwebnnc_frontend.so
#   lib/aarch64-linux-gnu/libwebnnc_runtime.a (with the cross compiler)
#   include/webnnc/...                    (runtime, frontend, spec options)
#   lib/cmake/webnnc/                     (find_package(webnnc))
#   lib/pkgconfig/webnnc-runtime.pc
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Installed binaries find libMLIR/libLLVM where they were linked from.
set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON)

install(TARGETS webnnc_runtime EXPORT webnncTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
set_target_properties(webnnc_runtime PROPERTIES EXPORT_NAME runtime)
install(DIRECTORY runtime/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

if(WEBNNC_BUILD_COMPILER)
  install(TARGETS webnnc EXPORT webnncTargets
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(TARGETS webnnc-kernelgen
    RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/webnnc)
  set_target_properties(webnnc webnnc-kernelgen PROPERTIES
    INSTALL_RPATH_USE_LINK_PATH ON)

  # Graph generators link one shared library: the frontend and
  # generatorMain, with the compiler pieces they use; MLIR stays a shared
  # dependency, and only webnnc's headers are needed to build against it.
  add_library(webnnc_frontend SHARED
    $<TARGET_OBJECTS:WebNNCFrontend> $<TARGET_OBJECTS:WebNNCGenerator>)
  target_link_libraries(webnnc_frontend PRIVATE WebNNCFrontend WebNNCGenerator)
  target_include_directories(webnnc_frontend INTERFACE
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  # The headers use std::span and designated initializers.
  target_compile_features(webnnc_frontend INTERFACE cxx_std_20)
  set_target_properties(webnnc_frontend PROPERTIES
    EXPORT_NAME frontend INSTALL_RPATH_USE_LINK_PATH ON)
  install(TARGETS webnnc_frontend EXPORT webnncTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(FILES
    compiler/include/webnnc/Frontend/GraphBuilder.h
    compiler/include/webnnc/Frontend/GeneratorMain.h
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/webnnc/Frontend)
  install(FILES compiler/include/webnnc/Graph/Graph.h
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/webnnc/Graph)
  install(DIRECTORY spec/include/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/webnnc)
install(EXPORT webnncTargets NAMESPACE webnnc:: DESTINATION ${config_dir})
configure_package_config_file(cmake/webnncConfig.cmake.in
  ${PROJECT_BINARY_DIR}/webnncConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/webnncConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/webnncConfig.cmake
  ${PROJECT_BINARY_DIR}/webnncConfigVersion.cmake
  cmake/WebNNCAddModel.cmake
  cmake/aarch64-linux-gnu.cmake # a toolchain file for cross-compiled apps
  DESTINATION ${config_dir})
configure_file(cmake/webnnc-runtime.pc.in
  ${PROJECT_BINARY_DIR}/webnnc-runtime.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/webnnc-runtime.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
