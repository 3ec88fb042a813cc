#include "pdf_probe.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace liasse::generators::testing {

CommandOutput Run(const std::string& command) {
  CommandOutput result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "liasse_generators_tests" /
                                    (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / name;
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path.string();
}

std::string PdfText(const std::string& path, int first, int last) {
  std::string command = "pdftotext -q -enc UTF-8";
  if (first > 0) command += " -f " + std::to_string(first) + " -l " + std::to_string(last);
  const std::string raw = Run(command + " '" + path + "' -").out;
  std::string flat;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space) {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
  }
  return flat;
}

bool AllFontsEmbedded(const std::string& path, std::string* listing) {
  const CommandOutput fonts = Run("pdffonts '" + path + "'");
  if (listing != nullptr) *listing = fonts.out;
  std::istringstream lines(fonts.out);
  std::string line;
  int count = 0;
  bool table = false;
  while (std::getline(lines, line)) {
    if (!table) {  // poppler warnings and the title line come first
      table = line.rfind("-----", 0) == 0;
      continue;
    }
    if (line.empty()) continue;
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th
    // field from the end but type names contain spaces, so read from the end.
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string w; fields >> w;) f.push_back(w);
    if (f.size() < 6) return false;
    if (f[f.size() - 5] != "yes") return false;
    ++count;
  }
  return count > 0;
}

CommandOutput QpdfCheck(const std::string& path, const std::string& password) {
  std::string command = "qpdf --check";
  if (!password.empty()) command += " --password='" + password + "'";
  return Run(command + " '" + path + "'");
}

LetterGenerator MakeGenerator(Timestamp when) {
  GeneratorOptions options;
  options.templates_dir = LIASSE_TEMPLATES_DIR;
  options.clock = std::make_shared<FixedClock>(FixedClock::At(when.date, when.hour, when.minute, when.second));
  auto generator = LetterGenerator::Create(options);
  if (!generator.ok()) {
    ADD_FAILURE() << generator.status().ToString();
    std::abort();
  }
  return std::move(generator).value();
}

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

std::string Shown(Money amount) {
  std::string text = amount.ToFrench();
  for (size_t at = text.find("\xC2\xA0"); at != std::string::npos; at = text.find("\xC2\xA0", at)) {
    text.replace(at, 2, " ");
  }
  return text;
}

}  // namespace liasse::generators::testing
