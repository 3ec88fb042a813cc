#include "liasse/synth/score.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "liasse/core/edit_distance.h"
#include "liasse/core/utf8.h"

namespace liasse::synth {

namespace {

using nlohmann::json;

Result<json> ReadJson(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return Status::IoError(p.string() + ": lecture impossible");
  try {
    return json::parse(f);
  } catch (const json::exception& e) {
    return Status::Corrupt(p.string() + ": JSON invalide: " + e.what());
  }
}

std::u32string NormaliseText(const std::string& s) {
  std::u32string in = utf8::DecodeLossy(s), out;
  bool space = false;
  for (char32_t c : in) {
    if (c == U' ' || c == U'\n' || c == U'\t' || c == U'\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += U' ';
    space = false;
    out += c;
  }
  return out;
}

std::set<int> PageSet(const json& doc) {
  std::set<int> s;
  if (doc.contains("pages") && doc["pages"].is_array()) {
    for (const auto& p : doc["pages"]) {
      if (p.is_number_integer()) s.insert(p.get<int>());
    }
  }
  return s;
}

// Fields named in a document's review list: entries are a field name, "field: reason",
// or an object with "field".
std::set<std::string> Flagged(const json& doc) {
  std::set<std::string> out;
  if (!doc.contains("review") || !doc["review"].is_array()) return out;
  for (const auto& r : doc["review"]) {
    if (r.is_string()) {
      const std::string s = r.get<std::string>();
      out.insert(s.substr(0, s.find(':')));
    } else if (r.is_object() && r.contains("field") && r["field"].is_string()) {
      out.insert(r["field"].get<std::string>());
    }
  }
  return out;
}

const json* MatchDocument(const json& truth_doc, const json& result_docs, bool& exact_span) {
  const std::set<int> want = PageSet(truth_doc);
  const json* best = nullptr;
  double best_score = 0;
  exact_span = false;
  if (!result_docs.is_array()) return nullptr;
  for (const auto& d : result_docs) {
    const std::set<int> have = PageSet(d);
    if (have == want) {
      exact_span = true;
      return &d;
    }
    std::vector<int> common;
    std::set_intersection(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(common));
    std::set<int> uni = want;
    uni.insert(have.begin(), have.end());
    const double score = uni.empty() ? 0 : static_cast<double>(common.size()) / static_cast<double>(uni.size());
    if (score > best_score) {
      best_score = score;
      best = &d;
    }
  }
  return best;
}

void ScoreDocuments(const json& truth, const json& result, ScoreReport& r) {
  const json empty = json::array();
  const json& rdocs = result.contains("documents") ? result["documents"] : empty;
  for (const auto& td : truth["documents"]) {
    bool exact = false;
    const json* rd = MatchDocument(td, rdocs, exact);
    r.document_types.total++;
    r.splitting.total++;
    if (exact) r.splitting.ok++;
    if (rd && rd->value("type", "") == td.value("type", "")) r.document_types.ok++;
    const std::set<std::string> flagged = rd ? Flagged(*rd) : std::set<std::string>{};
    for (const auto& [key, tv] : td["fields"].items()) {
      r.fields_total++;
      const bool is_flagged = flagged.count(key) > 0;
      if (is_flagged) r.fields_flagged++;
      const json* rv = nullptr;
      if (rd && rd->contains("fields") && (*rd)["fields"].contains(key)) rv = &(*rd)["fields"][key];
      if (!rv) {
        if (!is_flagged) r.fields_missing_unflagged++;
        continue;
      }
      const json& value = rv->is_object() && rv->contains("value") ? (*rv)["value"] : *rv;
      if (value == tv["value"]) r.fields_exact++;
      else if (!is_flagged) r.fields_silent_wrong++;
    }
    const json& rlines = rd && rd->contains("lines") ? (*rd)["lines"] : empty;
    for (size_t i = 0; i < td["lines"].size(); ++i) {
      for (const auto& [key, tv] : td["lines"][i].items()) {
        r.cells.total++;
        if (i < rlines.size() && rlines[i].contains(key) && rlines[i][key] == tv) r.cells.ok++;
      }
    }
  }
}

std::multiset<std::string> Codes(const json& lot) {
  std::multiset<std::string> s;
  if (lot.contains("anomalies")) {
    for (const auto& a : lot["anomalies"]) s.insert(a.value("code", ""));
  }
  return s;
}

void ScoreLotsAndLetters(const json& truth, const json& result, ScoreReport& r) {
  std::map<std::string, const json*> rlots;
  if (result.contains("lots") && result["lots"].is_array()) {
    for (const auto& l : result["lots"]) rlots[l.value("numero", "")] = &l;
  }
  for (const auto& tl : truth["lots"]) {
    r.lot_verdicts.total++;
    r.lot_anomalies.total++;
    auto it = rlots.find(tl.value("numero", ""));
    if (it == rlots.end()) continue;
    if (it->second->value("verdict", "") == tl.value("verdict", "")) r.lot_verdicts.ok++;
    if (Codes(*it->second) == Codes(tl)) r.lot_anomalies.ok++;
  }
  std::multiset<std::string> have;
  if (result.contains("letters") && result["letters"].is_array()) {
    for (const auto& l : result["letters"]) have.insert(l.value("kind", ""));
  }
  for (const auto& tl : truth["letters"]) {
    r.letters.total++;
    auto it = have.find(tl.value("kind", ""));
    if (it != have.end()) {
      r.letters.ok++;
      have.erase(it);
    }
  }
}

void ScorePages(const std::string& name, const json& truth, const json& result, ScoreReport& r) {
  std::map<int, const json*> rpages;
  if (result.contains("pages") && result["pages"].is_array()) {
    for (const auto& p : result["pages"]) rpages[p.value("index", -1)] = &p;
  }
  for (const auto& tp : truth["pages"]) {
    const int idx = tp.value("index", -1);
    r.rotations.total++;
    auto it = rpages.find(idx);
    if (it == rpages.end()) continue;
    const json& rp = *it->second;
    if (rp.value("rotation", -1) == tp.value("rotation", 0)) r.rotations.ok++;
    if (rp.contains("skew_deg") && rp["skew_deg"].is_number()) {
      r.skew_pages++;
      r.skew_abs_error_sum += std::abs(rp["skew_deg"].get<double>() - tp.value("skew_deg", 0.0));
    }
    if (rp.contains("text") && rp["text"].is_string() && tp.contains("text")) {
      const auto t = NormaliseText(tp["text"].get<std::string>());
      const auto o = NormaliseText(rp["text"].get<std::string>());
      r.cer.push_back({name, idx, static_cast<int>(t.size()), static_cast<int>(EditDistance(t, o))});
    }
  }
}

std::string Pct(const Tally& t) { return t.total == 0 ? "-" : fmt::format("{:.2f} %", 100.0 * t.Rate()); }
json TallyJson(const Tally& t) { return {{"ok", t.ok}, {"total", t.total}, {"rate", t.Rate()}}; }

}  // namespace

double ScoreReport::CerOverall() const {
  int64_t chars = 0, dist = 0;
  for (const auto& p : cer) {
    chars += p.truth_chars;
    dist += p.distance;
  }
  return chars == 0 ? 0.0 : static_cast<double>(dist) / static_cast<double>(chars);
}

Result<ScoreReport> Score(const std::filesystem::path& truth_dir, const std::filesystem::path& results_dir) {
  std::vector<std::filesystem::path> truths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(truth_dir, ec)) {
    const std::string n = e.path().filename().string();
    if (n.size() > 11 && n.ends_with(".truth.json")) truths.push_back(e.path());
  }
  if (ec) return Status::IoError(truth_dir.string() + ": " + ec.message());
  if (truths.empty()) return Status::NotFound(truth_dir.string() + ": aucun fichier *.truth.json");
  std::sort(truths.begin(), truths.end());
  ScoreReport r;
  for (const auto& tp : truths) {
    LIASSE_ASSIGN_OR_RETURN(auto truth, ReadJson(tp));
    const std::string file = tp.filename().string();
    const std::string name = file.substr(0, file.size() - 11);
    std::filesystem::path rp = results_dir / (name + ".json");
    if (!std::filesystem::exists(rp)) rp = results_dir / (name + ".truth.json");
    json result = json::object();
    if (std::filesystem::exists(rp)) {
      LIASSE_ASSIGN_OR_RETURN(auto rj, ReadJson(rp));
      result = rj;
    } else {
      r.results_missing++;
    }
    r.envelopes++;
    const json& t = truth;
    r.errors.total++;
    const bool truth_error = t.contains("error") && !t["error"].is_null();
    const bool result_error = result.contains("error") && !result["error"].is_null();
    if (truth_error == result_error) r.errors.ok++;
    ScoreDocuments(t, result, r);
    ScoreLotsAndLetters(t, result, r);
    ScorePages(name, t, result, r);
  }
  return r;
}

std::string ScoreTable(const ScoreReport& r) {
  std::string s;
  auto row = [&s](const std::string& label, const std::string& value, const std::string& detail) {
    s += fmt::format("{:<42} {:>10}  {}\n", label, value, detail);
  };
  auto tally = [&row](const std::string& label, const Tally& t) { row(label, Pct(t), fmt::format("{}/{}", t.ok, t.total)); };
  auto field = [&](const std::string& label, int n) {
    row(label, r.fields_total ? fmt::format("{:.2f} %", 100.0 * r.FieldRate(n)) : "-", fmt::format("{}/{}", n, r.fields_total));
  };
  row("Enveloppes", std::to_string(r.envelopes), fmt::format("{} sans résultat", r.results_missing));
  tally("Enveloppes illisibles reconnues", r.errors);
  tally("Type de document", r.document_types);
  tally("Découpage (pages exactes)", r.splitting);
  field("Champs exacts", r.fields_exact);
  field("Champs signalés en revue", r.fields_flagged);
  field("Champs faux non signalés (silencieux)", r.fields_silent_wrong);
  field("Champs absents non signalés", r.fields_missing_unflagged);
  tally("Cellules de tableaux", r.cells);
  tally("Verdicts de lots", r.lot_verdicts);
  tally("Anomalies de lots (codes)", r.lot_anomalies);
  tally("Courriers attendus", r.letters);
  tally("Rotation des pages", r.rotations);
  row("Erreur moyenne d'inclinaison", r.skew_pages ? fmt::format("{:.2f}°", r.SkewMeanError()) : "-",
      fmt::format("{} pages", r.skew_pages));
  row("Taux d'erreur caractères (OCR)", r.cer.empty() ? "-" : fmt::format("{:.2f} %", 100.0 * r.CerOverall()),
      fmt::format("{} pages avec texte", r.cer.size()));
  return s;
}

std::string ScoreJson(const ScoreReport& r) {
  json j;
  j["envelopes"] = r.envelopes;
  j["results_missing"] = r.results_missing;
  j["errors"] = TallyJson(r.errors);
  j["document_types"] = TallyJson(r.document_types);
  j["splitting"] = TallyJson(r.splitting);
  j["fields"] = {{"total", r.fields_total},
                 {"exact", r.fields_exact},
                 {"flagged", r.fields_flagged},
                 {"silent_wrong", r.fields_silent_wrong},
                 {"missing_unflagged", r.fields_missing_unflagged},
                 {"exact_rate", r.FieldRate(r.fields_exact)},
                 {"flagged_rate", r.FieldRate(r.fields_flagged)},
                 {"silent_wrong_rate", r.FieldRate(r.fields_silent_wrong)}};
  j["cells"] = TallyJson(r.cells);
  j["lot_verdicts"] = TallyJson(r.lot_verdicts);
  j["lot_anomalies"] = TallyJson(r.lot_anomalies);
  j["letters"] = TallyJson(r.letters);
  j["rotations"] = TallyJson(r.rotations);
  j["skew"] = {{"pages", r.skew_pages}, {"mean_abs_error_deg", r.SkewMeanError()}};
  json pages = json::array();
  for (const auto& p : r.cer) {
    pages.push_back({{"envelope", p.envelope}, {"page", p.page}, {"truth_chars", p.truth_chars}, {"distance", p.distance},
                     {"cer", p.truth_chars ? static_cast<double>(p.distance) / p.truth_chars : 0.0}});
  }
  j["cer"] = {{"overall", r.CerOverall()}, {"pages", pages}};
  return j.dump(2) + "\n";
}

}  // namespace liasse::synth
