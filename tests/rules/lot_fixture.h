// A conform B2 lot in flux dégradé, built in code: bordereau (3 lines),
// then for each invoice its feuille de soins followed by its prescription.
#pragma once

#include <string>
#include <vector>

#include "liasse/core/document.h"

namespace liasse::rules::testing {

Field Text(std::string value);
Field Bool(bool value);

struct CleanLot {
  std::vector<Document> docs;
  // Document indices.
  int bordereau = 0;
  std::vector<int> feuilles;       // per invoice, in bordereau order
  std::vector<int> prescriptions;  // per invoice
  std::vector<std::string> numeros;
};

CleanLot MakeCleanLot();

}  // namespace liasse::rules::testing
