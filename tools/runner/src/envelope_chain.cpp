#include "envelope_chain.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <system_error>

#include "envelope_meta.h"
#include "facture_claims.h"
#include "letter_checks.h"
#include "letters.h"
#include "liasse/extractors/extract.h"
#include "liasse/rules/lot.h"
#include "liasse/runner/envelope_source.h"
#include "page_adapter.h"
#include "pieces.h"
#include "renonciations.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

// The date a file was last written: for a scan, the day it was scanned;
// today when the file system cannot tell.
Date FileDate(const fs::path& file) {
  std::error_code ec;
  const auto written = fs::last_write_time(file, ec);
  if (ec) return LocalDateOf(std::time(nullptr));
  const auto system = std::chrono::file_clock::to_sys(written);
  return LocalDateOf(std::chrono::system_clock::to_time_t(system));
}

// The lot verdicts, then the prescriptions each lot carries remembered for
// the next lots. Returns the first store failure.
Status CheckLots(Stages& stages, EnvelopeOutput& out) {
  auto lots = rules::CheckLots(out.documents, stages.lot_rules(), stages.prescriptions());
  if (!lots.ok()) return lots.status();
  Status first = Status::Ok();
  for (const auto& lot : rules::AssembleLots(out.documents)) {
    Status s = rules::RememberPrescriptions(out.documents, lot, stages.prescriptions());
    if (!s.ok() && first.ok()) first = s;
  }
  out.lots = std::move(lots).value();
  return first;
}

// The dates an envelope is processed with: received (--date-reception, else
// its metadata, else its file's date) and the letters' (--date, else its
// metadata's date_courrier, else today). Unreadable metadata is not used
// and says so in the envelope's review.
struct EnvelopeDates {
  Date received = Date::FromSerial(0);
  Date letters = Date::FromSerial(0);
};

EnvelopeDates DatesOf(const fs::path& file, const ProcessOptions& options, Date today, EnvelopeOutput& out) {
  auto meta = ReadEnvelopeMeta(file);
  if (!meta.ok()) out.review.push_back("métadonnées du pli non utilisées : " + meta.status().message());
  const std::optional<EnvelopeMeta> m = meta.ok() ? *meta : std::nullopt;
  const Reception reception = ReceptionOf(options.date_reception, m, FileDate(file));
  out.reception = {reception.date.ToIso(), ReceptionSourceKey(reception.source), m ? m->canal : "",
                   m ? m->lot_scan : "", m ? m->operateur : ""};
  EnvelopeDates d;
  d.received = reception.date;
  d.letters = options.today ? *options.today : (m && m->date_courrier ? *m->date_courrier : today);
  return d;
}

// Claims of the accepted feuilles and of the members' factures, then the
// letters.
void PriceAndWrite(Stages& stages, const fs::path& file, EnvelopeOutput& out, std::vector<ClaimResult>& claims) {
  const ProcessOptions& options = stages.options();
  store::Store& store = stages.store();
  const EnvelopeDates dates = DatesOf(file, options, stages.today(), out);
  const Date received = dates.received;
  stages.SetLetterDay(dates.letters);
  claims = PriceLotClaims(out.documents, out.lots, stages.pricer(), store, received);
  const auto factures = CheckFactures(out.documents, stages.justificatifs(), store, out.review);
  for (auto& c : PriceFactureClaims(out.documents, factures, stages.pricer(), store, received)) {
    claims.push_back(std::move(c));
  }
  for (const auto& c : claims) out.claims.push_back(ClaimResultToJson(c));
  const auto pieces = PieceRequestsOf(factures);
  const std::string envelope_key = EnvelopeKey(out.sha256);
  const auto renonciations =
      PrepareRenonciations(out.documents, store, envelope_key, received, dates.letters, out.review);
  LetterContext ctx{options.out_dir,   file.stem().string(), envelope_key,     received, dates.letters,
                    &stages.generator(), stages.outbox(),   stages.sender(), &store};
  out.letters = WriteLetters(ctx, out.documents, out.lots, claims, pieces, renonciations, out.review);
}

}  // namespace

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

Status RunEnvelopeChain(Stages& stages, const fs::path& file, EnvelopeOutput& out, std::vector<ClaimResult>& claims) {
  Status fatal = CheckLots(stages, out);
  PriceAndWrite(stages, file, out, claims);
  return fatal;
}

}  // namespace liasse::runner
