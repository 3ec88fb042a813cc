#include "liasse/runner/process.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "liasse/core/system_error.h"
#include "claims.h"
#include "envelope_meta.h"
#include "envelope_output.h"
#include "facture_claims.h"
#include "letter_checks.h"
#include "letters.h"
#include "pieces.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/mail/config.h"
#include "liasse/pricing/data.h"
#include "liasse/store/members_import.h"
#include "liasse/store/outbox_store.h"
#include "liasse/extractors/extract.h"
#include "liasse/ocr/ocr.h"
#include "liasse/ocr/page_image.h"
#include "liasse/rules/lot.h"
#include "liasse/rules/rule_set.h"
#include "liasse/runner/envelope_source.h"
#include "liasse/runner/file_hash.h"
#include "liasse/store/prescription_history_store.h"
#include "liasse/store/store.h"
#include "liasse/store/ocr_cache.h"
#include "event_log.h"
#include "ocr_cache_codec.h"
#include "ocr_stream.h"
#include "page_adapter.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

// Why an envelope cannot be read at all, or ok: a cheap look at its first
// bytes before the decoder is asked, so an empty or foreign file gets a
// plain French reason.
Status CheckReadable(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.filename().string() + ": lecture impossible");
  std::string prefix(16, '\0');
  in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
  prefix.resize(static_cast<std::size_t>(in.gcount()));
  if (prefix.empty()) return Status::Corrupt(path.filename().string() + ": fichier vide (0 octet)");
  if (SniffFormat(prefix) == EnvelopeFormat::kUnknown) {
    return Status::Corrupt(path.filename().string() + ": format non reconnu (ni TIFF, ni PDF, ni PNG, ni JPEG)");
  }
  return Status::Ok();
}

// The local calendar date now.
Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value();
}

// The date a file was last written: for a scan, the day it was scanned.
Date FileDate(const fs::path& file) {
  std::error_code ec;
  const auto written = fs::last_write_time(file, ec);
  if (ec) return Today();
  const auto system = std::chrono::file_clock::to_sys(written);
  const std::time_t t = std::chrono::system_clock::to_time_t(system);
  std::tm local{};
  localtime_r(&t, &local);
  return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value();
}

// The dates an envelope is processed with: received (--date-reception, else
// its metadata, else its file's date) and the letters' (--date, else its
// metadata's date_courrier, else today). Unreadable metadata is not used
// and says so in the envelope's review.
struct EnvelopeDates {
  Date received = Date::FromSerial(0);
  Date letters = Date::FromSerial(0);
  ReceptionRecord reception;
};

EnvelopeDates DatesOf(const fs::path& file, const ProcessOptions& options, Date today,
                      std::vector<std::string>& review) {
  auto meta = ReadEnvelopeMeta(file);
  if (!meta.ok()) review.push_back("métadonnées du pli non utilisées : " + meta.status().message());
  const std::optional<EnvelopeMeta> m = meta.ok() ? *meta : std::nullopt;
  EnvelopeDates d;
  const Reception reception = ReceptionOf(options.date_reception, m, FileDate(file));
  d.received = reception.date;
  d.reception = {reception.date.ToIso(), ReceptionSourceKey(reception.source), m ? m->canal : "",
                 m ? m->lot_scan : "", m ? m->operateur : ""};
  d.letters = options.today ? *options.today : (m && m->date_courrier ? *m->date_courrier : today);
  return d;
}

// What the parallel part of an envelope's processing (OCR, extraction)
// leaves for the ordered part (rules with their memory, results on disk).
struct Prepared {
  fs::path file;
  std::string sha256;
  std::optional<std::string> error;
  std::string searchable_pdf;  // relative to the output directory
  std::vector<PageOutput> pages;
  std::vector<Document> documents;
  bool from_cache = false;
  int region_misses = 0;  // region re-reads the cache did not hold
};

Result<std::vector<std::unique_ptr<ocr::OcrEngine>>> CreateEngines(const ProcessOptions& options);

}  // namespace

