// Envelope composition, scanning, file and truth writing, members.csv.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "canvas.h"
#include "degrade.h"
#include "documents.h"
#include "form.h"
#include "liasse/runner/file_hash.h"
#include "liasse/synth/synth.h"
#include "lot.h"
#include "writers.h"

namespace liasse::synth {

namespace {

constexpr const char* kSynthVersion = "2";  // 2: layout families

struct EnvelopeSpec {
  std::string kind;
  std::vector<std::string> defects;
  bool random_defects = true;
  double defect_rate = 0.5;
  std::string profile;  // empty: drawn
  std::string format;   // empty: drawn
  std::string name;     // empty: env_NNNN_<kind>
  int dpi = 0;          // 0: drawn
};

struct EnvelopeResult {
  std::string file;
  int pages = 0;
  std::vector<Person> members;
  std::vector<Professional> partenaires;
  Status status;
};

struct Composition {
  std::vector<GenDoc> docs;
  Json lots = Json::array();
  Json letters = Json::array();
  Json members_updated = Json::array();  // coupon_email: the member's new address
};

std::string MemberName(const Person& p) { return p.prenom + " " + p.nom; }

// The codes random lots draw from: every code but FDS_RATUREE, which only the
// families can draw (a crossed-out feuille) and which is drawn on the family
// stream, so that a run restricted to family 0 draws the lots it drew before.
std::vector<std::string> RandomDefects(Rng& rng) {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> c = LotDefectCodes();
    std::erase(c, "FDS_RATUREE");
    return c;
  }();
  std::vector<std::string> out;
  const int k = rng.Chance(0.7) ? 1 : 2;
  for (int i = 0; i < k; ++i) {
    const std::string& c = rng.Pick(codes);
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

// Another address than `email` (what the member's file held before a coupon).
std::string OlderEmail(Rng& rng, const std::string& email) {
  static const std::vector<std::string> domains = {"orange.fr", "gmail.com", "wanadoo.fr", "free.fr", "laposte.net",
                                                   "hotmail.fr"};
  const std::string local = email.substr(0, email.find('@'));
  std::string domain = rng.Pick(domains);
  if (email.ends_with("@" + domain)) domain = "sfr.fr";
  return local + "@" + domain;
}

// Now and then a member sends the "décomptes par mail" coupon (seed 000) with
// the claim: the member's file then holds no address or an older one.
void MaybeAddCoupon(Context& ctx, Composition& comp, const Person& m) {
  if (!ctx.family_rng || !ctx.family_rng->Chance(0.25)) return;
  const int family = PickNewFamily(ctx, "coupon_email");
  if (family < 0) return;
  const std::string old = ctx.family_rng->Chance(0.6) ? "" : OlderEmail(*ctx.family_rng, m.email);
  if (ctx.members) {
    for (auto& p : *ctx.members) {
      if (p.numero_adherent == m.numero_adherent) p.email_on_file = old;
    }
  }
  comp.docs.push_back(DrawCouponEmail(ctx, family, m));
  comp.members_updated.push_back({{"member", m.numero_adherent}, {"field", "email"}, {"old", old}, {"new", m.email}});
}

void AddClaim(Context& ctx, Composition& comp, const std::string& categorie) {
  Rng& rng = ctx.rng;
  Person m = MakePerson(ctx, 18, 85, true);
  const Date date = ctx.today.AddDays(-rng.Int(5, 60));
  if (categorie == "optique" && rng.Chance(0.6)) {
    Professional dr = MakeProfessional(ctx, "medecin");
    comp.docs.push_back(DrawPrescription(ctx, dr, m, date.AddDays(-rng.Int(10, 120)),
                                         "Verres correcteurs : OD et OG selon réfraction. Renouvellement de l'équipement optique.", false));
  }
  if (categorie == "dentaire" && rng.Chance(0.4)) comp.docs.push_back(DrawDevisDentaire(ctx, m, date.AddDays(-rng.Int(15, 60))));
  comp.docs.push_back(DrawFacture(ctx, categorie, m, date));
  if (categorie != "medecine_douce" && rng.Chance(0.5)) comp.docs.push_back(DrawDecompteRo(ctx, m, date));
  if (rng.Chance(0.15)) comp.docs.push_back(DrawAttestationDroits(ctx, m, date.AddMonths(-rng.Int(0, 6))));
  comp.letters.push_back({{"kind", "decompte"}, {"to", MemberName(m)}});
  MaybeAddCoupon(ctx, comp, m);
}

void AddReclamation(Context& ctx, Composition& comp) {
  Person m = MakePerson(ctx, 25, 85, true);
  comp.docs.push_back(DrawReclamation(ctx, m, ctx.today.AddDays(-ctx.rng.Int(1, 10))));
  if (ctx.rng.Chance(0.4)) comp.docs.push_back(DrawDecompteRo(ctx, m, ctx.today.AddDays(-ctx.rng.Int(40, 100))));
  comp.letters.push_back({{"kind", "accuse_reception_reclamation"}, {"to", MemberName(m)}});
}

void AddRenonciation(Context& ctx, Composition& comp) {
  Rng& rng = ctx.rng;
  Person m = MakePerson(ctx, 20, 80, false);
  const Date souscription = ctx.today.AddDays(-rng.Int(3, 40));
  m.date_adhesion = souscription;
  if (ctx.members) ctx.members->push_back(m);
  const Date date = souscription.AddDays(rng.Chance(0.7) ? rng.Int(1, 13) : rng.Int(16, 30));
  comp.docs.push_back(DrawRenonciation(ctx, m, souscription, date));
  // 14 calendar days, moved to the next working day (seed 004 §2.5, reference.md).
  const Date deadline = souscription.AddDays(14).NextWorkingDayOnOrAfter();
  comp.letters.push_back({{"kind", date <= deadline ? "confirmation_renonciation" : "refus_renonciation"},
                          {"to", MemberName(m)}});
}

void AddLot(Context& ctx, Composition& comp, const std::vector<std::string>& defects) {
  LotBuild lot = BuildLot(ctx, defects);
  const auto offset = static_cast<int>(comp.docs.size());
  for (auto& a : lot.lot["anomalies"]) a["document"] = a["document"].get<int>() + offset;
  for (auto& d : lot.docs) comp.docs.push_back(std::move(d));
  comp.lots.push_back(lot.lot);
  for (auto& l : lot.letters) comp.letters.push_back(l);
}

void AddMailroom(Context& ctx, Composition& comp) {
  Rng& rng = ctx.rng;
  const int n = rng.Int(3, 6);
  static const std::vector<std::string> kinds = {"optique", "dentaire", "hospitalisation", "medecine_douce", "pharmacie",
                                                 "reclamation", "renonciation", "decompte", "attestation", "devis",
                                                 "prescription", "entente"};
  for (int i = 0; i < n; ++i) {
    const std::string& k = rng.Pick(kinds);
    if (k == "reclamation") AddReclamation(ctx, comp);
    else if (k == "renonciation") AddRenonciation(ctx, comp);
    else if (k == "decompte") comp.docs.push_back(DrawDecompteRo(ctx, MakePerson(ctx, 18, 85, true), ctx.today.AddDays(-rng.Int(5, 60))));
    else if (k == "attestation") comp.docs.push_back(DrawAttestationDroits(ctx, MakePerson(ctx, 18, 85, true), ctx.today.AddDays(-rng.Int(5, 200))));
    else if (k == "entente") {
      const Person patient = MakePerson(ctx, 5, 85, true);
      comp.docs.push_back(DrawEntentePrealable(ctx, MakeProfessional(ctx, "kine"), patient, ctx.today.AddDays(-rng.Int(5, 30)),
                                               "20 séances de rééducation du rachis lombaire, 3 séances par semaine."));
    } else if (k == "devis") comp.docs.push_back(DrawDevisDentaire(ctx, MakePerson(ctx, 18, 85, true), ctx.today.AddDays(-rng.Int(5, 60))));
    else if (k == "prescription") {
      comp.docs.push_back(DrawPrescription(ctx, MakeProfessional(ctx, "medecin"), MakePerson(ctx, 5, 85, true),
                                           ctx.today.AddDays(-rng.Int(5, 60)),
                                           "Amoxicilline 1 g : 1 comprimé matin et soir pendant 6 jours. Doliprane 1000 mg si douleur.",
                                           false));
    } else {
      AddClaim(ctx, comp, k);
    }
  }
}

std::string DrawProfile(Rng& rng) {
  static const std::vector<std::string> profiles = {"clean", "office", "poor", "fax"};
  return profiles[rng.Weighted({0.2, 0.5, 0.2, 0.1})];
}

std::string DrawFormat(Rng& rng, const std::string& profile, int pages) {
  if (profile == "fax") return rng.Chance(0.7) ? "tiff-g4" : "pdf";
  // Lossless formats only for clean scans: grain makes LZW and PNG files huge.
  const bool clean = profile == "clean";
  if (pages == 1 && rng.Chance(0.4)) return clean && rng.Chance(0.5) ? "png" : "jpeg";
  static const std::vector<std::string> formats = {"tiff-jpeg", "tiff-lzw", "pdf"};
  return formats[rng.Weighted({0.45, clean ? 0.3 : 0.0, 0.45})];
}

Status WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) return Status::IoError(path.string() + ": écriture échouée");
  return Status::Ok();
}

// The scanning station's metadata beside the envelope (README, "Métadonnées
// d'un pli"): received and answered on the envelope's reference date, so
// that processing it gives the same result on any day.
Status WriteMeta(const std::filesystem::path& out, const std::string& name, Date today, uint64_t seed) {
  Json meta = {{"date_reception", today.ToIso()},
               {"date_courrier", today.ToIso()},
               {"canal", "courrier"},
               {"lot_scan", fmt::format("synth-{}", seed)},
               {"operateur", "synth"}};
  return WriteText(out / (name + ".meta.json"), meta.dump(2) + "\n");
}

EnvelopeResult MakeCorrupt(const SynthData& data, uint64_t seed, int index, const std::filesystem::path& out,
                           const std::string& name_in) {
  EnvelopeResult r;
  Rng rng = Rng::Derive(seed, static_cast<uint64_t>(index));
  // A real page written then truncated: the header is valid, the data is not.
  std::vector<Person> members;
  const Date today = Date::FromYmd(2024, 1, 1).value().AddDays(rng.Int(0, 600));
  Context ctx{data, rng, 200, today, &members};
  GenDoc doc = DrawAttestationDroits(ctx, MakePerson(ctx, 20, 80, false), today);
  ScannedPage page = Degrade(rng, doc.pages[0].Image(), 200, "office");
  const std::string name = name_in.empty() ? fmt::format("env_{:04}_corrupt", index) : name_in;
  const bool pdf = rng.Chance(0.5);
  const std::filesystem::path file = out / (name + (pdf ? ".pdf" : ".tiff"));
  if (auto s = WriteEnvelope(file, pdf ? "pdf" : "tiff-lzw", {page}); !s.ok()) return {file.filename().string(), 0, {}, {}, s};
  const auto size = std::filesystem::file_size(file);
  std::filesystem::resize_file(file, size / 3);
  Json truth = {{"schema", "liasse.result/1"}, {"source", file.filename().string()}};
  auto sha = runner::Sha256OfFile(file);
  truth["sha256"] = sha.ok() ? sha.value() : "";
  truth["error"] = "unreadable";
  truth["synth"] = {{"version", kSynthVersion}, {"seed", seed}, {"index", index}, {"kind", "corrupt"},
                    {"note", "fichier tronqué au tiers : illisible, à mettre en quarantaine"}};
  truth["pages"] = Json::array();
  truth["documents"] = Json::array();
  truth["lots"] = Json::array();
  truth["claims"] = Json::array();
  truth["letters"] = Json::array();
  r.file = file.filename().string();
  r.status = WriteText(out / (name + ".truth.json"), truth.dump(2) + "\n");
  if (r.status.ok()) r.status = WriteMeta(out, name, today, seed);
  return r;
}

EnvelopeResult MakeEnvelope(const SynthData& data, uint64_t seed, int index, const EnvelopeSpec& spec,
                            const std::vector<int>* families, const std::filesystem::path& out) {
  if (spec.kind == "corrupt") return MakeCorrupt(data, seed, index, out, spec.name);
  EnvelopeResult r;
  Rng rng = Rng::Derive(seed, static_cast<uint64_t>(index));
  Rng family_rng = Rng::Derive(seed ^ 0xFA3111E5ULL, static_cast<uint64_t>(index));
  const std::string profile = spec.profile.empty() ? DrawProfile(rng) : spec.profile;
  int dpi = profile == "fax" ? 200 : std::vector<int>{300, 200, 400}[rng.Weighted({0.7, 0.2, 0.1})];
  if (spec.dpi > 0 && profile != "fax") dpi = spec.dpi;
  // Reference date from the seed (never the clock): Nov 2023 – Oct 2025, so
  // care dates fall on both sides of the 2024 NGAP value changes.
  const Date today = Date::FromYmd(2023, 11, 1).value().AddDays(rng.Int(0, 730));
  Context ctx{data, rng, dpi, today, &r.members, &family_rng, families, &r.partenaires};
  Composition comp;
  if (spec.kind == "lot") {
    std::vector<std::string> defects = spec.defects;
    if (spec.random_defects && rng.Chance(spec.defect_rate)) defects = RandomDefects(rng);
    if (spec.random_defects && HasNewFamily(ctx, "feuille_de_soins") && family_rng.Chance(spec.defect_rate * 0.2)) {
      defects.push_back("FDS_RATUREE");
    }
    AddLot(ctx, comp, defects);
  } else if (spec.kind == "mailroom") {
    AddMailroom(ctx, comp);
  } else if (spec.kind == "reclamation") {
    AddReclamation(ctx, comp);
  } else if (spec.kind == "renonciation") {
    AddRenonciation(ctx, comp);
  } else {
    AddClaim(ctx, comp, spec.kind);
  }

  std::vector<ScannedPage> scans;
  Json pages = Json::array();
  Json documents = Json::array();
  for (auto& doc : comp.docs) {
    Json page_list = Json::array();
    for (auto& canvas : doc.pages) {
      const int idx = static_cast<int>(scans.size());
      scans.push_back(Degrade(rng, canvas.Image(), dpi, profile));
      const ScannedPage& s = scans.back();
      pages.push_back({{"index", idx}, {"rotation", s.rotation}, {"skew_deg", s.skew_deg}, {"dpi", s.dpi},
                       {"bilevel", s.bilevel}, {"degradations", s.degradations}, {"text", canvas.PageText()}});
      page_list.push_back(idx);
    }
    documents.push_back({{"type", doc.type}, {"family", doc.family}, {"pages", page_list}, {"fields", doc.fields}, {"lines", doc.lines},
                         {"review", Json::array()}});
    doc.pages.clear();  // free the surfaces early
  }
  const std::string format = spec.format.empty() ? DrawFormat(rng, profile, static_cast<int>(scans.size())) : spec.format;
  const std::string name = spec.name.empty() ? fmt::format("env_{:04}_{}", index, spec.kind) : spec.name;
  const std::filesystem::path file = out / (name + FormatExtension(format));
  r.file = file.filename().string();
  r.pages = static_cast<int>(scans.size());
  if (auto s = WriteEnvelope(file, format, scans); !s.ok()) {
    r.status = s;
    return r;
  }
  Json truth = {{"schema", "liasse.result/1"}, {"source", r.file}};
  auto sha = runner::Sha256OfFile(file);
  if (!sha.ok()) {
    r.status = sha.status();
    return r;
  }
  truth["sha256"] = sha.value();
  truth["error"] = nullptr;
  truth["synth"] = {{"version", kSynthVersion}, {"seed", seed}, {"index", index}, {"kind", spec.kind},
                    {"profile", profile}, {"format", format}, {"dpi", dpi}, {"date_reference", today.ToIso()}};
  truth["pages"] = pages;
  truth["documents"] = documents;
  truth["lots"] = comp.lots;
  truth["claims"] = Json::array();
  truth["letters"] = comp.letters;
  if (!comp.members_updated.empty()) truth["members_updated"] = comp.members_updated;
  r.status = WriteText(out / (name + ".truth.json"), truth.dump(2) + "\n");
  if (r.status.ok()) r.status = WriteMeta(out, name, today, seed);
  return r;
}

// Invented monthly cotisations of the synthetic mutuelle, in cents, by
// niveau PASS1…PASS5 (renunciation refunds need one).
constexpr int64_t kCotisationMensuelleCents[] = {3240, 4560, 5890, 7120, 8650};

// "12 rue Pasteur,75009,PARIS" for the members and partenaires files: the
// street in quotes when it holds a comma.
std::string AddressCells(const Address& a) {
  if (a.ligne.empty()) return ",,";
  const std::string street = a.ligne.find(',') == std::string::npos ? a.ligne : "\"" + a.ligne + "\"";
  return fmt::format("{},{},{}", street, a.commune.code_postal, a.commune.nom);
}

// The professionals who sent the lots, with their postal address (the lot
// notices go to them).
Status WritePartenaires(const std::filesystem::path& path, const std::vector<EnvelopeResult>& results) {
  std::string csv = "identifiant,nom,adresse,code_postal,ville,email\n";
  std::set<std::string> seen;
  for (const auto& r : results) {
    for (const auto& p : r.partenaires) {
      if (!seen.insert(p.numero_am).second) continue;
      csv += fmt::format("{},{},{},\n", p.numero_am, p.Titre(), AddressCells(p.adresse));
    }
  }
  return WriteText(path, csv);
}

Status WriteMembers(const std::filesystem::path& path, const std::vector<EnvelopeResult>& results) {
  std::string csv =
      "numero_adherent,nom,prenom,nir,date_naissance,niveau,date_adhesion,date_fin,email,iban,teletransmission,"
      "cotisation_mensuelle_cents,adresse,code_postal,ville\n";
  std::set<std::string> seen;
  for (const auto& r : results) {
    for (const auto& p : r.members) {
      if (!seen.insert(p.numero_adherent).second) continue;
      // teletransmission from the NIR's last digit: stable, no extra draw.
      const bool tele = (p.nir.back() - '0') % 3 != 0;
      const int64_t cotisation = kCotisationMensuelleCents[p.niveau.back() - '1'];
      csv += fmt::format("{},{},{},{},{},{},{},,{},{},{},{},{}\n", p.numero_adherent, p.nom, p.prenom, p.nir,
                         p.naissance.ToIso(), p.niveau, p.date_adhesion.ToIso(), p.email_on_file.value_or(p.email), p.iban,
                         tele ? "true" : "false", cotisation, AddressCells(p.adresse));
    }
  }
  return WriteText(path, csv);
}

Result<SynthSummary> Run(const SynthData& data, uint64_t seed, const std::vector<EnvelopeSpec>& specs,
                         const std::vector<int>& families, const std::filesystem::path& out, int jobs) {
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) return Status::IoError(out.string() + ": " + ec.message());
  // Fontconfig and Cairo's font cache initialise lazily and not thread-safely:
  // load every family once here, before the workers start.
  {
    Canvas warm(72);
    std::set<std::string> fonts = {"DejaVu Sans", "DejaVu Serif", "DejaVu Sans Condensed", "Liberation Sans",
                                   "Liberation Serif", "Liberation Mono", "FreeSans", "FreeSerif"};
    for (const auto& style : data.families.styles) {
      for (const auto* list : {&style.label_fonts, &style.value_fonts, &style.title_fonts, &style.hand_fonts}) {
        fonts.insert(list->begin(), list->end());
      }
    }
    for (const auto& family : fonts) {
      for (bool bold : {false, true}) {
        for (bool italic : {false, true}) warm.Text(10, 10, "Aé", Font{family, 10, bold, italic});
      }
    }
  }
  std::vector<EnvelopeResult> results(specs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < specs.size(); i = next++) {
      results[i] = MakeEnvelope(data, seed, static_cast<int>(i) + 1, specs[i], families.empty() ? nullptr : &families, out);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, jobs); ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  ReleaseFontCaches();
  SynthSummary sum;
  for (const auto& r : results) {
    if (!r.status.ok()) return r.status;
    sum.envelopes++;
    sum.pages += r.pages;
    sum.files.push_back(r.file);
  }
  LIASSE_RETURN_IF_ERROR(WriteMembers(out / "members.csv", results));
  LIASSE_RETURN_IF_ERROR(WritePartenaires(out / "partenaires.csv", results));
  std::set<std::string> ids;
  for (const auto& r : results) {
    for (const auto& p : r.members) ids.insert(p.numero_adherent);
  }
  sum.members = static_cast<int>(ids.size());
  return sum;
}

