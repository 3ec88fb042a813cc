// Recognition on real scans: orientation, deskew, CER against gold text,
// region re-reading. Real Tesseract with fra; slow.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>

#include "bad_inputs.h"
#include "liasse/core/edit_distance.h"
#include "liasse/ocr/ocr.h"
#include "testing/scratch_dir.h"
#include "testing/status_matchers.h"

namespace liasse::ocr {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kTestData = LIASSE_TEST_DATA_DIR;  // tests/data

std::string Normalise(const std::string& s) {  // collapse whitespace
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) { space = !out.empty(); continue; }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

double Cer(const std::string& got, const std::string& gold) {
  const std::string a = Normalise(got), b = Normalise(gold);
  return static_cast<double>(EditDistance(a, b)) / static_cast<double>(std::max<std::size_t>(b.size(), 1));
}

std::string Gold() {
  std::ifstream in(kTestData / "tesseract-test/phototest.gold.txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

OcrEngine& Engine() {
  static auto engine = [] {
    auto e = OcrEngine::Create(OcrOptions{});
    if (!e.ok()) std::abort();
    return std::move(e).value();
  }();
  return *engine;
}

PageImage Decode1(const std::filesystem::path& p) {
  auto r = DecodeFile(p);
  if (!r.ok()) ADD_FAILURE() << r.status().ToString();
  return (*r)[0];
}

TEST(Recognise, PhototestMatchesGoldText) {
  auto r = Engine().Recognise(Decode1(kTestData / "tesseract-test/phototest.tif"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const double cer = Cer(r->text, Gold());
  std::cout << "phototest.tif CER " << cer << " mean confidence " << r->mean_confidence << "\n";
  EXPECT_LE(cer, 0.02);
  EXPECT_EQ(r->rotation_degrees, 0);
  ASSERT_FALSE(r->blocks.empty());
  EXPECT_EQ(r->blocks[0].lines[0].words[0].text, "This");
  EXPECT_GT(r->blocks[0].lines[0].words[0].confidence, 80.0f);
  EXPECT_NE(r->hocr.find("ocrx_word"), std::string::npos);
}

// Tesseract stamps each one-page PDF with the time of recognition; the
// envelope's searchable PDF must not carry it, or the same scan processed
// on another day gives other bytes (the README's main command must give the
// same files on any day).
TEST(SearchablePdf, CarriesNoDateOfRecognition) {
  OcrOptions options;
  options.render_pdf_page = true;
  auto engine = OcrEngine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto page = (*engine)->Recognise(Decode1(kTestData / "tesseract-test/phototest.tif"));
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_NE(page->pdf_page.find("CreationDate"), std::string::npos);  // what Tesseract writes
  const auto path = test_support::ProcessScratchDir() / "phototest.ocr.pdf";
  ASSERT_TRUE(WriteSearchablePdf({*page}, path).ok());
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.find("CreationDate"), std::string::npos);
  EXPECT_EQ(bytes.find("ModDate"), std::string::npos);
}

TEST(Recognise, RotatedPhototestVariantsAreTurnedUpright) {
  const std::pair<const char*, int> cases[] = {
      {"phototest-rotated-180.png", 180}, {"phototest-rotated-L.png", 90}, {"phototest-rotated-R.png", 270}};
  for (const auto& [file, expected] : cases) {
    auto r = Engine().Recognise(Decode1(kTestData / "tesseract-test" / file));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    const double cer = Cer(r->text, Gold());
    std::cout << file << ": rotation " << r->rotation_degrees << " CER " << cer << "\n";
    EXPECT_LE(cer, 0.02) << file;
    EXPECT_TRUE(r->rotation_degrees == expected || r->rotation_degrees == (360 - expected) % 360) << file;
  }
}

TEST(Recognise, CardinalPdfAllFourOrientationsReadUpright) {
  auto pages = DecodeFile(kTestData / "ocrmypdf/cardinal.pdf");
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  auto pool = OcrPool::Create(OcrOptions{}, 2);
  ASSERT_TRUE(pool.ok());
  std::set<int> rotations;
  for (auto& r : (*pool)->RecogniseAll(*pages)) {
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    std::cout << "cardinal page " << r->page_number << ": rotation " << r->rotation_degrees << " confidence "
              << r->orientation_confidence << " mean word confidence " << r->mean_confidence << "\n";
    EXPECT_NE(r->text.find("LinnSequencer"), std::string::npos) << r->page_number;
    EXPECT_GT(r->mean_confidence, 80.0f);
    rotations.insert(r->rotation_degrees);
  }
  EXPECT_EQ(rotations, (std::set<int>{0, 90, 180, 270}));
}

TEST(Recognise, SkewPdfPageIsStraightAfterDeskew) {
  // skew.pdf draws a straight scan through a rotated matrix; the native
  // image we extract is measured and left within OCRmyPDF's ±0.5° bar.
  auto r = Engine().Recognise(Decode1(kTestData / "ocrmypdf/skew.pdf"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::cout << "skew.pdf measured skew " << r->skew_degrees << "\n";
  EXPECT_LE(std::abs(r->skew_degrees), 0.5);
  EXPECT_NE(r->text.find("LinnSequencer"), std::string::npos);
}

TEST(Recognise, SyntheticSkewsUpToTenDegreesAreMeasuredWithin0_2) {
  auto base = DecodeFile(kTestData / "ocrmypdf/ccitt.pdf");
  ASSERT_TRUE(base.ok());
  auto path = std::filesystem::temp_directory_path() / ("liasse-skew-" + std::to_string(getpid()) + ".png");
  Pix* src = pixRead((kTestData / "tesseract-test/phototest.tif").c_str());
  ASSERT_NE(src, nullptr);
  for (double degrees : {-9.5, -4.0, 1.5, 7.0}) {
    Pix* rotated = pixRotate(src, static_cast<l_float32>(degrees * M_PI / 180.0), L_ROTATE_SAMPLING,
                             L_BRING_IN_WHITE, 0, 0);
    pixSetResolution(rotated, 300, 300);
    pixWrite(path.c_str(), rotated, IFF_PNG);
    pixDestroy(&rotated);
    auto r = Engine().Recognise(Decode1(path));
    ASSERT_TRUE(r.ok());
    const double residual = r->skew_degrees + degrees;
    std::cout << "skewed by " << degrees << ": measured " << r->skew_degrees << " residual " << residual
              << " CER " << Cer(r->text, Gold()) << "\n";
    EXPECT_LE(std::abs(residual), 0.2) << degrees;
  }
  pixDestroy(&src);
  std::filesystem::remove(path);
}

// A page scanned washed out, as the synthetic corpus's "low contrast": ink
// grey (118), paper dull (200), strokes softened by a slight blur. Before the
// contrast stretch, Sauvola broke regular-weight text into dust on such pages.
TEST(Recognise, WashedOutScanReadsAsWellAsTheOriginal) {
  Pix* src = pixRead((kTestData / "tesseract-test/phototest.tif").c_str());
  ASSERT_NE(src, nullptr);
  Pix* grey = pixConvertTo8(src, 0);
  pixDestroy(&src);
  Pix* washed = pixGammaTRC(nullptr, grey, 1.0f, -367, 426);  // 0 -> 118, 255 -> 200
  pixDestroy(&grey);
  L_KERNEL* gauss = makeGaussianKernel(2, 2, 1.0f, 1.0f);
  Pix* soft = pixConvolve(washed, gauss, 8, 1);
  kernelDestroy(&gauss);
  pixDestroy(&washed);
  ASSERT_NE(soft, nullptr);
  l_uint32 ink = 0, paper = 0;
  pixGetRankValue(soft, 1, 0.005f, &ink);
  pixGetRankValue(soft, 1, 0.5f, &paper);
  EXPECT_GE(ink, 110u);
  EXPECT_LE(paper, 205u);
  pixSetResolution(soft, 300, 300);
  auto path = std::filesystem::temp_directory_path() / ("liasse-washed-" + std::to_string(getpid()) + ".png");
  pixWrite(path.c_str(), soft, IFF_PNG);
  pixDestroy(&soft);
  auto r = Engine().Recognise(Decode1(path));
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const double cer = Cer(r->text, Gold());
  std::cout << "washed-out phototest CER " << cer << "\n";
  EXPECT_LE(cer, 0.02);
}

// A hand-font form page of Liasse's synthetic corpus (tests/data/README.md):
// Tesseract's page layout takes its written rows for pictures and drops
// them whole; each is read again as a single line.
TEST(Recognise, RowsThePageLayoutDroppedAreReadAsSingleLines) {
  const PageImage page = Decode1(kTestData / "liasse-synth/dropped_rows.tiff");
  OcrOptions without;
  without.read_unread_rows = false;
  auto plain = OcrEngine::Create(without);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  auto dropped = (*plain)->Recognise(page);
  ASSERT_TRUE(dropped.ok()) << dropped.status().ToString();
  EXPECT_THAT(dropped->text, Not(HasSubstr("DIJON")));  // the cause, as Tesseract 5.3 reads it

  auto r = Engine().Recognise(page);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_THAT(r->text, HasSubstr("41 boulevard des"));
  EXPECT_THAT(r->text, HasSubstr("DIJON"));
  EXPECT_THAT(r->text, HasSubstr("Nom / prénom : BARBIER"));
  int rows_with_dijon = 0;
  for (const Block& block : r->blocks) {
    for (const Line& line : block.lines) {
      for (const Word& word : line.words) rows_with_dijon += word.text == "DIJON" ? 1 : 0;
    }
  }
  EXPECT_EQ(rows_with_dijon, 1);  // read once, where it was left unread
}

TEST(Recognise, RegionRereadWithDigitWhitelist) {
  auto r = Engine().Recognise(Decode1(kTestData / "tesseract-test/phototest.tif"));
  ASSERT_TRUE(r.ok());
  const Word* twelve = nullptr;
  for (const auto& b : r->blocks)
    for (const auto& l : b.lines)
      for (const auto& w : l.words)
        if (w.text == "12") twelve = &w;
  ASSERT_NE(twelve, nullptr);
  Box box = twelve->box;
  box.x -= 4; box.y -= 4; box.width += 8; box.height += 8;
  auto region = Engine().RecogniseRegion(*r->cleaned, box, RegionOptions{8, "0123456789"});
  ASSERT_TRUE(region.ok()) << region.status().ToString();
  EXPECT_EQ(region->text, "12");
  EXPECT_THAT(Engine().RecogniseRegion(*r->cleaned, Box{-5, 0, 10, 10}, RegionOptions{}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("page 1: region -5,0 10x10 is not inside the page")));
}

TEST(OcrPool, RegionRereadBorrowsAFreeEngineFromSeveralThreads) {
  auto pool = OcrPool::Create(OcrOptions{}, 2);
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  auto pages = (*pool)->RecogniseAll({Decode1(kTestData / "tesseract-test/phototest.tif")});
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_TRUE(pages[0].ok()) << pages[0].status().ToString();
  const PageResult& page = *pages[0];
  std::vector<Box> boxes;  // "12" and the first line's first word
  for (const auto& b : page.blocks)
    for (const auto& l : b.lines)
      for (const auto& w : l.words)
        if (w.text == "12") boxes.push_back(w.box);
  ASSERT_EQ(boxes.size(), 1u);
  boxes.push_back(page.blocks[0].lines[0].words[0].box);
  for (Box& box : boxes) { box.x -= 4; box.y -= 4; box.width += 8; box.height += 8; }
  // Four threads on two engines: calls must queue, not share an engine.
  std::vector<std::string> texts(8);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      threads.emplace_back([&, i] {
        const bool digits = i % 2 == 0;
        auto r = (*pool)->RecogniseRegion(*page.cleaned, boxes[digits ? 0 : 1],
                                          digits ? RegionOptions{8, "0123456789"} : RegionOptions{8, ""});
        texts[i] = r.ok() ? r->text : r.status().ToString();
      });
    }
  }
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(texts[i], i % 2 == 0 ? "12" : "This") << i;
  EXPECT_THAT(
      (*pool)->RecogniseRegion(*page.cleaned, Box{0, 0, page.cleaned->width() + 1, 10}, RegionOptions{}),
      StatusIs(StatusCode::kInvalidArgument,
               HasSubstr("region 0,0 " + std::to_string(page.cleaned->width() + 1) + "x10 is not inside the page")));
}

// The hostile envelopes in one batch with two good ones: each bad
// file gives its own clear error naming it, the good pages are recognised.
TEST(Batch, SixBadEnvelopesDoNotStopTheGoodOnes) {
  const auto dir = std::filesystem::temp_directory_path() / ("liasse-batch-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::vector<std::byte>& bytes) {
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return dir / name;
  };
  std::ifstream photo_in(kTestData / "tesseract-test/phototest.tif", std::ios::binary);
  std::string photo((std::istreambuf_iterator<char>(photo_in)), std::istreambuf_iterator<char>());
  const std::string letter = "Madame, Monsieur,\nci-joint ma feuille de soins.\n";
  const auto encrypted = dir / "chiffre.pdf";
  const std::string qpdf = "qpdf --encrypt secret owner 128 --use-aes=y -- '" +
                           (kTestData / "ocrmypdf/ccitt.pdf").string() + "' '" + encrypted.string() + "'";
  ASSERT_EQ(std::system(qpdf.c_str()), 0) << qpdf;
  struct Case {
    std::filesystem::path file;
    StatusCode code;       // kOk: a good envelope
    std::string message;   // fragment of the error
  };
  const std::vector<Case> batch = {
      {write("coupe.tif", ToBytes(photo.data(), photo.size() / 2)), StatusCode::kCorrupt, "coupe.tif"},
      {kTestData / "tesseract-test/phototest.tif", StatusCode::kOk, ""},
      {write("vide.tif", {}), StatusCode::kCorrupt, "vide.tif: fichier vide"},
      {write("menteur.tif", LyingTiff()), StatusCode::kLimitExceeded, "menteur.tif: page 1: 100000 x 100000"},
      {encrypted, StatusCode::kFailedPrecondition, "chiffre.pdf: PDF chiffré"},
      {write("sans-page.pdf", PdfWithoutPages()), StatusCode::kCorrupt, "sans-page.pdf: PDF sans aucune page"},
      {write("lettre.tif", ToBytes(letter.data(), letter.size())), StatusCode::kCorrupt,
       "lettre.tif: ni TIFF, ni PNG, ni JPEG, ni PDF"},
      {kTestData / "ocrmypdf/ccitt.pdf", StatusCode::kOk, ""},
  };
  std::vector<PageImage> good;
  for (const Case& c : batch) {
    auto decoded = DecodeFile(c.file);
    EXPECT_EQ(decoded.status().code(), c.code) << c.file << ": " << decoded.status().ToString();
    if (!decoded.ok()) {
      EXPECT_NE(decoded.status().message().find(c.message), std::string::npos) << decoded.status().ToString();
      continue;
    }
    for (auto& p : *decoded) good.push_back(std::move(p));
  }
  std::filesystem::remove_all(dir);
  ASSERT_EQ(good.size(), 2u);
  auto pool = OcrPool::Create(OcrOptions{}, 2);
  ASSERT_TRUE(pool.ok());
  auto results = (*pool)->RecogniseAll(good);
  ASSERT_TRUE(results[0].ok()) << results[0].status().ToString();
  ASSERT_TRUE(results[1].ok()) << results[1].status().ToString();
  EXPECT_LE(Cer(results[0]->text, Gold()), 0.02);
  EXPECT_NE(results[1]->text.find("LinnSequencer"), std::string::npos);
}

}  // namespace
}  // namespace liasse::ocr
