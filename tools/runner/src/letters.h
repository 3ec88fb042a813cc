// The letters of an envelope, rendered from its results: a notice of
// anomalies for each B2 lot not wholly accepted (to the auxiliaire médical),
// an acknowledgment for each complaint, a demande de pièces for each claim
// missing justificatifs, the confirmation or refusal of each renunciation and
// a décompte per member and payment date gathering the member's priced
// claims (the last two to the member, queued for e-mail when the store has
// an address). Written
// under DIR/<stem>/; each becomes a `letters[]` entry. Internal to the runner.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "claims.h"
#include "pieces.h"
#include "renonciations.h"
#include "liasse/core/date.h"
#include "liasse/core/document.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/mail/mime.h"
#include "liasse/core/outbox.h"
#include "liasse/rules/lot.h"

namespace liasse::runner {

struct WrittenLetter {
  std::string kind;  // results.md: decompte, anomalies_lot, accuse_reception_reclamation, …
  std::string file;  // relative to the output directory; empty when held
  std::string to;    // e-mail when known, else the name on the envelope
  bool queued = false;  // placed in the outbox for e-mail
  // Why the letter was not written (French): it could not be completed
  // (address, identifier…) and waits for review. Empty for a written letter.
  std::string held;
};

struct LetterContext {
  std::filesystem::path out_dir;
  std::string stem;         // the envelope's file stem (folder of its letters)
  std::string envelope_key; // EnvelopeKey of its SHA-256: the letters' references
  Date received;            // date of receipt
  Date today;               // date of the letters
  generators::LetterGenerator* generator = nullptr;  // borrowed
  Outbox* outbox = nullptr;                    // borrowed; null: nothing is queued
  mail::OperatorIdentity sender;
  // Borrowed, may be null: names and postal addresses of members and
  // professionals (the store's, not the scan's, when it knows them).
  store::Store* store = nullptr;
};

// Renders and writes every letter; failures are returned as French lines
// for the envelope's review (the results stay written). A letter that
// cannot be completed (MissingInLetter) is neither rendered nor queued: it
// is returned with `held` set and its reason goes to the review.
std::vector<WrittenLetter> WriteLetters(const LetterContext& context,
                                        const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots,
                                        const std::vector<ClaimResult>& claims,
                                        const std::vector<PieceRequest>& pieces,
                                        const std::vector<RenonciationLetter>& renonciations,
                                        std::vector<std::string>& errors);

}  // namespace liasse::runner
