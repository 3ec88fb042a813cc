// `liasse ocr FILE... --out DIR`: decode, clean and recognise envelopes; per
// envelope a folder with one JSON per page (words, boxes, confidences,
// rotation, skew, timings), an hOCR file and a searchable PDF.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "commands.h"
#include "omp_env.h"
#include "liasse/ocr/ocr.h"

namespace liasse::cli {

namespace {

using nlohmann::json;

json BoxJson(const ocr::Box& b) { return {{"x", b.x}, {"y", b.y}, {"w", b.width}, {"h", b.height}}; }

json PageJson(const ocr::PageResult& r) {
  json blocks = json::array();
  for (const auto& block : r.blocks) {
    json lines = json::array();
    for (const auto& line : block.lines) {
      json words = json::array();
      for (const auto& w : line.words) {
        words.push_back({{"text", w.text}, {"box", BoxJson(w.box)}, {"confidence", w.confidence}});
      }
      lines.push_back({{"box", BoxJson(line.box)}, {"words", std::move(words)}});
    }
    blocks.push_back({{"box", BoxJson(block.box)}, {"lines", std::move(lines)}});
  }
  return {{"page", r.page_number},
          {"dpi", r.dpi},
          {"rotation_degrees", r.rotation_degrees},
          {"orientation_confidence", r.orientation_confidence},
          {"skew_degrees", r.skew_degrees},
          {"skew_confidence", r.skew_confidence},
          {"mean_confidence", r.mean_confidence},
          {"timings_ms",
           {{"orient", r.timings.orient_ms},
            {"deskew", r.timings.deskew_ms},
            {"clean", r.timings.clean_ms},
            {"recognise", r.timings.recognise_ms}}},
          {"text", r.text},
          {"blocks", std::move(blocks)}};
}

struct Envelope {
  std::filesystem::path file;
  std::size_t first = 0, count = 0;  // its pages in the batch
};

bool WriteEnvelope(const Envelope& env, std::vector<Result<ocr::PageResult>>& results,
                   const std::filesystem::path& out_dir) {
  const auto dir = out_dir / env.file.stem();
  std::filesystem::create_directories(dir);
  std::vector<ocr::PageResult> done;
  bool ok = true;
  for (std::size_t i = env.first; i < env.first + env.count; ++i) {
    auto& result = results[i];
    if (!result.ok()) {
      std::cerr << "liasse ocr: " << env.file.filename().string() << ": " << result.status().ToString() << "\n";
      ok = false;
      continue;
    }
    char name[32];
    std::snprintf(name, sizeof name, "page-%04d.json", result->page_number);
    std::ofstream(dir / name) << PageJson(*result).dump(2) << "\n";
    done.push_back(std::move(result).value());
  }
  std::ofstream(dir / (env.file.stem().string() + ".hocr")) << ocr::HocrDocument(done);
  if (Status s = ocr::WriteSearchablePdf(done, dir / (env.file.stem().string() + ".pdf")); !s.ok()) {
    std::cerr << "liasse ocr: " << s.ToString() << "\n";
    ok = false;
  }
  std::cout << env.file.string() << ": " << done.size() << " page(s) -> " << dir.string() << "\n";
  return ok;
}

// Decodes a chunk of envelopes, recognises all their pages together (pages
// and envelopes spread over the workers), writes each envelope's outputs.
// A file that cannot be decoded is reported and the others go on.
bool ProcessChunk(ocr::OcrPool& pool, const std::vector<std::string>& files, const std::filesystem::path& out_dir,
                  const ocr::DecodeLimits& limits) {
  bool ok = true;
  std::vector<ocr::PageImage> pages;
  std::vector<Envelope> envelopes;
  for (const auto& f : files) {
    auto decoded = ocr::DecodeFile(f, limits);
    if (!decoded.ok()) {
      std::cerr << "liasse ocr: " << decoded.status().ToString() << "\n";
      ok = false;
      continue;
    }
    envelopes.push_back({f, pages.size(), decoded->size()});
    for (auto& p : *decoded) pages.push_back(std::move(p));
  }
  auto results = pool.RecogniseAll(pages);
  pages.clear();
  for (const auto& env : envelopes) ok = WriteEnvelope(env, results, out_dir) && ok;
  return ok;
}

void AddOcrCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("ocr", "Lit des enveloppes numérisées (TIFF, PDF, PNG, JPEG) : JSON, hOCR, PDF cherchable");
  struct Args {
    std::vector<std::string> files;
    std::string out;
    int workers = 0;
    std::string tessdata;
    std::uint64_t max_pixels = ocr::DecodeLimits{}.max_pixels_per_page;
    int max_pages = ocr::DecodeLimits{}.max_pages;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("files", args->files, "Fichiers d'enveloppe")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out", args->out, "Dossier de sortie")->required();
  cmd->add_option("--workers", args->workers, "Moteurs OCR (défaut : un par cœur)");
  cmd->add_option("--tessdata", args->tessdata, "Dossier tessdata (défaut : celui de Tesseract)");
  cmd->add_option("--max-pixels", args->max_pixels, "Pixels au plus par page");
  cmd->add_option("--max-pages", args->max_pages, "Pages au plus par enveloppe");
  cmd->callback([args, &exit_code] {
    EnsureSingleThreadedOpenMp();
    ocr::OcrOptions options;
    options.tessdata_dir = args->tessdata;
    options.render_pdf_page = true;
    options.keep_cleaned_image = false;
    const int workers = args->workers > 0 ? args->workers : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    auto pool = ocr::OcrPool::Create(options, workers);
    if (!pool.ok()) {
      std::cerr << "liasse ocr: " << pool.status().ToString() << "\n";
      exit_code = 1;
      return;
    }
    ocr::DecodeLimits limits;
    limits.max_pixels_per_page = args->max_pixels;
    limits.max_pages = args->max_pages;
    bool all_ok = true;
    constexpr std::size_t kChunk = 16;  // envelopes decoded and held in memory at once
    for (std::size_t i = 0; i < args->files.size(); i += kChunk) {
      const auto end = std::min(args->files.size(), i + kChunk);
      const std::vector<std::string> chunk(args->files.begin() + static_cast<std::ptrdiff_t>(i),
                                           args->files.begin() + static_cast<std::ptrdiff_t>(end));
      all_ok = ProcessChunk(**pool, chunk, args->out, limits) && all_ok;
    }
    exit_code = all_ok ? 0 : 1;
  });
}

const CommandRegistration kRegistration(AddOcrCommand);

}  // namespace
}  // namespace liasse::cli
