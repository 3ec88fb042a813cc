// Reader of invoices (factures optique, dentaire, hospitalisation, médecine
// douce, pharmacie): the issuer, the catégorie, the number, the lines by
// their header in any column order, the total and whether it is paid.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <regex>

#include "field_values.h"
#include "form_fields.h"
#include "labels.h"
#include "liasse/core/fields.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/text.h"
#include "normalise.h"
#include "page_dates.h"
#include "table.h"
#include "validate.h"
#include "value_first.h"

#include "claim_lines.h"

namespace liasse::extractors::internal {

namespace {

// The catégorie with the most weight among the cues of the form's data
// found on the page; two catégories within a cue's weight of each other
// go to review with both.
void ReadFactureCategorie(DocReader& r) {
  const FieldSpec* f = r.form() ? r.form()->Field(fields::kCategorie) : nullptr;
  if (f == nullptr) return;
  std::map<std::string, double> score;
  for (const auto& cue : f->categories) {
    if (PageHasPhrase(r.view(), cue.phrase)) score[cue.category] += cue.weight;
  }
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [cat, s] : score) ranked.emplace_back(s, cat);
  std::sort(ranked.rbegin(), ranked.rend());
  if (ranked.empty()) return;
  if (ranked.size() > 1 && ranked[0].first - ranked[1].first < 2) {
    r.Review(fields::kCategorie, "catégorie ambiguë (" + ranked[0].second + " ou " + ranked[1].second + ")");
    return;
  }
  r.SetText(fields::kCategorie, ranked[0].second, 0.95, {});
}

// How surely `wording` is printed on the page: its best label similarity,
// 0 when absent; occurrences on page row `skip_row` left out. A short
// wording must be printed exactly ("payée" is one letter from "payer", as
// in "Net à payer").
double PhraseEvidence(const PageView& v, const std::string& wording, int skip_row = -1) {
  double best = 0;
  for (const auto& hit : FindLabel(v, wording)) {
    if (v.words()[static_cast<size_t>(hit.first)].row != skip_row) best = std::max(best, hit.similarity);
  }
  return FoldKey(wording).size() <= 7 && best < 1.0 ? 0 : best;
}

// The page row of the total's amount, -1 when no total was read.
int RowOfTheTotal(DocReader& r) {
  const auto total = r.doc().fields.find(fields::kMontantTotal);
  if (total == r.doc().fields.end() || !total->second.box) return -1;
  const Box& b = *total->second.box;
  const PageView& v = r.view();
  for (const auto& w : v.words()) {
    const bool inside = w.box.x >= b.x && w.box.x + w.box.width <= b.x + b.width && w.box.y >= b.y && w.box.y + w.box.height <= b.y + b.height;
    if (inside && IsAmountText(TrimPunctuation(w.text))) return w.row;
  }
  return -1;
}

// "acquittée" / "restant dû": the form's wordings of both answers weighed;
// both printed (a paid invoice with a balance line) go to review. A "no"
// wording only in the total's label ("Total à régler") says what the
// total is, not that it is owed, when a "yes" one is printed.
void ReadAcquittee(DocReader& r) {
  const FieldSpec* f = r.form() ? r.form()->Field(fields::kAcquittee) : nullptr;
  if (f == nullptr) return;
  const int total_row = RowOfTheTotal(r);
  double yes = 0, no = 0, no_off_total = 0;
  for (const auto& [wording, value] : f->yes_no) {
    if (value == "true") {
      yes = std::max(yes, PhraseEvidence(r.view(), wording));
    } else {
      no = std::max(no, PhraseEvidence(r.view(), wording));
      no_off_total = std::max(no_off_total, PhraseEvidence(r.view(), wording, total_row));
    }
  }
  if (yes > 0 && no > 0 && no_off_total == 0) no = 0;
  if (yes > 0 && no > 0) {
    r.Review(fields::kAcquittee, "facture dite acquittée et montant restant dû : à vérifier");
    return;
  }
  if (yes > 0 || no > 0) r.SetBool(fields::kAcquittee, yes > 0, 0.95, std::nullopt);
}

// A word that stands for nothing: a table's ruling or a fill-in line read
// as text ("|", "_"); with `dashes`, a lone dash too ("-", "—").
bool IsRuling(const PlacedWord& w, bool dashes) {
  std::string t = w.text;
  for (const std::string d : {"—", "–"}) {
    for (auto at = t.find(d); dashes && at != std::string::npos; at = t.find(d)) t.erase(at, d.size());
  }
  return t.find_first_not_of(dashes ? " |_-" : " |_") == std::string::npos;
}

// The currency printed apart from an amount ("59,50 EUR").
bool IsCurrency(const std::string& t) { return t == "€" || t == "EUR"; }

bool HasLetter(const std::string& folded) {
  return std::any_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// An amount as a price column prints it: unsigned ("Sph +6,00" is a measure).
bool IsPrice(const std::string& t) { return !t.empty() && t[0] != '+' && t[0] != '-' && IsAmountText(t); }

// An act code as printed: capitals and digits, a capital among them, at
// most eight ("C", "FJ", "HBMD053", "MONTURE"); OCR's "O" for a 0 allowed.
bool IsCodeShaped(const std::string& t) {
  const bool shape = !t.empty() && t.size() <= 8 &&
                     std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  return shape && std::any_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The confidence of a value whose role nothing names (always flagged).
constexpr double kRoleUnsure = 0.5;
// A word read with at least this confidence (0..1) stands unflagged.
constexpr double kSureWord = 0.75;
// The issuer's block: down to this many word heights under its name, and
// this many either side of it.
constexpr double kLetterheadDepth = 14;
constexpr double kLetterheadWidth = 15;

// Words closer than this many word heights continue one phrase: a space,
// not the gap between two columns.
constexpr double kPhraseGap = 1.0;
// A designation's words may stand further apart where the OCR lost a dash
// between them ("hospitalier   7 jour(s)"); a column's gap is wider still.
constexpr double kDesignationGap = 2.0;

// The name of the header's column under `x` (a word's centre): the nearest
// column's, empty for a column the data does not know.
std::string ColumnName(const TableHeader& header, double x) {
  const int c = header.ColumnAt(x);
  return c < 0 ? std::string() : header.columns[static_cast<size_t>(c)].name;
}

std::string ColumnOf(const TableHeader& header, const PlacedWord& w) { return ColumnName(header, (w.x0 + w.x1) / 2); }

// True when word `i` is a price printed a space after a word with letters
// on its row: the end of a phrase ("x 20,00 €"), not a column of its own.
bool ContinuesAPhrase(const PageView& v, int i) {
  const PlacedWord& w = v.words()[static_cast<size_t>(i)];
  if (!IsPrice(TrimPunctuation(w.text))) return false;
  const auto& row = v.rows()[static_cast<size_t>(w.row)].words;
  const auto at = std::find(row.begin(), row.end(), i);
  if (at == row.begin() || at == row.end()) return false;
  const PlacedWord& left = v.words()[static_cast<size_t>(*(at - 1))];
  return HasLetter(left.folded) && w.x0 - left.x1 <= kPhraseGap * v.word_height();
}

// The words of page row `row` (rulings left out) that continue the
// designation starting under the libellé column: from its first word with
// letters, every next word a space apart, whatever column it runs on under
// ("Axe 135°", "x 20,00 €"), until a price or a date under a column of
// prices or dates ends it. Empty without a libellé column.
std::vector<int> DesignationRun(const PageView& v, const TableHeader& header, int row) {
  std::vector<int> run;
  if (header.Find(fields::kLibelle) == nullptr) return run;
  // The line's own price and date are the last of their kind under their
  // columns: one before them is the designation's ("x 20,00 €" under
  // "Montant" when the designation runs long).
  std::map<std::string, int> last_value;
  for (int i : v.rows()[static_cast<size_t>(row)].words) {
    const PlacedWord& w = v.words()[static_cast<size_t>(i)];
    const std::string col = ColumnOf(header, w);
    const std::string t = TrimPunctuation(w.text);
    if ((col == fields::kMontant && IsPrice(t)) || (col == fields::kDate && ParseDateText(t))) last_value[col] = i;
  }
  for (int i : v.rows()[static_cast<size_t>(row)].words) {
    const PlacedWord& w = v.words()[static_cast<size_t>(i)];
    if (IsRuling(w, false)) continue;
    if (run.empty()) {
      if (HasLetter(w.folded) && ColumnOf(header, w) == fields::kLibelle) run.push_back(i);
      continue;
    }
    const PlacedWord& last = v.words()[static_cast<size_t>(run.back())];
    if (w.x0 - last.x1 > kDesignationGap * v.word_height()) break;
    if (const auto it = last_value.find(ColumnOf(header, w)); it != last_value.end() && it->second == i) break;
    run.push_back(i);
  }
  // A dash ending the run is a ruling, not the designation's.
  while (!run.empty() && IsRuling(v.words()[static_cast<size_t>(run.back())], true)) run.pop_back();
  return run;
}

using RowColumns = std::map<std::string, std::vector<std::pair<std::string, int>>>;

// The dates in letters among `toks` (a row's words left to right, as read
// and index): the three words of each ("8 juin 2025") to the column of its
// day in `out`, marked `placed`.
void PlaceDatesInLetters(const PageView& v, const TableHeader& header, const std::vector<std::pair<std::string, int>>& toks,
                         RowColumns& out, std::set<int>& placed) {
  for (size_t k = 0; k + 2 < toks.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(toks[k].first[0])) || toks[k].first.size() > 3) continue;
    if (!ParseDateText(toks[k].first + " " + toks[k + 1].first + " " + toks[k + 2].first)) continue;
    auto& dest = out[ColumnOf(header, v.words()[static_cast<size_t>(toks[k].second)])];
    for (size_t n = k; n < k + 3; ++n) {
      dest.push_back(toks[n]);
      placed.insert(toks[n].second);
    }
    k += 2;
  }
}

// The words of one invoice row sorted by the header's columns: the
// designation's words first (DesignationRun); a date in letters ("8 juin
// 2025") to the column of its first word; an amount cell to the column
// under its centre; a word with letters never to a column of numbers (a
// long designation runs on under the next header) but to the libellé;
// words under a column the data does not know are left out.
RowColumns RowByColumn(const PageView& v, const TableHeader& header, const TableRow& row) {
  RowColumns out;
  const bool has_libelle = header.Find(fields::kLibelle) != nullptr;
  std::set<int> placed;
  for (int i : DesignationRun(v, header, row.row)) {
    // The designation as printed, its punctuation kept ("jour(s)", "20,00 €").
    std::string t = v.words()[static_cast<size_t>(i)].text;
    t.erase(0, t.find_first_not_of(" _|"));
    t.erase(t.find_last_not_of(" _|") + 1);
    if (!t.empty()) out[fields::kLibelle].emplace_back(std::move(t), i);
    placed.insert(i);
  }
  std::vector<std::pair<std::string, int>> toks;  // the other words, left to right
  for (const auto& cell : row.cells) {
    for (int i : cell.words) {
      if (placed.count(i) != 0) continue;
      std::string t = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
      if (!t.empty() && !IsCurrency(t)) toks.emplace_back(std::move(t), i);
    }
  }
  PlaceDatesInLetters(v, header, toks, out, placed);
  for (const auto& cell : row.cells) {
    std::vector<std::pair<std::string, int>> cell_toks;
    for (const auto& t : toks) {
      if (placed.count(t.second) == 0 && std::find(cell.words.begin(), cell.words.end(), t.second) != cell.words.end()) cell_toks.push_back(t);
    }
    if (cell_toks.empty()) continue;
    std::string joined;
    for (const auto& t : cell_toks) joined += t.first;
    if (IsAmountText(joined) && cell_toks.size() <= 3) {
      auto& dest = out[ColumnName(header, (cell.x0 + cell.x1) / 2)];
      dest.insert(dest.end(), cell_toks.begin(), cell_toks.end());
      continue;
    }
    for (auto& t : cell_toks) {
      const PlacedWord& w = v.words()[static_cast<size_t>(t.second)];
      std::string col = ColumnOf(header, w);
      const bool numeric_column = col == fields::kDate || col == fields::kMontant || col == "dent";
      if (HasLetter(w.folded) && numeric_column && has_libelle) col = fields::kLibelle;
      out[col].push_back(std::move(t));
    }
  }
  return out;
}

// The code the form's data gives a libellé (`[tables.lines.codes]`): the
// first whose phrase the folded libellé begins with; nullopt otherwise.
std::optional<std::string> CodeOfLibelle(const TableSpec& spec, const std::string& libelle) {
  const std::string folded = FoldKey(libelle);
  for (const auto& [code, phrases] : spec.codes) {
    for (const auto& p : phrases) {
      const std::string key = FoldKey(p);
      if (!key.empty() && folded.rfind(key, 0) == 0) return code;
    }
  }
  return std::nullopt;
}

// True when the last amount of `montant` is the sum of the montants of the
// two lines or more read so far: a totals row in a wording of no data file
// ("Somme due"), which ends the table.
bool IsTotalOfLines(DocReader& r, const std::vector<std::pair<std::string, int>>& montant) {
  if (r.doc().lines.size() < 2) return false;
  const auto last = std::find_if(montant.rbegin(), montant.rend(), [](const auto& t) { return IsAmountText(t.first); });
  const auto value = ParseAmountText(last->first);
  if (!value) return false;
  Money sum = Money::Zero();
  for (const auto& line : r.doc().lines) {
    const auto m = StoredAmount(line.Find(fields::kMontant));
    if (!m) return false;
    sum += *m;
  }
  return sum == value->value;
}

// An invoice's lines read by its header, in any column order and with any
// subset of the columns (date, code, dent, libellé, montant): each cell is
// parsed by its column's kind. A line without its own date takes the
// invoice's (the runner does); one without a code is named by its libellé.
void ReadFactureLines(DocReader& r, const TableSpec& spec, const TableHeader& header) {
  const PageView& v = r.view();
  std::vector<std::pair<int, std::string>> unread;  // line, the montant column's last word
  for (const auto& row : RowsBelow(v, header.row, StopKeys(spec))) {
    auto cols = RowByColumn(v, header, row);
    const auto& montant = cols[fields::kMontant];
    const auto& libelle = cols[fields::kLibelle];
    const auto& code = cols[fields::kCode];
    // A row with neither amount nor code is a designation running on, a
    // note or a blank: no line.
    const bool any_amount = std::any_of(montant.begin(), montant.end(), [](const auto& t) { return IsAmountText(t.first); });
    // Under a table with dates, a row with neither amount nor date is a
    // mention below it ("PAYÉ", a signature), not a line.
    const bool undated = header.Find(fields::kDate) != nullptr && cols[fields::kDate].empty();
    if (!any_amount && (code.empty() || undated)) continue;
    if (any_amount && undated && IsTotalOfLines(r, montant)) break;
    Line line;
    const int index = static_cast<int>(r.doc().lines.size());
    std::vector<std::string> doubts;
    if (const auto& date = cols[fields::kDate]; !date.empty()) {
      // The cell's words together: a date in letters is three ("8 juin 2025").
      std::string joined;
      std::vector<int> ids;
      for (const auto& [t, i] : date) {
        joined += (joined.empty() ? "" : " ") + t;
        ids.push_back(i);
      }
      auto d = ParseDateText(date.front().first);
      if (!d) d = FindDate(joined);
      if (d) {
        line.values[fields::kDate] = d->value.ToIso();
        if (d->repaired || v.MinConfidence(ids) < 0.75) doubts.push_back(fields::kDate);
      } else {
        r.Review(fields::kDate, "date de la ligne illisible : « " + date.front().first + " »", index);
      }
    }
    // The code is the column's first word shaped as one: a designation
    // running on under it ("x 102,20 €") is none.
    if (const auto c = std::find_if(code.begin(), code.end(), [](const auto& t) { return IsCodeShaped(t.first); }); c != code.end()) {
      bool repaired = false;
      line.values[fields::kCode] = NormaliseActCode(c->first, &repaired);
      if (auto nearest = NearestCcamCode(r.ctx().tariffs, line.values[fields::kCode])) {
        line.values[fields::kCode] = *nearest;
        repaired = true;
      }
      if (repaired || v.MinConfidence({c->second}) < 0.75) doubts.push_back(fields::kCode);
    }
    if (const auto& dent = cols["dent"]; !dent.empty()) line.values["dent"] = DigitsOf(dent.front().first);
    std::string text;
    for (const auto& t : libelle) text += (text.empty() ? "" : " ") + t.first;
    if (!text.empty()) line.values[fields::kLibelle] = text;
    if (code.empty() && !text.empty()) {
      if (auto named = CodeOfLibelle(spec, text)) line.values[fields::kCode] = *named;
    }
    const auto last_amount = std::find_if(montant.rbegin(), montant.rend(), [](const auto& t) { return IsAmountText(t.first); });
    if (last_amount != montant.rend()) {
      if (auto m = ParseAmountText(last_amount->first)) {
        line.values[fields::kMontant] = m->value.ToDecimal();
        if (m->repaired || v.MinConfidence({last_amount->second}) < 0.75) doubts.push_back(fields::kMontant);
      }
    }
    if (!line.Find(fields::kMontant)) {
      r.Review(fields::kMontant, "montant de la ligne illisible", index);
      if (!montant.empty()) unread.emplace_back(index, montant.back().first);
    }
    for (const auto& d : doubts) r.Doubt(d, "lu avec une confiance faible : à vérifier", index);
    r.doc().lines.push_back(std::move(line));
  }
  if (unread.size() == 1) SettleStrayDecimal(r, unread.front().first, unread.front().second);
}

// The member's number after its label, whatever the operator's numbering:
// the first word that holds at least four digits, words without digits
// that continue the label ("N° adhérent mutuelle : 4417923") passed over.
// Letters among the digits that OCR confuses with digits are mapped, and
// the reading is then flagged; a word with no digit at all is not a number.
void ReadNumeroAdherent(DocReader& r) {
  const auto f = AtField(r, fields::kNumeroAdherent);
  if (!f) return;
  const auto toks = Tokens(r, *f);
  for (const std::string& word : toks) {
    if (DigitsOf(word).empty()) continue;
    // The fill-in line under the value read as a mark before it
    // ("_A18942180"): the number starts at its first letter or digit.
    const auto first = std::find_if(word.begin(), word.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
    const std::string t(first, word.end());
    bool repaired = false;
    // A leading letter is part of the numbering ("A12345678"); the rest is digits.
    const bool lettered = std::isalpha(static_cast<unsigned char>(t[0])) != 0;
    const std::string digits = DigitsOf(lettered ? t.substr(1) : t, &repaired);
    if (digits.size() < 4) break;
    const std::string value = (lettered ? std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])))) : "") + digits;
    r.SetText(fields::kNumeroAdherent, value, f->confidence * (repaired ? kRepairPenalty : 1.0), f->words);
    return;
  }
  r.Review(fields::kNumeroAdherent, "numéro d'adhérent illisible : « " + (toks.empty() ? std::string() : toks.front()) + " »");
}

