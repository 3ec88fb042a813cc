#include "bordereau_row.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <cmath>

#include "liasse/core/fields.h"
#include "liasse/core/identifiers.h"
#include "normalise.h"

namespace liasse::extractors::internal {

namespace {

// The reader's order of a bordereau line's columns.
constexpr std::array<const char*, 8> kSlots = {fields::kNumeroFacture, fields::kNir,          fields::kNom,
                                               fields::kPrenom,        fields::kDateNaissance, fields::kMontantTotal,
                                               fields::kMontantAmo,    fields::kMontantAmc};
constexpr size_t kNumero = 0, kNirSlot = 1, kNomSlot = 2, kPrenomSlot = 3, kDate = 4, kTotal = 5, kAmo = 6, kAmc = 7;

int SlotOf(const std::string& column) {
  for (size_t s = 0; s < kSlots.size(); ++s) {
    if (column == kSlots[s]) return static_cast<int>(s);
  }
  return -1;
}

double Centre(const PageView& v, const std::vector<int>& ids) {
  const PlacedWord& a = v.words()[static_cast<size_t>(ids.front())];
  const PlacedWord& b = v.words()[static_cast<size_t>(ids.back())];
  return (a.x0 + b.x1) / 2;
}

// How far `x` lies from the header extent of `column`; infinite when the
// header does not name it.
double DistanceTo(const TableHeader& header, const char* column, double x) {
  const HeaderColumn* c = header.Find(column);
  if (c == nullptr) return INFINITY;
  return x < c->x0 ? c->x0 - x : x > c->x1 ? x - c->x1 : 0;
}

using Amount = std::pair<std::string, std::vector<int>>;

// The slot (kTotal, kAmo, kAmc) of each of three amounts by the header's
// amount columns, each amount to the nearest; nullopt unless all three are
// named and each takes a column of its own.
std::optional<std::array<size_t, 3>> PartsByHeader(const PageView& v, const TableHeader& header, const std::vector<Amount>& amounts) {
  std::array<size_t, 3> slot{};
  std::array<bool, 3> taken{};
  for (size_t i = 0; i < 3; ++i) {
    const double x = Centre(v, amounts[i].second);
    size_t best = 0;
    for (size_t s = 1; s < 3; ++s) {
      if (DistanceTo(header, kSlots[kTotal + s], x) < DistanceTo(header, kSlots[kTotal + best], x)) best = s;
    }
    if (std::isinf(DistanceTo(header, kSlots[kTotal + best], x)) || taken[best]) return std::nullopt;
    taken[best] = true;
    slot[i] = kTotal + best;
  }
  return slot;
}

// The slots of three amounts by the line's arithmetic: the total is the
// one that is the sum of the two others; of those two, the part AMO is the
// nearer to the header's AMO column (or the farther from its AMC column).
// `unsure` when no single total exists or no column tells the parts apart.
std::array<size_t, 3> PartsBySum(const PageView& v, const TableHeader& header, const std::vector<Amount>& amounts,
                                 const std::vector<int>& amo_shares, bool& unsure) {
  std::array<std::optional<Money>, 3> m;
  for (size_t i = 0; i < 3; ++i) {
    if (auto p = ParseAmountText(amounts[i].first)) m[i] = p->value;
  }
  std::vector<size_t> totals;
  for (size_t i = 0; i < 3; ++i) {
    const size_t a = (i + 1) % 3, b = (i + 2) % 3;
    if (m[i] && m[a] && m[b] && *m[a] + *m[b] == *m[i]) totals.push_back(i);
  }
  // Two totals are the same value (a part of zero): either is the total.
  if (totals.size() == 2 && m[totals[0]] == m[totals[1]]) totals.resize(1);
  if (totals.size() != 1) {
    unsure = true;
    return {kTotal, kAmo, kAmc};
  }
  const size_t t = totals.front(), p = t == 0 ? 1 : 0, q = t == 2 ? 1 : 2;
  std::array<size_t, 3> slot{};
  slot[t] = kTotal;
  slot[p] = kAmo;
  slot[q] = kAmc;
  if (m[p] == m[q]) return slot;  // both parts alike: either way
  const double xp = Centre(v, amounts[p].second), xq = Centre(v, amounts[q].second);
  // The part nearer the column the header names (AMO, else AMC) is that part.
  for (const char* column : {fields::kMontantAmo, fields::kMontantAmc}) {
    const double dp = DistanceTo(header, column, xp), dq = DistanceTo(header, column, xq);
    if (std::isinf(dp) || dp == dq) continue;
    const bool p_is_it = dp < dq;
    const bool p_is_amo = column == fields::kMontantAmo ? p_is_it : !p_is_it;
    slot[p] = p_is_amo ? kAmo : kAmc;
    slot[q] = p_is_amo ? kAmc : kAmo;
    return slot;
  }
  // No column tells them: the régime's share of the total tells the AMO.
  if (const auto amo = PartAtShare(*m[p], *m[q], *m[t], amo_shares)) {
    slot[p] = *amo == 0 ? kAmo : kAmc;
    slot[q] = *amo == 0 ? kAmc : kAmo;
    return slot;
  }
  unsure = true;  // as printed
  return slot;
}

bool IsDigitWord(const std::string& t) {
  return !t.empty() && !DigitsOf(t).empty() && DigitsOf(t).size() * 2 >= t.size();
}

// The index in `digit_words` of the numéro de facture: the one word of
// its length whose removal leaves a NIR with a valid key, else leaves 15
// NIR characters, else the nearest to the header's numéro column.
std::optional<size_t> NumeroAmong(const PageView& v, const TableHeader& header, const std::vector<RowToken>& digit_words,
                                  std::pair<size_t, size_t> numero_len, bool& unsure) {
  std::vector<size_t> valid, plausible, sized;
  for (size_t i = 0; i < digit_words.size(); ++i) {
    const size_t n = DigitsOf(digit_words[i].first).size();
    if (n < numero_len.first || n > numero_len.second) continue;
    sized.push_back(i);
    std::string rest;
    for (size_t j = 0; j < digit_words.size(); ++j) {
      if (j != i) rest += " " + digit_words[j].first;
    }
    const auto nir = NirCandidate(rest);
    if (!nir) continue;
    plausible.push_back(i);
    if (Nir::Parse(nir->value).ok()) valid.push_back(i);
  }
  if (valid.size() == 1) return valid.front();
  if (plausible.size() == 1) return plausible.front();
  unsure = true;
  if (sized.empty()) return std::nullopt;
  return *std::min_element(sized.begin(), sized.end(), [&](size_t a, size_t b) {
    return DistanceTo(header, fields::kNumeroFacture, Centre(v, {digit_words[a].second})) <
           DistanceTo(header, fields::kNumeroFacture, Centre(v, {digit_words[b].second}));
  });
}

// True when the digit words `words`, put together, make a NIR whose key passes.
// Every character of the words counts: a NIR read from their start with
// a fragment left over is not theirs.
bool MakeAValidNir(const std::vector<RowToken>& words) {
  std::string text;
  size_t characters = 0;
  for (const auto& w : words) {
    text += " " + w.first;
    for (char c : w.first) characters += std::isalnum(static_cast<unsigned char>(c)) ? 1u : 0u;
  }
  const auto nir = NirCandidate(text);
  return nir && characters == nir->value.size() && (Nir::Parse(nir->value).ok() || CorsicanNir(nir->value));
}

// A short digit word (three digits or fewer) before or after the NIR's
// words that keeps the NIR's key from passing, while without it the key
// passes, is a fragment of another cell (the cents of an amount whose
// euros the OCR lost, ".12"): dropped, so that it is not read as the
// NIR's end and the words after it keep their places.
void DropStrayFragments(std::vector<RowToken>& words) {
  auto short_word = [](const RowToken& w) { return DigitsOf(w.first).size() <= 3; };
  while (words.size() > 1 && !MakeAValidNir(words)) {
    std::vector<RowToken> without_last(words.begin(), words.end() - 1);
    std::vector<RowToken> without_first(words.begin() + 1, words.end());
    if (short_word(words.back()) && MakeAValidNir(without_last)) words = std::move(without_last);
    else if (short_word(words.front()) && MakeAValidNir(without_first)) words = std::move(without_first);
    else break;
  }
}

}  // namespace

bool InLineOrder(const TableHeader& header) {
  int last = -1;
  bool unknown_since = false;  // a column the data does not know after a known one
  for (const auto& c : header.columns) {
    const int slot = SlotOf(c.name);
    if (slot < 0) {
      unknown_since = unknown_since || last >= 0;
      continue;
    }
    // A heading of no wording between two the data knows: what its cells
    // hold is known only by their kind, the words cannot be read in turn.
    if (slot < last || unknown_since) return false;
    last = slot;
  }
  return true;
}

std::optional<int> PartAtShare(Money a, Money b, Money total, const std::vector<int>& shares) {
  auto at_a_share = [&](Money part) {
    return std::any_of(shares.begin(), shares.end(), [&](int pct) {
      const int64_t expected = total.MulDiv(pct, 100, Rounding::kHalfUp).cents();
      return std::llabs(part.cents() - expected) <= 1;
    });
  };
  const bool ka = at_a_share(a), kb = at_a_share(b);
  if (ka == kb) return std::nullopt;
  return ka ? 0 : 1;
}

ReorderedRow ReorderLineTokens(const PageView& v, const TableHeader& header, const std::vector<RowToken>& toks,
                               const std::vector<Amount>& amounts, std::pair<size_t, size_t> numero_len,
                               const std::vector<int>& amo_shares) {
  ReorderedRow out;
  std::array<std::vector<RowToken>, 8> slots;
  std::vector<bool> used(toks.size(), false);
  auto index_of = [&](int id) {
    return static_cast<size_t>(std::find_if(toks.begin(), toks.end(), [&](const RowToken& t) { return t.second == id; }) - toks.begin());
  };
  auto put = [&](size_t slot, const std::vector<int>& ids) {
    for (int id : ids) {
      const size_t k = index_of(id);
      if (k < toks.size() && !used[k]) {
        slots[slot].push_back(toks[k]);
        used[k] = true;
      }
    }
  };
  // Amounts: by the header's three columns, else by the line's arithmetic.
  if (amounts.size() == 3) {
    auto parts = PartsByHeader(v, header, amounts);
    const std::array<size_t, 3> slot = parts ? *parts : PartsBySum(v, header, amounts, amo_shares, out.parts_unsure);
    for (size_t i = 0; i < 3; ++i) put(slot[i], amounts[i].second);
  } else {
    // Not three amounts: as printed, the reader flags the line's amounts.
    for (size_t i = 0; i < amounts.size(); ++i) put(kTotal + std::min<size_t>(i, 2), amounts[i].second);
  }
  std::vector<RowToken> digit_words;
  for (size_t k = 0; k < toks.size(); ++k) {
    if (used[k]) continue;
    const std::string& t = toks[k].first;
    if (ParseDateText(t) || (IsDigitWord(t) && t.find_first_of("/.-") != std::string::npos)) {
      put(kDate, {toks[k].second});
    } else if (IsUpperName(t) && slots[kNomSlot].empty()) {
      put(kNomSlot, {toks[k].second});
    } else if (IsCapitalisedName(t) && slots[kPrenomSlot].empty()) {
      put(kPrenomSlot, {toks[k].second});
    } else if (IsDigitWord(t)) {
      digit_words.push_back(toks[k]);
    }
  }
  const auto numero = NumeroAmong(v, header, digit_words, numero_len, out.numero_unsure);
  if (numero) {
    put(kNumero, {digit_words[*numero].second});
    digit_words.erase(digit_words.begin() + static_cast<long>(*numero));
  }
  DropStrayFragments(digit_words);
  for (const auto& w : digit_words) put(kNirSlot, {w.second});
  for (const auto& s : slots) out.tokens.insert(out.tokens.end(), s.begin(), s.end());
  return out;
}

}  // namespace liasse::extractors::internal
