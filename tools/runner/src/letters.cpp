#include "letters.h"

#include <fmt/format.h>

#include <map>

#include "liasse/core/fields.h"
#include "letter_checks.h"
#include "liasse/generators/pdf_tools.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

std::string TextOr(const Document& d, std::string_view field, std::string fallback = {}) {
  const std::string* t = d.Text(field);
  return t ? *t : fallback;
}

Date DateOr(const Document& d, std::string_view field, Date fallback) {
  const std::string* t = d.Text(field);
  if (t == nullptr) return fallback;
  auto parsed = Date::Parse(*t);
  return parsed.ok() ? *parsed : fallback;
}

// The bordereau that heads a lot, found by its number.
const Document* Bordereau(const std::vector<Document>& documents, const std::string& numero) {
  for (const auto& d : documents) {
    if (d.type == DocumentType::kBordereau && TextOr(d, fields::kLotNumero) == numero) return &d;
  }
  return nullptr;
}

// The patient of a bordereau line: the member's name from the store when
// the line's NIR is a member's, else the names as read.
std::string PatientOf(const LetterContext& ctx, const Line& line) {
  if (const std::string* nir = line.Find(fields::kNir); nir != nullptr && ctx.store != nullptr) {
    if (auto m = ctx.store->FindMemberByNir(*nir); m.ok()) return fmt::format("{} {}", m->prenom, m->nom);
  }
  const std::string *nom = line.Find(fields::kNom), *prenom = line.Find(fields::kPrenom);
  return fmt::format("{} {}", prenom ? *prenom : "", nom ? *nom : "");
}

generators::LotAnomaliesModel LotModel(const LetterContext& ctx, const std::vector<Document>& documents,
                                       const rules::LotVerdict& lot) {
  generators::LotAnomaliesModel m;
  const Document* bordereau = Bordereau(documents, lot.numero);
  m.reference = fmt::format("LOT-{}-{}", ctx.letter_key, lot.numero.empty() ? "?" : lot.numero);
  m.numero_lot = lot.numero.empty() ? "(illisible)" : lot.numero;
  m.date_reception = ctx.received;
  m.date_courrier = ctx.today;
  m.date_lot = bordereau ? DateOr(*bordereau, fields::kLotDate, ctx.received) : ctx.received;
  m.identifiant_professionnel = bordereau ? TextOr(*bordereau, fields::kPartenaireIdentifiant) : "";
  m.professionnel = ProfessionnelRecipient(ctx, m.identifiant_professionnel,
                                           bordereau ? TextOr(*bordereau, fields::kPartenaireNom) : "",
                                           bordereau ? PartnerAddressRead(*bordereau) : "");
  m.lot_rejete = lot.verdict == rules::Verdict::kRejected;
  std::map<std::string, generators::FactureRejetee> factures;
  for (const auto& a : lot.anomalies) {
    if (!a.numero_facture) {
      m.anomalies_lot.push_back({a.code, a.message});
      continue;
    }
    auto& f = factures[*a.numero_facture];
    f.numero_facture = *a.numero_facture;
    f.anomalies.push_back({a.code, a.message});
    if (!a.a_renvoyer.empty()) f.a_renvoyer.push_back(a.a_renvoyer);
  }
  if (bordereau != nullptr) {
    for (const auto& line : bordereau->lines) {
      const std::string* n = line.Find(fields::kNumeroFacture);
      if (n == nullptr || !factures.contains(*n)) continue;
      auto& f = factures[*n];
      const std::string* total = line.Find(fields::kMontantTotal);
      f.patient = PatientOf(ctx, line);
      if (total) {
        if (auto amount = Money::ParseDecimal(*total); amount.ok()) f.montant = *amount;
      }
    }
  }
  for (auto& [numero, f] : factures) m.factures.push_back(std::move(f));
  m.factures_acceptees = static_cast<int>(lot.factures_acceptees.size());
  return m;
}

