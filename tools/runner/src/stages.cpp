#include "stages.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <thread>

#include "liasse/core/private_temp.h"
#include "liasse/extractors/extract.h"
#include "liasse/runner/file_hash.h"
#include "liasse/store/backup.h"
#include "liasse/store/members_import.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

// The letter generator's clock: the day of the letters being written
// (Stages::SetLetterDay) at 08:00 UTC.
class LetterDayClock final : public Clock {
 public:
  explicit LetterDayClock(std::shared_ptr<const std::atomic<int64_t>> day) : day_(std::move(day)) {}
  TimePoint Now() const override { return FixedClock::At(Date::FromSerial(day_->load()), 8).Now(); }
  Date LocalDate(TimePoint t) const override { return UtcDate(t); }

 private:
  std::shared_ptr<const std::atomic<int64_t>> day_;
};

Result<std::vector<std::unique_ptr<ocr::OcrEngine>>> CreateEngines(const ProcessOptions& options) {
  ocr::OcrOptions ocr_options;
  ocr_options.tessdata_dir = options.tessdata_dir;
  ocr_options.render_pdf_page = true;   // the envelope's searchable PDF
  ocr_options.keep_cleaned_image = true;  // region re-reads and ink checks
  const int workers =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<ocr::OcrEngine>> engines;
  for (int i = 0; i < workers; ++i) {
    LIASSE_ASSIGN_OR_RETURN(auto engine, ocr::OcrEngine::Create(ocr_options));
    engines.push_back(std::move(engine));
  }
  return engines;
}

// The members as the letters and pricing read them, as text.
Result<std::string> MembersMaterial(store::Store& st) {
  LIASSE_ASSIGN_OR_RETURN(auto members, st.AllMembers());
  std::string material;
  for (const auto& m : members) {
    material += m.numero_adherent + "|" + m.nom + "|" + m.prenom + "|" + m.nir + "|" + m.date_naissance.ToIso() + "|" +
                m.niveau + "|" + m.date_adhesion.ToIso() + "|" + (m.date_fin ? m.date_fin->ToIso() : "") + "|" +
                m.email + "|" + m.iban + "|" + (m.teletransmission ? "1" : "0") + "|" +
                (m.cotisation_mensuelle ? std::to_string(m.cotisation_mensuelle->cents()) : "") + "\n";
  }
  LIASSE_ASSIGN_OR_RETURN(auto unproven, st.UnprovenEmails());
  for (const auto& u : unproven) material += "unproven " + u.numero_adherent + " " + u.email + "\n";
  return material;
}

}  // namespace

Result<std::unique_ptr<Stages>> Stages::Open(const ProcessOptions& options) {
  std::unique_ptr<Stages> stages(new Stages(options));
  LIASSE_RETURN_IF_ERROR(stages->OpenAll());
  return stages;
}

