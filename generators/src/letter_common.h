// What every letter shares: the common template values, the first-page
// letterhead and address window, the body markup and the footer.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hpdf_document.h"
#include "layout.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/generators/models.h"
#include "liasse/generators/templates.h"

namespace liasse::generators::internal {

struct LetterContent {
  LetterKind kind = LetterKind::kDecompte;
  TemplateValues values;
  Recipient recipient;
  Date date_courrier = Date::FromSerial(0);
  std::vector<std::pair<std::string, std::string>> references;  // ("N° adhérent", "123456")
  std::optional<Table> table;                                   // replaces [[tableau]]
};

// Adds the values every template may use (operator, complaints service,
// recipient, date, reference).
void AddCommonValues(const Letterhead& letterhead, const Recipient& recipient, Date date_courrier,
                     const std::string& reference, TemplateValues& values);

// Lays the letter out and returns the PDF.
Result<RenderedLetter> RenderLetter(HpdfDocument& doc, const TemplateSet& templates, const Timestamp& created,
                                    const LetterContent& content);

// "1 234,56 €".
inline std::string Euros(Money m) { return m.ToFrench(); }
// "05/09/2025".
inline std::string Short(Date d) { return d.ToFrench(); }
// "5 septembre 2025".
inline std::string Long(Date d) { return d.ToFrenchLong(); }

std::string JoinLines(const std::vector<std::string>& lines, const std::string& separator);

}  // namespace liasse::generators::internal
