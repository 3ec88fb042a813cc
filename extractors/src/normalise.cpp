#include "normalise.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <vector>

#include "liasse/core/confusables.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/text.h"

namespace liasse::extractors::internal {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char ConfusableDigit(char c) { return confusables::DigitFor(c, confusables::Reach::kToken); }

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text::NormalizeSpaces(text)) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

std::string MapConfusables(std::string_view token, bool* changed) {
  int digits = 0, letters = 0;
  for (char c : token) {
    if (IsDigit(c)) ++digits;
    else if (ConfusableDigit(c) != 0) ++letters;
  }
  std::string out(token);
  // Only tokens that are mostly digits: "Sept" must stay a word.
  if (digits == 0 || letters > digits) return out;
  for (char& c : out) {
    const char d = ConfusableDigit(c);
    if (d != 0) {
      c = d;
      if (changed) *changed = true;
    }
  }
  return out;
}

std::string TrimPunctuation(std::string_view word) {
  // Blanks too: the OCR sometimes keeps the space before a word in it (" THOMAS").
  // Underscores are the rule a value is written on, read glued to it ("_Léa").
  auto strip = [](char c) {
    return c == ':' || c == ',' || c == '.' || c == ';' || c == '|' || c == '(' || c == ')' || c == '"' || c == '\'' || c == ' ' || c == '\t' ||
           c == '_';
  };
  size_t b = 0, e = word.size();
  while (b < e && strip(word[b])) ++b;
  while (e > b && strip(word[e - 1])) --e;
  return std::string(word.substr(b, e - b));
}

namespace {

// The ddmmyyyy digits of a numeric date in a shape the OCR gives:
// "05/09/2025" (any separators), "05092025" or one separator lost
// ("0509/2025"); `lost` tells a separator was lost. nullopt otherwise.
std::optional<std::string> DateDigits(const std::string& numeric, bool* lost) {
  int digits = 0;
  std::string only;
  for (char c : numeric) {
    if (IsDigit(c)) {
      ++digits;
      only += c;
    }
  }
  if (digits != 8) return std::nullopt;
  // ('1' read for a separator is not accepted: the digits would shift.)
  if (numeric.size() == 10 && !IsDigit(numeric[2]) && !IsDigit(numeric[5])) return only;
  if (numeric.size() == 8 || (numeric.size() == 9 && (!IsDigit(numeric[4]) || !IsDigit(numeric[2])))) {
    *lost = true;
    return only;
  }
  return std::nullopt;
}

bool InRange(const std::string& digits, int lo, int hi) {
  const int v = std::stoi(digits);
  return v >= lo && v <= hi;
}

// A handwritten 0 is read as 6 or 8 ("69/12/2023", "26/07/2824"): the one
// component in range with one such digit put back to 0, else nullopt.
std::optional<std::string> ZeroPutBack(const std::string& component, int lo, int hi) {
  if (InRange(component, lo, hi)) return component;
  std::optional<std::string> found;
  for (size_t i = 0; i < component.size(); ++i) {
    if (component[i] != '6' && component[i] != '8') continue;
    std::string c = component;
    c[i] = '0';
    if (!InRange(c, lo, hi)) continue;
    if (found && *found != c) return std::nullopt;
    found = c;
  }
  return found;
}

std::optional<Date> DateOf(const std::string& d8) {
  auto d = Date::Parse(d8.substr(0, 2) + "/" + d8.substr(2, 2) + "/" + d8.substr(4));
  return d.ok() ? std::optional<Date>(d.value()) : std::nullopt;
}

// The edit distance a word of `length` letters may be from a month's name:
// none up to 3 letters ("mai"), 1 up to 7, then one more per 6 letters (as
// a label's wording, labels.h AllowedDistance).
size_t MonthDistance(size_t length) {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 1 + (length - 2) / 6;
}

// The month whose French name (as Date writes it, accents folded) is
// nearest to `word`, within MonthDistance of the name's length and nearer
// than any other month; 0 otherwise ("TUIN" → 6, "DECETIBRE" → 12).
int NearestMonth(const std::string& word) {
  const std::string folded = text::FoldFrench(word);
  if (folded.size() < 3 || std::any_of(folded.begin(), folded.end(), [](char c) { return c < 'a' || c > 'z'; })) return 0;
  int best = 0;
  size_t best_d = 0, second_d = 1000;
  for (int m = 1; m <= 12; ++m) {
    const std::string long_form = Date::FromYmd(2000, m, 2).value().ToFrenchLong();
    const size_t a = long_form.find(' '), b = long_form.rfind(' ');
    const std::string name = text::FoldFrench(long_form.substr(a + 1, b - a - 1));
    const size_t d = EditDistance(folded, name);
    if (d > MonthDistance(name.size())) continue;
    if (best == 0 || d < best_d) {
      second_d = best == 0 ? second_d : best_d;
      best = m;
      best_d = d;
    } else if (d < second_d) {
      second_d = d;
    }
  }
  return best != 0 && second_d > best_d ? best : 0;
}

// "14 DECETIBRE 2025": a day, a month's name the OCR mangled, a year of
// four digits; repaired (the reading is flagged). nullopt otherwise.
std::optional<Parsed<Date>> FuzzyMonthDate(const std::string& t) {
  const auto words = SplitWords(t);
  if (words.size() != 3) return std::nullopt;
  bool changed = false;
  std::string day = MapConfusables(TrimPunctuation(words[0]), &changed);
  // "1er" with its 1 read as a letter ("ler", "Ier").
  if (day.size() == 3 && day.substr(1) == "er" && (day[0] == '1' || day[0] == 'l' || day[0] == 'I' || day[0] == 'i')) day = "1";
  const std::string year = MapConfusables(TrimPunctuation(words[2]), &changed);
  const bool digits = !day.empty() && day.size() <= 2 && year.size() == 4 &&
                      std::all_of(day.begin(), day.end(), IsDigit) && std::all_of(year.begin(), year.end(), IsDigit);
  if (!digits) return std::nullopt;
  const int month = NearestMonth(TrimPunctuation(words[1]));
  if (month == 0) return std::nullopt;
  const auto d = Date::FromYmd(std::stoi(year), month, std::stoi(day));
  if (!d.ok()) return std::nullopt;
  return Parsed<Date>{d.value(), true};
}

}  // namespace

