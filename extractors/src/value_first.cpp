#include "value_first.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "boxed_digits.h"
#include "envelope_names.h"
#include "field_values.h"
#include "labels.h"
#include "liasse/core/fields.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/text.h"
#include "locate.h"
#include "normalise.h"
#include "page_dates.h"
#include "table.h"
#include "validate.h"

namespace liasse::extractors::internal {

namespace {

// The digits of every text field already set: a value another field holds
// is not a candidate.
std::set<std::string> TakenDigits(DocReader& r) {
  std::set<std::string> taken;
  for (const auto& [name, field] : r.doc().fields) {
    if (const auto* text = std::get_if<std::string>(&field.value)) taken.insert(DigitsOf(*text));
  }
  return taken;
}

// The NIR characters of one OCR word: box rules ("2|5|6|0") dropped when
// there are two or more (a rule is never a digit of the number), letters
// the OCR confuses with digits mapped in a word that is mostly digits, and
// the A or B of a Corsican département after its '2' at the 6th place.
// Empty for a word that is not mostly digits ("SS", "N°") and for a
// date or an amount.
std::string NirCharactersOf(const std::string& word, size_t already) {
  const auto rules = std::count_if(word.begin(), word.end(), [](char c) { return c == '|' || c == '[' || c == ']'; });
  std::string w;
  for (char c : word) {
    if (rules >= 2 && (c == '|' || c == '[' || c == ']')) continue;
    w += c;
  }
  // A date or an amount ("08/11/23", "13,5") is no group of a number.
  const std::string inner = TrimPunctuation(w);
  if (inner.find_first_of("/,.:") != std::string::npos) return "";
  const auto digits = std::count_if(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto letters = std::count_if(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  if (digits == 0 || letters > digits) return "";
  bool repaired = false;
  std::string out;
  for (char c : MapConfusables(w, &repaired)) {
    if (c >= '0' && c <= '9') out += c;
    else if ((c == 'A' || c == 'B') && already + out.size() == 6 && !out.empty() && out.back() == '2') out += c;
  }
  return out;
}

struct Candidate {
  std::string value;
  std::vector<int> words;
};

void AddCandidate(std::vector<Candidate>& out, std::string value, std::vector<int> words) {
  if (std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.value == value; })) return;
  out.push_back({std::move(value), std::move(words)});
}

// The words of rows [from, end) that hold, alone, a number of ten digits
// giving exactly one valid numéro AM once its extra digit is dropped
// (NumeroAmWithExtraDigit), no part of a value another field holds.
std::vector<Candidate> NumerosAmWithExtraDigit(const PageView& v, size_t from, size_t end, const std::set<std::string>& taken) {
  std::vector<Candidate> out;
  for (size_t row = from; row < end && row < v.rows().size(); ++row) {
    for (int id : v.rows()[row].words) {
      const std::string chars = NirCharactersOf(v.words()[static_cast<size_t>(id)].text, 0);
      if (chars.size() != 10 || taken.contains(chars)) continue;
      if (auto am = NumeroAmWithExtraDigit(chars)) AddCandidate(out, *am, {id});
    }
  }
  return out;
}

// True when the words [from, to) of a row stand apart from any number
// next to them: a run inside a longer number is not a value of its own.
bool Apart(const PageView& v, const std::vector<int>& ids, size_t from, size_t to) {
  auto digit_word_close = [&](size_t a, size_t b) {
    const PlacedWord& left = v.words()[static_cast<size_t>(ids[a])];
    const PlacedWord& right = v.words()[static_cast<size_t>(ids[b])];
    const PlacedWord& other = a + 1 == from ? left : right;
    const bool digits = std::any_of(other.text.begin(), other.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits && right.x0 - left.x1 < v.word_height();
  };
  if (from > 0 && digit_word_close(from - 1, from)) return false;
  if (to < ids.size() && digit_word_close(to - 1, to)) return false;
  return true;
}

// Runs of consecutive words of each row in [from, end) whose characters make
// exactly `length` characters accepted by `valid`, starting and ending at
// word boundaries, apart from the numbers around them, no part of a value
// another field holds.
std::vector<Candidate> RunsOfKind(const PageView& v, size_t from, size_t end, size_t length, const std::set<std::string>& taken,
                                  const std::function<bool(const std::string&)>& valid) {
  std::vector<Candidate> out;
  for (size_t row = from; row < end && row < v.rows().size(); ++row) {
    const std::vector<int>& ids = v.rows()[row].words;
    for (size_t i = 0; i < ids.size(); ++i) {
      std::string chars;
      std::vector<int> words;
      for (size_t j = i; j < ids.size() && chars.size() < length; ++j) {
        const std::string& text = v.words()[static_cast<size_t>(ids[j])].text;
        const std::string part = NirCharactersOf(text, chars.size());
        // A lone rule between boxes ("|") is passed over; any other word without digits ends the run.
        if (part.empty() && text.find_first_not_of("|[]") != std::string::npos) break;
        chars += part;
        words.push_back(ids[j]);
      }
      const bool others = std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return t.find(chars) != std::string::npos; });
      if (chars.size() == length && valid(chars) && !others && Apart(v, ids, i, i + words.size())) AddCandidate(out, chars, words);
    }
  }
  return out;
}

// Of several candidates of `kind`, those standing in a block of the
// section that a value of that kind tells (the form's `section_by_value`:
// a numéro AM in the praticien's block, not the invoice number above).
std::vector<Candidate> InSectionOfKind(const PageView& v, const FormSpec& form, const std::string& kind, const std::vector<Candidate>& all) {
  const auto it = form.section_by_value.find(kind);
  if (it == form.section_by_value.end()) return {};
  const auto blocks = SectionBlocks(v, form, it->second);
  std::vector<Candidate> out;
  for (const auto& c : all) {
    const auto row = static_cast<size_t>(v.words()[static_cast<size_t>(c.words.front())].row);
    if (std::any_of(blocks.begin(), blocks.end(), [&](const SectionBlock& b) { return row >= b.from && row < b.to; })) out.push_back(c);
  }
  return out;
}

std::string List(const std::vector<Candidate>& candidates) {
  std::string list;
  for (const auto& c : candidates) list += (list.empty() ? "« " : " ou « ") + c.value + " »";
  return list;
}

// One amount of the page: its value and words.
struct PrintedAmount {
  Money value;
  std::vector<int> words;
};

// Amounts with their cents ("53,04", "1 234,56") on the rows that hold no
// date: totals and sub-totals, not act rows.
std::vector<PrintedAmount> AmountsOutsideDatedRows(const PageView& v) {
  std::vector<PrintedAmount> out;
  for (const Row& row : v.rows()) {
    const auto dated = std::any_of(row.words.begin(), row.words.end(), [&](int i) {
      return ParseDateText(TrimPunctuation(v.words()[static_cast<size_t>(i)].text)).has_value();
    });
    if (dated) continue;
    for (size_t k = 0; k < row.words.size(); ++k) {
      const std::string t = TrimPunctuation(v.words()[static_cast<size_t>(row.words[k])].text);
      const auto sep = t.find_last_of(",.");
      if (sep == std::string::npos || t.size() - sep != 3) continue;
      std::vector<int> ids = {row.words[k]};
      std::string text = t;
      // A thousands group printed apart ("1 234,56").
      if (k > 0) {
        const std::string before = TrimPunctuation(v.words()[static_cast<size_t>(row.words[k - 1])].text);
        if (!before.empty() && before.size() <= 3 && std::all_of(before.begin(), before.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          const PlacedWord& a = v.words()[static_cast<size_t>(row.words[k - 1])];
          if (v.words()[static_cast<size_t>(row.words[k])].x0 - a.x1 < 0.6 * v.word_height()) {
            text = before + " " + t;
            ids.insert(ids.begin(), row.words[k - 1]);
          }
        }
      }
      if (auto m = ParseAmountText(text)) out.push_back({m->value, ids});
    }
  }
  return out;
}

bool RuleShaped(char c) { return c == '|' || c == '[' || c == ']' || c == 'l' || c == 'I' || c == '/' || c == '}' || c == '{'; }

// Longer than any number printed whole (a NIR and its key: 15), digits and
// rules only: the rules read as '1's between the characters
// ("[118101011161311111313|415").
constexpr size_t kLongerThanAPrintedNumber = 18;

// A word of characters printed one per box, the box rules read among them
// ("1[7l2lol7lulu", "|2|5|6|0"): long, with rules and letters shaped like
// rules between the characters, or digits and rules longer than a number.
bool BoxedWord(const std::string& word) {
  const std::string w(text::Trim(word));  // the OCR may keep a blank before the first rule
  if (w.size() < 8) return false;
  const auto rules = std::count_if(w.begin(), w.end(), RuleShaped);
  if (rules >= 3 && static_cast<size_t>(rules) * 3 >= w.size()) return true;
  return w.size() >= kLongerThanAPrintedNumber &&
         std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || RuleShaped(c); });
}

