// libFuzzer target for the claim JSON of `liasse price`: any bytes give
// claims or an error naming the bad field, never a crash.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "claim_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  // Half the inputs with a member file that knows every adhérent.
  liasse::cli::MemberLookup lookup;
  if (size % 2 == 0) {
    lookup = [](std::string_view) -> liasse::Result<std::optional<liasse::cli::MemberCoverage>> {
      liasse::cli::MemberCoverage m;
      m.contrat = "PASS3";
      m.date_naissance = liasse::Date::FromYmd(1980, 5, 17).value();
      m.date_adhesion = liasse::Date::FromYmd(2020, 1, 1).value();
      return std::optional<liasse::cli::MemberCoverage>(m);
    };
  }
  auto claims = liasse::cli::ClaimsFromJson(j, lookup);
  if (!claims.ok() && claims.status().message().empty()) __builtin_trap();  // an error says what is wrong
  return 0;
}
