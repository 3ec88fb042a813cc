// Values found by their kind where no label of the form's data names them
// (a wording the data does not have): a NIR whose key passes, a numéro AM
// whose Luhn key passes, the total the act lines add up to. A value taken
// so is the only one of its kind on the page that no other field claims;
// when several compete, the field goes to review with them. Internal.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "doc_reader.h"
#include "forms.h"

namespace liasse::extractors::internal {

// The first row of the reader's page that heads a table of `form` (the
// rows from there on are the table's: their numbers are invoices, NIRs,
// amounts); the number of rows when no table header is found.
size_t FirstTableRow(const DocReader& r, const FormSpec& form);

// The NIRs whose key passes above the form's tables, in single words,
// in groups ("1 72 07 44 109 160 64") or one character per box ("2|5|6|…"
// with the key in boxes of its own), not already another field's value.
// One: set as `field` (flagged when the form has another NIR field, whose
// role it might be); several: `field` to review with them.
void ReadNirWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field);

// The same for a numéro AM (9 digits, Luhn key); one is flagged, nothing
// naming its role. None: the one word of ten digits above the tables that
// NumeroAmWithExtraDigit mends, flagged.
void ReadNumeroAmWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field);

// `name` (an amount field) from the act lines already read: when every
// line has its montant, an amount printed on a row without a date (not an
// act row) that equals their sum is the total, the agreement confirming
// it. The rows read after the last line with a date and a code (a totals
// row in no wording taken for an act) are left out when the whole sum is
// printed nowhere.
// Nothing when a line lacks its montant or no such amount is printed.
// A total already read a hundred times the lines' sum (its cents'
// separator lost: "8010" for 80,10) becomes the sum, flagged.
void ReadTotalOfLines(DocReader& r, std::string_view name);

// A name `field` (kind name, with `titles` in the data) from a title
// standing before a name above the form's tables ("Dr Julie PERRIN",
// "DR NATHAN MEUNIER"): the word in capitals after a given name in
// capitals and small letters; the last word, flagged, when every word is
// in capitals. Two different names: to review with both.
void ReadNameAfterTitle(DocReader& r, const FormSpec& form, const FieldSpec& field);

// A date `field` (`by_value` in the data) where no label names it: the
// dates of the rows above the form's tables (above the first row of a date and an
// amount when no header is found), less those years before the
// newest date of the page another confirms (NewestConfirmedDate: birth dates) and those another field holds;
// when they are all one date, it is set and flagged (nothing names its
// role). Nothing otherwise. A birth date field (its name holds
// "date_naissance") takes the one date years before the newest instead.
void ReadDateWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field);

// A number `field` (kind digits, `by_value` in the data) where no label
// names it: the page's head, the rows between its title and the first
// heading of the form's sections (a feuille's number stands there, by
// the title), holds one word of the field's count of digits that no other
// field holds nor stands next to another field's `beside` names ("CPAM
// … (751)"): it is set and flagged. A form without sections (a
// bordereau) has its head above its tables, and there only a number no
// word names is taken ("Dossier : 311" is another number). Nothing when no heading is
// found (no structure tells the head), or none or several such words are there.
void ReadDigitsInHead(DocReader& r, const FormSpec& form, const FieldSpec& field);

// A person `field` (kind person, with a pair, in no section) where no
// label names it: the one "Prénom NOM" (or "NOM Prénom") standing on a
// row above the form's tables beside a date years before the page's
// newest (a birth date: the patient's), both set and flagged. Nothing
// when none or several such rows are found.
void ReadPersonBesideBirthDate(DocReader& r, const FormSpec& form, const FieldSpec& field);

// A person `field` (kind person, with a pair) where no label names it
// ("Nom du malade : MORIN Michel", a wording of no file): the one pair of
// a nom in capitals and a prénom ("MORIN Michel", "Michel MORIN") on the
// page whose nom no other field holds (the prescriber of the letterhead),
// no colon follows ("Numéro AM :") and no label of another field of
// `form` holds or stands right before ("Dr", "N° RPPS");
// both set and flagged. Nothing when none or several such pairs are found.
void ReadPersonWithoutLabel(DocReader& r, const FormSpec& form, const FieldSpec& field);

// The kinds of value that rows [from, to) of the page hold, among "nir"
// (a run of 13 NIR characters or more, or characters printed one per box),
// "numero_am" (9 digits that pass the Luhn key), "numero_am_extra_digit"
// (a word of 10 digits, NumeroAmWithExtraDigit) and "birth_date" (a date
// two years or more before the latest date of the page): what tells a
// block whose heading is in no wording.
std::set<std::string> KindsHeld(const PageView& v, size_t from, size_t to);

// The numéro AM that ten digits read by the OCR give once its extra digit
// is dropped (one of two equal neighbours, the first or the last): the one
// way that passes the Luhn key; nullopt when none or several do.
std::optional<std::string> NumeroAmWithExtraDigit(const std::string& digits);

}  // namespace liasse::extractors::internal