std::optional<Date> DateOfWord(const PageView& v, int id) {
  const std::string t = TrimPunctuation(v.words()[static_cast<size_t>(id)].text);
  if (t.size() < 8) return std::nullopt;
  const auto d = ParseDateText(t);
  if (!d) return std::nullopt;
  return d->value;
}

// The NIRs read box by box on the rows above the form's tables where the
// OCR read box rules among the characters: one is set (flagged when a box
// was deduced from the key or the form has another NIR field); several go
// to review. False when none is read.
// The NIR the OCR's own reading of boxes gives, rules and characters
// alternating from word `id` to the row's end (DecodeBoxedCharacters),
// when its key passes: what the box-by-box re-read could not read.
std::optional<BoxedNir> BoxedNirInTheText(const PageView& v, size_t row, int id) {
  std::string text;
  bool from = false;
  for (int w : v.rows()[row].words) {
    from = from || w == id;
    if (from) text += v.words()[static_cast<size_t>(w)].text + " ";
  }
  const std::string chars = DecodeBoxedCharacters(text);
  if (chars.size() < 15 || !Nir::Parse(chars.substr(0, 15)).ok()) return std::nullopt;
  return BoxedNir{chars.substr(0, 15), v.Cover(v.rows()[row].words), true};
}

bool ReadNirInBoxes(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  const PageView& v = r.view();
  std::vector<BoxedNir> found;
  std::set<int> rows_read;
  const size_t end = FirstTableRow(r, form);
  for (size_t row = 0; row < end; ++row) {
    for (int id : v.rows()[row].words) {
      if (!BoxedWord(v.words()[static_cast<size_t>(id)].text) || !rows_read.insert(static_cast<int>(row)).second) continue;
      auto nir = ReadBoxedNirAt(r, id);
      if (!nir) nir = BoxedNirInTheText(v, row, id);
      if (nir && std::none_of(found.begin(), found.end(), [&](const BoxedNir& n) { return n.value == nir->value; })) {
        found.push_back(*nir);
      }
    }
  }
  if (found.empty()) return false;
  if (found.size() > 1) {
    r.Review(field.name, "libellé introuvable ; plusieurs NIR lus dans des cases : « " + found[0].value + " » ou « " + found[1].value + " »");
    return true;
  }
  const bool other_nir = std::any_of(form.fields.begin(), form.fields.end(), [&](const FieldSpec& f) {
    return f.kind == "nir" && f.name != field.name;
  });
  const bool doubt = found.front().deduced || other_nir;
  r.SetText(field.name, found.front().value, doubt ? 0.6 : 0.95, {});
  r.doc().fields[field.name].box = found.front().cover;
  // A character the OCR lost, which the key gives back, or characters
  // told from the box rules the OCR read among them: a doubt of the
  // reading, settled by the same NIR read surely on the lot's bordereau.
  if (found.front().deduced) r.Doubt(field.name, "NIR lu dans ses cases avec doute, sa clé le confirme : à vérifier");
  else if (other_nir) r.Review(field.name, "libellé introuvable ; seul NIR de la page, son rôle est à vérifier");
  return true;
}

}  // namespace

