// libFuzzer target for the members CSV (liasse members import, --contract):
// any bytes give members or a French error naming the line, never a crash,
// and records come in line order.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "liasse/store/csv.h"
#include "liasse/store/members_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto records = liasse::store::ParseCsv(text, "fuzz.csv");
  if (records.ok()) {
    int previous = 0;
    for (const auto& r : *records) {
      if (r.line <= previous || r.fields.empty()) __builtin_trap();  // out of order, or a record with no field
      previous = r.line;
    }
  } else if (records.status().message().rfind("fuzz.csv:", 0) != 0) {
    __builtin_trap();  // an error must name the file and line
  }
  auto members = liasse::store::ParseMembersCsv(text, "fuzz.csv");
  if (!members.ok() && members.status().message().rfind("fuzz.csv", 0) != 0) __builtin_trap();
  return 0;
}
