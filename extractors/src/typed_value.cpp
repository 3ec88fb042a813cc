#include "liasse/extractors/typed_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "forms.h"
#include "liasse/core/date.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/money.h"
#include "normalise.h"

namespace liasse::extractors {
namespace {

using Value = std::variant<std::string, bool>;

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// AAAA-MM-JJ or JJ/MM/AAAA only: a person types a full date, never a
// two-digit year the reader would have to guess.
Result<Value> TypedDate(const std::string& text) {
  const bool iso = text.size() == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
                   AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2));
  const bool french = text.size() == 10 && text[2] == '/' && text[5] == '/' && AllDigits(text.substr(0, 2)) &&
                      AllDigits(text.substr(3, 2)) && AllDigits(text.substr(6, 4));
  if (!iso && !french) return Status::InvalidArgument("date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA");
  auto date = Date::Parse(text);
  if (!date.ok()) return Status::InvalidArgument("date impossible : " + date.status().message());
  return Value(date->ToIso());
}

// "17", "17,5", "17.50", "1 234,56": an amount in euros, at most two decimals.
Result<Value> TypedAmount(const std::string& text) {
  std::string decimal;
  for (char c : text) {
    if (c == ' ') continue;
    decimal += c == ',' ? '.' : c;
  }
  auto money = Money::ParseDecimal(decimal);
  if (!money.ok() || decimal.empty() || decimal[0] == '-') {
    return Status::InvalidArgument("montant attendu en euros, deux décimales au plus (ex. 17,50)");
  }
  return Value(money->ToDecimal());
}

Result<Value> TypedDigits(const std::string& text, std::size_t min, std::size_t max) {
  std::string digits;
  for (char c : text) {
    if (c != ' ') digits += c;
  }
  if (!AllDigits(digits) || digits.size() < min || digits.size() > max) {
    return Status::InvalidArgument(min == max ? fmt::format("{} chiffres attendus", min)
                                              : fmt::format("de {} à {} chiffres attendus", min, max));
  }
  return Value(digits);
}

Result<Value> TypedBoolean(const std::string& text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "oui" || lower == "true" || lower == "vrai") return Value(true);
  if (lower == "non" || lower == "false" || lower == "faux") return Value(false);
  return Status::InvalidArgument("oui ou non attendu");
}

Result<Value> TypedChoice(const std::string& text, const internal::FieldSpec& spec) {
  std::vector<std::string> values;
  for (const auto& [wording, value] : spec.choices) {
    if (text == value) return Value(value);
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
  for (const auto& cue : spec.categories) {
    if (text == cue.category) return Value(cue.category);
    if (std::find(values.begin(), values.end(), cue.category) == values.end()) values.push_back(cue.category);
  }
  std::string list;
  for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
  return Status::InvalidArgument("valeur attendue parmi : " + list);
}

Result<Value> TypedIdentifier(std::string_view kind, const std::string& text) {
  if (kind == "nir") {
    LIASSE_ASSIGN_OR_RETURN(auto nir, Nir::Parse(text));
    return Value(nir.value());
  }
  if (kind == "numero_am") {
    LIASSE_ASSIGN_OR_RETURN(auto am, NumeroAm::Parse(text));
    return Value(am.value());
  }
  if (kind == "rpps") {
    LIASSE_ASSIGN_OR_RETURN(auto rpps, ParseRpps(text));
    return Value(rpps.value);
  }
  LIASSE_ASSIGN_OR_RETURN(auto finess, ParseFiness(text));
  return Value(finess.value);
}

// A value of `kind` (data/forms/README.md) for a field described by `spec`
// (null for a table column).
Result<Value> TypedOfKind(std::string_view kind, const std::string& text, const internal::FieldSpec* spec,
                          std::pair<std::size_t, std::size_t> digits) {
  if (kind == "date" || kind == "birth_check") return TypedDate(text);
  if (kind == "amount") return TypedAmount(text);
  if (kind == "nir" || kind == "numero_am" || kind == "rpps" || kind == "finess") return TypedIdentifier(kind, text);
  if (kind == "digits") return TypedDigits(text, digits.first, digits.second);
  if (kind == "phone") return TypedDigits(text, 10, 10);
  if (kind == "checkbox" || kind == "signature" || kind == "flag" || kind == "crossing") return TypedBoolean(text);
  if ((kind == "choice" || kind == "category") && spec != nullptr) return TypedChoice(text, *spec);
  if (kind == "coefficient") {
    auto c = internal::NormaliseCoefficient(text);
    if (!c) return Status::InvalidArgument("coefficient attendu (ex. 1, 7,5)");
    return Value(*c);
  }
  if (kind == "code") {
    const std::string code = internal::NormaliseCode(text);
    if (code.empty() || code.size() != text.size()) {
      return Status::InvalidArgument("code attendu en lettres et chiffres (ex. AMI, HBJD001)");
    }
    return Value(code);
  }
  if (text.empty()) return Status::InvalidArgument("valeur vide");
  return Value(text);
}

// The kind of a table column, by its contract name (docs/results.md).
std::string_view ColumnKind(std::string_view column) {
  if (column == "date" || column == "date_naissance") return "date";
  if (column.starts_with("montant")) return "amount";
  if (column == "nir") return "nir";
  if (column == "coefficient") return "coefficient";
  if (column == "code") return "code";
  if (column == "numero_facture") return "digits";
  return "text";
}

}  // namespace

Result<Value> CheckTypedValue(DocumentType type, std::string_view field, std::optional<int> line, std::string_view value,
                              const std::filesystem::path& data_dir) {
  const auto& loaded = internal::DefaultForms(data_dir.empty() ? std::filesystem::path(LIASSE_DATA_DIR) : data_dir);
  if (!loaded.ok()) return loaded.status();
  const std::string where = line ? fmt::format("{} (ligne {})", field, *line + 1) : std::string(field);
  const internal::FormSpec* form = loaded->Of(type);
  if (form == nullptr) {
    return Status::NotFound(fmt::format("{} : type de document « {} » sans champ connu", where, DocumentTypeName(type)));
  }
  const std::string text = Trim(value);
  std::string_view kind;
  const internal::FieldSpec* spec = nullptr;
  std::pair<std::size_t, std::size_t> digits{4, 12};
  if (line) {
    const internal::TableSpec* table = form->Table("lines");
    if (table == nullptr || table->Column(field) == nullptr) {
      return Status::NotFound(
          fmt::format("{} : colonne inconnue des lignes d'un document « {} »", where, DocumentTypeName(type)));
    }
    if (auto it = table->digits.find(field); it != table->digits.end()) digits = it->second;
    kind = ColumnKind(field);
  } else {
    spec = form->Field(field);
    if (spec == nullptr) {
      return Status::NotFound(fmt::format("{} : champ inconnu d'un document « {} »", where, DocumentTypeName(type)));
    }
    kind = spec->kind;
    digits = {spec->min_digits, spec->max_digits};
  }
  auto checked = TypedOfKind(kind, text, spec, digits);
  if (!checked.ok()) return Status::InvalidArgument(where + " : « " + text + " » refusé : " + checked.status().message());
  return checked;
}

}  // namespace liasse::extractors
