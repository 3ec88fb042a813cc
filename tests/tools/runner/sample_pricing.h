// A test fixture base for pricing claims: a store holding the sample
// members (samples/members.csv), a Pricer and the blocking review fields
// over the default data files.
// Test code only.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "liasse/pricing/data.h"
#include "liasse/pricing/pricer.h"
#include "liasse/rules/blocking_fields.h"
#include "liasse/store/members_import.h"
#include "liasse/store/store.h"

namespace liasse::test_support {

class SamplePricingTest : public testing::Test {
 protected:
  // Opens (creates) the store `db`, imports the sample members and loads the
  // pricing data; a failure fails the test. Call from SetUp.
  void OpenStoreAndPricer(const std::filesystem::path& db) {
    auto st = store::Store::Open(db.string());
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    store_.emplace(std::move(st).value());
    auto members = store::ReadMembersFile(std::string(LIASSE_SOURCE_DIR) + "/samples/members.csv");
    ASSERT_TRUE(members.ok()) << members.status().ToString();
    ASSERT_TRUE(store_->UpsertMembers(*members).ok());
    auto data = pricing::PricingData::Load(pricing::DefaultDataDir());
    ASSERT_TRUE(data.ok()) << data.status().ToString();
    data_.emplace(std::move(data).value());
    pricer_.emplace(data_->tables, data_->tariffs);
    auto blocking = rules::BlockingFields::Load(pricing::DefaultDataDir());
    ASSERT_TRUE(blocking.ok()) << blocking.status().ToString();
    blocking_.emplace(std::move(blocking).value());
  }

  std::optional<store::Store> store_;
  std::optional<pricing::PricingData> data_;
  std::optional<pricing::Pricer> pricer_;
  std::optional<rules::BlockingFields> blocking_;  // data/rules/revue_bloquante.toml
};

}  // namespace liasse::test_support
