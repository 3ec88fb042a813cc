#include "bordereau_header.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "doc_reader.h"
#include "forms.h"
#include "labels.h"
#include "letterhead.h"
#include "liasse/core/fields.h"
#include "liasse/core/identifiers.h"
#include "locate.h"
#include "normalise.h"
#include "page_dates.h"

namespace liasse::extractors::internal {

namespace {

// True when `text` is a price: digits, a decimal comma or point, two decimals.
bool IsAmountWord(const std::string& text) {
  const auto sep = text.find_last_of(",.");
  return sep != std::string::npos && sep > 0 && sep + 3 <= text.size() && IsAllDigits(text.substr(sep + 1, 2)) &&
         ParseAmountText(text).has_value();
}

// True when the words of a row hold a NIR with a valid key (digit groups
// put together) or two amounts: a line of the table of invoices.
bool IsTableRow(const PageView& v, const Row& row) {
  size_t amounts = 0;
  std::string digits;
  for (int i : row.words) {
    const std::string& t = v.words()[static_cast<size_t>(i)].text;
    amounts += IsAmountWord(t) ? 1u : 0u;
    if (IsAllDigits(t) || (t.size() > 1 && IsAllDigits(t.substr(0, t.size() - 1)) && std::isalpha(static_cast<unsigned char>(t.back())))) {
      digits += t;
      for (size_t s = 0; s + 15 <= digits.size(); ++s) {
        if (Nir::Parse(digits.substr(s, 15)).ok()) return true;
      }
    } else {
      digits.clear();
    }
  }
  return amounts >= 2;
}

// The rows above the table of invoices.
std::vector<size_t> HeaderRows(const PageView& v) {
  std::vector<size_t> out;
  const size_t end = FirstInvoiceRow(v).value_or(v.rows().size());
  for (size_t r = 0; r < end; ++r) out.push_back(r);
  return out;
}

// True when word `w` of a page (folded letters) stands for content word `k`
// of a wording: the same, its abbreviation (three letters or more, "dest"),
// or the word with what the OCR glued before it ("nlot" for "N°lot").
bool StandsFor(const std::string& w, const std::string& k) {
  if (w.size() < 3 || k.size() < 3) return w == k && !w.empty();
  return w == k || k.starts_with(w) || w.ends_with(k);
}

// The content words of `field`'s wordings that no other field holds: of
// its kind alone (the words that name it among the numbers) or, with
// `any_kind`, of every field of the form.
std::set<std::string> OwnWords(const FormSpec& form, const FieldSpec& field, bool any_kind = false) {
  std::set<std::string> own, others;
  for (const FieldSpec& f : form.fields) {
    if (!any_kind && f.kind != field.kind) continue;
    for (const auto& wording : f.labels) {
      for (auto& w : ContentWords(wording)) {
        if (w.size() < 3 || IsAllDigits(w)) continue;
        (f.name == field.name ? own : others).insert(w);
      }
    }
  }
  for (const auto& o : others) own.erase(o);
  return own;
}

// The digits of a printed number: "(971)", "311", "971 -" → digits, else "".
std::string NumberOf(const std::string& text) {
  std::string t;
  for (char c : text) {
    if (c == '(' || c == ')' || c == ':' || c == '-' || c == ',' || c == '.') continue;
    t += c;
  }
  return IsAllDigits(t) ? t : "";
}

// One reading of a field and the words it was read from.
struct Candidate {
  std::string value;
  std::vector<int> words;
};

// Stores `name` when its candidates agree on one value.
void SetIfOne(DocReader& r, std::string_view name, const std::vector<Candidate>& found) {
  if (found.empty()) return;
  for (const auto& c : found) {
    if (c.value != found.front().value) return;
  }
  r.SetText(name, found.front().value, r.view().MinConfidence(found.front().words), found.front().words);
}

void ReadDate(DocReader& r, const std::vector<size_t>& rows) {
  std::vector<Candidate> found;
  // A lot is recent: "08/02/24" is of this century.
  for (const DateOnPage& d : DatesInRows(r.view(), rows, true)) found.push_back({d.date.ToIso(), d.words});
  SetIfOne(r, fields::kLotDate, found);
}

void ReadNumber(DocReader& r, const FieldSpec& field, const std::vector<size_t>& rows) {
  const PageView& v = r.view();
  const std::set<std::string> own = OwnWords(*r.form(), field);
  std::vector<std::string> beside;
  for (const auto& b : field.beside) beside.push_back(FoldKey(b));
  std::vector<Candidate> found;
  for (size_t row : rows) {
    const auto& ids = v.rows()[row].words;
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string digits = NumberOf(v.words()[static_cast<size_t>(ids[i])].text);
      if (digits.size() < field.min_digits || digits.size() > field.max_digits) continue;
      bool named = false;
      // A word left of the number on its row names it (the nearest word
      // with letters).
      for (size_t j = i; j-- > 0 && !named;) {
        const std::string w = FoldKey(v.words()[static_cast<size_t>(ids[j])].text);
        if (w.empty() || IsAllDigits(w)) continue;
        named = std::any_of(own.begin(), own.end(), [&](const std::string& k) { return StandsFor(w, k); });
        if (!named && !std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) break;
      }
      // "CGSS de la Guadeloupe (971)": an organisme's name in the phrase
      // the number stands in (its neighbours closer than a column gap).
      if (!named && !beside.empty()) {
        for (int j : v.Phrase(ids[i], ids[i], 1.5 * v.word_height())) {
          const std::string w = FoldKey(v.words()[static_cast<size_t>(j)].text);
          named = named || std::find(beside.begin(), beside.end(), w) != beside.end();
        }
      }
      if (named) found.push_back({digits, {ids[i]}});
    }
  }
  SetIfOne(r, field.name, found);
}

// The partner's name in capitals on the first row of the heading block
// that holds the n° AM the header gave.
void ReadPartnerName(DocReader& r) {
  const PageView& v = r.view();
  const std::string* am = r.doc().Text(fields::kPartenaireIdentifiant);
  if (am == nullptr) return;
  const HeadingBlock block = SenderBlock(v);
  if (block.rows.empty()) return;
  std::string digits;
  for (size_t row : block.rows) {
    for (int i : SideWords(v, row, block.side)) digits += DigitsOf(v.words()[static_cast<size_t>(i)].text);
    digits += ' ';
  }
  if (digits.find(*am) == std::string::npos) return;
  std::vector<int> name;
  for (int i : SideWords(v, block.rows.front(), block.side)) {
    const std::string word = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
    if (word.size() >= 2 && IsUpperName(word)) name.push_back(i);
  }
  if (name.empty()) return;
  std::string text;
  for (int i : name) text += (text.empty() ? "" : " ") + TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
  r.SetText(fields::kPartenaireNom, text, v.MinConfidence(name), name);
}

// The words that are part of a label of a field other than `field`.
std::set<int> OtherLabelWords(const PageView& v, const FormSpec& form, const FieldSpec& field) {
  std::set<int> out;
  for (const FieldSpec& f : form.fields) {
    if (f.name == field.name) continue;
    for (const LabelHit& h : FindAnyLabel(v, f.labels)) {
      for (int i = h.first; i <= h.last; ++i) out.insert(i);
    }
  }
  return out;
}

// Stores the choice its candidates agree on, flagged: its label was not read.
void SetChoiceOfAnUnknownLabel(DocReader& r, const FieldSpec& field, const std::vector<Candidate>& found) {
  SetIfOne(r, field.name, found);
  if (!r.Has(field.name)) return;
  r.Doubt(field.name, "libellé inconnu ; « " + r.view().Join(found.front().words) + " » lu comme sa valeur : à vérifier");
}

void ReadChoice(DocReader& r, const FieldSpec& field, const std::vector<size_t>& rows) {
  const PageView& v = r.view();
  const std::set<int> others = OtherLabelWords(v, *r.form(), field);
  std::vector<Candidate> found;
  for (size_t row : rows) {
    const auto& ids = v.rows()[row].words;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (v.words()[static_cast<size_t>(ids[i])].text.find(':') == std::string::npos) continue;
      // "Nom du professionnel : …" is another field's label and value.
      if (others.contains(ids[i]) || (i > 0 && others.contains(ids[i - 1]))) continue;
      const std::vector<int> after(ids.begin() + static_cast<long>(i) + 1, ids.end());
      if (after.empty()) continue;
      if (const auto value = ChoiceIn(field, v.Join(after))) found.push_back({*value, after});
    }
  }
  SetChoiceOfAnUnknownLabel(r, field, found);
}

