#include "liasse/generators/json_models.h"

#include <nlohmann/json.hpp>

namespace liasse::generators {

namespace {

using nlohmann::json;

// Reads typed values at named paths; remembers the first error so builders
// stay linear, and the caller checks status() once.
class Reader {
 public:
  Status status() const { return error_; }

  const json* Child(const json& parent, const std::string& path, const char* key, bool required) {
    if (!parent.is_object() || !parent.contains(key) || parent[key].is_null()) {
      if (required) Fail(path + "." + key + " : valeur manquante");
      return nullptr;
    }
    return &parent[key];
  }

  std::string Str(const json& parent, const std::string& path, const char* key, bool required = true) {
    const json* v = Child(parent, path, key, required);
    if (v == nullptr) return "";
    if (!v->is_string()) {
      Fail(path + "." + key + " : texte attendu");
      return "";
    }
    return v->get<std::string>();
  }

  Date DateAt(const json& parent, const std::string& path, const char* key) {
    const std::string text = Str(parent, path, key);
    if (text.empty()) return Date::FromSerial(0);
    auto d = Date::Parse(text);
    if (!d.ok()) {
      Fail(path + "." + key + " : " + d.status().message());
      return Date::FromSerial(0);
    }
    return *d;
  }

  std::optional<Date> OptionalDate(const json& parent, const std::string& path, const char* key) {
    if (Child(parent, path, key, false) == nullptr) return std::nullopt;
    return DateAt(parent, path, key);
  }

  Money Amount(const json& parent, const std::string& path, const char* key, bool required = true) {
    const std::string text = Str(parent, path, key, required);
    if (text.empty()) return Money::Zero();
    auto m = Money::ParseDecimal(text);
    if (!m.ok()) {
      Fail(path + "." + key + " : " + m.status().message());
      return Money::Zero();
    }
    return *m;
  }

  bool Bool(const json& parent, const std::string& path, const char* key, bool fallback) {
    const json* v = Child(parent, path, key, false);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) {
      Fail(path + "." + key + " : true ou false attendu");
      return fallback;
    }
    return v->get<bool>();
  }

  int Int(const json& parent, const std::string& path, const char* key) {
    const json* v = Child(parent, path, key, false);
    if (v == nullptr) return 0;
    if (!v->is_number_integer()) {
      Fail(path + "." + key + " : entier attendu");
      return 0;
    }
    return v->get<int>();
  }

  std::vector<std::string> Strings(const json& parent, const std::string& path, const char* key) {
    std::vector<std::string> out;
    const json* v = Child(parent, path, key, false);
    if (v == nullptr) return out;
    if (!v->is_array()) {
      Fail(path + "." + key + " : liste attendue");
      return out;
    }
    for (const auto& e : *v) {
      if (!e.is_string()) {
        Fail(path + "." + key + " : liste de textes attendue");
        return out;
      }
      out.push_back(e.get<std::string>());
    }
    return out;
  }

  // Calls `each(element, element_path)` for each object of an array.
  template <typename F>
  void Each(const json& parent, const std::string& path, const char* key, F each) {
    const json* v = Child(parent, path, key, false);
    if (v == nullptr) return;
    if (!v->is_array()) {
      Fail(path + "." + key + " : liste attendue");
      return;
    }
    for (size_t i = 0; i < v->size(); ++i) each((*v)[i], path + "." + key + "[" + std::to_string(i) + "]");
  }

  Recipient RecipientAt(const json& parent, const std::string& path, const char* key) {
    Recipient r;
    const json* v = Child(parent, path, key, true);
    if (v == nullptr) return r;
    const std::string p = path + "." + key;
    r.name = Str(*v, p, "nom");
    r.address = Strings(*v, p, "adresse");
    r.email = Str(*v, p, "email", false);
    return r;
  }

  std::vector<Anomalie> Anomalies(const json& parent, const std::string& path, const char* key) {
    std::vector<Anomalie> out;
    Each(parent, path, key, [&](const json& a, const std::string& p) { out.push_back({Str(a, p, "code"), Str(a, p, "message")}); });
    return out;
  }