std::optional<std::string> NumeroAmWithExtraDigit(const std::string& digits) {
  if (digits.size() != 10) return std::nullopt;
  std::vector<std::string> ways = CollapseDoubledDigit(digits, 9);
  ways.push_back(digits.substr(1));
  ways.push_back(digits.substr(0, 9));
  std::optional<std::string> found;
  for (const auto& w : ways) {
    if (!NumeroAm::Parse(w).ok() || w == found) continue;
    if (found) return std::nullopt;
    found = w;
  }
  return found;
}

std::set<std::string> KindsHeld(const PageView& v, size_t from, size_t to) {
  std::set<std::string> out;
  std::optional<Date> latest;
  for (const Row& row : v.rows()) {
    for (int id : row.words) {
      if (const auto d = DateOfWord(v, id); d && (!latest || *latest < *d)) latest = d;
    }
  }
  to = std::min(to, v.rows().size());
  for (size_t r = from; r < to; ++r) {
    const std::vector<int>& ids = v.rows()[r].words;
    std::string run;
    for (int id : ids) {
      const std::string& text = v.words()[static_cast<size_t>(id)].text;
      if (BoxedWord(text)) out.insert("nir");
      const std::string part = NirCharactersOf(text, run.size());
      run = part.empty() ? std::string() : run + part;
      if (run.size() >= 13) out.insert("nir");
      if (const auto d = DateOfWord(v, id); d && latest && d->AddDays(2 * 365) <= *latest) out.insert("birth_date");
    }
  }
  if (from < to && !RunsOfKind(v, from, to, 9, {}, [](const std::string& c) { return NumeroAm::Parse(c).ok(); }).empty()) {
    out.insert("numero_am");
  }
  if (from < to && !NumerosAmWithExtraDigit(v, from, to, {}).empty()) out.insert("numero_am_extra_digit");
  return out;
}

