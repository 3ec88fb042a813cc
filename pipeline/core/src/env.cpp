#include "liasse/core/env.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "liasse/core/system_error.h"

namespace liasse {
namespace {

namespace fs = std::filesystem;

Status IoError(const fs::path& path, const std::string& reason) {
  return Status::IoError(path.string() + " : " + reason);
}

class LocalEnv final : public Env {
 public:
  Result<std::string> ReadFile(const fs::path& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError(path, "lecture impossible");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return IoError(path, "lecture impossible");
    return text.str();
  }

  Result<std::string> ReadPrefix(const fs::path& path, std::size_t max_bytes) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError(path, "lecture impossible");
    std::string prefix(max_bytes, '\0');
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    return prefix;
  }

  Status WriteFileAtomically(const fs::path& path, std::string_view contents) override {
    if (path.has_parent_path()) {
      if (Status s = CreateDirectories(path.parent_path()); !s.ok()) return s;
    }
    const fs::path tmp = path.string() + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) return IoError(tmp, "ouverture en écriture impossible");
      out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
      if (!out.flush()) return IoError(tmp, "écriture impossible");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) return IoError(path, FrenchSystemError(ec));
    return Status::Ok();
  }

  Status CreateDirectories(const fs::path& path) override {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return IoError(path, FrenchSystemError(ec));
    return Status::Ok();
  }

  Result<Clock::TimePoint> ModificationTime(const fs::path& path) override {
    std::error_code ec;
    const auto written = fs::last_write_time(path, ec);
    if (ec) return IoError(path, FrenchSystemError(ec));
    return std::chrono::time_point_cast<Clock::TimePoint::duration>(std::chrono::file_clock::to_sys(written));
  }
};

}  // namespace

Env* Env::Default() {
  static LocalEnv env;
  return &env;
}

}  // namespace liasse