generators::ReclamationModel ReclamationModelOf(const LetterContext& ctx, const Document& d, int index) {
  generators::ReclamationModel m;
  m.ticket = fmt::format("REC-{}-{}", ctx.letter_key, index + 1);
  m.nom = TextOr(d, fields::kNom);
  m.prenom = TextOr(d, fields::kPrenom);
  m.nir = TextOr(d, fields::kNir);
  m.adresse = TextOr(d, fields::kAdresse);
  m.email = TextOr(d, fields::kEmail);
  m.telephone = TextOr(d, fields::kTelephone);
  m.entreprise = TextOr(d, fields::kEntreprise);
  m.objet = TextOr(d, fields::kObjet, "votre réclamation");
  m.reclamant.name = fmt::format("{} {}", m.prenom, m.nom);
  if (!m.adresse.empty()) m.reclamant.address = AddressLines(m.adresse);
  m.reclamant.email = m.email;
  // A member the store knows by the NIR the complaint gives: the store's
  // name and address, not the scan's reading.
  if (ctx.store != nullptr && !m.nir.empty()) {
    if (auto member = ctx.store->FindMemberByNir(m.nir); member.ok()) {
      m.reclamant.name = fmt::format("{} {}", member->prenom, member->nom);
      if (!member->adresse.empty()) m.reclamant.address = member->adresse;
      if (!member->email.empty()) m.reclamant.email = member->email;
    }
  }
  m.date_reception = ctx.received;
  m.date_courrier = ctx.today;
  return m;
}

generators::DemandePiecesModel DemandePiecesModelOf(const LetterContext& ctx, const PieceRequest& r) {
  generators::DemandePiecesModel m;
  m.reference = fmt::format("PIE-{}-{}", ctx.letter_key, r.document + 1);
  m.numero_adherent = r.member.numero_adherent;
  m.adherent = MemberRecipient(r.member);
  m.date_reception = ctx.received;
  m.date_courrier = ctx.today;
  m.objet = "votre demande de remboursement : " + r.libelle_prestation;
  for (const auto& piece : r.demande.pieces_manquantes) m.pieces.push_back({piece, r.libelle_prestation});
  if (!r.demande.sans_numero_adherent.empty()) {
    m.pieces.push_back({"Factures portant votre numéro d'adhérent", r.libelle_prestation});
  }
  return m;
}

// The priced claim's lines as décompte lines for `beneficiaire`.
void AppendLines(const PricedClaim& priced, const std::string& beneficiaire,
                 std::vector<generators::LigneDecompte>& lignes) {
  for (const auto& l : priced.lines) {
    generators::LigneDecompte line;
    line.date_soins = l.date;
    line.beneficiaire = beneficiaire;
    line.acte = l.libelle.empty() ? l.code : fmt::format("{} ({})", l.libelle, l.code);
    line.frais_reels = l.frais_reels;
    line.base = l.base;
    line.securite_sociale = l.ro;
    line.mutuelle = l.mutuelle;
    line.reste_a_charge = l.reste_a_charge;
    if (!l.motif_refus.empty()) {
      line.explication = l.motif_refus;
    } else if (l.mutuelle.is_zero() && !l.trace.empty()) {
      line.explication = l.trace.back();
    }
    lignes.push_back(std::move(line));
  }
}

generators::DecompteModel DecompteModelOf(const LetterContext& ctx, const ClaimResult& c) {
  const store::Member& member = *c.member;
  generators::DecompteModel m;
  m.numero = c.priced->id;
  m.numero_adherent = member.numero_adherent;
  m.adherent = MemberRecipient(member);
  m.nir = member.nir;
  m.contrat = member.niveau;
  m.beneficiaires.push_back({m.adherent.name, "adhérent(e)", member.nir});
  m.date_paiement = ctx.today;
  m.iban = member.iban;
  m.date_courrier = ctx.today;
  AppendLines(*c.priced, m.adherent.name, m.lignes);
  if (c.from_bordereau) {
    // A B2 lot is paid to its professional (tiers payant).
    m.professionnel_paye = c.professionnel_nom.empty() ? "votre professionnel de santé" : c.professionnel_nom;
    if (!c.professionnel_identifiant.empty()) m.professionnel_paye += " (n° " + c.professionnel_identifiant + ")";
  }
  return m;
}

