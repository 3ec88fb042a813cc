// Decoding real and hostile envelope files: every bad input is a clear
// Status naming the file (and page), never a crash.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>

#include "bad_inputs.h"
#include "liasse/ocr/page_image.h"
#include "testing/status_matchers.h"

namespace liasse::ocr {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

const std::filesystem::path kTestData = LIASSE_TEST_DATA_DIR;  // tests/data

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
  Expect(r.status(), StatusCode::kCorrupt, "vide.tif: fichier vide");
}

TEST(Decode, TextFileNamedTifIsRecognisedAsNotAnImage) {
  const auto path = TempPath("lettre.tif");
  std::ofstream(path) << "Madame, Monsieur,\nveuillez trouver ci-joint ma feuille de soins.\n";
  auto r = DecodeFile(path);
  std::filesystem::remove(path);
  Expect(r.status(), StatusCode::kCorrupt, "ni TIFF, ni PNG, ni JPEG, ni PDF");
  EXPECT_NE(r.status().message().find("lettre.tif"), std::string::npos);
}

TEST(Decode, TruncatedTiffIsCorrupt) {
  auto bytes = ReadBytes(kTestData / "tesseract-test/phototest.tif");
  ASSERT_GT(bytes.size(), 1000u);
  bytes.resize(bytes.size() / 2);
  auto r = DecodeBytes(bytes, "coupe.tif");
  Expect(r.status(), StatusCode::kCorrupt, "coupe.tif");
}

TEST(Decode, PngChunkLongerThanTheFileIsRefusedBeforeLibpngAllocatesIt) {
  // Found by the decode_png fuzzer: 2 KB announcing a 2 GB chunk after the image data.
  auto bytes = ReadBytes(kTestData / "fuzz/png-chunk-longer-than-file.png");
  ASSERT_EQ(bytes.size(), 2048u);
  auto r = DecodeBytes(bytes, "bloc.png");
  Expect(r.status(), StatusCode::kCorrupt, "bloc.png: PNG illisible (un bloc annonce plus d'octets que le fichier n'en contient)");
}

TEST(Decode, TiffClaimingTenGigapixelsIsRefusedBeforeDecoding) {
  auto r = DecodeBytes(LyingTiff(), "menteur.tif");
  Expect(r.status(), StatusCode::kLimitExceeded, "menteur.tif: page 1: 100000 x 100000 pixels");
}

TEST(Decode, EncryptedPdfNeedsAPassword) {
  const auto out = TempPath("chiffre.pdf");
  const std::string cmd = "qpdf --encrypt secret owner 128 --use-aes=y -- '" +
                          (kTestData / "ocrmypdf/ccitt.pdf").string() + "' '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto r = DecodeFile(out);
  std::filesystem::remove(out);
  Expect(r.status(), StatusCode::kFailedPrecondition, "chiffre.pdf: PDF chiffré : illisible sans son mot de passe");
}

TEST(Decode, PdfWithoutPagesIsCorrupt) {
  const std::vector<std::byte> b = PdfWithoutPages();
  auto r = DecodeBytes(b, "sans-page.pdf");
  Expect(r.status(), StatusCode::kCorrupt, "sans-page.pdf: PDF sans aucune page");
}

TEST(Decode, BornDigitalPdfPageIsNotRasterised) {
  auto r = DecodeFile(kTestData / "invoice2data/free_fiber.pdf");
  Expect(r.status(), StatusCode::kUnimplemented, "free_fiber.pdf: page 1: aucune image scannée");
}

TEST(Decode, PixelLimitNamesFileAndPage) {
  DecodeLimits limits;
  limits.max_pixels_per_page = 1'000'000;
  auto r = DecodeFile(kTestData / "ocrmypdf/ccitt.pdf", limits);
  Expect(r.status(), StatusCode::kLimitExceeded, "ccitt.pdf: page 1: 2550 x 3300 pixels");
}

TEST(Decode, PageLimitPerEnvelope) {
  DecodeLimits limits;
  limits.max_pages = 3;
  auto r = DecodeFile(kTestData / "ocrmypdf/cardinal.pdf", limits);
  Expect(r.status(), StatusCode::kLimitExceeded, "au-delà de max_pages 3");
}

