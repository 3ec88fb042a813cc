#include "liasse/store/csv.h"

#include <fmt/format.h>

namespace liasse::store {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

char SeparatorOf(std::string_view text) {
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',' || c == ';') return c;
    if (c == '\n') break;
  }
  return ',';
}

bool Blank(const std::vector<std::string>& fields) {
  if (fields.size() != 1) return false;
  return fields[0].find_first_not_of(" \t") == std::string::npos;
}

// One pass over the text: a small state machine, so that a quoted line
// break stays in its field and every error knows its line.
class Parser {
 public:
  Parser(std::string_view text, std::string_view file) : text_(text), file_(file), separator_(SeparatorOf(text)) {}

  Result<std::vector<CsvRecord>> Run() {
    std::vector<CsvRecord> out;
    CsvRecord record{line_, {}};
    std::string field;
    bool field_was_quoted = false;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"') {
        if (!field.empty() || field_was_quoted) return Fail(line_, "guillemet au milieu d'un champ non entre guillemets");
        auto end = QuotedField(i, field);
        if (!end.ok()) return end.status();
        i = *end;
        field_was_quoted = true;
        continue;
      }
      if (c == separator_) {
        record.fields.push_back(std::move(field));
        field.clear();
        field_was_quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        record.fields.push_back(std::move(field));
        if (!Blank(record.fields)) out.push_back(std::move(record));
        ++line_;
        record = CsvRecord{line_, {}};
        field.clear();
        field_was_quoted = false;
      } else if (field_was_quoted) {
        return Fail(line_, fmt::format("texte après le guillemet fermant (« {} »)", c));
      } else {
        field += c;
      }
    }
    if (!field.empty() || field_was_quoted || !record.fields.empty()) {
      record.fields.push_back(std::move(field));
      if (!Blank(record.fields)) out.push_back(std::move(record));
    }
    return out;
  }

  char separator() const { return separator_; }

 private:
  // Reads the quoted field opening at `open`; returns the index of its
  // closing quote. CRLF inside becomes LF.
  Result<std::size_t> QuotedField(std::size_t open, std::string& field) {
    const int opened_on = line_;
    for (std::size_t i = open + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"') {
        if (i + 1 < text_.size() && text_[i + 1] == '"') {
          field += '"';
          ++i;
          continue;
        }
        return i;
      }
      if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') continue;
      if (c == '\n') ++line_;
      field += c;
    }
    return Status::InvalidArgument(
        fmt::format("{}:{}: guillemet ouvert jamais fermé (le champ court jusqu'à la fin du fichier)", file_,
                    opened_on));
  }

  Status Fail(int line, std::string_view why) const {
    return Status::InvalidArgument(fmt::format("{}:{}: {}", file_, line, why));
  }

  std::string_view text_;
  std::string_view file_;
  char separator_;
  int line_ = 1;
};

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return Parser(text, file).Run();
}

}  // namespace liasse::store
