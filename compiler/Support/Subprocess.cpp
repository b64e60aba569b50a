// SPDX-License-Identifier: Apache-2.0
// Running helper programs and temporary directories.
#include "webnnc/Support/Subprocess.h"

#include "webnnc/Support/Files.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

extern char **environ;

namespace webnnc {

namespace {

struct Running {
  pid_t pid = -1;
  size_t index = 0;
  std::string logPath;
};

// Starts |argv| with stdout and stderr going to |logPath|.
pid_t start(const std::vector<std::string> &argv, const std::string &logPath) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logPath.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<char *> args;
  for (const std::string &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

std::string readFile(const std::string &path) {
  return readWholeFile(path).value_or("");
}

} // namespace

std::vector<ProcessResult>
runProcesses(const std::vector<std::vector<std::string>> &commands,
             int parallelism, const std::function<void(size_t)> &onFinished) {
  std::vector<ProcessResult> results(commands.size());
  TemporaryDirectory logs;
  std::vector<Running> running;
  size_t next = 0;
  // Waits for one of *our* children. Never waitpid(-1): another thread
  // (or the embedding program) may be running processes of its own.
  auto finishOne = [&]() {
    for (int pause = 1;; pause = std::min(pause * 2, 20)) {
      for (size_t i = 0; i < running.size(); ++i) {
        int status = 0;
        pid_t pid = waitpid(running[i].pid, &status, WNOHANG);
        if (pid == 0 || (pid < 0 && errno == EINTR))
          continue;
        ProcessResult &r = results[running[i].index];
        if (pid < 0) {
          r.exitCode = -1;
          r.output = "lost track of a child process";
        } else {
          r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
          r.output = readFile(running[i].logPath);
          if (WIFSIGNALED(status))
            r.output +=
                "\nkilled by signal " + std::to_string(WTERMSIG(status));
        }
        size_t index = running[i].index;
        running.erase(running.begin() + i);
        if (onFinished)
          onFinished(index);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(pause));
    }
  };
  while (next < commands.size() || !running.empty()) {
    while (next < commands.size() &&
           int(running.size()) < std::max(1, parallelism)) {
      std::string log = logs.path() + "/" + std::to_string(next) + ".log";
      pid_t pid = start(commands[next], log);
      if (pid < 0) {
        results[next].output = "cannot run '" + commands[next][0] + "'";
        if (onFinished)
          onFinished(next);
      } else {
        running.push_back({pid, next, log});
      }
      ++next;
    }
    if (!running.empty())
      finishOne();
  }
  return results;
}

TemporaryDirectory::TemporaryDirectory() {
  const char *base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base && *base ? base : "/tmp") + "/webnnc-XXXXXX";
  if (mkdtemp(pattern.data()))
    path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
  if (!path_.empty() && !keep_) {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
}

std::string executableDirectory() {
  std::error_code error;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? "." : exe.parent_path().string();
}

std::string environmentOr(const char *variable, const std::string &fallback) {
  const char *value = std::getenv(variable);
  return value && *value ? value : fallback;
}

} // namespace webnnc