 private:
  void Fail(std::string message) {
    if (error_.ok()) error_ = Status::InvalidArgument(std::move(message));
  }
  Status error_;
};

DecompteModel ReadDecompte(Reader& r, const json& m, const std::string& p) {
  DecompteModel d;
  d.numero = r.Str(m, p, "numero");
  d.numero_adherent = r.Str(m, p, "numero_adherent");
  d.adherent = r.RecipientAt(m, p, "adherent");
  d.nir = r.Str(m, p, "nir");
  d.contrat = r.Str(m, p, "contrat");
  r.Each(m, p, "beneficiaires", [&](const json& b, const std::string& bp) {
    d.beneficiaires.push_back({r.Str(b, bp, "nom"), r.Str(b, bp, "qualite"), r.Str(b, bp, "nir", false)});
  });
  d.date_paiement = r.DateAt(m, p, "date_paiement");
  d.iban = r.Str(m, p, "iban");
  d.date_courrier = r.DateAt(m, p, "date_courrier");
  r.Each(m, p, "lignes", [&](const json& l, const std::string& lp) {
    LigneDecompte line;
    line.date_soins = r.DateAt(l, lp, "date_soins");
    line.beneficiaire = r.Str(l, lp, "beneficiaire");
    line.acte = r.Str(l, lp, "acte");
    line.frais_reels = r.Amount(l, lp, "frais_reels");
    line.base = r.Amount(l, lp, "base");
    line.securite_sociale = r.Amount(l, lp, "securite_sociale");
    line.mutuelle = r.Amount(l, lp, "mutuelle");
    line.reste_a_charge = r.Amount(l, lp, "reste_a_charge");
    line.explication = r.Str(l, lp, "explication", false);
    d.lignes.push_back(std::move(line));
  });
  return d;
}

RenonciationModel ReadRenonciation(Reader& r, const json& m, const std::string& p) {
  RenonciationModel d;
  d.reference = r.Str(m, p, "reference");
  d.numero_adherent = r.Str(m, p, "numero_adherent");
  d.adherent = r.RecipientAt(m, p, "adherent");
  d.contrat = r.Str(m, p, "contrat");
  d.date_courrier = r.DateAt(m, p, "date_courrier");
  if (const json* f = r.Child(m, p, "faits", true); f != nullptr) {
    const std::string fp = p + ".faits";
    d.faits.date_signature_ou_effet = r.DateAt(*f, fp, "date_signature_ou_effet");
    d.faits.date_reception_conditions = r.OptionalDate(*f, fp, "date_reception_conditions");
    d.faits.date_lettre = r.OptionalDate(*f, fp, "date_lettre");
    d.faits.date_cachet = r.OptionalDate(*f, fp, "date_cachet");
    d.faits.date_reception = r.DateAt(*f, fp, "date_reception");
  }
  d.cotisations_versees = r.Amount(m, p, "cotisations_versees", false);
  d.prestations_versees = r.Amount(m, p, "prestations_versees", false);
  d.carte_tiers_payant = r.Bool(m, p, "carte_tiers_payant", true);
  return d;
}

ReclamationModel ReadReclamation(Reader& r, const json& m, const std::string& p, Status& kind_error) {
  ReclamationModel d;
  d.ticket = r.Str(m, p, "ticket");
  d.reclamant = r.RecipientAt(m, p, "reclamant");
  d.date_reception = r.DateAt(m, p, "date_reception");
  d.date_courrier = r.DateAt(m, p, "date_courrier");
  d.objet = r.Str(m, p, "objet", false);
  const std::string kind = r.Str(m, p, "porteur_de_risque");
  if (!kind.empty()) {
    auto parsed = ParseInsurerKind(kind);
    if (parsed.ok()) d.porteur_de_risque = *parsed;
    else kind_error = parsed.status().WithContext(p + ".porteur_de_risque");
  }
  d.nom = r.Str(m, p, "nom", false);
  d.prenom = r.Str(m, p, "prenom", false);
  d.nir = r.Str(m, p, "nir", false);
  d.adresse = r.Str(m, p, "adresse", false);
  d.email = r.Str(m, p, "email", false);
  d.telephone = r.Str(m, p, "telephone", false);
  d.entreprise = r.Str(m, p, "entreprise", false);
  d.pieces_jointes_annoncees_manquantes = r.Bool(m, p, "pieces_jointes_annoncees_manquantes", false);
  return d;
}

LotAnomaliesModel ReadLot(Reader& r, const json& m, const std::string& p) {
  LotAnomaliesModel d;
  d.reference = r.Str(m, p, "reference");
  d.professionnel = r.RecipientAt(m, p, "professionnel");
  d.identifiant_professionnel = r.Str(m, p, "identifiant_professionnel");
  d.numero_lot = r.Str(m, p, "numero_lot");
  d.date_lot = r.DateAt(m, p, "date_lot");
  d.date_reception = r.DateAt(m, p, "date_reception");
  d.date_courrier = r.DateAt(m, p, "date_courrier");
  d.lot_rejete = r.Bool(m, p, "lot_rejete", false);
  d.anomalies_lot = r.Anomalies(m, p, "anomalies_lot");
  r.Each(m, p, "factures", [&](const json& f, const std::string& fp) {
    FactureRejetee facture;
    facture.numero_facture = r.Str(f, fp, "numero_facture");
    facture.patient = r.Str(f, fp, "patient");
    facture.montant = r.Amount(f, fp, "montant");
    facture.anomalies = r.Anomalies(f, fp, "anomalies");
    facture.a_renvoyer = r.Strings(f, fp, "a_renvoyer");
    d.factures.push_back(std::move(facture));
  });
  d.factures_acceptees = r.Int(m, p, "factures_acceptees");
  return d;
}

DemandePiecesModel ReadPieces(Reader& r, const json& m, const std::string& p) {
  DemandePiecesModel d;
  d.reference = r.Str(m, p, "reference");
  d.numero_adherent = r.Str(m, p, "numero_adherent");
  d.adherent = r.RecipientAt(m, p, "adherent");
  d.date_reception = r.DateAt(m, p, "date_reception");
  d.date_courrier = r.DateAt(m, p, "date_courrier");
  d.objet = r.Str(m, p, "objet");
  r.Each(m, p, "pieces", [&](const json& e, const std::string& ep) {
    d.pieces.push_back({r.Str(e, ep, "piece"), r.Str(e, ep, "motif", false)});
  });
  return d;
}

RefusRemboursementModel ReadRefus(Reader& r, const json& m, const std::string& p) {
  RefusRemboursementModel d;
  d.reference = r.Str(m, p, "reference");
  d.numero_adherent = r.Str(m, p, "numero_adherent", false);
  d.destinataire = r.RecipientAt(m, p, "destinataire");
  d.numero_facture = r.Str(m, p, "numero_facture");
  d.professionnel = r.Str(m, p, "professionnel", false);
  d.tiers_payant = r.Bool(m, p, "tiers_payant", false);
  d.date_reception = r.DateAt(m, p, "date_reception");
  d.date_courrier = r.DateAt(m, p, "date_courrier");
  d.objet = r.Str(m, p, "objet");
  d.motifs = r.Strings(m, p, "motifs");
  return d;
}

}  // namespace

