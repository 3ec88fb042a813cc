// bench-ocr-geometry: orientation and residual skew of the OCR stage against
// the truth of `liasse synth` envelopes, without recognition (orient, deskew
// and clean only), so many pages can be checked quickly.
//
//   bench-ocr-geometry SYNTH_DIR [--workers N]
//
// Truth conventions (liasse synth): `rotation` is how far the page was
// turned clockwise, `skew_deg` positive counter-clockwise, pages 0-based.
// Liasse reports the clockwise turn it applied and the skew it corrected
// (positive counter-clockwise), so the page is upright when the two
// rotations add up to 0 mod 360, and the residual skew is the difference.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "liasse/ocr/ocr.h"

namespace {

using nlohmann::json;
using namespace liasse;

struct PageCheck {
  std::string name;
  int truth_rotation = 0, rotation = 0;
  double truth_skew = 0, skew = 0;
  float orientation_confidence = 0;
  double Residual() const { return std::abs(skew - truth_skew); }
  bool Upright() const { return (rotation + truth_rotation) % 360 == 0; }
};

int Run(const std::filesystem::path& dir, int workers) {
  ocr::OcrOptions options;
  options.recognise = false;
  options.keep_cleaned_image = false;
  options.produce_hocr = false;
  auto pool = ocr::OcrPool::Create(options, workers);
  if (!pool.ok()) {
    std::cerr << pool.status().ToString() << "\n";
    return 1;
  }
  std::vector<std::filesystem::path> truths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().string().ends_with(".truth.json")) truths.push_back(e.path());
  }
  std::sort(truths.begin(), truths.end());
  std::vector<PageCheck> checks;
  for (const auto& t : truths) {
    const json truth = json::parse(std::ifstream(t));
    if (!truth["error"].is_null() || truth["pages"].empty()) continue;
    const auto file = dir / truth["source"].get<std::string>();
    auto pages = ocr::DecodeFile(file);
    if (!pages.ok()) {
      std::cerr << pages.status().ToString() << "\n";
      return 1;
    }
    auto results = (*pool)->RecogniseAll(*pages);
    for (std::size_t i = 0; i < results.size() && i < truth["pages"].size(); ++i) {
      if (!results[i].ok()) {
        std::cerr << file.filename().string() << ": " << results[i].status().ToString() << "\n";
        return 1;
      }
      const json& tp = truth["pages"][i];
      checks.push_back({file.filename().string() + " p" + std::to_string(tp["index"].get<int>()),
                        tp["rotation"].get<int>(), results[i]->rotation_degrees, tp["skew_deg"].get<double>(),
                        results[i]->skew_degrees, results[i]->orientation_confidence});
    }
  }
  if (checks.empty()) {
    std::cerr << "no page with truth in " << dir << "\n";
    return 1;
  }
  int rotated = 0, upright_rotated = 0, upright_all = 0, within02 = 0, within05 = 0;
  std::vector<double> residuals;
  for (const auto& c : checks) {
    if (c.truth_rotation != 0) {
      ++rotated;
      upright_rotated += c.Upright();
    }
    upright_all += c.Upright();
    within02 += c.Residual() <= 0.2;
    within05 += c.Residual() <= 0.5;
    residuals.push_back(c.Residual());
    if (!c.Upright() || c.Residual() > 0.2) {
      std::printf("  miss: %-34s truth rot %3d skew %6.2f | liasse rot %3d (conf %.1f) skew %7.3f\n", c.name.c_str(),
                  c.truth_rotation, c.truth_skew, c.rotation, c.orientation_confidence, c.skew);
    }
  }
  std::sort(residuals.begin(), residuals.end());
  const auto n = static_cast<int>(checks.size());
  std::printf("pages: %d (%d rotated)\n", n, rotated);
  std::printf("orientation right on %d/%d rotated pages (%.1f %%), %d/%d of all pages\n", upright_rotated, rotated,
              rotated ? 100.0 * upright_rotated / rotated : 100.0, upright_all, n);
  std::printf("residual skew <= 0.2 deg on %d/%d pages (%.1f %%), <= 0.5 deg on %d/%d (%.1f %%); "
              "median %.3f, max %.3f deg\n",
              within02, n, 100.0 * within02 / n, within05, n, 100.0 * within05 / n, residuals[residuals.size() / 2],
              residuals.back());
  const bool pass = upright_rotated == rotated && within02 * 100 >= 95 * n && within05 == n;
  std::printf("targets (100 %% upright, 95 %% <= 0.2 deg, all <= 0.5 deg): %s\n", pass ? "met" : "NOT met");
  return pass ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench-ocr-geometry SYNTH_DIR [--workers N]\n";
    return 2;
  }
  int workers = 2;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--workers") workers = std::atoi(argv[i + 1]);
  }
  return Run(argv[1], workers);
}
