// ListReview (liasse/runner/review.h): what waits for a person in DIR.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <system_error>

#include "envelope_output.h"
#include "liasse/core/document_json.h"
#include "liasse/extractors/typed_value.h"
#include "liasse/rules/blocking_fields.h"
#include "liasse/rules/rule_set.h"
#include "liasse/runner/review.h"
#include "liasse/store/store.h"
#include "review_edit.h"
#include "review_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The texts the reason quotes (« … »): readings the reader compared.
std::vector<std::string> Quoted(const std::string& reason) {
  static const std::string kOpen = "« ", kClose = " »";
  std::vector<std::string> out;
  for (std::size_t at = reason.find(kOpen); at != std::string::npos; at = reason.find(kOpen, at)) {
    const std::size_t end = reason.find(kClose, at + kOpen.size());
    if (end == std::string::npos) break;
    out.push_back(reason.substr(at + kOpen.size(), end - at - kOpen.size()));
    at = end + kClose.size();
  }
  return out;
}

// The quoted readings that pass the field's checks, normalised, other than
// the value read: what an operator may choose among.
std::vector<std::string> Candidates(const Document& d, const ReviewFlag& flag, const std::optional<std::string>& value,
                                    const fs::path& data_dir) {
  std::vector<std::string> out;
  for (const auto& quoted : Quoted(flag.reason)) {
    auto checked = extractors::CheckTypedValue(d.type, flag.field, flag.line, quoted, data_dir);
    if (!checked.ok() || !std::holds_alternative<std::string>(*checked)) continue;
    const std::string& text = std::get<std::string>(*checked);
    if (text != value && std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
  }
  return out;
}

bool Blocks(const Document& d, const ReviewFlag& flag, const rules::BlockingFields& blocking) {
  if (flag.line) return true;  // an act, an amount or a bordereau line: always checked before paying
  return blocking.Blocks(d, flag);
}

// The items of one result, and its claims waiting.
Status AddResult(const std::string& stem, const std::string& text, const fs::path& origin,
                 const rules::BlockingFields& blocking, const fs::path& data_dir, ReviewQueue& queue) {
  LIASSE_ASSIGN_OR_RETURN(auto out, EnvelopeOutputFromResult(text, origin.string()));
  for (std::size_t i = 0; i < out.documents.size(); ++i) {
    const Document& d = out.documents[i];
    for (const auto& flag : d.review) {
      ReviewItem item{stem, static_cast<int>(i), std::string(DocumentTypeName(d.type)), flag.field, flag.line,
                      flag.reason, ValueText(d, flag.field, flag.line), {}, Blocks(d, flag, blocking)};
      item.candidates = Candidates(d, flag, item.value, data_dir);
      queue.items.push_back(std::move(item));
    }
  }
  const json j = json::parse(text, nullptr, false);
  for (const auto& r : j.value("review", json::array())) {
    if (r.is_string()) queue.items.push_back({stem, -1, "", "", std::nullopt, r.get<std::string>(), {}, {}, false});
  }
  for (const auto& c : j.value("claims", json::array())) {
    if (c.value("statut", "") != "en_attente") continue;
    std::string why = c.contains("review") && !c["review"].empty() ? c["review"][0].get<std::string>() : "";
    queue.claims_waiting.push_back(stem + " : facture " + c.value("numero_facture", "?") + " : " + why);
  }
  return Status::Ok();
}

// The result files of DIR, by name.
std::vector<fs::path> ResultFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json" && e.is_regular_file(ec)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Result<ReviewQueue> ListReview(const ReviewOptions& options) {
  LIASSE_ASSIGN_OR_RETURN(const fs::path database, ExistingDatabase(options));
  const fs::path data_dir = options.data_dir.empty() ? rules::LotRuleSet::DefaultDataDir() : options.data_dir;
  LIASSE_ASSIGN_OR_RETURN(auto blocking, rules::BlockingFields::Load(data_dir));
  ReviewQueue queue;
  for (const auto& file : ResultFiles(options.out_dir)) {
    LIASSE_ASSIGN_OR_RETURN(auto text, options.env->ReadFile(file));
    const json j = json::parse(text, nullptr, false);
    // Other JSON files of DIR (reports) are not results.
    if (!j.is_object() || j.value("schema", "") != "liasse.result/1" || (j.contains("error") && !j["error"].is_null())) continue;
    LIASSE_RETURN_IF_ERROR(AddResult(file.stem().string(), text, file, blocking, data_dir, queue));
  }
  LIASSE_ASSIGN_OR_RETURN(auto st, store::Store::Open(database.string()));
  LIASSE_ASSIGN_OR_RETURN(auto waiting, st.UnprovenEmails());
  for (const auto& w : waiting) queue.addresses_waiting.push_back(w.numero_adherent + " " + w.email);
  return queue;
}

}  // namespace liasse::runner
