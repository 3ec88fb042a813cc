// One Tesseract engine: orientation (OSD), deskew, cleaning, recognition.
#include <tesseract/resultiterator.h>

#include <chrono>
#include <cmath>

#include "engine_internal.h"
#include "preprocess.h"
#include "unread_rows.h"

namespace liasse::ocr {
namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string TakeText(char* text) {  // Tesseract hands out new[]'d strings
  std::string out = text != nullptr ? text : "";
  delete[] text;
  return out;
}

Box BoxAt(const tesseract::ResultIterator& it, tesseract::PageIteratorLevel level) {
  int left = 0, top = 0, right = 0, bottom = 0;
  it.BoundingBox(level, &left, &top, &right, &bottom);
  return {left, top, right - left, bottom - top};
}

// Tesseract asserts (aborts) on some degenerate images: refuse them first.
Status ValidateForTesseract(Pix* pix, int page_number) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), d = pixGetDepth(pix);
  if (w < 16 || h < 16 || w > 32000 || h > 32000 || (d != 1 && d != 8 && d != 32)) {
    return Status::InvalidArgument("page " + std::to_string(page_number) + ": " + std::to_string(w) + " x " +
                                   std::to_string(h) + " x " + std::to_string(d) +
                                   " bits is outside what the OCR engine accepts (16..32000 pixels a side)");
  }
  return Status::Ok();
}

std::vector<Block> CollectBlocks(tesseract::TessBaseAPI& api) {
  std::vector<Block> blocks;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return blocks;
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    if (blocks.empty() || it->IsAtBeginningOf(tesseract::RIL_BLOCK)) {
      blocks.push_back({BoxAt(*it, tesseract::RIL_BLOCK), {}});
    }
    Block& block = blocks.back();
    if (block.lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      block.lines.push_back({BoxAt(*it, tesseract::RIL_TEXTLINE), {}});
    }
    Word word;
    word.text = TakeText(it->GetUTF8Text(tesseract::RIL_WORD));
    word.box = BoxAt(*it, tesseract::RIL_WORD);
    word.confidence = it->Confidence(tesseract::RIL_WORD);
    block.lines.back().words.push_back(std::move(word));
  } while (it->Next(tesseract::RIL_WORD));
  return blocks;
}

// Tesseract's page layout sometimes drops a row whole (taken for a
// picture): each row of text-like ink no word covers is read again as a
// single line of `recognised`, and kept when it reads as text. Appended to
// the blocks and the text; hOCR and the PDF's text layer are made before.
void ReadUnreadRows(tesseract::TessBaseAPI& api, Pix* recognised, int dpi, PageResult& result) {
  const std::vector<Box> rows = UnreadTextRows(recognised, result.blocks);
  if (rows.empty()) return;
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  api.SetImage(recognised);
  api.SetSourceResolution(dpi);
  for (const Box& row : rows) {
    api.SetRectangle(row.x, row.y, row.width, row.height);
    if (api.Recognize(nullptr) != 0) continue;
    Line line{row, {}};
    for (Block& block : CollectBlocks(api)) {
      for (Line& read : block.lines) {
        for (Word& word : read.words) line.words.push_back(std::move(word));
      }
    }
    if (!LooksLikeText(line)) continue;
    std::string text;
    for (const Word& word : line.words) text += (text.empty() ? "" : " ") + word.text;
    result.text += text + "\n";
    result.blocks.push_back({row, {std::move(line)}});
  }
  api.SetPageSegMode(page_mode);
  api.Clear();
}

// A verdict of the quick (small sample) OSD at or above this confidence is
// taken as it is.
constexpr float kQuickOrientationSure = 4.0f;

struct Orientation {
  int quads = 0;          // clockwise quarter turns that make the page upright
  float confidence = 0;   // OSD's confidence; 0 when it had no verdict
};

