// The header of a bordereau read by its values where no wording of the
// data names them: software vendors print "N°lot:", "Fait le", "Adressé à",
// "Payer à" and wordings no file holds. Internal to the extractors.
#pragma once

#include <cstddef>
#include <optional>

#include "page_view.h"

namespace liasse::extractors::internal {

class DocReader;

// The first row of a bordereau's table of invoices: the first page row
// holding a NIR whose key passes (digit groups put together) or two
// amounts; nullopt when there is none.
std::optional<size_t> FirstInvoiceRow(const PageView& v);

// Fills the header fields of the bordereau on `r`'s page that the labels
// of the data left unread, from the values printed above its table of
// invoices (the rows before the first holding a NIR or two amounts):
// - lot.date: the one date there (several different dates: left unread);
// - a number field (lot.numero, organisme.destinataire): the one number of
//   its length standing right of a word that stands for a content word of
//   that field's wordings alone among the fields of that kind ("N°lot" →
//   "lot", "CAISSE" → "caisse", abbreviations as listings print them), or,
//   for a field with `beside` words in the data (the organismes' names),
//   a number of its length printed next to one of them ("CGSS … (971)");
// - partenaire.nom: the name in capitals on the first row of the page's
//   heading block when that block holds the partner's n° AM read;
// - a choice (reglement.destinataire): one of its wordings standing after
//   a colon whose label is no other field's, flagged (its label is
//   unknown).
// Values found so keep their reading's confidence (flagged when low); two
// different candidates for one field leave it unread (FlagMissing says so).
void ReadBordereauHeaderByValue(DocReader& r);

}  // namespace liasse::extractors::internal