// What lives as long as the processor: OCR engines, rule and pricing data,
// the store, the letter generator. Opened once; a watch loop reuses it.
class Stages {
 public:
  explicit Stages(const ProcessOptions& options) : options_(options) {}
  ~Stages() {
    if (dry_run_copy_.empty()) return;
    // Close everything that holds the copy before removing it.
    ocr_cache_.reset();
    outbox_.reset();
    history_.reset();
    store_.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(dry_run_copy_.string() + suffix, ec);
  }
  Stages(const Stages&) = delete;
  Stages& operator=(const Stages&) = delete;

  Status Open() {
    std::error_code ec;
    fs::create_directories(options_.out_dir, ec);
    if (ec) return Status::IoError(options_.out_dir.string() + ": " + FrenchSystemError(ec));
    const fs::path data_dir = options_.data_dir.empty() ? rules::LotRuleSet::DefaultDataDir() : options_.data_dir;
    auto lot_rules = rules::LotRuleSet::Load(data_dir);
    if (!lot_rules.ok()) return lot_rules.status();
    lot_rules_.emplace(std::move(lot_rules).value());
    auto justificatifs = rules::JustificatifTable::Load(data_dir);
    if (!justificatifs.ok()) return justificatifs.status();
    justificatifs_.emplace(std::move(justificatifs).value());
    auto db = StorePath();
    if (!db.ok()) return db.status();
    auto store = store::Store::Open(db->string());
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
    auto outbox = store::OutboxStore::Open(db->string());
    if (!outbox.ok()) return outbox.status();
    outbox_ = std::move(outbox).value();
    auto mail_config = mail::LoadMailConfig((data_dir / "mail" / "operator.toml").string());
    if (!mail_config.ok()) return mail_config.status();
    sender_ = mail_config->sender;
    today_ = options_.today ? *options_.today : Today();
    letter_day_->store(today_.ToSerial());
    generators::GeneratorOptions generator_options;
    // The PDFs' creation date is the letters' date, which follows each
    // envelope (its metadata's date_courrier): same envelope, same bytes.
    generator_options.clock = [day = letter_day_] {
      return generators::Timestamp{Date::FromSerial(day->load()), 8, 0, 0};
    };
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

  // The cache key of an envelope's OCR by the engines of this run.
  store::OcrCacheKey CacheKey(const std::string& sha256) const { return {sha256, engines_.front()->Identity()}; }

  // The members file of the options and every members.csv of an input
  // directory, upserted into the store (each file all or nothing).
  Status ImportMembers() {
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
    // The professionals' addresses (lot notices), beside members.csv.
    for (const auto& input : options_.inputs) {
      std::error_code ec;
      const fs::path file = input / "partenaires.csv";
      if (!fs::is_directory(input, ec) || !fs::exists(file, ec)) continue;
      auto partenaires = store::ReadPartenairesFile(file.string());
      if (!partenaires.ok()) return partenaires.status();
      if (Status s = store_->UpsertPartenaires(*partenaires); !s.ok()) return s;
    }
    return Status::Ok();
  }

  std::vector<ocr::OcrEngine*> engines() const {
    std::vector<ocr::OcrEngine*> out;
    for (const auto& e : engines_) out.push_back(e.get());
    return out;
  }

  const ProcessOptions& options_;
  std::optional<rules::LotRuleSet> lot_rules_;
  std::optional<rules::JustificatifTable> justificatifs_;
  // The store to open: --db or DIR/liasse.db; with dry_run, a temporary
  // copy of it (removed by the destructor).
  Result<fs::path> StorePath() {
    const fs::path db = options_.database.empty() ? options_.out_dir / "liasse.db" : options_.database;
    if (!options_.dry_run) return db;
    std::error_code ec;
    dry_run_copy_ = fs::temp_directory_path(ec) / fmt::format("liasse-essai-{}.db", ::getpid());
    if (ec) return Status::IoError("dossier temporaire : " + FrenchSystemError(ec));
    fs::remove(dry_run_copy_, ec);
    if (fs::exists(db, ec)) {
      fs::copy_file(db, dry_run_copy_, fs::copy_options::overwrite_existing, ec);
      if (ec) return Status::IoError(fmt::format("{} : copie pour --dry-run impossible : {}", db.string(), FrenchSystemError(ec)));
    }
    return dry_run_copy_;
  }

  fs::path dry_run_copy_;  // empty unless dry_run
  std::optional<store::Store> store_;
  std::unique_ptr<store::SqlitePrescriptionHistory> history_;
  std::optional<pricing::PricingData> pricing_data_;
  std::optional<pricing::Pricer> pricer_;
  std::unique_ptr<store::OutboxStore> outbox_;
  mail::OperatorIdentity sender_;
  std::optional<generators::LetterGenerator> generator_;
  Date today_ = Date::FromSerial(0);
  // The date of the letters being written (days since 1970), read by the
  // generator's clock.
  std::shared_ptr<std::atomic<int64_t>> letter_day_ = std::make_shared<std::atomic<int64_t>>(0);
  std::vector<std::unique_ptr<ocr::OcrEngine>> engines_;
  std::unique_ptr<store::OcrCache> ocr_cache_;  // null when options_.ocr_cache is false
  std::unique_ptr<EventLog> log_;
};

namespace {

// One run over a list of envelopes: the ordered commit runs the stateful
// stages envelope after envelope in input order, whatever order the OCR
// finished them in, so results do not depend on thread timing.
class Batch {
 public:
  Batch(Stages& stages, std::vector<fs::path> envelopes)
      : stages_(stages), options_(stages.options_), envelopes_(std::move(envelopes)), sha256_(envelopes_.size()) {}

