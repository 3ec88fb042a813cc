// Every row of every PASS table (seed 004 Annexe 1) priced once, with the
// mutuelle amount computed by hand for PASS1 … PASS5. Date of care
// 2025-06-01, adult born 1980, RO computed from data/tarifs.
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <set>

#include "fixture.h"

namespace liasse::pricing::testing {
namespace {

struct RowCase {
  const char* row;                   // expected guarantee row key
  std::function<ClaimLine()> line;   // the line priced
  std::array<const char*, 5> mutuelle;  // PASS1 … PASS5, hand-computed
  int age = 45;
};

ClaimLine L(const char* code, const char* frais, std::function<void(ClaimLine&)> tweak = {}) {
  ClaimLine l = MakeLine(code, frais);
  if (tweak) tweak(l);
  return l;
}

Verre V(int sphere, int cylindre, bool multifocal = false) {
  Verre v;
  v.sphere = sphere;
  v.cylindre = cylindre;
  v.multifocal = multifocal;
  return v;
}

// Equipment 400 €, frame 150 € (reimbursed up to 100 €), BR 0,15 €, RO 0,09 €.
ClaimLine Lunettes(Verre a, Verre b) {
  return L("OPTIQUE", "400.00", [=](ClaimLine& l) {
    Optique o;
    o.droit = a;
    o.gauche = b;
    o.monture = E("150.00");
    l.optique = o;
  });
}

const Verre kSimple = V(-200, 50);
const Verre kComplexe = V(-700, 0);
const Verre kTresComplexe = V(-900, 100, true);

std::vector<RowCase> Cases() {
  auto base = [](const char* b) { return [b](ClaimLine& l) { l.base_ligne = E(b); }; };
  return {
      // G 30 €, RO 21 € (− PF 2 €), FR 80 €: 100/100/130/160/200 % of 30 € − 21 €.
      {"generaliste_dptm", [] { return L("G", "80.00"); }, {"9.00", "9.00", "18.00", "27.00", "39.00"}},
      {"generaliste_hors_dptm", [] { return L("G", "80.00", [](ClaimLine& l) { l.flags.dptm = false; }); },
       {"9.00", "9.00", "12.00", "21.00", "33.00"}},
      // BR 50 €, RO 35 €: 100 % everywhere → 15 €.
      {"imagerie_dptm", [=] { return L("CCAM_IMAGERIE", "70.00", base("50.00")); },
       {"15.00", "15.00", "15.00", "15.00", "15.00"}},
      {"imagerie_hors_dptm",
       [=] { return L("CCAM_IMAGERIE", "70.00", [](ClaimLine& l) { l.base_ligne = E("50.00"); l.flags.dptm = false; }); },
       {"15.00", "15.00", "15.00", "15.00", "15.00"}},
      // BR 40 €, RO 28 €.
      {"actes_cabinet_dptm", [=] { return L("CCAM_CABINET", "60.00", base("40.00")); },
       {"12.00", "12.00", "12.00", "12.00", "12.00"}},
      {"actes_cabinet_hors_dptm",
       [=] { return L("CCAM_CABINET", "60.00", [](ClaimLine& l) { l.base_ligne = E("40.00"); l.flags.dptm = false; }); },
       {"12.00", "12.00", "12.00", "12.00", "12.00"}},
      // Box at 10 €, RO 65 % = 6,50 € (franchise 1 € stays with the member).
      {"medicaments", [=] { return L("PH65", "10.00", base("10.00")); }, {"3.50", "3.50", "3.50", "3.50", "3.50"}},
      // Not reimbursed by the RO: yearly amount 15/15/40/80/100 €.
      {"pilule", [] { return L("PILULE_NR", "120.00"); }, {"15.00", "15.00", "40.00", "80.00", "100.00"}},
      // BR 20 €, RO 12 €.
      {"analyses", [=] { return L("BIOLOGIE", "20.00", base("20.00")); }, {"8.00", "8.00", "8.00", "8.00", "8.00"}},
      // AMK 8 = 17,68 €, RO 60 % = 10,608 → 10,61 € (half-up once), mutuelle 7,07 €.
      {"paramedicaux", [] { return L("AMK", "17.68", [](ClaimLine& l) { l.coefficient_centiemes = 800; }); },
       {"7.07", "7.07", "7.07", "7.07", "7.07"}},
      // BR 100 €, RO 60 €: PASS1 60 % → 0, others 100 % → 40 €.
      {"materiel_medical", [=] { return L("LPP_MATERIEL", "150.00", base("100.00")); },
       {"0.00", "40.00", "40.00", "40.00", "40.00"}},
      // RO 100 % of 1 000 €: nothing left under 100 % BR.
      {"grand_appareillage", [=] { return L("LPP_GRAND_APPAREILLAGE", "1200.00", base("1000.00")); },
       {"0.00", "0.00", "0.00", "0.00", "0.00"}},
      // BR 50 €, RO 55 % = 27,50 €.
      {"transport", [=] { return L("TRANSPORT", "50.00", base("50.00")); },
       {"22.50", "22.50", "22.50", "22.50", "22.50"}},
      // Séance 50 €, RO 60 % = 30 €.
      {"psychologue", [] { return L("PSY", "50.00"); }, {"20.00", "20.00", "20.00", "20.00", "20.00"}},
      // Abroad, séjour BR 100 €, RO 80 €: max(80 + 25, 100) = 105 → 25 €.
      {"etranger",
       [] {
         return L("SEJOUR", "200.00", [](ClaimLine& l) {
           l.base_ligne = E("100.00");
           l.flags.etranger = true;
         });
       },
       {"25.00", "25.00", "25.00", "25.00", "25.00"}},
      // Surgeon BR 100 € (< 120 €), RO 80 %: 100/100/150/160/200 % − 80 €.
      {"hospitalisation_honoraires_dptm", [=] { return L("CCAM_CHIRURGIE", "300.00", base("100.00")); },
       {"20.00", "20.00", "70.00", "80.00", "120.00"}},
      {"hospitalisation_honoraires_hors_dptm",
       [=] {
         return L("CCAM_CHIRURGIE", "300.00", [](ClaimLine& l) {
           l.base_ligne = E("100.00");
           l.flags.dptm = false;
         });
       },
       {"20.00", "20.00", "50.00", "60.00", "100.00"}},
      // Act BR 200 € ≥ 120 €: RO pays 176 €, the 24 € flat is the row "0 €" / "24 €".
      {"participation_forfaitaire_24",
       [=] {
         return L("CCAM_CHIRURGIE", "200.00", [](ClaimLine& l) {
           l.base_ligne = E("200.00");
           l.poste = "participation_forfaitaire_24";
         });
       },
       {"0.00", "24.00", "24.00", "24.00", "24.00"}},
      {"forfait_journalier", [] { return L("FJ", "20.00"); }, {"20.00", "20.00", "20.00", "20.00", "20.00"}},
      // Séjour BR 100 €, RO 80 €.
      {"frais_sejour", [=] { return L("SEJOUR", "100.00", base("100.00")); },
       {"20.00", "20.00", "20.00", "20.00", "20.00"}},
      // Couronne 100 % Santé 450 € (≤ 500 € limit), BR 120 €, RO 60 % = 72 €.
      {"dentaire_100_sante",
       [] { return L("HBLD036", "450.00", [](ClaimLine& l) { l.flags.cent_pour_cent_sante = true; }); },
       {"378.00", "378.00", "378.00", "378.00", "378.00"}},
      // Détartrage 2025 BR 43,38 €, RO 60 % = 26,03 €; 140 % = 60,73 € capped at
      // the 33,97 € left.
      {"dentaire_soins", [] { return L("HBJD001", "60.00"); }, {"17.35", "17.35", "17.35", "26.03", "33.97"}},
      // 12-year-old, semester BR 193,50 € at 100 % RO: nothing more under 100 %.
      {"orthodontie", [] { return L("TO90", "400.00"); }, {"0.00", "0.00", "0.00", "0.00", "0.00"}, 12},
      // Couronne 600 €, BR 120 €, RO 72 €: 100/100/125/200/350 %.
      {"dentaire_protheses", [] { return L("HBLD036", "600.00"); },
       {"48.00", "48.00", "78.00", "168.00", "348.00"}},
      // 100 % Santé equipment 100 € (under its 120 € PLV), class A base
      // 9 + 13,50 + 13,50 = 36 €, RO 60 % = 21,60 €.
      {"optique_100_sante",
       [] {
         return L("OPTIQUE", "100.00", [](ClaimLine& l) {
           l.flags.cent_pour_cent_sante = true;
           Optique o;
           o.droit = kSimple;
           o.gauche = kSimple;
           l.optique = o;
         });
       },
       {"78.40", "78.40", "78.40", "78.40", "78.40"}},
      // 250 € lenses + frame 100 € (of 150 €) = 350 € eligible; forfait − 0,09 €.
      {"optique_simple_simple", [] { return Lunettes(kSimple, kSimple); },
       {"0.00", "49.91", "49.91", "99.91", "149.91"}},
      {"optique_simple_complexe", [] { return Lunettes(kSimple, kComplexe); },
       {"0.00", "124.91", "124.91", "149.91", "199.91"}},
      {"optique_simple_tres_complexe", [] { return Lunettes(kTresComplexe, kSimple); },
       {"0.00", "124.91", "124.91", "149.91", "199.91"}},
      {"optique_complexe_complexe", [] { return Lunettes(kComplexe, kComplexe); },
       {"0.00", "199.91", "199.91", "249.91", "299.91"}},
      {"optique_complexe_tres_complexe", [] { return Lunettes(kComplexe, kTresComplexe); },
       {"0.00", "199.91", "199.91", "249.91", "299.91"}},
      {"optique_tres_complexe_tres_complexe", [] { return Lunettes(kTresComplexe, kTresComplexe); },
       {"0.00", "199.91", "199.91", "249.91", "299.91"}},
      // BR 10 €, RO 6 €, sans reste à charge.
      {"optique_supplements", [=] { return L("OPTIQUE_SUPPLEMENT", "30.00", base("10.00")); },
       {"24.00", "24.00", "24.00", "24.00", "24.00"}},
      // BR 39,48 €, RO 23,69 €: 60 % → 0; 100 % → 15,79; 60 % + 60/80/100 €.
      {"lentilles_remboursees", [] { return L("LENTILLES", "150.00"); },
       {"0.00", "15.79", "60.00", "80.00", "100.00"}},
      {"lentilles_non_remboursees", [] { return L("LENTILLES_NR", "150.00"); },
       {"0.00", "0.00", "50.00", "80.00", "100.00"}},
      // Hearing aid 100 % Santé 950 €, BR 400 €, RO 240 €.
      {"audio_100_sante",
       [] {
         return L("AUDIO", "950.00", [](ClaimLine& l) {
           l.base_ligne = E("400.00");
           l.flags.cent_pour_cent_sante = true;
         });
       },
       {"710.00", "710.00", "710.00", "710.00", "710.00"}},
      // BR 30 €, RO 18 €: 60 % → 0, 100 % → 12 €.
      {"audio_accessoires", [=] { return L("AUDIO_ACCESSOIRES", "40.00", base("30.00")); },
       {"0.00", "12.00", "12.00", "12.00", "12.00"}},
      // BR 400 €, RO 240 €: 60 % → 0, 100 % → 160 €.
      {"audio_prothese", [=] { return L("AUDIO", "1500.00", base("400.00")); },
       {"0.00", "160.00", "160.00", "160.00", "160.00"}},
      // Séance 60 €: 15/15/25/30/30 € per séance.
      {"medecines_douces", [] { return L("OSTEOPATHE", "60.00"); }, {"15.00", "15.00", "25.00", "30.00", "30.00"}},
      {"assistance", [] { return L("CHAMBRE", "10.00", [](ClaimLine& l) { l.poste = "assistance"; }); },
       {"0.00", "0.00", "0.00", "0.00", "0.00"}},
      {"teleconsultation", [] { return L("CHAMBRE", "10.00", [](ClaimLine& l) { l.poste = "teleconsultation"; }); },
       {"0.00", "0.00", "0.00", "0.00", "0.00"}},
      {"protection_juridique",
       [] { return L("CHAMBRE", "10.00", [](ClaimLine& l) { l.poste = "protection_juridique"; }); },
       {"0.00", "0.00", "0.00", "0.00", "0.00"}},
  };
}

TEST(PricingTableRows, EveryRowOfEveryPassPricedByHand) {
  std::set<std::string> covered;
  for (const RowCase& rc : Cases()) {
    for (int pass = 1; pass <= 5; ++pass) {
      const std::string contrat = "PASS" + std::to_string(pass);
      Claim c = MakeClaim(contrat);
      c.date_naissance = D("2025-06-01").AddMonths(-12 * rc.age - 1);
      c.lines.push_back(rc.line());
      const PricedLine l = PriceOne(c).lines[0];
      SCOPED_TRACE(contrat + "/" + rc.row);
      EXPECT_EQ(l.garantie, contrat + "/" + rc.row);
      EXPECT_EQ(l.mutuelle, E(rc.mutuelle[static_cast<size_t>(pass - 1)])) << ::testing::PrintToString(l.trace);
      ExpectBalanced(l);
      covered.insert(rc.row);
    }
  }
  for (auto key : RequiredRowKeys()) EXPECT_TRUE(covered.count(std::string(key))) << key;
}

}  // namespace
}  // namespace liasse::pricing::testing
