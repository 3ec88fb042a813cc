// LetterGenerator: renders the letters of results.md's letters[] as PDF
// bytes — A4, embedded DejaVu Sans (UTF-8), letterhead, « Page i/n »,
// tables that break across pages with their header repeated — from the
// templates of a TemplateSet.
//
// Output is byte-stable: the same model, templates and clock give the same
// bytes (the clock only sets the PDF creation date).
//
// Not thread-safe: one LetterGenerator per thread (each owns a libharu
// document with its fonts loaded once). Movable, not copyable.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "liasse/core/clock.h"
#include "liasse/core/date.h"
#include "liasse/core/status.h"
#include "liasse/generators/models.h"
#include "liasse/generators/templates.h"

namespace liasse::generators {

struct Timestamp {
  Date date = Date::FromSerial(0);
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// The UTC time of `clock` now.
Timestamp TimestampOf(const Clock& clock);

struct GeneratorOptions {
  std::string templates_dir;  // default: the compile-time LIASSE_TEMPLATES_DIR
  std::string font_regular;   // default: the build's DejaVu Sans subset
  std::string font_bold;
  // The PDF creation date (UTC); null: the system clock.
  std::shared_ptr<const Clock> clock;
};

// One letter, ready for results.md's letters[] ({"kind", "file", "to"}).
struct RenderedLetter {
  LetterKind kind = LetterKind::kDecompte;
  std::string to;  // the recipient's e-mail when known, else the name on the envelope
  std::string title;
  std::string pdf;  // the PDF file's bytes
  int pages = 0;
};

class LetterGenerator {
 public:
  // Loads and checks the templates and the fonts. Fails naming the file at
  // fault (template syntax, unknown placeholder, missing font).
  static Result<LetterGenerator> Create(GeneratorOptions options = {});

  LetterGenerator(LetterGenerator&&) noexcept;
  LetterGenerator& operator=(LetterGenerator&&) noexcept;
  ~LetterGenerator();

  // Each fails with InvalidArgument on an inconsistent model (a NIR or IBAN
  // that does not parse, a zero line without explanation, a character the
  // fonts cannot show) and with Internal on a libharu error.
  Result<RenderedLetter> Decompte(const DecompteModel& model);
  // Confirmation or refusal, as DecideRenonciation says.
  Result<RenderedLetter> Renonciation(const RenonciationModel& model);
  Result<RenderedLetter> AccuseReceptionReclamation(const ReclamationModel& model);
  Result<RenderedLetter> AnomaliesLot(const LotAnomaliesModel& model);
  Result<RenderedLetter> DemandePieces(const DemandePiecesModel& model);
  // Fails with InvalidArgument when the model gives no reason.
  Result<RenderedLetter> RefusRemboursement(const RefusRemboursementModel& model);

  const TemplateSet& templates() const;

 private:
  struct Impl;
  explicit LetterGenerator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace liasse::generators
