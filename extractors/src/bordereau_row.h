// A bordereau line printed with its columns in another order than the
// reader's (numéro de facture, NIR, nom, prénom, date de naissance, total,
// part AMO, part AMC): its words given back in that order, each by the kind
// of its value and, where kinds are alike, by the header's columns and the
// line's arithmetic. Internal.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "liasse/core/money.h"
#include "page_view.h"
#include "table.h"

namespace liasse::extractors::internal {

// A word of a table row: its trimmed text and its word id.
using RowToken = std::pair<std::string, int>;

// True when the columns of `header` that a bordereau line reads stand in
// the reader's order (some may be missing) with no heading the data does
// not know between two it knows: the words are read as printed.
bool InLineOrder(const TableHeader& header);

struct ReorderedRow {
  std::vector<RowToken> tokens;  // in the reader's order
  // Set when nothing told the part AMO from the part AMC (kept as printed).
  bool parts_unsure = false;
  // Set when nothing told the numéro de facture from the NIR's digits.
  bool numero_unsure = false;
};

// The words `toks` of one line under `header`, put in the reader's order:
// amounts (three) to the total, AMO and AMC columns — the header's amount
// columns when all three are named, else the total as the one amount that
// is the sum of the two others; a date to the date de naissance; the first
// word in capitals to the nom, the first capitalised one to the prénom;
// the word of `numero_len` digits whose removal leaves a NIR with a valid
// key to the numéro (the header's columns when that does not settle it),
// the other digits to the NIR. Words of no kind are dropped.
// `amounts` are the line's amounts as the caller found them (text, word ids).
// When the header does not tell the parts apart, the part at one of
// `amo_shares` of the total (the other at none) is the AMO (PartAtShare).
ReorderedRow ReorderLineTokens(const PageView& view, const TableHeader& header, const std::vector<RowToken>& toks,
                               const std::vector<std::pair<std::string, std::vector<int>>>& amounts,
                               std::pair<size_t, size_t> numero_len, const std::vector<int>& amo_shares);

// Which of two parts `a` and `b` of `total` is at one of `shares` (percent
// of the total, to the cent either way of its rounding) while the other is
// at none: 0 for `a`, 1 for `b`, nullopt when both, neither, or no shares.
std::optional<int> PartAtShare(Money a, Money b, Money total, const std::vector<int>& shares);

}  // namespace liasse::extractors::internal
