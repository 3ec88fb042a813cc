#include "lot_values.h"

#include <algorithm>
#include <vector>

#include "page_view.h"

namespace liasse::extractors::internal {

namespace {

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
      if (!word.empty() && EditDistance(word, want) * 3 <= want.size()) return true;
      start = end + 1;
    }
    return false;
  }
  const std::string read = Characters(reading), want = PrintedCharacters(kind, value);
  if (read.size() * 2 < want.size()) return false;
  return EditDistance(read, want) <= std::max<size_t>(1, want.size() / 4);
}

bool WithinOneCharacter(Kind kind, const std::string& reading, const std::string& value) {
  return EditDistance(Characters(reading), PrintedCharacters(kind, value)) <= 1;
}

std::optional<std::string> ZeroSettles(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a == b) return std::nullopt;
  auto bowl = [](char c) { return c == '6' || c == '8' || c == '9'; };
  std::string out = a;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    // One read 0, or the two read different bowls: the same glyph seen two
    // ways, which a 6, 8 or 9 printed plainly is not.
    if ((a[i] == '0' && bowl(b[i])) || (b[i] == '0' && bowl(a[i])) || (bowl(a[i]) && bowl(b[i]))) out[i] = '0';
    else return std::nullopt;
  }
  return out;
}

std::vector<std::string> ZeroCandidates(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return {};
  std::vector<std::string> out = {a};
  int differing = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (++differing > 4) return {};
    std::vector<std::string> next;
    for (const std::string& partial : out) {
      for (char c : {'0', a[i], b[i]}) {
        std::string candidate = partial;
        candidate[i] = c;
        if (std::find(next.begin(), next.end(), candidate) == next.end()) next.push_back(candidate);
      }
    }
    out = std::move(next);
  }
  return out;
}

}  // namespace liasse::extractors::internal
