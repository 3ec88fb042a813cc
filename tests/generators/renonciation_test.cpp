#include "liasse/generators/renonciation.h"

#include <gtest/gtest.h>

#include "pdf_probe.h"

namespace liasse::generators {
namespace {

using testing::D;

RenonciationFaits Faits(Date signature, Date reception) {
  RenonciationFaits f;
  f.date_signature_ou_effet = signature;
  f.date_reception = reception;
  return f;
}

TEST(Renonciation, WindowIsFourteenCalendarDaysAfterSignature) {
  // Monday 3 March 2025 + 14 days = Monday 17 March, a working day.
  const auto d = DecideRenonciation(Faits(D(2025, 3, 3), D(2025, 3, 20)));
  EXPECT_EQ(d.debut_delai, D(2025, 3, 3));
  EXPECT_EQ(d.fin_theorique, D(2025, 3, 17));
  EXPECT_EQ(d.date_limite, D(2025, 3, 17));
}

TEST(Renonciation, LaterReceiptOfConditionsStartsTheWindow) {
  auto f = Faits(D(2025, 3, 3), D(2025, 3, 25));
  f.date_reception_conditions = D(2025, 3, 6);
  const auto d = DecideRenonciation(f);
  EXPECT_EQ(d.debut_delai, D(2025, 3, 6));
  EXPECT_EQ(d.date_limite, D(2025, 3, 20));
}

TEST(Renonciation, EarlierReceiptOfConditionsDoesNotShortenTheWindow) {
  auto f = Faits(D(2025, 3, 3), D(2025, 3, 25));
  f.date_reception_conditions = D(2025, 2, 27);
  EXPECT_EQ(DecideRenonciation(f).debut_delai, D(2025, 3, 3));
}

TEST(Renonciation, DeadlineOnSaturdayMovesToMonday) {
  // 1 March 2025 + 14 = Saturday 15 March → Monday 17 March.
  const auto d = DecideRenonciation(Faits(D(2025, 3, 1), D(2025, 3, 20)));
  EXPECT_EQ(d.fin_theorique, D(2025, 3, 15));
  EXPECT_EQ(d.date_limite, D(2025, 3, 17));
}

TEST(Renonciation, DeadlineOnSundayMovesToMonday) {
  // 2 March 2025 + 14 = Sunday 16 March → Monday 17 March.
  EXPECT_EQ(DecideRenonciation(Faits(D(2025, 3, 2), D(2025, 3, 20))).date_limite, D(2025, 3, 17));
}

TEST(Renonciation, DeadlineOnSaturdayBeforeEasterMondayMovesToTuesday) {
  // 5 April 2025 + 14 = Saturday 19 April; Monday 21 April is Easter Monday.
  const auto d = DecideRenonciation(Faits(D(2025, 4, 5), D(2025, 4, 25)));
  EXPECT_EQ(d.date_limite, D(2025, 4, 22));
}

TEST(Renonciation, DeadlineOnPublicHolidayMovesToNextWorkingDay) {
  // 30 June 2025 + 14 = Monday 14 July (fête nationale) → Tuesday 15 July.
  EXPECT_EQ(DecideRenonciation(Faits(D(2025, 6, 30), D(2025, 7, 20))).date_limite, D(2025, 7, 15));
  // 18 December 2025 + 14 = 1 January 2026 (holiday) → Friday 2 January.
  EXPECT_EQ(DecideRenonciation(Faits(D(2025, 12, 18), D(2026, 1, 5))).date_limite, D(2026, 1, 2));
}

TEST(Renonciation, LetterSentOnTheDeadlineIsInTimeAndTheDayAfterIsLate) {
  auto f = Faits(D(2025, 4, 5), D(2025, 4, 25));
  f.date_cachet = D(2025, 4, 22);
  EXPECT_TRUE(DecideRenonciation(f).dans_le_delai);
  f.date_cachet = D(2025, 4, 23);
  EXPECT_FALSE(DecideRenonciation(f).dans_le_delai);
}

TEST(Renonciation, PostmarkThenLetterDateThenReceiptDateCount) {
  auto f = Faits(D(2025, 3, 3), D(2025, 3, 24));
  f.date_lettre = D(2025, 3, 10);
  f.date_cachet = D(2025, 3, 12);
  auto d = DecideRenonciation(f);
  EXPECT_EQ(d.source_envoi, DateEnvoiSource::kCachet);
  EXPECT_EQ(d.date_envoi, D(2025, 3, 12));
  f.date_cachet.reset();
  d = DecideRenonciation(f);
  EXPECT_EQ(d.source_envoi, DateEnvoiSource::kLettre);
  EXPECT_EQ(d.date_envoi, D(2025, 3, 10));
  f.date_lettre.reset();
  d = DecideRenonciation(f);
  EXPECT_EQ(d.source_envoi, DateEnvoiSource::kReception);
  EXPECT_EQ(d.date_envoi, D(2025, 3, 24));
  EXPECT_FALSE(d.dans_le_delai);  // received after 17 March, nothing else readable
}

TEST(Renonciation, ConfirmationEndsCoverOnReceiptAndRefundsWithinThirtyDays) {
  const auto d = DecideRenonciation(Faits(D(2025, 3, 1), D(2025, 3, 18)));
  EXPECT_EQ(d.fin_garanties, D(2025, 3, 18));
  EXPECT_EQ(d.remboursement_avant, D(2025, 4, 17));
}

TEST(Renonciation, EcheanceAlternativeNeedsTwoMonthsNoticeBeforeThirtyFirstDecember) {
  auto d = DecideRenonciation(Faits(D(2025, 4, 5), D(2025, 4, 25)));
  EXPECT_EQ(d.echeance, D(2025, 12, 31));
  EXPECT_EQ(d.resiliation_echeance_avant, D(2025, 10, 31));
  EXPECT_EQ(d.resiliation_infra_annuelle_des, D(2026, 4, 5));
  // Received in November: too late for this year's échéance.
  d = DecideRenonciation(Faits(D(2025, 10, 10), D(2025, 11, 5)));
  EXPECT_EQ(d.echeance, D(2026, 12, 31));
  EXPECT_EQ(d.resiliation_echeance_avant, D(2026, 10, 31));
}

}  // namespace
}  // namespace liasse::generators
