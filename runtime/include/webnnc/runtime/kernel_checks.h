/* SPDX-License-Identifier: Apache-2.0 */
/* The failure reports of kernels compiled with their checks on
 * (`webnnc --checked-kernels`, a test mode): Halide's assertions (buffer
 * bounds, fold factors, allocation sizes...) call halide_error_<what>,
 * which the compiler renames to webnnc_rt_halide_error_<what>. Each
 * records a message naming the kernel's buffer and the broken bound as the
 * compute's error and returns Halide's error code, so the kernel returns
 * before touching memory outside its buffers and the compute fails with
 * WEBNNC_STATUS_KERNEL_FAILED. Models compiled normally never call these.
 */
#ifndef WEBNNC_RUNTIME_KERNEL_CHECKS_H_
#define WEBNNC_RUNTIME_KERNEL_CHECKS_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* X(name) for every Halide runtime function a checked kernel may call
 * (as webnnc_rt_halide_<name>): the failure reports, and the few string
 * formatters Halide builds some messages with. Loaders (webnnc run)
 * register them, the linker accepts them. */
#define WEBNNC_KERNEL_CHECKS(X)                                               \
  X(error_explicit_bounds_too_small)                                          \
  X(error_bad_type)                                                           \
  X(error_bad_dimensions)                                                     \
  X(error_access_out_of_bounds)                                               \
  X(error_buffer_allocation_too_large)                                        \
  X(error_buffer_extents_negative)                                            \
  X(error_buffer_extents_too_large)                                           \
  X(error_constraints_make_required_region_smaller)                           \
  X(error_constraint_violated)                                                \
  X(error_param_too_small_i64)                                                \
  X(error_param_too_small_u64)                                                \
  X(error_param_too_small_f64)                                                \
  X(error_param_too_large_i64)                                                \
  X(error_param_too_large_u64)                                                \
  X(error_param_too_large_f64)                                                \
  X(error_out_of_memory)                                                      \
  X(error_buffer_argument_is_null)                                            \
  X(error_unaligned_host_ptr)                                                 \
  X(error_host_is_null)                                                       \
  X(error_bad_fold)                                                           \
  X(error_bad_extern_fold)                                                    \
  X(error_fold_factor_too_small)                                              \
  X(error_requirement_failed)                                                 \
  X(error_specialize_fail)                                                    \
  X(error_host_and_device_dirty)                                              \
  X(error_buffer_is_null)                                                     \
  X(error_device_dirty_with_no_device_support)                                \
  X(error_storage_bound_too_small)                                            \
  X(string_to_string)                                                         \
  X(double_to_string)                                                         \
  X(int64_to_string)                                                          \
  X(uint64_to_string)

int webnnc_rt_halide_error_explicit_bounds_too_small(
    void *uc, const char *func_name, const char *var_name, int min_bound,
    int max_bound, int min_required, int max_required);
int webnnc_rt_halide_error_bad_type(void *uc, const char *func_name,
                                    uint32_t type_given, uint32_t correct_type);
int webnnc_rt_halide_error_bad_dimensions(void *uc, const char *func_name,
                                          int32_t given, int32_t correct);
int webnnc_rt_halide_error_access_out_of_bounds(void *uc,
                                                const char *func_name,
                                                int dimension, int min_touched,
                                                int max_touched, int min_valid,
                                                int max_valid);
int webnnc_rt_halide_error_buffer_allocation_too_large(void *uc,
                                                       const char *buffer_name,
                                                       uint64_t size,
                                                       uint64_t max_size);
int webnnc_rt_halide_error_buffer_extents_negative(void *uc,
                                                   const char *buffer_name,
                                                   int dimension, int extent);
int webnnc_rt_halide_error_buffer_extents_too_large(void *uc,
                                                    const char *buffer_name,
                                                    int64_t actual_size,
                                                    int64_t max_size);
int webnnc_rt_halide_error_constraints_make_required_region_smaller(
    void *uc, const char *buffer_name, int dimension, int constrained_min,
    int constrained_extent, int required_min, int required_extent);
int webnnc_rt_halide_error_constraint_violated(void *uc, const char *var,
                                               int val,
                                               const char *constrained_var,
                                               int constrained_val);
int webnnc_rt_halide_error_param_too_small_i64(void *uc, const char *name,
                                               int64_t val, int64_t min_val);
int webnnc_rt_halide_error_param_too_small_u64(void *uc, const char *name,
                                               uint64_t val, uint64_t min_val);
int webnnc_rt_halide_error_param_too_small_f64(void *uc, const char *name,
                                               double val, double min_val);
int webnnc_rt_halide_error_param_too_large_i64(void *uc, const char *name,
                                               int64_t val, int64_t max_val);
int webnnc_rt_halide_error_param_too_large_u64(void *uc, const char *name,
                                               uint64_t val, uint64_t max_val);
int webnnc_rt_halide_error_param_too_large_f64(void *uc, const char *name,
                                               double val, double max_val);
int webnnc_rt_halide_error_out_of_memory(void *uc);
int webnnc_rt_halide_error_buffer_argument_is_null(void *uc,
                                                   const char *buffer_name);
int webnnc_rt_halide_error_unaligned_host_ptr(void *uc, const char *func_name,
                                              int alignment);
int webnnc_rt_halide_error_host_is_null(void *uc, const char *func_name);
int webnnc_rt_halide_error_bad_fold(void *uc, const char *func_name,
                                    const char *var_name,
                                    const char *loop_name);
int webnnc_rt_halide_error_bad_extern_fold(void *uc, const char *func_name,
                                           int dim, int min, int extent,
                                           int valid_min, int fold_factor);
int webnnc_rt_halide_error_fold_factor_too_small(void *uc,
                                                 const char *func_name,
                                                 const char *var_name,
                                                 int fold_factor,
                                                 const char *loop_name,
                                                 int required_extent);
int webnnc_rt_halide_error_requirement_failed(void *uc, const char *condition,
                                              const char *message);
int webnnc_rt_halide_error_specialize_fail(void *uc, const char *message);
int webnnc_rt_halide_error_host_and_device_dirty(void *uc);
int webnnc_rt_halide_error_buffer_is_null(void *uc, const char *routine);
int webnnc_rt_halide_error_device_dirty_with_no_device_support(
    void *uc, const char *buffer_name);
int webnnc_rt_halide_error_storage_bound_too_small(void *uc,
                                                   const char *func_name,
                                                   const char *var_name,
                                                   int provided_size,
                                                   int required_size);

/* Halide's message formatters: each writes into [dst, end) and returns the
 * end of what it wrote (never past end - 1, which holds the terminator). */
char *webnnc_rt_halide_string_to_string(char *dst, char *end, const char *arg);
char *webnnc_rt_halide_double_to_string(char *dst, char *end, double arg,
                                        int scientific);
char *webnnc_rt_halide_int64_to_string(char *dst, char *end, int64_t arg,
                                       int digits);
char *webnnc_rt_halide_uint64_to_string(char *dst, char *end, uint64_t arg,
                                        int digits);

#ifdef __cplusplus
}
#endif

#endif /* WEBNNC_RUNTIME_KERNEL_CHECKS_H_ */
