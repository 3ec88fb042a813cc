#include "omp_env.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace liasse::cli {

void EnsureSingleThreadedOpenMp() {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::vector<std::string> args;
  for (std::string arg; std::getline(in, arg, '\0');) args.push_back(arg);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv.data());  // returns only on failure
}

}  // namespace liasse::cli
