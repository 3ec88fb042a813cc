#include "locate.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "email_value.h"
#include "labels.h"
#include "normalise.h"
#include "table.h"
#include "value_first.h"

namespace liasse::extractors::internal {

namespace {

// True when only marks without letters or digits ("--", "=", "*", a
// rule) or small words ("Le" of "Le malade") stand before the hit on its
// row: a listing prints its headings so.
bool AtRowStart(const PageView& v, const LabelHit& h) {
  const PlacedWord& w = v.words()[static_cast<size_t>(h.first)];
  for (int i : v.rows()[static_cast<size_t>(w.row)].words) {
    if (i == h.first) return true;
    if (!ContentWords(v.words()[static_cast<size_t>(i)].text).empty()) return false;
  }
  return false;
}

// True when nothing but marks follows the hit on its row. A heading's
// wording read with a confusion must stand alone so: "Maladie longue
// durée" is no "Malade" heading.
bool RowEndsAt(const PageView& v, const LabelHit& h) {
  const std::vector<int>& ids = v.rows()[static_cast<size_t>(v.words()[static_cast<size_t>(h.last)].row)].words;
  const auto at = std::find(ids.begin(), ids.end(), h.last);
  return std::all_of(at + 1, ids.end(), [&](int i) { return v.words()[static_cast<size_t>(i)].folded.empty(); });
}

// True when the hit's wording ends the phrase it starts: no word follows
// at a word's spacing ("Infirmier(e) diplômé(e) d'État - …" is a line of
// the praticien's block, no heading) but a mark, a colon, an aside in
// brackets or the next cell; read with a confusion, nothing but marks
// may follow (RowEndsAt).
bool EndsItsPhrase(const PageView& v, const LabelHit& h) {
  if (h.similarity < 1.0) return RowEndsAt(v, h);
  const PlacedWord& last = v.words()[static_cast<size_t>(h.last)];
  const std::vector<int>& ids = v.rows()[static_cast<size_t>(last.row)].words;
  const auto at = std::find(ids.begin(), ids.end(), h.last);
  if (at == ids.end() || at + 1 == ids.end()) return true;
  const PlacedWord& next = v.words()[static_cast<size_t>(*(at + 1))];
  if (next.folded.empty() || next.text.front() == '(' || next.x0 - last.x1 > 1.5 * v.word_height()) return true;
  return last.text.find(':') != std::string::npos;
}

// True for a box's rule read as text ("|", "[", "]"): no word of a heading.
bool RuleMark(const std::string& text) {
  return !text.empty() && text.find_first_not_of("|[]") == std::string::npos;
}

double Top(const PageView& v, int word) { return v.words()[static_cast<size_t>(word)].y0; }

// Where the page's rows start: the left margin (deskewed pixels), the
// lowest start of a fifth of the rows (stray marks further left ignored).
double LeftMargin(const PageView& v) {
  std::vector<double> starts;
  for (const Row& row : v.rows()) starts.push_back(v.words()[static_cast<size_t>(row.words.front())].x0);
  if (starts.empty()) return 0;
  std::sort(starts.begin(), starts.end());
  return starts[starts.size() / 5];
}

// True when row `r` reads as a heading whatever its wording: one short
// phrase alone on its row (marks before it allowed), at the left margin,
// without digits, colon or leader, not the page's first row (its title)
// and not the value of a row just above it (a name under its label; a row
// with digits, an address or a number, labels nothing below it).
bool HeadingLike(const PageView& v, size_t r, double margin) {
  const Row& row = v.rows()[r];
  const double wh = v.word_height();
  std::vector<int> content;
  for (int i : row.words) {
    const PlacedWord& w = v.words()[static_cast<size_t>(i)];
    const std::string key = FoldKey(w.text);
    if (key.empty()) {
      // A mark after the phrase ("Nom :") makes it a label; a box's rule does not.
      if (!content.empty() && !RuleMark(w.text)) return false;
      continue;
    }
    if (std::any_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    if (w.text.find(':') != std::string::npos || w.text.find("..") != std::string::npos) return false;
    if (!content.empty() && w.x0 - v.words()[static_cast<size_t>(content.back())].x1 > 1.5 * wh) return false;
    content.push_back(i);
  }
  if (content.empty() || content.size() > 4) return false;
  const PlacedWord& first = v.words()[static_cast<size_t>(content.front())];
  if (first.x0 > margin + 8 * v.mm()) return false;
  // The page's first row is its title ("FACTURE DE SOINS" at the margin), no section's heading.
  if (r == 0) return false;
  const Row& above = v.rows()[r - 1];
  if (row.y0 - above.y1 > 1.2 * wh) return true;
  const bool above_digits =
      std::any_of(above.words.begin(), above.words.end(), [&](int i) { return HasDigit(v.words()[static_cast<size_t>(i)].folded); });
  if (above_digits) return true;
  return std::none_of(above.words.begin(), above.words.end(), [&](int i) {
    const PlacedWord& w = v.words()[static_cast<size_t>(i)];
    return w.x1 > first.x0 && w.x0 < first.x1;
  });
}

// The section of the block rows [from, to) start, told by the kinds of
// value it holds (the form's `section_by_value`): a keyed identifier
// before a birth date (the assuré's block holds both when the assuré is
// the patient). Empty when nothing tells it.
std::string SectionByValue(const PageView& v, const FormSpec& form, size_t from, size_t to) {
  if (form.section_by_value.empty()) return "";
  const std::set<std::string> held = KindsHeld(v, from, to);
  for (const char* kind : {"nir", "numero_am", "birth_date"}) {
    const auto it = form.section_by_value.find(kind);
    if (it != form.section_by_value.end() && held.contains(kind)) return it->second;
  }
  // Last, a numéro AM read with a digit too many (the key passes one way
  // in ten by chance: weaker than any value above).
  const auto am = form.section_by_value.find("numero_am");
  if (am != form.section_by_value.end() && held.contains("numero_am_extra_digit")) return am->second;
  return "";
}

// Rows whose first word starts a label of a field of the form, read
// exactly ("N° FACTURE" over its number): a field's label, no section's
// heading.
std::set<int> RowsStartingWithALabel(const PageView& v, const FormSpec& form) {
  std::set<int> out;
  for (const auto& f : form.fields) {
    for (const auto& h : FindAnyLabel(v, f.labels)) {
      // Read exactly: "PRESCRIPTION" near "Prescription du" is still a heading.
      if (h.similarity >= 1.0 && AtRowStart(v, h)) out.insert(v.words()[static_cast<size_t>(h.first)].row);
    }
  }
  return out;
}

// A heading of one of the form's sections: where its block starts, its
// section ("" when nothing tells it) and whether a wording of the data
// names it (else its block's values told it, SectionByValue).
struct Heading {
  double top = 0;
  size_t row = 0;
  std::string section;
  bool named = false;
};

// Headings of the form's sections on the page, top to bottom. A heading
// in no wording of the data starts a block all the same when the block's
// values tell its section (SectionByValue).
std::vector<Heading> FindHeadings(const PageView& v, const FormSpec& form) {
  std::vector<Heading> out;
  std::set<int> known_rows;
  for (const auto& [name, titles] : form.sections) {
    for (const auto& h : FindAnyLabel(v, titles)) {
      if (!AtRowStart(v, h) || !EndsItsPhrase(v, h)) continue;
      const int row = v.words()[static_cast<size_t>(h.first)].row;
      out.push_back({Top(v, h.first), static_cast<size_t>(row), name, true});
      known_rows.insert(row);
    }
  }
  if (!form.section_by_value.empty()) {
    const double margin = LeftMargin(v);
    const std::set<int> label_rows = RowsStartingWithALabel(v, form);
    std::vector<size_t> starts;  // rows that start a block, known or not
    std::vector<size_t> unknown;
    for (size_t r = 0; r < v.rows().size(); ++r) {
      if (known_rows.contains(static_cast<int>(r))) {
        starts.push_back(r);
      } else if (HeadingLike(v, r, margin) && !label_rows.contains(static_cast<int>(r))) {
        starts.push_back(r);
        unknown.push_back(r);
      }
    }
    for (size_t r : unknown) {
      const auto next = std::upper_bound(starts.begin(), starts.end(), r);
      const size_t end = next == starts.end() ? v.rows().size() : *next;
      // A heading whose block tells no section still ends the one above
      // ("Prescription médicale" after the patient's block).
      out.push_back({v.rows()[r].y0, r, SectionByValue(v, form, r, end), false});
    }
  }
  std::sort(out.begin(), out.end(), [](const Heading& a, const Heading& b) { return a.top < b.top; });
  return out;
}

// FindHeadings, once per page and form: every field of a section asks.
const std::vector<Heading>& Headings(const PageView& v, const FormSpec& form) {
  return v.Derived<std::vector<Heading>>(&form, [&] { return FindHeadings(v, form); });
}

// The heading whose block holds a word whose top is `top`; nullptr above
// every heading.
const Heading* HeadingOver(const PageView& v, const std::vector<Heading>& headings, double top) {
  const Heading* over = nullptr;
  for (const auto& h : headings) {
    if (h.top <= top + 0.25 * v.word_height()) over = &h;
  }
  return over;
}

// Words that start a label of any field of the form: a value stops there.
std::set<int> LabelStarts(const PageView& v, const FormSpec& form) {
  std::set<int> out;
  for (const auto& f : form.fields) {
    for (const auto& h : FindAnyLabel(v, f.labels)) {
      if (h.last > h.first || v.words()[static_cast<size_t>(h.first)].folded.size() > 3) out.insert(h.first);
    }
  }
  return out;
}

// The value's first word is never cut: a value may read like a label
// ("partenaire de santé" as the destinataire du règlement).
std::vector<int> CutAtLabel(std::vector<int> ids, const std::set<int>& starts) {
  for (size_t k = 1; k < ids.size(); ++k) {
    if (starts.contains(ids[k])) {
      ids.resize(k);
      break;
    }
  }
  return ids;
}

// The words under the label: the first row below (within two and a half
// word heights) holding a word across the label's extent, from that word
// on while the words stay close.
std::vector<int> Below(const PageView& v, const LabelHit& hit, const std::set<int>& starts) {
  const PlacedWord& a = v.words()[static_cast<size_t>(hit.first)];
  const PlacedWord& b = v.words()[static_cast<size_t>(hit.last)];
  const double wh = v.word_height();
  const double x0 = a.x0 - wh, x1 = b.x1 + wh;
  for (size_t r = static_cast<size_t>(b.row) + 1; r < v.rows().size(); ++r) {
    const Row& row = v.rows()[r];
    if (row.y0 - b.y1 > 2.5 * wh) break;
    std::vector<int> out;
    for (int i : row.words) {
      const PlacedWord& w = v.words()[static_cast<size_t>(i)];
      if (out.empty()) {
        if (w.x1 > x0 && w.x0 < x1) out.push_back(i);
        continue;
      }
      if (w.x0 - v.words()[static_cast<size_t>(out.back())].x1 > 1.5 * wh) break;
      out.push_back(i);
    }
    out = CutAtLabel(out, starts);
    if (!out.empty()) return out;
  }
  return {};
}

// The words under a label, as Below; a choice whose wording reads like
// another field's label ("le praticien" under "Bénéficiaire du paiement",
// "praticien" being a label of the partner's name) is taken on up to the
// first of its wordings when the cut left none that fits.
std::vector<int> AfterLeader(const PageView& v, std::vector<int> ids);

std::vector<int> BelowValue(const DocReader& r, const FieldSpec& field, const LabelHit& hit, const std::set<int>& starts) {
  // The row below may be a label, its leader and its value ("NOM ..... :
  // ROBERT" under a heading taken for the label): the value after the leader.
  std::vector<int> ids = AfterLeader(r.view(), Below(r.view(), hit, starts));
  if (field.kind != "choice" || ids.empty() || FitsKind(field, r.Make(ids, hit.similarity).text)) return ids;
  const std::vector<int> all = Below(r.view(), hit, {});
  if (all.size() <= ids.size() || !std::equal(ids.begin(), ids.end(), all.begin())) return ids;
  for (size_t n = ids.size() + 1; n <= all.size(); ++n) {
    const std::vector<int> longer(all.begin(), all.begin() + static_cast<long>(n));
    if (FitsKind(field, r.Make(longer, hit.similarity).text)) return longer;
  }
  return ids;
}

// The words of `text`, glued punctuation trimmed.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t j = std::min(text.find(' ', i), text.size());
    std::string t = TrimPunctuation(text.substr(i, j - i));
    if (!t.empty()) out.push_back(std::move(t));
    i = j + 1;
  }
  return out;
}

bool HasUpperAndCapitalised(const std::string& text) {
  bool upper = false, cap = false;
  for (const auto& t : Words(text)) {
    upper = upper || IsUpperName(t);
    cap = cap || IsCapitalisedName(t);
  }
  return upper && cap;
}

bool HasMaterial(const FieldSpec& field, const std::string& text) {
  static const char* numeric[] = {"date",  "amount",    "nir",        "numero_am", "digits", "rpps",
                                  "phone", "reference", "birth_check", "adherent"};
  const bool wants_digits = std::any_of(std::begin(numeric), std::end(numeric), [&](const char* k) { return field.kind == k; });
  if (!wants_digits) return true;
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when `text` begins with a leader: dots or underscores run from a
// label to its value ("NOM USUEL ........ GARCIA"), or a lone colon.
bool StartsWithLeader(const std::string& text) {
  if (text == ":") return true;
  size_t n = 0;
  while (n < text.size() && (text[n] == '.' || text[n] == '_' || text[n] == ',')) ++n;
  return n >= 3;
}

// Words of a wording the data does not have ("USUEL" of "NOM USUEL"), a
// leader after them, then the value: the value starts after the leader.
// Only words without digits may be the label's, at most two, and the
// leader must have words after it (else it closes the value).
std::vector<int> AfterLeader(const PageView& v, std::vector<int> ids) {
  for (size_t j = 1; j < ids.size() && j <= 2; ++j) {
    const std::string& text = v.words()[static_cast<size_t>(ids[j])].text;
    const bool label_words = std::all_of(ids.begin(), ids.begin() + static_cast<long>(j), [&](int i) {
      const std::string& f = v.words()[static_cast<size_t>(i)].folded;
      return !f.empty() && std::none_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
    if (!label_words) return ids;
    if (!StartsWithLeader(text)) continue;
    // The leader glued to the value ("......GARCIA") is the value's word.
    const bool glued = !v.words()[static_cast<size_t>(ids[j])].folded.empty();
    const size_t from = glued ? j : j + 1;
    if (from >= ids.size()) return ids;
    return std::vector<int>(ids.begin() + static_cast<long>(from), ids.end());
  }
  return ids;
}

// The words right of a label, cut at the next label; a choice, whose
// wordings may read like another field's label ("partenaire de santé"),
// is taken on up to the first of its wordings when the cut left none.
std::vector<int> RightValue(const DocReader& r, const FieldSpec& field, const LabelHit& hit, const std::set<int>& starts) {
  const std::vector<int> all = r.view().RightOf(hit, field.max_gap_mm);
  std::vector<int> ids = AfterLeader(r.view(), CutAtLabel(all, starts));
  if (field.kind != "choice" || ids.empty() || FitsKind(field, r.Make(ids, hit.similarity).text)) return ids;
  for (size_t n = ids.size() + 1; n <= all.size(); ++n) {
    const std::vector<int> longer(all.begin(), all.begin() + static_cast<long>(n));
    if (FitsKind(field, r.Make(longer, hit.similarity).text)) return longer;
  }
  return ids;
}

// True when the words `right` of a label carry its wording on ("NOM DE
// NAISSANCE" where the data has "Nom"): a phrase at a word's spacing from
// the label, without digit, colon or leader, over a value standing under
// the label's start that is no label itself. The value is then below.
bool LabelGoesOn(const PageView& v, const LabelHit& hit, const std::vector<int>& right, const std::vector<int>& below,
                 const std::set<int>& starts) {
  if (right.empty() || below.empty() || starts.contains(below.front())) return false;
  const double wh = v.word_height();
  const PlacedWord& first = v.words()[static_cast<size_t>(hit.first)];
  double x = v.words()[static_cast<size_t>(hit.last)].x1;
  if (v.words()[static_cast<size_t>(hit.last)].text.find(':') != std::string::npos) return false;
  for (int i : right) {
    const PlacedWord& w = v.words()[static_cast<size_t>(i)];
    if (w.x0 - x > wh) return false;
    if (w.text.find(':') != std::string::npos || w.text.find("..") != std::string::npos) return false;
    if (std::any_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    x = w.x1;
  }
  return std::abs(v.words()[static_cast<size_t>(below.front())].x0 - first.x0) < 2 * wh;
}

}  // namespace

std::optional<std::string> ChoiceIn(const FieldSpec& field, const std::string& text) {
  // The wording standing first in the text: "assuré … partenaire" is the assuré.
  const std::string folded = FoldKey(text);
  std::optional<std::pair<size_t, std::string>> first;
  for (const auto& [wording, value] : field.choices) {
    const size_t at = folded.find(FoldKey(wording));
    if (at != std::string::npos && (!first || at < first->first)) first = std::make_pair(at, value);
  }
  if (!first) return std::nullopt;
  return first->second;
}

bool FitsKind(const FieldSpec& field, const std::string& text) {
  const std::string& k = field.kind;
  const auto tokens = Words(text);
  auto any = [&](const auto& pred) { return std::any_of(tokens.begin(), tokens.end(), pred); };
  if (k == "date" || k == "birth_check") return FindDate(text).has_value();
  if (k == "amount") {
    return ParseAmountText(text).has_value() || any([](const std::string& t) { return ParseAmountText(t).has_value(); });
  }
  if (k == "nir") return DigitsOf(text).size() >= 13;
  if (k == "numero_am") return DigitsOf(text).size() >= 9;
  if (k == "digits" || k == "rpps") {
    for (const auto& t : tokens) {
      const size_t n = DigitsOf(t).size();
      if (n == 0) continue;
      return n >= field.min_digits && n <= field.max_digits;
    }
    return false;
  }
  if (k == "name") return any([](const std::string& t) { return IsUpperName(t); });
  if (k == "person") return HasUpperAndCapitalised(text);
  if (k == "given_name") return any([](const std::string& t) { return IsCapitalisedName(t); });
  if (k == "phone") return DigitsOf(text).size() >= 10;
  if (k == "email") return LooksLikeEmail(text);
  if (k == "reference") return any([](const std::string& t) { return DigitsOf(t).size() >= 3; });
  if (k == "adherent") return any([](const std::string& t) { return DigitsOf(t).size() >= 4; });
  if (k == "choice") return ChoiceIn(field, text).has_value();
  return !text.empty();
}

namespace {

// True when `section` is the one section of the form that no heading of
// the page starts: a block left unnamed can only be its.
bool OnlySectionWithoutHeading(const std::vector<Heading>& headings, const FormSpec& form, const std::string& section) {
  for (const auto& entry : form.sections) {
    const std::string& name = entry.first;  // clang 14 lets no lambda capture a structured binding
    const bool headed = std::any_of(headings.begin(), headings.end(), [&](const Heading& h) { return h.section == name; });
    if (headed == (name == section)) return false;
  }
  return true;
}

}  // namespace

std::vector<LabelHit> FieldLabels(const PageView& v, const FormSpec& form, const FieldSpec& field) {
  auto hits = FindAnyLabel(v, field.labels);
  if (field.section.empty()) return hits;
  const auto& headings = Headings(v, form);
  const bool found = std::any_of(headings.begin(), headings.end(), [&](const Heading& h) { return h.section == field.section; });
  if (!found) {
    // No heading for the section: a single occurrence is the field's,
    // unless it stands under another section's heading ("Nom / prénom" in
    // the praticien's block is no patient's name when the OCR lost the
    // patient's block). Of several, those in another section's block are
    // not; when every other section has its heading, the one left under a
    // heading nothing names is the field's by elimination.
    if (hits.size() == 1) {
      const Heading* over = HeadingOver(v, headings, Top(v, hits.front().first));
      if (over != nullptr && !over->section.empty() && over->section != field.section) hits.clear();
      return hits;
    }
    if (hits.size() > 1 && OnlySectionWithoutHeading(headings, form, field.section)) {
      std::erase_if(hits, [&](const LabelHit& h) {
        const Heading* over = HeadingOver(v, headings, Top(v, h.first));
        return over == nullptr || !over->section.empty();
      });
    }
    if (hits.size() > 1) hits.clear();
    return hits;
  }
  std::erase_if(hits, [&](const LabelHit& h) {
    const Heading* over = HeadingOver(v, headings, Top(v, h.first));
    return over == nullptr || over->section != field.section;
  });
  return hits;
}

bool ByElimination(const PageView& v, const FormSpec& form, const FieldSpec& field, const LabelHit& hit) {
  if (field.section.empty()) return false;
  const auto& headings = Headings(v, form);
  if (!OnlySectionWithoutHeading(headings, form, field.section)) return false;
  const Heading* over = HeadingOver(v, headings, Top(v, hit.first));
  return over != nullptr && over->section.empty() && FindAnyLabel(v, field.labels).size() > 1;
}

std::vector<SectionBlock> SectionBlocks(const PageView& v, const FormSpec& form, const std::string& section) {
  const auto& headings = Headings(v, form);
  std::vector<SectionBlock> out;
  for (size_t i = 0; i < headings.size(); ++i) {
    if (headings[i].section != section) continue;
    size_t to = v.rows().size();
    for (size_t j = i + 1; j < headings.size(); ++j) {
      if (headings[j].row > headings[i].row) {
        to = headings[j].row;
        break;
      }
    }
    out.push_back({headings[i].row, to, headings[i].named});
  }
  return out;
}

namespace {

// True when a label of another field covers `hit` and is longer: the
// words are that label's ("Date" in "Date de naissance").
bool InsideLongerLabel(const PageView& v, const FormSpec& form, const FieldSpec& field, const LabelHit& hit) {
  for (const auto& other : form.fields) {
    if (other.name == field.name) continue;
    for (const auto& h : FindAnyLabel(v, other.labels)) {
      if (h.first <= hit.first && h.last >= hit.last && h.last - h.first > hit.last - hit.first) return true;
    }
  }
  return false;
}

// True when another field's wordings match the words of `hit` more closely.
bool CloserToAnother(const PageView& v, const FormSpec& form, const FieldSpec& field, const LabelHit& hit) {
  for (const auto& other : form.fields) {
    if (other.name == field.name) continue;
    for (const auto& h : FindAnyLabel(v, other.labels)) {
      if (h.first <= hit.last && hit.first <= h.last && h.similarity > hit.similarity) return true;
    }
  }
  return false;
}

// True when the words `ids` are, all of them and nothing more, a label of
// another field of the form ("PRÉNOM" right of "NOM" in a row of two
// cells): that is the next field's label, not this one's value. A choice
// is exempt: its values may be worded as labels ("partenaire de santé").
bool WhollyAnotherLabel(const PageView& v, const FormSpec& form, const FieldSpec& field, const std::vector<int>& ids) {
  if (ids.empty() || field.kind == "choice") return false;
  for (const auto& other : form.fields) {
    if (other.name == field.name) continue;
    for (const auto& h : FindAnyLabel(v, other.labels)) {
      if (h.first == ids.front() && h.last == ids.back()) return true;
    }
  }
  return false;
}

// Letters of the label's wording: a longer wording is a more specific one.
size_t WordingLength(const PageView& v, const LabelHit& h) {
  size_t n = 0;
  for (int i = h.first; i <= h.last; ++i) n += v.words()[static_cast<size_t>(i)].folded.size();
  return n;
}

}  // namespace

// Words that head a column of one of the form's tables: a label among them
// names the column ("Montant TTC" over the amounts), not a field of the
// form, and what stands below it is the column's first cell.
std::set<int> TableHeaderWords(const PageView& v, const FormSpec& form) {
  std::set<int> out;
  for (const auto& [name, spec] : form.tables) {
    const TableHeader h = FindTableHeader(v, spec);
    if (!h.ok()) continue;
    for (int i : v.rows()[static_cast<size_t>(h.row)].words) {
      const PlacedWord& w = v.words()[static_cast<size_t>(i)];
      const double centre = (w.x0 + w.x1) / 2;
      for (const auto& col : h.columns) {
        if (!col.name.empty() && centre >= col.x0 && centre <= col.x1) out.insert(i);
      }
    }
  }
  return out;
}

std::vector<Located> LocateField(const DocReader& r, const FormSpec& form, const FieldSpec& field) {
  const PageView& v = r.view();
  const std::set<int> starts = LabelStarts(v, form);
  const std::set<int> column_heads = TableHeaderWords(v, form);
  std::vector<Located> out;
  for (const auto& hit : FieldLabels(v, form, field)) {
    if (InsideLongerLabel(v, form, field, hit)) continue;
    if (column_heads.count(hit.first) != 0 && column_heads.count(hit.last) != 0) continue;
    for (const Relation rel : field.relations) {
      std::optional<Found> f;
      if (rel == Relation::kRight) {
        LabelHit h = hit;
        auto ids = RightValue(r, field, h, starts);
        if (ids.empty() && h.glued_value.empty()) continue;
        if (h.glued_value.empty() && WhollyAnotherLabel(v, form, field, ids)) continue;
        const bool below_too = std::find(field.relations.begin(), field.relations.end(), Relation::kBelow) != field.relations.end();
        if (h.glued_value.empty() && below_too && LabelGoesOn(v, hit, ids, Below(v, hit, starts), starts)) continue;
        if (!h.glued_value.empty()) {
          f = r.ValueOf(h, field.max_gap_mm, 1e9);
          if (f) {
            // Keep ValueOf's glued reading, cut like the others.
            std::vector<int> kept = {h.last};
            for (int i : ids) kept.push_back(i);
            f->words = kept;
          }
        } else {
          f = r.Make(ids, hit.similarity);
          // Another field's label standing right of this one, with no value of
          // this field's kind: the value is elsewhere (below the label).
          if (starts.contains(ids.front()) && !FitsKind(field, f->text)) continue;
        }
      } else {
        const auto ids = BelowValue(r, field, hit, starts);
        if (ids.empty()) continue;
        f = r.Make(ids, hit.similarity);
      }
      if (!f || f->text.empty()) continue;
      // Words without the kind's raw material (no digit right of a number's
      // label: "N° d'adhérent CPMS") are the label's end, not its value:
      // the next relation may hold it.
      if (!HasMaterial(field, f->text) && rel != field.relations.back()) continue;
      Located l{*f, hit, rel, FitsKind(field, f->text)};
      out.push_back(std::move(l));
      // The label's value is where something stands first: a misread value
      // right of it is not replaced by whatever fits below.
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const Located& a, const Located& b) {
    if (a.fits != b.fits) return a.fits;
    if (a.hit.similarity != b.hit.similarity) return a.hit.similarity > b.hit.similarity;
    return WordingLength(v, a.hit) > WordingLength(v, b.hit);
  });
  // A value that does not fit is kept only when it holds the kind's raw
  // material (digits for numbers and dates): a second reading may mend it.
  std::erase_if(out, [&](const Located& l) { return !l.fits && !HasMaterial(field, l.found.text); });
  return out;
}

std::vector<LabelHit> OwnLabels(const PageView& v, const FormSpec& form, const FieldSpec& field) {
  auto hits = FieldLabels(v, form, field);
  std::erase_if(hits, [&](const LabelHit& h) { return InsideLongerLabel(v, form, field, h) || CloserToAnother(v, form, field, h); });
  return hits;
}

}  // namespace liasse::extractors::internal
