#include "envelope_chain.h"

#include "facture_claims.h"
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

// The lot verdicts, then the prescriptions each lot carries remembered for
// the next lots. Returns the first store failure.
Status CheckLots(Stages& stages, EnvelopeOutput& out) {
  LIASSE_ASSIGN_OR_RETURN(auto lots, rules::CheckLots(out.documents, stages.lot_rules(), stages.prescriptions()));
  Status first = Status::Ok();
  for (const auto& lot : rules::AssembleLots(out.documents)) {
    Status s = rules::RememberPrescriptions(out.documents, lot, stages.prescriptions());
    if (!s.ok() && first.ok()) first = s;
  }
  out.lots = std::move(lots);
  return first;
}

// Claims of the accepted feuilles and of the members' factures, then the
// letters.
void PriceAndWrite(Stages& stages, const fs::path& file, EnvelopeOutput& out, std::vector<ClaimResult>& claims) {
  const ProcessOptions& options = stages.options();
  store::Store& store = stages.store();
  const Date received = ReceptionDate(options, file);
  claims = PriceLotClaims(out.documents, out.lots, stages.pricer(), store, received);
  const auto factures = CheckFactures(out.documents, stages.justificatifs(), store, out.review);
  for (auto& c : PriceFactureClaims(out.documents, factures, stages.pricer(), store, received)) {
    claims.push_back(std::move(c));
  }
  for (const auto& c : claims) out.claims.push_back(ClaimResultToJson(c));
  const auto pieces = PieceRequestsOf(factures);
  const auto renonciations =
      PrepareRenonciations(out.documents, store, file.stem().string(), received, stages.today(), out.review);
  LetterContext ctx{options.out_dir, file.stem().string(), received,        stages.today(), &stages.generator(),
                    stages.outbox(),  stages.sender(),      &stages.env()};
  out.letters = WriteLetters(ctx, out.documents, out.lots, claims, pieces, renonciations, out.review);
}

}  // namespace

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

Status RunEnvelopeChain(Stages& stages, const fs::path& file, EnvelopeOutput& out, std::vector<ClaimResult>& claims) {
  Status fatal = CheckLots(stages, out);
  PriceAndWrite(stages, file, out, claims);
  return fatal;
}

}  // namespace liasse::runner
