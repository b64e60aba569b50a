/* SPDX-License-Identifier: Apache-2.0 */
/* Failure reports of checked kernels (see kernel_checks.h). In its own
 * object file, so apps whose models are compiled normally link none of it.
 */
#include "webnnc/runtime/kernel_checks.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "webnnc/runtime/kernel_abi.h"

/* Halide's error codes (HalideRuntime.h, halide_error_code_t). */
enum {
  kExplicitBoundsTooSmall = -2,
  kBadType = -3,
  kAccessOutOfBounds = -4,
  kAllocationTooLarge = -5,
  kExtentsTooLarge = -6,
  kRegionSmaller = -7,
  kConstraintViolated = -8,
  kParamTooSmall = -9,
  kParamTooLarge = -10,
  kOutOfMemory = -11,
  kArgumentIsNull = -12,
  kUnalignedHostPtr = -24,
  kBadFold = -25,
  kFoldFactorTooSmall = -26,
  kRequirementFailed = -27,
  kExtentsNegative = -28,
  kSpecializeFail = -31,
  kHostIsNull = -34,
  kBadExternFold = -35,
  kHostAndDeviceDirty = -37,
  kBufferIsNull = -38,
  kBadDimensions = -43,
  kNoDeviceSupport = -44,
  kStorageBoundTooSmall = -45,
};

/* Records "kernel check failed: <message>" as the compute's error (the
 * first failure wins) and returns |code|. */
static int report(void *uc, int code, const char *format, ...) {
  webnnc_exec_context_t *context = (webnnc_exec_context_t *)uc;
  if (context && context->error && context->error_capacity > 0 &&
      context->error[0] == '\0') {
    int n = snprintf(context->error, context->error_capacity,
                     "kernel check failed: ");
    if (n >= 0 && (size_t)n < context->error_capacity) {
      va_list args;
      va_start(args, format);
      vsnprintf(context->error + n, context->error_capacity - (size_t)n,
                format, args);
      va_end(args);
    }
  }
  return code;
}