  const std::vector<fs::path>& envelopes() const { return envelopes_; }

  Result<std::vector<ocr::PageImage>> Decode(std::size_t index) {
    const fs::path& file = envelopes_[index];
    if (Status s = CheckReadable(file); !s.ok()) return s;
    return ocr::DecodeFile(file);
  }

  void Failed(std::size_t index, const Status& error) {
    Prepared p;
    p.file = envelopes_[index];
    p.sha256 = Sha256Of(index);
    p.error = error.message();
    Submit(index, std::move(p));
  }

  // Whether the envelope's OCR can come from the cache: same bytes, same
  // engine, and its searchable PDF (which the cache does not hold) still in
  // the output directory. Decoder thread.
  bool Cached(std::size_t index) {
    if (!stages_.ocr_cache_) return false;
    const fs::path& file = envelopes_[index];
    sha256_[index] = HashOrEmpty(file);
    std::error_code ec;
    if (sha256_[index].empty() || !fs::exists(SearchablePdfPath(file), ec)) return false;
    auto found = stages_.ocr_cache_->Contains(stages_.CacheKey(sha256_[index]));
    return found.ok() && *found;
  }

  // The envelope from the cache; OCR on this worker if the entry cannot be
  // read back after all.
  void FromCache(std::size_t index, ocr::OcrEngine& engine) {
    const fs::path& file = envelopes_[index];
    const store::OcrCacheKey key = stages_.CacheKey(sha256_[index]);
    auto entry = stages_.ocr_cache_->Find(key);
    Result<std::vector<ocr::PageResult>> pages = Status::NotFound("absente du cache");
    if (entry.ok() && entry->has_value()) pages = DecodeOcr(**entry);
    if (!pages.ok()) {
      CountCacheFailure();
      RecogniseHere(index, engine);
      return;
    }
    std::vector<const ocr::PageResult*> recognised;
    for (const auto& page : *pages) recognised.push_back(&page);
    RegionMemo memo = RegionMemo::Parse((*entry)->regions);
    Prepared p = Extract(index, recognised, engine, memo);
    p.searchable_pdf = fs::relative(SearchablePdfPath(file), options_.out_dir).generic_string();
    p.from_cache = true;
    if (p.region_misses > 0 && !stages_.ocr_cache_->SetRegions(key, memo.Serialise()).ok()) CountCacheFailure();
    Submit(index, std::move(p));
  }

