#include "field_values.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "boxed_digits.h"
#include "envelope_names.h"
#include "liasse/core/identifiers.h"

namespace liasse::extractors::internal {

std::vector<std::string> Tokens(const DocReader&, const Found& found) {
  // From the text, not the words: a value glued to its label starts inside a word.
  std::vector<std::string> out;
  size_t i = 0;
  const std::string& s = found.text;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    std::string t = TrimPunctuation(std::string_view(s).substr(i, j - i));
    i = j + 1;
    if (t.empty()) continue;
    // A compound the OCR cut at its hyphen ("SAINT -AIME", "Jean- Claude"):
    // one word again. A hyphen standing alone separates ("NICE - 06000").
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) & 0x80) != 0; };
    if (!out.empty()) {
      const std::string& prev = out.back();
      const bool cut_after = t.size() > 1 && t.front() == '-' && letter(t[1]) && letter(prev.back());
      const bool cut_before = prev.size() > 1 && prev.back() == '-' && letter(prev[prev.size() - 2]) && letter(t.front());
      if (cut_after || cut_before) {
        out.back() += t;
        continue;
      }
    }
    out.push_back(t);
  }
  return out;
}

std::optional<std::string> SetDate(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  // Handwritten digits read apart ("2 9/ 01 /2 020"): the whole value,
  // spaces dropped, is one date; a window of words would take a piece.
  std::string joined;
  for (char c : found->text) {
    if (c != ' ') joined += c;
  }
  auto d = joined.size() == 10 ? ParseDateText(joined) : std::nullopt;
  if (!d) d = FindDate(found->text);
  if (!d) {
    if (auto again = r.Reread(found->words, RegionKind::kDate, [](std::string_view t) -> std::optional<std::string> {
          auto p = FindDate(t);
          if (!p) return std::nullopt;
          return p->value.ToIso();
        })) {
      r.SetText(name, *again, 0.85, found->words);
      return again;
    }
    r.Review(name, "date illisible : « " + found->text + " »");
    return std::nullopt;
  }
  if (d->value.year() < 1900 || d->value.year() > 2100) {
    r.Review(name, "date invraisemblable : « " + found->text + " »");
    return std::nullopt;
  }
  const std::string iso = d->value.ToIso();
  r.SetText(name, iso, found->confidence * (d->repaired ? kRepairPenalty : 1.0), found->words);
  return iso;
}

