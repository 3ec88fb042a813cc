#include "liasse/pricing/data.h"

namespace liasse::pricing {

std::string DefaultDataDir() { return LIASSE_DATA_DIR; }

Result<PricingData> PricingData::Load(const std::string& data_dir) {
  LIASSE_ASSIGN_OR_RETURN(auto tables, GuaranteeCatalog::LoadDirectory(data_dir + "/garanties"));
  LIASSE_ASSIGN_OR_RETURN(auto tariffs, Tariffs::LoadDirectory(data_dir + "/tarifs"));
  return PricingData{std::move(tables), std::move(tariffs)};
}

}  // namespace liasse::pricing