// "22024-47423" or "20225-93970" → "2024-47423", "2025-93970": the one
// invoice number of the form YYYY-NNNNN (year 2000–2099) that the word
// gives with one doubled digit read once; nullopt otherwise.
std::optional<std::string> WithoutDoubledDigit(const std::string& word) {
  static const std::regex shape(R"(^(\d{5})-(\d{5})$)");
  std::smatch m;
  if (!std::regex_match(word, m, shape)) return std::nullopt;
  std::vector<std::string> years;
  for (const auto& y : CollapseDoubledDigit(m[1].str(), 4)) {
    if (y.rfind("20", 0) == 0) years.push_back(y);
  }
  if (years.size() != 1) return std::nullopt;
  return years.front() + "-" + m[2].str();
}

// True when every flag of field `name` (not a line's) is a doubt of the
// reading alone (ReviewFlag::reading_doubt), none at all included.
bool OnlyReadingDoubts(const Document& doc, std::string_view name) {
  return std::all_of(doc.review.begin(), doc.review.end(), [&](const ReviewFlag& f) { return f.field != name || f.line || f.reading_doubt; });
}

// Field `name` settled by a second piece of evidence: its flags go and its
// confidence is raised to the review threshold.
void Settle(DocReader& r, std::string_view name) {
  auto& field = r.doc().fields.at(std::string(name));
  field.confidence = std::max(field.confidence, r.ctx().options->review_below_confidence);
  std::erase_if(r.doc().review, [&](const ReviewFlag& f) { return f.field == name && !f.line; });
}

