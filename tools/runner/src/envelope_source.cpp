#include "liasse/runner/envelope_source.h"

#include <algorithm>
#include <system_error>

#include "liasse/core/system_error.h"

namespace liasse::runner {

std::string_view EnvelopeFormatName(EnvelopeFormat format) {
  switch (format) {
    case EnvelopeFormat::kTiff: return "tiff";
    case EnvelopeFormat::kPdf: return "pdf";
    case EnvelopeFormat::kPng: return "png";
    case EnvelopeFormat::kJpeg: return "jpeg";
    case EnvelopeFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

EnvelopeFormat SniffFormat(std::string_view b) {
  const auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4))) return EnvelopeFormat::kTiff;
  if (starts("%PDF-")) return EnvelopeFormat::kPdf;
  if (starts("\x89PNG\r\n\x1a\n")) return EnvelopeFormat::kPng;
  if (starts("\xFF\xD8\xFF")) return EnvelopeFormat::kJpeg;
  return EnvelopeFormat::kUnknown;
}

Result<std::vector<std::filesystem::path>> ListEnvelopes(const std::vector<std::filesystem::path>& inputs) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(input, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || name.starts_with('.') || ext == ".json" || ext == ".txt" ||
            ext == ".csv" || ext == ".md" || ext == ".done") {
          continue;
        }
        files.push_back(entry.path());
      }
      if (ec) return Status::IoError(input.string() + ": " + FrenchSystemError(ec));
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else if (fs::exists(input, ec)) {
      out.push_back(input);
    } else {
      return Status::NotFound(input.string() + " : fichier ou dossier introuvable");
    }
  }
  return out;
}

}  // namespace liasse::runner
