// `liasse extract OCR_DIR... --out DIR [--envelopes DIR] [--ink-from-pdf]
// [--reread]`: the extraction dev loop without re-doing OCR. Reads the page
// JSONs `liasse ocr` wrote (one folder per envelope, or a folder of such
// folders), runs the extractors and writes the contract JSON per envelope.
// The cleaned page images the boxes refer to are in the envelope's
// searchable PDF (lossless 1-bit): with --ink-from-pdf they feed the ink
// checks, with --reread a Tesseract engine re-reads regions on them, as
// `liasse process` does on the cleaned page it keeps. Without them, ink
// fields go to review and nothing is re-read.
#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "liasse/runner/region_reread.h"
#include "liasse/core/document_json.h"
#include "liasse/extractors/extract.h"
#include "liasse/ocr/ocr.h"
#include "liasse/ocr/page_image.h"
#include "liasse/runner/file_hash.h"
#include "ocr_pages_json.h"
#include "omp_env.h"

namespace liasse::cli {

namespace {

namespace fs = std::filesystem;

bool HasPageJson(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    if (n.starts_with("page-") && n.ends_with(".json")) return true;
  }
  return false;
}

// The envelope folders named on the command line: each argument is one, or
// a folder whose sub-folders are (name order).
std::vector<fs::path> EnvelopeDirs(const std::vector<std::string>& args) {
  std::vector<fs::path> out;
  for (const auto& a : args) {
    if (HasPageJson(a)) {
      out.emplace_back(a);
      continue;
    }
    std::vector<fs::path> subs;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(a, ec)) {
      if (e.is_directory() && HasPageJson(e.path())) subs.push_back(e.path());
    }
    std::sort(subs.begin(), subs.end());
    out.insert(out.end(), subs.begin(), subs.end());
  }
  return out;
}

// The scanned file of envelope `stem` in `dir` (any extension), or empty.
fs::path FindSource(const fs::path& dir, const std::string& stem) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().stem() == stem && e.path().extension() != ".json") return e.path();
  }
  return {};
}

Envelope MakeEnvelope(const fs::path& dir, const std::vector<extractors::OcrPage>& pages,
                                  const std::string& envelopes_dir) {
  Envelope env;
  const std::string stem = dir.filename().string();
  env.source = stem;
  if (!envelopes_dir.empty()) {
    const fs::path src = FindSource(envelopes_dir, stem);
    if (!src.empty()) {
      env.source = src.filename().string();
      if (auto sha = runner::Sha256OfFile(src); sha.ok()) env.sha256 = sha.value();
    }
  }
  env.searchable_pdf = stem + "/" + stem + ".pdf";
  for (const auto& p : pages) env.pages.push_back({p.index, 0, 0.0, p.mean_confidence});
  return env;
}

// The page images of the envelope's searchable PDF (the cleaned images the
// OCR boxes refer to, stored losslessly), or an empty vector when the PDF is
// missing, unreadable or holds another number of pages. The pages take the
// images' true size (the page JSON does not store it).
std::vector<ocr::PageImage> CleanedPagesFromPdf(const fs::path& dir, std::vector<extractors::OcrPage>& pages) {
  const fs::path pdf = dir / (dir.filename().string() + ".pdf");
  if (!fs::exists(pdf)) return {};
  auto decoded = ocr::DecodeFile(pdf);
  if (!decoded.ok() || decoded->size() != pages.size()) return {};
  for (size_t i = 0; i < pages.size(); ++i) {
    pages[i].width = (*decoded)[i].width();
    pages[i].height = (*decoded)[i].height();
  }
  return std::move(decoded.value());
}

void FillInk(const std::vector<ocr::PageImage>& images, std::vector<extractors::OcrPage>& pages) {
  for (size_t i = 0; i < images.size() && i < pages.size(); ++i) {
    auto grey = ocr::ToGreyPixels(images[i]);
    if (!grey.ok()) continue;
    pages[i].ink.width = grey->width;
    pages[i].ink.height = grey->height;
    pages[i].ink.pixels = std::move(grey->pixels);
  }
}

// Region re-reads on the page images of one envelope with one engine.
// Borrows both; single thread.
class PdfRegionReader : public extractors::RegionReader {
 public:
  PdfRegionReader(ocr::OcrEngine& engine, const std::vector<ocr::PageImage>& images) : engine_(engine), images_(images) {}
  Result<extractors::RegionText> Reread(int page_index, const Box& box, extractors::RegionKind kind) override {
    if (page_index < 0 || static_cast<size_t>(page_index) >= images_.size()) {
      return Status::InvalidArgument("page " + std::to_string(page_index) + " inconnue");
    }
    ++count_;
    return runner::RereadRegion(engine_, images_[static_cast<size_t>(page_index)], box, kind);
  }
  int count() const { return count_; }

