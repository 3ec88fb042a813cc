// Reading member files: the CSV of samples/members.csv (',' or ';'
// separated, UTF-8 with or without BOM, quoted fields may hold line breaks;
// read strictly by ParseCsv, liasse/store/csv.h), header line
// numero_adherent,nom,prenom,nir,date_naissance,niveau,date_adhesion,
// date_fin,email,iban,teletransmission, optionally followed by
// cotisation_mensuelle_cents: the monthly cotisation in integer cents, empty
// when unknown — then optionally by adresse,code_postal,ville: the postal
// address of the letters) or a JSON array of objects with the same keys; and
// the professionals' file (partenaires.csv: identifiant,nom,adresse,
// code_postal,ville,email), read by the same strict CSV reader.
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

// Parses and validates every professional of a partenaires CSV (identifiant
// and nom required, full postal address required, e-mail optional; ',' or
// ';' separated as ParseCsv reads). Fails on the first bad record with
// "<file>:<line>: <field>: reason".
Result<std::vector<Partenaire>> ReadPartenairesFile(const std::string& path);

}  // namespace liasse::store
