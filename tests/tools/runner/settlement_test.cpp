// One source of truth from verdict to payment, over every defect the
// synthetic generator can inject into a B2 lot: the truth documents of a
// generated lot go through the chain after reading (lot rules, claims,
// payments, letters) on a real store; what is paid is exactly what the lot
// verdict makes payable, décomptes only for money paid, and an invoice
// presented again by another envelope is never paid twice.
#include "settle_envelope.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "liasse/core/document_json.h"
#include "liasse/pricing/data.h"
#include "liasse/store/members_import.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/prescription_history_store.h"
#include "liasse/synth/synth.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The real chain's components on a fresh store in `dir`.
class Chain {
 public:
  explicit Chain(const fs::path& dir) : dir_(dir) {}

  void Open(const fs::path& members_csv) {
    const fs::path data = synth::DefaultDataDir();
    auto lot_rules = rules::LotRuleSet::Load(data);
    ASSERT_TRUE(lot_rules.ok()) << lot_rules.status().ToString();
    lot_rules_.emplace(std::move(lot_rules).value());
    auto justificatifs = rules::JustificatifTable::Load(data);
    ASSERT_TRUE(justificatifs.ok());
    justificatifs_.emplace(std::move(justificatifs).value());
    auto blocking = rules::BlockingFields::Load(data);
    ASSERT_TRUE(blocking.ok()) << blocking.status().ToString();
    blocking_.emplace(std::move(blocking).value());
    auto st = store::Store::Open((dir_ / "liasse.db").string());
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    store_.emplace(std::move(st).value());
    auto members = store::ReadMembersFile(members_csv.string());
    ASSERT_TRUE(members.ok()) << members.status().ToString();
    ASSERT_TRUE(store_->UpsertMembers(*members).ok());
    auto history = store::SqlitePrescriptionHistory::Open(store_->database());
    ASSERT_TRUE(history.ok());
    history_ = std::move(history).value();
    auto paid = store::SqlitePaidInvoices::Open(store_->database());
    ASSERT_TRUE(paid.ok());
    paid_ = std::move(paid).value();
    auto pricing_data = pricing::PricingData::Load(data.string());
    ASSERT_TRUE(pricing_data.ok());
    pricing_data_.emplace(std::move(pricing_data).value());
    pricer_.emplace(pricing_data_->tables, pricing_data_->tariffs);
    generators::GeneratorOptions options;
    options.clock = std::make_shared<FixedClock>(FixedClock::At(Date::FromYmd(2025, 3, 1).value(), 8));
    auto generator = generators::LetterGenerator::Create(std::move(options));
    ASSERT_TRUE(generator.ok()) << generator.status().ToString();
    generator_.emplace(std::move(generator).value());
    auto outbox = store::OutboxStore::Open((dir_ / "liasse.db").string());
    ASSERT_TRUE(outbox.ok());
    outbox_ = std::move(outbox).value();
  }

  SettleStages Stages() {
    SettleStages st;
    st.lot_rules = &*lot_rules_;
    st.justificatifs = &*justificatifs_;
    st.blocking = &*blocking_;
    st.store = &*store_;
    st.history = history_.get();
    st.paid = paid_.get();
    st.pricer = &*pricer_;
    st.generator = &*generator_;
    st.outbox = outbox_.get();
    st.out_dir = dir_ / "out";
    st.today = Date::FromYmd(2025, 3, 1).value();
    return st;
  }

 private:
  fs::path dir_;
  std::optional<rules::LotRuleSet> lot_rules_;
  std::optional<rules::JustificatifTable> justificatifs_;
  std::optional<rules::BlockingFields> blocking_;
  std::optional<store::Store> store_;
  std::unique_ptr<store::SqlitePrescriptionHistory> history_;
  std::unique_ptr<store::SqlitePaidInvoices> paid_;
  std::optional<pricing::PricingData> pricing_data_;
  std::optional<pricing::Pricer> pricer_;
  std::optional<generators::LetterGenerator> generator_;
  std::unique_ptr<store::OutboxStore> outbox_;
};

// A generated lot: its truth documents and what the generator says of it.
struct GeneratedLot {
  std::string source;
  std::string sha256;
  std::vector<Document> documents;
  json truth_lot;  // {"verdict", "anomalies", "factures_rejetees"}
  std::set<std::string> invoices;  // every number on the bordereau
};

