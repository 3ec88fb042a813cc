// The reprocessing report: JSON for programs, a French table for people.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "liasse/core/money.h"
#include "liasse/runner/reprocess.h"

namespace liasse::runner {
namespace {

using nlohmann::ordered_json;

// Characters, not bytes: the table is aligned for a terminal.
std::size_t DisplayWidth(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Pad(const std::string& s, std::size_t width) {
  const std::size_t w = DisplayWidth(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string Euros(std::int64_t cents) { return Money::FromCents(cents).ToFrench(); }

std::string Shard(const ReprocessReport& r) {
  return r.shard_count == 1 ? "" : fmt::format(" (part {} sur {})", r.shard_index, r.shard_count);
}

}  // namespace

std::string ReprocessReportJson(const ReprocessReport& r) {
  ordered_json j;
  j["schema"] = "liasse.reprocess/1";
  j["run_key"] = r.run_key;
  j["shard"] = {{"index", r.shard_index}, {"count", r.shard_count}};
  j["envelopes"] = r.envelopes;
  j["resumed"] = r.resumed;
  j["processed"] = r.processed;
  j["from_ocr_cache"] = r.from_ocr_cache;
  j["unreadable"] = r.summary.unreadable;
  j["unchanged"] = r.unchanged;
  j["changed"] = r.changed;
  j["first_results"] = r.first_results;
  j["mutuelle"] = {{"before", Money::FromCents(r.mutuelle_before_cents).ToDecimal()},
                   {"after", Money::FromCents(r.mutuelle_after_cents).ToDecimal()}};
  std::map<std::string, int> by_kind;
  for (const auto& c : r.changes) ++by_kind[c.kind];
  j["changes_by_kind"] = by_kind;
  j["changes"] = ordered_json::array();
  for (const auto& c : r.changes) {
    j["changes"].push_back(
        {{"envelope", c.envelope}, {"kind", c.kind}, {"what", c.what}, {"before", c.before}, {"after", c.after}});
  }
  j["seconds"] = std::round(r.summary.seconds * 100.0) / 100.0;
  return j.dump(2) + "\n";
}

std::string ReprocessReportTable(const ReprocessReport& r) {
  std::string out = fmt::format("Retraitement{} : {} enveloppe(s), {} reprise(s) d'une exécution interrompue, "
                                "{} traitée(s) maintenant dont {} sans OCR (cache)\n",
                                Shard(r), r.envelopes, r.resumed, r.processed, r.from_ocr_cache);
  out += fmt::format("Résultats : {} modifié(s), {} inchangé(s), {} premier(s) résultat(s)\n", r.changed, r.unchanged,
                     r.first_results);
  const std::int64_t delta = r.mutuelle_after_cents - r.mutuelle_before_cents;
  out += fmt::format("Part mutuelle : {} avant, {} après ({}{})\n", Euros(r.mutuelle_before_cents),
                     Euros(r.mutuelle_after_cents), delta > 0 ? "+" : "", Euros(delta));
  if (r.changes.empty()) return out + "Aucun changement.\n";
  const std::vector<std::string> head = {"enveloppe", "nature", "objet", "avant", "après"};
  std::vector<std::size_t> width;
  for (const auto& h : head) width.push_back(DisplayWidth(h));
  for (const auto& c : r.changes) {
    const std::string cells[] = {c.envelope, c.kind, c.what, c.before, c.after};
    for (std::size_t i = 0; i < 5; ++i) width[i] = std::max(width[i], DisplayWidth(cells[i]));
  }
  out += "\n";
  for (std::size_t i = 0; i < 5; ++i) out += Pad(head[i], i == 4 ? 0 : width[i] + 2);
  out += "\n";
  for (const auto& c : r.changes) {
    const std::string cells[] = {c.envelope, c.kind, c.what, c.before, c.after};
    for (std::size_t i = 0; i < 5; ++i) out += Pad(cells[i], i == 4 ? 0 : width[i] + 2);
    out += "\n";
  }
  return out;
}

}  // namespace liasse::runner
