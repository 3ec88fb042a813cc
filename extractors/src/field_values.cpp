#include "field_values.h"

#include "liasse/core/identifiers.h"

namespace liasse::extractors::internal {

std::vector<std::string> Tokens(const DocReader& r, const Found& found) {
  std::vector<std::string> out;
  for (int i : found.words) {
    std::string t = TrimPunctuation(r.view().words()[static_cast<size_t>(i)].text);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

std::optional<std::string> SetDate(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  auto d = FindDate(found->text);
  if (!d) {
    if (auto again = r.Reread(found->words, RegionKind::kDate, [](std::string_view t) -> std::optional<std::string> {
          auto p = FindDate(t);
          if (!p) return std::nullopt;
          return p->value.ToIso();
        })) {
      r.SetText(name, *again, 0.85, found->words);
      return again;
    }
    r.Review(name, "date illisible : « " + found->text + " »");
    return std::nullopt;
  }
  if (d->value.year() < 1900 || d->value.year() > 2100) {
    r.Review(name, "date invraisemblable : « " + found->text + " »");
    return std::nullopt;
  }
  const std::string iso = d->value.ToIso();
  r.SetText(name, iso, found->confidence * (d->repaired ? kRepairPenalty : 1.0), found->words);
  return iso;
}

std::optional<std::string> SetAmount(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  auto m = ParseAmountText(found->text);
  if (!m) {
    r.Review(name, "montant illisible : « " + found->text + " »");
    return std::nullopt;
  }
  const std::string v = m->value.ToDecimal();
  r.SetText(name, v, found->confidence * (m->repaired ? kRepairPenalty : 1.0), found->words);
  return v;
}

std::optional<std::string> SetNir(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  auto cand = NirCandidate(found->text);
  if (!cand) {
    auto again = r.Reread(found->words, RegionKind::kDigits, [](std::string_view t) -> std::optional<std::string> {
      auto c = NirCandidate(t);
      if (!c || !Nir::Parse(c->value).ok()) return std::nullopt;
      return c->value;
    });
    if (again) {
      r.SetText(name, *again, 0.9, found->words);
      return again;
    }
    r.Review(name, "NIR incomplet (moins de 15 caractères lus) : « " + found->text + " »");
    return std::nullopt;
  }
  auto nir = Nir::Parse(cand->value);
  if (nir.ok()) {
    // The key catches any single wrong digit: a valid key makes the reading sure.
    r.SetText(name, cand->value, std::max(found->confidence, cand->repaired ? 0.9 : 0.97), found->words);
    return cand->value;
  }
  // A wrong key may be on the paper (an anomaly the rules report) or an OCR
  // slip: keep what was read, never "repair" a key, and flag it.
  r.SetText(name, cand->value, std::min(found->confidence, 0.5), found->words);
  r.Review(name, "NIR invalide (" + nir.status().message() + ") : à vérifier sur le document");
  return cand->value;
}

std::optional<std::string> SetNumeroAm(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  bool repaired = false;
  std::string digits;
  for (const auto& t : Tokens(r, *found)) {
    bool changed = false;
    const std::string d = DigitsOf(t, &changed);
    if (d.empty()) {
      if (!digits.empty()) break;
      continue;
    }
    repaired = repaired || changed;
    digits += d;
    if (digits.size() >= 9) break;
  }
  if (digits.size() != 9) {
    r.Review(name, "N° AM illisible : « " + found->text + " »");
    return std::nullopt;
  }
  if (!NumeroAm::Parse(digits).ok()) {
    r.SetText(name, digits, std::min(found->confidence, 0.5), found->words);
    r.Review(name, "N° AM invalide (clé de Luhn) : à vérifier");
    return digits;
  }
  r.SetText(name, digits, std::max(found->confidence, repaired ? 0.9 : 0.97), found->words);
  return digits;
}

std::optional<std::string> SetDigits(DocReader& r, std::string_view name, const std::optional<Found>& found, size_t length) {
  if (!found) return std::nullopt;
  bool repaired = false;
  std::string digits;
  for (const auto& t : Tokens(r, *found)) {
    const std::string d = DigitsOf(t, &repaired);
    if (d.empty() && !digits.empty()) break;
    digits += d;
    if (digits.size() >= length) break;
  }
  if (digits.size() != length) {
    auto again = r.Reread(found->words, RegionKind::kDigits, [length](std::string_view t) -> std::optional<std::string> {
      std::string d = DigitsOf(t);
      if (d.size() != length) return std::nullopt;
      return d;
    });
    if (again) {
      r.SetText(name, *again, 0.85, found->words);
      return again;
    }
    r.Review(name, "numéro illisible (" + std::to_string(length) + " chiffres attendus) : « " + found->text + " »");
    return std::nullopt;
  }
  r.SetText(name, digits, found->confidence * (repaired ? kRepairPenalty : 1.0), found->words);
  return digits;
}

bool SetPersonName(DocReader& r, std::string_view nom_field, std::string_view prenom_field, const std::optional<Found>& found) {
  if (!found) return false;
  std::string nom, prenom;
  for (const auto& t : Tokens(r, *found)) {
    if (IsUpperName(t)) {
      if (!nom.empty() && !prenom.empty()) break;  // a second capital word after the name: another value
      nom += (nom.empty() ? "" : " ") + t;
    } else if (IsCapitalisedName(t)) {
      if (!prenom.empty()) break;
      prenom = t;
    } else if (!nom.empty() || !prenom.empty()) {
      break;
    }
  }
  if (nom.empty() || prenom.empty()) {
    r.Review(nom_field, "nom et prénom non séparables : « " + found->text + " »");
    r.Review(prenom_field, "nom et prénom non séparables : « " + found->text + " »");
    return false;
  }
  r.SetText(nom_field, nom, found->confidence, found->words);
  r.SetText(prenom_field, prenom, found->confidence, found->words);
  return true;
}

std::optional<std::string> SetUpperName(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  for (const auto& t : Tokens(r, *found)) {
    if (IsUpperName(t)) {
      r.SetText(name, t, found->confidence, found->words);
      return t;
    }
  }
  r.Review(name, "nom en capitales introuvable : « " + found->text + " »");
  return std::nullopt;
}

std::optional<std::string> SetPlain(DocReader& r, std::string_view name, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  std::string v;
  for (const auto& t : Tokens(r, *found)) v += (v.empty() ? "" : " ") + t;
  if (v.empty()) return std::nullopt;
  r.SetText(name, v, found->confidence, found->words);
  return v;
}

}  // namespace liasse::extractors::internal
