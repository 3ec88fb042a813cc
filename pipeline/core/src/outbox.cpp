#include "liasse/core/outbox.h"

#include <array>
#include <utility>

namespace liasse {

namespace {
constexpr std::array<std::pair<OutboxState, std::string_view>, 5> kNames{{
    {OutboxState::kQueued, "queued"},
    {OutboxState::kSending, "sending"},
    {OutboxState::kSent, "sent"},
    {OutboxState::kRetry, "retry"},
    {OutboxState::kFailed, "failed"},
}};
}  // namespace

Result<std::optional<OutboxEntry>> Outbox::ClaimNext(int64_t now_ms) {
  OutboxEntry entry;
  LIASSE_ASSIGN_OR_RETURN(auto claimed, ClaimNextInto(now_ms, entry));
  if (!claimed) return std::optional<OutboxEntry>();
  return std::optional<OutboxEntry>(std::move(entry));
}

std::string_view OutboxStateName(OutboxState state) {
  for (const auto& [s, name] : kNames) {
    if (s == state) return name;
  }
  return "unknown";
}

std::optional<OutboxState> OutboxStateFromName(std::string_view name) {
  for (const auto& [s, n] : kNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

}  // namespace liasse
