// SPDX-License-Identifier: Apache-2.0
// The kernel object cache.
#include "webnnc/Driver/KernelCache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "webnnc/Support/Files.h"
#include "llvm/Support/BLAKE3.h"

namespace webnnc {
namespace fs = std::filesystem;

namespace {

// Bumped when the entry format or what a key covers changes.
constexpr char kFormat[] = "webnnc-kernel-cache-1";
// An entry: this magic, the BLAKE3 hash of the object, then the object.
constexpr char kMagic[8] = {'W', 'N', 'N', 'C', 'K', 'C', '0', '1'};
constexpr size_t kHashBytes = 32;

std::string hex(const std::array<uint8_t, kHashBytes> &bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::array<uint8_t, kHashBytes> hashOf(const std::string &data) {
  return llvm::BLAKE3::hash<kHashBytes>(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(data.data()), data.size()));
}

} // namespace

std::optional<std::string> fileDigest(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  // In chunks: a model file is hashed without being held in memory.
  llvm::BLAKE3 hasher;
  std::vector<char> chunk(size_t(1) << 20);
  while (in) {
    in.read(chunk.data(), std::streamsize(chunk.size()));
    hasher.update(llvm::ArrayRef<uint8_t>(
        reinterpret_cast<const uint8_t *>(chunk.data()), size_t(in.gcount())));
  }
  if (!in.eof())
    return std::nullopt;
  return hex(hasher.final<kHashBytes>());
}

std::string defaultKernelCacheDirectory() {
  if (const char *dir = std::getenv("WEBNNC_CACHE_DIR"); dir && *dir)
    return dir;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/webnnc";
  if (const char *home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/webnnc";
  return "";
}

Expected<KernelCache, std::string>
KernelCache::open(const std::string &directory, const std::string &kernelgen,
                  uint64_t maxBytes) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec || !fs::is_directory(directory))
    return "cannot use '" + directory + "' as the kernel cache: " +
           (ec ? ec.message() : std::string("not a directory"));
  // The generator's identity is its binary's contents: a rebuilt
  // webnnc-kernelgen (another version, another schedule) never reuses an
  // object an older one made.
  std::optional<std::string> generatorId = fileDigest(kernelgen);
  if (!generatorId)
    return "cannot read '" + kernelgen + "' to identify the kernel generator";
  KernelCache cache;
  cache.directory_ = directory;
  cache.generatorId_ = std::move(*generatorId);
  cache.maxBytes_ = maxBytes;
  return cache;
}

std::string KernelCache::key(const std::string &kernelText,
                             const std::string &target) const {
  std::string text = std::string(kFormat) + "\n" + generatorId_ + "\n" +
                     target + "\n" + kernelText;
  return hex(hashOf(text));
}

std::string KernelCache::entryPath(const std::string &key) const {
  return directory_ + "/" + key.substr(0, 2) + "/" + key + ".o";
}

std::optional<std::string> KernelCache::load(const std::string &key) const {
  std::string path = entryPath(key);
  std::optional<std::string> entry = readWholeFile(path);
  if (!entry)
    return std::nullopt;
  size_t header = sizeof(kMagic) + kHashBytes;
  bool intact = entry->size() >= header &&
                std::memcmp(entry->data(), kMagic, sizeof(kMagic)) == 0;
  std::string object = std::move(*entry);
  std::array<uint8_t, kHashBytes> stored{};
  if (intact) {
    std::memcpy(stored.data(), object.data() + sizeof(kMagic), kHashBytes);
    object.erase(0, header);
    intact = hashOf(object) == stored;
  }
  std::error_code ec;
  if (!intact) {
    fs::remove(path, ec); // regenerated and stored again by the caller
    return std::nullopt;
  }
  // Recently used: eviction goes by modification time.
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
  return object;
}

void KernelCache::store(const std::string &key,
                        const std::string &object) const {
  std::string path = entryPath(key);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  // A unique temporary name in the same directory, then an atomic rename:
  // readers never see a partial entry, and racing writers of one key
  // leave one whole entry.
  std::random_device random;
  std::string temp = path + ".tmp." + std::to_string(getpid()) + "." +
                     std::to_string(random());
  {
    std::ofstream out(temp, std::ios::binary);
    auto hash = hashOf(object);
    out.write(kMagic, sizeof(kMagic));
    out.write(reinterpret_cast<const char *>(hash.data()), kHashBytes);
    out.write(object.data(), std::streamsize(object.size()));
    if (!out) {
      out.close();
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, path, ec);
  if (ec)
    fs::remove(temp, ec);
  evict();
}

void KernelCache::evict() const {
  struct Entry {
    fs::path path;
    fs::file_time_type used;
    uint64_t size;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(directory_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".o")
      continue;
    uint64_t size = it->file_size(ec);
    auto used = it->last_write_time(ec);
    if (ec)
      continue;
    entries.push_back({it->path(), used, size});
    total += size;
  }
  if (total <= maxBytes_)
    return;
  // Oldest first, down to three quarters of the bound, so that a full
  // cache does not evict on every store.
  std::sort(entries.begin(), entries.end(),
            [](const Entry &a, const Entry &b) { return a.used < b.used; });
  uint64_t target = maxBytes_ / 4 * 3;
  for (const Entry &e : entries) {
    if (total <= target)
      break;
    if (fs::remove(e.path, ec))
      total -= e.size;
  }
}

} // namespace webnnc
