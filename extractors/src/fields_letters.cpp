// Readers of members' letters: réclamation (seed 002) and renonciation
// (seed 004 §2.5). Free text: values come from the sender block at the top
// left and from phrases of the body.
#include <algorithm>
#include <regex>

#include "field_values.h"
#include "liasse/core/fields.h"
#include "liasse/core/text.h"

namespace liasse::extractors::internal {

namespace {

// One side of the page: the words left of 100 mm, or those right of it.
enum class Side { kLeft, kRight };

std::vector<int> SideWords(const PageView& v, size_t r, Side side) {
  std::vector<int> ids;
  for (int i : v.rows()[r].words) {
    const bool left = v.words()[static_cast<size_t>(i)].x0 < 100 * v.mm();
    if (left == (side == Side::kLeft)) ids.push_back(i);
  }
  return ids;
}

// A block of a letter's heading: the rows of one side from the first that
// has words there, down to the first vertical gap wider than two and a half
// rows.
struct Block {
  Side side = Side::kLeft;
  std::vector<size_t> rows;
  double top = 0;
};

Block FirstBlock(const PageView& v, Side side) {
  Block b{side, {}, 0};
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
int PersonalEvidence(const PageView& v, const Block& b) {
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

// The sender's block: the letter's topmost heading block (the recipient's
// comes lower, whichever side each is on); when both start on the same
// rows, the one where the writer gives his own details, else the left one.
Block SenderBlock(const PageView& v) {
  Block left = FirstBlock(v, Side::kLeft), right = FirstBlock(v, Side::kRight);
  if (left.rows.empty()) return right;
  if (right.rows.empty()) return left;
  if (left.top + v.word_height() < right.top) return left;
  if (right.top + v.word_height() < left.top) return right;
  return PersonalEvidence(v, right) > PersonalEvidence(v, left) ? right : left;
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

// A row that carries a labelled value ("Tél. : …", "N° … : …", an e-mail)
// is not a line of the postal address.
bool IsLabelledRow(const PageView& v, const std::vector<int>& ids) {
  for (int i : ids) {
    const std::string& t = v.words()[static_cast<size_t>(i)].text;
    if (t.find(':') != std::string::npos || t.find('@') != std::string::npos) return true;
  }
  return false;
}

// The postal address of the sender block, whatever its wording: the first
// row below the name that holds a postal code and commune, with the street
// lines just above it ("116 avenue Jean Jaurès, 59000 LILLE" on one row,
// or the street on one or two rows and the code on the next). Rows are
// joined by ", " (the form `AddressLines` splits).
void ReadSenderAddress(DocReader& r, const Block& block) {
  const PageView& v = r.view();
  const auto& rows = block.rows;
  for (size_t k = 1; k < rows.size(); ++k) {
    const auto ids = SideWords(v, rows[k], block.side);
    if (ids.empty() || IsLabelledRow(v, ids) || PostcodeAt(v, ids) < 0) continue;
    size_t first = k;
    while (first > 1 && k - first < 2) {
      const auto above = SideWords(v, rows[first - 1], block.side);
      if (above.empty() || IsLabelledRow(v, above)) break;
      --first;
    }
    std::string text;
    std::vector<int> all;
    for (size_t j = first; j <= k; ++j) {
      const auto line_ids = SideWords(v, rows[j], block.side);
      std::string line = v.Join(line_ids);
      while (!line.empty() && (line.back() == ',' || line.back() == ' ')) line.pop_back();
      text += (text.empty() ? "" : ", ") + line;
      all.insert(all.end(), line_ids.begin(), line_ids.end());
    }
    r.SetText(fields::kAdresse, text, v.MinConfidence(all), all);
    return;
  }
  r.Review(fields::kAdresse, "adresse de l'expéditeur non reconnue");
}

// The sender's name and address; returns the sender's block.
Block ReadSender(DocReader& r, bool with_address) {
  const PageView& v = r.view();
  const Block block = SenderBlock(v);
  if (block.rows.empty()) return block;
  SetPersonName(r, fields::kNom, fields::kPrenom, r.Make(SideWords(v, block.rows[0], block.side)));
  if (with_address) ReadSenderAddress(r, block);
  return block;
}

// The sender's own e-mail address: in his block (the recipient's may
// print one too).
void ReadSenderEmail(DocReader& r, const Block& sender) {
  const PageView& v = r.view();
  static const std::regex shape(R"(^[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$)");
  for (size_t row : sender.rows) {
    for (int i : SideWords(v, row, sender.side)) {
      const PlacedWord& w = v.words()[static_cast<size_t>(i)];
      if (w.text.find('@') == std::string::npos) continue;
      const std::string mail = TrimPunctuation(w.text);
      r.SetText(fields::kEmail, mail, w.confidence / 100.0, {});
      if (!std::regex_match(mail, shape)) r.Review(fields::kEmail, "adresse électronique incomplète ou mal formée : à vérifier");
      return;
    }
  }
}

// All rows joined, in reading order (paragraphs wrap across rows).
std::string PageText(const PageView& v) {
  std::string s;
  for (size_t r = 0; r < v.rows().size(); ++r) s += v.RowText(r) + "\n";
  return s;
}

double PageConfidence(const PageView& v) { return v.page().mean_confidence / 100.0; }

// The date part of "<commune>, le 1er janvier 2024" as the OCR gave it,
// with the ordinal "1er" put back when read "Ter", "ler" or "Ier".
std::string LetterDatePart(std::string date) {
  static const std::regex first_of_month(R"(^(?:Ter|ler|Ier|ier|1ler|1e r)\b)");
  return std::regex_replace(date, first_of_month, "1er", std::regex_constants::format_first_only);
}

// Where ", le " starts in `row` ("le" in any case, also as the OCR
// misreads it: "ie", "Ie", "lc", "1e"; always five characters); npos when
// absent.
size_t CommaLe(const std::string& row) {
  static const std::regex comma_le(R"(, (?:le|ie|lc|1e) )", std::regex::icase);
  std::smatch m;
  return std::regex_search(row, m, comma_le) ? static_cast<size_t>(m.position(0)) : std::string::npos;
}

// "<commune>, le 5 septembre 2025": the first row with a date after ", le".
std::optional<std::pair<size_t, std::string>> DatedPlaceRow(const PageView& v, bool want_place_prefix) {
  for (size_t r = 0; r < v.rows().size(); ++r) {
    const std::string row = v.RowText(r);
    const size_t le = CommaLe(row);
    if (le == std::string::npos) continue;
    if (want_place_prefix && !(row.rfind("À ", 0) == 0 || row.rfind("A ", 0) == 0)) continue;
    const std::string date = LetterDatePart(row.substr(le + 5));
    if (auto d = FindDate(date)) return std::make_pair(r, d->value.ToIso());
  }
  return std::nullopt;
}

}  // namespace

void ReadReclamation(DocReader& r) {
  const PageView& v = r.view();
  ReadSenderEmail(r, ReadSender(r, true));
  if (auto dated = DatedPlaceRow(v, false)) {
    r.SetText(fields::kDate, dated->second, v.MinConfidence(v.rows()[dated->first].words), v.rows()[dated->first].words);
  }
}

void ReadRenonciation(DocReader& r) {
  const PageView& v = r.view();
  ReadSender(r, true);
  const std::string text = PageText(v);
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  // The formula number as read: "PASS5", "PASS 5", and the OCR's "PASSS5"
  // (an S too many) or "PASSS" (the 5 read as S).
  static const std::regex contrat(R"(CPMS\s+Sant(?:é|e)\.?\s+PASS\s?(S?[1-5]|S)\b(\s+option\s+Confort)?)");
  std::smatch m;
  if (std::regex_search(flat, m, contrat)) {
    const std::string read = m[1].str();
    const char formula = read.back() == 'S' ? '5' : read.back();
    const double penalty = read == std::string(1, formula) ? 1.0 : kRepairPenalty;
    r.SetText(fields::kContrat, std::string("CPMS Santé PASS") + formula + (m[2].matched ? " option Confort" : ""),
              PageConfidence(v) * penalty, {});
  }
  const auto souscrit = flat.find("souscrit le");
  if (souscrit != std::string::npos) {
    if (auto d = FindDate(flat.substr(souscrit + 11, 40))) {
      r.SetText(fields::kDateSouscription, d->value.ToIso(), PageConfidence(v) * (d->repaired ? kRepairPenalty : 1.0), {});
    }
  }
  if (auto dated = DatedPlaceRow(v, true)) {
    const auto& ids = v.rows()[dated->first].words;
    r.SetText(fields::kDate, dated->second, v.MinConfidence(ids), ids);
    // "À <commune>, le": the commune between the two.
    const std::string row = v.RowText(dated->first);
    const size_t start = row.find(' ') + 1, end = CommaLe(row);
    if (end != std::string::npos && end > start) r.SetText(fields::kLieu, row.substr(start, end - start), v.MinConfidence(ids), ids);
  }
}

}  // namespace liasse::extractors::internal
