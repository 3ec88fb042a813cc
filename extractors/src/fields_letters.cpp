// Readers of members' letters: réclamation (seed 002) and renonciation
// (seed 004 §2.5). Free text: values come from the sender block at the top
// left and from phrases of the body.
#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "email_value.h"
#include "field_values.h"
#include "labels.h"
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

// All rows joined, in reading order (paragraphs wrap across rows).
std::string PageText(const PageView& v) {
  std::string s;
  for (size_t r = 0; r < v.rows().size(); ++r) s += v.RowText(r) + "\n";
  return s;
}

double PageConfidence(const PageView& v) { return v.page().mean_confidence / 100.0; }

// The date part of "<commune>, le 1er janvier 2024" as the OCR gave it,
// with the ordinal "1er" put back when read "Ter", "ler" or "Ier".
std::string LetterDatePart(std::string date) {
  static const std::regex first_of_month(R"(^(?:Ter|ler|Ier|ier|1ler|1e r)\b)");
  return std::regex_replace(date, first_of_month, "1er", std::regex_constants::format_first_only);
}

// "le" as printed or as the OCR misreads it ("ie", "lc", "1e"), any case.
bool IsLe(const std::string& word) {
  const std::string w = FoldKey(word);
  return w == "le" || w == "ie" || w == "lc" || w == "1e";
}

// A word of a place name: it starts with a capital, or it is one of the
// small words that join place names ("Aix en Provence", "Saint Martin de Ré").
bool IsPlaceWord(const std::string& word) {
  if (word.empty()) return false;
  const auto c0 = static_cast<unsigned char>(word[0]);
  if (c0 >= 'A' && c0 <= 'Z') return true;
  // UTF-8 capitals with an accent (À, É, Î…): 0xC3 then 0x80–0x9E.
  if (c0 == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) <= 0x9E) return true;
  static const char* kJoins[] = {"de", "du", "des", "la", "les", "en", "sur", "sous", "lès"};
  return std::any_of(std::begin(kJoins), std::end(kJoins), [&](const char* j) { return word == j; });
}

struct PlaceDate {
  size_t row = 0;
  std::string date;  // ISO
  std::string lieu;
};

// Row `r` as a letter's "<commune>, le <date>" in any of its forms ("Fait
// à <commune> le …", "À <commune>, le …", "<COMMUNE> le …", "<COMMUNE>,
// <date>"): words before a "le" (or a comma the date follows) that name a
// place, and a date after it. A sentence of the body ("… souscrit le
// 01/09/2025") has words in lower case before its "le": it is none.
std::optional<PlaceDate> PlaceDateOfRow(const PageView& v, size_t r) {
  const auto& ids = v.rows()[r].words;
  std::vector<std::string> words;
  for (int i : ids) words.push_back(TrimPunctuation(v.words()[static_cast<size_t>(i)].text));
  for (size_t k = 1; k < words.size(); ++k) {
    // "<commune>, le <date>", or without its "le": "<COMMUNE>, <date>".
    const std::string& before = v.words()[static_cast<size_t>(ids[k - 1])].text;
    const bool comma = !before.empty() && before.back() == ',';
    if (!IsLe(words[k]) && !comma) continue;
    const size_t from = IsLe(words[k]) ? k + 1 : k;
    size_t b = 0;
    if (FoldKey(words[b]) == "fait") ++b;
    if (b < k && (FoldKey(words[b]) == "a")) ++b;
    std::string lieu;
    bool place = b < k;
    for (size_t w = b; w < k && place; ++w) {
      if (words[w].empty()) continue;
      place = IsPlaceWord(words[w]);
      lieu += (lieu.empty() ? "" : " ") + words[w];
    }
    if (!place || lieu.empty()) continue;
    std::string rest;
    for (size_t w = from; w < words.size(); ++w) rest += (rest.empty() ? "" : " ") + words[w];
    // Without its "le", the date starts right after the comma (a sentence after a comma is no date line).
    if (from == k && (rest.empty() || rest[0] < '0' || rest[0] > '9')) continue;
    if (auto d = FindDate(LetterDatePart(rest))) return PlaceDate{r, d->value.ToIso(), lieu};
  }
  return std::nullopt;
}

// The commune of a postal address as ReadSenderAddress joins it ("…,
// 67000 STRASBOURG"): the words after its last five-digit code, folded.
std::string CommuneOf(const std::string& address) {
  std::istringstream words(address);
  std::string commune;
  for (std::string w; words >> w;) {
    w = TrimPunctuation(w);
    if (w.size() == 5 && IsAllDigits(w)) commune.clear();
    else commune += FoldKey(w);
  }
  return commune;
}

// A letter's place and date (PlaceDateOfRow). Several rows may read like
// one when the body is printed in capitals ("… OPTION CONFORT SIGNE LE 13
// DECEMBRE 2024"): the one naming the sender's own commune (`commune`,
// folded; empty when unknown) is the letter's; with none or several such,
// the first, `doubtful` when the others give another date.
// Two readings of one commune: within the OCR's usual slips.
constexpr double kSameCommune = 0.8;

struct LetterDate {
  PlaceDate at;
  bool doubtful = false;
};

std::optional<LetterDate> LetterPlaceDate(const PageView& v, const std::string& commune) {
  std::vector<PlaceDate> rows;
  for (size_t r = 0; r < v.rows().size(); ++r) {
    if (auto d = PlaceDateOfRow(v, r)) rows.push_back(*d);
  }
  if (rows.empty()) return std::nullopt;
  std::vector<PlaceDate> sender_commune;
  for (const auto& d : rows) {
    if (!commune.empty() && WordSimilarity(FoldKey(d.lieu), commune) >= kSameCommune) sender_commune.push_back(d);
  }
  if (sender_commune.size() == 1) return LetterDate{sender_commune.front(), false};
  const bool agree = std::all_of(rows.begin(), rows.end(), [&](const PlaceDate& d) { return d.date == rows.front().date; });
  return LetterDate{rows.front(), !agree};
}

// The letters OCR takes a digit for (a "5" read "S").
std::string ConfusableLetters(char digit) {
  switch (digit) {
    case '0': return "O";
    case '1': return "lI";
    case '2': return "Z";
    case '5': return "S";
    case '8': return "B";
    default: return "";
  }
}

// A formula's wording as the OCR may give it: "PASS5", "PASS 5", a letter
// doubled before the number ("PASSS5"), the number read as a letter
// ("PASSS"). Group 1 is the number as read.
std::regex FormulaPattern(const std::string& wording) {
  size_t split = wording.size();
  while (split > 0 && std::isdigit(static_cast<unsigned char>(wording[split - 1]))) --split;
  const std::string prefix = wording.substr(0, split), number = wording.substr(split);
  std::string alternatives = number;
  if (number.size() == 1) {
    for (char c : ConfusableLetters(number[0])) alternatives += std::string("|") + c;
  }
  const std::string doubled = prefix.empty() ? "" : std::string("(?:") + prefix.back() + ")?";
  return std::regex("\\b" + prefix + doubled + "\\s?(" + alternatives + ")\\b", std::regex::icase);
}

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
  std::string flat = PageText(v);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  ReadContrat(r, flat);
  ReadLetterDate(r, true);
  if (!r.Has(fields::kDateSouscription)) ReadSouscriptionInTheText(r);
}

}  // namespace liasse::extractors::internal
