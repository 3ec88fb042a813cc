#include "change_report.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "liasse/core/money.h"

namespace liasse::runner {
namespace {

using nlohmann::json;

constexpr const char* kAbsent = "—";

// Member `key` of `j` when `j` is an object holding it and it is not null;
// `fallback` otherwise. Results written by older versions or damaged by hand
// must give a report, not an exception.
json Member(const json& j, const char* key, json fallback) {
  if (!j.is_object()) return fallback;
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : *it;
}
json List(const json& j, const char* key) {
  json v = Member(j, key, json::array());
  return v.is_array() ? v : json::array();
}
std::string Text(const json& j, const char* key, const char* fallback) {
  const json v = Member(j, key, json());
  return v.is_null() ? fallback : (v.is_string() ? v.get<std::string>() : v.dump());
}

std::string Show(const json& j) {
  if (j.is_null()) return kAbsent;
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

long Cents(const json& amount) {
  if (!amount.is_string()) return 0;
  auto m = Money::ParseDecimal(amount.get<std::string>());
  return m.ok() ? static_cast<long>(m->cents()) : 0;
}

// "bordereau, feuille_de_soins ×3"
std::string DocumentTypes(const json& result) {
  std::map<std::string, int> types;
  for (const auto& d : List(result, "documents")) ++types[Text(d, "type", "?")];
  std::string out;
  for (const auto& [type, n] : types) {
    if (!out.empty()) out += ", ";
    out += type + (n > 1 ? " ×" + std::to_string(n) : "");
  }
  return out.empty() ? kAbsent : out;
}

int ReviewCount(const json& result) {
  int n = static_cast<int>(List(result, "review").size());
  for (const auto& d : List(result, "documents")) n += static_cast<int>(List(d, "review").size());
  for (const auto& c : List(result, "claims")) n += static_cast<int>(List(c, "review").size());
  return n;
}

std::map<std::string, json> ByKey(const json& list, const char* key) {
  std::map<std::string, json> out;
  int i = 0;
  for (const auto& item : list) {
    const json id = Member(item, key, json());
    std::string k = id.is_null() ? "#" + std::to_string(i) : Show(id);
    out[k] = item;
    ++i;
  }
  return out;
}

// "accepted" or "rejected (FDS_INCOMPLETE, LOT_ORDER)"
std::string LotState(const json& lot) {
  std::set<std::string> codes;
  for (const auto& a : List(lot, "anomalies")) codes.insert(Text(a, "code", "?"));
  std::string out = Text(lot, "verdict", "?");
  if (codes.empty()) return out;
  out += " (";
  bool first = true;
  for (const auto& c : codes) {
    out += (first ? "" : ", ") + c;
    first = false;
  }
  return out + ")";
}

// The items of list `list` before and after, paired by `key`, visited in
// key order; an item absent on one side is null there.
template <typename Visit>
void Pair(const json& before, const json& after, const char* list, const char* key, Visit visit) {
  const auto b = ByKey(List(before, list), key);
  const auto a = ByKey(List(after, list), key);
  std::set<std::string> keys;
  for (const auto& [k, v] : b) keys.insert(k);
  for (const auto& [k, v] : a) keys.insert(k);
  for (const auto& k : keys) visit(k, b.contains(k) ? b.at(k) : json(), a.contains(k) ? a.at(k) : json());
}

void CompareLots(const json& before, const json& after, std::vector<ResultChange>& out) {
  Pair(before, after, "lots", "numero", [&](const std::string& k, const json& b, const json& a) {
    const std::string was = b.is_null() ? kAbsent : LotState(b);
    const std::string is = a.is_null() ? kAbsent : LotState(a);
    if (was != is) out.push_back({"lot", "lot " + k, was, is});
  });
}

void CompareClaims(const json& before, const json& after, std::vector<ResultChange>& out) {
  Pair(before, after, "claims", "id", [&](const std::string& k, const json& b, const json& a) {
    const json tb = Member(b, "totals", json::object());
    const json ta = Member(a, "totals", json::object());
    for (const char* field : {"frais_reels", "ro", "retenues", "mutuelle", "reste_a_charge"}) {
      const json vb = Member(tb, field, json());
      const json va = Member(ta, field, json());
      if (vb != va) out.push_back({"montant", k + " " + field, Show(vb), Show(va)});
    }
  });
}

void CompareLetters(const json& before, const json& after, std::vector<ResultChange>& out) {
  Pair(before, after, "letters", "file", [&](const std::string& k, const json& b, const json& a) {
    const std::string was = b.is_null() ? kAbsent : Text(b, "kind", "?");
    const std::string is = a.is_null() ? kAbsent : Text(a, "kind", "?");
    if (was != is) out.push_back({"lettre", k, was, is});
  });
}

long MutuelleCents(const json& result) {
  long total = 0;
  for (const auto& c : List(result, "claims")) total += Cents(Member(Member(c, "totals", json::object()), "mutuelle", json()));
  return total;
}

}  // namespace

Result<EnvelopeChanges> CompareResults(const std::string& envelope, const std::optional<std::string>& previous,
                                       const std::string& current) {
  EnvelopeChanges out;
  out.envelope = envelope;
  out.had_previous = previous.has_value();
  json before = json::object(), after;
  try {
    if (previous) before = json::parse(*previous);
    after = json::parse(current);
  } catch (const json::exception& e) {
    return Status::Corrupt(envelope + " : résultat JSON illisible : " + e.what());
  }
  if (!before.is_object() || !after.is_object()) return Status::Corrupt(envelope + " : résultat JSON inattendu");
  const std::string error_before = previous ? Text(before, "error", kAbsent) : kAbsent;
  const std::string error_after = Text(after, "error", kAbsent);
  if (error_before != error_after) out.changes.push_back({"erreur", "lecture", error_before, error_after});
  const std::string types_before = previous ? DocumentTypes(before) : kAbsent;
  const std::string types_after = DocumentTypes(after);
  if (types_before != types_after) out.changes.push_back({"documents", "types", types_before, types_after});
  CompareLots(before, after, out.changes);
  CompareClaims(before, after, out.changes);
  CompareLetters(before, after, out.changes);
  const int review_before = ReviewCount(before), review_after = ReviewCount(after);
  if (previous && review_before != review_after) {
    out.changes.push_back({"revue", "points à revoir", std::to_string(review_before), std::to_string(review_after)});
  }
  out.mutuelle_before_cents = MutuelleCents(before);
  out.mutuelle_after_cents = MutuelleCents(after);
  return out;
}

std::string EncodeChanges(const EnvelopeChanges& c) {
  json changes = json::array();
  for (const auto& x : c.changes) changes.push_back({{"kind", x.kind}, {"what", x.what}, {"before", x.before}, {"after", x.after}});
  return json{{"envelope", c.envelope},
              {"had_previous", c.had_previous},
              {"mutuelle_before_cents", c.mutuelle_before_cents},
              {"mutuelle_after_cents", c.mutuelle_after_cents},
              {"changes", std::move(changes)}}
      .dump();
}

Result<EnvelopeChanges> DecodeChanges(const std::string& text) {
  try {
    const json j = json::parse(text);
    EnvelopeChanges c;
    c.envelope = j.at("envelope").get<std::string>();
    c.had_previous = j.at("had_previous").get<bool>();
    c.mutuelle_before_cents = j.at("mutuelle_before_cents").get<long>();
    c.mutuelle_after_cents = j.at("mutuelle_after_cents").get<long>();
    for (const auto& x : j.at("changes")) {
      c.changes.push_back({x.at("kind").get<std::string>(), x.at("what").get<std::string>(),
                           x.at("before").get<std::string>(), x.at("after").get<std::string>()});
    }
    return c;
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string("journal de retraitement illisible : ") + e.what());
  }
}

}  // namespace liasse::runner
