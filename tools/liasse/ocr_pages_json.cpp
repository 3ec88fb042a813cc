#include "ocr_pages_json.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "liasse/core/system_error.h"

namespace liasse::cli {

namespace {

using nlohmann::json;

Box BoxFrom(const json& j) {
  return {j.value("x", 0), j.value("y", 0), j.value("w", 0), j.value("h", 0)};
}

// A4 at the page's resolution, widened to cover every box: the page JSON
// does not carry the image size.
void EstimatePageSize(extractors::OcrPage& page) {
  page.width = static_cast<int>(210.0 / 25.4 * page.dpi);
  page.height = static_cast<int>(297.0 / 25.4 * page.dpi);
  for (const auto& line : page.lines) {
    page.width = std::max(page.width, line.box.x + line.box.width);
    page.height = std::max(page.height, line.box.y + line.box.height);
  }
}

}  // namespace

Result<extractors::OcrPage> OcrPageFromJson(std::string_view json_text, std::string_view origin) {
  try {
    const json j = json::parse(json_text);
    extractors::OcrPage page;
    page.index = j.at("page").get<int>() - 1;  // the OCR numbers pages from 1
    page.dpi = j.value("dpi", 300);
    page.text = j.value("text", "");
    page.mean_confidence = j.value("mean_confidence", 0.0);
    for (const auto& block : j.at("blocks")) {
      for (const auto& line : block.at("lines")) {
        extractors::OcrLine out;
        out.box = BoxFrom(line.at("box"));
        for (const auto& word : line.at("words")) {
          out.words.push_back({word.value("text", ""), BoxFrom(word.at("box")), word.value("confidence", 0.0f)});
        }
        page.lines.push_back(std::move(out));
      }
    }
    EstimatePageSize(page);
    return page;
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string(origin) + ": page OCR illisible : " + e.what());
  }
}

Result<std::vector<extractors::OcrPage>> ReadOcrEnvelopeDir(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("page-") && name.ends_with(".json")) files.push_back(entry.path());
  }
  if (ec) return Status::IoError(dir.string() + ": " + FrenchSystemError(ec));
  if (files.empty()) return Status::NotFound(dir.string() + ": aucune page OCR (page-NNNN.json)");
  std::sort(files.begin(), files.end());
  std::vector<extractors::OcrPage> pages;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) return Status::IoError(f.string() + ": lecture impossible");
    LIASSE_ASSIGN_OR_RETURN(auto page, OcrPageFromJson(buffer.str(), f.string()));
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace liasse::cli
