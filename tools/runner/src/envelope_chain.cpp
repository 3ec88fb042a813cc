#include "envelope_chain.h"

#include "envelope_meta.h"
#include "liasse/extractors/extract.h"
#include "liasse/runner/envelope_source.h"
#include "page_adapter.h"
#include "review_edit.h"
#include "settle_envelope.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

// The dates an envelope is processed with: received (--date-reception, else
// its metadata, else its file's date) and the letters' (--date, else its
// metadata's date_courrier, else today). Unreadable metadata is not used
// and says so in the envelope's review; `out.reception` records them.
struct EnvelopeDates {
  Date received = Date::FromSerial(0);
  Date letters = Date::FromSerial(0);
};

EnvelopeDates DatesOf(const ProcessOptions& options, Date today, const fs::path& file, EnvelopeOutput& out) {
  auto meta = ReadEnvelopeMeta(*options.env, file);
  if (!meta.ok()) out.review.push_back(std::string(kMetaNotUsed) + meta.status().message());
  const std::optional<EnvelopeMeta> m = meta.ok() ? *meta : std::nullopt;
  const Reception reception = ReceptionOf(options.date_reception, m, ReceptionDate(options, file));
  out.reception = {reception.date.ToIso(), ReceptionSourceKey(reception.source), m ? m->canal : "",
                   m ? m->lot_scan : "", m ? m->operateur : ""};
  EnvelopeDates d;
  d.received = reception.date;
  d.letters = options.today ? *options.today : (m && m->date_courrier ? *m->date_courrier : today);
  return d;
}

}  // namespace

SettleStages SettleStagesOf(Stages& stages, Date letter_day) {
  SettleStages st;
  st.lot_rules = &stages.lot_rules();
  st.justificatifs = &stages.justificatifs();
  st.blocking = &stages.blocking_fields();
  st.store = &stages.store();
  st.history = &stages.prescriptions();
  st.paid = &stages.paid_invoices();
  st.pricer = &stages.pricer();
  st.generator = &stages.generator();
  st.outbox = stages.outbox();
  st.sender = stages.sender();
  st.address_notice = stages.address_notice();
  st.out_dir = stages.options().out_dir;
  st.today = letter_day;
  st.env = &stages.env();
  return st;
}

Date ReceptionDate(const ProcessOptions& options, const fs::path& file) {
  if (options.date_reception) return *options.date_reception;
  auto written = options.env->ModificationTime(file);
  return written.ok() ? options.clock->LocalDate(*written) : options.clock->Today();
}

Status CheckReadable(Env& env, const fs::path& path) {
  auto read = env.ReadPrefix(path, 16);
  if (!read.ok()) return Status::IoError(path.filename().string() + ": lecture impossible");
  const std::string& prefix = *read;
  if (prefix.empty()) return Status::Corrupt(path.filename().string() + ": fichier vide (0 octet)");
  if (SniffFormat(prefix) == EnvelopeFormat::kUnknown) {
    return Status::Corrupt(path.filename().string() + ": format non reconnu (ni TIFF, ni PDF, ni PNG, ni JPEG)");
  }
  return Status::Ok();
}

Prepared ExtractEnvelope(const fs::path& file, std::string sha256, const std::vector<const ocr::PageResult*>& recognised,
                         ocr::OcrEngine& engine, RegionMemo& memo) {
  Prepared p;
  p.file = file;
  p.sha256 = std::move(sha256);
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

Status RunEnvelopeChain(Stages& stages, const fs::path& file, EnvelopeOutput& out, SettlementTally& tally,
                        Env& files) {
  const EnvelopeDates dates = DatesOf(stages.options(), stages.today(), file, out);
  // What operators corrected on this envelope stays corrected when it is read again.
  LIASSE_ASSIGN_OR_RETURN(auto changes, stages.review_audit().Changes(file.stem().string()));
  ReplayChanges(changes, out.sha256, stages.options().data_dir, out.documents, out.review, out.version);
  stages.SetLetterDay(dates.letters);
  SettleStages settle = SettleStagesOf(stages, dates.letters);
  settle.env = &files;
  auto settled = SettleEnvelope(settle, file.stem().string(), dates.received, out);
  if (!settled.ok()) return settled.status();
  tally = std::move(settled).value();
  return Status::Ok();
}

}  // namespace liasse::runner
