// libFuzzer target for the TOML data files an operator edits: the first
// byte picks the reader (lot rules, admissibility, justificatifs, a
// guarantee table, the mail configuration, a form of data/forms, the
// fields that block payment while in review), the rest is the file. Any bytes
// load or give a French error naming the file, never a crash.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "liasse/core/private_temp.h"
#include "liasse/mail/config.h"
#include "liasse/pricing/guarantee_table.h"
#include "forms.h"
#include "liasse/rules/admissibility.h"
#include "liasse/rules/blocking_fields.h"
#include "liasse/rules/justificatifs.h"
#include "liasse/rules/rule_set.h"

namespace {

// Readers that only take a path read the bytes from the run's private dir.
std::string WriteTemp(std::string_view text) {
  const std::string path = (liasse::PrivateTempDir().value() / "fuzz.toml").string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

void NamesTheFile(const liasse::Status& s, std::string_view file) {
  if (!s.ok() && s.message().find(file) == std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 7) {
    case 0: NamesTheFile(liasse::rules::LotRuleSet::Parse(text, "lots.toml").status(), "lots.toml"); break;
    case 1:
      NamesTheFile(liasse::rules::AdmissibilityRules::Parse(text, "admissibilite.toml").status(), "admissibilite.toml");
      break;
    case 2:
      NamesTheFile(liasse::rules::JustificatifTable::Parse(text, "justificatifs.toml").status(), "justificatifs.toml");
      break;
    case 3: {
      const std::string path = WriteTemp(text);
      NamesTheFile(liasse::pricing::GuaranteeTable::LoadFile(path).status(), path);
      break;
    }
    case 4: {
      const std::string path = WriteTemp(text);
      NamesTheFile(liasse::mail::LoadMailConfig(path).status(), path);
      break;
    }
    case 5:
      NamesTheFile(liasse::extractors::internal::FormCatalogue::Parse(text, "forme.toml").status(), "forme.toml");
      break;
    default:
      NamesTheFile(liasse::rules::BlockingFields::Parse(text, "revue_bloquante.toml").status(), "revue_bloquante.toml");
      break;
  }
  return 0;
}