std::optional<Parsed<Date>> ParseDateText(std::string_view raw) {
  bool repaired = false;
  std::string t = TrimPunctuation(text::Trim(text::NormalizeSpaces(raw)));
  // Numeric forms: map confusables, drop spaces around separators.
  std::string numeric;
  for (const auto& w : SplitWords(t)) numeric += MapConfusables(w, &repaired);
  bool lost = false;
  if (const auto d8 = DateDigits(numeric, &lost)) {
    const auto d = DateOf(*d8);
    if (d && d->year() >= 1900 && d->year() <= 2100) return Parsed<Date>{*d, repaired || lost};
    const auto day = ZeroPutBack(d8->substr(0, 2), 1, 31), month = ZeroPutBack(d8->substr(2, 2), 1, 12),
               year = ZeroPutBack(d8->substr(4), 1900, 2100);
    if (day && month && year) {
      if (const auto fixed = DateOf(*day + *month + *year)) return Parsed<Date>{*fixed, true};
    }
    if (d) return Parsed<Date>{*d, repaired || lost};
  }
  if (auto d = Date::Parse(t); d.ok()) return Parsed<Date>{d.value(), false};
  return FuzzyMonthDate(t);
}

std::optional<Parsed<Date>> FindDate(std::string_view text) {
  const auto words = SplitWords(text);
  auto has_separator = [](const std::string& w) {
    return w.find('/') != std::string::npos || w.find('.') != std::string::npos || w.find('-') != std::string::npos;
  };
  auto has_letters = [](const std::string& w) {
    int letters = 0;
    for (char c : w) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
    return letters >= 3;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t n = 1; n <= 3 && i + n <= words.size(); ++n) {
      std::string s;
      bool separator = false, month = false;
      for (size_t k = i; k < i + n; ++k) {
        s += (k > i ? " " : "") + words[k];
        separator = separator || has_separator(words[k]);
        month = month || (k > i && k + 1 < i + n && has_letters(words[k]));
      }
      // "05/09/2025" or "5 septembre 2025": bare digit groups such as a
      // phone number ("06 01 05") are not dates.
      if (n == 1 && (TrimPunctuation(s).size() < 8 || !separator)) continue;
      if (n > 1 && !month && !separator) continue;
      if (auto d = ParseDateText(s)) return d;
    }
  }
  // Handwriting read with spaces inside: "2 5/ 1 0/. 1 96 5".
  std::string squashed;
  for (char c : std::string(text)) {
    if (c != ' ') squashed += c;
  }
  static const std::regex spaced(R"((\d{1,2})[/.]+(\d{1,2})[/.]+(\d{4}))");
  std::smatch m;
  if (std::regex_search(squashed, m, spaced)) {
    if (auto d = ParseDateText(m[1].str() + "/" + m[2].str() + "/" + m[3].str())) return Parsed<Date>{d->value, true};
  }
  return std::nullopt;
}

std::string DigitsReadAsLetters(std::string code) {
  for (char& c : code) {
    if (const char letter = confusables::LetterFor(c); letter != 0) c = letter;
  }
  return code;
}

