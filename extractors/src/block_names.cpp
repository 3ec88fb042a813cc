#include "block_names.h"

#include <algorithm>
#include <string>
#include <vector>

#include "envelope_names.h"
#include "locate.h"
#include "normalise.h"
#include "page_dates.h"
#include "value_first.h"

namespace liasse::extractors::internal {

namespace {

// A name read in a block: the nom (capitals), the prénom and their words.
struct BlockName {
  std::string nom;
  std::string prenom;
  std::vector<int> words;
};

bool HasLetter(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0; });
}

// The word at `k` of a row when it sits within a word's spacing of the
// word at `from` (-1 when there is no such word).
int Close(const PageView& v, const std::vector<int>& ids, size_t from, long k) {
  if (k < 0 || static_cast<size_t>(k) >= ids.size()) return -1;
  const PlacedWord& a = v.words()[static_cast<size_t>(ids[std::min(from, static_cast<size_t>(k))])];
  const PlacedWord& b = v.words()[static_cast<size_t>(ids[std::max(from, static_cast<size_t>(k))])];
  return b.x0 - a.x1 <= 1.5 * v.word_height() ? ids[static_cast<size_t>(k)] : -1;
}

// The names of row `row`: two words at a word's spacing, one in capitals
// and the other a given name (either order), with no word of letters just
// before them: a title ("Dr Julie PERRIN") or a label read as a phrase is
// not passed over.
std::vector<BlockName> NamesOfRow(const PageView& v, size_t row) {
  std::vector<BlockName> out;
  const std::vector<int>& ids = v.rows()[row].words;
  for (size_t i = 0; i + 1 < ids.size(); ++i) {
    if (Close(v, ids, i, static_cast<long>(i) + 1) < 0) continue;
    const std::string a = TrimPunctuation(v.words()[static_cast<size_t>(ids[i])].text);
    const std::string b = TrimPunctuation(v.words()[static_cast<size_t>(ids[i + 1])].text);
    const bool upper_first = IsUpperName(a) && IsCapitalisedName(b) && !IsUpperName(b);
    const bool given_first = IsCapitalisedName(a) && !IsUpperName(a) && IsUpperName(b);
    if (!upper_first && !given_first) continue;
    const int before = Close(v, ids, i, static_cast<long>(i) - 1);
    if (before >= 0 && HasLetter(v.words()[static_cast<size_t>(before)].text)) continue;
    out.push_back({upper_first ? a : b, upper_first ? b : a, {ids[i], ids[i + 1]}});
  }
  return out;
}

}  // namespace

void ReadNameInBlock(DocReader& r, const FormSpec& form, const FieldSpec& field) {
  if (r.Has(field.name) || field.section.empty()) return;
  const PageView& v = r.view();
  // The identification blocks end where the acts start.
  const size_t end = std::min(FirstTableRow(r, form), FirstDatedAmountRow(v));
  std::vector<BlockName> names;
  bool named = true;
  for (const SectionBlock& block : SectionBlocks(v, form, field.section)) {
    for (size_t row = block.from; row < std::min(block.to, end); ++row) {
      for (auto& n : NamesOfRow(v, row)) {
        if (std::any_of(names.begin(), names.end(), [&](const BlockName& o) { return o.nom == n.nom; })) continue;
        named = named && block.named;
        names.push_back(std::move(n));
      }
    }
  }
  if (names.empty()) return;
  if (names.size() > 1) {
    return r.Review(field.name, "libellé introuvable ; plusieurs noms dans le bloc de la section : « " + names[0].nom + " » ou « " +
                                    names[1].nom + " »");
  }
  const BlockName& n = names.front();
  const bool pair = field.kind == "person" && !field.pair.empty();
  if (!named) {
    // The block's heading in no wording: its values told whose block it is; the name's role is to be checked.
    const std::string reason = std::string(kRoleOfTheBlocksName) + ", dont l'intitulé est inconnu : à vérifier";
    r.Review(field.name, reason);
    if (pair) r.Review(field.pair, reason);
  }
  const double confidence = named ? v.MinConfidence(n.words) : std::min(0.6, v.MinConfidence(n.words));
  r.SetText(field.name, n.nom, confidence, n.words);
  if (pair) r.SetText(field.pair, n.prenom, confidence, n.words);
}

}  // namespace liasse::extractors::internal
