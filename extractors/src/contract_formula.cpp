#include "contract_formula.h"

#include <cctype>

namespace liasse::extractors::internal {

namespace {

// The letters OCR takes a digit for (a "5" read "S").
std::string ConfusableLetters(char digit) {
  switch (digit) {
    case '0': return "O";
    case '1': return "lI";
    case '2': return "Z";
    case '4': return "A";
    case '5': return "S";
    case '8': return "B";
    default: return "";
  }
}

}  // namespace

std::regex FormulaPattern(const std::string& wording) {
  size_t split = wording.size();
  while (split > 0 && std::isdigit(static_cast<unsigned char>(wording[split - 1]))) --split;
  const std::string prefix = wording.substr(0, split), number = wording.substr(split);
  std::string alternatives = number;
  if (number.size() == 1) {
    for (char c : ConfusableLetters(number[0])) alternatives += std::string("|") + c;
  }
  const std::string doubled = prefix.empty() ? "" : std::string("(?:") + prefix.back() + ")?";
  return std::regex("\\b" + prefix + doubled + "\\s?(" + alternatives + ")\\b", std::regex::icase);
}


std::string FlatText(const PageView& page) {
  std::string flat;
  for (size_t r = 0; r < page.rows().size(); ++r) flat += page.RowText(r) + " ";
  return flat;
}

bool NamesAFormula(const FormSpec& form, const std::string& text) {
  for (const FieldSpec& f : form.fields) {
    for (const auto& [wording, value] : f.formulas) {
      if (std::regex_search(text, FormulaPattern(wording))) return true;
    }
  }
  return false;
}

}  // namespace liasse::extractors::internal
