#include "event_log.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "envelope_output.h"
#include "liasse/core/document.h"
#include "liasse/runner/process.h"

namespace liasse::runner {
namespace {

using nlohmann::ordered_json;

std::string Now(const Clock& clock) {
  const auto now = clock.Now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

std::string Redact(std::string_view text) {
  // E-mail addresses, IBANs (two letters, two check digits, then groups),
  // then any run of nine digits or more, spaces or dots allowed inside.
  static const std::regex kEmail(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  static const std::regex kIban(R"(\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b)");
  static const std::regex kDigits(R"([0-9](?:[ .]?[0-9]){8,})");
  std::string out = std::regex_replace(std::string(text), kEmail, "‹masqué›");
  out = std::regex_replace(out, kIban, "‹masqué›");
  return std::regex_replace(out, kDigits, "‹masqué›");
}

Result<std::unique_ptr<EventLog>> EventLog::Open(const std::filesystem::path& out_dir, const Clock& clock) {
  // One logger per open log: spdlog's registry is not used, so two
  // processors in one program (tests) do not collide on a name.
  static std::atomic<int> serial{0};
  try {
    auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>((out_dir / "liasse.log.jsonl").string(), false);
    auto logger = std::make_shared<spdlog::logger>("liasse-" + std::to_string(serial++), std::move(sink));
    logger->set_pattern("%v");
    logger->flush_on(spdlog::level::info);
    return std::unique_ptr<EventLog>(new EventLog(std::move(logger), clock));
  } catch (const spdlog::spdlog_ex& e) {
    return Status::IoError((out_dir / "liasse.log.jsonl").string() + " : " + e.what());
  }
}

EventLog::~EventLog() = default;

void EventLog::Write(std::string_view json_line) { logger_->info("{}", json_line); }

void EventLog::BatchStart(int envelopes, int workers) {
  ordered_json j{{"time", Now(clock_)}, {"event", "batch_start"}, {"envelopes", envelopes}, {"workers", workers}};
  Write(j.dump());
}

void EventLog::Envelope(const EnvelopeOutput& out, bool from_ocr_cache, double seconds_since_start) {
  ordered_json j{{"time", Now(clock_)}, {"event", "envelope"}, {"source", Redact(out.source)},
                 {"sha256", out.sha256.substr(0, 16)}};
  if (out.error) {
    j["outcome"] = "quarantine";
    j["error"] = Redact(*out.error);
  } else {
    j["outcome"] = "done";
  }
  j["pages"] = out.pages.size();
  j["from_ocr_cache"] = from_ocr_cache;
  std::map<std::string, int> types;
  int review = static_cast<int>(out.review.size());
  for (const auto& d : out.documents) {
    ++types[std::string(DocumentTypeName(d.type))];
    review += static_cast<int>(d.review.size());
  }
  j["documents"] = types;
  j["lots"] = ordered_json::array();
  for (const auto& lot : out.lots) {
    ordered_json codes = ordered_json::array();
    for (const auto& a : lot.anomalies) codes.push_back(a.code);
    j["lots"].push_back({{"numero", Redact(lot.numero)}, {"verdict", std::string(rules::VerdictName(lot.verdict))}, {"anomalies", codes}});
  }
  j["claims"] = out.claims.size();
  std::map<std::string, int> letters;
  for (const auto& l : out.letters) ++letters[l.kind];
  j["letters"] = letters;
  j["review"] = review;
  j["elapsed_s"] = std::round(seconds_since_start * 1000.0) / 1000.0;
  Write(j.dump());
}

void EventLog::BatchEnd(const ProcessSummary& s) {
  ordered_json j{{"time", Now(clock_)},
                 {"event", "batch_end"},
                 {"envelopes", s.envelopes},
                 {"unreadable", s.unreadable},
                 {"pages", s.pages},
                 {"from_ocr_cache", s.from_ocr_cache},
                 {"lots", {{"accepted", s.lots_accepted}, {"partial", s.lots_partial}, {"rejected", s.lots_rejected}}},
                 {"claims", s.claims},
                 {"mutuelle_cents", s.euros_priced_cents},
                 {"letters", s.letters},
                 {"letters_queued", s.letters_queued},
                 {"letters_by_post", s.letters_by_post},
                 {"review", s.review_flags},
                 {"seconds", std::round(s.seconds * 100.0) / 100.0}};
  Write(j.dump());
}

}  // namespace liasse::runner
