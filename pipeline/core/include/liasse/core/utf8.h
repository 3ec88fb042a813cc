// The one UTF-8 decoder of Liasse. It follows RFC 3629: overlong forms,
// surrogates (U+D800..U+DFFF), code points above U+10FFFF, stray
// continuation bytes and truncated sequences are malformed, never decoded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse::utf8 {

enum class Malformation {
  kNone,
  kInvalidLeadByte,         // 0x80..0xC1 or 0xF5..0xFF where a character starts
  kTruncated,               // the text ends, or a non-continuation byte comes, inside a sequence
  kOverlong,                // a longer form than needed (0xC0 0xAF for "/")
  kSurrogate,               // U+D800..U+DFFF, which only UTF-16 may carry
  kAboveUnicode,            // beyond U+10FFFF
};

// "séquence tronquée", "forme trop longue"...: the French name of a failure.
std::string_view MalformationName(Malformation m);

// One decoded character: its code point and byte length, or the failure and
// how many bytes to skip past it (at least 1).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;
  Malformation malformation = Malformation::kNone;
  bool ok() const { return malformation == Malformation::kNone; }
};

// Decodes the character that starts `text` (which must not be empty).
Decoded DecodeFirst(std::string_view text);

// Decodes the character at `i` and advances `i` past it; a malformed
// sequence yields U+FFFD and advances past its first byte only.
char32_t NextCodePoint(std::string_view text, std::size_t& i);

// Every character of `text`, malformed sequences replaced by U+FFFD.
std::u32string DecodeLossy(std::string_view text);

// Every character of `text`, or kCorrupt naming the first malformation and
// its byte offset: "UTF-8 invalide à l'octet 3 : forme trop longue".
Result<std::u32string> Decode(std::string_view text);

}  // namespace liasse::utf8
