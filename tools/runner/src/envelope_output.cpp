#include "envelope_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>

#include "liasse/core/system_error.h"
#include "liasse/core/document_json.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// Two decimals are what a person reads; more would make the JSON differ
// between runs on noise alone.
double Round2(double v) { return std::round(v * 100.0) / 100.0; }

ordered_json PageJson(const PageOutput& p) {
  ordered_json j;
  j["index"] = p.page.index;
  j["rotation"] = p.page.rotation;
  j["skew_deg"] = Round2(p.page.skew_deg);
  j["ocr_confidence"] = Round2(p.page.ocr_confidence);
  j["dpi"] = p.dpi;
  j["orientation_confidence"] = Round2(p.orientation_confidence);
  return j;
}

ordered_json ResultJson(const EnvelopeOutput& out) {
  Envelope env;
  env.source = out.source;
  env.sha256 = out.sha256;
  env.error = out.error;
  env.documents = out.documents;
  // The documents' JSON comes from the extractors' writer, the one the
  // scorer and the review station read back.
  ordered_json docs = ordered_json::parse(EnvelopeToJson(env, -1))["documents"];
  ordered_json j;
  j["schema"] = "liasse.result/1";
  j["source"] = out.source;
  j["sha256"] = out.sha256;
  j["error"] = out.error ? ordered_json(*out.error) : ordered_json(nullptr);
  j["searchable_pdf"] = out.searchable_pdf.empty() ? ordered_json(nullptr) : ordered_json(out.searchable_pdf);
  j["pages"] = ordered_json::array();
  for (const auto& p : out.pages) j["pages"].push_back(PageJson(p));
  j["documents"] = std::move(docs);
  j["lots"] = ordered_json::parse(rules::LotsToJson(out.lots, -1));
  j["claims"] = ordered_json::array();
  for (const auto& c : out.claims) j["claims"].push_back(ordered_json::parse(c));
  j["letters"] = ordered_json::array();
  for (const auto& l : out.letters) {
    if (!l.incomplete.empty()) continue;  // not written: its reason is in the review
    ordered_json letter = {{"kind", l.kind}, {"file", l.file}, {"to", l.to}, {"queued", l.queued}};
    if (l.held_for_review) letter["en_attente_de_verification"] = true;
    if (!l.by_post.empty()) letter["by_post"] = l.by_post;
    j["letters"].push_back(std::move(letter));
  }
  if (!out.review.empty()) j["review"] = out.review;
  for (const auto& u : out.members_updated) {
    ordered_json update = {{"member", u.member}, {"field", u.field}, {"old", u.old_value}, {"new", u.new_value}};
    j["members_updated"].push_back(std::move(update));
  }
  if (!out.reception.date.empty()) {
    ordered_json r;
    r["date"] = out.reception.date;
    r["source"] = out.reception.source;
    for (auto [key, value] : {std::pair{"canal", &out.reception.canal}, std::pair{"lot_scan", &out.reception.lot_scan},
                              std::pair{"operateur", &out.reception.operateur}}) {
      if (!value->empty()) r[key] = *value;
    }
    j["reception"] = std::move(r);
  }
  if (out.version > 0) j["version"] = out.version;
  return j;
}

PageOutput PageFromJson(const ordered_json& j) {
  PageOutput p;
  p.page.index = j.value("index", 0);
  p.page.rotation = j.value("rotation", 0);
  p.page.skew_deg = j.value("skew_deg", 0.0);
  p.page.ocr_confidence = j.value("ocr_confidence", 0.0);
  p.dpi = j.value("dpi", 0);
  p.orientation_confidence = j.value("orientation_confidence", 0.0);
  return p;
}

std::string TextOr(const ordered_json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ReceptionRecord ReceptionFromJson(const ordered_json& r) {
  return {TextOr(r, "date"), TextOr(r, "source"), TextOr(r, "canal"), TextOr(r, "lot_scan"), TextOr(r, "operateur")};
}

}  // namespace

Result<EnvelopeOutput> EnvelopeOutputFromResult(std::string_view json_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto envelope, EnvelopeFromJson(json_text, origin));
  const ordered_json j = ordered_json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corrupt(std::string(origin) + " : JSON illisible");
  EnvelopeOutput out;
  out.source = envelope.source;
  out.sha256 = envelope.sha256;
  out.error = envelope.error;
  out.searchable_pdf = envelope.searchable_pdf;
  out.documents = std::move(envelope.documents);
  try {
    for (const auto& p : j.value("pages", ordered_json::array())) out.pages.push_back(PageFromJson(p));
    if (j.contains("reception")) out.reception = ReceptionFromJson(j["reception"]);
    out.version = j.value("version", 0);
    for (const auto& item : j.value("review", ordered_json::array())) {
      if (item.is_string() && item.get<std::string>().starts_with(kMetaNotUsed)) out.review.push_back(item);
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corrupt(std::string(origin) + " : " + e.what());
  }
  if (out.source.empty() || out.sha256.empty()) return Status::Corrupt(std::string(origin) + " : source ou sha256 absent");
  return out;
}

