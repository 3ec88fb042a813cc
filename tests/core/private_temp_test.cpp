// The run's private temporary directory (issue 21): mode 0700, a name no
// other process gets, removed with its content when the process exits.
#include "liasse/core/private_temp.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace liasse {
namespace {

namespace fs = std::filesystem;

TEST(PrivateTempDir, IsOnlyTheOwnersAndTheSameForTheWholeRun) {
  auto dir = PrivateTempDir();
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  struct stat info {};
  ASSERT_EQ(stat(dir->c_str(), &info), 0);
  EXPECT_TRUE(S_ISDIR(info.st_mode));
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  EXPECT_EQ(info.st_uid, getuid());
  EXPECT_EQ(PrivateTempDir().value(), *dir);
}

// Run in a process of its own by the next test (LIASSE_PRIVATE_TEMP_PROBE
// names the file where it writes its directory); skipped otherwise.
TEST(PrivateTempDir, ProbeForTheRemovalTest) {
  const char* out = std::getenv("LIASSE_PRIVATE_TEMP_PROBE");
  if (out == nullptr) GTEST_SKIP() << "run by EachProcessHasItsOwnRemovedAtExit";
  auto dir = PrivateTempDir();
  ASSERT_TRUE(dir.ok());
  std::ofstream(*dir / "page.pdf") << "contenu";
  std::ofstream(out) << dir->string();
}

// Another run of Liasse gets its own directory, removed with its content
// when that run exits.
TEST(PrivateTempDir, EachProcessHasItsOwnRemovedAtExit) {
  const fs::path probe = fs::path(::testing::TempDir()) / "liasse_private_temp_probe.txt";
  fs::remove(probe);
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  const std::string command = "LIASSE_PRIVATE_TEMP_PROBE='" + probe.string() + "' '" + self +
                              "' --gtest_filter=PrivateTempDir.ProbeForTheRemovalTest > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(probe);
  std::string path;
  std::getline(in, path);
  ASSERT_FALSE(path.empty());
  EXPECT_NE(fs::path(path), PrivateTempDir().value());
  EXPECT_FALSE(fs::exists(path)) << path << " survived its process";
}

// A forked child that exits normally leaves its parent's directory alone.
TEST(PrivateTempDir, ForkedChildExitingLeavesTheParentsDirectory) {
  auto dir = PrivateTempDir();
  ASSERT_TRUE(dir.ok());
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) std::exit(0);  // runs the static destructors
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(fs::exists(*dir));
}

}  // namespace
}  // namespace liasse