// The words holding digits printed inside `box` (a field's, on the page):
// the value's, its label's words left out.
std::vector<int> DigitWordsIn(const PageView& v, const Box& box) {
  std::vector<int> words;
  for (size_t i = 0; i < v.words().size(); ++i) {
    const Box& w = v.words()[i].box;
    const bool inside = w.x >= box.x && w.x + w.width <= box.x + box.width && w.y >= box.y && w.y + w.height <= box.y + box.height;
    if (inside && HasDigit(v.words()[i].text)) words.push_back(static_cast<int>(i));
  }
  return words;
}

// True when `number` is a numéro AM, a FINESS or an ADELI whose key passes:
// the reading is then sure, whatever its role.
bool KeyPasses(const std::string& number) {
  if (NumeroAm::Parse(number).ok()) return true;
  const auto finess = ParseFiness(number);
  const auto adeli = ParseAdeli(number);
  return (finess.ok() && finess->key_ok) || (adeli.ok() && adeli->key_ok);
}

// The issuer's number read under a label in no wording or of another
// kind (its key passing, flagged for its role) whose role the
// letterhead tells: it stands in the issuer's block, a few lines under the
// issuer's name and beside it, as printed (no digit repaired), in one word
// of digits alone on its row with its label, no other field's value, and
// read confidently. The flag is then lifted.
void ConfirmIdentifiantInLetterhead(DocReader& r) {
  Document& doc = r.doc();
  const auto id = doc.fields.find(fields::kEmetteurIdentifiant);
  const auto nom = doc.fields.find(fields::kEmetteurNom);
  if (id == doc.fields.end() || nom == doc.fields.end() || !id->second.box || !nom->second.box) return;
  const auto value = id->second.text();
  if (!value || !KeyPasses(*value)) return;
  const PageView& v = r.view();
  // The words printed where the value was read: their digits are the value's.
  const Box& b = *id->second.box;
  const std::vector<int> words = DigitWordsIn(v, b);
  std::string digits;
  for (int i : words) digits += DigitsOf(v.words()[static_cast<size_t>(i)].text);
  if (digits != *value || v.MinConfidence(words) < kSureWord) return;
  // Printed as one number of digits alone, alone on its row after its
  // label: the start of a longer one ("SIRET 123 456 789 00012"), digits
  // among separators ("2025-15201") or a number among others is not.
  if (words.size() != 1 || TrimPunctuation(v.words()[static_cast<size_t>(words.front())].text) != *value) return;
  // Nor the digits of another field's value ("N° 2025-15201").
  for (const auto& [name, field] : doc.fields) {
    const auto t = field.text();
    if (name != fields::kEmetteurIdentifiant && t && DigitsOf(*t) == *value) return;
  }
  const auto& row = v.rows()[static_cast<size_t>(v.words()[static_cast<size_t>(words.front())].row)].words;
  if (std::count_if(row.begin(), row.end(), [&](int i) { return HasDigit(v.words()[static_cast<size_t>(i)].text); }) != 1) return;
  const Box& n = *nom->second.box;
  const double unit = v.word_height();
  const bool below = b.y > n.y && b.y - n.y <= kLetterheadDepth * unit;
  const bool beside = b.x < n.x + n.width + kLetterheadWidth * unit && b.x + b.width > n.x - kLetterheadWidth * unit;
  if (!below || !beside) return;
  Settle(r, fields::kEmetteurIdentifiant);
}

