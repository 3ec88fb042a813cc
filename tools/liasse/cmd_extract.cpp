// `liasse extract OCR_DIR... --out DIR [--envelopes DIR]`: the extraction
// dev loop without re-doing OCR. Reads the page JSONs `liasse ocr` wrote
// (one folder per envelope, or a folder of such folders), runs the
// extractors and writes the contract JSON per envelope. Ink checks have no
// raster here: those fields go to review (the `process` path fills ink).
#include <chrono>
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
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("dirs", args->dirs, "Dossiers OCR (un par enveloppe, ou leur dossier parent)")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--out", args->out, "Dossier de sortie")->required();
  cmd->add_option("--envelopes", args->envelopes, "Dossier des enveloppes numérisées (source, sha256)");
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
