// `liasse extract OCR_DIR... --out DIR [--envelopes DIR]`: the extraction
// dev loop without re-doing OCR. Reads the page JSONs `liasse ocr` wrote
// (one folder per envelope, or a folder of such folders), runs the
// extractors and writes the contract JSON per envelope. Ink checks have no
// raster here: those fields go to review (the `process` path fills ink).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "liasse/extractors/document_json.h"
#include "liasse/extractors/extract.h"
#include "liasse/runner/file_hash.h"
#include "ocr_pages_json.h"

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

extractors::Envelope MakeEnvelope(const fs::path& dir, const std::vector<extractors::OcrPage>& pages,
                                  const std::string& envelopes_dir) {
  extractors::Envelope env;
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
// OCR boxes refer to), extracted with poppler's pdfimages as PBM files and
// read into grey rasters. Pages stay without ink when anything fails.
void FillInkFromPdf(const fs::path& dir, std::vector<extractors::OcrPage>& pages) {
  const fs::path pdf = dir / (dir.filename().string() + ".pdf");
  if (!fs::exists(pdf)) return;
  const fs::path tmp = fs::temp_directory_path() / ("liasse-extract-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  const std::string cmd = "pdfimages '" + pdf.string() + "' '" + (tmp / "p").string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) == 0) {
    for (size_t i = 0; i < pages.size(); ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "p-%03zu.pbm", i);
      std::ifstream in(tmp / name, std::ios::binary);
      std::string magic;
      int w = 0, h = 0;
      in >> magic >> w >> h;
      in.get();
      if (magic != "P4" || w <= 0 || h <= 0) continue;
      const size_t row_bytes = (static_cast<size_t>(w) + 7) / 8;
      std::vector<unsigned char> bits(row_bytes * static_cast<size_t>(h));
      in.read(reinterpret_cast<char*>(bits.data()), static_cast<std::streamsize>(bits.size()));
      if (!in) continue;
      auto& ink = pages[i].ink;
      ink.width = w;
      ink.height = h;
      ink.pixels.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 255);
      for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
          const unsigned char byte = bits[static_cast<size_t>(y) * row_bytes + static_cast<size_t>(x) / 8];
          if (byte & (0x80 >> (x % 8))) ink.pixels[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] = 0;
        }
      }
    }
  }
  fs::remove_all(tmp);
}

// Rotation and skew are not in OcrPage: read them from the page JSON again.
void FillPageGeometry(const fs::path& dir, extractors::Envelope& env) {
  for (auto& page : env.pages) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%04d.json", page.index + 1);
    std::ifstream in(dir / name);
    try {
      const auto j = nlohmann::json::parse(in);
      page.rotation = j.value("rotation_degrees", 0);
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
    bool ink_from_pdf = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("dirs", args->dirs, "Dossiers OCR (un par enveloppe, ou leur dossier parent)")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--out", args->out, "Dossier de sortie")->required();
  cmd->add_option("--envelopes", args->envelopes, "Dossier des enveloppes numérisées (source, sha256)");
  cmd->add_flag("--ink-from-pdf", args->ink_from_pdf,
                "Lit l'encre (signatures, cases, ratures) dans les images du PDF cherchable de `liasse ocr` (pdfimages)");
  cmd->callback([args, &exit_code] {
    fs::create_directories(args->out);
    bool all_ok = true;
    double extract_seconds = 0;
    int page_count = 0;
    for (const auto& dir : EnvelopeDirs(args->dirs)) {
      auto pages = ReadOcrEnvelopeDir(dir);
      if (!pages.ok()) {
        std::cerr << "liasse extract: " << pages.status().ToString() << "\n";
        all_ok = false;
        continue;
      }
      if (args->ink_from_pdf) FillInkFromPdf(dir, *pages);
      const auto start = std::chrono::steady_clock::now();
      auto documents = extractors::ExtractDocuments(*pages, nullptr);
      extract_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      page_count += static_cast<int>(pages->size());
      extractors::Envelope env = MakeEnvelope(dir, *pages, args->envelopes);
      FillPageGeometry(dir, env);
      env.documents = std::move(documents);
      std::ofstream(fs::path(args->out) / (dir.filename().string() + ".json")) << extractors::EnvelopeToJson(env) << "\n";
    }
    std::cout << "extraction : " << page_count << " page(s) en " << extract_seconds << " s";
    if (extract_seconds > 0) std::cout << " (" << page_count / extract_seconds << " pages/s)";
    std::cout << "\n";
    exit_code = all_ok ? 0 : 1;
  });
}

const CommandRegistration kRegistration(AddExtractCommand);

}  // namespace
}  // namespace liasse::cli
