// Readers of members' letters: réclamation (seed 002) and renonciation
// (seed 004 §2.5). Free text: values come from the sender block at the top
// left and from phrases of the body.
#include <algorithm>
#include <regex>
#include <set>

#include "contract_formula.h"
#include "email_value.h"
#include "field_values.h"
#include "labels.h"
#include "letter_date.h"
#include "letterhead.h"
#include "liasse/core/fields.h"
#include "liasse/core/text.h"

namespace liasse::extractors::internal {

namespace {

// The postal address of the sender block, whatever its wording ("116
// avenue Jean Jaurès, 59000 LILLE" on one row, or the street on one or two
// rows and the code on the next). Rows are joined by ", " (the form
// `AddressLines` splits).
void ReadSenderAddress(DocReader& r, const HeadingBlock& block) {
  if (auto address = BlockPostalAddress(r.view(), block)) {
    r.SetText(fields::kAdresse, address->text, r.view().MinConfidence(address->words), address->words);
    return;
  }
  r.Review(fields::kAdresse, "adresse de l'expéditeur non reconnue");
}

// The sender's name and address; returns the sender's block.
HeadingBlock ReadSender(DocReader& r, bool with_address) {
  const PageView& v = r.view();
  const HeadingBlock block = SenderBlock(v);
  if (block.rows.empty()) return block;
  SetPersonName(r, fields::kNom, fields::kPrenom, r.Make(SideWords(v, block.rows[0], block.side)));
  if (with_address) ReadSenderAddress(r, block);
  return block;
}

// The sender's own e-mail address: in his block (the recipient's may
// print one too), put together from the row's words as a form's box is
// (an address the OCR split after a dot: "gabriel. lucas11@free.fr").
void ReadSenderEmail(DocReader& r, const HeadingBlock& sender) {
  const PageView& v = r.view();
  for (size_t row : sender.rows) {
    const Found words = r.Make(SideWords(v, row, sender.side));
    if (words.text.find('@') == std::string::npos) continue;
    SetEmail(r, fields::kEmail, words);
    return;
  }
}

double PageConfidence(const PageView& v) { return v.page().mean_confidence / 100.0; }

// The contract the letter names, wherever it names it ("au contrat CPMS
// Santé PASS3", "contrat … (PASS5)", "niveau PASS 3"): the formulas and
// options of the form's data; two formulas named → review with both.
void ReadContrat(DocReader& r, const std::string& flat) {
  const FieldSpec* f = r.form() ? r.form()->Field(fields::kContrat) : nullptr;
  if (f == nullptr || f->formulas.empty()) return;
  std::vector<std::pair<size_t, std::pair<std::string, bool>>> found;  // position, value, repaired
  for (const auto& [wording, value] : f->formulas) {
    std::smatch m;
    const std::regex pattern = FormulaPattern(wording);
    if (!std::regex_search(flat, m, pattern)) continue;
    const bool repaired = m.length(0) != static_cast<std::ptrdiff_t>(wording.size()) &&
                          m.str(0).find(' ') == std::string::npos;
    const bool digit_read = std::isdigit(static_cast<unsigned char>(m.str(1)[0])) != 0;
    found.push_back({static_cast<size_t>(m.position(0)), {value, repaired || !digit_read}});
  }
  if (found.empty()) return;
  std::sort(found.begin(), found.end());
  if (found.size() > 1 && found[0].second.first != found[1].second.first) {
    r.Review(fields::kContrat, "deux formules citées : « " + found[0].second.first + " » ou « " + found[1].second.first + " »");
    return;
  }
  std::string value = found[0].second.first;
  const std::string folded = FoldKey(flat);
  for (const auto& [wording, suffix] : f->options) {
    if (folded.find(FoldKey(wording)) != std::string::npos) value += suffix;
  }
  const double confidence = r.view().page().mean_confidence / 100.0;
  r.SetText(fields::kContrat, value, confidence * (found[0].second.second ? kRepairPenalty : 1.0), {});
}

// The sender's commune (CommuneOf) once the address is read; empty when not.
std::string SenderCommune(DocReader& r) {
  const std::string* adresse = r.doc().Text(fields::kAdresse);
  return adresse != nullptr ? CommuneOf(*adresse) : std::string();
}

// Sets the letter's date (and its place when `lieu`) from its "<commune>,
// le <date>" row, flagged when another such row gives another date.
void ReadLetterDate(DocReader& r, bool lieu) {
  const PageView& v = r.view();
  const auto dated = LetterPlaceDate(v, SenderCommune(r));
  if (!dated) return;
  const auto& ids = v.rows()[dated->at.row].words;
  r.SetText(fields::kDate, dated->at.date, v.MinConfidence(ids), ids);
  if (lieu) r.SetText(fields::kLieu, dated->at.lieu, v.MinConfidence(ids), ids);
  if (!dated->doubtful) return;
  const std::string reason = "plusieurs lignes « <commune>, le <date> » aux dates différentes : à vérifier";
  r.Review(fields::kDate, reason);
  if (lieu) r.Review(fields::kLieu, reason);
}

// The page's words in reading order: rows top to bottom, each left to right.
std::vector<int> ReadingOrder(const PageView& v) {
  std::vector<int> order;
  for (const auto& row : v.rows()) order.insert(order.end(), row.words.begin(), row.words.end());
  return order;
}

// A date within the few words that follow a label in reading order, the
// row's end crossed ("… que j'ai signée le" / "18/09/2025").
constexpr size_t kWordsOfADate = 4;

std::optional<Parsed<Date>> DateAfterInTheText(const PageView& v, const std::vector<int>& order, int label_last) {
  const auto at = std::find(order.begin(), order.end(), label_last);
  if (at == order.end()) return std::nullopt;
  std::string next;
  for (auto it = at + 1; it != order.end() && it <= at + kWordsOfADate; ++it) {
    next += (next.empty() ? "" : " ") + v.words()[static_cast<size_t>(*it)].text;
  }
  return FindDate(next);
}

// The date of souscription where the text gives it: after a label of the
// field, the row's end between them (the form's relations look along the
// row); else, the letter's date read, the one other date of the page
// before it, its role known by elimination alone: flagged.
void ReadSouscriptionInTheText(DocReader& r) {
  const PageView& v = r.view();
  const FieldSpec* f = r.form() ? r.form()->Field(fields::kDateSouscription) : nullptr;
  const auto order = ReadingOrder(v);
  if (f != nullptr) {
    for (const auto& wording : f->labels) {
      for (const LabelHit& hit : FindLabel(v, wording)) {
        if (auto d = DateAfterInTheText(v, order, hit.last)) {
          r.SetText(fields::kDateSouscription, d->value.ToIso(), PageConfidence(v) * (d->repaired ? kRepairPenalty : 1.0), {});
          return;
        }
      }
    }
  }
  const std::string* letter = r.doc().Text(fields::kDate);
  if (letter == nullptr) return;
  std::set<std::string> earlier;
  for (size_t row = 0; row < v.rows().size(); ++row) {
    if (auto d = FindDate(v.RowText(row)); d && d->value.ToIso() < *letter) earlier.insert(d->value.ToIso());
  }
  if (earlier.size() != 1) return;
  r.SetText(fields::kDateSouscription, *earlier.begin(), PageConfidence(v), {});
  r.Review(fields::kDateSouscription, "libellé introuvable ; seule date de la lettre avant la sienne : date de souscription à vérifier");
}

}  // namespace

void ReadReclamation(DocReader& r) {
  ReadSenderEmail(r, ReadSender(r, true));
  ReadLetterDate(r, false);
}

void ReadRenonciation(DocReader& r) {
  const PageView& v = r.view();
  ReadSender(r, true);
  ReadContrat(r, FlatText(v));
  ReadLetterDate(r, true);
  if (!r.Has(fields::kDateSouscription)) ReadSouscriptionInTheText(r);
}

}  // namespace liasse::extractors::internal
