// `liasse process` on sample envelopes, from the scan to the letters: real
// Tesseract, real store, real generator; the letters read back with
// pdftotext. Amounts computed by hand from samples/members.csv and the
// seed's rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "liasse/runner/process.h"
#include "fixed_time.h"
#include "pdf_text.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using liasse::test_support::FreshTestDir;
using liasse::test_support::ReadJson;
using liasse::test_support::Sample;

class ProcessLettersTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = FreshTestDir("liasse_process_letters_");
    fs::create_directories(root_ / "in");
  }
  void TearDown() override { fs::remove_all(root_); }

  nlohmann::json Process(const std::string& sample, const char* received, const char* today) {
    fs::copy_file(Sample(sample), root_ / "in" / sample);
    ProcessOptions options;
    options.inputs = {root_ / "in" / sample};
    options.out_dir = root_ / "out";
    options.contract = Sample("members.csv");
    options.jobs = 1;
    // Received on the day the scan was written, letters dated by the clock.
    liasse::test_support::FixedTime fixed(Date::Parse(received).value(), Date::Parse(today).value());
    options.clock = &fixed.clock;
    options.env = &fixed.env;
    auto summary = RunProcess(options);
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    return ReadJson(root_ / "out" / (fs::path(sample).stem().string() + ".json"));
  }

  fs::path root_;
};

TEST_F(ProcessLettersTest, RenunciationInTimeIsConfirmedWithTheCotisationsToRefund) {
  // Maëlys ROUSSEL, PASS1 (32,40 €/month) since 30 May 2025, letter dated
  // 10 June, received 12 June: in time (deadline Friday 13 June). Paid:
  // 32,40 × 2/31 = 2,09 € for May + 32,40 € for June = 34,49 €.
  const auto result = Process("renonciation_01.pdf", "2025-06-12", "2025-06-16");
  ASSERT_EQ(result["letters"].size(), 1u) << result.dump(2);
  const auto& letter = result["letters"][0];
  EXPECT_EQ(letter["kind"], "confirmation_renonciation");
  EXPECT_EQ(letter["to"], "maelys.roussel10@wanadoo.fr");
  const std::string text = test_support::PdfText(root_ / "out" / letter["file"].get<std::string>());
  EXPECT_NE(text.find("34,49 €"), std::string::npos) << text;
  EXPECT_NE(text.find("13 juin 2025"), std::string::npos) << text;
  EXPECT_NE(text.find("12 juillet 2025"), std::string::npos) << text;
}

TEST_F(ProcessLettersTest, CompleteDentalFactureIsPricedButWaitsOnItsUnconfirmedTariff) {
  // Alain MERCIER, PASS3, télétransmission: the acquittée facture is the only
  // piece needed. HBMD053 BR 40,97 € × 60 % = 24,58 € ; soins dentaires 100 %
  // BR → mutuelle 16,39 € ; reste 55,70 − 24,58 − 16,39 = 14,73 €. The base
  // of HBMD053 has no source (data/tarifs/actes.toml, confirme = false): the
  // claim is priced but waits for a person, and no décompte is written or
  // sent until then (#20 items 1 and 7).
  const auto result = Process("dentaire_01.pdf", "2025-08-01", "2025-08-04");
  ASSERT_EQ(result["claims"].size(), 1u) << result.dump(2);
  const auto& claim = result["claims"][0];
  EXPECT_EQ(claim["member"], "A17835373");
  EXPECT_EQ(claim["totals"]["ro"], "24.58");
  EXPECT_EQ(claim["totals"]["mutuelle"], "16.39");
  EXPECT_EQ(claim["totals"]["reste_a_charge"], "14.73");
  EXPECT_FALSE(claim.contains("controle_bordereau"));
  EXPECT_EQ(claim["statut"], "en_attente");
  ASSERT_EQ(claim["review"].size(), 1u) << claim.dump(2);
  EXPECT_NE(claim["review"][0].get<std::string>().find("tarif sans source confirmée (HBMD053"), std::string::npos)
      << claim["review"][0];
  EXPECT_TRUE(result["letters"].empty()) << result["letters"].dump(2);
}

}  // namespace
}  // namespace liasse::runner