namespace {

// The one token with digits among specks read as letters ("CU 26,50 EUR",
// "26,50 EUR È", "25.20 ©)" for "25.20 €"), when it is an amount with its
// cents on its own.
std::optional<Parsed<Money>> AmountAmongSpecks(const std::vector<std::string>& tokens) {
  std::optional<std::string> only;
  for (const auto& t : tokens) {
    if (std::none_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (only) return std::nullopt;
    only = t;
  }
  if (!only || only->size() < 4 || ((*only)[only->size() - 3] != ',' && (*only)[only->size() - 3] != '.')) return std::nullopt;
  auto m = ParseAmountText(*only);
  if (m) m->repaired = true;
  return m;
}

}  // namespace

std::optional<std::string> SetAmount(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  auto m = ParseAmountText(found->text);
  if (!m) m = AmountAmongSpecks(Tokens(r, *found));
  if (!m) {
    r.Review(name, "montant illisible : « " + found->text + " »");
    return std::nullopt;
  }
  const std::string v = m->value.ToDecimal();
  r.SetText(name, v, found->confidence * (m->repaired ? kRepairPenalty : 1.0), found->words);
  return v;
}

namespace {

// A NIR read from characters in boxes, or with "2B" read "28": accepted
// only when the key then passes.
std::optional<std::string> AlternativeNir(std::string_view text) {
  std::vector<std::string> candidates;
  const std::string boxed = DecodeBoxedCharacters(text);
  if (boxed.size() >= 15) candidates.push_back(boxed.substr(0, 15));
  // The sex digit lost (glued to the label or cut off): 14 characters.
  const std::string digits = DigitsOf(text);
  if (digits.size() == 14) {
    candidates.push_back("1" + digits);
    candidates.push_back("2" + digits);
  }
  if (auto plain = NirCandidate(text)) {
    std::string c = plain->value;
    if (c[5] == '2' && c[6] == '8') candidates.push_back(c.substr(0, 6) + "B" + c.substr(7));
    if (c[5] == '2' && c[6] == '4') candidates.push_back(c.substr(0, 6) + "A" + c.substr(7));
  }
  std::vector<std::string> passing;
  for (const auto& c : candidates) {
    if (Nir::Parse(c).ok() && std::find(passing.begin(), passing.end(), c) == passing.end()) passing.push_back(c);
  }
  if (passing.size() != 1) return std::nullopt;
  return passing.front();
}

}  // namespace

std::optional<std::string> SetNir(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  auto cand = NirCandidate(found->text);
  // Characters in boxes read with their rules ("[1|4|7|o|..."): the rules
  // become '1's, and a key that passes on such a reading is chance.
  const auto rules = std::count_if(found->text.begin(), found->text.end(), [](char c) { return c == '|' || c == '[' || c == ']' || c == '/'; });
  if (rules >= 3 && cand) {
    if (auto alt = AlternativeNir(found->text)) {
      r.SetText(name, *alt, 0.6, found->words);
      r.Review(name, "NIR lu dans ses cases par la première lecture seulement : à vérifier");
      return alt;
    }
    r.SetText(name, cand->value, std::min(found->confidence, 0.3), found->words);
    r.Review(name, "NIR en cases illisible : à vérifier sur le document");
    return cand->value;
  }
  if (!cand || !Nir::Parse(cand->value).ok()) {
    if (auto alt = AlternativeNir(found->text)) {
      r.SetText(name, *alt, 0.9, found->words);
      return alt;
    }
  }
  if (!cand) {
    auto again = r.Reread(found->words, RegionKind::kDigits, [](std::string_view t) -> std::optional<std::string> {
      auto c = NirCandidate(t);
      if (!c || !Nir::Parse(c->value).ok()) return std::nullopt;
      return c->value;
    });
    if (again) {
      r.SetText(name, *again, 0.9, found->words);
      return again;
    }
    r.Review(name, "NIR incomplet (moins de 15 caractères lus) : « " + found->text + " »");
    return std::nullopt;
  }
  auto nir = Nir::Parse(cand->value);
  if (nir.ok()) {
    // The key catches any single wrong digit: a valid key makes the reading sure.
    r.SetText(name, cand->value, std::max(found->confidence, cand->repaired ? 0.9 : 0.97), found->words);
    return cand->value;
  }
  // A wrong key may be on the paper (an anomaly the rules report) or an OCR
  // slip: keep what was read, never "repair" a key, and flag it.
  r.SetText(name, cand->value, std::min(found->confidence, 0.5), found->words);
  r.Review(name, "NIR invalide (" + nir.status().message() + ") : à vérifier sur le document");
  return cand->value;
}

namespace {

// The NIR characters of `text` (digits, and A/B after a '2' where a
// Corsican département may stand, the sex digit being there or not).
std::string NirCharacters(std::string_view text) {
  std::string chars;
  std::vector<std::string> words(1);
  for (char c : text) {
    if (c == ' ') words.emplace_back();
    else words.back() += c;
  }
  for (const auto& w : words) {
    bool repaired = false;
    for (char c : MapConfusables(w, &repaired)) {
      if (c >= '0' && c <= '9') chars += c;
      else if ((c == 'A' || c == 'B') && (chars.size() == 5 || chars.size() == 6) && chars.back() == '2') chars += c;
    }
  }
  return chars;
}

// The NIR in a re-read of the value's line from inside the label's last
// word (a first digit printed over the label is lost by the page's OCR):
// the 15 characters read, or the sex digit the key alone admits before the
// last 14. Flagged when deduced.
std::optional<std::string> RereadGroupedNir(DocReader& r, std::string_view name, const Found& found, const LabelHit& hit) {
  if (hit.similarity <= 0) return std::nullopt;
  const PageView& v = r.view();
  const Box& lb = v.words()[static_cast<size_t>(hit.last)].box;
  Box box = v.Cover(found.words);
  const int x0 = std::max(0, lb.x + lb.width - static_cast<int>(4 * v.mm()));
  box.width += box.x - x0 + static_cast<int>(1.5 * v.mm());
  box.x = x0;
  box.y = std::max(0, box.y - static_cast<int>(v.mm()));
  box.height += static_cast<int>(2 * v.mm());
  // The first reading itself (a Corsican "2B" the digit whitelist cannot
  // read), then re-reads with the digit whitelist and without.
  for (int pass = 0; pass < 3; ++pass) {
    std::string text = found.text;
    if (pass > 0) {
      if (r.ctx().reader == nullptr) break;
      auto read = r.ctx().reader->Reread(v.page().index, box, pass == 1 ? RegionKind::kDigits : RegionKind::kText);
      if (!read.ok()) continue;
      text = read->text;
    }
    const std::string chars = NirCharacters(text);
    std::vector<std::pair<std::string, bool>> candidates;  // value, deduced
    if (chars.size() >= 15) candidates.push_back({chars.substr(chars.size() - 15), false});
    // The sex digit lost, and only then: a NIR whose key fails on the paper
    // must stay as read for the lot rules.
    if (chars.size() == 14) {
      const std::string tail = chars;
      for (const std::string sex : {"1", "2"}) {
        candidates.push_back({sex + tail, true});
        // Corsica: the B of "2B" (the A of "2A") read as an 8 (a 4).
        if (tail[4] == '2' && (tail[5] == '8' || tail[5] == '4')) {
          candidates.push_back({sex + tail.substr(0, 5) + (tail[5] == '8' ? "B" : "A") + tail.substr(6), true});
        }
      }
    }
    std::vector<std::pair<std::string, bool>> passing;
    for (const auto& c : candidates) {
      if (Nir::Parse(c.first).ok() && std::none_of(passing.begin(), passing.end(), [&](const auto& p) { return p.first == c.first; })) {
        passing.push_back(c);
      }
    }
    if (passing.size() != 1) continue;
    // Only the key chose the sex digit, one of two: a person confirms it.
    if (passing.front().second) r.Review(name, "premier chiffre du NIR déduit de sa clé : à vérifier");
    r.SetText(name, passing.front().first, passing.front().second ? 0.6 : 0.9, found.words);
    return passing.front().first;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> SetNirAt(DocReader& r, std::string_view name, const std::optional<Found>& found, const LabelHit& hit) {
  const auto direct = found ? NirCandidate(found->text) : std::nullopt;
  if (!direct || !Nir::Parse(direct->value).ok()) {
    if (auto boxed = ReadBoxedNir(r, hit); boxed && !r.Has(name)) {
      if (boxed->deduced) r.Doubt(name, "un caractère du NIR déduit de sa clé : à vérifier");
      r.SetText(name, boxed->value, boxed->deduced ? 0.6 : 0.95, {});
      r.doc().fields[std::string(name)].box = boxed->cover;
      return boxed->value;
    }
    if (found && !r.Has(name)) {
      if (auto again = RereadGroupedNir(r, name, *found, hit)) return again;
    }
  }
  return SetNir(r, name, found);
}

namespace {

// A second, digits-only reading of `found` when it has exactly `length`
// digits; nullopt when there is no reader or the reading does not fit.
std::optional<std::string> SecondReading(const DocReader& r, const Found& found, size_t length) {
  return r.Reread(found.words, RegionKind::kDigits, [length](std::string_view t) -> std::optional<std::string> {
    std::string d = DigitsOf(t);
    if (d.size() != length) return std::nullopt;
    return d;
  });
}

}  // namespace

std::optional<std::string> SetNumeroAm(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  bool repaired = false;
  std::string digits;
  for (const auto& t : Tokens(r, *found)) {
    bool changed = false;
    const std::string d = DigitsOf(t, &changed);
    if (d.empty()) {
      if (!digits.empty()) break;
      continue;
    }
    repaired = repaired || changed;
    digits += d;
    if (digits.size() >= 9) break;
  }
  if (digits.size() == 10) {
    // A doubled digit: accepted when exactly one way of undoubling passes the key.
    std::vector<std::string> passing;
    for (const auto& c : CollapseDoubledDigit(digits, 9)) {
      if (NumeroAm::Parse(c).ok()) passing.push_back(c);
    }
    if (passing.size() == 1) {
      // Or a digit of the next word glued on: the key passes one time in ten
      // by chance. A doubt of the reading alone: the same number read surely
      // elsewhere in the envelope (the lot's partner) confirms it.
      r.Doubt(name, "un chiffre semble lu deux fois (« " + digits + " ») : à vérifier");
      r.SetText(name, passing.front(), 0.9, found->words);
      return passing.front();
    }
  }
  if (digits.size() != 9) {
    r.Review(name, "N° AM illisible : « " + found->text + " »");
    return std::nullopt;
  }
  if (!NumeroAm::Parse(digits).ok()) {
    r.SetText(name, digits, std::min(found->confidence, 0.5), found->words);
    r.Review(name, "N° AM invalide (clé de Luhn) : à vérifier");
    return digits;
  }
  if (found->confidence < kSureReading) {
    // The key catches one wrong digit, not two or a shift: an unsure first
    // reading must not be contradicted by a second one the key cannot settle.
    const auto again = SecondReading(r, *found, 9);
    if (again && *again != digits && (NumeroAm::Parse(*again).ok() || !OneEditApart(*again, digits))) {
      r.Review(name, "deux lectures différentes (« " + digits + " » puis « " + *again + " ») : à vérifier");
      r.SetText(name, digits, std::min(found->confidence, 0.5), found->words);
      return digits;
    }
  }
  r.SetText(name, digits, std::max(found->confidence, repaired ? 0.9 : 0.97), found->words);
  return digits;
}

std::optional<std::string> SetDigits(DocReader& r, std::string_view name, const std::optional<Found>& found, size_t length) {
  if (!found) return std::nullopt;
  bool repaired = false;
  std::string digits;
  for (const auto& t : Tokens(r, *found)) {
    const std::string d = DigitsOf(t, &repaired);
    if (d.empty() && !digits.empty()) break;
    digits += d;
    if (digits.size() >= length) break;
  }
  auto collapsed = CollapseDoubledDigit(digits, length);
  if (collapsed.size() > 1 && length == 11) {
    // RPPS: its (unconfirmed) Luhn key may single one out.
    std::erase_if(collapsed, [](const std::string& c) {
      auto rpps = ParseRpps(c);
      return !rpps.ok() || !rpps->key_ok;
    });
  }
  if (collapsed.size() == 1) {
    // No confirmed key: kept, flagged with the raw reading (first: the lot
    // cross-check compares it with the bordereau).
    r.Review(name, "un chiffre semble lu deux fois (« " + digits + " ») : à vérifier");
    r.SetText(name, collapsed.front(), 0.5, found->words);
    return collapsed.front();
  }
  if (digits.size() != length) {
    const auto again = SecondReading(r, *found, length);
    if (again) {
      // Only the second reading has the right length: nothing confirms it.
      r.Review(name, "lu à la seconde lecture seulement (« " + found->text + " ») : à vérifier");
      r.SetText(name, *again, 0.85, found->words);
      return again;
    }
    r.Review(name, "numéro illisible (" + std::to_string(length) + " chiffres attendus) : « " + found->text + " »");
    return std::nullopt;
  }
  const double confidence = found->confidence * (repaired ? kRepairPenalty : 1.0);
  if (confidence < kSureReading) {
    // A number without a key has nothing to check it against: a second,
    // digits-only reading must agree, or the field goes to review.
    const auto again = SecondReading(r, *found, length);
    if (again && *again != digits) {
      r.Review(name, "deux lectures différentes (« " + digits + " » puis « " + *again + " ») : à vérifier");
      r.SetText(name, digits, std::min(confidence, 0.5), found->words);
      return digits;
    }
  }
  r.SetText(name, digits, confidence, found->words);
  return digits;
}

std::optional<std::string> SetDigitsIn(DocReader& r, std::string_view name, const std::optional<Found>& found, size_t min, size_t max) {
  if (!found) return std::nullopt;
  size_t length = 0;
  for (const auto& t : Tokens(r, *found)) {
    length = DigitsOf(t).size();
    if (length > 0) break;
  }
  return SetDigits(r, name, found, length >= min && length <= max ? length : min);
}

void SetReference(DocReader& r, std::string_view name, const Found& found) {
  for (const auto& t : Tokens(r, found)) {
    if (DigitsOf(t).size() < 3) continue;
    bool repaired = false;
    const std::string mapped = MapConfusables(t, &repaired);
    r.SetText(name, mapped, found.confidence * (repaired ? kRepairPenalty : 1.0), found.words);
    return;
  }
  r.Review(name, "référence illisible : « " + found.text + " »");
}

bool SetPersonName(DocReader& r, std::string_view nom_field, std::string_view prenom_field, const std::optional<Found>& found) {
  if (!found) return false;
  std::string nom, prenom;
  bool cut = false;  // a word in small letters right after the prénom: the OCR may have cut it ("Maë lys")
  for (const auto& t : Tokens(r, *found)) {
    if (IsUpperName(t)) {
      if (!nom.empty() && !prenom.empty()) break;  // a second capital word after the name: another value
      nom += (nom.empty() ? "" : " ") + t;
    } else if (IsCapitalisedName(t)) {
      if (!prenom.empty()) break;
      prenom = t;
    } else if (!nom.empty() || !prenom.empty()) {
      cut = !prenom.empty() && !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) & 0x80) != 0;
      });
      break;
    }
  }
  if (nom.empty() || prenom.empty()) {
    r.Review(nom_field, "nom et prénom non séparables : « " + found->text + " »");
    r.Review(prenom_field, "nom et prénom non séparables : « " + found->text + " »");
    return false;
  }
  r.SetText(nom_field, nom, found->confidence, found->words);
  r.SetText(prenom_field, prenom, found->confidence, found->words);
  if (cut) r.Review(prenom_field, "prénom suivi d'un mot en minuscules (« " + found->text + " ») : coupé à la lecture ? à vérifier");
  return true;
}