 private:
  ocr::OcrEngine& engine_;
  const std::vector<ocr::PageImage>& images_;
  int count_ = 0;
};

// Rotation and skew are not in OcrPage: read them from the page JSON again.
void FillPageGeometry(const fs::path& dir, Envelope& env) {
  for (auto& page : env.pages) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%04d.json", page.index + 1);
    std::ifstream in(dir / name);
    try {
      const auto j = nlohmann::json::parse(in);
      page.rotation = ocr::ScannedRotationDegrees(j.value("rotation_degrees", 0));
      page.skew_deg = j.value("skew_degrees", 0.0);
    } catch (const nlohmann::json::exception&) {
      // Kept at 0: geometry is informative only.
    }
  }
}

void AddExtractCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("extract", "Extrait les documents de pages déjà lues par `liasse ocr` (JSON du contrat)");
  struct Args {
    std::vector<std::string> dirs;
    std::string out;
    std::string envelopes;
    std::string data;
    bool ink_from_pdf = false;
    bool reread = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("dirs", args->dirs, "Dossiers OCR (un par enveloppe, ou leur dossier parent)")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--out", args->out, "Dossier de sortie")->required();
  cmd->add_option("--envelopes", args->envelopes, "Dossier des enveloppes numérisées (source, sha256)");
  cmd->add_option("--data", args->data, "Dossier de données (forms/ : connaissance des formulaires) ; défaut : celui de la compilation");
  cmd->add_flag("--ink-from-pdf", args->ink_from_pdf,
                "Lit l'encre (signatures, cases, ratures) dans les images du PDF cherchable de `liasse ocr`");
  cmd->add_flag("--reread", args->reread,
                "Relit les zones douteuses avec Tesseract sur les images du PDF cherchable (comme `liasse process`)");
  cmd->callback([args, &exit_code] {
    extractors::ExtractionOptions options;
    options.data_dir = args->data;
    if (Status forms = extractors::CheckFormData(args->data); !forms.ok()) {
      std::cerr << "liasse extract: " << forms.ToString() << "\n";
      exit_code = 1;
      return;
    }
    std::unique_ptr<ocr::OcrEngine> engine;
    if (args->reread) {
      EnsureSingleThreadedOpenMp();
      auto made = ocr::OcrEngine::Create(ocr::OcrOptions{});
      if (!made.ok()) {
        std::cerr << "liasse extract: " << made.status().ToString() << "\n";
        exit_code = 1;
        return;
      }
      engine = std::move(made.value());
    }
    fs::create_directories(args->out);
    bool all_ok = true;
    double extract_seconds = 0;
    int page_count = 0;
    int rereads = 0;
    for (const auto& dir : EnvelopeDirs(args->dirs)) {
      auto pages = ReadOcrEnvelopeDir(dir);
      if (!pages.ok()) {
        std::cerr << "liasse extract: " << pages.status().ToString() << "\n";
        all_ok = false;
        continue;
      }
      std::vector<ocr::PageImage> images;
      if (args->ink_from_pdf || args->reread) images = CleanedPagesFromPdf(dir, *pages);
      if (args->ink_from_pdf) FillInk(images, *pages);
      std::optional<PdfRegionReader> reader;
      if (engine && !images.empty()) reader.emplace(*engine, images);
      const auto start = std::chrono::steady_clock::now();
      auto documents = extractors::ExtractDocuments(*pages, reader ? &*reader : nullptr, options);
      extract_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (reader) rereads += reader->count();
      page_count += static_cast<int>(pages->size());
      Envelope env = MakeEnvelope(dir, *pages, args->envelopes);
      FillPageGeometry(dir, env);
      env.documents = std::move(documents);
      std::ofstream(fs::path(args->out) / (dir.filename().string() + ".json")) << EnvelopeToJson(env) << "\n";
    }
    std::cout << "extraction : " << page_count << " page(s) en " << extract_seconds << " s";
    if (extract_seconds > 0) std::cout << " (" << page_count / extract_seconds << " pages/s)";
    if (args->reread) std::cout << ", " << rereads << " relecture(s) de zone";
    std::cout << "\n";
    exit_code = all_ok ? 0 : 1;
  });
}

const CommandRegistration kRegistration(AddExtractCommand);

}  // namespace
}  // namespace liasse::cli