// Tesseract OSD on `image` as it is.
Orientation RunOsd(tesseract::TessBaseAPI& osd, Pix* image) {
  osd.SetImage(image);
  int degrees = 0;
  float confidence = 0;
  const char* script = nullptr;
  float script_conf = 0;
  const bool ok = osd.DetectOrientationScript(&degrees, &confidence, &script, &script_conf);
  osd.Clear();
  if (!ok) return {};
  // OSD reports how far the page is turned clockwise; undo it.
  return {((360 - degrees) % 360) / 90, confidence};
}

// Orientation on a copy reduced to about `target_dpi` (200 by default:
// enough for OSD's character sample, which at 150 dpi loses the small
// lowercase letters and with them most of its confidence). The copy is
// binarised with Sauvola and despeckled first: Tesseract's own global
// threshold fails on uneven lighting and noise, which left such pages
// unturned.
Orientation DetectOrientation(OcrEngine::Impl& engine, Pix* grey, int target_dpi) {
  PixPtr small;
  Pix* input = grey;
  const int dpi = pixGetXRes(grey);
  if (target_dpi > 0 && dpi > target_dpi * 13 / 10) {
    const float f = static_cast<float>(target_dpi) / static_cast<float>(dpi);
    small.reset(pixScale(grey, f, f));
    if (small) {
      pixSetResolution(small.get(), target_dpi, target_dpi);
      input = small.get();
    }
  }
  PixPtr binary = Binarise(input);
  if (binary) {
    RemoveSpecksAndPunchHoles(binary.get(), true, false);
    input = binary.get();
  }
  // OSD's time goes into classifying its character sample: a small sample
  // settles most pages; only an unsure one pays for the full sample.
  const Orientation quick = RunOsd(*engine.osd_quick, input);
  if (quick.confidence >= kQuickOrientationSure) return quick;
  return RunOsd(*engine.osd, input);
}


}  // namespace

OcrEngine::OcrEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrEngine::~OcrEngine() = default;
const std::string& OcrEngine::Identity() const { return impl_->identity; }

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrOptions& options) {
  QuietLeptonica();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const std::string datadir = options.tessdata_dir.string();
  const char* datapath = datadir.empty() ? nullptr : datadir.c_str();
  // Every variable at Init, so no later SetVariable races with recognition.
  std::vector<std::string> names = {"debug_file", "tessedit_do_invert"};
  std::vector<std::string> values = {"/dev/null", "0"};
  if (impl->api.Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
                     false) != 0) {
    return Status::FailedPrecondition("cannot load Tesseract language data '" + options.language + "'" +
                                      (datadir.empty() ? "" : " from " + datadir));
  }
  impl->api.SetPageSegMode(static_cast<tesseract::PageSegMode>(options.page_segmentation_mode));
  if (options.detect_orientation) {
    impl->osd = std::make_unique<tesseract::TessBaseAPI>();
    std::vector<std::string> osd_names = {"debug_file"};
    std::vector<std::string> osd_values = {"/dev/null"};
    if (impl->osd->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY, nullptr, 0, &osd_names, &osd_values,
                        false) != 0) {
      return Status::FailedPrecondition("cannot load Tesseract orientation data 'osd' (package tesseract-ocr-osd)");
    }
    impl->osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    impl->osd_quick = std::make_unique<tesseract::TessBaseAPI>();
    osd_names.push_back("min_characters_to_try");
    osd_values.push_back("20");  // Tesseract's default is 50
    if (impl->osd_quick->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY, nullptr, 0, &osd_names, &osd_values,
                              false) != 0) {
      return Status::FailedPrecondition("cannot load Tesseract orientation data 'osd' (package tesseract-ocr-osd)");
    }
    impl->osd_quick->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  }
  impl->identity = DescribeEngine(*impl);
  return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(impl)));
}