// One décompte per member and payment date — every claim of an envelope is
// paid on the day of its letters — with the member's claims line after line.
// A décompte of one claim is numbered by the claim's id; one of several by
// "DEC-<letter key>-<numéro d'adhérent>", stable on reprocessing.
std::vector<generators::DecompteModel> DecomptesOf(const LetterContext& ctx, const std::vector<ClaimResult>& claims) {
  std::vector<generators::DecompteModel> out;
  std::map<std::pair<std::string, Date>, std::size_t> by_member_and_date;
  for (const auto& c : claims) {
    // A décompte only for money actually paid: a refusal has its letter,
    // a claim in review waits.
    if (StatusOf(c) != ClaimStatus::kPaid || !c.member) continue;
    const auto [it, fresh] = by_member_and_date.try_emplace({c.member->numero_adherent, ctx.today}, out.size());
    if (fresh) {
      out.push_back(DecompteModelOf(ctx, c));
      continue;
    }
    generators::DecompteModel& m = out[it->second];
    AppendLines(*c.priced, m.adherent.name, m.lignes);
    m.numero = fmt::format("DEC-{}-{}", ctx.letter_key, m.numero_adherent);
  }
  return out;
}

// What the password rule may use for the member `numero_adherent` of
// `claims`: a birth date the store holds as day 0 is unknown.
generators::PasswordFacts FactsOf(const std::vector<ClaimResult>& claims, const std::string& numero_adherent) {
  generators::PasswordFacts facts;
  facts.numero_adherent = numero_adherent;
  for (const auto& c : claims) {
    if (!c.member || c.member->numero_adherent != numero_adherent) continue;
    if (c.member->date_naissance != Date::FromSerial(0)) facts.date_naissance = c.member->date_naissance;
    break;
  }
  return facts;
}


// What is e-mailed with a letter.
struct MailOf {
  std::string id;  // unique in the outbox; the Message-ID derives from it
  std::string to_name;
  std::string to_address;
  std::string subject;
  std::string text;
  generators::PasswordFacts facts;  // what the password rule may use
};

// Queues a letter for e-mail: persisted in the outbox before anything is
// sent; the Message-ID derives from the letter's id, so queuing again on
// reprocessing keeps the first.
Status Queue(const LetterContext& ctx, const MailOf& what, const std::string& pdf, const std::string& filename) {
  mail::DecompteMail mail;
  mail.decompte_id = what.id;
  mail.to_name = what.to_name;
  mail.to_address = what.to_address;
  mail.subject = what.subject;
  mail.text = what.text;
  mail.date = RfcDate(ctx.today);
  mail.attachments.push_back({filename, "application/pdf", pdf});
  LIASSE_ASSIGN_OR_RETURN(auto mime, mail::BuildMime(mail, ctx.sender));
  auto id = ctx.outbox->Enqueue({what.id, mail::MessageIdFor(what.id, ctx.sender.message_id_domain),
                                 ctx.sender.from_address, what.to_address, std::move(mime)});
  return id.ok() ? Status::Ok() : id.status();
}

// The sentence that tells how to open the attachment: the rule's hint from
// letterhead.toml, never the password.
std::string PasswordSentence(const LetterContext& ctx) {
  return fmt::format("Ce document est protégé par un mot de passe : {}.",
                     ctx.generator->templates().PasswordHint());
}

MailOf DecompteMailOf(const LetterContext& ctx, const generators::DecompteModel& m,
                      generators::PasswordFacts facts) {
  return {m.numero, m.adherent.name, m.adherent.email, "Votre décompte de remboursement n° " + m.numero,
          fmt::format("Madame, Monsieur,\n\nVeuillez trouver ci-joint votre décompte de remboursement n° {}.\n"
                      "{}\n\n{}\n",
                      m.numero, PasswordSentence(ctx), ctx.sender.name),
          std::move(facts)};
}

MailOf RenonciationMailOf(const LetterContext& ctx, const generators::RenonciationModel& m,
                          generators::PasswordFacts facts) {
  return {m.reference, m.adherent.name, m.adherent.email, "Votre renonciation à votre adhésion",
          fmt::format("Madame, Monsieur,\n\nVeuillez trouver ci-joint notre réponse à votre lettre de renonciation "
                      "(référence {}).\n{}\n\n{}\n",
                      m.reference, PasswordSentence(ctx), ctx.sender.name),
          std::move(facts)};
}

