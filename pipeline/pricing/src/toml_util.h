// Internal helpers to read typed values out of toml++ tables with errors
// that name the file, the line and the key.
#pragma once

#include <string>
#include <string_view>
#include <toml++/toml.h>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"
#include "liasse/pricing/tariffs.h"

namespace liasse::pricing::detail {

// "file:line: key: message".
Status Error(const std::string& file, const toml::node* node, std::string_view key, std::string_view message);

// Parses a whole file; fails with file:line on syntax errors.
Result<toml::table> ParseFile(const std::string& path);

Result<std::string> GetString(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx);
std::string GetStringOr(const toml::table& t, std::string_view key, std::string fallback);
bool GetBoolOr(const toml::table& t, std::string_view key, bool fallback);
Result<Money> GetMoney(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx);
Result<Date> GetDate(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx);
Result<int64_t> GetInt(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx);

// "70%", "62.5%" → Rate.
Result<Rate> ParsePercent(std::string_view text);
Result<Rate> GetRate(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx);

// An array of { valid_from = "…", <value_key> = "…" } sorted by date,
// strictly increasing, not empty.
Result<Dated<Money>> GetDatedMoney(const std::string& file, const toml::table& t, std::string_view key,
                                   std::string_view value_key, std::string_view ctx);
Result<Dated<Rate>> GetDatedRate(const std::string& file, const toml::table& t, std::string_view key,
                                 std::string_view value_key, std::string_view ctx);

}  // namespace liasse::pricing::detail