// Turns the page by `quads`, measures and corrects its skew, binarises and
// cleans it: the image Tesseract will read. Fills the skew fields of `result`
// and the deskew/clean timings.
Result<PixPtr> OcrEngine::Impl::Straighten(const PageImage& page, int quads, PageResult& result) {
  auto start = Clock::now();
  Pix* source = RawPix(page);
  PixPtr grey = ToGrey(source);
  if (grey && quads != 0) grey.reset(pixRotateOrth(grey.get(), quads));
  if (!grey) return Status::Internal("page " + std::to_string(page.page_number()) + ": grey conversion failed");
  bool straightened = false;
  result.skew_degrees = 0;
  result.skew_confidence = 0;
  if (options.deskew) {
    const Skew skew = MeasureSkew(grey.get(), options.max_skew_degrees);
    result.skew_confidence = skew.confidence;
    if (skew.confidence >= 3.0f && std::abs(skew.degrees) >= 0.05) {
      PixPtr straight = RotateGrey(grey.get(), skew.degrees);
      if (straight) {
        grey = std::move(straight);
        result.skew_degrees = skew.degrees;
        straightened = true;
      }
    }
  }
  result.timings.deskew_ms += MsSince(start);

  start = Clock::now();
  PixPtr input;
  if (options.binarise) {
    if (pixGetDepth(source) == 1 && !straightened) {
      // Already two-level and straight: thresholding its grey copy again
      // would give back the same pixels at the cost of a Sauvola pass.
      input.reset(quads != 0 ? pixRotateOrth(source, quads) : pixCopy(nullptr, source));
    } else {
      input = Binarise(grey.get());
    }
    if (input && options.remove_dark_border) RemoveDarkBorder(input);
    if (input && (options.remove_punch_holes || options.denoise)) {
      RemoveSpecksAndPunchHoles(input.get(), options.denoise, options.remove_punch_holes);
    }
  }
  if (!input) input = std::move(grey);
  pixSetResolution(input.get(), page.dpi(), page.dpi());
  result.timings.clean_ms += MsSince(start);
  return input;
}

Result<PageResult> OcrEngine::Recognise(const PageImage& page) {
  const OcrOptions& opt = impl_->options;
  PageResult result;
  result.page_number = page.page_number();
  result.dpi = page.dpi();
  LIASSE_RETURN_IF_ERROR(ValidateForTesseract(RawPix(page), page.page_number()));

  auto start = Clock::now();
  Orientation first;
  if (impl_->osd) {
    PixPtr grey = ToGrey(RawPix(page));
    if (!grey) return Status::Internal("page " + std::to_string(page.page_number()) + ": grey conversion failed");
    first = DetectOrientation(*impl_, grey.get(), opt.orientation_dpi);
  }
  int quads = first.confidence >= opt.min_orientation_confidence ? first.quads : 0;
  result.timings.orient_ms = MsSince(start);

  auto straight = impl_->Straighten(page, quads, result);
  if (!straight.ok()) return straight.status();
  PixPtr input = std::move(straight).value();

  float confidence = first.confidence;
  if (impl_->osd && first.confidence < opt.min_orientation_confidence) {
    // No usable first verdict: the full-size, cleaned page is OSD's best input.
    start = Clock::now();
    const Orientation second = RunOsd(*impl_->osd, input.get());
    result.timings.orient_ms += MsSince(start);
    if (second.quads == 0) {
      confidence = std::max(confidence, second.confidence);
    } else if (second.confidence >= opt.min_orientation_confidence && second.confidence > first.confidence) {
      quads = (quads + second.quads) % 4;
      confidence = second.confidence;
      if (second.quads == 2) {
        // A half turn keeps the skew's sign: only the cleaned page turns.
        input.reset(pixRotateOrth(input.get(), 2));
        pixSetResolution(input.get(), page.dpi(), page.dpi());
      } else {
        // A quarter turn off means the skew was measured across the lines: start again.
        straight = impl_->Straighten(page, quads, result);
        if (!straight.ok()) return straight.status();
        input = std::move(straight).value();
      }
    }
  }
  result.rotation_degrees = quads * 90;
  result.orientation_confidence = confidence;
  if (!input) return Status::Internal("page " + std::to_string(page.page_number()) + ": rotation failed");

  if (opt.recognise) {
    start = Clock::now();
    tesseract::TessBaseAPI& api = impl_->api;
    // The words are read off the page without its dotted lines; the cleaned
    // image and the searchable PDF keep them (ink checks and re-reads see the
    // page as printed).
    PixPtr text_only = opt.hide_dotted_lines ? WithoutDottedLines(input.get()) : nullptr;
    if (text_only) pixSetResolution(text_only.get(), page.dpi(), page.dpi());
    api.SetImage(text_only ? text_only.get() : input.get());
    api.SetSourceResolution(page.dpi());
    if (api.Recognize(nullptr) != 0) {
      return Status::Internal("page " + std::to_string(page.page_number()) + ": recognition failed");
    }
    result.blocks = CollectBlocks(api);
    result.text = TakeText(api.GetUTF8Text());
    result.mean_confidence = static_cast<float>(api.MeanTextConf());
    if (opt.produce_hocr) result.hocr = TakeText(api.GetHOCRText(page.page_number() - 1));
    // Tesseract takes over the reference it is given: a clone, ours stays ours.
    if (text_only) api.SetInputImage(pixClone(input.get()));
    if (opt.render_pdf_page) {
      result.pdf_page = RenderPdfPage(api);
      if (result.pdf_page.empty()) {
        return Status::Internal("page " + std::to_string(page.page_number()) + ": searchable PDF rendering failed");
      }
    }
    if (opt.read_unread_rows) ReadUnreadRows(api, text_only ? text_only.get() : input.get(), page.dpi(), result);
    result.timings.recognise_ms = MsSince(start);
  }
  if (opt.keep_cleaned_image) result.cleaned = MakePageImage(std::move(input), page.source_dpi(), page.page_number());
  return result;
}

