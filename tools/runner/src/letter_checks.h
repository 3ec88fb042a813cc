// What makes a letter complete before it is rendered: a recipient with a
// full postal address, identifiers without placeholders, references derived
// from the envelope's content rather than its file name. Internal to the
// runner.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/generators/models.h"

namespace liasse::runner {

// The envelope's stable key for letter references (not EnvelopeKey of
// paid_invoices.h, which also holds the file name): the first 8 hexadecimal
// digits of its SHA-256, upper case ("3F9A2C1B"). The same scan gives the
// same key whatever its file name and however often it is processed.
std::string LetterKey(const std::string& sha256);

// Why a letter to `to` cannot be sent as it is (French, for the review), or
// empty when it is complete: a name and at least two address lines (three
// with the name: street, then postcode and town), and every identifier
// printed on it non-empty and free of placeholders ("?", "{{", "illisible").
std::string MissingInLetter(const generators::Recipient& to,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> identifiers);

// "12 rue Pasteur, 75009 PARIS" → its lines, as the documents' field
// `adresse` is written (results.md): the lines of the envelope window.
std::vector<std::string> AddressLines(const std::string& adresse);

}  // namespace liasse::runner
