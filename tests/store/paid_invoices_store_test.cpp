#include "liasse/store/paid_invoices_store.h"

#include <gtest/gtest.h>

#include "temp_db.h"

namespace liasse::store {
namespace {

using PaidInvoicesStore = testing::TempDbTest;

PaidInvoice Paid(std::string envelope, std::string source) {
  return {B2ClaimId("596349779", "218647827"), std::move(envelope), std::move(source),
          Date::FromYmd(2026, 11, 23).value()};
}

TEST_F(PaidInvoicesStore, AnInvoicePaidByAnotherEnvelopeIsFoundAcrossReopening) {
  const std::string first = EnvelopeKey("lot_03.pdf", "aa11");
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db.ok());
    auto paid = SqlitePaidInvoices::Open(*db);
    ASSERT_TRUE(paid.ok()) << paid.status().ToString();
    ASSERT_TRUE((*paid)->Record(Paid(first, "lot_03.pdf")).ok());
  }
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto paid = SqlitePaidInvoices::Open(*db);
  ASSERT_TRUE(paid.ok());
  // The same file renamed: another envelope, a duplicate.
  auto found = (*paid)->PaidElsewhere("B2-596349779-218647827", EnvelopeKey("copie.pdf", "aa11"));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->source, "lot_03.pdf");
  EXPECT_EQ((*found)->date, Date::FromYmd(2026, 11, 23).value());
}

TEST_F(PaidInvoicesStore, ItsOwnEnvelopeProcessedAgainIsNotADuplicate) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto paid = SqlitePaidInvoices::Open(*db);
  ASSERT_TRUE(paid.ok());
  const std::string first = EnvelopeKey("lot_03.pdf", "aa11");
  ASSERT_TRUE((*paid)->Record(Paid(first, "lot_03.pdf")).ok());
  auto again = (*paid)->PaidElsewhere("B2-596349779-218647827", first);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  auto unknown = (*paid)->PaidElsewhere("B2-596349779-999999999", EnvelopeKey("x.pdf", "bb"));
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->has_value());
}

TEST_F(PaidInvoicesStore, TheFirstEnvelopeKeepsTheInvoice) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto paid = SqlitePaidInvoices::Open(*db);
  ASSERT_TRUE(paid.ok());
  const std::string first = EnvelopeKey("lot_03.pdf", "aa11"), second = EnvelopeKey("autre.pdf", "cc22");
  ASSERT_TRUE((*paid)->Record(Paid(first, "lot_03.pdf")).ok());
  ASSERT_TRUE((*paid)->Record(Paid(second, "autre.pdf")).ok());
  auto seen_by_second = (*paid)->PaidElsewhere("B2-596349779-218647827", second);
  ASSERT_TRUE(seen_by_second.ok());
  ASSERT_TRUE(seen_by_second->has_value());
  EXPECT_EQ((*seen_by_second)->envelope, first);
}

TEST_F(PaidInvoicesStore, RecordWithoutEnvelopeIsRefused) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto paid = SqlitePaidInvoices::Open(*db);
  ASSERT_TRUE(paid.ok());
  const Status s = (*paid)->Record(Paid("", "x.pdf"));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "facture payée sans identifiant ou sans pli");
}

}  // namespace
}  // namespace liasse::store