  void Done(std::size_t index, std::vector<Result<ocr::PageResult>> results, ocr::OcrEngine& engine) {
    std::vector<const ocr::PageResult*> recognised(results.size(), nullptr);
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) {
        // A page Tesseract could not take makes the envelope unreadable as a
        // whole: its documents could not be split reliably.
        Prepared p;
        p.file = envelopes_[index];
        p.sha256 = Sha256Of(index);
        p.error = p.file.filename().string() + ": page " + std::to_string(i + 1) + " : " +
                  results[i].status().message();
        Submit(index, std::move(p));
        return;
      }
      recognised[i] = &*results[i];
    }
    RegionMemo memo;
    Prepared p = Extract(index, recognised, engine, memo);
    if (auto pdf = WriteSearchablePdf(options_.out_dir, p.file, results); pdf.ok()) {
      p.searchable_pdf = *pdf;
      Remember(p.sha256, recognised, memo);
    } else {
      p.error = pdf.status().message();
    }
    Submit(index, std::move(p));
  }

  ProcessSummary TakeSummary() { return std::move(summary_); }
  Status status() const { return fatal_; }

 private:
  static std::string HashOrEmpty(const fs::path& file) {
    auto hash = Sha256OfFile(file);
    return hash.ok() ? *hash : std::string();
  }

  // The hash the decoder thread computed, else computed now.
  std::string Sha256Of(std::size_t index) const {
    return sha256_[index].empty() ? HashOrEmpty(envelopes_[index]) : sha256_[index];
  }

  fs::path SearchablePdfPath(const fs::path& file) const {
    const std::string stem = file.stem().string();
    return options_.out_dir / stem / (stem + ".ocr.pdf");
  }

  // Split, classify, extract, with region re-reads answered by `memo` first
  // and by `engine` otherwise.
  Prepared Extract(std::size_t index, const std::vector<const ocr::PageResult*>& recognised, ocr::OcrEngine& engine,
                   RegionMemo& memo) {
    Prepared p;
    p.file = envelopes_[index];
    p.sha256 = Sha256Of(index);
    std::vector<extractors::OcrPage> pages;
    for (std::size_t i = 0; i < recognised.size(); ++i) {
      p.pages.push_back(ToPageOutput(*recognised[i], static_cast<int>(i)));
      pages.push_back(ToOcrPage(*recognised[i], static_cast<int>(i)));
    }
    EngineRegionReader engine_reader(engine, recognised);
    MemoRegionReader reader(memo, engine_reader);
    p.documents = extractors::ExtractDocuments(pages, &reader);
    p.region_misses = reader.misses();
    return p;
  }

  // Keeps the envelope's OCR in the cache (worker thread; a failure only
  // means the next run reads it again).
  void Remember(const std::string& sha256, const std::vector<const ocr::PageResult*>& recognised,
                const RegionMemo& memo) {
    if (!stages_.ocr_cache_ || sha256.empty()) return;
    auto entry = EncodeOcr(recognised, memo.Serialise());
    if (!entry.ok() || !stages_.ocr_cache_->Put(stages_.CacheKey(sha256), *entry).ok()) CountCacheFailure();
  }

  // OCR of one envelope on this worker, for a cache entry that could not be
  // read back.
  void RecogniseHere(std::size_t index, ocr::OcrEngine& engine) {
    auto images = Decode(index);
    if (!images.ok()) {
      Failed(index, images.status());
      return;
    }
    std::vector<Result<ocr::PageResult>> results;
    for (const auto& image : *images) results.push_back(engine.Recognise(image));
    Done(index, std::move(results), engine);
  }

  void CountCacheFailure() {
    std::lock_guard lock(commit_mu_);
    ++summary_.ocr_cache_failures;
  }

