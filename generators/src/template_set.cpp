// Loading templates/ (letterhead, mediators, one file per letter kind) with
// toml++, and the schema each letter kind offers its template.
#include <toml++/toml.h>

#include <filesystem>

#include "liasse/generators/templates.h"
#include "liasse/core/text.h"
#include "liasse/generators/pdf_tools.h"

namespace liasse::generators {

namespace {

const std::set<std::string> kCommonScalars = {
    "operateur.nom",        "operateur.nom_long",      "operateur.telephone", "operateur.email",
    "operateur.site",       "operateur.adresse",       "operateur.signature", "reclamations.adresse",
    "reclamations.email",   "reclamations.telephone",  "destinataire.nom",    "date_courrier",
    "reference"};

TemplateSchema WithCommon(TemplateSchema schema) {
  schema.scalars.insert(kCommonScalars.begin(), kCommonScalars.end());
  return schema;
}

TemplateSchema RenonciationSchema() {
  return WithCommon({{"adherent.nom", "numero_adherent", "contrat", "date_souscription", "debut_delai", "fin_theorique",
                      "date_limite", "motif_report", "date_envoi", "source_envoi", "date_reception", "fin_garanties",
                      "remboursement_avant", "cotisations", "prestations", "echeance", "resiliation_echeance_avant",
                      "resiliation_infra_annuelle_des"},
                     {"prestations_a_rembourser", "cotisations_a_rembourser", "carte_tiers_payant",
                      "date_limite_reportee", "infra_annuelle_possible"},
                     {}});
}

std::string Where(const std::string& file, const toml::source_region& region) {
  return file + ":" + std::to_string(region.begin.line);
}

Result<std::string> RequiredString(const toml::table& table, std::string_view key, const std::string& file) {
  const auto* node = table.get(key);
  if (node == nullptr || !node->is_string()) {
    return Status::InvalidArgument(file + ": clé « " + std::string(key) + " » manquante ou non textuelle");
  }
  return node->as_string()->get();
}

Result<std::vector<std::string>> StringArray(const toml::table& table, std::string_view key, const std::string& file,
                                             bool required) {
  std::vector<std::string> out;
  const auto* node = table.get(key);
  if (node == nullptr) {
    if (required) return Status::InvalidArgument(file + ": clé « " + std::string(key) + " » manquante");
    return out;
  }
  const auto* array = node->as_array();
  if (array == nullptr) return Status::InvalidArgument(Where(file, node->source()) + ": « " + std::string(key) + " » doit être une liste de textes");
  for (const auto& element : *array) {
    if (!element.is_string()) return Status::InvalidArgument(Where(file, element.source()) + ": « " + std::string(key) + " » doit être une liste de textes");
    out.push_back(element.as_string()->get());
  }
  return out;
}

Result<toml::table> ParseFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound(path + ": fichier introuvable");
  // Debian's toml++ is built with exceptions: parse errors are thrown.
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    return Status::InvalidArgument(path + ":" + std::to_string(error.source().begin.line) + ": " +
                                   std::string(error.description()));
  }
}

Result<TextTemplate> CompileKey(const toml::table& table, std::string_view key, const TemplateSchema& schema,
                                const std::string& file) {
  const auto* node = table.get(key);
  if (node == nullptr || !node->is_string()) {
    return Status::InvalidArgument(file + ": clé « " + std::string(key) + " » manquante ou non textuelle");
  }
  const auto& region = node->source();
  // A multi-line string starts on the line after its opening quotes.
  const int first_line = static_cast<int>(region.begin.line) + (region.end.line > region.begin.line ? 1 : 0);
  return TextTemplate::Compile(node->as_string()->get(), schema, file, first_line);
}

Result<Letterhead> LoadLetterhead(const std::string& file) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, ParseFile(file));
  const toml::table& t = parsed;
  Letterhead h;
  struct Field {
    const char* key;
    std::string* target;
  };
  for (const Field& f : {Field{"nom", &h.name}, Field{"nom_long", &h.long_name}, Field{"telephone", &h.phone},
                         Field{"email", &h.email}, Field{"site", &h.website}, Field{"ville", &h.city},
                         Field{"signature", &h.signature}, Field{"orias", &h.orias}, Field{"siret", &h.siret},
                         Field{"auteur_pdf", &h.author}}) {
    LIASSE_ASSIGN_OR_RETURN(auto value, RequiredString(t, f.key, file));
    *f.target = value;
  }
  LIASSE_ASSIGN_OR_RETURN(auto address, StringArray(t, "adresse", file, true));
  h.address = address;
  LIASSE_ASSIGN_OR_RETURN(auto legal, StringArray(t, "mentions_legales", file, true));
  h.legal = legal;
  const auto* complaints = t.get_as<toml::table>("reclamations");
  if (complaints == nullptr) return Status::InvalidArgument(file + ": table [reclamations] manquante");
  LIASSE_ASSIGN_OR_RETURN(auto c_address, StringArray(*complaints, "adresse", file, true));
  h.complaints_address = c_address;
  LIASSE_ASSIGN_OR_RETURN(auto c_email, RequiredString(*complaints, "email", file));
  h.complaints_email = c_email;
  LIASSE_ASSIGN_OR_RETURN(auto c_phone, RequiredString(*complaints, "telephone", file));
  h.complaints_phone = c_phone;
  return h;
}

