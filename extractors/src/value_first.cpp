#include "value_first.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "liasse/core/identifiers.h"
#include "normalise.h"
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

// A word of characters printed one per box, the box rules read among them
// ("1[7l2lol7lulu", "|2|5|6|0"): long, with rules and letters shaped like
// rules between the characters.
bool BoxedWord(const std::string& w) {
  if (w.size() < 8) return false;
  const auto hard = std::count_if(w.begin(), w.end(), [](char c) { return c == '|' || c == '[' || c == ']'; });
  const auto soft = std::count_if(w.begin(), w.end(), [](char c) { return c == 'l' || c == 'I' || c == '/'; });
  return hard >= 1 && hard + soft >= 3 && static_cast<size_t>(hard + soft) * 3 >= w.size();
}

std::optional<Date> DateOfWord(const PageView& v, int id) {
  const std::string t = TrimPunctuation(v.words()[static_cast<size_t>(id)].text);
  if (t.size() < 8) return std::nullopt;
  const auto d = ParseDateText(t);
  if (!d) return std::nullopt;
  return d->value;
}

}  // namespace

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
  return out;
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

void ReadNumeroAmWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name)) return;
  const auto candidates = RunsOfKind(r.view(), 0, FirstTableRow(r, form), 9, TakenDigits(r),
                                     [](const std::string& c) { return NumeroAm::Parse(c).ok(); });
  if (candidates.empty()) return;
  if (candidates.size() > 1) {
    return r.Review(field.name, "libellé introuvable ; plusieurs N° AM valides sur la page : " + List(candidates));
  }
  r.SetText(field.name, candidates.front().value, 0.5, candidates.front().words);
  r.Review(field.name, "libellé introuvable ; seul N° AM valide hors des tableaux : à vérifier");
}

void ReadTotalOfLines(DocReader& r, std::string_view name) {
  if (r.Has(name) || r.doc().lines.empty()) return;
  Money sum = Money::Zero();
  for (const Line& line : r.doc().lines) {
    const auto m = StoredAmount(line.Find(fields::kMontant));
    if (!m) return;
    sum += *m;
  }
  std::optional<PrintedAmount> best;
  for (const auto& a : AmountsOutsideDatedRows(r.view())) {
    if (a.value != sum) continue;
    // Equal amounts are one value; the lowest is the total's place.
    if (!best || r.view().words()[static_cast<size_t>(a.words.back())].y0 >
                     r.view().words()[static_cast<size_t>(best->words.back())].y0) {
      best = a;
    }
  }
  if (!best) return;
  r.SetText(name, sum.ToDecimal(), std::max(0.9, r.view().MinConfidence(best->words)), best->words);
}

}  // namespace liasse::extractors::internal
