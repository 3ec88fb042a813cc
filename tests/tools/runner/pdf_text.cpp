#include "pdf_text.h"

#include <array>
#include <cstdio>

namespace liasse::runner::test_support {

std::string PdfText(const std::filesystem::path& pdf) {
  const std::string command = "pdftotext -q -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  std::string raw;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) raw.append(buffer.data(), n);
  if (pclose(pipe) != 0) return {};
  std::string flat;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space) {
      flat += c;
    } else if (!flat.empty() && flat.back() != ' ') {
      flat += ' ';
    }
  }
  return flat;
}

}  // namespace liasse::runner::test_support