GeneratedLot Generate(const fs::path& dir, const std::string& defect, uint64_t seed) {
  synth::SynthOptions o;
  o.seed = seed;
  o.count = 1;
  o.out_dir = dir;
  o.data_dir = synth::DefaultDataDir();
  o.kinds = {"lot"};
  o.defects = {defect};
  o.jobs = 1;
  auto summary = synth::Generate(o);
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  GeneratedLot lot;
  if (!summary.ok()) return lot;
  lot.source = summary->files.front();
  const json truth = test_support::ReadJson(dir / (fs::path(lot.source).stem().string() + ".truth.json"));
  auto envelope = EnvelopeFromJson(truth.dump(), lot.source);
  EXPECT_TRUE(envelope.ok()) << envelope.status().ToString();
  if (!envelope.ok()) return lot;
  lot.documents = envelope->documents;
  lot.sha256 = truth.value("sha256", "");
  lot.truth_lot = truth["lots"].front();
  for (const auto& d : lot.documents) {
    if (d.type != DocumentType::kBordereau) continue;
    for (const auto& l : d.lines) {
      if (const std::string* n = l.Find("numero_facture")) lot.invoices.insert(*n);
    }
  }
  return lot;
}

// The invoices the generator's truth makes payable: none of a rejected lot,
// all but the rejected ones otherwise.
std::set<std::string> Conforming(const GeneratedLot& lot) {
  if (lot.truth_lot["verdict"] == "rejected") return {};
  std::set<std::string> out = lot.invoices;
  for (const auto& n : lot.truth_lot.value("factures_rejetees", json::array())) out.erase(n.get<std::string>());
  return out;
}

// Received a week after the last care: within the two-year deadline.
Date ReceivedAfterCare(const std::vector<Document>& documents) {
  Date last = Date::FromYmd(2000, 1, 1).value();
  for (const auto& d : documents) {
    for (const auto& l : d.lines) {
      const std::string* text = l.Find("date");
      if (text == nullptr) continue;
      if (auto date = Date::Parse(*text); date.ok() && *date > last) last = *date;
    }
  }
  return last.AddDays(7);
}

struct Settled {
  EnvelopeOutput out;
  SettlementTally tally;
  std::vector<json> claims;
};

Settled Settle(Chain& chain, const GeneratedLot& lot, const std::string& source) {
  Settled s;
  s.out.source = source;
  s.out.sha256 = lot.sha256;
  s.out.documents = lot.documents;
  auto tally = SettleEnvelope(chain.Stages(), fs::path(source).stem().string(), ReceivedAfterCare(lot.documents),
                              s.out);
  EXPECT_TRUE(tally.ok()) << tally.status().ToString();
  if (tally.ok()) s.tally = *tally;
  for (const auto& c : s.out.claims) s.claims.push_back(json::parse(c));
  return s;
}

Money PaidIn(const std::vector<json>& claims) {
  Money sum = Money::Zero();
  for (const auto& c : claims) {
    if (c["statut"] == "paye") sum += Money::ParseDecimal(c["paiement"]["montant"].get<std::string>()).value();
  }
  return sum;
}

class SettlementOfEveryDefect : public testing::TestWithParam<std::string> {};

TEST_P(SettlementOfEveryDefect, PaysExactlyTheConformingInvoicesOnceWithADecompteEach) {
  const fs::path dir = test_support::FreshTestDir("liasse_settlement_" + GetParam() + "_");
  const GeneratedLot lot = Generate(dir / "synth", GetParam(), 20261206);
  ASSERT_FALSE(lot.documents.empty());
  Chain chain(dir);
  ASSERT_NO_FATAL_FAILURE(chain.Open(dir / "synth" / "members.csv"));
  const Settled first = Settle(chain, lot, lot.source);
  ASSERT_EQ(first.out.lots.size(), 1u);
  EXPECT_EQ(rules::VerdictName(first.out.lots[0].verdict), lot.truth_lot["verdict"].get<std::string>());

  // The verdict decides: claims exist for the payable invoices only, and
  // every conforming invoice has its claim.
  const std::set<std::string> conforming = Conforming(lot);
  std::set<std::string> claimed, paid;
  for (const auto& c : first.claims) {
    claimed.insert(c["numero_facture"].get<std::string>());
    if (c["statut"] == "paye") paid.insert(c["numero_facture"].get<std::string>());
  }
  EXPECT_EQ(claimed, conforming);
  const auto& acceptees = first.out.lots[0].factures_acceptees;
  EXPECT_EQ(std::set<std::string>(acceptees.begin(), acceptees.end()), conforming);
  // Amount paid = the sum over the conforming invoices paid, as the tally
  // (the summary) says; no claim of an invoice outside them is paid.
  EXPECT_EQ(first.tally.paid, PaidIn(first.claims));
  EXPECT_EQ(first.tally.claims_paid, static_cast<int>(paid.size()));
  for (const auto& n : paid) EXPECT_TRUE(conforming.contains(n)) << n;
  // A décompte for each invoice paid and for nothing else.
  std::set<std::string> with_decompte;
  for (const auto& l : first.out.letters) {
    if (l.kind != "decompte") continue;
    for (const auto& n : lot.invoices) {
      if (l.file.find(n) != std::string::npos) with_decompte.insert(n);
    }
  }
  EXPECT_EQ(with_decompte, paid);

  // The same envelope again pays the same (idempotent), another envelope
  // presenting the same invoices pays nothing.
  const Settled again = Settle(chain, lot, lot.source);
  EXPECT_EQ(again.tally.paid, first.tally.paid);
  const Settled copy = Settle(chain, lot, "copie_" + lot.source);
  EXPECT_EQ(copy.tally.paid, Money::Zero());
  for (const auto& n : paid) {
    const auto& rejetees = copy.out.lots[0].factures_rejetees;
    EXPECT_NE(std::find(rejetees.begin(), rejetees.end(), n), rejetees.end()) << n;
  }
  bool duplicate_named = paid.empty();
  for (const auto& a : copy.out.lots[0].anomalies) duplicate_named = duplicate_named || a.code == "FACTURE_DEJA_PAYEE";
  EXPECT_TRUE(duplicate_named);
  fs::remove_all(dir);
}

