// Layout families of the generator (issue 23): ink drawn where it should be
// and nowhere else, fonts and wordings present, held-out data filtering.
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <toml++/toml.h>
#include <opencv2/core.hpp>

#include "documents.h"
#include "family.h"
#include "form.h"
#include "liasse/synth/holdout.h"
#include "pen.h"
#include "synth_data.h"
#include "synth_test_util.h"

namespace liasse::synth {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(LIASSE_SOURCE_DIR) / "data";

const SynthData& Data() {
  static const SynthData data = LoadSynthData(kData / "synth").value();
  return data;
}

// Ink (pixels darker than paper) inside the rectangle in mm, shrunk by `inset` mm on every side.
int InkInside(const cv::Mat& page, int dpi, double x, double y, double w, double h, double inset) {
  const double px = dpi / 25.4;
  const cv::Rect r(static_cast<int>((x + inset) * px), static_cast<int>((y + inset) * px),
                   static_cast<int>((w - 2 * inset) * px), static_cast<int>((h - 2 * inset) * px));
  int ink = 0;
  for (int row = r.y; row < r.y + r.height; ++row) {
    for (int col = r.x; col < r.x + r.width; ++col) ink += page.at<uint8_t>(row, col) < 250;
  }
  return ink;
}

struct Drawn {
  std::vector<Person> members;
  Rng rng;
  Context ctx;
  explicit Drawn(uint64_t seed) : rng(seed), ctx{Data(), rng, 200, Date::FromYmd(2025, 3, 1).value(), &members} {}
};

Invoice MakeInvoice(Context& ctx, int acts, bool impossibilite) {
  Invoice inv;
  inv.numero = "123456789";
  inv.assure = MakePerson(ctx, 30, 80, true);
  inv.beneficiaire = inv.assure;
  inv.printed_nir = inv.assure.nir;
  inv.prescripteur = MakeProfessional(ctx, "medecin");
  inv.prescription_date = ctx.today.AddDays(-40);
  for (int i = 0; i < acts; ++i) {
    inv.acts.push_back(Act{ctx.today.AddDays(-30 + i), "AMI", "1", Money::FromCents(315)});
    inv.total += Money::FromCents(315);
  }
  inv.impossibilite_signer = impossibilite;
  inv.signature_patient = !impossibilite;
  return inv;
}

const InkZone& Zone(const GenDoc& d, const std::string& field) {
  for (const auto& z : d.zones) {
    if (z.field == field) return z;
  }
  throw std::logic_error("zone absente : " + field);
}

TEST(SynthFamilies, EveryTickStyleMarksInsideItsBoxAndAnEmptyBoxStaysEmpty) {
  for (const std::string style : {"x", "check", "fill", "scribble"}) {
    for (double size : {3.2, 4.0, 5.0}) {
      Canvas c(200);
      Rng rng(7);
      TickBox(c, rng, style, 20, 20, size, false);
      TickBox(c, rng, style, 60, 20, size, true);
      const cv::Mat page = c.Image();
      EXPECT_EQ(InkInside(page, 200, 20, 20, size, size, 0.4), 0) << style << " " << size;
      EXPECT_GT(InkInside(page, 200, 60, 20, size, size, 0.4), 10) << style << " " << size;
    }
  }
}

// Across seeds, every family draws the "impossibilité de signer" box empty when
// it is not ticked, and marked when it is.
TEST(SynthFamilies, ImpossibiliteBoxIsEmptyUnlessTicked) {
  for (const auto& style : Data().families.styles) {
    for (uint64_t seed = 1; seed <= 6; ++seed) {
      for (bool ticked : {false, true}) {
        Drawn d(seed * 31 + static_cast<uint64_t>(style.id));
        const Professional pro = MakeProfessional(d.ctx, "infirmier");
        const GenDoc doc = DrawFeuilleFamily(d.ctx, style.id, pro, MakeInvoice(d.ctx, 3, ticked));
        const InkZone& z = Zone(doc, "impossibilite_signer");
        const int ink = InkInside(doc.pages[0].Image(), 200, z.x, z.y, z.w, z.h, 0.4);
        if (ticked) EXPECT_GT(ink, 10) << "famille " << style.id << " graine " << seed;
        else EXPECT_EQ(ink, 0) << "famille " << style.id << " graine " << seed;
      }
    }
  }
}

// The corpus bug of session 5: a long feuille (18 act rows) pushed the box and
// the signature frames below the page edge. The families keep them on it.
TEST(SynthFamilies, LongFeuilleKeepsItsSignatureBlockOnThePage) {
  for (const auto& style : Data().families.styles) {
    Drawn d(100 + static_cast<uint64_t>(style.id));
    const Professional pro = MakeProfessional(d.ctx, "infirmier");
    const GenDoc doc = DrawFeuilleFamily(d.ctx, style.id, pro, MakeInvoice(d.ctx, 18, false));
    for (const char* field : {"signature.praticien", "signature.patient", "impossibilite_signer"}) {
      const InkZone& z = Zone(doc, field);
      EXPECT_LT(z.y + z.h, Canvas::kHeightMm - 8) << "famille " << style.id << " " << field;
    }
    EXPECT_EQ(doc.lines.size(), 18u);
  }
}

// A document drawn twice from one seed, crossed out and clean: the text before
// the crossing is laid out alike, so the truth's zone can be checked on both.
struct CrossedAndClean {
  GenDoc crossed, clean;
};

CrossedAndClean PrescriptionPair(uint64_t seed, int family) {
  auto draw = [&](bool raturee) {
    Drawn d(seed);
    const std::vector<int> only = {family};
    d.ctx.families = &only;
    const Professional dr = MakeProfessional(d.ctx, "medecin");
    const Person patient = MakePerson(d.ctx, 20, 80, true);
    const std::string text = seed % 2 ? "Soins infirmiers à domicile : pansement simple tous les deux jours pendant 15 jours."
                                      : "10 séances de kinésithérapie pour lombalgie chronique, à domicile si nécessaire.";
    return DrawPrescription(d.ctx, dr, patient, d.ctx.today, text, raturee);
  };
  return {draw(true), draw(false)};
}

CrossedAndClean FeuillePair(uint64_t seed, int family) {
  auto draw = [&](bool raturee) {
    Drawn d(seed);
    const Professional pro = MakeProfessional(d.ctx, "infirmier");
    Invoice inv = MakeInvoice(d.ctx, 3, false);
    inv.feuille_raturee = raturee;
    return DrawFeuilleFamily(d.ctx, family, pro, inv);
  };
  return {draw(true), draw(false)};
}

// Whether the zone (x, y, w, h mm) covers at least half of some recorded
// text's letters in both directions (or the text half of the zone).
bool OnRecordedText(const Canvas& page, double x, double y, double w, double h) {
  for (const TextLine& t : page.RecordedText()) {
    const double top = t.baseline - 0.72 * t.size_mm;
    const double dx = std::min(x + w, t.x + t.width) - std::max(x, t.x);
    const double dy = std::min(y + h, t.baseline) - std::max(y, top);
    if (dx > 0.5 * std::min(w, t.width) && dy > 0.5 * std::min(h, t.baseline - top)) return true;
  }
  return false;
}

// The truth's crossing lies on text and the crossed page has strokes there
// (more ink than the clean page): a stroke beside the text it should cross
// is a truth no reader can find. The clean page has no zone.
void ExpectCrossingOnText(const CrossedAndClean& pair, const std::string& what) {
  ASSERT_TRUE(pair.crossed.fields["raturee"]["value"].get<bool>()) << what;
  ASSERT_TRUE(pair.crossed.fields["raturee"].contains("zone_mm")) << what;
  EXPECT_FALSE(pair.clean.fields["raturee"]["value"].get<bool>()) << what;
  EXPECT_FALSE(pair.clean.fields["raturee"].contains("zone_mm")) << what;
  const Json& z = pair.crossed.fields["raturee"]["zone_mm"];
  const double x = z[0], y = z[1], w = z[2], h = z[3];
  EXPECT_TRUE(OnRecordedText(pair.crossed.pages[0], x, y, w, h)) << what << ": pas de texte sous la rature";
  const int clean = InkInside(pair.clean.pages[0].Image(), 200, x, y, w, h, 0);
  const int crossed = InkInside(pair.crossed.pages[0].Image(), 200, x, y, w, h, 0);
  const int area = static_cast<int>(w * h * (200 / 25.4) * (200 / 25.4));
  EXPECT_GT(crossed, clean + area / 25) << what << ": pas de trait sur le texte";
}

TEST(SynthFamilies, EveryCrossedOutPrescriptionCrossesItsText) {
  std::vector<int> families = {0};
  for (const auto& style : Data().families.styles) families.push_back(style.id);
  for (int family : families) {
    for (uint64_t seed = 1; seed <= 8; ++seed) {
      ExpectCrossingOnText(PrescriptionPair(seed * 17 + static_cast<uint64_t>(family), family),
                           "ordonnance famille " + std::to_string(family) + " graine " + std::to_string(seed));
    }
  }
}

TEST(SynthFamilies, EveryCrossedOutFeuilleCrossesItsText) {
  for (const auto& style : Data().families.styles) {
    for (uint64_t seed = 1; seed <= 8; ++seed) {
      ExpectCrossingOnText(FeuillePair(seed * 13 + static_cast<uint64_t>(style.id), style.id),
                           "feuille famille " + std::to_string(style.id) + " graine " + std::to_string(seed));
    }
  }
}

TEST(SynthFamilies, EveryFontOfEveryFamilyIsInstalled) {
  std::set<std::string> fonts;
  for (const auto& s : Data().families.styles) {
    for (const auto* list : {&s.label_fonts, &s.value_fonts, &s.title_fonts, &s.hand_fonts}) fonts.insert(list->begin(), list->end());
  }
  EXPECT_GE(fonts.size(), 10u);
  for (const auto& f : fonts) EXPECT_TRUE(FontInstalled(f)) << f << " (tools/setup)";
  EXPECT_FALSE(FontInstalled("Police Qui N Existe Pas"));
}

TEST(SynthFamilies, MissingFontIsNamedInTheError) {
  const fs::path dir = testing::FreshDir("font");
  fs::copy(kData, dir / "data", fs::copy_options::recursive);
  std::string toml = testing::ReadAll(dir / "data/synth/families.toml");
  const std::string from = "\"Inconsolata\", \"Hack\", \"DejaVu Sans Mono\"]\nvalue_fonts";
  ASSERT_NE(toml.find(from), std::string::npos);
  toml.replace(toml.find(from), from.size(), "\"Police Qui N Existe Pas\"]\nvalue_fonts");
  std::ofstream(dir / "data/synth/families.toml") << toml;
  auto o = testing::Options(dir / "out", 1, 1, {"reclamation"});
  o.data_dir = dir / "data";
  const auto r = Generate(o);
  ASSERT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("Police Qui N Existe Pas"), std::string::npos) << r.status().message();
}

