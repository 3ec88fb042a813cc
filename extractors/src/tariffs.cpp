#include "tariffs.h"

#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>

namespace liasse::extractors::internal {

NgapTariffs NgapTariffs::FromText(const std::string& toml) {
  NgapTariffs t;
  static const std::regex header(R"(^\[([A-Z0-9_]+)\]\s*$)");
  static const std::regex dated(R"re(valid_from\s*=\s*"(\d{4}-\d{2}-\d{2})"\s*,\s*base\s*=\s*"([0-9.]+)")re");
  std::istringstream in(toml);
  std::string line, code;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, header)) {
      code = m[1];
      continue;
    }
    if (code.empty() || line.rfind("valeurs", 0) != 0) continue;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), dated); it != std::sregex_iterator(); ++it) {
      auto d = Date::Parse((*it)[1].str());
      auto v = Money::ParseDecimal((*it)[2].str());
      if (d.ok() && v.ok()) t.values_[code].push_back({d.value(), v.value()});
    }
  }
  for (const auto& entry : t.values_) t.codes_.push_back(entry.first);
  return t;
}

NgapTariffs NgapTariffs::Load(const std::filesystem::path& actes_toml) {
  std::ifstream f(actes_toml);
  if (!f) return {};
  std::stringstream ss;
  ss << f.rdbuf();
  return FromText(ss.str());
}

std::optional<Money> NgapTariffs::ValueOn(const std::string& code, Date date) const {
  auto it = values_.find(code);
  if (it == values_.end()) return std::nullopt;
  std::optional<Money> value;
  for (const auto& d : it->second) {
    if (d.from <= date) value = d.value;
  }
  return value;
}

const NgapTariffs& DefaultTariffs(const std::filesystem::path& data_dir) {
  static std::mutex mu;
  static std::map<std::filesystem::path, NgapTariffs> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(data_dir);
  if (it == cache.end()) it = cache.emplace(data_dir, NgapTariffs::Load(data_dir / "tarifs" / "actes.toml")).first;
  return it->second;
}

}  // namespace liasse::extractors::internal
