// The letters of an envelope, rendered from its results: a notice of
// anomalies for each B2 lot not wholly accepted (to the auxiliaire médical),
// an acknowledgment for each complaint, a demande de pièces for each claim
// missing justificatifs, the confirmation or refusal of each renunciation and
// a décompte per member and payment date gathering the member's priced
// claims (the last two to the member, queued for e-mail when the store has
// an address). Written
// under DIR/<stem>/; each becomes a `letters[]` entry. A letter is complete
// or not sent (letter_checks.h): addressed from the store (members,
// partenaires), with references derived from the envelope's content.
// Internal to the runner.
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
#include "liasse/store/store.h"

namespace liasse::runner {

struct WrittenLetter {
  std::string kind;  // results.md: decompte, anomalies_lot, accuse_reception_reclamation, …
  std::string file;  // relative to the output directory; empty when incomplete
  std::string to;    // e-mail when known, else the name on the envelope
  bool queued = false;  // placed in the outbox for e-mail
  bool held_for_review = false;  // written, not queued: it depends on a reading in review
  // Why a letter for a member with an e-mail address goes by post instead
  // (French; e.g. the password rule needs a fact the member lacks); empty
  // otherwise.
  std::string by_post{};
  // Why the letter was not written at all (French): it could not be
  // completed (address, identifier…) and waits for review. Empty for a
  // written letter.
  std::string incomplete{};
};

struct LetterContext {
  std::filesystem::path out_dir;
  std::string stem;         // the envelope's file stem (folder of its letters)
  std::string letter_key;   // LetterKey of its SHA-256: the letters' references
  Date received;            // date of receipt
  Date today;               // date of the letters
  generators::LetterGenerator* generator = nullptr;  // borrowed
  Outbox* outbox = nullptr;                    // borrowed; null: nothing is queued
  mail::OperatorIdentity sender;
  Env* env = Env::Default();  // borrowed: where the letters are written
  // Borrowed, may be null: names and postal addresses of members and
  // professionals (the store's, not the scan's, when it knows them).
  store::Store* store = nullptr;
};

// Renders and writes every letter; failures are returned as French lines
// for the envelope's review (the results stay written). A letter written
// to disk stays in clear (printed for the post, byte-stable); the copy
// queued for e-mail is encrypted (AES-256 R6) with the member's password by
// the rule of letterhead.toml, and its text says how the password is made,
// never the password. A member whose facts the rule lacks gets no e-mail.
// A letter that cannot be completed (MissingInLetter) is neither rendered
// nor queued: it is returned with `incomplete` set and its reason goes to
// the review.
std::vector<WrittenLetter> WriteLetters(const LetterContext& context,
                                        const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots,
                                        const std::vector<ClaimResult>& claims,
                                        const std::vector<PieceRequest>& pieces,
                                        const std::vector<RenonciationLetter>& renonciations,
                                        std::vector<std::string>& errors);

// Writes one rendered letter under DIR/<stem>/<name>.pdf; nullopt (with the
// reason in `errors`) when it could not be rendered or written. Not queued.
// The caller checks completeness first (IncompleteLetter).
std::optional<WrittenLetter> WriteOneLetter(const LetterContext& context, std::string_view kind,
                                            Result<generators::RenderedLetter> letter, std::string_view name,
                                            std::vector<std::string>& errors);

// The entry of a letter to `to` that is not written because `missing`
// (MissingInLetter's reason) says what it lacks; the reason is added to
// `errors` ("courrier <kind> en attente de vérification, non envoyé : …").
WrittenLetter IncompleteLetter(std::string_view kind, const generators::Recipient& to, const std::string& missing,
                               std::vector<std::string>& errors);

// The professional `identifiant` as a letter's addressee: the store's
// partenaire (name, postal address, e-mail) when the store knows it, else
// `name_read` and `address_read` (the bordereau's readings; an empty
// address leaves the letter incomplete, held for review).
generators::Recipient ProfessionnelRecipient(const LetterContext& context, const std::string& identifiant,
                                             const std::string& name_read, const std::string& address_read = {});

// The RFC 5322 Date header of a message dated `d` (sent at 08:00, Paris
// winter time: the date is what matters, and it keeps the bytes stable).
std::string RfcDate(Date d);

// A member as a letter's addressee: the store's name, postal address and
// e-mail.
generators::Recipient MemberRecipient(const store::Member& member);

}  // namespace liasse::runner
