// Readers of members' letters: réclamation (seed 002) and renonciation
// (seed 004 §2.5). Free text: values come from the sender block at the top
// left and from phrases of the body.
#include <algorithm>
#include <regex>

#include "field_values.h"
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
// print one too).
void ReadSenderEmail(DocReader& r, const HeadingBlock& sender) {
  const PageView& v = r.view();
  static const std::regex shape(R"(^[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$)");
  for (size_t row : sender.rows) {
    for (int i : SideWords(v, row, sender.side)) {
      const PlacedWord& w = v.words()[static_cast<size_t>(i)];
      if (w.text.find('@') == std::string::npos) continue;
      const std::string mail = TrimPunctuation(w.text);
      r.SetText(fields::kEmail, mail, w.confidence / 100.0, {});
      if (!std::regex_match(mail, shape)) r.Review(fields::kEmail, "adresse électronique incomplète ou mal formée : à vérifier");
      return;
    }
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

// A letter's "<commune>, le <date>" in any of its forms ("Fait à <commune>
// le …", "À <commune>, le …", "<COMMUNE> le …", "<COMMUNE>, <date>"): the
// first row whose words before a "le" (or a comma the date follows) name a
// place and whose words after it are a date. A
// sentence of the body ("… souscrit le 01/09/2025") has words in lower case
// before its "le": it is not the letter's date.
std::optional<PlaceDate> LetterPlaceDate(const PageView& v) {
  for (size_t r = 0; r < v.rows().size(); ++r) {
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
  }
  return std::nullopt;
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

}  // namespace

void ReadReclamation(DocReader& r) {
  const PageView& v = r.view();
  ReadSenderEmail(r, ReadSender(r, true));
  if (auto dated = LetterPlaceDate(v)) {
    const auto& ids = v.rows()[dated->row].words;
    r.SetText(fields::kDate, dated->date, v.MinConfidence(ids), ids);
  }
}

void ReadRenonciation(DocReader& r) {
  const PageView& v = r.view();
  ReadSender(r, true);
  const std::string text = PageText(v);
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  ReadContrat(r, flat);
  const auto souscrit = flat.find("souscrit le");
  if (souscrit != std::string::npos) {
    if (auto d = FindDate(flat.substr(souscrit + 11, 40))) {
      r.SetText(fields::kDateSouscription, d->value.ToIso(), PageConfidence(v) * (d->repaired ? kRepairPenalty : 1.0), {});
    }
  }
  if (auto dated = LetterPlaceDate(v)) {
    const auto& ids = v.rows()[dated->row].words;
    r.SetText(fields::kDate, dated->date, v.MinConfidence(ids), ids);
    r.SetText(fields::kLieu, dated->lieu, v.MinConfidence(ids), ids);
  }
}

}  // namespace liasse::extractors::internal
