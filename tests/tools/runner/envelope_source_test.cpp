#include "liasse/runner/envelope_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/status_matchers.h"

namespace liasse::runner {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

TEST(EnvelopeSource, SniffsFormatFromMagicBytesNotNames) {
  EXPECT_EQ(SniffFormat(std::string_view("II*\0rest", 8)), EnvelopeFormat::kTiff);
  EXPECT_EQ(SniffFormat(std::string_view("MM\0*rest", 8)), EnvelopeFormat::kTiff);
  EXPECT_EQ(SniffFormat("%PDF-1.7\n"), EnvelopeFormat::kPdf);
  EXPECT_EQ(SniffFormat("\x89PNG\r\n\x1a\nxxxx"), EnvelopeFormat::kPng);
  EXPECT_EQ(SniffFormat("\xFF\xD8\xFF\xE0"), EnvelopeFormat::kJpeg);
  EXPECT_EQ(SniffFormat("hello, this is text"), EnvelopeFormat::kUnknown);
  EXPECT_EQ(SniffFormat(""), EnvelopeFormat::kUnknown);
}

TEST(EnvelopeSource, ListsDirectoryFilesInNameOrderSkippingResultsAndHidden) {
  const fs::path dir = fs::path(testing::TempDir()) / "liasse_list_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  for (const char* name : {"b.tif", "a.pdf", "c.png", ".hidden.tif", "a.truth.json", "notes.txt"}) {
    std::ofstream(dir / name) << "x";
  }
  auto listed = ListEnvelopes({dir});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].filename(), "a.pdf");
  EXPECT_EQ((*listed)[1].filename(), "b.tif");
  EXPECT_EQ((*listed)[2].filename(), "c.png");
  EXPECT_THAT(ListEnvelopes({dir / "nope.tif"}),
              StatusIs(StatusCode::kNotFound, HasSubstr("nope.tif : fichier ou dossier introuvable")));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace liasse::runner
