#include "envelope_meta.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

Date D(const char* iso) { return Date::Parse(iso).value(); }

fs::path EnvelopeWithMeta(const fs::path& dir, const std::string& meta_json) {
  const fs::path envelope = dir / "pli_07.pdf";
  std::ofstream(envelope) << "%PDF-1.4";
  std::ofstream(dir / "pli_07.meta.json") << meta_json;
  return envelope;
}

TEST(EnvelopeMeta, ReadsTheStationMetadataBesideTheEnvelope) {
  const fs::path dir = test_support::FreshTestDir("meta_");
  const fs::path envelope = EnvelopeWithMeta(
      dir, R"({"date_reception": "2025-01-15", "date_courrier": "2025-01-17", "canal": "dépôt",
              "lot_scan": "S-2025-003", "operateur": "mlartigue"})");
  auto meta = ReadEnvelopeMeta(*Env::Default(), envelope);
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  ASSERT_TRUE(meta->has_value());
  EXPECT_EQ((*meta)->date_reception, D("2025-01-15"));
  EXPECT_EQ((*meta)->date_courrier, D("2025-01-17"));
  EXPECT_EQ((*meta)->canal, "dépôt");
  EXPECT_EQ((*meta)->lot_scan, "S-2025-003");
  EXPECT_EQ((*meta)->operateur, "mlartigue");
  fs::remove_all(dir);
}

TEST(EnvelopeMeta, NoMetadataFileIsNoMetadata) {
  const fs::path dir = test_support::FreshTestDir("meta_");
  std::ofstream(dir / "seul.tiff") << "II*";
  auto meta = ReadEnvelopeMeta(*Env::Default(), dir / "seul.tiff");
  ASSERT_TRUE(meta.ok());
  EXPECT_FALSE(meta->has_value());
  fs::remove_all(dir);
}

TEST(EnvelopeMeta, ADateNotInIsoFormIsRefusedNamingTheFileAndTheMember) {
  const fs::path dir = test_support::FreshTestDir("meta_");
  const fs::path envelope = EnvelopeWithMeta(dir, R"({"date_reception": "15/01/2025"})");
  auto meta = ReadEnvelopeMeta(*Env::Default(), envelope);
  ASSERT_FALSE(meta.ok());
  EXPECT_EQ(meta.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(meta.status().message().find("pli_07.meta.json"), std::string::npos) << meta.status().message();
  EXPECT_NE(meta.status().message().find("« date_reception » : date « 15/01/2025 » attendue au format AAAA-MM-JJ"),
            std::string::npos)
      << meta.status().message();
  fs::remove_all(dir);
}

TEST(EnvelopeMeta, AnUnknownCanalIsRefused) {
  const fs::path dir = test_support::FreshTestDir("meta_");
  auto meta = ReadEnvelopeMeta(*Env::Default(), EnvelopeWithMeta(dir, R"({"canal": "pigeon"})"));
  ASSERT_FALSE(meta.ok());
  EXPECT_NE(meta.status().message().find("« canal » : « pigeon » inconnu"), std::string::npos)
      << meta.status().message();
  fs::remove_all(dir);
}

TEST(EnvelopeMeta, MetadataWinsOverTheFileDateAndTheOptionWinsOverBoth) {
  EnvelopeMeta meta;
  meta.date_reception = D("2025-01-15");
  const Date file_date = D("2026-12-06");
  const Reception from_meta = ReceptionOf(std::nullopt, meta, file_date);
  EXPECT_EQ(from_meta.date, D("2025-01-15"));
  EXPECT_EQ(from_meta.source, ReceptionSource::kMeta);
  const Reception from_file = ReceptionOf(std::nullopt, std::nullopt, file_date);
  EXPECT_EQ(from_file.date, file_date);
  EXPECT_EQ(from_file.source, ReceptionSource::kFile);
  EnvelopeMeta without_date;
  without_date.canal = "courrier";
  EXPECT_EQ(ReceptionOf(std::nullopt, without_date, file_date).source, ReceptionSource::kFile);
  const Reception from_option = ReceptionOf(D("2024-10-01"), meta, file_date);
  EXPECT_EQ(from_option.date, D("2024-10-01"));
  EXPECT_EQ(from_option.source, ReceptionSource::kOption);
}

}  // namespace
}  // namespace liasse::runner