Result<LetterRequest> ParseLetterRequest(std::string_view text) {
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Status::InvalidArgument("JSON du courrier illisible");
  Reader r;
  const std::string kind_name = r.Str(root, "", "kind");
  const json* model = r.Child(root, "", "model", true);
  if (!r.status().ok()) return r.status();
  LIASSE_ASSIGN_OR_RETURN(auto kind, ParseLetterKind(kind_name));
  LetterRequest request;
  request.kind = kind;
  Status extra;
  switch (kind) {
    case LetterKind::kDecompte: request.model = ReadDecompte(r, *model, "model"); break;
    case LetterKind::kConfirmationRenonciation:
    case LetterKind::kRefusRenonciation: request.model = ReadRenonciation(r, *model, "model"); break;
    case LetterKind::kAccuseReceptionReclamation: request.model = ReadReclamation(r, *model, "model", extra); break;
    case LetterKind::kAnomaliesLot: request.model = ReadLot(r, *model, "model"); break;
    case LetterKind::kDemandePieces: request.model = ReadPieces(r, *model, "model"); break;
    case LetterKind::kRefusRemboursement: request.model = ReadRefus(r, *model, "model"); break;
  }
  if (!r.status().ok()) return r.status();
  if (!extra.ok()) return extra;
  return request;
}

}  // namespace liasse::generators