// Seed 000: the coupon comes with the next feuilles. Put among the pieces of
// a lot, it changes neither the verdict, its anomalies, nor the claims, and
// its address is handled (recorded, or in review when the member already
// has another).
TEST(SettlementWithACoupon, ACouponAmongTheFeuillesOfALotChangesNoVerdictNorClaim) {
  const fs::path dir = test_support::FreshTestDir("liasse_settlement_coupon_");
  const GeneratedLot lot = Generate(dir / "synth", "LOT_AMOUNT_MISMATCH", 20261206);
  ASSERT_GE(lot.documents.size(), 3u);
  fs::create_directories(dir / "plain");
  fs::create_directories(dir / "coupon");
  Chain plain(dir / "plain"), with_coupon(dir / "coupon");
  ASSERT_NO_FATAL_FAILURE(plain.Open(dir / "synth" / "members.csv"));
  ASSERT_NO_FATAL_FAILURE(with_coupon.Open(dir / "synth" / "members.csv"));
  // The coupon of the first bordereau line's patient, between two pieces.
  const Document* bordereau = nullptr;
  for (const auto& d : lot.documents) {
    if (d.type == DocumentType::kBordereau) bordereau = &d;
  }
  ASSERT_NE(bordereau, nullptr);
  ASSERT_FALSE(bordereau->lines.empty());
  const Line& first = bordereau->lines.front();
  Document coupon;
  coupon.type = DocumentType::kCouponEmail;
  for (const char* f : {"nir", "nom", "prenom"}) {
    if (const std::string* v = first.Find(f)) coupon.fields[f].value = *v;
  }
  coupon.fields["email"].value = std::string("nouvelle.adresse@exemple.fr");
  GeneratedLot mixed = lot;
  mixed.documents.insert(mixed.documents.begin() + 2, coupon);

  const Settled a = Settle(plain, lot, lot.source);
  const Settled b = Settle(with_coupon, mixed, lot.source);
  ASSERT_EQ(a.out.lots.size(), 1u);
  ASSERT_EQ(b.out.lots.size(), 1u);
  EXPECT_EQ(b.out.lots[0].verdict, a.out.lots[0].verdict);
  std::vector<std::string> codes_a, codes_b;
  for (const auto& x : a.out.lots[0].anomalies) codes_a.push_back(x.code);
  for (const auto& x : b.out.lots[0].anomalies) codes_b.push_back(x.code);
  EXPECT_EQ(codes_b, codes_a);
  EXPECT_EQ(b.out.lots[0].factures_acceptees, a.out.lots[0].factures_acceptees);
  EXPECT_EQ(b.claims.size(), a.claims.size());
  EXPECT_EQ(b.tally.paid, a.tally.paid);
  // The coupon is handled: its address recorded, or a review item saying why not.
  const Document& read = b.out.documents[2];
  EXPECT_TRUE(!b.out.members_updated.empty() || !read.review.empty());
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(AllCodes, SettlementOfEveryDefect, testing::ValuesIn(synth::LotDefectCodes()),
                         [](const testing::TestParamInfo<std::string>& param) { return param.param; });

}  // namespace
}  // namespace liasse::runner