void ReadNameAfterTitle(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name) || field.titles.empty()) return;
  const PageView& v = r.view();
  std::set<std::string> titles;
  for (const auto& t : field.titles) titles.insert(FoldKey(t));
  struct Name {
    std::string nom;
    bool sure = false;
    std::vector<int> words;
  };
  std::vector<Name> names;
  const size_t end = FirstTableRow(r, form);
  for (size_t row = 0; row < end; ++row) {
    const std::vector<int>& ids = v.rows()[row].words;
    for (size_t i = 0; i + 1 < ids.size(); ++i) {
      if (!titles.contains(FoldKey(v.words()[static_cast<size_t>(ids[i])].text))) continue;
      // The name: the words after the title, letters only, at a word's spacing.
      std::vector<int> words;
      double x = v.words()[static_cast<size_t>(ids[i])].x1;
      for (size_t j = i + 1; j < ids.size() && words.size() < 4; ++j) {
        const PlacedWord& w = v.words()[static_cast<size_t>(ids[j])];
        const std::string t = TrimPunctuation(w.text);
        if (w.x0 - x > 1.5 * v.word_height() || !(IsUpperName(t) || IsCapitalisedName(t))) break;
        // A word just before a number is that number's label ("RPPS
        // 10820942229"); a date in the next column is no number's, nor
        // is a date the OCR garbled there ("Oou.O1.2025": no number's
        // digits alone).
        if (j + 1 < ids.size()) {
          const PlacedWord& next = v.words()[static_cast<size_t>(ids[j + 1])];
          const std::string next_text = TrimPunctuation(next.text);
          const bool digits = std::any_of(next.text.begin(), next.text.end(), [](char c) { return c >= '0' && c <= '9'; });
          const bool apart = next.x0 - w.x1 > 1.5 * v.word_height() && (ParseDateText(next_text).has_value() || !IsAllDigits(next_text));
          if (digits && !apart) break;
        }
        words.push_back(ids[j]);
        x = w.x1;
      }
      if (words.empty()) continue;
      Name name{"", false, words};
      bool capitalised = false;
      for (int id : words) {
        const std::string t = TrimPunctuation(v.words()[static_cast<size_t>(id)].text);
        if (IsCapitalisedName(t) && !IsUpperName(t)) capitalised = true;
        else if (IsUpperName(t) && capitalised && name.nom.empty()) name.nom = t;
      }
      name.sure = !name.nom.empty();
      if (!name.sure) name.nom = TrimPunctuation(v.words()[static_cast<size_t>(words.back())].text);
      if (words.size() < 2 && !name.sure) continue;  // a title over a lone word: no first name to tell the nom by
      if (std::none_of(names.begin(), names.end(), [&](const Name& n) { return n.nom == name.nom; })) names.push_back(name);
    }
  }
  if (names.empty()) return;
  if (names.size() > 1) {
    return r.Review(field.name, "libellé introuvable ; plusieurs noms après un titre : « " + names[0].nom + " » ou « " + names[1].nom + " »");
  }
  r.SetText(field.name, names.front().nom, names.front().sure ? 0.85 : 0.5, names.front().words);
  if (!names.front().sure) r.Review(field.name, "nom lu après le titre, tout en capitales : le dernier mot pris pour le nom, à vérifier");
}

