#include "toml_util.h"

#include <charconv>
#include <fmt/format.h>

namespace liasse::pricing::detail {

Status Error(const std::string& file, const toml::node* node, std::string_view key, std::string_view message) {
  if (node != nullptr && node->source().begin.line > 0) {
    return Status::InvalidArgument(fmt::format("{}:{}: {}: {}", file, node->source().begin.line, key, message));
  }
  return Status::InvalidArgument(fmt::format("{}: {}: {}", file, key, message));
}

Result<toml::table> ParseFile(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return Status::InvalidArgument(fmt::format("{}:{}: {}", path, where.line, e.description()));
  }
}

namespace {
std::string Key(std::string_view ctx, std::string_view key) {
  return ctx.empty() ? std::string(key) : fmt::format("{}.{}", ctx, key);
}
}  // namespace

Result<std::string> GetString(const std::string& file, const toml::table& t, std::string_view key,
                              std::string_view ctx) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return Error(file, &t, Key(ctx, key), "clé manquante");
  auto v = n->value<std::string>();
  if (!v) return Error(file, n, Key(ctx, key), "doit être une chaîne");
  return *v;
}

std::string GetStringOr(const toml::table& t, std::string_view key, std::string fallback) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return fallback;
  return n->value<std::string>().value_or(fallback);
}

bool GetBoolOr(const toml::table& t, std::string_view key, bool fallback) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return fallback;
  return n->value<bool>().value_or(fallback);
}

Result<Money> GetMoney(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx) {
  LIASSE_ASSIGN_OR_RETURN(auto s, GetString(file, t, key, ctx));
  auto m = Money::ParseDecimal(s);
  if (!m.ok()) return Error(file, t.get(key), Key(ctx, key), fmt::format("montant invalide « {} »", s));
  return *m;
}

Result<Date> GetDate(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx) {
  LIASSE_ASSIGN_OR_RETURN(auto s, GetString(file, t, key, ctx));
  auto d = Date::Parse(s);
  if (!d.ok()) return Error(file, t.get(key), Key(ctx, key), fmt::format("date invalide « {} »", s));
  return *d;
}

Result<int64_t> GetInt(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return Error(file, &t, Key(ctx, key), "clé manquante");
  auto v = n->value<int64_t>();
  if (!v) return Error(file, n, Key(ctx, key), "doit être un entier");
  return *v;
}

Result<Rate> ParsePercent(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.back() != '%') return Status::InvalidArgument("pourcentage sans %");
  text.remove_suffix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // Reuse the decimal parser: "62.5" read as an amount is 6250 hundredths,
  // i.e. 6250 basis points.
  std::string normalized(text);
  for (char& c : normalized) {
    if (c == ',') c = '.';
  }
  auto m = Money::ParseDecimal(normalized);
  if (!m.ok() || m->is_negative()) return Status::InvalidArgument("pourcentage invalide");
  return Rate::BasisPoints(m->cents());
}

Result<Rate> GetRate(const std::string& file, const toml::table& t, std::string_view key, std::string_view ctx) {
  LIASSE_ASSIGN_OR_RETURN(auto s, GetString(file, t, key, ctx));
  auto r = ParsePercent(s);
  if (!r.ok()) return Error(file, t.get(key), Key(ctx, key), fmt::format("taux invalide « {} »", s));
  return *r;
}

namespace {
template <typename T, typename Getter>
Result<Dated<T>> GetDated(const std::string& file, const toml::table& t, std::string_view key,
                          std::string_view value_key, std::string_view ctx, Getter get) {
  const toml::node* n = t.get(key);
  const std::string full = Key(ctx, key);
  if (n == nullptr) return Error(file, &t, full, "clé manquante");
  const toml::array* arr = n->as_array();
  if (arr == nullptr || arr->empty()) return Error(file, n, full, "doit être une liste non vide de { valid_from, … }");
  Dated<T> out;
  for (size_t i = 0; i < arr->size(); ++i) {
    const toml::table* item = arr->get(i)->as_table();
    const std::string item_ctx = fmt::format("{}[{}]", full, i);
    if (item == nullptr) return Error(file, arr->get(i), item_ctx, "doit être une table { valid_from, … }");
    LIASSE_ASSIGN_OR_RETURN(auto from, GetDate(file, *item, "valid_from", item_ctx));
    LIASSE_ASSIGN_OR_RETURN(auto value, get(file, *item, value_key, item_ctx));
    if (!out.valeurs.empty() && !(out.valeurs.back().first < from)) {
      return Error(file, item, item_ctx, "valid_from doit croître strictement");
    }
    out.valeurs.emplace_back(from, value);
  }
  return out;
}
}  // namespace

Result<Dated<Money>> GetDatedMoney(const std::string& file, const toml::table& t, std::string_view key,
                                   std::string_view value_key, std::string_view ctx) {
  return GetDated<Money>(file, t, key, value_key, ctx, GetMoney);
}

Result<Dated<Rate>> GetDatedRate(const std::string& file, const toml::table& t, std::string_view key,
                                 std::string_view value_key, std::string_view ctx) {
  return GetDated<Rate>(file, t, key, value_key, ctx, GetRate);
}

}  // namespace liasse::pricing::detail
