#include "letter_date.h"

#include <algorithm>
#include <regex>
#include <sstream>

#include "normalise.h"

namespace liasse::extractors::internal {

namespace {

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

}  // namespace

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

namespace {

// Two readings of one commune: within the OCR's usual slips.
constexpr double kSameCommune = 0.8;

}  // namespace

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

}  // namespace liasse::extractors::internal