// A slot worded for one family 1…N is worded for all of them: a document of
// any family can print it.
TEST(SynthVocabulary, EverySlotOfTheFamiliesHasWordingsForEachOne) {
  const auto& f = Data().families;
  for (const auto& [type, slots] : f.words.entries()) {
    for (const auto& [slot, by_family] : slots) {
      const bool any_new = std::any_of(by_family.begin(), by_family.end(), [](const auto& e) { return e.first > 0; });
      if (!any_new) continue;
      for (const auto& s : f.styles) {
        EXPECT_TRUE(by_family.count(s.id)) << type << "." << slot << " sans f" << s.id;
      }
    }
  }
}

// The wordings of a reader's form file (data/forms/README.md): the strings
// of its lists (labels, titles, sections, columns, stops) and the first of
// each pair (cues, choices); not the names, kinds, relations or types.
void ReaderWordings(const toml::node& node, std::set<std::string>& out) {
  // Keys whose strings are not wordings of labels: act codes and the value
  // names a field may take (formulas) are what is read, not how it is labelled.
  static const std::set<std::string> not_wordings = {"type",     "kind",  "relations", "section", "pair",
                                                     "check",    "outranks", "codes",  "formulas"};
  if (const auto* table = node.as_table()) {
    for (const auto& [key, child] : *table) {
      if (!not_wordings.count(std::string(key.str()))) ReaderWordings(child, out);
    }
  } else if (const auto* array = node.as_array()) {
    for (const auto& e : *array) {
      const auto* pair = e.as_array();
      const auto text = pair ? (pair->empty() ? std::nullopt : (*pair)[0].value<std::string>()) : e.value<std::string>();
      if (text) out.insert(FoldWording(*text));
      else if (!pair) ReaderWordings(e, out);
    }
  }
}

