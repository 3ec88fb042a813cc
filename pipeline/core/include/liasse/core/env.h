// The file operations libraries need, behind one interface (LevelDB's Env is
// the model): the CLI gives Env::Default(), the local file system; a test
// gives an EnvWrapper that changes what it must (a file's modification date,
// a write that fails) and forwards the rest. Paths are the caller's; every
// failure is kIoError naming the file and the reason in French.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "liasse/core/clock.h"
#include "liasse/core/status.h"

namespace liasse {

class Env {
 public:
  virtual ~Env() = default;

  // The local file system. Lives as long as the program; thread-safe.
  static Env* Default();

  // The whole file.
  virtual Result<std::string> ReadFile(const std::filesystem::path& path) = 0;
  // At most `max_bytes` from the start of the file (fewer when it is
  // shorter; empty for an empty file).
  virtual Result<std::string> ReadPrefix(const std::filesystem::path& path, std::size_t max_bytes) = 0;
  // Writes `contents` to `path` whole or not at all (a temporary file beside
  // it, then a rename), creating the missing parent directories: a reader
  // never sees half a file.
  virtual Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents) = 0;
  virtual Status CreateDirectories(const std::filesystem::path& path) = 0;
  // When `path` was last written (for a scan: when it was scanned).
  virtual Result<Clock::TimePoint> ModificationTime(const std::filesystem::path& path) = 0;
};

// An Env that forwards every call to `target` (borrowed); derive from it to
// change one operation.
class EnvWrapper : public Env {
 public:
  explicit EnvWrapper(Env* target) : target_(target) {}

  Result<std::string> ReadFile(const std::filesystem::path& path) override { return target_->ReadFile(path); }
  Result<std::string> ReadPrefix(const std::filesystem::path& path, std::size_t max_bytes) override {
    return target_->ReadPrefix(path, max_bytes);
  }
  Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents) override {
    return target_->WriteFileAtomically(path, contents);
  }
  Status CreateDirectories(const std::filesystem::path& path) override { return target_->CreateDirectories(path); }
  Result<Clock::TimePoint> ModificationTime(const std::filesystem::path& path) override {
    return target_->ModificationTime(path);
  }

  Env* target() const { return target_; }

 private:
  Env* target_;
};

}  // namespace liasse