class Writer {
 public:
  Writer(const LetterContext& ctx, std::vector<std::string>& errors) : ctx_(ctx), errors_(errors) {}

  // Writes the letter; false (with the reason in the errors) when it could
  // not be rendered or written.
  bool Add(std::string_view kind, Result<generators::RenderedLetter> letter, std::string_view name) {
    if (!letter.ok()) {
      errors_.push_back(fmt::format("courrier {} non produit : {}", kind, letter.status().message()));
      return false;
    }
    const std::string relative = ctx_.stem + "/" + std::string(name) + ".pdf";
    if (Status s = ctx_.env->WriteFileAtomically(ctx_.out_dir / relative, letter->pdf); !s.ok()) {
      errors_.push_back(s.message());
      return false;
    }
    written_.push_back({std::string(kind), relative, letter->to});
    last_pdf_ = std::move(letter->pdf);
    return true;
  }

  // Queues the letter just written for e-mail when the outbox and the
  // address are known; a failure goes to the errors.
  // The attachment is encrypted with the member's password; when the rule
  // cannot make one, the letter goes by post and says why.
  void QueueLast(const MailOf& what, std::string_view name) {
    if (ctx_.outbox == nullptr || what.to_address.empty() || written_.empty()) return;
    auto password = ctx_.generator->templates().UserPassword(what.facts);
    if (!password.ok()) {
      written_.back().by_post = "envoi par courrier : " + password.status().message();
      return;
    }
    auto encrypted = generators::EncryptPdf(last_pdf_, *password);
    if (!encrypted.ok()) {
      errors_.push_back(fmt::format("courrier {} non mis en file d'envoi : {}", written_.back().kind,
                                    encrypted.status().message()));
      return;
    }
    if (Status s = Queue(ctx_, what, *encrypted, std::string(name) + ".pdf"); s.ok()) {
      written_.back().queued = true;
    } else if (s.code() == StatusCode::kFailedPrecondition) {  // an address not yet confirmed
      written_.back().by_post = "envoi par courrier : " + s.message();
    } else {
      errors_.push_back(fmt::format("courrier {} non mis en file d'envoi : {}", written_.back().kind, s.message()));
    }
  }
  // True (and the letter listed as incomplete, its reason in the errors)
  // when `missing` says what the letter lacks: it is then neither rendered
  // nor queued.
  bool Incomplete(std::string_view kind, const generators::Recipient& to, const std::string& missing) {
    if (missing.empty()) return false;
    written_.push_back(IncompleteLetter(kind, to, missing, errors_));
    return true;
  }
  // Marks the letter just written as held until its review is cleared.
  void HoldLast() {
    if (!written_.empty()) written_.back().held_for_review = true;
  }
  std::vector<WrittenLetter> Take() { return std::move(written_); }

 private:
  const LetterContext& ctx_;
  std::vector<std::string>& errors_;
  std::vector<WrittenLetter> written_;
  std::string last_pdf_;
};

}  // namespace

std::string RfcDate(Date d) {
  static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02} {} {} 08:00:00 +0100", kDays[static_cast<int>(d.weekday())], d.day(),
                     kMonths[d.month() - 1], d.year());
}

WrittenLetter IncompleteLetter(std::string_view kind, const generators::Recipient& to, const std::string& missing,
                               std::vector<std::string>& errors) {
  errors.push_back(fmt::format("courrier {} en attente de vérification, non envoyé : {}", kind, missing));
  WrittenLetter letter{std::string(kind), "", to.name};
  letter.incomplete = missing;
  return letter;
}

generators::Recipient ProfessionnelRecipient(const LetterContext& ctx, const std::string& identifiant,
                                             const std::string& name_read, const std::string& address_read) {
  generators::Recipient r;
  if (ctx.store != nullptr && !identifiant.empty()) {
    if (auto p = ctx.store->FindPartenaire(identifiant); p.ok()) {
      r.name = p->nom;
      r.address = p->adresse;
      r.email = p->email;
      return r;
    }
  }
  r.name = name_read;
  if (!address_read.empty()) r.address = AddressLines(address_read);
  return r;
}