std::vector<std::string> CollapseDoubledDigit(const std::string& digits, size_t length) {
  std::vector<std::string> out;
  if (digits.size() != length + 1) return out;
  for (size_t i = 1; i < digits.size(); ++i) {
    if (digits[i] != digits[i - 1]) continue;
    std::string c = digits.substr(0, i) + digits.substr(i + 1);
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string DecodeBoxedCharacters(std::string_view text) {
  // Each character printed in its own box: the OCR reads the box rules as
  // "|", "[", "l", "1"... between the characters (and two rules where boxes
  // are grouped). Rules and characters alternate; a "1" is a character when
  // a rule follows it.
  auto rule = [](char c) {
    return c == '|' || c == '[' || c == ']' || c == 'l' || c == 'I' || c == '1' || c == '/' || c == '(' || c == ')' ||
           c == '{' || c == '}' || c == 'L' || c == '!' || c == 'i' || c == 'j' || c == 'J';
  };
  std::string squashed;
  for (char c : text) {
    if (c != ' ') squashed += c;
  }
  std::string out;
  bool expect_data = false;
  for (size_t i = 0; i < squashed.size(); ++i) {
    const char c = squashed[i];
    if (!expect_data) {
      if (rule(c)) expect_data = true;
      else out += c;
      continue;
    }
    if (rule(c) && c != '1') continue;  // a second rule: the gap between box groups
    if (c == '1') {
      const bool rule_next = i + 1 >= squashed.size() || rule(squashed[i + 1]);
      if (!rule_next) continue;  // this "1" was the rule
    }
    out += c;
    expect_data = false;
  }
  bool changed = false;
  std::string mapped;
  for (char c : out) {
    if (c == 'A' || c == 'B' || (c >= '0' && c <= '9')) mapped += c;
    else {
      const std::string one(1, c);
      const std::string d = MapConfusables(one + "0", &changed);
      if (d[0] >= '0' && d[0] <= '9') mapped += d[0];
      else if (c == 'a') mapped += 'A';
      else return {};
    }
  }
  return mapped;
}

std::optional<Parsed<Money>> ParseAmountText(std::string_view raw) {
  bool repaired = false;
  std::string t;
  for (const auto& w : SplitWords(raw)) {
    std::string word = w;
    for (const char* unit : {"€", "EUR", "eur", "Eur"}) {
      const std::string u(unit);
      if (word.size() >= u.size() && word.compare(word.size() - u.size(), u.size(), u) == 0) word.resize(word.size() - u.size());
    }
    word = TrimPunctuation(word);
    if (word.empty()) continue;
    if (!t.empty()) t += ' ';
    t += MapConfusables(word, &repaired);
  }
  if (t.empty()) return std::nullopt;
  auto m = Money::Parse(t);
  if (!m.ok()) return std::nullopt;
  return Parsed<Money>{m.value(), repaired};
}

std::string DigitsOf(std::string_view text, bool* repaired) {
  std::string out;
  for (const auto& w : SplitWords(text)) {
    for (char c : MapConfusables(w, repaired)) {
      if (IsDigit(c)) out += c;
    }
  }
  return out;
}

std::optional<Parsed<std::string>> NirCandidate(std::string_view text) {
  bool repaired = false;
  std::string chars;
  for (const auto& w : SplitWords(text)) {
    const std::string mapped = MapConfusables(w, &repaired);
    for (size_t i = 0; i < mapped.size(); ++i) {
      const char c = mapped[i];
      if (IsDigit(c)) chars += c;
      // Corsica: "2A"/"2B" at positions 6-7 (B may already have become 8).
      else if ((c == 'A' || c == 'B') && chars.size() == 6 && chars.back() == '2') chars += c;
    }
    if (chars.size() >= 15) break;
  }
  if (chars.size() < 15) return std::nullopt;
  return Parsed<std::string>{chars.substr(0, 15), repaired};
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsAllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> CorsicanNir(const std::string& nir) {
  if (nir.size() != 15 || Nir::Parse(nir).ok() || nir[5] != '2' || (nir[6] != '8' && nir[6] != '4')) return std::nullopt;
  std::string corse = nir;
  corse[6] = corse[6] == '8' ? 'B' : 'A';
  if (!Nir::Parse(corse).ok()) return std::nullopt;
  return corse;
}

std::optional<std::string> NormaliseCoefficient(std::string_view raw) {
  std::string t = TrimPunctuation(text::Trim(raw));
  bool repaired = false;
  t = MapConfusables(t, &repaired);
  for (char& c : t) {
    if (c == ',') c = '.';
  }
  if (t.empty() || !IsDigit(t[0])) return std::nullopt;
  size_t dots = 0;
  for (char c : t) {
    if (c == '.') ++dots;
    else if (!IsDigit(c)) return std::nullopt;
  }
  if (dots > 1) return std::nullopt;
  if (dots == 1) {
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
  }
  while (t.size() > 1 && t[0] == '0' && t[1] != '.') t.erase(0, 1);
  return t;
}

std::string NormaliseCode(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::toupper(u));
  }
  return out;
}

bool IsUpperName(std::string_view word) {
  int letters = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c == 0xC3 && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) < 0xA0) { ++letters; ++i; }
    else if (c == '-' || c == '\'') continue;
    else return false;
  }
  return letters >= 2;
}

bool IsCapitalisedName(std::string_view word) {
  if (word.empty()) return false;
  const auto c0 = static_cast<unsigned char>(word[0]);
  size_t i = 1;
  if (c0 == 0xC3 && word.size() > 1) i = 2;  // "Éric"
  else if (!(c0 >= 'A' && c0 <= 'Z')) return false;
  bool lower = false;
  for (; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 0x80 || c == '-') continue;
    else if (c >= 'A' && c <= 'Z' && i > 0 && word[i - 1] == '-') continue;  // "Jean-Claude"
    else return false;
  }
  return lower;
}

}  // namespace liasse::extractors::internal