// The generator's wordings outnumber the reader's label synonyms (data/forms/)
// at least twice, per document type.
TEST(SynthVocabulary, IsAtLeastTwiceTheReadersLabelSynonyms) {
  const auto& words = Data().families.words;
  for (const auto& type : Data().families.types) {
    std::set<std::string> ours;
    for (const std::string& t : {type, std::string("commun")}) {
      if (!words.entries().count(t)) continue;
      for (const auto& [slot, by_family] : words.entries().at(t)) {
        for (const auto& [family, list] : by_family) {
          for (const auto& w : list) ours.insert(FoldWording(w));
        }
      }
    }
    std::set<std::string> readers;
    const fs::path forms = kData / "forms" / (type + ".toml");
    if (fs::exists(forms)) ReaderWordings(toml::parse_file(forms.string()), readers);
    EXPECT_GE(ours.size(), 2 * readers.size()) << type;
    EXPECT_GE(ours.size(), 40u) << type;
  }
}

TEST(SynthVocabulary, FoldedWordingsIgnoreCaseAccentsAndPunctuation) {
  EXPECT_EQ(FoldWording("N° de Sécurité sociale :"), "n de securite sociale");
  EXPECT_EQ(FoldWording("  NUMÉRO   d'immatriculation"), "numero d immatriculation");
  EXPECT_EQ(FoldWording("✂ ----------"), "");
}

