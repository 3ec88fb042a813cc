// Envelope files: multi-page TIFF (JPEG, LZW or CCITT G4), image-only PDF,
// single-page PNG/JPEG. Byte-stable: no timestamps or random IDs written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "degrade.h"
#include "liasse/core/status.h"

namespace liasse::synth {

// format: tiff-jpeg, tiff-lzw, tiff-g4, pdf, png, jpeg. png/jpeg take a single page.
Status WriteEnvelope(const std::filesystem::path& path, const std::string& format,
                     const std::vector<ScannedPage>& pages);
// File extension for a format: ".tiff", ".pdf", ".png", ".jpg".
std::string FormatExtension(const std::string& format);

}  // namespace liasse::synth