// The total read with a doubt of its reading alone (a low confidence)
// that the lines' montants, each read without a flag, add up to: that sum
// is a second, independent reading of the same amount, which settles the
// doubt (ReviewFlag::reading_doubt). Nothing otherwise.
void ConfirmTotalByTheLines(DocReader& r) {
  Document& doc = r.doc();
  const auto total = doc.fields.find(fields::kMontantTotal);
  if (total == doc.fields.end() || doc.lines.empty()) return;
  const auto printed = StoredAmount(doc.Text(fields::kMontantTotal));
  if (!printed) return;
  Money sum = Money::Zero();
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const auto m = StoredAmount(doc.lines[i].Find(fields::kMontant));
    const bool doubted = std::any_of(doc.review.begin(), doc.review.end(), [&](const ReviewFlag& f) {
      return f.line && static_cast<size_t>(*f.line) == i && f.field == fields::kMontant;
    });
    if (!m || doubted) return;
    sum += *m;
  }
  if (sum == *printed && OnlyReadingDoubts(doc, fields::kMontantTotal)) Settle(r, fields::kMontantTotal);
}

// The digits a word holds when it has the shape of an invoice's number:
// three capitals at most, then digits among which dashes or slashes, six
// digits or more ("9161008", "F2579146", "FA2024104187", "2024-70344").
// The numbers of other kinds are not: nine digits alone (numéro AM,
// FINESS, ADELI, SIREN), eleven (RPPS), fourteen (SIRET), ten from a 0
// (a phone).
std::optional<std::string> ReferenceDigits(const std::string& word) {
  static const std::regex shape(R"(^[A-Z]{0,3}\d[\d/-]*\d$)");
  if (!std::regex_match(word, shape)) return std::nullopt;
  const std::string digits = DigitsOf(word);
  const bool lettered = std::isalpha(static_cast<unsigned char>(word[0])) != 0;
  if (digits.size() < 6 || digits.size() > 14) return std::nullopt;
  if (!lettered && word.size() == digits.size()) {
    if (digits.size() == 9 || digits.size() == 11 || digits.size() == 14) return std::nullopt;
    if (digits.size() == 10 && digits[0] == '0') return std::nullopt;
  }
  return digits;
}

