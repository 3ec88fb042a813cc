// Page recognition: orientation, deskew, cleaning and Tesseract OCR, one
// engine per worker thread; page results with words, boxes, confidences.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/ocr/page_image.h"

namespace liasse::ocr {

// Pixel rectangle in the coordinates of PageResult::cleaned (after
// orientation and deskew).
struct Box {
  int x = 0, y = 0, width = 0, height = 0;
};

struct Word {
  std::string text;   // UTF-8
  Box box;
  float confidence = 0;  // 0..100
};

struct Line {
  Box box;
  std::vector<Word> words;
};

struct Block {
  Box box;
  std::vector<Line> lines;
};

// Milliseconds spent in each step of one page.
struct StepTimings {
  double orient_ms = 0, deskew_ms = 0, clean_ms = 0, recognise_ms = 0;
};

// How far a page lay turned clockwise on the scanner (0, 90, 180, 270),
// given the clockwise turn the OCR applied to set it upright
// (PageResult::rotation_degrees): the result contract's page "rotation",
// the same sense as its "skew_deg".
inline int ScannedRotationDegrees(int applied_rotation_degrees) {
  return (360 - applied_rotation_degrees % 360) % 360;
}

struct PageResult {
  int page_number = 1;          // 1-based, from the envelope file
  int dpi = 300;
  int rotation_degrees = 0;     // clockwise rotation applied to make the page upright: 0, 90, 180, 270
  float orientation_confidence = 0;  // Tesseract OSD confidence (0 when OSD was off or had no verdict)
  double skew_degrees = 0;      // skew found and corrected, degrees; positive: the page lay turned counter-clockwise (lines rising to the right)
  float skew_confidence = 0;
  std::vector<Block> blocks;
  std::string text;             // page text, lines separated by '\n'
  float mean_confidence = 0;    // Tesseract's mean word confidence, 0..100
  std::string hocr;             // the page's hOCR <div class='ocr_page'>
  StepTimings timings;
  std::optional<PageImage> cleaned;  // the image that was recognised (boxes refer to it)
  std::string pdf_page;         // one-page searchable PDF (when OcrOptions::render_pdf_page)
};

// Options of an engine. Defaults: French, orientation + deskew + cleaning on.
struct OcrOptions {
  std::string language = "fra";
  std::filesystem::path tessdata_dir;  // empty: Tesseract's default
  bool detect_orientation = true;      // Tesseract OSD (needs osd.traineddata)
  float min_orientation_confidence = 2.0f;  // below it, the page is left as it is
  int orientation_dpi = 200;           // OSD runs on a copy reduced to about this (0: full resolution)
  bool deskew = true;
  double max_skew_degrees = 11.0;      // search range of the deskew
  bool remove_dark_border = true;
  bool remove_punch_holes = true;
  bool binarise = true;                // Sauvola (survives stamps and tinted backgrounds), washed-out pages stretched first
  bool denoise = true;                 // drops specks of 1–2 pixels
  bool hide_dotted_lines = true;       // Tesseract reads the page without its dotted and dashed lines (kept in `cleaned` and the PDF)
  bool read_unread_rows = true;        // rows of text-like ink the page layout left without words are read as single lines (not in hOCR nor the PDF's text layer)
  int page_segmentation_mode = 3;      // Tesseract PSM for whole pages (3 = automatic)
  bool recognise = true;               // false: orient, deskew and clean only (no words, text, hOCR, PDF)
  bool keep_cleaned_image = true;      // fill PageResult::cleaned
  bool produce_hocr = true;
  bool render_pdf_page = false;        // fill PageResult::pdf_page for WriteSearchablePdf
};

// Re-reading one rectangle (for extractors: NIR, amounts).
struct RegionOptions {
  int page_segmentation_mode = 7;  // 7 = single text line
  std::string whitelist;           // e.g. "0123456789" ; empty: any character
};

struct RegionResult {
  std::string text;
  float confidence = 0;
  std::vector<Word> words;  // boxes in page coordinates
};

// One Tesseract engine (plus an OSD engine), initialised once with every
// variable. Not thread-safe: use one per thread (OcrPool does). Tesseract's
// OpenMP must be limited (OMP_THREAD_LIMIT=1 in the environment before the
// process starts) or engines oversubscribe the cores.
class OcrEngine {
 public:
  // kFailedPrecondition when the language data cannot be loaded.
  static Result<std::unique_ptr<OcrEngine>> Create(const OcrOptions& options);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Orients, deskews, cleans and recognises one page. kInvalidArgument for
  // an image Tesseract would assert on (too small, too large).
  Result<PageResult> Recognise(const PageImage& page);

  // Recognises `box` of `page` (typically PageResult::cleaned) as it is,
  // with its own segmentation mode and whitelist; the engine's whole-page
  // settings are restored afterwards.
  Result<RegionResult> RecogniseRegion(const PageImage& page, const Box& box, const RegionOptions& options);

  // What this engine's results depend on, as one line: Tesseract and
  // Leptonica versions, the language data files used (path, size, date),
  // every option, and the revision of Liasse's own preprocessing. Two
  // engines with the same identity give the same results on the same bytes,
  // so it keys the OCR cache. Thread-safe (fixed at creation).
  const std::string& Identity() const;

  struct Impl;

 private:
  explicit OcrEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A fixed set of engines, created once and lent out one at a time.
// Thread-safe: every call borrows free engines and waits while all are busy,
// so RecogniseAll and RecogniseRegion may be called from several threads.
class OcrPool {
 public:
  // kInvalidArgument when workers < 1; the first engine's error otherwise.
  static Result<std::unique_ptr<OcrPool>> Create(const OcrOptions& options, int workers);
  ~OcrPool();
  OcrPool(const OcrPool&) = delete;
  OcrPool& operator=(const OcrPool&) = delete;

  int workers() const;

  // One result per page, in page order, spread over up to workers() threads
  // (one per engine it borrows); a page that fails does not stop the others.
  std::vector<Result<PageResult>> RecogniseAll(const std::vector<PageImage>& pages);

  // OcrEngine::RecogniseRegion on a borrowed engine (waits for a free one).
  // `page` is typically PageResult::cleaned; same errors as the engine's.
  Result<RegionResult> RecogniseRegion(const PageImage& page, const Box& box, const RegionOptions& options);

  struct Impl;

 private:
  explicit OcrPool(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes one searchable PDF (each page's cleaned image + Tesseract's
// invisible text layer) from results recognised with
// OcrOptions::render_pdf_page, in the order given. kFailedPrecondition when
// a result has no pdf_page, kIoError when the file cannot be written.
Status WriteSearchablePdf(const std::vector<PageResult>& results, const std::filesystem::path& path);

// Wraps page divs (PageResult::hocr) into a complete hOCR document.
std::string HocrDocument(const std::vector<PageResult>& results);

}  // namespace liasse::ocr