class HeldOut : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshDir("holdout");
    data_ = dir_ / "data";
    fs::create_directories(data_ / "forms" / "held_out" / "1");
    fs::copy(kData / "synth", data_ / "synth", fs::copy_options::recursive);
    // "Lot n°" and "Numéro du lot" are family 1's only, "N° de lot" family 0's,
    // "NIR" families 2 and 3's; "Numéro de lot inventé" nobody's.
    std::ofstream(data_ / "forms" / "bordereau.toml")
        << "[fields.\"lot.numero\"]\nlabels = [\"N° de lot\", \"lot N°\", \"NUMÉRO DU LOT :\", \"Numéro de lot inventé\"]\n"
           "[[tables]]\ncolumns = [{key = \"nir\", synonyms = [\"NIR\", \"N° de sécurité sociale\"]}]\n";
    std::ofstream(data_ / "forms" / "held_out" / "1" / "weights.toml") << "fitted_without = 1\n";
    std::ofstream(data_ / "forms" / "weights.toml") << "fitted_without = -1\n";
  }
  fs::path dir_, data_;
};

TEST_F(HeldOut, RemovesTheWordingsOnlyTheHeldOutFamilyPrints) {
  const auto r = WriteDataWithoutFamily(data_, 1, dir_ / "out");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string forms = testing::ReadAll(dir_ / "out" / "forms" / "bordereau.toml");
  EXPECT_EQ(forms.find("lot N°"), std::string::npos) << forms;
  EXPECT_EQ(forms.find("NUMÉRO DU LOT"), std::string::npos) << forms;
  EXPECT_NE(forms.find("N° de lot"), std::string::npos) << forms;
  EXPECT_NE(forms.find("Numéro de lot inventé"), std::string::npos) << forms;
  EXPECT_NE(forms.find("NIR"), std::string::npos) << forms;
  // "N° de sécurité sociale" is family 1's bordereau column, but family 0 prints it elsewhere ("commun").
  EXPECT_NE(forms.find("N° de sécurité sociale"), std::string::npos) << forms;
  EXPECT_EQ(r->removed, (std::vector<std::string>{"forms/bordereau.toml: lot N°", "forms/bordereau.toml: NUMÉRO DU LOT :"}));
  EXPECT_EQ(testing::ReadAll(dir_ / "out" / "forms" / "weights.toml"), "fitted_without = 1\n");
  EXPECT_FALSE(fs::exists(dir_ / "out" / "forms" / "held_out"));
  const std::string summary = testing::ReadAll(dir_ / "out" / "held_out.toml");
  EXPECT_NE(summary.find("famille = 1"), std::string::npos) << summary;
  // The data itself is untouched.
  EXPECT_NE(testing::ReadAll(data_ / "forms" / "bordereau.toml").find("lot N°"), std::string::npos);
}

