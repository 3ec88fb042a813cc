#include "liasse/store/committed_envelopes.h"

#include <array>
#include <mutex>
#include <set>
#include <tuple>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

using detail::Statement;

const std::array<Migration, 1> kEnvelopeMigrations = {{
    {"envelopes", 1,
     "CREATE TABLE committed_envelopes ("
     " name TEXT NOT NULL,"
     " sha256 TEXT NOT NULL,"
     " options_key TEXT NOT NULL,"
     " quarantined INTEGER NOT NULL,"
     " PRIMARY KEY (name, sha256));"
     "CREATE TABLE committed_files ("
     " name TEXT NOT NULL,"
     " sha256 TEXT NOT NULL,"
     " n INTEGER NOT NULL,"
     " path TEXT NOT NULL,"
     " bytes BLOB NOT NULL,"
     " PRIMARY KEY (name, sha256, n),"
     " FOREIGN KEY (name, sha256) REFERENCES committed_envelopes(name, sha256) ON DELETE CASCADE)"},
}};

Status Delete(detail::Connection& c, const std::string& name, const std::string& sha256) {
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(c, "DELETE FROM committed_envelopes WHERE name=? AND sha256=?"));
  s.Bind(1, name).Bind(2, sha256);
  return s.Run();
}

}  // namespace

Result<std::unique_ptr<CommittedEnvelopes>> CommittedEnvelopes::Open(Database& db) {
  LIASSE_RETURN_IF_ERROR(db.Migrate(kEnvelopeMigrations));
  return std::unique_ptr<CommittedEnvelopes>(new CommittedEnvelopes(db));
}

Status CommittedEnvelopes::Record(const CommittedEnvelope& e) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  detail::Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  LIASSE_RETURN_IF_ERROR(Delete(c, e.name, e.sha256));
  LIASSE_ASSIGN_OR_RETURN(auto head, Statement::Prepare(c,
      "INSERT INTO committed_envelopes (name, sha256, options_key, quarantined) VALUES (?, ?, ?, ?)"));
  head.Bind(1, e.name).Bind(2, e.sha256).Bind(3, e.options_key).Bind(4, int64_t{e.quarantined ? 1 : 0});
  LIASSE_RETURN_IF_ERROR(head.Run());
  LIASSE_ASSIGN_OR_RETURN(auto file, Statement::Prepare(c,
      "INSERT INTO committed_files (name, sha256, n, path, bytes) VALUES (?, ?, ?, ?, ?)"));
  for (std::size_t i = 0; i < e.files.size(); ++i) {
    file.Reset();
    file.Bind(1, e.name).Bind(2, e.sha256).Bind(3, static_cast<int64_t>(i)).Bind(4, e.files[i].path);
    file.BindBlob(5, e.files[i].bytes);
    LIASSE_RETURN_IF_ERROR(file.Run());
  }
  return scope.Commit();
}

Result<std::optional<CommittedEnvelope>> CommittedEnvelopes::Find(const std::string& name,
                                                                  const std::string& sha256) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  detail::Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto head, Statement::Prepare(c,
      "SELECT options_key, quarantined FROM committed_envelopes WHERE name=? AND sha256=?"));
  head.Bind(1, name).Bind(2, sha256);
  LIASSE_ASSIGN_OR_RETURN(auto row, head.Step());
  if (!row) return std::optional<CommittedEnvelope>();
  CommittedEnvelope e{name, sha256, head.Text(0), head.Int(1) != 0, {}};
  LIASSE_ASSIGN_OR_RETURN(auto files, Statement::Prepare(c,
      "SELECT path, bytes FROM committed_files WHERE name=? AND sha256=? ORDER BY n"));
  files.Bind(1, name).Bind(2, sha256);
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto more, files.Step());
    if (!more) break;
    e.files.push_back({files.Text(0), files.Blob(1)});
  }
  return std::optional<CommittedEnvelope>(std::move(e));
}

Status CommittedEnvelopes::Forget(const std::string& name, const std::string& sha256) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  return Delete(db_.connection(), name, sha256);
}

Status CommittedEnvelopes::ForgetAllBut(const std::vector<CommittedEnvelope>& keep) {
  std::set<std::tuple<std::string, std::string, std::string>> kept;
  for (const auto& e : keep) kept.emplace(e.name, e.sha256, e.options_key);
  std::lock_guard<std::mutex> lock(db_.mutex());
  detail::Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  LIASSE_ASSIGN_OR_RETURN(auto all, Statement::Prepare(c, "SELECT name, sha256, options_key FROM committed_envelopes"));
  std::vector<std::pair<std::string, std::string>> dropped;
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto more, all.Step());
    if (!more) break;
    if (!kept.contains({all.Text(0), all.Text(1), all.Text(2)})) dropped.emplace_back(all.Text(0), all.Text(1));
  }
  for (const auto& [name, sha256] : dropped) LIASSE_RETURN_IF_ERROR(Delete(c, name, sha256));
  return scope.Commit();
}

}  // namespace liasse::store