// The reference-shaped words (ReferenceDigits) of the rows above `end` (the
// lines' header, a page row) that are no date and no value of a field
// other than the invoice's number, each once: the word and its index.
std::vector<std::pair<std::string, int>> ReferencesInHead(DocReader& r, size_t end) {
  const PageView& v = r.view();
  std::set<std::string> taken;
  for (const auto& [name, field] : r.doc().fields) {
    const auto t = field.text();
    if (t && name != fields::kNumeroFacture) taken.insert(DigitsOf(*t));
  }
  std::vector<std::pair<std::string, int>> found;
  for (size_t row = 0; row < end && row < v.rows().size(); ++row) {
    for (int i : v.rows()[row].words) {
      const std::string t = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
      const auto digits = ReferenceDigits(t);
      if (!digits || taken.count(*digits) != 0 || ParseDateText(t)) continue;
      if (std::none_of(found.begin(), found.end(), [&](const auto& f) { return f.first == t; })) found.emplace_back(t, i);
    }
  }
  return found;
}

// The invoice's number where no label of the data names it: the one
// reference of the head (ReferencesInHead), set flagged (nothing names its
// role); several: to review with them. Nothing when a label was found and
// its value read as illegible. A number read after a label only like one
// of the data's (a doubt of its role, its word read surely) that is the
// head's one reference stands: the label and the value's kind agree.
void ReadNumeroFactureByValue(DocReader& r, size_t end) {
  Document& doc = r.doc();
  const auto is_numero = [](const ReviewFlag& f) { return f.field == fields::kNumeroFacture && !f.line; };
  const bool flagged = std::any_of(doc.review.begin(), doc.review.end(), is_numero);
  const auto found = ReferencesInHead(r, end);
  if (const auto read = doc.fields.find(fields::kNumeroFacture); read != doc.fields.end()) {
    if (found.size() != 1 || read->second.text() != found.front().first || !OnlyReadingDoubts(doc, fields::kNumeroFacture)) return;
    if (r.view().MinConfidence({found.front().second}) >= kSureWord) Settle(r, fields::kNumeroFacture);
    return;
  }
  if (flagged) return;
  if (found.size() == 1) {
    r.Review(fields::kNumeroFacture, "libellé introuvable ; seule référence de l'en-tête : à vérifier");
    r.SetText(fields::kNumeroFacture, found.front().first, kRoleUnsure, {found.front().second});
  } else if (found.size() > 1) {
    std::string list;
    for (const auto& f : found) list += (list.empty() ? "" : ", ") + f.first;
    r.Review(fields::kNumeroFacture, "libellé introuvable ; plusieurs références possibles dans l'en-tête : " + list);
  }
}

