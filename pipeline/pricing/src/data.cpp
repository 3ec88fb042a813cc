#include "liasse/pricing/data.h"

namespace liasse::pricing {

std::string DefaultDataDir() { return LIASSE_DATA_DIR; }

Result<PricingData> PricingData::Load(const std::string& data_dir) {
  auto tables = GuaranteeCatalog::LoadDirectory(data_dir + "/garanties");
  if (!tables.ok()) return tables.status();
  auto tariffs = Tariffs::LoadDirectory(data_dir + "/tarifs");
  if (!tariffs.ok()) return tariffs.status();
  return PricingData{std::move(*tables), std::move(*tariffs)};
}

}  // namespace liasse::pricing
