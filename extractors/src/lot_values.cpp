#include "lot_values.h"

#include <algorithm>
#include <vector>

namespace liasse::extractors::internal {

namespace {

size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Digits (and the A/B of a Corsican NIR) in reading order.
std::string Characters(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || c == 'A' || c == 'B') out += c;
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

const ReviewFlag* FindFlag(const Document& doc, std::string_view name, std::optional<int> line) {
  for (const auto& f : doc.review) {
    if (f.field == name && f.line == line) return &f;
  }
  return nullptr;
}

// The reading a flag's reason quotes between « and », or nullopt.
std::optional<std::string> Quoted(const std::string& reason) {
  const std::string open = "\xC2\xAB ", close = " \xC2\xBB";
  const auto a = reason.find(open);
  const auto b = reason.rfind(close);
  if (a == std::string::npos || b == std::string::npos || b <= a + open.size()) return std::nullopt;
  return reason.substr(a + open.size(), b - a - open.size());
}

// The characters a value shows on the paper: dates are printed dd/mm/yyyy.
std::string PrintedCharacters(Kind kind, const std::string& value) {
  if (kind == Kind::kDate && value.size() == 10) return value.substr(8, 2) + value.substr(5, 2) + value.substr(0, 4);
  return Characters(value);
}

bool PartialReadingAgrees(Kind kind, const std::string& reading, const std::string& value) {
  if (kind == Kind::kAmount) return !Characters(reading).empty();  // the sums confirm the amount
  if (kind == Kind::kName) {
    size_t start = 0;
    const std::string want = Upper(value);
    while (start < reading.size()) {
      size_t end = reading.find(' ', start);
      if (end == std::string::npos) end = reading.size();
      const std::string word = Upper(reading.substr(start, end - start));
      if (!word.empty() && Distance(word, want) * 3 <= want.size()) return true;
      start = end + 1;
    }
    return false;
  }
  const std::string read = Characters(reading), want = PrintedCharacters(kind, value);
  if (read.size() * 2 < want.size()) return false;
  return Distance(read, want) <= std::max<size_t>(1, want.size() / 4);
}

bool WithinOneCharacter(Kind kind, const std::string& reading, const std::string& value) {
  return Distance(Characters(reading), PrintedCharacters(kind, value)) <= 1;
}

}  // namespace liasse::extractors::internal