// Loads the generator's data and checks that every font a family names is
// installed: a missing font would silently be replaced by another and the
// family would not look as its data says.
Result<SynthData> Load(const std::filesystem::path& data_dir) {
  auto data = LoadSynthData(data_dir / "synth");
  if (!data.ok()) return data.status();
  for (const auto& style : data->families.styles) {
    for (const auto* list : {&style.label_fonts, &style.value_fonts, &style.title_fonts, &style.hand_fonts}) {
      for (const auto& font : *list) {
        if (!FontInstalled(font)) {
          return Status::NotFound("police « " + font + " » (famille " + std::to_string(style.id) +
                                  " de data/synth/families.toml) absente : lancer tools/setup");
        }
      }
    }
  }
  return data;
}

}  // namespace

std::filesystem::path DefaultDataDir() { return LIASSE_DATA_DIR; }

const std::vector<std::string>& EnvelopeKinds() {
  static const std::vector<std::string> k = {"lot", "mailroom", "reclamation", "renonciation", "optique",
                                             "dentaire", "hospitalisation", "medecine_douce", "pharmacie", "corrupt"};
  return k;
}

const std::vector<std::string>& LotDefectCodes() {
  static const std::vector<std::string> c = {
      "LOT_BORDEREAU_MISSING", "LOT_HEADER_INCOMPLETE", "LOT_LINE_INCOMPLETE", "LOT_NIR_INVALID", "LOT_ORDER",
      "LOT_PIECES_ORDER", "LOT_FEUILLE_MISSING", "LOT_LINE_MISSING", "LOT_AMOUNT_MISMATCH", "LOT_AMO_AMC_INCONSISTENT",
      "FDS_INCOMPLETE", "FDS_PRATICIEN_SIGNATURE_MISSING", "FDS_PATIENT_SIGNATURE_MISSING", "FDS_RATUREE",
      "PRESCRIPTION_MISSING", "PRESCRIPTION_RATUREE", "DATES_INCONSISTENT"};
  return c;
}

