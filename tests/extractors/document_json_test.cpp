#include <gtest/gtest.h>

#include "liasse/core/document_json.h"
#include "testing/status_matchers.h"

namespace liasse::extractors {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

Document SampleFeuille() {
  Document d;
  d.type = DocumentType::kFeuilleDeSoins;
  d.pages = {1, 2};
  d.confidence = 0.97;
  d.fields["assure.nir"] = Field{std::string("285077511504238"), 0.99, 1, Box{10, 20, 300, 40}};
  d.fields["signature.patient"] = Field{true, 0.8, std::nullopt, std::nullopt};
  Line l;
  l.values = {{"date", "2025-09-05"}, {"code", "AMI"}, {"coefficient", "1"}, {"montant", "3.15"}};
  d.lines.push_back(l);
  d.review.push_back(ReviewFlag{"beneficiaire.date_naissance", std::nullopt, "illisible"});
  d.review.push_back(ReviewFlag{"montant", 0, "confiance faible"});
  return d;
}

TEST(DocumentJson, DocumentRoundTripKeepsEveryMember) {
  const Document d = SampleFeuille();
  auto back = DocumentFromJson(DocumentToJson(d));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, d);
}

TEST(DocumentJson, EnvelopeRoundTripKeepsOtherModulesMembers) {
  Envelope e;
  e.source = "lot_0001.tiff";
  e.sha256 = "ab";
  e.pages = {Page{0, 90, -2.5, 91.0}};
  e.documents = {SampleFeuille()};
  e.other_members["lots"] = R"([{"numero":"042","verdict":"accepted"}])";
  auto back = EnvelopeFromJson(EnvelopeToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, e);
}

TEST(DocumentJson, ReadsTheContractExample) {
  const char* text = R"({"schema":"liasse.result/1","source":"a.tiff","error":null,"documents":[
    {"type":"feuille_de_soins","pages":[1],"confidence":0.97,
     "fields":{"assure.nir":{"value":"285077511504238","confidence":0.99},"impossibilite_signer":{"value":false}},
     "lines":[{"date":"2025-09-05","code":"AMI","coefficient":"1","montant":"3.15"}],"review":["nom"]}],
    "lots":[],"claims":[],"letters":[]})";
  auto env = EnvelopeFromJson(text, "a.json");
  ASSERT_TRUE(env.ok()) << env.status().ToString();
  ASSERT_EQ(env->documents.size(), 1u);
  const Document& d = env->documents[0];
  EXPECT_EQ(d.type, DocumentType::kFeuilleDeSoins);
  ASSERT_NE(d.Text("assure.nir"), nullptr);
  EXPECT_EQ(*d.Text("assure.nir"), "285077511504238");
  EXPECT_EQ(d.Flag("impossibilite_signer"), false);
  EXPECT_EQ(d.Flag("signature.patient"), std::nullopt);
  ASSERT_NE(d.lines[0].Find("code"), nullptr);
  EXPECT_EQ(*d.lines[0].Find("code"), "AMI");
  EXPECT_EQ(d.review[0].field, "nom");
  EXPECT_EQ(env->other_members.count("lots"), 1u);
}

TEST(DocumentJson, UnknownTypeIsAnErrorNamingTheDocument) {
  auto env = EnvelopeFromJson(R"({"documents":[{"type":"bordereau"},{"type":"ordonnance"}]})", "x.json");
  EXPECT_THAT(
      env, StatusIs(StatusCode::kInvalidArgument, HasSubstr("x.json.documents[1].type: type inconnu \"ordonnance\"")));
}

TEST(DocumentJson, MalformedJsonAndMissingDocumentsAreErrors) {
  EXPECT_THAT(EnvelopeFromJson("{", "y.json"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("y.json: JSON illisible")));
  EXPECT_THAT(EnvelopeFromJson(R"({"schema":"liasse.result/1"})", "y.json"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("y.json.documents: tableau de documents absent")));
  EXPECT_THAT(DocumentFromJson(R"({"type":"facture","fields":{"montant_total":{"value":[1]}}})", "z"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("z.fields.montant_total: valeur texte, booléenne ou numérique attendue")));
}

TEST(DocumentJson, EveryContractTypeNameRoundTrips) {
  for (const char* name : {"bordereau", "feuille_de_soins", "facture", "prescription", "entente_prealable",
                           "attestation_droits", "decompte_ro", "devis", "reclamation", "renonciation", "autre"}) {
    auto t = ParseDocumentType(name);
    ASSERT_TRUE(t.has_value()) << name;
    EXPECT_EQ(DocumentTypeName(*t), name);
  }
  EXPECT_FALSE(ParseDocumentType("Bordereau").has_value());
}

}  // namespace
}  // namespace liasse::extractors
