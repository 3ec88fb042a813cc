// One builder per letter kind: checks the model and turns it into template
// values (and a table), leaving the layout to RenderLetter.
#pragma once

#include "letter_common.h"

namespace liasse::generators::internal {

Result<LetterContent> BuildDecompte(const TemplateSet& templates, const DecompteModel& model);
Result<LetterContent> BuildRenonciation(const TemplateSet& templates, const RenonciationModel& model);
Result<LetterContent> BuildReclamation(const TemplateSet& templates, const ReclamationModel& model);
Result<LetterContent> BuildAnomaliesLot(const TemplateSet& templates, const LotAnomaliesModel& model);
Result<LetterContent> BuildDemandePieces(const TemplateSet& templates, const DemandePiecesModel& model);
Result<LetterContent> BuildRefusRemboursement(const TemplateSet& templates, const RefusRemboursementModel& model);

}  // namespace liasse::generators::internal
