// A letter's place and date ("<commune>, le <date>" in any of its forms)
// told from a sentence of its body by the sender's own commune. Pure
// functions of the page; internal to the extractors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "page_view.h"

namespace liasse::extractors::internal {

struct PlaceDate {
  size_t row = 0;
  std::string date;  // ISO
  std::string lieu;  // as printed
};

// Row `r` of `v` read as a letter's "<commune>, le <date>" ("Fait à
// <commune> le …", "À <commune>, le …", "<COMMUNE> le …", "<COMMUNE>,
// <date>"); nullopt when it is none (a sentence of the body has words in
// lower case before its "le").
std::optional<PlaceDate> PlaceDateOfRow(const PageView& v, size_t r);

// The commune of a postal address joined by ", " ("…, 67000 STRASBOURG"):
// the words after its last five-digit code, folded (FoldKey); empty when
// it has none.
std::string CommuneOf(const std::string& address);

struct LetterDate {
  PlaceDate at;
  bool doubtful = false;  // other such rows give another date
};

// The letter's place and date among the rows PlaceDateOfRow accepts (a
// body in capitals can read like one: "… CONFORT SIGNE LE 13 DECEMBRE
// 2024"): the one row naming the sender's commune (`commune` folded, empty
// when unknown); else the first, doubtful when another gives another date.
// nullopt when no row is one.
std::optional<LetterDate> LetterPlaceDate(const PageView& v, const std::string& commune);

}  // namespace liasse::extractors::internal
