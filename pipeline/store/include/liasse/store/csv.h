// Strict CSV reading for the files operators export from a spreadsheet
// (members, partners): RFC 4180 records separated by ',' or ';' (the
// separator of French exports, told by the header line), UTF-8 with or
// without a BOM, CRLF or LF line ends, quoted fields that hold the separator,
// doubled quotes or line breaks. Anything else is refused with its line: a
// silently misread member is worse than a refused file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::store {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Every non-blank record of `text`, the header first. The separator is the
// first ',' or ';' outside quotes on the first line (',' when it has none).
// Fails with InvalidArgument "<file>:<line>: <reason>" on a quote left open
// (the line where it opened), a quote inside an unquoted field, or text
// after a closing quote.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file);

}  // namespace liasse::store
