// Renunciation letters (seed 004 §2.5, code de la mutualité L221-18): for
// each `renonciation` document of an envelope, the member the store knows,
// the facts the 14-day rule needs and, when the renunciation is accepted,
// what each side refunds. Internal to the runner.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/document.h"
#include "liasse/generators/models.h"
#include "liasse/store/store.h"

namespace liasse::runner {

struct RenonciationLetter {
  int document = 0;  // the renonciation, index in the envelope
  generators::RenonciationModel model;
  std::optional<Date> date_naissance;  // the member's, for the e-mail password
};

// The cotisations paid from `adhesion` until `reception`: paid monthly in
// advance (seed 004 §4.1.2), the month of adhesion prorated by the days left
// in it (§2.3: mensuelle × jours restants / jours du mois, rounded half-up
// to the cent), then one whole month for every first of the month on or
// before `reception`. Zero when `reception` is before `adhesion`. Pure.
Money CotisationsReglees(Money mensuelle, Date adhesion, Date reception);

// The letters to write, one per renonciation whose facts are all known.
// The member is found by NIR or numéro d'adhérent when the document gives
// one, else by nom and prénom (several homonyms: the one whose adhesion is
// the date of souscription the letter gives). The delay runs from the
// member's adhesion in the store; the letter counts from its own date, else
// from `received`. A confirmation needs the member's monthly cotisation
// (refunded) and the mutuelle part of the claims saved for the member (to
// be refunded). When a fact is missing or uncertain (member unknown or
// ambiguous, letter date read with low confidence, cotisation unknown) no
// letter is made: `review` gets the French reason. `letter_key`
// (LetterKey) makes the references ("REN-<key>-<n>"), stable whatever the
// scan's file name. Reads the store only.
std::vector<RenonciationLetter> PrepareRenonciations(const std::vector<Document>& documents,
                                                     store::Store& store, const std::string& letter_key, Date received,
                                                     Date today, std::vector<std::string>& review);

}  // namespace liasse::runner
