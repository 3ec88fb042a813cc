#include "liasse/extractors/extract.h"

#include "care_dates.h"
#include "classify.h"
#include "doc_reader.h"
#include "envelope_names.h"
#include "envelope_witnesses.h"
#include "form_fields.h"
#include "forms.h"
#include "lot_reconcile.h"
#include "page_view.h"
#include "prescription_link.h"
#include "tariffs.h"

namespace liasse::extractors {

namespace {

using internal::DocReader;

void ReadPage(DocumentType type, DocReader& r) {
  switch (type) {
    case DocumentType::kBordereau: return internal::ReadBordereau(r);
    case DocumentType::kFeuilleDeSoins: return internal::ReadFeuilleDeSoins(r);
    case DocumentType::kPrescription: return internal::ReadPrescription(r);
    case DocumentType::kEntentePrealable: return internal::ReadEntentePrealable(r);
    case DocumentType::kFacture: return internal::ReadFacture(r);
    case DocumentType::kDevis: return internal::ReadDevis(r);
    case DocumentType::kDecompteRo: return internal::ReadDecompteRo(r);
    case DocumentType::kAttestationDroits: return internal::ReadAttestationDroits(r);
    case DocumentType::kReclamation: return internal::ReadReclamation(r);
    case DocumentType::kRenonciation: return internal::ReadRenonciation(r);
    case DocumentType::kCouponEmail:  // every field is read from data/forms
    case DocumentType::kAutre: return;
  }
}

std::filesystem::path DataDir(const ExtractionOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  return LIASSE_DATA_DIR;
}

}  // namespace

Status CheckFormData(const std::filesystem::path& data_dir) {
  ExtractionOptions options;
  options.data_dir = data_dir;
  return internal::DefaultForms(DataDir(options)).status();
}

std::vector<Document> ExtractDocuments(const std::vector<OcrPage>& pages, RegionReader* reader,
                                       const ExtractionOptions& options) {
  const auto& loaded = internal::DefaultForms(DataDir(options));
  const internal::FormCatalogue* forms = loaded.ok() ? &loaded.value() : nullptr;
  std::vector<internal::PageView> views;
  views.reserve(pages.size());
  std::vector<internal::PageClass> classes;
  for (const auto& p : pages) {
    views.emplace_back(p);
    classes.push_back(internal::ClassifyPage(views.back(), forms));
  }
  const internal::ReadContext ctx{&options, reader, &internal::DefaultTariffs(DataDir(options))};
  std::vector<Document> documents;
  for (const auto& group : internal::SplitDocuments(classes)) {
    Document doc;
    doc.type = group.type;
    doc.confidence = group.confidence;
    for (int i : group.pages) doc.pages.push_back(pages[static_cast<size_t>(i)].index);
    DocReader r(doc, ctx);
    r.SetForm(forms != nullptr ? forms->Of(group.type) : nullptr);
    if (group.type == DocumentType::kAutre) {
      r.SetPage(&views[static_cast<size_t>(group.pages.front())]);
      r.Review("type", loaded.ok() ? "type de document non reconnu : à classer"
                                   : "connaissance des formulaires illisible (" + loaded.status().message() + ") : à classer");
    }
    for (int i : group.pages) {
      r.SetPage(&views[static_cast<size_t>(i)]);
      internal::ReadFormFields(r);
      ReadPage(group.type, r);
    }
    if (doc.confidence < options.review_below_confidence && group.type != DocumentType::kAutre) {
      r.Review("type", "type de document incertain : à confirmer");
    }
    r.FlagMissing(fields::Catalogue(group.type));
    internal::FlagDatesLongBeforeTheCare(doc, forms != nullptr ? forms->Of(group.type) : nullptr);
    documents.push_back(std::move(doc));
  }
  internal::ReconcileLot(documents, forms);
  internal::LinkPrescriptionDates(documents);
  internal::SettleNamesInCapitals(documents);
  internal::ConfirmByOtherPrintings(documents);
  // Once the readings' doubts are settled: a sure printing settles a role.
  internal::SettleRolesOfNames(documents);
  internal::FlagNearlyAlikePrintings(documents);
  return documents;
}

}  // namespace liasse::extractors
