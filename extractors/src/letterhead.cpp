// Heading blocks and their postal address (letterhead.h).
#include "letterhead.h"

#include <algorithm>
#include <sstream>

#include "doc_reader.h"
#include "liasse/core/fields.h"
#include "liasse/core/text.h"
#include "normalise.h"

namespace liasse::extractors::internal {

std::vector<int> SideWords(const PageView& v, size_t r, PageSide side) {
  std::vector<int> ids;
  for (int i : v.rows()[r].words) {
    const bool left = v.words()[static_cast<size_t>(i)].x0 < 100 * v.mm();
    if (left == (side == PageSide::kLeft)) ids.push_back(i);
  }
  return ids;
}

namespace {

HeadingBlock FirstBlock(const PageView& v, PageSide side) {
  HeadingBlock b{side, {}, 0};
  double last_bottom = 0;
  for (size_t r = 0; r < v.rows().size(); ++r) {
    if (SideWords(v, r, side).empty()) continue;
    const auto& row = v.rows()[r];
    if (!b.rows.empty() && row.y0 - last_bottom > 2.5 * v.word_height()) break;
    if (b.rows.empty()) b.top = row.y0;
    b.rows.push_back(r);
    last_bottom = row.y1;
  }
  return b;
}

// What a sender writes about himself: an e-mail or a labelled value.
int PersonalEvidence(const PageView& v, const HeadingBlock& b) {
  int n = 0;
  for (size_t r : b.rows) {
    for (int i : SideWords(v, r, b.side)) {
      const std::string& t = v.words()[static_cast<size_t>(i)].text;
      if (t.find('@') != std::string::npos || t.find(':') != std::string::npos) {
        ++n;
        break;
      }
    }
  }
  return n;
}

// Where a French postal code starts among `ids`: a five-digit word followed
// by a word with letters (the commune); -1 when there is none.
int PostcodeAt(const PageView& v, const std::vector<int>& ids) {
  for (size_t k = 0; k + 1 < ids.size(); ++k) {
    const std::string code = TrimPunctuation(v.words()[static_cast<size_t>(ids[k])].text);
    const std::string& next = v.words()[static_cast<size_t>(ids[k + 1])].folded;
    const bool five_digits = code.size() == 5 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (five_digits && std::any_of(next.begin(), next.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return static_cast<int>(k);
  }
  return -1;
}

bool HasDigit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A row that carries a labelled value ("Tél. : …", "N° … : …", an e-mail)
// is not a line of the postal address.
bool IsLabelledRow(const PageView& v, const std::vector<int>& ids) {
  for (int i : ids) {
    const std::string& t = v.words()[static_cast<size_t>(i)].text;
    if (t.find(':') != std::string::npos || t.find('@') != std::string::npos) return true;
  }
  return false;
}

// Whether `block` names the partner the header read: a row whose digits
// hold its identifier, or a first row holding every word of its name.
bool NamesThePartner(const PageView& v, const HeadingBlock& block, const std::string* identifiant, const std::string* nom) {
  if (identifiant != nullptr && identifiant->size() >= 6) {
    for (size_t r : block.rows) {
      if (DigitsOf(v.Join(SideWords(v, r, block.side))).find(*identifiant) != std::string::npos) return true;
    }
  }
  if (nom == nullptr || block.rows.empty()) return false;
  std::vector<std::string> first_row;
  for (int i : SideWords(v, block.rows.front(), block.side)) {
    first_row.push_back(text::FoldFrench(TrimPunctuation(v.words()[static_cast<size_t>(i)].text)));
  }
  int matched = 0;
  std::string word;
  std::istringstream words(text::FoldFrench(*nom));
  while (words >> word) {
    word = TrimPunctuation(word);
    if (word.size() < 2) continue;
    if (std::find(first_row.begin(), first_row.end(), word) == first_row.end()) return false;
    ++matched;
  }
  return matched > 0;
}

}  // namespace

HeadingBlock SenderBlock(const PageView& v) {
  HeadingBlock left = FirstBlock(v, PageSide::kLeft), right = FirstBlock(v, PageSide::kRight);
  if (left.rows.empty()) return right;
  if (right.rows.empty()) return left;
  if (left.top + v.word_height() < right.top) return left;
  if (right.top + v.word_height() < left.top) return right;
  return PersonalEvidence(v, right) > PersonalEvidence(v, left) ? right : left;
}

std::optional<PostalAddress> BlockPostalAddress(const PageView& v, const HeadingBlock& block, StreetRows street_rows) {
  const auto& rows = block.rows;
  for (size_t k = 1; k < rows.size(); ++k) {
    const auto ids = SideWords(v, rows[k], block.side);
    if (ids.empty() || IsLabelledRow(v, ids) || PostcodeAt(v, ids) < 0) continue;
    size_t first = k;
    while (first > 1 && k - first < 2) {
      const auto above = SideWords(v, rows[first - 1], block.side);
      if (above.empty() || IsLabelledRow(v, above)) break;
      if (k - first == 1 && street_rows == StreetRows::kSecondOnlyWithADigit && !HasDigit(v.Join(above))) break;
      --first;
    }
    PostalAddress address;
    for (size_t j = first; j <= k; ++j) {
      const auto line_ids = SideWords(v, rows[j], block.side);
      std::string line = v.Join(line_ids);
      while (!line.empty() && (line.back() == ',' || line.back() == ' ')) line.pop_back();
      address.text += (address.text.empty() ? "" : ", ") + line;
      address.words.insert(address.words.end(), line_ids.begin(), line_ids.end());
    }
    return address;
  }
  return std::nullopt;
}

void ReadPartnerLetterhead(DocReader& r) {
  const PageView& v = r.view();
  const HeadingBlock block = SenderBlock(v);
  if (block.rows.empty()) return;
  const Document& doc = r.doc();
  if (!NamesThePartner(v, block, doc.Text(fields::kPartenaireIdentifiant), doc.Text(fields::kPartenaireNom))) return;
  if (auto address = BlockPostalAddress(v, block, StreetRows::kSecondOnlyWithADigit)) {
    r.SetText(fields::kPartenaireAdresse, address->text, v.MinConfidence(address->words), address->words);
  }
}

}  // namespace liasse::extractors::internal
