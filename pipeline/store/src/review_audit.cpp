#include "liasse/store/review_audit.h"

#include <array>
#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

using detail::Statement;

const std::array<Migration, 1> kReviewMigrations = {{
    {"review", 1,
     "CREATE TABLE revue_corrections ("
     " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
     " envelope TEXT NOT NULL,"
     " sha256 TEXT NOT NULL,"
     " version INTEGER NOT NULL,"
     " at TEXT NOT NULL,"
     " user TEXT NOT NULL,"
     " action TEXT NOT NULL,"
     " document INTEGER NOT NULL,"
     " field TEXT NOT NULL,"
     " line INTEGER,"
     " old_value TEXT,"
     " new_value TEXT);"
     "CREATE INDEX revue_corrections_envelope ON revue_corrections (envelope, seq)"},
}};

std::optional<std::string> OptText(const Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<std::string>(s.Text(col));
}

}  // namespace

Result<std::unique_ptr<ReviewAudit>> ReviewAudit::Open(Database& db) {
  LIASSE_RETURN_IF_ERROR(db.Migrate(kReviewMigrations));
  return std::unique_ptr<ReviewAudit>(new ReviewAudit(db));
}

Status ReviewAudit::Record(const ReviewChange& c) {
  if (c.envelope.empty() || c.user.empty() || c.field.empty()) {
    return Status::InvalidArgument("correction sans pli, sans opérateur ou sans champ");
  }
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "INSERT INTO revue_corrections (envelope, sha256, version, at, user, action, document,"
                              " field, line, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, c.envelope).Bind(2, c.sha256).Bind(3, int64_t{c.version}).Bind(4, c.at).Bind(5, c.user).Bind(6, c.action);
  s.Bind(7, int64_t{c.document}).Bind(8, c.field);
  if (c.line) {
    s.Bind(9, int64_t{*c.line});
  } else {
    s.BindNull(9);
  }
  s.BindOpt(10, c.old_value).BindOpt(11, c.new_value);
  return s.Run();
}

Result<int> ReviewAudit::Version(const std::string& envelope) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "SELECT COALESCE(MAX(version), 0) FROM revue_corrections WHERE envelope=?"));
  s.Bind(1, envelope);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

Result<std::vector<ReviewChange>> ReviewAudit::Changes(const std::string& envelope) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "SELECT envelope, sha256, version, at, user, action, document, field, line, old_value,"
                              " new_value FROM revue_corrections WHERE ?1 = '' OR envelope = ?1 ORDER BY seq"));
  s.Bind(1, envelope);
  std::vector<ReviewChange> out;
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
    if (!row) return out;
    ReviewChange c;
    c.envelope = s.Text(0);
    c.sha256 = s.Text(1);
    c.version = static_cast<int>(s.Int(2));
    c.at = s.Text(3);
    c.user = s.Text(4);
    c.action = s.Text(5);
    c.document = static_cast<int>(s.Int(6));
    c.field = s.Text(7);
    if (!s.IsNull(8)) c.line = static_cast<int>(s.Int(8));
    c.old_value = OptText(s, 9);
    c.new_value = OptText(s, 10);
    out.push_back(std::move(c));
  }
}

}  // namespace liasse::store