// Words inside `box` (a field's, on the page), or nothing without a box.
std::vector<int> WordsIn(const PageView& v, const std::optional<Box>& box) {
  std::vector<int> words;
  for (size_t i = 0; box && i < v.words().size(); ++i) {
    const Box& w = v.words()[i].box;
    if (w.x >= box->x && w.x + w.width <= box->x + box->width && w.y >= box->y && w.y + w.height <= box->y + box->height) {
      words.push_back(static_cast<int>(i));
    }
  }
  return words;
}

// The patient read after a label only like one of the data's (a doubt of
// its role, its words read surely) with a birth date printed right of it
// on its row (a date years before the page's newest): an invoice names
// one person with a birth date, its patient. The label and the page
// agree: nom and prénom stand.
void ConfirmPatientBesideABirthDate(DocReader& r) {
  constexpr int kYearsBeforeTheNewest = 5;  // a birth date, not a date of the care
  const Document& doc = r.doc();
  const auto nom = doc.fields.find(fields::kBeneficiaireNom);
  const auto prenom = doc.fields.find(fields::kBeneficiairePrenom);
  if (nom == doc.fields.end() || prenom == doc.fields.end()) return;
  if (!OnlyReadingDoubts(doc, fields::kBeneficiaireNom) || !OnlyReadingDoubts(doc, fields::kBeneficiairePrenom)) return;
  const PageView& v = r.view();
  // The words of the nom and prénom themselves (their boxes hold their label too).
  std::set<std::string> keys;
  for (const auto* f : {&nom->second, &prenom->second}) {
    const std::string text = f->text().value_or("");
    for (size_t i = 0, j = 0; i < text.size(); i = j + 1) {
      j = std::min(text.find(' ', i), text.size());
      keys.insert(FoldKey(text.substr(i, j - i)));
    }
  }
  std::vector<int> name = WordsIn(v, nom->second.box);
  const std::vector<int> given = WordsIn(v, prenom->second.box);
  name.insert(name.end(), given.begin(), given.end());
  std::erase_if(name, [&](int i) { return keys.count(FoldKey(v.words()[static_cast<size_t>(i)].text)) == 0; });
  if (name.size() < 2 || v.MinConfidence(name) < kSureWord) return;
  std::vector<size_t> all(v.rows().size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  const auto newest = NewestConfirmedDate(DatesInRows(v, all, false));
  const PlacedWord& first = v.words()[static_cast<size_t>(name.front())];
  double right = first.x1;
  for (int i : name) right = std::max(right, v.words()[static_cast<size_t>(i)].x1);
  const auto& rows = DatesInRows(v, {static_cast<size_t>(first.row)}, false);
  const bool birth_date = newest && std::any_of(rows.begin(), rows.end(), [&](const DateOnPage& d) {
    return d.date.year() + kYearsBeforeTheNewest < newest->year() && v.words()[static_cast<size_t>(d.words.front())].x0 > right;
  });
  if (!birth_date) return;
  Settle(r, fields::kBeneficiaireNom);
  Settle(r, fields::kBeneficiairePrenom);
}

// The date a stamp "… le <date>" gives from word `k` (the "le") of page row
// `row`: after it on the row ("Soldée le : 22-04-2025", "Acquittée le 26
// octobre 2024"), else first on the next row ("PAIEMENT REÇU LE :" over
// "30/12/24"). nullopt otherwise.
std::optional<Date> StampDate(const PageView& v, size_t row, size_t k) {
  const auto& words = v.rows()[row].words;
  std::string after;
  for (size_t n = k + 1; n < words.size(); ++n) after += " " + v.words()[static_cast<size_t>(words[n])].text;
  if (TrimPunctuation(after).empty() && row + 1 < v.rows().size()) after = v.Join(v.rows()[row + 1].words);
  const auto d = FindDate(after);
  if (!d) return std::nullopt;
  return d->value;
}

// What the rows below the lines' header (`header_row`) say of the payment
// in words of no data file: a stamp "… le <date>" holding no amount, its
// date not before the invoice's (paid); a row below the total's that holds
// a label and the total's amount again (a balance line, "Solde à payer
// 328,50": owed).
struct PaymentLayout {
  bool stamp = false;
  bool balance = false;
};

PaymentLayout ReadPaymentLayout(DocReader& r, int header_row) {
  PaymentLayout out;
  const PageView& v = r.view();
  const auto invoice_date = r.doc().Text(fields::kDate);
  const auto total = StoredAmount(r.doc().Text(fields::kMontantTotal));
  const int total_row = RowOfTheTotal(r);
  for (size_t row = static_cast<size_t>(header_row) + 1; row < v.rows().size(); ++row) {
    const auto& words = v.rows()[row].words;
    const bool amount = std::any_of(words.begin(), words.end(), [&](int i) { return IsPrice(TrimPunctuation(v.words()[static_cast<size_t>(i)].text)); });
    bool letters = false;
    for (size_t k = 0; k < words.size(); ++k) {
      const PlacedWord& w = v.words()[static_cast<size_t>(words[k])];
      if (k > 0 && !amount && letters && FoldKey(w.text) == "le") {
        const auto d = StampDate(v, row, k);
        out.stamp = out.stamp || (d && (!invoice_date || d->ToIso() >= *invoice_date));
      }
      letters = letters || HasLetter(w.folded);
    }
    if (!total || static_cast<int>(row) <= total_row || !letters) continue;
    for (int i : words) {
      const std::string t = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
      const auto m = ParseAmountText(t);
      out.balance = out.balance || (m && IsPrice(t) && m->value == *total);
    }
  }
  return out;
}

// Whether the invoice was paid, from its layout (ReadPaymentLayout) where
// no wording of the data says it: a stamp alone says paid, a balance line
// alone owed, either set flagged (nothing names it); both or neither:
// nothing. An invoice a wording says paid ("Facture acquittée" as its
// title) whose total is repeated as a balance, no stamp printed, goes to
// review.
void ReadAcquitteeByLayout(DocReader& r, int header_row) {
  const bool flagged = std::any_of(r.doc().review.begin(), r.doc().review.end(),
                                   [](const ReviewFlag& f) { return f.field == fields::kAcquittee; });
  if (flagged || header_row < 0) return;
  const PaymentLayout layout = ReadPaymentLayout(r, header_row);
  if (const auto read = r.doc().fields.find(fields::kAcquittee); read != r.doc().fields.end()) {
    if (read->second.boolean() == std::optional<bool>(true) && layout.balance && !layout.stamp) {
      r.Review(fields::kAcquittee, "facture dite acquittée mais son total est répété sous les lignes comme un solde dû : à vérifier");
    }
    return;
  }
  if (layout.stamp == layout.balance) return;
  r.Review(fields::kAcquittee, layout.stamp ? "mention « … le <date> » sous les lignes lue comme un acquit, en termes d'aucun fichier : à vérifier"
                                            : "montant total répété sous les lignes lu comme un solde dû, en termes d'aucun fichier : à vérifier");
  r.SetBool(fields::kAcquittee, layout.stamp, kRoleUnsure, std::nullopt);
}

}  // namespace

