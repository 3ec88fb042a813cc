// Readings of one value printed in several places of an envelope: the
// praticien on each feuille and as the bordereau's partner, the prescriber
// on the feuille and on the prescription, a surname printed for the assuré,
// the bénéficiaire and the patient. Internal to the extractors; pure
// functions on the envelope's documents, single thread.
#pragma once

#include <vector>

#include "liasse/core/document.h"

namespace liasse::extractors::internal {

// Settles doubts of the reading alone (ReviewFlag::reading_doubt, e.g. a
// low OCR confidence) by another printing: a field whose only flag is such
// a doubt loses it when another place of the same witness group (another
// document of the envelope, or another field of the same document) holds
// exactly the same value read without any flag. Two doubtful readings that
// agree settle nothing (one font may be misread the same way twice); a
// value is never changed or filled, only confirmed. Returns how many flags
// were removed.
int ConfirmByOtherPrintings(std::vector<Document>& documents);

// Flags readings of one value that cannot all be right: two places of a
// witness group reading it nearly alike, as one word misread (equal but
// for a space the OCR put in or took out, "DA VID" / "DAVID"; or, for
// numbers and surnames, one character apart, "MULLE" / "MULLER"). The
// reading fewer documents share is flagged, both when as many share each,
// but not a sure reading whose nearly alike other is already flagged;
// never a prénom one character apart (Louis, Louise). A field already
// flagged gets no second flag. Nothing is changed or filled. Returns how
// many fields were flagged.
int FlagNearlyAlikePrintings(std::vector<Document>& documents);

}  // namespace liasse::extractors::internal
