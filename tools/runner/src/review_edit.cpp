#include "review_edit.h"

#include <algorithm>

#include "liasse/extractors/typed_value.h"

namespace liasse::runner {
namespace {

bool Concerns(const ReviewFlag& flag, std::string_view field, std::optional<int> line) {
  return flag.field == field && flag.line == line;
}

}  // namespace

std::optional<std::string> ValueText(const Document& document, std::string_view field, std::optional<int> line) {
  if (!line && field == kTypeField) return std::string(DocumentTypeName(document.type));
  if (line) {
    if (*line < 0 || static_cast<std::size_t>(*line) >= document.lines.size()) return std::nullopt;
    const std::string* v = document.lines[static_cast<std::size_t>(*line)].Find(field);
    return v ? std::optional<std::string>(*v) : std::nullopt;
  }
  const Field* f = document.Find(field);
  if (f == nullptr) return std::nullopt;
  if (auto b = f->boolean()) return *b ? "true" : "false";
  return f->text();
}

std::optional<store::ReviewChange> SetValue(Document& document, int index, const std::string& field,
                                            std::optional<int> line, const std::variant<std::string, bool>& value) {
  store::ReviewChange change;
  change.action = "correction";
  change.document = index;
  change.field = field;
  change.line = line;
  change.old_value = ValueText(document, field, line);
  if (line) {
    document.lines[static_cast<std::size_t>(*line)].values[field] = std::get<std::string>(value);
  } else {
    Field& f = document.fields[field];
    f.value = value;
    f.confidence = 1.0;
  }
  change.new_value = ValueText(document, field, line);
  const auto flagged = std::erase_if(document.review, [&](const ReviewFlag& f) { return Concerns(f, field, line); });
  if (flagged == 0 && change.old_value == change.new_value) return std::nullopt;
  return change;
}

Result<std::optional<store::ReviewChange>> SetType(Document& document, int index, const std::string& name) {
  const auto type = ParseDocumentType(name);
  if (!type) {
    return Status::InvalidArgument("type : « " + name + " » refusé : type de document du contrat attendu "
                                   "(bordereau, feuille_de_soins, facture, prescription…)");
  }
  store::ReviewChange change;
  change.action = "correction";
  change.document = index;
  change.field = std::string(kTypeField);
  change.old_value = std::string(DocumentTypeName(document.type));
  document.type = *type;
  change.new_value = name;
  const auto flagged =
      std::erase_if(document.review, [](const ReviewFlag& f) { return !f.line && f.field == kTypeField; });
  if (flagged == 0 && change.old_value == change.new_value) return std::optional<store::ReviewChange>();
  return std::optional<store::ReviewChange>(std::move(change));
}

std::vector<store::ReviewChange> AcceptReadValues(Document& document, int index) {
  std::vector<store::ReviewChange> changes;
  std::erase_if(document.review, [&](const ReviewFlag& f) {
    const auto value = ValueText(document, f.field, f.line);
    if (!value) return false;  // not read: a person types it
    store::ReviewChange c;
    c.action = "validation";
    c.document = index;
    c.field = f.field;
    c.line = f.line;
    c.old_value = value;
    c.new_value = value;
    changes.push_back(std::move(c));
    return true;
  });
  return changes;
}

namespace {

// One recorded change applied again to `d`; false when it cannot be.
bool Replay(const store::ReviewChange& c, const std::filesystem::path& data_dir, Document& d) {
  if (c.line && (*c.line < 0 || static_cast<std::size_t>(*c.line) >= d.lines.size())) return false;
  if (c.action == "validation") {
    if (!ValueText(d, c.field, c.line)) return false;
    std::erase_if(d.review, [&](const ReviewFlag& f) { return Concerns(f, c.field, c.line); });
    return true;
  }
  if (!c.new_value) return false;
  if (!c.line && c.field == kTypeField) return SetType(d, c.document, *c.new_value).ok();
  auto value = extractors::CheckTypedValue(d.type, c.field, c.line, *c.new_value, data_dir);
  if (!value.ok()) return false;
  SetValue(d, c.document, c.field, c.line, *value);
  return true;
}

}  // namespace

void ReplayChanges(const std::vector<store::ReviewChange>& changes, const std::string& sha256,
                   const std::filesystem::path& data_dir, std::vector<Document>& documents,
                   std::vector<std::string>& review, int& version) {
  for (const auto& c : changes) {
    if (c.sha256 != sha256) continue;  // another file under the same name
    const bool known = c.document >= 0 && static_cast<std::size_t>(c.document) < documents.size();
    if (!known || !Replay(c, data_dir, documents[static_cast<std::size_t>(c.document)])) {
      review.push_back("correction de la version " + std::to_string(c.version) + " (document " +
                       std::to_string(c.document) + ", " + c.field + ") non réappliquée : le document lu ne s'y prête plus");
    }
    version = std::max(version, c.version);
  }
}

std::vector<std::string> RemainingReview(const Document& document) {
  std::vector<std::string> out;
  for (const auto& f : document.review) {
    out.push_back(f.line ? f.field + " (ligne " + std::to_string(*f.line + 1) + ") : " + f.reason
                         : f.field + " : " + f.reason);
  }
  return out;
}

}  // namespace liasse::runner
