#include "stages.h"

#include <algorithm>
#include <ctime>
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
    auto engine = ocr::OcrEngine::Create(ocr_options);
    if (!engine.ok()) return engine.status();
    engines.push_back(std::move(engine).value());
  }
  return engines;
}

}  // namespace

Date LocalDateOf(std::time_t t) {
  std::tm local{};
  localtime_r(&t, &local);
  return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value();
}

Result<std::unique_ptr<Stages>> Stages::Open(const ProcessOptions& options) {
  std::unique_ptr<Stages> stages(new Stages(options));
  if (Status s = stages->OpenAll(); !s.ok()) return s;
  return stages;
}

Status Stages::OpenAll() {
  std::error_code ec;
  fs::create_directories(options_.out_dir, ec);
  if (ec) return Status::IoError(options_.out_dir.string() + ": " + ec.message());
  const fs::path data_dir = options_.data_dir.empty() ? rules::LotRuleSet::DefaultDataDir() : options_.data_dir;
  // The form knowledge the extraction reads (the build's data/forms): a bad file stops here, named.
  if (Status forms = extractors::CheckFormData(); !forms.ok()) return forms;
  auto lot_rules = rules::LotRuleSet::Load(data_dir);
  if (!lot_rules.ok()) return lot_rules.status();
  lot_rules_.emplace(std::move(lot_rules).value());
  auto justificatifs = rules::JustificatifTable::Load(data_dir);
  if (!justificatifs.ok()) return justificatifs.status();
  justificatifs_.emplace(std::move(justificatifs).value());
  const fs::path db = options_.database.empty() ? options_.out_dir / "liasse.db" : options_.database;
  auto store = store::Store::Open(db.string());
  if (!store.ok()) return store.status();
  store_.emplace(std::move(store).value());
  auto history = store::SqlitePrescriptionHistory::Open(store_->database());
  if (!history.ok()) return history.status();
  history_ = std::move(history).value();
  if (Status s = ImportMembers(); !s.ok()) return s;
  auto pricing_data = pricing::PricingData::Load(data_dir.string());
  if (!pricing_data.ok()) return pricing_data.status();
  pricing_data_.emplace(std::move(pricing_data).value());
  pricer_.emplace(pricing_data_->tables, pricing_data_->tariffs);
  auto outbox = store::OutboxStore::Open(db.string());
  if (!outbox.ok()) return outbox.status();
  outbox_ = std::move(outbox).value();
  auto mail_config = mail::LoadMailConfig((data_dir / "mail" / "operator.toml").string());
  if (!mail_config.ok()) return mail_config.status();
  sender_ = mail_config->sender;
  today_ = options_.today ? *options_.today : LocalDateOf(std::time(nullptr));
  generators::GeneratorOptions generator_options;
  generator_options.clock = [today = today_] { return generators::Timestamp{today, 8, 0, 0}; };
  auto generator = generators::LetterGenerator::Create(std::move(generator_options));
  if (!generator.ok()) return generator.status();
  generator_.emplace(std::move(generator).value());
  auto engines = CreateEngines(options_);
  if (!engines.ok()) return engines.status();
  engines_ = std::move(engines).value();
  auto log = EventLog::Open(options_.out_dir);
  if (!log.ok()) return log.status();
  log_ = std::move(log).value();
  if (options_.ocr_cache) {
    auto cache = store::OcrCache::Open(store_->database());
    if (!cache.ok()) return cache.status();
    ocr_cache_ = std::move(cache).value();
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
    auto members = store::ReadMembersFile(file.string());
    if (!members.ok()) return members.status();
    if (Status s = store_->UpsertMembers(*members); !s.ok()) return s;
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
