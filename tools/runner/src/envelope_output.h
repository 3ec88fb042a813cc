// What `liasse process` writes for one envelope: the result JSON of
// docs/results.md, the searchable PDF, the quarantine copy, and the
// one-line terminal summary. Internal to the runner.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/env.h"
#include "liasse/core/status.h"
#include "liasse/core/document.h"
#include "liasse/ocr/ocr.h"
#include "letters.h"
#include "liasse/rules/lot.h"

namespace liasse::runner {

// A page as the result reports it: the contract's members plus what the
// OCR measured (resolution, orientation confidence, step timings).
struct PageOutput {
  Page page;
  int dpi = 0;
  double orientation_confidence = 0;
  ocr::StepTimings timings;
};

// How the envelope arrived: the date of receipt used, where it came from
// ("option", "meta" or "fichier") and the scanning station's metadata.
struct ReceptionRecord {
  std::string date;  // ISO; empty when the envelope was not read
  std::string source;
  std::string canal, lot_scan, operateur;
};

// A member's record changed by the envelope (a coupon's e-mail address):
// `members_updated[]` of the result contract.
struct MemberUpdate {
  std::string member;  // numéro d'adhérent
  std::string field;   // "email"
  std::string old_value, new_value;
  friend bool operator==(const MemberUpdate&, const MemberUpdate&) = default;
};

struct EnvelopeOutput {
  std::string source;  // file name of the envelope
  std::string sha256;
  std::optional<std::string> error;
  std::string searchable_pdf;  // relative to the output directory, empty when none
  std::vector<PageOutput> pages;
  std::vector<Document> documents;
  std::vector<rules::LotVerdict> lots;
  std::vector<std::string> claims;  // each a `claims[]` entry, JSON text
  std::vector<WrittenLetter> letters;
  // What went wrong after reading (a letter not produced, a store error),
  // French, for the operator; written as the envelope's "review".
  std::vector<std::string> review;
  ReceptionRecord reception;
  // How many corrections an operator made (liasse/runner/review.h); written
  // as "version" when above 0, so a result nobody corrected is unchanged.
  int version = 0;
  std::vector<MemberUpdate> members_updated;
  // Coupons whose address waits for an operator's confirmation (recorded
  // by this envelope or earlier).
  int addresses_waiting = 0;
};

// What came before the chain after reading in the envelope's top-level
// review (why its metadata was not used): kept when the chain runs again.
inline constexpr std::string_view kMetaNotUsed = "métadonnées du pli non utilisées : ";

PageOutput ToPageOutput(const ocr::PageResult& result, int index);

// Writes DIR/<stem>/<stem>.ocr.pdf from the page results (all recognised
// with render_pdf_page) and returns its path relative to DIR, or kIoError.
Result<std::string> WriteSearchablePdf(const std::filesystem::path& out_dir, const std::filesystem::path& envelope,
                                       const std::vector<Result<ocr::PageResult>>& pages);

// Writes DIR/<stem>.json atomically through `env` (temporary file +
// rename): a reader never sees half a result. kIoError naming the file on
// failure.
Status WriteEnvelopeJson(Env& env, const std::filesystem::path& out_dir, const std::filesystem::path& envelope,
                         const EnvelopeOutput& output);

// The result JSON `json_text` (written by WriteEnvelopeJson) read back as
// what the chain after reading starts from: source, sha256, error,
// searchable PDF, pages, documents, reception, version and the review
// items that come before it (kMetaNotUsed); lots, claims, letters and the
// rest of the review are left for the chain to fill again. kCorrupt naming
// `origin` when a member is missing or malformed.
Result<EnvelopeOutput> EnvelopeOutputFromResult(std::string_view json_text, std::string_view origin);

// Copies the envelope to DIR/quarantine/ (the original stays where it was).
Status Quarantine(const std::filesystem::path& envelope, const std::filesystem::path& out_dir);

// "lot_01.tiff : 4 pages, 3 documents (bordereau, feuille_de_soins ×2), lot 042 rejeté, 1 à revoir"
std::string EnvelopeLine(const EnvelopeOutput& output);

}  // namespace liasse::runner