std::string CapitalisedFromUpper(std::string_view word) {
  std::string out;
  bool start = true;  // the first letter of the word or after a hyphen stays a capital
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c == 0xC3 && i + 1 < word.size()) {
      // Latin-1 capitals "À".."Þ" (U+00C0..U+00DE, not "×") are 0x20 below their small letters.
      auto next = static_cast<unsigned char>(word[i + 1]);
      if (!start && next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
      start = false;
      continue;
    }
    out += static_cast<char>(!start && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    start = c == '-' || c == '\'' || c == ' ';
  }
  return out;
}

bool SetNomPrenomInCapitals(DocReader& r, std::string_view nom_field, std::string_view prenom_field, const Found& found,
                            bool order_printed) {
  const auto toks = Tokens(r, found);
  if (toks.size() != 2 || !IsUpperName(toks[0]) || !IsUpperName(toks[1])) return false;
  // "SAINT -AIME": one nom the OCR cut at its hyphen, no prénom.
  if (toks[1].front() == '-' || toks[0].back() == '-') return false;
  const std::string reason = std::string(kNomPrenomInCapitals) + " (« " + found.text + " ») : le nom lu en premier, à vérifier";
  // Two words of capitals may also be a nom of two words: the prénom stays to check.
  if (!order_printed) r.Review(nom_field, reason);
  r.Review(prenom_field, reason);
  r.SetText(nom_field, toks[0], found.confidence, found.words);
  r.SetText(prenom_field, CapitalisedFromUpper(toks[1]), found.confidence, found.words);
  return true;
}

