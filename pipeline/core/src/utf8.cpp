#include "liasse/core/utf8.h"

#include <string>

namespace liasse::utf8 {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

Decoded Failure(Malformation m, std::size_t skip) { return Decoded{0xFFFD, skip, m}; }

}  // namespace

std::string_view MalformationName(Malformation m) {
  switch (m) {
    case Malformation::kNone: return "bien formé";
    case Malformation::kInvalidLeadByte: return "octet de tête invalide";
    case Malformation::kTruncated: return "séquence tronquée";
    case Malformation::kOverlong: return "forme trop longue";
    case Malformation::kSurrogate: return "demi-code UTF-16 (U+D800..U+DFFF)";
    case Malformation::kAboveUnicode: return "au-delà de U+10FFFF";
  }
  return "?";
}

Decoded DecodeFirst(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return Decoded{lead, 1, Malformation::kNone};
  // The lead byte gives the length and its payload bits; 0xC0/0xC1 can only
  // start an overlong form of ASCII, 0xF5.. only a code point past U+10FFFF.
  std::size_t length = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07u;
  } else if (lead == 0xC0 || lead == 0xC1) {
    return Failure(Malformation::kOverlong, 1);
  } else {
    return Failure(Malformation::kInvalidLeadByte, 1);
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (k >= text.size() || !IsContinuation(static_cast<unsigned char>(text[k]))) {
      return Failure(Malformation::kTruncated, 1);
    }
    cp = (cp << 6) | (static_cast<unsigned char>(text[k]) & 0x3Fu);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[length]) return Failure(Malformation::kOverlong, 1);
  if (cp >= 0xD800 && cp <= 0xDFFF) return Failure(Malformation::kSurrogate, 1);
  if (cp > 0x10FFFF) return Failure(Malformation::kAboveUnicode, 1);
  return Decoded{cp, length, Malformation::kNone};
}

char32_t NextCodePoint(std::string_view text, std::size_t& i) {
  const Decoded d = DecodeFirst(text.substr(i));
  i += d.length;
  return d.code_point;
}

std::u32string DecodeLossy(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) out += NextCodePoint(text, i);
  return out;
}

Result<std::u32string> Decode(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeFirst(text.substr(i));
    if (!d.ok()) {
      return Status::Corrupt("UTF-8 invalide à l'octet " + std::to_string(i) + " : " +
                             std::string(MalformationName(d.malformation)));
    }
    out += d.code_point;
    i += d.length;
  }
  return out;
}

}  // namespace liasse::utf8
