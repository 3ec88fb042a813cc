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
#include <optional>
#include <string>
#include <vector>

#include "claims.h"
#include "pieces.h"
#include "renonciations.h"
#include "liasse/core/date.h"
#include "liasse/core/document.h"
#include "liasse/core/env.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/mail/mime.h"
#include "liasse/core/outbox.h"
#include "liasse/rules/lot.h"

namespace liasse::runner {

struct WrittenLetter {
  std::string kind;  // results.md: decompte, anomalies_lot, accuse_reception_reclamation, …
  std::string file;  // relative to the output directory
  std::string to;    // e-mail when known, else the name on the envelope
  bool queued = false;  // placed in the outbox for e-mail
  bool held_for_review = false;  // not queued: it depends on a reading in review
  // Why a letter for a member with an e-mail address goes by post instead
  // (French; e.g. the password rule needs a fact the member lacks); empty
  // otherwise.
  std::string by_post{};
};

struct LetterContext {
  std::filesystem::path out_dir;
  std::string stem;         // the envelope's file stem
  Date received;            // date of receipt
  Date today;               // date of the letters
  generators::LetterGenerator* generator = nullptr;  // borrowed
  Outbox* outbox = nullptr;                    // borrowed; null: nothing is queued
  mail::OperatorIdentity sender;
  Env* env = Env::Default();  // borrowed: where the letters are written
};

// Renders and writes every letter; failures are returned as French lines
// for the envelope's review (the results stay written). A letter written
// to disk stays in clear (printed for the post, byte-stable); the copy
// queued for e-mail is encrypted (AES-256 R6) with the member's password by
// the rule of letterhead.toml, and its text says how the password is made,
// never the password. A member whose facts the rule lacks gets no e-mail.
std::vector<WrittenLetter> WriteLetters(const LetterContext& context,
                                        const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots,
                                        const std::vector<ClaimResult>& claims,
                                        const std::vector<PieceRequest>& pieces,
                                        const std::vector<RenonciationLetter>& renonciations,
                                        std::vector<std::string>& errors);

// Writes one rendered letter under DIR/<stem>/<name>.pdf; nullopt (with the
// reason in `errors`) when it could not be rendered or written. Not queued.
std::optional<WrittenLetter> WriteOneLetter(const LetterContext& context, std::string_view kind,
                                            Result<generators::RenderedLetter> letter, std::string_view name,
                                            std::vector<std::string>& errors);

}  // namespace liasse::runner
