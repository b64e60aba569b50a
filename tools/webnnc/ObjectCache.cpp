// SPDX-License-Identifier: Apache-2.0
// Keys of whole compiled models in the cache.
#include "ObjectCache.h"

#include <cstdlib>
#include <sstream>

namespace webnnc::tool {

std::optional<ObjectCacheSlot>
objectCacheSlot(const std::string &command, const std::string &input,
                const CompileOptions &options, const ImportFlags &import,
                const std::map<std::string, spec::Shape> &shapes) {
  // Flags that ask to watch the compile itself want it to happen.
  if (options.kernelCacheDir.empty() || options.emit != EmitKind::Object ||
      options.timing || options.printIRAfterAll || options.keepTemporaries ||
      !options.stopAfter.empty())
    return std::nullopt;
  auto kernelgen = findKernelgen(options);
  if (!kernelgen)
    return std::nullopt;
  auto cache = KernelCache::open(options.kernelCacheDir, *kernelgen,
                                 options.kernelCacheMaxBytes);
  if (!cache)
    return std::nullopt;
  std::optional<std::string> self = fileDigest("/proc/self/exe");
  std::optional<std::string> model = fileDigest(input);
  if (!self || !model)
    return std::nullopt;
  const char *checkedEnv = std::getenv("WEBNNC_CHECKED_KERNELS");
  const Optimizations &o = options.optimizations;
  std::ostringstream text;
  text << "webnnc " << command << " object 2\nwebnnc " << *self << "\nmodel "
       << *model << "\nname " << options.modelName << "\ntarget "
       << options.target << "\nchecked "
       << (options.checkedKernels ||
           (checkedEnv && std::string(checkedEnv) == "1"))
       << "\ndeterministic " << options.deterministic << "\noptimizations "
       << o.foldConstants << o.recognize << o.channelsLast << o.packWeights
       << o.winograd << o.fuse << o.inPlace << o.integerKernels << "\n";
  for (const std::string &output : options.outputs)
    text << "output " << output << "\n";
  for (const auto *list :
       {&import.inputShapes, &import.dimensions, &import.dimensionBounds})
    for (const std::string &flag : *list)
      text << "import " << flag << "\n";
  for (const auto &[name, shape] : shapes)
    text << "input " << name << " " << spec::toString(shape) << "\n";
  std::string objectKey = cache->key(text.str(), "object");
  std::string headerKey = cache->key(text.str(), "header");
  std::string warningsKey = cache->key(text.str(), "warnings");
  return ObjectCacheSlot{std::move(*cache), std::move(objectKey),
                         std::move(headerKey), std::move(warningsKey)};
}

} // namespace webnnc::tool
