// A person's nom and prénom read in capitals ("CHRISTIAN DUFOUR",
// "ROBIN GERARD"): the print tells neither which word is the nom nor the
// prénom's accents, and the reader flags them. Another printing of the
// same two names in the envelope, in small letters (the feuille's
// "DUFOUR Christian", a bordereau line's columns), tells both. Internal to
// the extractors; pure functions on the envelope's documents.
#pragma once

#include <string_view>
#include <vector>

#include "liasse/core/document.h"

namespace liasse::extractors::internal {

// The openings of the reasons of the flags that a name read in capitals
// carries (field_values.cpp, form_fields.cpp): the only doubts that
// SettleNamesInCapitals settles.
inline constexpr std::string_view kNomPrenomInCapitals = "nom et prénom en capitales";
inline constexpr std::string_view kPrenomInCapitals = "prénom écrit en capitales";

// For each pair of fields "<x>nom" / "<x>prenom" of a document flagged for
// a reading in capitals (and else at most for doubts of the reading alone,
// ReviewFlag::reading_doubt): when another pair of the envelope (another
// document's fields, a bordereau line's columns; not the same document's,
// which may copy the one reading) prints the same two names, compared
// without case or accents, with its nom in capitals and its prénom in
// small letters (the order printed), the pair takes that printing's nom and
// prénom, in that order and with its accents, and loses those flags (two
// independent readings agree on the letters; the other tells the order),
// and its reading doubts too when that printing was read without a flag.
// Nothing changes when no printing or two different ones fit. Returns how
// many pairs were settled.
int SettleNamesInCapitals(std::vector<Document>& documents);

// The openings of the reasons of the flags that doubt only whose a nom
// and prénom are (their block's heading or their label in no wording;
// block_names.cpp, form_fields.cpp, value_first.cpp).
inline constexpr std::string_view kRoleOfTheBlocksName = "libellé introuvable ; seul nom du bloc de la section";
inline constexpr std::string_view kRoleByElimination = "section sans intitulé connu, seule à porter ce libellé";
inline constexpr std::string_view kRoleOfThePagesOnlyName = "libellé introuvable ; seul nom et prénom de la page";
inline constexpr std::string_view kRoleBesideABirthDate = "libellé introuvable ; nom lu à côté d'une date de naissance";

// A feuille's bénéficiaire or assuré, or a prescription's patient, whose
// nom and prénom are flagged for their role (and else at most for a
// reading in capitals): when the same person's place on another document
// (the patient of a prescription for the bénéficiaire and back, a
// bordereau line for the assuré) holds the same nom and prénom, compared
// without case or accents, read without a flag, the role is the one that
// printing gives and the flags go; names read in capitals take that
// printing's spelling, when it prints the nom in capitals and the prénom
// in small letters (else nothing changes). Returns how many pairs were
// settled.
int SettleRolesOfNames(std::vector<Document>& documents);

}  // namespace liasse::extractors::internal
