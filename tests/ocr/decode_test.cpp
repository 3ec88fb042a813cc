// Decoding real and hostile envelope files: every bad input is a clear
// Status naming the file (and page), never a crash.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "liasse/ocr/page_image.h"

namespace liasse::ocr {
namespace {

const std::filesystem::path kExternal = LIASSE_EXTERNAL_DIR;

std::vector<std::byte> ReadBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::vector<char> c((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> b(c.size());
  std::memcpy(b.data(), c.data(), c.size());
  return b;
}

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("liasse-ocr-test-" + std::to_string(getpid()) + "-" + name);
}

void Expect(const Status& s, StatusCode code, const std::string& fragment) {
  EXPECT_EQ(s.code(), code) << s.ToString();
  EXPECT_NE(s.message().find(fragment), std::string::npos) << s.ToString();
}

TEST(Decode, ZeroByteFileIsCorrupt) {
  auto r = DecodeBytes({}, "vide.tif");
  Expect(r.status(), StatusCode::kCorrupt, "vide.tif: empty file");
}

TEST(Decode, TextFileNamedTifIsRecognisedAsNotAnImage) {
  const auto path = TempPath("lettre.tif");
  std::ofstream(path) << "Madame, Monsieur,\nveuillez trouver ci-joint ma feuille de soins.\n";
  auto r = DecodeFile(path);
  std::filesystem::remove(path);
  Expect(r.status(), StatusCode::kCorrupt, "not a TIFF, PNG, JPEG or PDF");
  EXPECT_NE(r.status().message().find("lettre.tif"), std::string::npos);
}

TEST(Decode, TruncatedTiffIsCorrupt) {
  auto bytes = ReadBytes(kExternal / "tesseract-test/phototest.tif");
  ASSERT_GT(bytes.size(), 1000u);
  bytes.resize(bytes.size() / 2);
  auto r = DecodeBytes(bytes, "coupe.tif");
  Expect(r.status(), StatusCode::kCorrupt, "coupe.tif");
}

// A hand-made TIFF whose header claims 100 000 × 100 000 pixels over 8 bytes of data.
std::vector<std::byte> LyingTiff() {
  std::vector<std::uint8_t> t = {'I', 'I', 42, 0, 8, 0, 0, 0};
  auto put16 = [&](unsigned v) { t.push_back(static_cast<std::uint8_t>(v)); t.push_back(static_cast<std::uint8_t>(v >> 8)); };
  auto put32 = [&](unsigned v) { put16(v & 0xffff); put16(v >> 16); };
  const unsigned tags[][3] = {{256, 4, 100000}, {257, 4, 100000}, {258, 3, 1},   {259, 3, 1},
                              {262, 3, 0},      {273, 4, 200},    {278, 4, 100000}, {279, 4, 8}};
  put16(8);
  for (const auto& tag : tags) {
    put16(tag[0]);
    put16(tag[1]);
    put32(1);
    if (tag[1] == 3) { put16(tag[2]); put16(0); } else { put32(tag[2]); }
  }
  put32(0);
  t.resize(208, 0xff);
  std::vector<std::byte> b(t.size());
  std::memcpy(b.data(), t.data(), t.size());
  return b;
}

TEST(Decode, TiffClaimingTenGigapixelsIsRefusedBeforeDecoding) {
  auto r = DecodeBytes(LyingTiff(), "menteur.tif");
  Expect(r.status(), StatusCode::kLimitExceeded, "menteur.tif: page 1: 100000 x 100000 pixels");
}

TEST(Decode, EncryptedPdfNeedsAPassword) {
  const auto out = TempPath("chiffre.pdf");
  const std::string cmd = "qpdf --encrypt secret owner 128 --use-aes=y -- '" +
                          (kExternal / "ocrmypdf/ccitt.pdf").string() + "' '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto r = DecodeFile(out);
  std::filesystem::remove(out);
  Expect(r.status(), StatusCode::kFailedPrecondition, "chiffre.pdf: encrypted PDF: cannot be opened without its password");
}

TEST(Decode, PdfWithoutPagesIsCorrupt) {
  std::string pdf = "%PDF-1.4\n";
  const std::size_t obj1 = pdf.size();
  pdf += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  const std::size_t obj2 = pdf.size();
  pdf += "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
  const std::size_t xref = pdf.size();
  char table[200];
  std::snprintf(table, sizeof table, "xref\n0 3\n0000000000 65535 f \n%010zu 00000 n \n%010zu 00000 n \n", obj1, obj2);
  pdf += table;
  pdf += "trailer\n<< /Root 1 0 R /Size 3 >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  std::vector<std::byte> b(pdf.size());
  std::memcpy(b.data(), pdf.data(), pdf.size());
  auto r = DecodeBytes(b, "sans-page.pdf");
  Expect(r.status(), StatusCode::kCorrupt, "sans-page.pdf: PDF has no page");
}

TEST(Decode, BornDigitalPdfPageIsNotRasterised) {
  auto r = DecodeFile(kExternal / "invoice2data/free_fiber.pdf");
  Expect(r.status(), StatusCode::kUnimplemented, "free_fiber.pdf: page 1: no scanned image");
}

TEST(Decode, PixelLimitNamesFileAndPage) {
  DecodeLimits limits;
  limits.max_pixels_per_page = 1'000'000;
  auto r = DecodeFile(kExternal / "ocrmypdf/ccitt.pdf", limits);
  Expect(r.status(), StatusCode::kLimitExceeded, "ccitt.pdf: page 1: 2550 x 3300 pixels");
}

TEST(Decode, PageLimitPerEnvelope) {
  DecodeLimits limits;
  limits.max_pages = 3;
  auto r = DecodeFile(kExternal / "ocrmypdf/cardinal.pdf", limits);
  Expect(r.status(), StatusCode::kLimitExceeded, "exceeds max_pages 3");
}

TEST(Decode, FileSizeLimit) {
  DecodeLimits limits;
  limits.max_file_bytes = 1000;
  auto r = DecodeFile(kExternal / "ocrmypdf/ccitt.pdf", limits);
  Expect(r.status(), StatusCode::kLimitExceeded, "exceeds max_file_bytes 1000");
}

TEST(Decode, Jbig2PdfPagesAtNativeResolution) {
  auto r = DecodeFile(kExternal / "ocrmypdf/cardinal.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  for (const PageImage& p : *r) {
    EXPECT_EQ(p.depth(), 1);
    EXPECT_EQ(p.dpi(), 300);
    EXPECT_EQ(p.width() * p.height(), 2550 * 3300);
  }
}

TEST(Decode, CcittG4PdfPage) {
  auto r = DecodeFile(kExternal / "ocrmypdf/ccitt.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].width(), 2550);
  EXPECT_EQ((*r)[0].height(), 3300);
  EXPECT_EQ((*r)[0].depth(), 1);
}

TEST(Decode, MixedResolutionPdfIsUpscaledBelow250Dpi) {
  DecodeLimits limits;
  limits.max_pixels_per_page = 100'000'000;  // page 2 is 9000 × 9000
  auto r = DecodeFile(kExternal / "ocrmypdf/multipage.pdf", limits);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 6u);
  const PageImage& p5 = (*r)[4];  // 612 × 792 grey at 72 dpi
  EXPECT_EQ(p5.source_dpi(), 72);
  EXPECT_EQ(p5.dpi(), 300);
  EXPECT_EQ(p5.width(), 2550);
  EXPECT_EQ((*r)[0].depth(), 32);  // JPEG colour page
  EXPECT_EQ((*r)[1].dpi(), 300);
}

TEST(Decode, DefaultPixelLimitStopsHugePdfPage) {
  auto r = DecodeFile(kExternal / "ocrmypdf/multipage.pdf");
  Expect(r.status(), StatusCode::kLimitExceeded, "multipage.pdf: page 2: 9000 x 9000");
}

TEST(Decode, BatchGoesOnAfterBadEnvelopes) {
  const std::vector<std::filesystem::path> batch = {TempPath("absent.tif"), kExternal / "invoice2data/free_fiber.pdf",
                                                    kExternal / "tesseract-test/phototest.tif"};
  std::vector<Status> statuses;
  for (const auto& f : batch) statuses.push_back(DecodeFile(f).status());
  EXPECT_EQ(statuses[0].code(), StatusCode::kNotFound);
  EXPECT_EQ(statuses[1].code(), StatusCode::kUnimplemented);
  EXPECT_TRUE(statuses[2].ok()) << statuses[2].ToString();
}

TEST(Decode, PngAndTiffPages) {
  auto tif = DecodeFile(kExternal / "tesseract-test/phototest.tif");
  ASSERT_TRUE(tif.ok()) << tif.status().ToString();
  EXPECT_GE((*tif)[0].dpi(), 250);
  auto png = DecodeFile(kExternal / "tesseract-test/phototest-rotated-L.png");
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_GE((*png)[0].dpi(), 250);
  EXPECT_TRUE((*png)[0].depth() == 1 || (*png)[0].depth() == 8);  // colormap removed
}

}  // namespace
}  // namespace liasse::ocr