TEST_F(HeldOut, APairGoesWholeWithItsWordingAndTypeNamesStay) {
  // The reader's data keeps cues and choices as [wording, value] pairs: a
  // pair left with its value alone would not load.
  std::ofstream(data_ / "forms" / "bordereau.toml")
      << "[classification]\ncues = [[\"lot N°\", 3], [\"N° de lot\", 2]]\noutranks = [[\"lot N°\", 5]]\n"
         "[fields.reglement]\nchoices = [[\"NUMÉRO DU LOT :\", \"x\"], [\"Numéro de lot inventé\", \"y\"]]\n";
  const auto r = WriteDataWithoutFamily(data_, 1, dir_ / "out");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto forms = toml::parse_file((dir_ / "out" / "forms" / "bordereau.toml").string());
  const auto* cues = forms["classification"]["cues"].as_array();
  ASSERT_NE(cues, nullptr);
  ASSERT_EQ(cues->size(), 1u);
  EXPECT_EQ(forms["classification"]["cues"][0].as_array()->size(), 2u);
  EXPECT_EQ(forms["classification"]["cues"][0][0].value<std::string>(), "N° de lot");
  EXPECT_EQ(forms["classification"]["outranks"][0][0].value<std::string>(), "lot N°");
  const auto* choices = forms["fields"]["reglement"]["choices"].as_array();
  ASSERT_NE(choices, nullptr);
  ASSERT_EQ(choices->size(), 1u);
  EXPECT_EQ(forms["fields"]["reglement"]["choices"][0][1].value<std::string>(), "y");
  EXPECT_EQ(r->removed, (std::vector<std::string>{"forms/bordereau.toml: lot N°", "forms/bordereau.toml: NUMÉRO DU LOT :"}));
}

TEST_F(HeldOut, HoldingOutFamilyTwoKeepsFamilyOnesWordings) {
  const auto r = WriteDataWithoutFamily(data_, 2, dir_ / "out");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string forms = testing::ReadAll(dir_ / "out" / "forms" / "bordereau.toml");
  EXPECT_NE(forms.find("lot N°"), std::string::npos) << forms;
  EXPECT_NE(forms.find("NIR"), std::string::npos) << forms;  // family 3 prints it too
  EXPECT_EQ(testing::ReadAll(dir_ / "out" / "forms" / "weights.toml"), "fitted_without = -1\n");
}

// A signature's roles name the form's sections, no wording: "beneficiaire"
// stays though family 2 prints the heading "BÉNÉFICIAIRE", which goes.
TEST_F(HeldOut, RolesNameSectionsAndStay) {
  std::ofstream(data_ / "forms" / "feuille_de_soins.toml")
      << "[sections]\nbeneficiaire = [\"BÉNÉFICIAIRE\", \"Personne recevant les soins\"]\n"
         "[fields.\"signature.patient\"]\nlabels = [\"Signature du patient\"]\nroles = [\"beneficiaire\", \"assure\"]\n";
  const auto r = WriteDataWithoutFamily(data_, 2, dir_ / "out");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto forms = toml::parse_file((dir_ / "out" / "forms" / "feuille_de_soins.toml").string());
  const auto* roles = forms["fields"]["signature.patient"]["roles"].as_array();
  ASSERT_NE(roles, nullptr);
  ASSERT_EQ(roles->size(), 2u);
  EXPECT_EQ((*roles)[0].value<std::string>(), "beneficiaire");
  const auto* headings = forms["sections"]["beneficiaire"].as_array();
  ASSERT_NE(headings, nullptr);
  ASSERT_EQ(headings->size(), 1u);
  EXPECT_EQ((*headings)[0].value<std::string>(), "Personne recevant les soins");
}

TEST_F(HeldOut, UnknownFamilyOrOutputInsideTheDataIsRefused) {
  auto r = WriteDataWithoutFamily(data_, 9, dir_ / "out");
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("famille de mise en page inconnue : 9"), std::string::npos);
  r = WriteDataWithoutFamily(data_, 1, data_ / "forms" / "copie");
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("le dossier de sortie est dans"), std::string::npos);
}

}  // namespace
}  // namespace liasse::synth