  void Submit(std::size_t index, Prepared prepared) {
    std::lock_guard lock(commit_mu_);
    ready_.emplace(index, std::move(prepared));
    while (!ready_.empty() && ready_.begin()->first == next_commit_) {
      const std::size_t told = summary_.messages.size();
      Commit(ready_.begin()->second);
      ready_.erase(ready_.begin());
      ++next_commit_;
      if (options_.on_envelope && summary_.messages.size() > told) options_.on_envelope(summary_.messages.back());
      if (options_.progress) options_.progress(static_cast<int>(next_commit_), static_cast<int>(envelopes_.size()), summary_.pages);
    }
  }

  // The stateful stages, in input order, under commit_mu_.
  void Commit(Prepared& p) {
    ++summary_.envelopes;
    EnvelopeOutput out;
    out.source = p.file.filename().string();
    out.sha256 = p.sha256;
    out.error = p.error;
    out.searchable_pdf = p.searchable_pdf;
    out.pages = std::move(p.pages);
    out.documents = std::move(p.documents);
    if (p.error) {
      ++summary_.unreadable;
      if (Status q = Quarantine(p.file, options_.out_dir); !q.ok()) Fatal(q);
      summary_.messages.push_back(out.source + " : quarantaine — " + *p.error);
    } else {
      CheckLots(out);
      PriceAndWrite(p.file, out);
      Count(out);
      summary_.messages.push_back(EnvelopeLine(out));
    }
    summary_.from_ocr_cache += p.from_cache ? 1 : 0;
    const fs::path json = options_.out_dir / (p.file.stem().string() + ".json");
    if (options_.observer != nullptr) {
      if (Status s = options_.observer->BeforeWrite(p.file, json); !s.ok()) return Fatal(s);
    }
    if (Status w = WriteEnvelopeJson(options_.out_dir, p.file, out); !w.ok()) return Fatal(w);
    if (options_.observer != nullptr) {
      if (Status s = options_.observer->AfterWrite(p.file, json); !s.ok()) Fatal(s);
    }
    stages_.log_->Envelope(out, p.from_cache,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  }

  void CheckLots(EnvelopeOutput& out) {
    auto lots = rules::CheckLots(out.documents, *stages_.lot_rules_, *stages_.history_);
    if (!lots.ok()) {
      Fatal(lots.status());
      return;
    }
    for (const auto& lot : rules::AssembleLots(out.documents)) {
      if (Status s = rules::RememberPrescriptions(out.documents, lot, *stages_.history_); !s.ok()) Fatal(s);
    }
    out.lots = std::move(lots).value();
  }

  // Claims of the accepted feuilles, then the letters.
  void PriceAndWrite(const fs::path& file, EnvelopeOutput& out) {
    const EnvelopeDates dates = DatesOf(file, options_, stages_.today_, out.review);
    const Date received = dates.received;
    out.reception = dates.reception;
    stages_.letter_day_->store(dates.letters.ToSerial());
    auto claims = PriceLotClaims(out.documents, out.lots, *stages_.pricer_, *stages_.store_, received);
    const auto factures = CheckFactures(out.documents, *stages_.justificatifs_, *stages_.store_, out.review);
    for (auto& c : PriceFactureClaims(out.documents, factures, *stages_.pricer_, *stages_.store_, received)) {
      claims.push_back(std::move(c));
    }
    for (const auto& c : claims) {
      out.claims.push_back(ClaimResultToJson(c));
      if (c.priced) {
        ++summary_.claims;
        summary_.euros_priced_cents += c.priced->totals.mutuelle.cents();
      }
      summary_.review_flags += static_cast<int>(c.review.size());
    }
    const auto pieces = PieceRequestsOf(factures);
    const std::string envelope_key = EnvelopeKey(out.sha256);
    const auto renonciations = PrepareRenonciations(out.documents, *stages_.store_, envelope_key, received,
                                                    dates.letters, out.review);
    Outbox* outbox = options_.queue_letters ? stages_.outbox_.get() : nullptr;
    LetterContext ctx{options_.out_dir, file.stem().string(), envelope_key, received, dates.letters,
                      &*stages_.generator_, outbox, stages_.sender_, &*stages_.store_};
    out.letters = WriteLetters(ctx, out.documents, out.lots, claims, pieces, renonciations, out.review);
    for (const auto& l : out.letters) {
      (l.held.empty() ? summary_.letters : summary_.letters_held) += 1;
      summary_.letters_queued += l.queued ? 1 : 0;
    }
  }

  void Count(const EnvelopeOutput& out) {
    summary_.pages += static_cast<long>(out.pages.size());
    for (const auto& d : out.documents) {
      ++summary_.documents_by_type[std::string(DocumentTypeName(d.type))];
      summary_.review_flags += static_cast<int>(d.review.size());
    }
    for (const auto& lot : out.lots) {
      switch (lot.verdict) {
        case rules::Verdict::kAccepted: ++summary_.lots_accepted; break;
        case rules::Verdict::kPartial: ++summary_.lots_partial; break;
        case rules::Verdict::kRejected: ++summary_.lots_rejected; break;
      }
    }
  }

  void Fatal(const Status& s) {
    if (fatal_.ok()) fatal_ = s;
  }

  Stages& stages_;
  const ProcessOptions& options_;
  std::vector<fs::path> envelopes_;
  std::vector<std::string> sha256_;  // written by the decoder thread before the envelope is queued
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();

  std::mutex commit_mu_;
  std::map<std::size_t, Prepared> ready_;
  std::size_t next_commit_ = 0;
  ProcessSummary summary_;
  Status fatal_ = Status::Ok();
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
    auto engine = ocr::OcrEngine::Create(ocr_options);
    if (!engine.ok()) return engine.status();
    engines.push_back(std::move(engine).value());
  }
  return engines;
}

}  // namespace

