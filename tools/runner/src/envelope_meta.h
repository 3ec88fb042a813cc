// The scanning station's metadata beside an envelope: `NAME.meta.json` next
// to `NAME.pdf` (or .tiff, .png…) holds when and how the envelope arrived.
// Internal to the runner; the format is documented in the README.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "liasse/core/date.h"
#include "liasse/core/env.h"
#include "liasse/core/status.h"

namespace liasse::runner {

struct EnvelopeMeta {
  std::optional<Date> date_reception;  // day the envelope was received
  std::optional<Date> date_courrier;   // date to print on the letters it causes
  std::string canal;                   // "courrier", "e-mail" or "dépôt"; empty when not given
  std::string lot_scan;                // the scanning batch
  std::string operateur;               // who scanned it
};

// `envelope`'s metadata file: same folder, same stem, ".meta.json".
std::filesystem::path MetaPathOf(const std::filesystem::path& envelope);

// Reads the metadata of `envelope` through `env`: nullopt when there is no
// metadata file; kInvalidArgument naming the file and the member when it is
// not a JSON object, a date is not AAAA-MM-JJ, or the canal is unknown;
// kIoError when it exists but cannot be read.
Result<std::optional<EnvelopeMeta>> ReadEnvelopeMeta(Env& env, const std::filesystem::path& envelope);

// Where an envelope's date of receipt comes from, by precedence.
enum class ReceptionSource { kOption, kMeta, kFile };

struct Reception {
  Date date = Date::FromSerial(0);
  ReceptionSource source = ReceptionSource::kFile;
};

// The date of receipt: --date-reception when given (the operator's choice
// for the whole batch), else the metadata's date_reception, else the file's
// modification date (`file_date`).
Reception ReceptionOf(const std::optional<Date>& option, const std::optional<EnvelopeMeta>& meta, Date file_date);

// "option", "meta", "fichier": the result JSON's reception.source.
const char* ReceptionSourceKey(ReceptionSource source);

}  // namespace liasse::runner
