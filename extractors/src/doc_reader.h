// Reading one document's fields from its pages: label lookup on a page
// view, value parsing, confidence, region re-read and review flags.
// Internal to the extractors; one DocReader per document, single thread.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/core/fields.h"
#include "liasse/extractors/extract.h"
#include "forms.h"
#include "normalise.h"
#include "page_view.h"
#include "tariffs.h"

namespace liasse::extractors::internal {

struct ReadContext {
  const ExtractionOptions* options = nullptr;
  RegionReader* reader = nullptr;  // may be null
  const NgapTariffs* tariffs = nullptr;  // may be null
};

// A value found on the page: its text, the words it came from and how sure
// the reading is (0..1).
struct Found {
  std::string text;
  std::vector<int> words;
  double confidence = 0;
};

class DocReader {
 public:
  DocReader(Document& doc, const ReadContext& ctx) : doc_(doc), ctx_(ctx) {}

  // The page being read (documents may span pages; fields already found on
  // an earlier page are kept).
  void SetPage(const PageView* view) { view_ = view; }
  const PageView& view() const { return *view_; }
  Document& doc() { return doc_; }
  const ReadContext& ctx() const { return ctx_; }
  // The form knowledge of the document's type (data/forms); null when no
  // file describes the type.
  void SetForm(const FormSpec* form) { form_ = form; }
  const FormSpec* form() const { return form_; }

  // Words right of the best match of `label` on its row (see PageView::RightOf).
  std::optional<Found> RightOfLabel(std::string_view label, double max_gap_mm = 25,
                                    double max_x_mm = 1e9) const;
  // The first occurrence of `label` (best similarity, then top to bottom)
  // whose value passes `accept`.
  std::optional<Found> RightOfLabelWhere(std::string_view label, const std::function<bool(const Found&)>& accept,
                                         double max_gap_mm = 25) const;
  // Same, for the `k`-th occurrence of `label` from the top of the page.
  std::optional<Found> RightOfNthLabel(std::string_view label, size_t k, double max_gap_mm = 25) const;
  Found Make(const std::vector<int>& ids, double label_similarity = 1.0) const;
  // The value right of `hit` (including digits glued to the label).
  std::optional<Found> ValueOf(const LabelHit& hit, double max_gap_mm, double max_x_mm) const;

  bool Has(std::string_view name) const { return doc_.fields.count(std::string(name)) > 0; }
  // Whether a reading of `confidence` is sure enough to stand unflagged.
  bool Confident(double confidence) const;
  // Stores a text field (unless already found) and flags it when its
  // confidence is under the review threshold.
  void SetText(std::string_view name, std::string value, double confidence, const std::vector<int>& words);
  void SetBool(std::string_view name, bool value, double confidence, std::optional<Box> box);
  // Flags `name` (absent or doubtful) with a French reason, once per field.
  void Review(std::string_view name, std::string reason, std::optional<int> line = std::nullopt);
  // Same, for a doubt of the reading alone (ReviewFlag::reading_doubt).
  void Doubt(std::string_view name, std::string reason, std::optional<int> line = std::nullopt);
  // Removes and returns the flags of field `name` (not its cells): a
  // reading tried and failed at one place, before the field is looked for
  // another way. PutBack restores them when that way finds nothing either.
  std::vector<ReviewFlag> TakeFlags(std::string_view name);
  void PutBack(std::vector<ReviewFlag> flags);
  // At the end: every catalogue field still absent is flagged as unread.
  void FlagMissing(std::span<const fields::Entry> catalogue);

  // Re-reads the region of `words` with the RegionReader (when there is one
  // and the confidence is low) and returns the parsed value when `parse`
  // accepts the new reading. nullopt otherwise.
  std::optional<std::string> Reread(const std::vector<int>& words, RegionKind kind,
                                    const std::function<std::optional<std::string>(std::string_view)>& parse) const;

 private:
  void Flag(std::string_view name, std::string reason, std::optional<int> line, bool reading_doubt);

  Document& doc_;
  ReadContext ctx_;
  const PageView* view_ = nullptr;
  const FormSpec* form_ = nullptr;
  std::set<std::string> reviewed_;
};

// Per-type readers (fields_*.cpp): read what `reader`'s current page holds.
void ReadBordereau(DocReader& r);
void ReadFeuilleDeSoins(DocReader& r);
void ReadPrescription(DocReader& r);
void ReadEntentePrealable(DocReader& r);
void ReadFacture(DocReader& r);
void ReadDevis(DocReader& r);
void ReadDecompteRo(DocReader& r);
void ReadAttestationDroits(DocReader& r);
void ReadReclamation(DocReader& r);
void ReadRenonciation(DocReader& r);


}  // namespace liasse::extractors::internal
