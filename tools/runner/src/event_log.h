// The structured log of `liasse process` / `watch` / `reprocess`: one JSON
// object per line in DIR/liasse.log.jsonl (spdlog file sink), one line per
// batch start, envelope and batch end, for operators' log collectors. It
// never holds a NIR, an IBAN, an e-mail address or a person's name: only
// file names, hashes, counts, document types, lot numbers, anomaly codes,
// amounts in cents and timings, and free text (error messages) passes
// through Redact first. Internal to the runner.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "liasse/core/clock.h"
#include "liasse/core/status.h"

namespace spdlog {
class logger;
}

namespace liasse::runner {

struct EnvelopeOutput;
struct ProcessSummary;

// `text` with every run of nine or more digits (NIR, IBAN, numéro de
// sécurité sociale, account numbers; spaces inside allowed), every IBAN
// and every e-mail address replaced by "‹masqué›".
std::string Redact(std::string_view text);

class EventLog {
 public:
  // Appends to DIR/liasse.log.jsonl (created when missing), each line
  // stamped by `clock` (borrowed, must outlive the log). kIoError when the
  // file cannot be opened.
  static Result<std::unique_ptr<EventLog>> Open(const std::filesystem::path& out_dir, const Clock& clock);
  ~EventLog();

  void BatchStart(int envelopes, int workers);
  void Envelope(const EnvelopeOutput& out, bool from_ocr_cache, double seconds_since_start);
  void BatchEnd(const ProcessSummary& summary);

 private:
  EventLog(std::shared_ptr<spdlog::logger> logger, const Clock& clock) : logger_(std::move(logger)), clock_(clock) {}
  void Write(std::string_view json_line);
  std::shared_ptr<spdlog::logger> logger_;
  const Clock& clock_;
};

}  // namespace liasse::runner