namespace {

// The rows above the form's tables (above the first row of a date and an
// amount when no header is found) and the newest date of the whole page.
std::pair<std::vector<size_t>, std::optional<Date>> RowsAboveTablesAndNewestDate(const DocReader& r, const FormSpec& form) {
  const PageView& v = r.view();
  std::vector<size_t> all(v.rows().size()), above(std::min(FirstTableRow(r, form), FirstDatedAmountRow(v)));
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  for (size_t i = 0; i < above.size(); ++i) above[i] = i;
  return {above, NewestConfirmedDate(DatesInRows(v, all, false))};
}

}  // namespace

void ReadDateWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name) || !field.by_value) return;
  const PageView& v = r.view();
  // Above the act table, or above its first row when its header is in no wording.
  const auto rows = RowsAboveTablesAndNewestDate(r, form);
  const std::vector<size_t>& above = rows.first;
  const std::optional<Date>& newest = rows.second;
  std::set<std::string> held;
  for (const auto& [name, f] : r.doc().fields) {
    if (const auto* text = std::get_if<std::string>(&f.value)) held.insert(*text);
  }
  // A birth date is decades before the care; a prescription, months at most.
  constexpr int kYearsBeforeTheNewest = 5;
  if (!newest) return;
  // A birth date field looks for the one old date instead.
  const bool birth = field.name.find(fields::kDateNaissance) != std::string::npos;
  const std::vector<DateOnPage> dates = DatesInRows(v, above, false);
  const DateOnPage* found = nullptr;
  for (const auto& d : dates) {
    if ((d.date.year() + kYearsBeforeTheNewest < newest->year()) != birth || held.contains(d.date.ToIso())) continue;
    if (found != nullptr && found->date != d.date) return;
    if (found == nullptr) found = &d;
  }
  if (found == nullptr) return;
  r.SetText(field.name, found->date.ToIso(), std::min(0.6, v.MinConfidence(found->words)), found->words);
  r.Review(field.name, birth ? "libellé introuvable ; seule date ancienne hors du tableau, son rôle est à vérifier"
                             : "libellé introuvable ; seule date récente hors du tableau, son rôle est à vérifier");
}

namespace {

// True when a word with letters stands in the phrase of word `id`, left of it: its label.
bool NamedByAWord(const PageView& v, int id) {
  for (int j : v.Phrase(id, id, 1.5 * v.word_height())) {
    if (j == id) break;
    const std::string& t = v.words()[static_cast<size_t>(j)].folded;
    if (std::any_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return true;
  }
  return false;
}

// The row of the page's first heading of a section of `form`; nullopt when none is found.
std::optional<size_t> FirstHeadingRow(const PageView& v, const FormSpec& form) {
  std::optional<size_t> first;
  for (const auto& entry : form.sections) {
    const auto blocks = SectionBlocks(v, form, entry.first);
    if (!blocks.empty()) first = std::min(first.value_or(blocks.front().from), blocks.front().from);
  }
  return first;
}

}  // namespace

void ReadDigitsInHead(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name) || !field.by_value || field.kind != "digits") return;
  const PageView& v = r.view();
  auto head_end = FirstHeadingRow(v, form);
  // A form without sections (a bordereau): its head is all above its
  // tables, where other numbers stand under labels of their own ("Dossier :
  // 311"); only a number no word names is then its field's.
  const bool sectionless = !head_end && form.sections.empty();
  if (sectionless) head_end = FirstTableRow(r, form);
  if (!head_end) return;
  const std::set<std::string> taken = TakenDigits(r);
  // The names printed next to another field's number ("CPAM … (751)"): that number is the other field's.
  std::set<std::string> others_beside;
  for (const auto& other : form.fields) {
    if (other.name == field.name) continue;
    for (const auto& b : other.beside) others_beside.insert(FoldKey(b));
  }
  auto beside_another = [&](int id) {
    const auto phrase = v.Phrase(id, id, 1.5 * v.word_height());
    return std::any_of(phrase.begin(), phrase.end(), [&](int j) { return others_beside.contains(FoldKey(v.words()[static_cast<size_t>(j)].text)); });
  };
  std::vector<Candidate> found;
  // Row 0 is the title.
  for (size_t row = 1; row < *head_end && row < v.rows().size(); ++row) {
    for (int id : v.rows()[row].words) {
      const std::string chars = NirCharactersOf(v.words()[static_cast<size_t>(id)].text, 0);
      const bool digits = !chars.empty() && std::all_of(chars.begin(), chars.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || chars.size() < field.min_digits || chars.size() > field.max_digits || taken.contains(chars)) continue;
      if (beside_another(id) || (sectionless && NamedByAWord(v, id))) continue;
      AddCandidate(found, chars, {id});
    }
  }
  if (found.size() > 1) {
    r.Review(field.name, "libellé introuvable ; plusieurs nombres en tête de page : " + List(found));
    return;
  }
  if (found.empty()) return;
  r.Review(field.name, "libellé introuvable ; seul nombre de sa longueur en tête de page, son rôle est à vérifier");
  r.SetText(field.name, found.front().value, std::min(0.5, v.MinConfidence(found.front().words)), found.front().words);
}

