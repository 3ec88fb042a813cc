// Reading member files: the CSV of samples/members.csv (comma-separated,
// UTF-8, header line numero_adherent,nom,prenom,nir,date_naissance,niveau,
// date_adhesion,date_fin,email,iban,teletransmission, optionally followed by
// cotisation_mensuelle_cents: the monthly cotisation in integer cents, empty
// when unknown) or a JSON array of objects with the same keys.
#pragma once

#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/store/store.h"

namespace liasse::store {

// Parses and validates every member (NIR key, IBAN, ISO dates, niveau
// PASSn, boolean, cotisation in whole cents). Fails on the first bad record with
// "<file>:<line>: <field>: reason" (JSON: "<file>: [i].<field>: reason").
Result<std::vector<Member>> ReadMembersFile(const std::string& path);

}  // namespace liasse::store