// The phrase of the row under `row` that starts under the word `id` (its
// first word overlapping the word's extent), or none.
std::vector<int> PhraseUnder(const PageView& v, const std::vector<size_t>& rows, size_t row, int id) {
  const auto next = std::find(rows.begin(), rows.end(), row + 1);
  if (next == rows.end()) return {};
  const PlacedWord& w = v.words()[static_cast<size_t>(id)];
  for (int i : v.rows()[*next].words) {
    const PlacedWord& u = v.words()[static_cast<size_t>(i)];
    if (u.x1 > w.x0 && u.x0 < w.x1) return v.Phrase(i, i, 1.5 * v.word_height());
  }
  return {};
}

// A choice whose wording is in no data file ("Règlement à" over
// "partenaire de santé"): one of its values in the phrase right of, or
// under, a word that stands for a word of its wordings alone among the
// form's fields ("règlement", "REGLT"). Flagged: the label was not read.
void ReadChoiceUnderItsWord(DocReader& r, const FieldSpec& field, const std::vector<size_t>& rows) {
  const PageView& v = r.view();
  const std::set<std::string> own = OwnWords(*r.form(), field, true);
  std::vector<Candidate> found;
  for (size_t row : rows) {
    const auto& ids = v.rows()[row].words;
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string w = FoldKey(v.words()[static_cast<size_t>(ids[i])].text);
      if (w.empty() || !std::any_of(own.begin(), own.end(), [&](const std::string& k) { return StandsFor(w, k); })) continue;
      std::vector<int> right;
      for (int j : v.Phrase(ids[i], ids[i], 1.5 * v.word_height())) {
        if (v.words()[static_cast<size_t>(j)].x0 > v.words()[static_cast<size_t>(ids[i])].x1) right.push_back(j);
      }
      for (const auto& phrase : {right, PhraseUnder(v, rows, row, ids[i])}) {
        if (phrase.empty()) continue;
        if (const auto value = ChoiceIn(field, v.Join(phrase))) found.push_back({*value, phrase});
      }
    }
  }
  SetChoiceOfAnUnknownLabel(r, field, found);
}

}  // namespace

std::optional<size_t> FirstInvoiceRow(const PageView& v) {
  for (size_t r = 0; r < v.rows().size(); ++r) {
    if (IsTableRow(v, v.rows()[r])) return r;
  }
  return std::nullopt;
}

void ReadBordereauHeaderByValue(DocReader& r) {
  if (r.form() == nullptr) return;
  const std::vector<size_t> rows = HeaderRows(r.view());
  if (rows.empty()) return;
  if (!r.Has(fields::kLotDate)) ReadDate(r, rows);
  for (const FieldSpec& field : r.form()->fields) {
    if (r.Has(field.name) || field.relations.empty()) continue;
    if (field.kind == "digits") ReadNumber(r, field, rows);
    if (field.kind == "choice") ReadChoice(r, field, rows);
    if (field.kind == "choice" && !r.Has(field.name)) ReadChoiceUnderItsWord(r, field, rows);
  }
  if (!r.Has(fields::kPartenaireNom)) ReadPartnerName(r);
}

}  // namespace liasse::extractors::internal
