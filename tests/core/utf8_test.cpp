#include "liasse/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace liasse::utf8 {
namespace {

Malformation FailureOf(std::string_view bytes) { return DecodeFirst(bytes).malformation; }

TEST(Utf8, DecodesOneToFourByteCharacters) {
  Result<std::u32string> decoded = Decode("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");  // a é € 😀
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, U"a\u00E9\u20AC\U0001F600");
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_EQ(FailureOf("\xC0\xAF"), Malformation::kOverlong);          // "/" in two bytes
  EXPECT_EQ(FailureOf("\xE0\x80\xAF"), Malformation::kOverlong);      // "/" in three bytes
  EXPECT_EQ(FailureOf("\xF0\x82\x82\xAC"), Malformation::kOverlong);  // "€" in four bytes
  Result<std::u32string> decoded = Decode("ab\xC1\xBF");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(decoded.status().message(), "UTF-8 invalide à l'octet 2 : forme trop longue");
}

TEST(Utf8, RejectsSurrogates) {
  EXPECT_EQ(FailureOf("\xED\xA0\x80"), Malformation::kSurrogate);  // U+D800
  EXPECT_EQ(FailureOf("\xED\xBF\xBF"), Malformation::kSurrogate);  // U+DFFF
  EXPECT_TRUE(DecodeFirst("\xED\x9F\xBF").ok());                   // U+D7FF is a character
  Result<std::u32string> decoded = Decode("\xED\xB0\x80");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().message(), "UTF-8 invalide à l'octet 0 : demi-code UTF-16 (U+D800..U+DFFF)");
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_EQ(FailureOf("\xC3"), Malformation::kTruncated);        // text ends
  EXPECT_EQ(FailureOf("\xE2\x82"), Malformation::kTruncated);    // text ends
  EXPECT_EQ(FailureOf("\xE2\x82z"), Malformation::kTruncated);   // a non-continuation byte comes
  Result<std::u32string> decoded = Decode("caf\xC3");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().message(), "UTF-8 invalide à l'octet 3 : séquence tronquée");
}

TEST(Utf8, RejectsStrayContinuationAndInvalidLeadBytes) {
  EXPECT_EQ(FailureOf("\x80"), Malformation::kInvalidLeadByte);
  EXPECT_EQ(FailureOf("\xFF"), Malformation::kInvalidLeadByte);
  EXPECT_EQ(FailureOf("\xF4\x90\x80\x80"), Malformation::kAboveUnicode);  // U+110000
  EXPECT_TRUE(DecodeFirst("\xF4\x8F\xBF\xBF").ok());                      // U+10FFFF
}

TEST(Utf8, LossyDecodingReplacesEachMalformedByteAndResynchronises) {
  // The overlong pair gives two U+FFFD (its continuation byte is stray once
  // the lead byte is skipped); the text after it is read normally.
  EXPECT_EQ(DecodeLossy("a\xC0\xAF" "b\xC3\xA9"), U"a\uFFFD\uFFFDb\u00E9");
  std::size_t i = 0;
  EXPECT_EQ(NextCodePoint("\xE2\x82" "A", i), U'\uFFFD');
  EXPECT_EQ(i, 1u);
}

}  // namespace
}  // namespace liasse::utf8
