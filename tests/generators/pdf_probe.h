// Test helpers: write PDF bytes to a temporary file and look at it with the
// real poppler and qpdf tools.
#pragma once

#include <string>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/generators/letter_generator.h"

namespace liasse::generators::testing {

struct CommandOutput {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};

CommandOutput Run(const std::string& command);

// A file under the test's temporary directory holding `bytes`; its path.
std::string WriteTemp(const std::string& name, const std::string& bytes);

// pdftotext of the whole file (or of pages first..last), every run of white
// space folded to one space so sentences wrapped across lines still match.
std::string PdfText(const std::string& path, int first = 0, int last = 0);
// True when pdffonts lists at least one font and every font is embedded.
bool AllFontsEmbedded(const std::string& path, std::string* listing = nullptr);
// qpdf --check (with a password when given).
CommandOutput QpdfCheck(const std::string& path, const std::string& password = "");

// The generator every test uses: shipped templates, fixed clock.
LetterGenerator MakeGenerator(Timestamp when = {Date::FromYmd(2025, 9, 12).value(), 8, 30, 0});

Date D(int y, int m, int d);

// An amount as pdftotext prints it: "1 234,56 €" (it turns U+00A0 into a space).
std::string Shown(Money amount);

}  // namespace liasse::generators::testing
