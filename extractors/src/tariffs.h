// NGAP lettre-clé values by date (data/tarifs/actes.toml), for the check
// montant = coefficient × value. Only the keys with dated `valeurs` are
// read; the parse is deliberately small (one table per [CODE] header).
// Internal; immutable after loading, safe to share.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"

namespace liasse::extractors::internal {

class NgapTariffs {
 public:
  // Reads `actes.toml`; an unreadable file gives an empty table (the check
  // is then skipped, never guessed).
  static NgapTariffs Load(const std::filesystem::path& actes_toml);
  static NgapTariffs FromText(const std::string& toml);

  // The lettre-clé value of `code` on `date`, or nullopt when unknown.
  std::optional<Money> ValueOn(const std::string& code, Date date) const;
  bool Knows(const std::string& code) const { return values_.count(code) > 0; }
  bool empty() const { return values_.empty(); }
  // Every code with dated values, in name order.
  const std::vector<std::string>& Codes() const { return codes_; }

 private:
  struct Dated {
    Date from;
    Money value;
  };
  std::map<std::string, std::vector<Dated>> values_;
  std::vector<std::string> codes_;  // the keys of values_, built once at load
};

// The shared table of the default data folder (loaded once, thread-safe).
const NgapTariffs& DefaultTariffs(const std::filesystem::path& data_dir);

}  // namespace liasse::extractors::internal