Status Stages::OpenAll() {
  LIASSE_RETURN_IF_ERROR(options_.env->CreateDirectories(options_.out_dir));
  const fs::path data_dir = options_.data_dir.empty() ? rules::LotRuleSet::DefaultDataDir() : options_.data_dir;
  // The form knowledge the extraction reads (the build's data/forms): a bad file stops here, named.
  LIASSE_RETURN_IF_ERROR(extractors::CheckFormData());
  LIASSE_ASSIGN_OR_RETURN(auto lot_rules, rules::LotRuleSet::Load(data_dir));
  lot_rules_.emplace(std::move(lot_rules));
  LIASSE_ASSIGN_OR_RETURN(auto justificatifs, rules::JustificatifTable::Load(data_dir));
  justificatifs_.emplace(std::move(justificatifs));
  LIASSE_ASSIGN_OR_RETURN(auto blocking, rules::BlockingFields::Load(data_dir));
  blocking_fields_.emplace(std::move(blocking));
  LIASSE_ASSIGN_OR_RETURN(const fs::path db, StorePath());
  LIASSE_ASSIGN_OR_RETURN(auto store, store::Store::Open(db.string()));
  store_.emplace(std::move(store));
  LIASSE_ASSIGN_OR_RETURN(auto history, store::SqlitePrescriptionHistory::Open(store_->database()));
  history_ = std::move(history);
  LIASSE_ASSIGN_OR_RETURN(auto paid, store::SqlitePaidInvoices::Open(store_->database()));
  paid_ = std::move(paid);
  LIASSE_ASSIGN_OR_RETURN(auto review_audit, store::ReviewAudit::Open(store_->database()));
  review_audit_ = std::move(review_audit);
  LIASSE_RETURN_IF_ERROR(ImportMembers());
  LIASSE_ASSIGN_OR_RETURN(auto pricing_data, pricing::PricingData::Load(data_dir.string()));
  pricing_data_.emplace(std::move(pricing_data));
  pricer_.emplace(pricing_data_->tables, pricing_data_->tariffs);
  // On the store's connection: a message is queued inside its envelope's
  // transaction (batch.cpp), and commits or rolls back with it.
  LIASSE_ASSIGN_OR_RETURN(auto outbox, store::OutboxStore::Open(store_->database()));
  outbox_ = std::move(outbox);
  if (options_.resume) {
    LIASSE_ASSIGN_OR_RETURN(auto committed, store::CommittedEnvelopes::Open(store_->database()));
    committed_ = std::move(committed);
    LIASSE_ASSIGN_OR_RETURN(auto members, MembersMaterial(*store_));
    const std::string today = options_.today ? options_.today->ToIso() : options_.clock->Today().ToIso();
    resume_fingerprint_ = Sha256OfText("liasse.resume/1\n" + ProgramAndDataMaterial(data_dir) + members + "today " +
                                       today + "\nqueue " + (options_.queue_letters ? "1" : "0") + "\n");
  }
  if (options_.journal_intake) {
    LIASSE_ASSIGN_OR_RETURN(auto intake, store::IntakeJournal::Open(store_->database()));
    intake_ = std::move(intake);
  }
  LIASSE_ASSIGN_OR_RETURN(auto mail_config, mail::LoadMailConfig((data_dir / "mail" / "operator.toml").string()));
  sender_ = mail_config.sender;
  address_notice_ = mail_config.address_notice;
  today_ = options_.today ? *options_.today : options_.clock->Today();
  SetLetterDay(today_);
  generators::GeneratorOptions generator_options;
  // The letters' PDF creation date is the date of the letters being
  // written, 08:00 UTC: a letter does not change with the hour or the day it
  // is rendered at.
  generator_options.clock = std::make_shared<LetterDayClock>(letter_day_);
  LIASSE_ASSIGN_OR_RETURN(auto generator, generators::LetterGenerator::Create(std::move(generator_options)));
  generator_.emplace(std::move(generator));
  LIASSE_ASSIGN_OR_RETURN(auto engines, CreateEngines(options_));
  engines_ = std::move(engines);
  LIASSE_ASSIGN_OR_RETURN(auto log, EventLog::Open(options_.out_dir, *options_.clock));
  log_ = std::move(log);
  if (options_.ocr_cache) {
    LIASSE_ASSIGN_OR_RETURN(auto cache, store::OcrCache::Open(store_->database()));
    ocr_cache_ = std::move(cache);
  }
  return Status::Ok();
}

// The members file of the options and every members.csv of an input
// directory, upserted into the store (each file all or nothing).
Status Stages::ImportMembers() {
  std::vector<fs::path> files;
  if (!options_.contract.empty()) files.push_back(options_.contract);
  for (const auto& input : options_.inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec) && fs::exists(input / "members.csv", ec)) files.push_back(input / "members.csv");
  }
  for (const auto& file : files) {
    LIASSE_ASSIGN_OR_RETURN(auto members, store::ReadMembersFile(file.string()));
    LIASSE_RETURN_IF_ERROR(store_->UpsertMembers(members));
  }
  // The professionals' addresses (lot notices), beside members.csv.
  for (const auto& input : options_.inputs) {
    std::error_code ec;
    const fs::path file = input / "partenaires.csv";
    if (!fs::is_directory(input, ec) || !fs::exists(file, ec)) continue;
    LIASSE_ASSIGN_OR_RETURN(auto partenaires, store::ReadPartenairesFile(file.string()));
    LIASSE_RETURN_IF_ERROR(store_->UpsertPartenaires(partenaires));
  }
  return Status::Ok();
}

Result<fs::path> Stages::StorePath() {
  const fs::path db = options_.database.empty() ? options_.out_dir / "liasse.db" : options_.database;
  if (!options_.dry_run) return db;
  // The copy holds health data: in the run's private directory (0700), by
  // SQLite's online backup (consistent even while another run writes).
  static std::atomic<int> copies{0};
  LIASSE_ASSIGN_OR_RETURN(const fs::path dir, PrivateTempDir());
  dry_run_copy_ = dir / fmt::format("essai-{}.db", copies++);
  std::error_code ec;
  if (!fs::exists(db, ec)) return dry_run_copy_;
  auto copied = store::BackupDatabase(db.string(), dry_run_copy_.string());
  if (!copied.ok()) return copied.status().WithContext("copie de la base pour --dry-run impossible");
  return dry_run_copy_;
}

Stages::~Stages() {
  if (dry_run_copy_.empty()) return;
  // Close everything that holds the copy before removing it.
  ocr_cache_.reset();
  review_audit_.reset();
  outbox_.reset();
  paid_.reset();
  history_.reset();
  store_.reset();
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(dry_run_copy_.string() + suffix, ec);
}

std::vector<ocr::OcrEngine*> Stages::engines() const {
  std::vector<ocr::OcrEngine*> out;
  for (const auto& e : engines_) out.push_back(e.get());
  return out;
}

store::OcrCacheKey Stages::CacheKey(const std::string& sha256) const {
  return {sha256, engines_.front()->Identity()};
}

}  // namespace liasse::runner
