// The prescription date of a feuille de soins settled by its prescription
// in the same envelope. Internal.
#pragma once

#include <vector>

#include "liasse/core/document.h"

namespace liasse::extractors::internal {

// For each feuille de soins whose "prescription.date" is unread or flagged
// but was written (its review flag quotes what was read, or a doubtful
// value is there): when the envelope holds a prescription for the same
// patient (nom, and prénom where both documents have one) whose date was read without doubt and whose digits are at
// most two edits from the feuille's reading, that date is taken — still
// flagged, with the reason, so a person confirms it. A feuille with nothing
// written there, or two prescriptions that fit equally, is left as it is.
// First, the two dates read alike for the same patient settle a doubt of
// the reading alone (ReviewFlag::reading_doubt) on one side when the other
// side is unflagged.
void LinkPrescriptionDates(std::vector<Document>& documents);

}  // namespace liasse::extractors::internal
