#include "liasse/extractors/extract.h"

#include "classify.h"
#include "doc_reader.h"
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
    case DocumentType::kAutre: return;
  }
}

void AddFlag(Document& d, const std::string& field, std::optional<int> line, const std::string& reason) {
  for (const auto& f : d.review) {
    if (f.field == field && f.line == line) return;
  }
  d.review.push_back({field, line, reason});
}

// Bordereau line ↔ feuille de soins: the same invoice number and total.
// A disagreement is either a misreading or an anomaly of the lot: flagged
// on both sides, never resolved by picking one.
void CrossCheckLot(std::vector<Document>& docs) {
  for (auto& b : docs) {
    if (b.type != DocumentType::kBordereau) continue;
    for (auto& f : docs) {
      if (f.type != DocumentType::kFeuilleDeSoins) continue;
      const std::string* numero = f.Text("numero_facture");
      if (numero == nullptr) continue;
      const Line* line = nullptr;
      int index = 0;
      for (size_t i = 0; i < b.lines.size(); ++i) {
        const std::string* n = b.lines[i].Find("numero_facture");
        if (n && *n == *numero) {
          line = &b.lines[i];
          index = static_cast<int>(i);
        }
      }
      if (line == nullptr) {
        AddFlag(f, "numero_facture", std::nullopt, "facture absente du bordereau du lot : à vérifier");
        continue;
      }
      const std::string* total = f.Text("montant_total");
      const std::string* line_total = line->Find("montant_total");
      if (total && line_total && *total != *line_total) {
        AddFlag(f, "montant_total", std::nullopt, "montant différent de celui du bordereau : à vérifier");
        AddFlag(b, "montant_total", index, "montant différent de celui de la feuille de soins : à vérifier");
      }
    }
  }
}

std::filesystem::path DataDir(const ExtractionOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  return LIASSE_DATA_DIR;
}

}  // namespace

std::vector<Document> ExtractDocuments(const std::vector<OcrPage>& pages, RegionReader* reader,
                                       const ExtractionOptions& options) {
  std::vector<internal::PageView> views;
  views.reserve(pages.size());
  std::vector<internal::PageClass> classes;
  for (const auto& p : pages) {
    views.emplace_back(p);
    classes.push_back(internal::ClassifyPage(views.back()));
  }
  const internal::ReadContext ctx{&options, reader, &internal::DefaultTariffs(DataDir(options))};
  std::vector<Document> documents;
  for (const auto& group : internal::SplitDocuments(classes)) {
    Document doc;
    doc.type = group.type;
    doc.confidence = group.confidence;
    for (int i : group.pages) doc.pages.push_back(pages[static_cast<size_t>(i)].index);
    DocReader r(doc, ctx);
    if (group.type == DocumentType::kAutre) {
      r.SetPage(&views[static_cast<size_t>(group.pages.front())]);
      r.Review("type", "type de document non reconnu : à classer");
    }
    for (int i : group.pages) {
      r.SetPage(&views[static_cast<size_t>(i)]);
      ReadPage(group.type, r);
    }
    if (doc.confidence < options.review_below_confidence && group.type != DocumentType::kAutre) {
      r.Review("type", "type de document incertain : à confirmer");
    }
    r.FlagMissing(internal::Catalogue(group.type));
    documents.push_back(std::move(doc));
  }
  CrossCheckLot(documents);
  internal::LinkPrescriptionDates(documents);
  return documents;
}

}  // namespace liasse::extractors
