#include "liasse/core/text.h"

#include <array>
#include <utility>

namespace liasse::text {
namespace {

// UTF-8 sequences of the spaces we fold to ' '.
constexpr std::array<std::string_view, 4> kUnicodeSpaces = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\t"};

// Two-byte UTF-8 (C3 xx) accented letters and their ASCII base letter.
constexpr std::array<std::pair<unsigned char, char>, 34> kAccents = {{
    {0xA0, 'a'}, {0xA2, 'a'}, {0xA4, 'a'}, {0xA7, 'c'}, {0xA8, 'e'}, {0xA9, 'e'}, {0xAA, 'e'},
    {0xAB, 'e'}, {0xAE, 'i'}, {0xAF, 'i'}, {0xB4, 'o'}, {0xB6, 'o'}, {0xB9, 'u'}, {0xBB, 'u'},
    {0xBC, 'u'}, {0xBF, 'y'}, {0x80, 'a'}, {0x82, 'a'}, {0x84, 'a'}, {0x87, 'c'}, {0x88, 'e'},
    {0x89, 'e'}, {0x8A, 'e'}, {0x8B, 'e'}, {0x8E, 'i'}, {0x8F, 'i'}, {0x94, 'o'}, {0x96, 'o'},
    {0x99, 'u'}, {0x9B, 'u'}, {0x9C, 'u'}, {0x81, 'a'}, {0x8D, 'i'}, {0xBA, 'u'},
}};

}  // namespace

std::string NormalizeSpaces(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    bool matched = false;
    for (std::string_view space : kUnicodeSpaces) {
      if (in.substr(i, space.size()) == space) {
        out.push_back(' ');
        i += space.size();
        matched = true;
        break;
      }
    }
    if (!matched) out.push_back(in[i++]);
  }
  return out;
}

std::string_view Trim(std::string_view in) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!in.empty() && is_space(in.front())) in.remove_prefix(1);
  while (!in.empty() && is_space(in.back())) in.remove_suffix(1);
  return in;
}

std::string FoldFrench(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto byte = static_cast<unsigned char>(in[i]);
    if (byte == 0xC3 && i + 1 < in.size()) {
      const auto next = static_cast<unsigned char>(in[i + 1]);
      char base = 0;
      for (const auto& [code, letter] : kAccents) {
        if (code == next) base = letter;
      }
      if (base != 0) {
        out.push_back(base);
        ++i;
        continue;
      }
    }
    if (byte >= 'A' && byte <= 'Z') {
      out.push_back(static_cast<char>(byte - 'A' + 'a'));
    } else {
      out.push_back(static_cast<char>(byte));
    }
  }
  return out;
}

std::string StripSeparators(std::string_view in) {
  const std::string spaced = NormalizeSpaces(in);
  std::string out;
  out.reserve(spaced.size());
  for (char c : spaced) {
    if (c != ' ' && c != '.' && c != '-') out.push_back(c);
  }
  return out;
}

}  // namespace liasse::text