std::optional<std::string> SetUpperName(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  // Titles printed before a name in capitals are not the name.
  static const std::set<std::string, std::less<>> titles = {"DR", "DOCTEUR", "PR", "MME", "MR", "MLLE", "M"};
  const auto toks = Tokens(r, *found);
  for (size_t i = 0; i < toks.size(); ++i) {
    const std::string& t = toks[i];
    if (!IsUpperName(t) || titles.contains(t)) continue;
    // "DR ANNE LEROY": after a title the prénom comes first; in capitals
    // both, the nom is the last of them, and nothing tells a prénom from a
    // nom of two words: flagged.
    size_t last = i;
    while (last + 1 < toks.size() && IsUpperName(toks[last + 1]) && !titles.contains(toks[last + 1])) ++last;
    if (i > 0 && titles.contains(toks[i - 1]) && last > i) {
      r.Review(name, "après le titre, plusieurs mots en capitales (« " + found->text + " ») : le dernier pris pour le nom, à vérifier");
      r.SetText(name, toks[last], found->confidence, found->words);
      return toks[last];
    }
    r.SetText(name, t, found->confidence, found->words);
    return t;
  }
  r.Review(name, "nom en capitales introuvable : « " + found->text + " »");
  return std::nullopt;
}

std::optional<std::string> SetPlain(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  std::string v;
  for (const auto& t : Tokens(r, *found)) v += (v.empty() ? "" : " ") + t;
  if (v.empty()) return std::nullopt;
  r.SetText(name, v, found->confidence, found->words);
  return v;
}

}  // namespace liasse::extractors::internal