Processor::Processor(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Processor::~Processor() = default;

Result<std::unique_ptr<Processor>> Processor::Open(const ProcessOptions& options) {
  auto stages = std::make_unique<Stages>(options);
  if (Status s = stages->Open(); !s.ok()) return s;
  return std::unique_ptr<Processor>(new Processor(std::move(stages)));
}

Result<ProcessSummary> Processor::Process(const std::vector<std::filesystem::path>& envelopes) {
  const auto start = std::chrono::steady_clock::now();
  Batch batch(*stages_, envelopes);
  const std::vector<ocr::OcrEngine*> engines = stages_->engines();
  const std::size_t backlog =
      stages_->options_.max_backlog_pages > 0 ? stages_->options_.max_backlog_pages : 8 * engines.size();
  OcrStreamCallbacks callbacks{
      [&](std::size_t i) { return batch.Decode(i); },
      [&](std::size_t i, const Status& error) { batch.Failed(i, error); },
      [&](std::size_t i, std::vector<Result<ocr::PageResult>> pages, ocr::OcrEngine& engine) {
        batch.Done(i, std::move(pages), engine);
      },
      [&](std::size_t i) { return batch.Cached(i); },
      [&](std::size_t i, ocr::OcrEngine& engine) { batch.FromCache(i, engine); }};
  stages_->log_->BatchStart(static_cast<int>(batch.envelopes().size()), static_cast<int>(engines.size()));
  RunOcrStream(batch.envelopes().size(), engines, backlog, callbacks);
  if (!batch.status().ok()) return batch.status();
  ProcessSummary summary = batch.TakeSummary();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stages_->log_->BatchEnd(summary);
  return summary;
}

Result<ProcessSummary> RunProcess(const ProcessOptions& options) {
  auto envelopes = ListEnvelopes(options.inputs);
  if (!envelopes.ok()) return envelopes.status();
  auto processor = Processor::Open(options);
  if (!processor.ok()) return processor.status();
  return (*processor)->Process(*envelopes);
}

}  // namespace liasse::runner