TEST(Decode, FileSizeLimit) {
  DecodeLimits limits;
  limits.max_file_bytes = 1000;
  auto r = DecodeFile(kTestData / "ocrmypdf/ccitt.pdf", limits);
  Expect(r.status(), StatusCode::kLimitExceeded, "au-delà de max_file_bytes 1000");
}

TEST(Decode, Jbig2PdfPagesAtNativeResolution) {
  auto r = DecodeFile(kTestData / "ocrmypdf/cardinal.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  for (const PageImage& p : *r) {
    EXPECT_EQ(p.depth(), 1);
    EXPECT_EQ(p.dpi(), 300);
    EXPECT_EQ(p.width() * p.height(), 2550 * 3300);
  }
}

TEST(Decode, CcittG4PdfPage) {
  auto r = DecodeFile(kTestData / "ocrmypdf/ccitt.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].width(), 2550);
  EXPECT_EQ((*r)[0].height(), 3300);
  EXPECT_EQ((*r)[0].depth(), 1);
}

TEST(Decode, MixedResolutionPdfIsUpscaledBelow250Dpi) {
  DecodeLimits limits;
  limits.max_pixels_per_page = 100'000'000;  // page 2 is 9000 × 9000
  auto r = DecodeFile(kTestData / "ocrmypdf/multipage.pdf", limits);
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
  auto r = DecodeFile(kTestData / "ocrmypdf/multipage.pdf");
  Expect(r.status(), StatusCode::kLimitExceeded, "multipage.pdf: page 2: 9000 x 9000");
}

TEST(Decode, BatchGoesOnAfterBadEnvelopes) {
  const std::vector<std::filesystem::path> batch = {TempPath("absent.tif"), kTestData / "invoice2data/free_fiber.pdf",
                                                    kTestData / "tesseract-test/phototest.tif"};
  std::vector<Status> statuses;
  for (const auto& f : batch) statuses.push_back(DecodeFile(f).status());
  EXPECT_THAT(statuses[0], StatusIs(StatusCode::kNotFound, HasSubstr("absent.tif: fichier ou dossier introuvable")));
  EXPECT_THAT(statuses[1], StatusIs(StatusCode::kUnimplemented, HasSubstr("free_fiber.pdf: page 1: aucune image scannée")));
  EXPECT_TRUE(statuses[2].ok()) << statuses[2].ToString();
}

TEST(Decode, PngAndTiffPages) {
  auto tif = DecodeFile(kTestData / "tesseract-test/phototest.tif");
  ASSERT_TRUE(tif.ok()) << tif.status().ToString();
  EXPECT_GE((*tif)[0].dpi(), 250);
  auto png = DecodeFile(kTestData / "tesseract-test/phototest-rotated-L.png");
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_GE((*png)[0].dpi(), 250);
  EXPECT_TRUE((*png)[0].depth() == 1 || (*png)[0].depth() == 8);  // colormap removed
}

TEST(GreyPixels, OneBitPageKeepsItsBlackPixels) {
  auto r = DecodeFile(kTestData / "ocrmypdf/ccitt.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const PageImage& page = (*r)[0];
  ASSERT_EQ(page.depth(), 1);
  auto grey = ToGreyPixels(page);
  ASSERT_TRUE(grey.ok()) << grey.status().ToString();
  EXPECT_EQ(grey->width, page.width());
  EXPECT_EQ(grey->height, page.height());
  EXPECT_EQ(grey->dpi, 300);
  ASSERT_EQ(grey->pixels.size(), static_cast<std::size_t>(page.width()) * static_cast<std::size_t>(page.height()));
  std::size_t black = 0, white = 0;
  for (std::uint8_t v : grey->pixels) {
    black += v == 0;
    white += v == 255;
  }
  EXPECT_EQ(black + white, grey->pixels.size());  // a 1-bit page stays two-valued
  // A text page: some ink, mostly paper; the top-left corner (margin) is paper.
  EXPECT_GT(black, grey->pixels.size() / 100);
  EXPECT_LT(black, grey->pixels.size() / 4);
  EXPECT_EQ(grey->pixels[0], 255);
}

// Pages written with a known asymmetric pattern (odd sizes, so a transposed
// or padded copy shows), decoded, then compared pixel by pixel.
PageImage PatternPage(int depth) {
  const int w = 37, h = 23;
  Pix* pix = pixCreate(w, h, depth);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const l_uint32 v = static_cast<l_uint32>((x * 7 + y * 3) % 256);
      if (depth == 1) pixSetPixel(pix, x, y, (x + 2 * y) % 5 == 0 ? 1 : 0);
      else if (depth == 8) pixSetPixel(pix, x, y, v);
      else pixSetPixel(pix, x, y, (v << 24) | (v << 16) | (v << 8));  // grey in RGB
    }
  }
  pixSetResolution(pix, 300, 300);
  const auto path = TempPath("motif-" + std::to_string(depth) + ".png");
  pixWrite(path.c_str(), pix, IFF_PNG);
  pixDestroy(&pix);
  auto r = DecodeFile(path);
  std::filesystem::remove(path);
  if (!r.ok()) ADD_FAILURE() << r.status().ToString();
  return (*r)[0];
}

