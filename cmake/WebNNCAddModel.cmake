# SPDX-License-Identifier: Apache-2.0
# webnnc_add_model: compile a WebNN graph into a library target at build
# time, like Halide's add_halide_library.
#
#   webnnc_add_model(<name>
#     SOURCE <model.mlir | model.onnx | a graph generator target>
#     [OUTPUTS <operand>...]     # compute these (outputs or op labels)
#     [TARGET host|x86-64-v3|x86-64-v4|aarch64[+dotprod][+fp16]]
#                                # (default: host; aarch64 when the project
#                                # is cross-compiled for aarch64)
#     [MODEL_NAME <c_identifier>]  # symbol prefix (default: <name>)
#     [DETERMINISTIC]            # outputs bit-identical on every x86-64
#                                # target and thread count
#                                # (docs/determinism.md)
#     [PARAMS <key=value>...]    # passed to a generator target
#     [OPTIONS <webnnc flag>...]) # e.g. --no-fuse
#
# makes a static library target <name> holding the model's object; linking
# it gives the generated header <name>.h and the webnnc runtime. The compile
# re-runs when the source (or the generator, or webnnc) changes, and only
# then.

function(webnnc_add_model name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "DETERMINISTIC"
    "SOURCE;TARGET;MODEL_NAME" "OUTPUTS;PARAMS;OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "webnnc_add_model(${name}): unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCE)
    message(FATAL_ERROR "webnnc_add_model(${name}): SOURCE is required")
  endif()
  if(NOT TARGET webnnc::webnnc)
    message(FATAL_ERROR "webnnc_add_model(${name}): webnnc::webnnc is not defined; call find_package(webnnc) first")
  endif()
  if(NOT ARG_TARGET AND WEBNNC_DEFAULT_TARGET)
    set(ARG_TARGET "${WEBNNC_DEFAULT_TARGET}")
  endif()
  # The model links into this project's programs: same architecture.
  if(ARG_TARGET MATCHES "^aarch64" AND NOT WEBNNC_DEFAULT_TARGET MATCHES "^aarch64")
    message(FATAL_ERROR "webnnc_add_model(${name}): TARGET ${ARG_TARGET} "
      "needs a project cross-compiled for aarch64 (a toolchain file such as "
      "webnnc's cmake/aarch64-linux-gnu.cmake); this one builds for "
      "${CMAKE_SYSTEM_PROCESSOR}")
  endif()
  if(WEBNNC_DEFAULT_TARGET MATCHES "^aarch64" AND NOT ARG_TARGET MATCHES "^aarch64")
    message(FATAL_ERROR "webnnc_add_model(${name}): TARGET ${ARG_TARGET} is "
      "not an aarch64 target, and this project is cross-compiled for aarch64")
  endif()
  if(NOT ARG_MODEL_NAME)
    string(MAKE_C_IDENTIFIER "${name}" ARG_MODEL_NAME)
  endif()

  set(dir "${CMAKE_CURRENT_BINARY_DIR}/webnnc_models/${name}")
  set(object "${dir}/${name}.o")
  set(header "${dir}/${name}.h")
  if(TARGET "${ARG_SOURCE}")
    # A graph generator program: run it to write the graph.
    set(graph "${dir}/${name}.mlir")
    add_custom_command(
      OUTPUT "${graph}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
      COMMAND "${ARG_SOURCE}" -o "${graph}" ${ARG_PARAMS}
      DEPENDS "${ARG_SOURCE}"
      COMMENT "webnnc: building the ${name} graph with ${ARG_SOURCE}"
      VERBATIM)
  else()
    if(ARG_PARAMS)
      message(FATAL_ERROR "webnnc_add_model(${name}): PARAMS need a generator target as SOURCE")
    endif()
    get_filename_component(graph "${ARG_SOURCE}" ABSOLUTE)
    if(NOT graph MATCHES "\\.(mlir|onnx)$")
      message(FATAL_ERROR "webnnc_add_model(${name}): SOURCE must be a .mlir or .onnx file or a generator target, not '${ARG_SOURCE}'")
    endif()
  endif()

  set(flags --name "${ARG_MODEL_NAME}")
  if(ARG_OUTPUTS)
    list(JOIN ARG_OUTPUTS "," outputs)
    list(APPEND flags --outputs "${outputs}")
  endif()
  if(ARG_TARGET)
    list(APPEND flags --target "${ARG_TARGET}")
  endif()
  if(ARG_DETERMINISTIC)
    list(APPEND flags --deterministic)
  endif()
  add_custom_command(
    OUTPUT "${object}" "${header}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
    COMMAND webnnc::webnnc "${graph}" -o "${object}" --header "${header}"
            ${flags} ${ARG_OPTIONS}
    DEPENDS "${graph}" webnnc::webnnc
    COMMENT "webnnc: compiling model ${name}"
    VERBATIM)

  add_library(${name} STATIC "${object}" "${header}")
  set_target_properties(${name} PROPERTIES LINKER_LANGUAGE C)
  target_include_directories(${name} INTERFACE "${dir}")
  target_link_libraries(${name} INTERFACE webnnc::runtime)
endfunction()
