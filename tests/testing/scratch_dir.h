// One scratch folder per test process, removed when the process exits.
//
// ctest runs every test in a process of its own; a test that writes pages,
// stores and results under this folder leaves nothing behind on the machine
// (a CI machine's disk is shared: two test trees and their leftovers once
// filled it). Set LIASSE_KEEP_TEST_DIRS=1 to keep the folders for a look.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace liasse::test_support {

class ProcessScratch {
 public:
  ProcessScratch()
      : owner_(::getpid()),
        root_(std::filesystem::path(::testing::TempDir()) / ("liasse-tests-" + std::to_string(owner_))) {
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  // Only the process that made it removes it: a forked child that exits
  // normally runs this destructor too.
  ~ProcessScratch() {
    if (::getpid() != owner_ || std::getenv("LIASSE_KEEP_TEST_DIRS") != nullptr) return;
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  ProcessScratch(const ProcessScratch&) = delete;
  ProcessScratch& operator=(const ProcessScratch&) = delete;

  const std::filesystem::path& root() const { return root_; }

 private:
  pid_t owner_;
  std::filesystem::path root_;
};

// The folder of this test process (made on first use; the same path for
// every caller in the process).
inline const std::filesystem::path& ProcessScratchDir() {
  static const ProcessScratch scratch;
  return scratch.root();
}

}  // namespace liasse::test_support
