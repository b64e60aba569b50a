/* SPDX-License-Identifier: Apache-2.0 */
/* Linked into every executable of a WEBNNC_SANITIZE build (see
 * WebNNCSanitizers.cmake): AddressSanitizer's options when ASAN_OPTIONS
 * does not say otherwise. Manual poisoning is off because LLVM's headers,
 * compiled into webnnc's instrumented code, poison the unused parts of
 * BumpPtrAllocator slabs that Debian's uninstrumented libMLIR then
 * allocates from, which ASan reports as use-after-poison (it did for the
 * models webnnc compiles during the build). Every real check stays on. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allow_user_poisoning=0"; }