Result<SynthSummary> Generate(const SynthOptions& o) {
  for (const auto& k : o.kinds) {
    if (std::find(EnvelopeKinds().begin(), EnvelopeKinds().end(), k) == EnvelopeKinds().end())
      return Status::InvalidArgument("type d'enveloppe inconnu : " + k);
  }
  for (const auto& d : o.defects) {
    if (std::find(LotDefectCodes().begin(), LotDefectCodes().end(), d) == LotDefectCodes().end())
      return Status::InvalidArgument("code d'anomalie inconnu : " + d);
  }
  if (o.count < 0) return Status::InvalidArgument("--count doit être positif");
  if (o.dpi != 0 && o.dpi != 200 && o.dpi != 300 && o.dpi != 400)
    return Status::InvalidArgument("--dpi : 200, 300 ou 400");
  LIASSE_ASSIGN_OR_RETURN(auto data, Load(o.data_dir));
  for (int f : o.families) {
    if (f < 0 || f > static_cast<int>(data.families.styles.size()))
      return Status::InvalidArgument("famille de mise en page inconnue : " + std::to_string(f) + " (0 à " +
                                     std::to_string(data.families.styles.size()) + ")");
  }
  std::vector<EnvelopeSpec> specs;
  for (int i = 0; i < o.count; ++i) {
    // The kind comes from its own stream so it does not shift the envelope's.
    Rng pick = Rng::Derive(o.seed ^ 0x5EEDC0DEULL, static_cast<uint64_t>(i));
    EnvelopeSpec s;
    if (o.kinds.empty()) {
      static const std::vector<std::string> mix = {"lot", "mailroom", "reclamation", "renonciation", "optique",
                                                   "dentaire", "hospitalisation", "medecine_douce", "pharmacie"};
      s.kind = mix[pick.Weighted({0.40, 0.12, 0.07, 0.06, 0.09, 0.09, 0.06, 0.05, 0.06})];
    } else {
      s.kind = o.kinds[static_cast<size_t>(i) % o.kinds.size()];
    }
    s.defects = o.defects;
    s.random_defects = o.defects.empty();
    s.defect_rate = o.defect_rate;
    s.dpi = o.dpi;
    specs.push_back(s);
  }
  return Run(data, o.seed, specs, o.families, o.out_dir, o.jobs);
}

