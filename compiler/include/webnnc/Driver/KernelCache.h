// SPDX-License-Identifier: Apache-2.0
// A directory of generated kernel objects, so that no kernel is generated
// twice: keyed by the kernel's full text (its KernelSpec, name included),
// the Halide target and the identity of the webnnc-kernelgen binary that
// made it. Entries are written to a temporary file and renamed into place
// (a concurrent compile sees a whole entry or none), carry a checksum of
// their contents (a damaged entry is dropped and regenerated), and the
// least recently used ones are evicted above a size bound.
#ifndef WEBNNC_DRIVER_KERNELCACHE_H_
#define WEBNNC_DRIVER_KERNELCACHE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "webnnc/Support/Expected.h"

namespace webnnc {

class KernelCache {
public:
  // A cache in |directory| (created if missing) for objects made by the
  // kernel generator at |kernelgen|, holding at most about |maxBytes|.
  static Expected<KernelCache, std::string>
  open(const std::string &directory, const std::string &kernelgen,
       uint64_t maxBytes);

  // The key of a kernel: its serialized text and the Halide target, with
  // this cache's generator identity.
  std::string key(const std::string &kernelText,
                  const std::string &target) const;
  // The object stored under |key|, or nothing (absent or damaged; a
  // damaged entry is removed). A hit marks the entry recently used.
  std::optional<std::string> load(const std::string &key) const;
  // Stores |object| under |key|; failures are not errors (the compile
  // already has its object). May evict the least recently used entries.
  void store(const std::string &key, const std::string &object) const;

  const std::string &directory() const { return directory_; }

private:
  std::string entryPath(const std::string &key) const;
  void evict() const;

  std::string directory_;
  std::string generatorId_;
  uint64_t maxBytes_ = 0;
};

// A hex digest of the file at |path| (its contents), or nothing if it
// cannot be read: what identifies a binary or a model in cache keys.
std::optional<std::string> fileDigest(const std::string &path);

// $WEBNNC_CACHE_DIR, else $XDG_CACHE_HOME/webnnc, else ~/.cache/webnnc;
// empty if none can be formed.
std::string defaultKernelCacheDirectory();

} // namespace webnnc

#endif // WEBNNC_DRIVER_KERNELCACHE_H_