PageOutput ToPageOutput(const ocr::PageResult& result, int index) {
  PageOutput out;
  out.page.index = index;
  out.page.rotation = ocr::ScannedRotationDegrees(result.rotation_degrees);
  out.page.skew_deg = result.skew_degrees;
  out.page.ocr_confidence = result.mean_confidence;
  out.dpi = result.dpi;
  out.orientation_confidence = result.orientation_confidence;
  out.timings = result.timings;
  return out;
}

Result<std::string> WriteSearchablePdf(const fs::path& out_dir, const fs::path& envelope,
                                       const std::vector<Result<ocr::PageResult>>& pages) {
  const std::string stem = envelope.stem().string();
  std::error_code ec;
  fs::create_directories(out_dir / stem, ec);
  if (ec) return Status::IoError((out_dir / stem).string() + ": " + FrenchSystemError(ec));
  std::vector<ocr::PageResult> results;
  results.reserve(pages.size());
  for (const auto& p : pages) {
    ocr::PageResult copy;
    copy.pdf_page = p->pdf_page;  // only the rendered page is needed
    results.push_back(std::move(copy));
  }
  const std::string relative = stem + "/" + stem + ".ocr.pdf";
  LIASSE_RETURN_IF_ERROR(ocr::WriteSearchablePdf(results, out_dir / relative));
  return relative;
}

Status WriteEnvelopeJson(Env& env, const fs::path& out_dir, const fs::path& envelope, const EnvelopeOutput& output) {
  return env.WriteFileAtomically(out_dir / (envelope.stem().string() + ".json"), ResultJson(output).dump(2) + "\n");
}

Status Quarantine(const fs::path& envelope, const fs::path& out_dir) {
  std::error_code ec;
  const fs::path dir = out_dir / "quarantine";
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(dir.string() + ": " + FrenchSystemError(ec));
  fs::copy_file(envelope, dir / envelope.filename(), fs::copy_options::overwrite_existing, ec);
  if (ec) return Status::IoError((dir / envelope.filename()).string() + ": " + FrenchSystemError(ec));
  return Status::Ok();
}

std::string EnvelopeLine(const EnvelopeOutput& out) {
  std::map<std::string, int> types;
  int review = 0;
  for (const auto& d : out.documents) {
    ++types[std::string(DocumentTypeName(d.type))];
    review += static_cast<int>(d.review.size());
  }
  std::string kinds;
  for (const auto& [name, n] : types) {
    if (!kinds.empty()) kinds += ", ";
    kinds += n > 1 ? fmt::format("{} ×{}", name, n) : name;
  }
  std::string line = fmt::format("{} : {} page(s), {} document(s)", out.source, out.pages.size(), out.documents.size());
  if (!kinds.empty()) line += " (" + kinds + ")";
  for (const auto& lot : out.lots) {
    static const char* const kVerdict[] = {"accepté", "partiel", "rejeté"};
    line += fmt::format(", lot {} {}", lot.numero.empty() ? "?" : lot.numero, kVerdict[static_cast<int>(lot.verdict)]);
  }
  for (const auto& c : out.claims) review += static_cast<int>(ordered_json::parse(c)["review"].size());
  const auto incomplete = std::count_if(out.letters.begin(), out.letters.end(), [](const auto& l) { return !l.incomplete.empty(); });
  const auto written = static_cast<std::ptrdiff_t>(out.letters.size()) - incomplete;
  if (written > 0) line += fmt::format(", {} courrier(s)", written);
  if (incomplete > 0) line += fmt::format(", {} courrier(s) incomplet(s) en attente de vérification", incomplete);
  if (out.addresses_waiting > 0) {
    line += out.addresses_waiting > 1 ? fmt::format(", {} adresses e-mail en attente de confirmation", out.addresses_waiting)
                                      : ", adresse e-mail en attente de confirmation";
  }
  if (review > 0) line += fmt::format(", {} point(s) à revoir", review);
  return line;
}

}  // namespace liasse::runner
