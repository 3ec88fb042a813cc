// Finding envelopes ("plis") among the command-line inputs and telling what
// kind of file each one is, from its bytes rather than its name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::runner {

enum class EnvelopeFormat { kTiff, kPdf, kPng, kJpeg, kUnknown };

// "tiff", "pdf", "png", "jpeg", "unknown".
std::string_view EnvelopeFormatName(EnvelopeFormat format);

// The format announced by the first bytes of a file (magic numbers).
EnvelopeFormat SniffFormat(std::string_view first_bytes);

// Expands `inputs`: a file is one envelope; a directory contributes its
// regular files (not recursively, hidden files and *.json / *.txt skipped) in
// name order. Fails naming the first input that does not exist.
Result<std::vector<std::filesystem::path>> ListEnvelopes(const std::vector<std::filesystem::path>& inputs);

}  // namespace liasse::runner