// The letterhead's first line: the issuer's name. Printed in capitals on
// some letterheads, where the original case cannot be known: flagged.
void ReadEmetteurNom(DocReader& r) {
  const PageView& v = r.view();
  if (v.rows().empty()) return;
  const auto& row = v.rows().front();
  const Found f = r.Make(row.words, 1.0);
  std::string name;
  bool any_lower = false;
  for (const auto& t : Tokens(r, f)) {
    name += (name.empty() ? "" : " ") + t;
    for (char c : t) any_lower = any_lower || (c >= 'a' && c <= 'z');
  }
  if (name.empty()) return;
  r.SetText(fields::kEmetteurNom, name, f.confidence, f.words);
  if (!any_lower) r.Review(fields::kEmetteurNom, "nom de l'émetteur imprimé en capitales : graphie à vérifier");
}

// True when a word of `rows` is the first word of a designation the
// form's data gives a code (`[tables.lines.codes]`: "Monture", "Verre").
bool LibellesNameTheirCodes(const PageView& v, const std::vector<TableRow>& rows, const TableSpec& spec) {
  std::set<std::string> firsts;
  for (const auto& [code, phrases] : spec.codes) {
    for (const auto& p : phrases) firsts.insert(FoldKey(p.substr(0, p.find(' '))));
  }
  return std::any_of(rows.begin(), rows.end(), [&](const TableRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(), [&](const Cell& c) {
      return std::any_of(c.words.begin(), c.words.end(), [&](int i) { return firsts.count(FoldKey(v.words()[static_cast<size_t>(i)].text)) != 0; });
    });
  });
}

// Columns under headings of no wording named by what they hold: the
// prices ("Tarif"), the dates ("Jour"), the act codes ("Acte"), the
// designations ("Article"), and on a `dental` invoice the teeth.
void NameInvoiceColumnsByKind(const PageView& v, TableHeader& header, const TableSpec& spec, bool dental) {
  // Rows holding an amount or a date: the table's lines and its totals,
  // not the mentions and signatures below it.
  auto rows = RowsBelow(v, header.row, StopKeys(spec));
  std::erase_if(rows, [&](const TableRow& row) {
    const bool amount = std::any_of(row.cells.begin(), row.cells.end(), [&](const Cell& c) {
      return std::any_of(c.words.begin(), c.words.end(), [&](int i) { return IsAmountText(v.words()[static_cast<size_t>(i)].text); });
    });
    return !amount && !FindDate(v.Join(v.rows()[static_cast<size_t>(row.row)].words));
  });
  // An amount a designation runs on to ("8 jour(s) x 20,00 €") is no price
  // of the line: it says nothing of the column it spills under.
  for (auto& row : rows) {
    for (auto& cell : row.cells) std::erase_if(cell.words, [&](int i) { return ContinuesAPhrase(v, i); });
  }
  // A table of one line names its columns from that line.
  const size_t min_rows = rows.size() == 1 ? 1 : 2;
  // A value is the whole of the words tried: an amount is one word, a date
  // all of them ("8 juin 2025"), not a row's words ending in one. A signed
  // number is a measure ("Sph +6,00"), not a price.
  NameColumnByKind(v, header, rows, fields::kMontant, [](const std::string& t) {
    return t.find(' ') == std::string::npos && IsPrice(t);
  }, min_rows);
  NameColumnByKind(v, header, rows, fields::kDate, [](const std::string& t) { return ParseDateText(t).has_value(); }, min_rows);
  // An act code: one word of capitals and digits, both ("HBMD053", "PH7");
  // one of capitals alone ("FJ", "MONTURE") once the designations have
  // their column ("Verre OD …" prints capitals too), unless the data codes
  // these lines by their designations (an optician's "OD"/"OG" column is
  // no code).
  const auto code = [](bool digits) {
    return [digits](const std::string& t) {
      const bool shape = t.size() >= 2 && t.size() <= 8 &&
                         std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
      return shape && !IsCurrency(t) && HasDigit(t) == digits && std::any_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
  };
  NameColumnByKind(v, header, rows, fields::kCode, code(true), min_rows);
  // A designation starts with a word of letters.
  NameColumnByKind(v, header, rows, fields::kLibelle, [](const std::string& text) {
    const std::string t = TrimPunctuation(text);
    return t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80) != 0; });
  }, min_rows);
  if (!LibellesNameTheirCodes(v, rows, spec)) NameColumnByKind(v, header, rows, fields::kCode, code(false), min_rows);
  // A dental invoice's teeth ("LOCALISATION"): two digits, the quadrant
  // (1 to 8) then the tooth (1 to 8), as the FDI numbers them.
  if (dental) {
    NameColumnByKind(v, header, rows, "dent", [](const std::string& t) {
      return t.size() == 2 && t[0] >= '1' && t[0] <= '8' && t[1] >= '1' && t[1] <= '8';
    }, min_rows);
  }
}

