#include "liasse/core/edit_distance.h"

#include <gtest/gtest.h>

namespace liasse {
namespace {

TEST(EditDistance, CountsCharactersChangedAddedOrDropped) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("AMI", "AMI"), 0u);
  EXPECT_EQ(EditDistance("IFD", "FD"), 1u);
}

TEST(EditDistance, CountsCodePointsNotBytesOnU32Text) {
  // "é" is two bytes but one code point.
  EXPECT_EQ(EditDistance(std::string_view("\xC3\xA9t\xC3\xA9"), std::string_view("ete")), 4u);
  EXPECT_EQ(EditDistance(std::u32string_view(U"été"), std::u32string_view(U"ete")), 2u);
}

TEST(EditDistance, OneEditApartMeansOneCharacterChangedAddedOrDropped) {
  EXPECT_TRUE(OneEditApart("AMD", "AMI"));
  EXPECT_TRUE(OneEditApart("FD", "IFD"));
  EXPECT_TRUE(OneEditApart("IFDI", "IFD"));
  EXPECT_TRUE(OneEditApart("K", "IK"));
  EXPECT_FALSE(OneEditApart("AMI", "AMI"));
  EXPECT_FALSE(OneEditApart("ANT", "AMI"));
  EXPECT_FALSE(OneEditApart("A", "B"));   // single characters changed
  EXPECT_FALSE(OneEditApart("", "A"));    // nothing to drop from
  EXPECT_FALSE(OneEditApart("AB", "BA"));
}

}  // namespace
}  // namespace liasse
