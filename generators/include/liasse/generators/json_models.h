// Letter models from JSON, for `liasse letter` and tests. The JSON mirrors
// the structs of models.h with results.md's conventions: dates ISO
// "YYYY-MM-DD", amounts decimal strings "17.00".
//
//   {"kind": "decompte", "model": {...}}
//
// Fails naming the missing or malformed key (e.g. "model.lignes[2].base").
#pragma once

#include <string_view>
#include <variant>

#include "liasse/core/status.h"
#include "liasse/generators/models.h"
#include "liasse/generators/templates.h"

namespace liasse::generators {

using AnyLetterModel =
    std::variant<DecompteModel, RenonciationModel, ReclamationModel, LotAnomaliesModel, DemandePiecesModel,
                 RefusRemboursementModel>;

struct LetterRequest {
  LetterKind kind = LetterKind::kDecompte;  // for renonciation: as requested; the rule decides
  AnyLetterModel model;
};

Result<LetterRequest> ParseLetterRequest(std::string_view json);

}  // namespace liasse::generators