Result<SynthSummary> GenerateSamples(const std::filesystem::path& out_dir, const std::filesystem::path& data_dir,
                                     uint64_t seed) {
  LIASSE_ASSIGN_OR_RETURN(auto data, Load(data_dir));
  auto spec = [](std::string kind, std::string name, std::vector<std::string> defects, std::string profile,
                 std::string format, int dpi = 200) {
    EnvelopeSpec s;
    s.dpi = dpi;
    s.kind = std::move(kind);
    s.name = std::move(name);
    s.defects = std::move(defects);
    s.random_defects = false;
    s.profile = std::move(profile);
    s.format = std::move(format);
    return s;
  };
  const std::vector<EnvelopeSpec> specs = {
      spec("lot", "lot_01_clean", {}, "office", "tiff-jpeg", 300),
      spec("lot", "lot_02_clean", {}, "fax", "tiff-g4"),
      spec("lot", "lot_03_defects", {"LOT_ORDER", "FDS_PATIENT_SIGNATURE_MISSING"}, "office", "pdf"),
      spec("lot", "lot_04_defects", {"PRESCRIPTION_RATUREE", "LOT_AMOUNT_MISMATCH", "LOT_NIR_INVALID"}, "poor", "tiff-jpeg"),
      spec("mailroom", "mailroom_01", {}, "office", "pdf"),
      spec("reclamation", "reclamation_01", {}, "office", "tiff-jpeg", 300),
      spec("renonciation", "renonciation_01", {}, "clean", "pdf", 300),
      spec("optique", "optique_01", {}, "office", "tiff-jpeg", 300),
      spec("dentaire", "dentaire_01", {}, "poor", "pdf"),
      spec("corrupt", "corrupt_01", {}, "", ""),
  };
  // Family 0 only: the samples are drawn as before layout families existed.
  return Run(data, seed, specs, {0}, out_dir, 2);
}

}  // namespace liasse::synth
