// Admissibility of a claim (seed 004 §3.2, §3.4): care inside the coverage
// period and not before adhesion, claim received within the declaration
// deadline (2 years, data), and the general exclusions a document shows.
// Rules loaded from data/rules/admissibilite.toml; immutable, thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/status.h"
#include "liasse/core/document.h"

namespace liasse::rules {

struct Coverage {
  Date adhesion;           // start of the guarantees
  std::optional<Date> fin; // last covered day, nullopt while open
};

// One reason a claim is not admissible. Codes: CARE_BEFORE_ADHESION,
// CARE_AFTER_COVERAGE, CLAIM_TOO_LATE, and the exclusion codes of the data.
struct AdmissibilityIssue {
  std::string code;
  std::string message;            // French, to the member
  std::optional<int> document;    // for exclusions
  std::optional<int> line;
};

struct Exclusion {
  std::string code;
  std::string libelle;
  std::vector<std::vector<std::string>> mots_cles;  // OR of AND-groups, lower case
};

class AdmissibilityRules {
 public:
  static Result<AdmissibilityRules> Load(const std::filesystem::path& data_dir);
  static Result<AdmissibilityRules> Parse(std::string_view toml_text, std::string_view origin);

  // The declaration deadline in months in force for care on `care`.
  int DeadlineMonths(Date care) const;

  // Issues for care on `care` received on `received`; `documents` are the
  // claim's documents, searched for exclusions (facture lines' libellé and
  // categorie). Empty when admissible.
  std::vector<AdmissibilityIssue> Check(const Coverage& coverage, Date care, Date received,
                                        const std::vector<Document>& documents) const;

 private:
  std::vector<std::pair<Date, int>> deadlines_;  // valid_from ascending
  std::vector<Exclusion> exclusions_;
};

}  // namespace liasse::rules
