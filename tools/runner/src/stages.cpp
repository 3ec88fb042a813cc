#include "stages.h"

#include <algorithm>
#include <system_error>
#include <thread>

#include "liasse/extractors/extract.h"
#include "liasse/store/members_import.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

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
  const fs::path db = options_.database.empty() ? options_.out_dir / "liasse.db" : options_.database;
  LIASSE_ASSIGN_OR_RETURN(auto store, store::Store::Open(db.string()));
  store_.emplace(std::move(store));
  LIASSE_ASSIGN_OR_RETURN(auto history, store::SqlitePrescriptionHistory::Open(store_->database()));
  history_ = std::move(history);
  LIASSE_ASSIGN_OR_RETURN(auto paid, store::SqlitePaidInvoices::Open(store_->database()));
  paid_ = std::move(paid);
  LIASSE_RETURN_IF_ERROR(ImportMembers());
  LIASSE_ASSIGN_OR_RETURN(auto pricing_data, pricing::PricingData::Load(data_dir.string()));
  pricing_data_.emplace(std::move(pricing_data));
  pricer_.emplace(pricing_data_->tables, pricing_data_->tariffs);
  LIASSE_ASSIGN_OR_RETURN(auto outbox, store::OutboxStore::Open(db.string()));
  outbox_ = std::move(outbox);
  LIASSE_ASSIGN_OR_RETURN(auto mail_config, mail::LoadMailConfig((data_dir / "mail" / "operator.toml").string()));
  sender_ = mail_config.sender;
  today_ = options_.today ? *options_.today : options_.clock->Today();
  generators::GeneratorOptions generator_options;
  // The letters' PDF creation date is their date, 08:00 UTC: a letter does
  // not change with the hour it is rendered at.
  generator_options.clock = std::make_shared<FixedClock>(FixedClock::At(today_, 8));
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
  return Status::Ok();
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