// [chiffrement]: the rule an operator sets for the password that opens
// e-mailed PDFs (the member's birth date by default), and `consigne`, the
// words that tell the member how it is made (the e-mail carries these, never
// the password).
Result<PasswordRule> LoadPasswordRule(const std::string& file) {
  auto parsed = ParseFile(file);
  if (!parsed.ok()) return parsed.status();
  const auto* section = parsed->get_as<toml::table>("chiffrement");
  if (section == nullptr) return Status::InvalidArgument(file + ": table [chiffrement] manquante");
  static const TemplateSchema schema{{"date_naissance", "numero_adherent"}, {}, {}};
  PasswordRule rule;
  auto password = CompileKey(*section, "mot_de_passe", schema, file);
  if (!password.ok()) return password.status();
  rule.password = std::move(password).value();
  auto hint = RequiredString(*section, "consigne", file);
  if (!hint.ok()) return hint.status();
  if (std::string(text::Trim(*hint)).empty()) {
    return Status::InvalidArgument(file + ": [chiffrement] clé « consigne » vide");
  }
  rule.hint = *hint;
  return rule;
}

}  // namespace

Result<std::string> TemplateSet::UserPassword(const PasswordFacts& facts) const {
  TemplateValues values;
  if (facts.date_naissance) values.scalars["date_naissance"] = BirthDatePassword(*facts.date_naissance);
  values.scalars["numero_adherent"] = facts.numero_adherent;
  std::string password = password_rule_.password.Render(values);
  // A fact the rule uses but the member lacks would render empty and make a
  // guessable password: the rule is rendered again with a marker in every
  // missing fact, and a difference means the rule needs one of them.
  TemplateValues marked = values;
  for (const char* name : {"date_naissance", "numero_adherent"}) {
    if (marked.scalars[name].empty()) marked.scalars[name] = "\x01";
  }
  if (password_rule_.password.Render(marked) != password || password.empty()) {
    return Status::NotFound(
        "mot de passe du PDF impossible selon [chiffrement] mot_de_passe : une donnée de l'adhérent manque "
        "(date de naissance ou numéro d'adhérent)");
  }
  return password;
}

std::string_view LetterKindName(LetterKind kind) {
  switch (kind) {
    case LetterKind::kDecompte: return "decompte";
    case LetterKind::kConfirmationRenonciation: return "confirmation_renonciation";
    case LetterKind::kRefusRenonciation: return "refus_renonciation";
    case LetterKind::kAccuseReceptionReclamation: return "accuse_reception_reclamation";
    case LetterKind::kAnomaliesLot: return "anomalies_lot";
    case LetterKind::kDemandePieces: return "demande_pieces";
    case LetterKind::kRefusRemboursement: return "refus_remboursement";
  }
  return "";
}

Result<LetterKind> ParseLetterKind(std::string_view name) {
  for (LetterKind kind : kAllLetterKinds) {
    if (LetterKindName(kind) == name) return kind;
  }
  return Status::InvalidArgument("type de courrier inconnu « " + std::string(name) + " »");
}

std::string_view InsurerKindName(InsurerKind kind) {
  switch (kind) {
    case InsurerKind::kMutuelle: return "mutuelle";
    case InsurerKind::kEntrepriseAssurance: return "entreprise_assurance";
    case InsurerKind::kInstitutionPrevoyance: return "institution_prevoyance";
  }
  return "";
}

Result<InsurerKind> ParseInsurerKind(std::string_view name) {
  for (InsurerKind kind : {InsurerKind::kMutuelle, InsurerKind::kEntrepriseAssurance, InsurerKind::kInstitutionPrevoyance}) {
    if (InsurerKindName(kind) == name) return kind;
  }
  return Status::InvalidArgument("type d'organisme assureur inconnu « " + std::string(name) +
                                 " » (mutuelle, entreprise_assurance, institution_prevoyance)");
}

