// Loading all pricing data of a data directory at start-up.
#pragma once

#include <string>

#include "liasse/core/status.h"
#include "liasse/pricing/guarantee_table.h"
#include "liasse/pricing/tariffs.h"

namespace liasse::pricing {

// The compile-time data directory (CMake cache variable LIASSE_DATA_DIR).
std::string DefaultDataDir();

// Guarantee tables (DIR/garanties) and tariffs (DIR/tarifs). Immutable once
// loaded; share it between threads freely.
struct PricingData {
  GuaranteeCatalog tables;
  Tariffs tariffs;

  // Fails with the first invalid file, naming it and the key.
  static Result<PricingData> Load(const std::string& data_dir);
};

}  // namespace liasse::pricing
