// Synthetic scanned claim envelopes with exact ground truth (issue #3).
//
// Each envelope is one file (multi-page TIFF, image-only PDF, or a PNG/JPEG
// page) plus `<name>.truth.json` in the result contract's shape
// (docs/results.md) with, per page, the exact text printed, the
// rotation, the skew and the scanner degradations applied. The same seed,
// options and Liasse version give byte-identical files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::synth {

// Envelope kinds: lot (B2 lot: bordereau + feuilles de soins + prescriptions),
// mailroom (stack of unrelated documents), reclamation, renonciation,
// optique, dentaire, hospitalisation, medecine_douce, pharmacie, corrupt.
const std::vector<std::string>& EnvelopeKinds();
// The B2 lot anomaly codes the generator can inject (same codes as the rules).
const std::vector<std::string>& LotDefectCodes();

// The compile-time data directory (CMake LIASSE_DATA_DIR).
std::filesystem::path DefaultDataDir();

struct SynthOptions {
  uint64_t seed = 1;
  int count = 10;
  std::filesystem::path out_dir;
  std::filesystem::path data_dir;      // holds synth/*.toml; usually LIASSE_DATA_DIR
  std::vector<std::string> kinds;      // empty: a realistic mix of all kinds but corrupt
  std::vector<std::string> defects;    // lot anomalies to inject (each lot gets them); empty: random
  double defect_rate = 0.5;            // share of lots with random defects when `defects` is empty
  int dpi = 0;                         // 200, 300 or 400; 0: a mix (mostly 300), fax pages 200
  int jobs = 2;                        // worker threads; the output does not depend on it
  // Layout families drawn (data/synth/families.toml; 0: the historical
  // drawing); empty: every family, each document drawing its own. {0}
  // reproduces the corpora made before families existed.
  std::vector<int> families;
};

struct SynthSummary {
  int envelopes = 0;
  int pages = 0;
  int members = 0;
  std::vector<std::string> files;  // envelope file names, in index order
};

// Writes `count` envelopes named env_NNNN_<kind>.<ext> with their truth, and
// members.csv (every member the envelopes name). Fails on unreadable data
// files, an unknown kind or defect code, or an unwritable directory.
// Thread-safe; runs `jobs` threads itself.
Result<SynthSummary> Generate(const SynthOptions& options);

// Writes the committed sample set (samples/README.md lists it; family 0 only): four B2 lots
// (two clean, two with defects), a mailroom stack, a réclamation, a
// renonciation, an optique and a dental claim, a corrupt file, members.csv.
Result<SynthSummary> GenerateSamples(const std::filesystem::path& out_dir, const std::filesystem::path& data_dir,
                                     uint64_t seed);

}  // namespace liasse::synth
