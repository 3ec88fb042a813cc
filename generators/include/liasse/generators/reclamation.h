// Complaint handling commitments (seed 002, ACPR 2022-R-01, reference.md):
// acknowledge within 10 working days of receipt, answer within 2 months.
#pragma once

#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/generators/models.h"

namespace liasse::generators {

struct EngagementsReclamation {
  Date accuse_reception_avant = Date::FromSerial(0);  // receipt + 10 working days
  Date reponse_avant = Date::FromSerial(0);           // receipt + 2 months
};

EngagementsReclamation ComputeEngagements(Date date_reception);

// The items of seed 002's list the complaint did not give, in the seed's
// order and wording ("Numéro de sécurité sociale de l'adhérent concerné", …).
std::vector<std::string> ElementsManquants(const ReclamationModel& reclamation);

}  // namespace liasse::generators
