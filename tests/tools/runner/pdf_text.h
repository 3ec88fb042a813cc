// The text of a PDF as poppler's pdftotext reads it, white space runs
// folded to one space: what a member would read in the letter.
#pragma once

#include <filesystem>
#include <string>

namespace liasse::runner::test_support {

// Empty when pdftotext fails (the assertions on the text then fail).
std::string PdfText(const std::filesystem::path& pdf);

}  // namespace liasse::runner::test_support
