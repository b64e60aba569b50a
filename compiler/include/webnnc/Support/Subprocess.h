// SPDX-License-Identifier: Apache-2.0
// Running helper programs (kernel generator, linker) and temporary
// directories.
#ifndef WEBNNC_SUPPORT_SUBPROCESS_H_
#define WEBNNC_SUPPORT_SUBPROCESS_H_

#include <functional>
#include <string>
#include <vector>

namespace webnnc {

// One finished child process.
struct ProcessResult {
  int exitCode = -1;  // -1 if it could not start or was killed
  std::string output; // what it wrote to stdout and stderr
};

// Runs every command in |commands| (argv vectors; argv[0] is looked up in
// PATH unless it holds a '/') concurrently, at most |parallelism| at a time,
// and waits for all. |onFinished|, if given, is called with each command's
// index as it finishes (on the calling thread).
std::vector<ProcessResult>
runProcesses(const std::vector<std::vector<std::string>> &commands,
             int parallelism,
             const std::function<void(size_t)> &onFinished = nullptr);

// A directory removed with its contents on destruction (unless kept).
class TemporaryDirectory {
public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory &) = delete;
  TemporaryDirectory &operator=(const TemporaryDirectory &) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string &path() const { return path_; }
  void keep() { keep_ = true; }

private:
  std::string path_;
  bool keep_ = false;
};

// The directory holding the running executable.
std::string executableDirectory();

// The environment variable |variable| if set and not empty, else |fallback|
// (tools a user may replace: WEBNNC_LD, WEBNNC_EMULATOR...).
std::string environmentOr(const char *variable, const std::string &fallback);

} // namespace webnnc

#endif // WEBNNC_SUPPORT_SUBPROCESS_H_
