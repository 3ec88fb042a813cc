// Reading member files: the CSV of samples/members.csv (',' or ';'
// separated, UTF-8 with or without BOM, quoted fields may hold line breaks;
// read strictly by ParseCsv, liasse/store/csv.h), header line
// numero_adherent,nom,prenom,nir,date_naissance,niveau,date_adhesion,
// date_fin,email,iban,teletransmission, optionally followed by
// cotisation_mensuelle_cents: the monthly cotisation in integer cents, empty
// when unknown) or a JSON array of objects with the same keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/store/store.h"

namespace liasse::store {

// Parses and validates every member (NIR key, IBAN, ISO dates, niveau
// PASSn, boolean, cotisation in whole cents). Fails on the first bad record with
// "<file>:<line>: <field>: reason" (JSON: "<file>: [i].<field>: reason").
Result<std::vector<Member>> ReadMembersFile(const std::string& path);

// The members of CSV `text`, as ReadMembersFile reads a CSV file; `file`
// names it in errors. Pure function (the fuzzing harness's entry).
Result<std::vector<Member>> ParseMembersCsv(std::string_view text, const std::string& file);

}  // namespace liasse::store
