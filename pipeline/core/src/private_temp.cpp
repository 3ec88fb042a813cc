#include "liasse/core/private_temp.h"

#include <cerrno>
#include <cstdlib>  // ::mkdtemp (POSIX, declared by glibc's <cstdlib>)
#include <cstring>
#include <mutex>
#include <string>
#include <system_error>

#include "liasse/core/system_error.h"

namespace liasse {
namespace {

// Owns the directory; its destructor (static, at normal exit) removes it.
class RunDirectory {
 public:
  RunDirectory() {
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::temp_directory_path(ec);
    if (ec) {
      status_ = Status::IoError("dossier temporaire introuvable : " + FrenchSystemError(ec));
      return;
    }
    std::string pattern = (parent / "liasse-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {  // mode 0700, a fresh unguessable name
      status_ = Status::IoError(parent.string() + " : dossier privé impossible à créer : " + FrenchErrno(errno));
      return;
    }
    path_ = pattern;
    owner_ = ProcessId();
  }
  // Only the process that made the directory removes it: a forked child
  // that exits normally runs this destructor too.
  ~RunDirectory() {
    if (path_.empty() || ProcessId() != owner_) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  RunDirectory(const RunDirectory&) = delete;
  RunDirectory& operator=(const RunDirectory&) = delete;

  Result<std::filesystem::path> Get() const {
    if (!status_.ok()) return status_;
    return path_;
  }

 private:
  // The process id as Linux names it ("/proc/self" → "12345"), with the
  // standard library alone.
  static std::string ProcessId() {
    std::error_code ec;
    return std::filesystem::read_symlink("/proc/self", ec).string();
  }

  std::filesystem::path path_;
  std::string owner_;
  Status status_ = Status::Ok();
};

}  // namespace

Result<std::filesystem::path> PrivateTempDir() {
  static const RunDirectory directory;  // made once, thread-safe (magic static)
  return directory.Get();
}

}  // namespace liasse
