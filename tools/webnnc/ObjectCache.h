// SPDX-License-Identifier: Apache-2.0
// Whole compiled models kept between webnnc invocations, beside the
// kernels in the kernel cache: compiling or running the same model file
// with the same flags and the same webnnc again reuses the object (and
// header) instead of importing and compiling anything.
#ifndef WEBNNC_TOOLS_WEBNNC_OBJECTCACHE_H_
#define WEBNNC_TOOLS_WEBNNC_OBJECTCACHE_H_

#include <map>
#include <optional>
#include <string>

#include "Commands.h"
#include "webnnc/Driver/KernelCache.h"

namespace webnnc::tool {

// A compiled model's entries in the cache: the object, its C header and
// the compile's warnings (one per line), printed again on reuse.
struct ObjectCacheSlot {
  KernelCache cache;
  std::string objectKey, headerKey, warningsKey;
};

// Where the model |input| compiled with |options| and |import| (and, for
// `run`, input |shapes|) is kept, keyed by |command| ("compile", "run"),
// this webnnc, the kernel generator, the model file's bytes and every flag
// that changes the object. Nothing when there is no cache, or when a flag
// asks to watch the compile itself (timing, IR printing, kept files,
// output other than an object).
std::optional<ObjectCacheSlot>
objectCacheSlot(const std::string &command, const std::string &input,
                const CompileOptions &options, const ImportFlags &import,
                const std::map<std::string, spec::Shape> &shapes = {});

} // namespace webnnc::tool

#endif // WEBNNC_TOOLS_WEBNNC_OBJECTCACHE_H_