// A table whose headings are in no wording of the data: the row just
// above the first row holding a date and an amount, when it is words
// without digits (headings), taken as a header of unnamed columns.
TableHeader HeaderAboveTheFirstLine(const PageView& v) {
  for (size_t row = 1; row < v.rows().size(); ++row) {
    const auto& words = v.rows()[row].words;
    const bool amount = std::any_of(words.begin(), words.end(), [&](int i) { return IsAmountText(v.words()[static_cast<size_t>(i)].text); });
    if (!amount || !FindDate(v.Join(words))) continue;
    const auto& above = v.rows()[row - 1].words;
    size_t headings = 0;
    for (int i : above) {
      if (HasDigit(v.words()[static_cast<size_t>(i)].text)) return {};
      if (!v.words()[static_cast<size_t>(i)].folded.empty()) ++headings;
    }
    return headings >= 3 ? HeaderOfRow(v, static_cast<int>(row - 1)) : TableHeader{};
  }
  return {};
}

void ReadFacture(DocReader& r) {
  const PageView& v = r.view();
  ReadFactureCategorie(r);
  ReadEmetteurNom(r);
  // "2025-32324" anywhere on the page when no label gave the number.
  static const std::regex numero(R"(^(\d{4})-(\d{5})$)");
  std::optional<std::pair<std::string, double>> doubled;
  for (const auto& w : v.words()) {
    if (r.Has(fields::kNumeroFacture)) break;
    bool rep = false;
    const std::string t = MapConfusables(TrimPunctuation(w.text), &rep);
    std::smatch m;
    if (std::regex_match(t, m, numero)) {
      r.SetText(fields::kNumeroFacture, t, w.confidence / 100.0 * (rep ? kRepairPenalty : 1.0), {});
      break;
    }
    if (!doubled) {
      if (auto once = WithoutDoubledDigit(t)) doubled = {{*once, w.confidence / 100.0}};
    }
  }
  if (!r.Has(fields::kNumeroFacture) && doubled) {
    // "22024-47423": the OCR doubles a digit of the year; flagged (the
    // confidence of a repair is below the review threshold).
    r.SetText(fields::kNumeroFacture, doubled->first, doubled->second * kRepairPenalty * kRepairPenalty, {});
  }
  if (!r.Has(fields::kNumeroFacture)) {
    // Another numbering: the reference after a label of the form's data,
    // unless it is the shape above with a digit too many that no repair explains.
    static const std::regex near_miss(R"(^\d{5}-\d{5}$)");
    if (auto f = AtField(r, fields::kNumeroFacture)) {
      const auto toks = Tokens(r, *f);
      if (!toks.empty() && std::regex_match(toks.front(), near_miss)) {
        r.Review(fields::kNumeroFacture, "numéro de facture illisible : « " + toks.front() + " »");
      } else {
        SetReference(r, fields::kNumeroFacture, *f);
      }
    }
  }
  ReadNumeroAdherent(r);
  ReadAcquittee(r);
  const TableSpec* spec = r.form() ? r.form()->Table("lines") : nullptr;
  const std::string* categorie = r.doc().Text(fields::kCategorie);
  const bool dental = categorie != nullptr && *categorie == "dentaire";
  TableHeader header = spec ? FindTableHeader(v, *spec) : TableHeader{};
  if (header.ok()) NameInvoiceColumnsByKind(v, header, *spec, dental);
  // A row of the invoice's head sharing a wording with the columns
  // ("Référence", "Date") heads no prices: the header is further down.
  while (header.ok() && header.Find(fields::kMontant) == nullptr) {
    TableHeader below = FindTableHeaderBelow(v, *spec, header.row);
    if (!below.ok()) break;
    NameInvoiceColumnsByKind(v, below, *spec, dental);
    header = std::move(below);
  }
  if ((!header.ok() || header.Find(fields::kMontant) == nullptr) && spec) {
    // No row of the data's wordings heads prices: the headings over the
    // first row of a date and an amount, named by what their columns hold.
    TableHeader above = HeaderAboveTheFirstLine(v);
    if (above.ok()) NameInvoiceColumnsByKind(v, above, *spec, dental);
    if (!header.ok() || above.Find(fields::kMontant) != nullptr) header = std::move(above);
  }
  // After the fields their labels name, whose values are no invoice number.
  const size_t head_end = header.ok() ? static_cast<size_t>(header.row) : v.rows().size();
  ReadNumeroFactureByValue(r, head_end);
  if (header.ok() && header.Find(fields::kMontant) != nullptr) {
    ReadFactureLines(r, *spec, header);
  } else {
    ReadClaimLines(r, PageHasPhrase(v, "code CCAM"), false);
  }
  ConfirmIdentifiantInLetterhead(r);
  ConfirmPatientBesideABirthDate(r);
  // A total whose label is in no wording of the data: the amount the lines add up to.
  ReadTotalOfLines(r, fields::kMontantTotal);
  CheckFactureLines(r);
  ConfirmTotalByTheLines(r);
  ReadAcquitteeByLayout(r, header.row);
}

}  // namespace liasse::extractors::internal
