#include "liasse/runner/process.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "liasse/runner/envelope_source.h"
#include "liasse/runner/file_hash.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// Writes `content` to `path` through a temporary file and a rename, so a
// reader never sees half a result.
Status WriteFileAtomically(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp.string() + ": cannot open for writing");
    out << content;
    if (!out.flush()) return Status::IoError(tmp.string() + ": write failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IoError(path.string() + ": " + ec.message());
  return Status::Ok();
}

Result<std::string> ReadPrefix(const fs::path& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": cannot open for reading");
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// Why an envelope cannot be read at all, or ok.
Status CheckReadable(const fs::path& path) {
  auto prefix = ReadPrefix(path, 16);
  if (!prefix.ok()) return prefix.status();
  if (prefix->empty()) return Status::Corrupt(path.filename().string() + ": fichier vide (0 octet)");
  if (SniffFormat(*prefix) == EnvelopeFormat::kUnknown) {
    return Status::Corrupt(path.filename().string() + ": format non reconnu (ni TIFF, ni PDF, ni PNG, ni JPEG)");
  }
  return Status::Ok();
}

ordered_json EnvelopeSkeleton(const fs::path& path) {
  ordered_json j;
  j["schema"] = "liasse.result/1";
  j["source"] = path.filename().string();
  j["sha256"] = nullptr;
  j["error"] = nullptr;
  j["searchable_pdf"] = nullptr;
  j["pages"] = ordered_json::array();
  j["documents"] = ordered_json::array();
  j["lots"] = ordered_json::array();
  j["claims"] = ordered_json::array();
  j["letters"] = ordered_json::array();
  return j;
}

Status Quarantine(const fs::path& envelope, const fs::path& out_dir) {
  std::error_code ec;
  const fs::path dir = out_dir / "quarantine";
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(dir.string() + ": " + ec.message());
  fs::copy_file(envelope, dir / envelope.filename(), fs::copy_options::overwrite_existing, ec);
  if (ec) return Status::IoError((dir / envelope.filename()).string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace

Result<ProcessSummary> RunProcess(const ProcessOptions& options) {
  auto envelopes = ListEnvelopes(options.inputs);
  if (!envelopes.ok()) return envelopes.status();
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError(options.out_dir.string() + ": " + ec.message());

  ProcessSummary summary;
  for (const fs::path& envelope : *envelopes) {
    ++summary.envelopes;
    ordered_json result = EnvelopeSkeleton(envelope);
    auto hash = Sha256OfFile(envelope);
    if (hash.ok()) result["sha256"] = *hash;
    Status readable = hash.ok() ? CheckReadable(envelope) : hash.status();
    if (!readable.ok()) {
      ++summary.unreadable;
      result["error"] = readable.message();
      if (Status q = Quarantine(envelope, options.out_dir); !q.ok()) return q;
      summary.messages.push_back(envelope.filename().string() + ": quarantaine — " + readable.message());
    } else {
      // The OCR, extraction, rules and pricing stages plug in here (issues 4–10).
      summary.messages.push_back(envelope.filename().string() + ": lisible, en attente de l'étape OCR");
    }
    const fs::path json_path = options.out_dir / (envelope.stem().string() + ".json");
    if (Status w = WriteFileAtomically(json_path, result.dump(2) + "\n"); !w.ok()) return w;
  }
  return summary;
}

}  // namespace liasse::runner