namespace {

// The words of the labels of `form`'s fields other than `field` ("Dr",
// "Docteur" before a prescriber's name, "N° RPPS").
std::set<int> OtherLabelWords(const PageView& v, const FormSpec& form, const FieldSpec& field) {
  std::set<int> out;
  for (const auto& other : form.fields) {
    if (other.name == field.name || other.name == field.pair) continue;
    for (const auto& hit : FindAnyLabel(v, other.labels)) {
      for (int i = hit.first; i <= hit.last; ++i) out.insert(i);
    }
  }
  return out;
}

}  // namespace

void ReadPersonWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name) || field.kind != "person" || field.pair.empty()) return;
  const PageView& v = r.view();
  std::set<std::string> held;
  for (const auto& [name, f] : r.doc().fields) {
    if (const auto* text = std::get_if<std::string>(&f.value)) held.insert(*text);
  }
  const std::set<int> labels = OtherLabelWords(v, form, field);
  std::optional<std::vector<int>> found;
  std::string found_nom;
  for (const Row& row : v.rows()) {
    for (size_t k = 0; k + 1 < row.words.size(); ++k) {
      const PlacedWord& a = v.words()[static_cast<size_t>(row.words[k])];
      const PlacedWord& b = v.words()[static_cast<size_t>(row.words[k + 1])];
      if (b.x0 - a.x1 > 2 * v.word_height()) continue;
      const std::string ta = TrimPunctuation(a.text), tb = TrimPunctuation(b.text);
      const bool nom_first = IsUpperName(ta) && IsCapitalisedName(tb);
      if (!nom_first && !(IsCapitalisedName(ta) && IsUpperName(tb))) continue;
      const std::string& nom = nom_first ? ta : tb;
      // A label ("Numéro AM :", "Dr"), not a name: its colon follows it, or
      // it is another field's wording, or stands right after one.
      const bool colon = (!b.text.empty() && b.text.back() == ':') || (k + 2 < row.words.size() && v.words()[static_cast<size_t>(row.words[k + 2])].text == ":");
      const bool labelled = labels.contains(row.words[k]) || labels.contains(row.words[k + 1]) || (k > 0 && labels.contains(row.words[k - 1]));
      if (held.contains(nom) || colon || labelled) continue;
      if (found && found_nom != nom) return;  // two people: nothing tells which
      found = std::vector<int>{row.words[k], row.words[k + 1]};
      found_nom = nom;
    }
  }
  if (!found || !SetPersonName(r, field.name, field.pair, r.Make(*found))) return;
  const std::string reason = std::string(kRoleOfThePagesOnlyName) + " hors de l'en-tête, son rôle est à vérifier";
  r.Review(field.name, reason);
  r.Review(field.pair, reason);
}