int webnnc_rt_halide_error_explicit_bounds_too_small(
    void *uc, const char *func_name, const char *var_name, int min_bound,
    int max_bound, int min_required, int max_required) {
  return report(uc, kExplicitBoundsTooSmall,
                "%s.%s bounded to [%d, %d], needs [%d, %d]", func_name,
                var_name, min_bound, max_bound, min_required, max_required);
}
int webnnc_rt_halide_error_bad_type(void *uc, const char *func_name,
                                    uint32_t type_given, uint32_t correct_type) {
  return report(uc, kBadType, "%s has type bits 0x%x, expected 0x%x",
                func_name, type_given, correct_type);
}
int webnnc_rt_halide_error_bad_dimensions(void *uc, const char *func_name,
                                          int32_t given, int32_t correct) {
  return report(uc, kBadDimensions, "%s has %d dimensions, expected %d",
                func_name, given, correct);
}
int webnnc_rt_halide_error_access_out_of_bounds(void *uc,
                                                const char *func_name,
                                                int dimension, int min_touched,
                                                int max_touched, int min_valid,
                                                int max_valid) {
  return report(uc, kAccessOutOfBounds,
                "%s is accessed at [%d, %d] in dimension %d, outside its "
                "bounds [%d, %d]",
                func_name, min_touched, max_touched, dimension, min_valid,
                max_valid);
}
int webnnc_rt_halide_error_buffer_allocation_too_large(void *uc,
                                                       const char *buffer_name,
                                                       uint64_t size,
                                                       uint64_t max_size) {
  return report(uc, kAllocationTooLarge,
                "%s needs %" PRIu64 " bytes, more than %" PRIu64, buffer_name,
                size, max_size);
}
int webnnc_rt_halide_error_buffer_extents_negative(void *uc,
                                                   const char *buffer_name,
                                                   int dimension, int extent) {
  return report(uc, kExtentsNegative, "%s has extent %d in dimension %d",
                buffer_name, extent, dimension);
}
int webnnc_rt_halide_error_buffer_extents_too_large(void *uc,
                                                    const char *buffer_name,
                                                    int64_t actual_size,
                                                    int64_t max_size) {
  return report(uc, kExtentsTooLarge,
                "%s has %" PRId64 " elements, more than %" PRId64, buffer_name,
                actual_size, max_size);
}
int webnnc_rt_halide_error_constraints_make_required_region_smaller(
    void *uc, const char *buffer_name, int dimension, int constrained_min,
    int constrained_extent, int required_min, int required_extent) {
  return report(uc, kRegionSmaller,
                "%s dimension %d is constrained to [%d, +%d] but [%d, +%d] "
                "is required",
                buffer_name, dimension, constrained_min, constrained_extent,
                required_min, required_extent);
}
int webnnc_rt_halide_error_constraint_violated(void *uc, const char *var,
                                               int val,
                                               const char *constrained_var,
                                               int constrained_val) {
  return report(uc, kConstraintViolated, "%s = %d, but must equal %s = %d",
                var, val, constrained_var, constrained_val);
}
int webnnc_rt_halide_error_param_too_small_i64(void *uc, const char *name,
                                               int64_t val, int64_t min_val) {
  return report(uc, kParamTooSmall, "%s = %" PRId64 " < %" PRId64, name, val,
                min_val);
}
int webnnc_rt_halide_error_param_too_small_u64(void *uc, const char *name,
                                               uint64_t val, uint64_t min_val) {
  return report(uc, kParamTooSmall, "%s = %" PRIu64 " < %" PRIu64, name, val,
                min_val);
}
int webnnc_rt_halide_error_param_too_small_f64(void *uc, const char *name,
                                               double val, double min_val) {
  return report(uc, kParamTooSmall, "%s = %g < %g", name, val, min_val);
}
int webnnc_rt_halide_error_param_too_large_i64(void *uc, const char *name,
                                               int64_t val, int64_t max_val) {
  return report(uc, kParamTooLarge, "%s = %" PRId64 " > %" PRId64, name, val,
                max_val);
}
int webnnc_rt_halide_error_param_too_large_u64(void *uc, const char *name,
                                               uint64_t val, uint64_t max_val) {
  return report(uc, kParamTooLarge, "%s = %" PRIu64 " > %" PRIu64, name, val,
                max_val);
}
int webnnc_rt_halide_error_param_too_large_f64(void *uc, const char *name,
                                               double val, double max_val) {
  return report(uc, kParamTooLarge, "%s = %g > %g", name, val, max_val);
}
int webnnc_rt_halide_error_out_of_memory(void *uc) {
  return report(uc, kOutOfMemory, "out of memory");
}
int webnnc_rt_halide_error_buffer_argument_is_null(void *uc,
                                                   const char *buffer_name) {
  return report(uc, kArgumentIsNull, "buffer %s is NULL", buffer_name);
}
int webnnc_rt_halide_error_unaligned_host_ptr(void *uc, const char *func_name,
                                              int alignment) {
  return report(uc, kUnalignedHostPtr, "%s is not aligned to %d bytes",
                func_name, alignment);
}
int webnnc_rt_halide_error_host_is_null(void *uc, const char *func_name) {
  return report(uc, kHostIsNull, "%s has no host memory", func_name);
}
int webnnc_rt_halide_error_bad_fold(void *uc, const char *func_name,
                                    const char *var_name,
                                    const char *loop_name) {
  return report(uc, kBadFold,
                "the folded storage of %s.%s is not monotonic in loop %s",
                func_name, var_name, loop_name);
}
int webnnc_rt_halide_error_bad_extern_fold(void *uc, const char *func_name,
                                           int dim, int min, int extent,
                                           int valid_min, int fold_factor) {
  return report(uc, kBadExternFold,
                "%s dimension %d: [%d, +%d] from %d with fold factor %d",
                func_name, dim, min, extent, valid_min, fold_factor);
}
int webnnc_rt_halide_error_fold_factor_too_small(void *uc,
                                                 const char *func_name,
                                                 const char *var_name,
                                                 int fold_factor,
                                                 const char *loop_name,
                                                 int required_extent) {
  return report(uc, kFoldFactorTooSmall,
                "the fold factor %d of %s.%s is less than the %d needed in "
                "loop %s",
                fold_factor, func_name, var_name, required_extent, loop_name);
}
int webnnc_rt_halide_error_requirement_failed(void *uc, const char *condition,
                                              const char *message) {
  (void)condition; /* "(false)" once evaluated: the message says more */
  size_t length = message ? strlen(message) : 0;
  while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' '))
    --length; /* Halide's message formatting ends in a newline */
  return report(uc, kRequirementFailed, "%.*s", (int)length,
                message ? message : "");
}
int webnnc_rt_halide_error_specialize_fail(void *uc, const char *message) {
  return report(uc, kSpecializeFail, "%s", message);
}
int webnnc_rt_halide_error_host_and_device_dirty(void *uc) {
  return report(uc, kHostAndDeviceDirty, "host and device both dirty");
}
int webnnc_rt_halide_error_buffer_is_null(void *uc, const char *routine) {
  return report(uc, kBufferIsNull, "NULL buffer in %s", routine);
}
int webnnc_rt_halide_error_device_dirty_with_no_device_support(
    void *uc, const char *buffer_name) {
  return report(uc, kNoDeviceSupport, "%s is marked device-dirty",
                buffer_name);
}
int webnnc_rt_halide_error_storage_bound_too_small(void *uc,
                                                   const char *func_name,
                                                   const char *var_name,
                                                   int provided_size,
                                                   int required_size) {
  return report(uc, kStorageBoundTooSmall,
                "the storage of %s.%s holds %d, needs %d", func_name,
                var_name, provided_size, required_size);
}

/* snprintf into [dst, end), returning the end of the text written. */
static char *format_into(char *dst, char *end, const char *format, ...) {
  if (!dst || dst >= end)
    return dst;
  va_list args;
  va_start(args, format);
  int n = vsnprintf(dst, (size_t)(end - dst), format, args);
  va_end(args);
  if (n < 0)
    return dst;
  return (size_t)n < (size_t)(end - dst) ? dst + n : end - 1;
}

char *webnnc_rt_halide_string_to_string(char *dst, char *end, const char *arg) {
  return format_into(dst, end, "%s", arg ? arg : "<null>");
}
char *webnnc_rt_halide_double_to_string(char *dst, char *end, double arg,
                                        int scientific) {
  return format_into(dst, end, scientific ? "%e" : "%f", arg);
}
char *webnnc_rt_halide_int64_to_string(char *dst, char *end, int64_t arg,
                                       int digits) {
  return format_into(dst, end, "%0*" PRId64, digits, arg);
}
char *webnnc_rt_halide_uint64_to_string(char *dst, char *end, uint64_t arg,
                                        int digits) {
  return format_into(dst, end, "%0*" PRIu64, digits, arg);
}