TEST(GreyPixels, EveryDepthIsCopiedRowMajorWithBlackAsZero) {
  for (int depth : {1, 8, 32}) {
    const PageImage page = PatternPage(depth);
    auto grey = ToGreyPixels(page);
    ASSERT_TRUE(grey.ok()) << grey.status().ToString();
    ASSERT_EQ(grey->width, 37);
    ASSERT_EQ(grey->height, 23);
    ASSERT_EQ(grey->pixels.size(), 37u * 23u);
    int wrong = 0;
    for (int y = 0; y < 23; ++y) {
      for (int x = 0; x < 37; ++x) {
        const int expected = depth == 1 ? ((x + 2 * y) % 5 == 0 ? 0 : 255) : (x * 7 + y * 3) % 256;
        wrong += grey->pixels[static_cast<std::size_t>(y) * 37 + static_cast<std::size_t>(x)] != expected;
      }
    }
    EXPECT_EQ(wrong, 0) << depth << "-bit page";
  }
}

TEST(EncodePng, DecodesBackToTheSameRasterAndResolution) {
  for (int depth : {1, 8, 32}) {
    const PageImage page = PatternPage(depth);
    auto png = EncodePng(page);
    ASSERT_TRUE(png.ok()) << png.status().ToString();
    ASSERT_TRUE(png->starts_with("\x89PNG")) << depth;
    auto back = DecodeBytes(std::as_bytes(std::span(png->data(), png->size())), "motif.png");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].dpi(), 300) << depth;
    auto got = ToGreyPixels((*back)[0]);
    auto want = ToGreyPixels(page);
    ASSERT_TRUE(got.ok() && want.ok());
    EXPECT_EQ(got->pixels, want->pixels) << depth << "-bit page";
  }
}

TEST(Decode, OneBitFlateWithPngPredictorAsImg2pdfWritesIt) {
  // img2pdf stores a 1-bit PNG as Flate with /Predictor 15, which PoDoFo
  // 0.9.8 cannot undo for pixels under a byte.
  const PageImage page = PatternPage(1);
  const auto png = TempPath("fax.png"), pdf = TempPath("fax.pdf");
  ASSERT_TRUE(WritePng(page, png).ok());
  const std::string cmd = "/usr/bin/python3 -c 'import img2pdf, sys; open(sys.argv[1], \"wb\").write(img2pdf.convert(sys.argv[2]))' '" +
                          pdf.string() + "' '" + png.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto r = DecodeFile(pdf);
  std::filesystem::remove(png);
  std::filesystem::remove(pdf);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto got = ToGreyPixels((*r)[0]);
  auto want = ToGreyPixels(page);
  ASSERT_TRUE(got.ok() && want.ok());
  EXPECT_EQ((*r)[0].depth(), 1);
  EXPECT_EQ(got->pixels, want->pixels);
}

}  // namespace
}  // namespace liasse::ocr
