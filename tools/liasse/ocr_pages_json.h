// Reads the per-page JSON that `liasse ocr` writes (page-NNNN.json: blocks,
// lines, words with boxes and confidences) back into the extractors' input
// (OcrPage). The ink raster is left empty: `liasse ocr` does not keep the
// cleaned image. Pure functions, thread-safe.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/extractors/ocr_input.h"

namespace liasse::cli {

// One page JSON text; `origin` names the file in errors. Fails (kCorrupt) on
// invalid JSON or a missing member.
Result<extractors::OcrPage> OcrPageFromJson(std::string_view json_text, std::string_view origin);

// Every page-*.json of `dir`, in page order. Fails when the folder holds no
// page JSON or one cannot be read.
Result<std::vector<extractors::OcrPage>> ReadOcrEnvelopeDir(const std::filesystem::path& dir);

}  // namespace liasse::cli