void ReadPersonBesideBirthDate(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name) || field.kind != "person" || field.pair.empty() || !field.section.empty()) return;
  const PageView& v = r.view();
  const auto rows = RowsAboveTablesAndNewestDate(r, form);
  const std::vector<size_t>& above = rows.first;
  const std::optional<Date>& newest = rows.second;
  constexpr int kYearsBeforeTheNewest = 5;  // a birth date, not a date of the care
  if (!newest) return;
  std::optional<std::vector<int>> found;
  for (const auto& d : DatesInRows(v, above, false)) {
    if (d.date.year() + kYearsBeforeTheNewest >= newest->year() || d.words.empty()) continue;
    const PlacedWord& date_word = v.words()[static_cast<size_t>(d.words.front())];
    const std::vector<int>& row = v.rows()[static_cast<size_t>(date_word.row)].words;
    for (size_t k = 0; k + 1 < row.size(); ++k) {
      const PlacedWord& a = v.words()[static_cast<size_t>(row[k])];
      const PlacedWord& b = v.words()[static_cast<size_t>(row[k + 1])];
      if (b.x1 > date_word.x0 || b.x0 - a.x1 > 2 * v.word_height()) continue;
      // "Pour: MORIN Michel": a word its colon follows is a label, no name.
      if (!a.text.empty() && a.text.back() == ':') continue;
      const std::string ta = TrimPunctuation(a.text), tb = TrimPunctuation(b.text);
      const bool pair = (IsCapitalisedName(ta) && IsUpperName(tb)) || (IsUpperName(ta) && IsCapitalisedName(tb));
      if (!pair) continue;
      const std::vector<int> ids = {row[k], row[k + 1]};
      if (found && *found != ids) return;  // two people with a birth date: nothing tells which
      found = ids;
    }
  }
  if (!found) return;
  const std::string reason = std::string(kRoleBesideABirthDate) + ", à vérifier";
  r.Review(field.name, reason);
  r.Review(field.pair, reason);
  SetPersonName(r, field.name, field.pair, r.Make(*found, 0.6));
}

size_t FirstTableRow(const DocReader& r, const FormSpec& form) {
  size_t first = r.view().rows().size();
  for (const auto& [name, table] : form.tables) {
    const TableHeader header = FindTableHeader(r.view(), table);
    if (header.ok()) first = std::min(first, static_cast<size_t>(header.row));
  }
  return first;
}

void ReadNirWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name)) return;
  const auto candidates = RunsOfKind(r.view(), 0, FirstTableRow(r, form), 15, TakenDigits(r),
                                     [](const std::string& c) { return Nir::Parse(c).ok(); });
  if (candidates.empty() && ReadNirInBoxes(r, form, field)) return;
  if (candidates.empty()) return;
  if (candidates.size() > 1) {
    return r.Review(field.name, "libellé introuvable ; plusieurs NIR valides sur la page : " + List(candidates));
  }
  const auto other_nir = std::count_if(form.fields.begin(), form.fields.end(), [&](const FieldSpec& f) {
    return f.kind == "nir" && f.name != field.name;
  });
  // The key makes the reading sure; only its role may be in doubt.
  r.SetText(field.name, candidates.front().value, other_nir > 0 ? 0.5 : 0.95, candidates.front().words);
  if (other_nir > 0) r.Review(field.name, "libellé introuvable ; seul NIR valide de la page, son rôle est à vérifier");
}

namespace {

// No numéro AM of nine digits on the page: the one number of ten that
// gives a valid numéro AM once a digit the OCR added is dropped, flagged.
void ReadNumeroAmWithExtraDigit(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  const auto candidates = NumerosAmWithExtraDigit(r.view(), 0, FirstTableRow(r, form), TakenDigits(r));
  if (candidates.size() != 1) return;
  r.Review(field.name, "libellé introuvable ; seul nombre de la page qui donne un N° AM valide, un chiffre en trop retiré : à vérifier");
  r.SetText(field.name, candidates.front().value, 0.5, candidates.front().words);
}

}  // namespace

void ReadNumeroAmWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name)) return;
  const auto candidates = RunsOfKind(r.view(), 0, FirstTableRow(r, form), 9, TakenDigits(r),
                                     [](const std::string& c) { return NumeroAm::Parse(c).ok(); });
  if (candidates.empty()) return ReadNumeroAmWithExtraDigit(r, form, field);
  if (candidates.size() > 1) {
    const auto in_block = InSectionOfKind(r.view(), form, "numero_am", candidates);
    // Its role known from the page alone: the same number read surely in
    // the same role elsewhere in the envelope (the lot's partner) settles it.
    if (in_block.size() == 1) {
      r.Doubt(field.name, "libellé introuvable ; seul N° AM valide du bloc du praticien (" + List(candidates) + " sur la page) : à vérifier");
      return r.SetText(field.name, in_block.front().value, 0.5, in_block.front().words);
    }
    return r.Review(field.name, "libellé introuvable ; plusieurs N° AM valides sur la page : " + List(candidates));
  }
  r.Doubt(field.name, "libellé introuvable ; seul N° AM valide hors des tableaux : à vérifier");
  r.SetText(field.name, candidates.front().value, 0.5, candidates.front().words);
}

namespace {

// The sum of the act lines' montants; nullopt when a line lacks its montant.
std::optional<Money> SumOfLines(const std::vector<Line>& lines) {
  Money sum = Money::Zero();
  for (const Line& line : lines) {
    // A line with no value read is no act (the totals row taken for one).
    if (line.values.empty()) continue;
    const auto m = StoredAmount(line.Find(fields::kMontant));
    if (!m) return std::nullopt;
    sum += *m;
  }
  return sum;
}

// A total read a hundred times the lines' sum ("8010" for 80,10): the
// separator of its cents lost. The sum's digits are the total's, so the
// sum is what was printed; flagged, the repair is the reader's.
void MendTotalWithLostSeparator(DocReader& r, std::string_view name, Money sum) {
  const auto read = StoredAmount(r.doc().Text(name));
  if (!read || sum.cents() <= 0 || read->cents() != sum.cents() * 100) return;
  auto it = r.doc().fields.find(name);
  it->second.value = sum.ToDecimal();
  it->second.confidence = std::min(it->second.confidence, 0.5);
  const std::string reason = "total lu « " + read->ToDecimal() + " », la virgule perdue : « " + sum.ToDecimal() +
                             " », somme des actes : à vérifier";
  for (auto& f : r.doc().review) {
    if (f.field == name && !f.line) {
      f.reason = reason;
      return;
    }
  }
  r.Review(name, reason);
}

// The lines up to the last one with a date and a code: the rows read
// after it are no acts (every act has both) but a totals row whose label
// is in no wording, read as one more line ("NET À PAYER 7,95"). All of
// them when no line has both (a bill whose table prints no dates).
std::vector<Line> UpToLastAct(const std::vector<Line>& lines) {
  size_t end = lines.size();
  while (end > 0 && (lines[end - 1].Find(fields::kDate) == nullptr || lines[end - 1].Find(fields::kCode) == nullptr)) --end;
  if (end == 0) return lines;
  return std::vector<Line>(lines.begin(), lines.begin() + static_cast<long>(end));
}

// The lowest amount printed outside the dated rows that equals `sum`
// (equal amounts are one value; the lowest is the total's place).
std::optional<PrintedAmount> PrintedTotal(const PageView& v, Money sum) {
  std::optional<PrintedAmount> best;
  for (const auto& a : AmountsOutsideDatedRows(v)) {
    if (a.value != sum) continue;
    if (!best || v.words()[static_cast<size_t>(a.words.back())].y0 > v.words()[static_cast<size_t>(best->words.back())].y0) best = a;
  }
  return best;
}

}  // namespace

void ReadTotalOfLines(DocReader& r, std::string_view name) {
  if (r.doc().lines.empty()) return;
  const auto lines_sum = SumOfLines(r.doc().lines);
  if (lines_sum && r.Has(name)) MendTotalWithLostSeparator(r, name, *lines_sum);
  if (r.Has(name)) return;
  // Every line, then the lines without the rows read after the last act:
  // the printed amount they add up to is the total either way.
  for (const auto& sum : {lines_sum, SumOfLines(UpToLastAct(r.doc().lines))}) {
    if (!sum) continue;
    const auto best = PrintedTotal(r.view(), *sum);
    if (!best) continue;
    r.SetText(name, sum->ToDecimal(), std::max(0.9, r.view().MinConfidence(best->words)), best->words);
    return;
  }
}

}  // namespace liasse::extractors::internal