Result<RegionResult> OcrEngine::RecogniseRegion(const PageImage& page, const Box& box, const RegionOptions& options) {
  Pix* pix = RawPix(page);
  LIASSE_RETURN_IF_ERROR(ValidateForTesseract(pix, page.page_number()));
  if (box.x < 0 || box.y < 0 || box.width < 4 || box.height < 4 || box.x + box.width > pixGetWidth(pix) ||
      box.y + box.height > pixGetHeight(pix)) {
    return Status::InvalidArgument("page " + std::to_string(page.page_number()) + ": region " +
                                   std::to_string(box.x) + "," + std::to_string(box.y) + " " +
                                   std::to_string(box.width) + "x" + std::to_string(box.height) +
                                   " is not inside the page");
  }
  tesseract::TessBaseAPI& api = impl_->api;
  api.SetPageSegMode(static_cast<tesseract::PageSegMode>(options.page_segmentation_mode));
  api.SetVariable("tessedit_char_whitelist", options.whitelist.c_str());
  api.SetImage(pix);
  api.SetSourceResolution(page.dpi());
  api.SetRectangle(box.x, box.y, box.width, box.height);
  RegionResult result;
  const bool ok = api.Recognize(nullptr) == 0;
  if (ok) {
    for (Block& block : CollectBlocks(api)) {
      for (Line& line : block.lines) {
        for (Word& word : line.words) result.words.push_back(std::move(word));
      }
    }
    result.text = TakeText(api.GetUTF8Text());
    while (!result.text.empty() && (result.text.back() == '\n' || result.text.back() == ' ')) result.text.pop_back();
    result.confidence = static_cast<float>(api.MeanTextConf());
  }
  api.SetVariable("tessedit_char_whitelist", "");
  api.SetPageSegMode(static_cast<tesseract::PageSegMode>(impl_->options.page_segmentation_mode));
  api.Clear();
  if (!ok) return Status::Internal("page " + std::to_string(page.page_number()) + ": region recognition failed");
  return result;
}

}  // namespace liasse::ocr
