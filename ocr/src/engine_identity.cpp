#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "engine_internal.h"

namespace liasse::ocr {
namespace {

// Bump when Liasse's own preprocessing (orientation, deskew, cleaning,
// binarisation) changes what it hands to Tesseract: cached results made by
// an older revision must not be taken for this one's.
constexpr int kPreprocessingRevision = 5;

// "fra.traineddata 1234567 2024-01-02T03:04:05" or "(absent)".
std::string DescribeDataFile(const std::string& datapath, const std::string& language) {
  namespace fs = std::filesystem;
  const fs::path file = fs::path(datapath) / (language + ".traineddata");
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return file.string() + " (absent)";
  const auto written = fs::last_write_time(file, ec);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(written.time_since_epoch()).count();
  return file.string() + " " + std::to_string(size) + " " + std::to_string(seconds);
}

void DescribeOptions(const OcrOptions& o, std::ostringstream& out) {
  out << " lang=" << o.language << " osd=" << o.detect_orientation << "/" << o.min_orientation_confidence << "/"
      << o.orientation_dpi << " deskew=" << o.deskew << "/" << o.max_skew_degrees << " border=" << o.remove_dark_border
      << " holes=" << o.remove_punch_holes << " binarise=" << o.binarise << " denoise=" << o.denoise
      << " dotted=" << o.hide_dotted_lines << " unread_rows=" << o.read_unread_rows
      << " psm=" << o.page_segmentation_mode << " recognise=" << o.recognise;
}

}  // namespace

std::string DescribeEngine(OcrEngine::Impl& impl) {
  std::ostringstream out;
  out << "tesseract " << tesseract::TessBaseAPI::Version() << "; leptonica " << LIBLEPT_MAJOR_VERSION << "."
      << LIBLEPT_MINOR_VERSION << "." << LIBLEPT_PATCH_VERSION << "; liasse-preprocessing " << kPreprocessingRevision
      << ";";
  const std::string datapath = impl.api.GetDatapath() != nullptr ? impl.api.GetDatapath() : "";
  std::vector<std::string> languages;
  impl.api.GetLoadedLanguagesAsVector(&languages);
  if (impl.osd) languages.push_back("osd");
  for (const auto& language : languages) out << " " << DescribeDataFile(datapath, language) << ";";
  DescribeOptions(impl.options, out);
  return out.str();
}

}  // namespace liasse::ocr