generators::Recipient MemberRecipient(const store::Member& member) {
  return {fmt::format("{} {}", member.prenom, member.nom), member.adresse, member.email};
}

std::optional<WrittenLetter> WriteOneLetter(const LetterContext& ctx, std::string_view kind,
                                            Result<generators::RenderedLetter> letter, std::string_view name,
                                            std::vector<std::string>& errors) {
  Writer w(ctx, errors);
  if (!w.Add(kind, std::move(letter), name)) return std::nullopt;
  return w.Take().front();
}

std::vector<WrittenLetter> WriteLetters(const LetterContext& ctx, const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots,
                                        const std::vector<ClaimResult>& claims,
                                        const std::vector<PieceRequest>& pieces,
                                        const std::vector<RenonciationLetter>& renonciations,
                                        std::vector<std::string>& errors) {
  Writer w(ctx, errors);
  auto& gen = *ctx.generator;
  for (const auto& lot : lots) {
    if (lot.verdict == rules::Verdict::kAccepted) continue;
    const auto model = LotModel(ctx, documents, lot);
    if (w.Incomplete("anomalies_lot", model.professionnel,
                     MissingInLetter(model.professionnel,
                                     {{"numéro de lot", lot.numero},
                                      {"identifiant du professionnel", model.identifiant_professionnel}}))) {
      continue;
    }
    w.Add("anomalies_lot", gen.AnomaliesLot(model), "anomalies-lot-" + lot.numero);
  }
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].type != DocumentType::kReclamation) continue;
    const auto model = ReclamationModelOf(ctx, documents[i], static_cast<int>(i));
    if (w.Incomplete("accuse_reception_reclamation", model.reclamant, MissingInLetter(model.reclamant, {}))) continue;
    w.Add("accuse_reception_reclamation", gen.AccuseReceptionReclamation(model),
          fmt::format("accuse-reclamation-{}", i + 1));
  }
  for (const auto& request : pieces) {
    const auto model = DemandePiecesModelOf(ctx, request);
    if (w.Incomplete("demande_pieces", model.adherent,
                     MissingInLetter(model.adherent, {{"numéro d'adhérent", model.numero_adherent}}))) {
      continue;
    }
    w.Add("demande_pieces", gen.DemandePieces(model), fmt::format("demande-pieces-{}", request.document + 1));
  }
  for (const auto& r : renonciations) {
    if (w.Incomplete("renonciation", r.model.adherent,
                     MissingInLetter(r.model.adherent, {{"numéro d'adhérent", r.model.numero_adherent}}))) {
      continue;
    }
    auto letter = gen.Renonciation(r.model);
    const std::string kind =
        letter.ok() ? std::string(generators::LetterKindName(letter->kind)) : std::string("renonciation");
    const std::string name = fmt::format("{}-{}", kind == "refus_renonciation" ? "refus-renonciation"
                                                                               : "confirmation-renonciation",
                                         r.document + 1);
    // A letter that depends on a reading still in review is written but
    // not queued until the review is cleared (docs/review.md).
    const bool in_review = !documents[static_cast<std::size_t>(r.document)].review.empty();
    if (w.Add(kind, std::move(letter), name)) {
      if (in_review) {
        w.HoldLast();
      } else {
        w.QueueLast(RenonciationMailOf(ctx, r.model, {r.date_naissance, r.model.numero_adherent}), name);
      }
    }
  }
  for (const auto& model : DecomptesOf(ctx, claims)) {
    if (w.Incomplete("decompte", model.adherent,
                     MissingInLetter(model.adherent, {{"n° de décompte", model.numero},
                                                      {"numéro d'adhérent", model.numero_adherent}}))) {
      continue;
    }
    const std::string name = "decompte-" + model.numero;
    if (w.Add("decompte", gen.Decompte(model), name)) {
      w.QueueLast(DecompteMailOf(ctx, model, FactsOf(claims, model.numero_adherent)), name);
    }
  }
  return w.Take();
}

}  // namespace liasse::runner