const TemplateSchema& SchemaFor(LetterKind kind) {
  static const std::map<LetterKind, TemplateSchema> schemas = {
      {LetterKind::kDecompte,
       WithCommon({{"adherent.nom", "numero_adherent", "nir_masque", "contrat", "numero_decompte", "date_paiement",
                    "iban_masque", "nombre_lignes", "total.frais_reels", "total.base", "total.securite_sociale",
                    "total.mutuelle", "total.reste_a_charge", "professionnel_paye"},
                   {"lignes_expliquees", "tiers_payant"},
                   {{"beneficiaires", {"nom", "qualite", "nir_masque"}}}})},
      {LetterKind::kConfirmationRenonciation, RenonciationSchema()},
      {LetterKind::kRefusRenonciation, RenonciationSchema()},
      {LetterKind::kAccuseReceptionReclamation,
       WithCommon({{"ticket", "date_reception", "objet", "accuse_avant", "reponse_avant", "mediateur.nom",
                    "mediateur.adresse", "mediateur.site", "porteur_de_risque"},
                   {},
                   {{"elements_manquants", {"libelle"}}}})},
      {LetterKind::kAnomaliesLot,
       WithCommon({{"numero_lot", "date_lot", "date_reception", "identifiant_professionnel", "nombre_factures_rejetees",
                    "factures_acceptees"},
                   {"lot_rejete"},
                   {{"anomalies_lot", {"code", "message"}}, {"a_renvoyer", {"piece"}}}})},
      {LetterKind::kDemandePieces,
       WithCommon({{"numero_adherent", "date_reception", "objet"}, {}, {{"pieces", {"piece", "motif"}}}})},
      {LetterKind::kRefusRemboursement,
       WithCommon({{"numero_adherent", "date_reception", "objet", "numero_facture", "professionnel"},
                   {"tiers_payant"},
                   {{"motifs", {"motif"}}}})},
  };
  return schemas.at(kind);
}

Result<TemplateSet> TemplateSet::Load(const std::string& dir) {
  TemplateSet set;
  LIASSE_ASSIGN_OR_RETURN(auto letterhead, LoadLetterhead(dir + "/letterhead.toml"));
  set.letterhead_ = std::move(letterhead);
  LIASSE_ASSIGN_OR_RETURN(auto rule, LoadPasswordRule(dir + "/letterhead.toml"));
  set.password_rule_ = std::move(rule);

  const std::string mediators_file = dir + "/mediateurs.toml";
  LIASSE_ASSIGN_OR_RETURN(auto mediators, ParseFile(mediators_file));
  for (InsurerKind kind : {InsurerKind::kMutuelle, InsurerKind::kEntrepriseAssurance, InsurerKind::kInstitutionPrevoyance}) {
    const auto* table = mediators.get_as<toml::table>(InsurerKindName(kind));
    if (table == nullptr) {
      return Status::InvalidArgument(mediators_file + ": table [" + std::string(InsurerKindName(kind)) + "] manquante");
    }
    Mediator m;
    LIASSE_ASSIGN_OR_RETURN(auto name, RequiredString(*table, "nom", mediators_file));
    LIASSE_ASSIGN_OR_RETURN(auto address, StringArray(*table, "adresse", mediators_file, true));
    LIASSE_ASSIGN_OR_RETURN(auto site, RequiredString(*table, "site", mediators_file));
    set.mediators_[kind] = Mediator{name, address, site};
  }

  for (LetterKind kind : kAllLetterKinds) {
    const std::string file = dir + "/" + std::string(LetterKindName(kind)) + ".toml";
    LIASSE_ASSIGN_OR_RETURN(auto parsed, ParseFile(file));
    const TemplateSchema& schema = SchemaFor(kind);
    LetterTemplate letter;
    letter.kind = kind;
    letter.file = file;
    LIASSE_ASSIGN_OR_RETURN(auto title, CompileKey(parsed, "titre", schema, file));
    LIASSE_ASSIGN_OR_RETURN(auto subject, CompileKey(parsed, "objet", schema, file));
    LIASSE_ASSIGN_OR_RETURN(auto body, CompileKey(parsed, "corps", schema, file));
    letter.title = title;
    letter.subject = subject;
    letter.body = body;
    const bool has_table = kind == LetterKind::kDecompte || kind == LetterKind::kAnomaliesLot;
    LIASSE_ASSIGN_OR_RETURN(auto columns, StringArray(parsed, "colonnes", file, has_table));
    const size_t expected = kind == LetterKind::kDecompte ? 8 : kind == LetterKind::kAnomaliesLot ? 5 : 0;
    if (columns.size() != expected) {
      return Status::InvalidArgument(file + ": « colonnes » doit compter " + std::to_string(expected) + " intitulés");
    }
    letter.columns = columns;
    set.letters_[kind] = std::move(letter);
  }
  return set;
}

const LetterTemplate& TemplateSet::Get(LetterKind kind) const { return letters_.at(kind); }
const Mediator& TemplateSet::MediatorFor(InsurerKind kind) const { return mediators_.at(kind); }

}  // namespace liasse::generators
