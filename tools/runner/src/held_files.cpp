#include "held_files.h"

#include <algorithm>

#include "envelope_output.h"

namespace liasse::runner {

namespace fs = std::filesystem;

Status HeldFiles::WriteFileAtomically(const fs::path& path, std::string_view contents) {
  const fs::path relative = path.lexically_relative(out_dir_);
  // Outside the output directory (never expected): kept by its full path.
  const bool inside = !relative.empty() && *relative.begin() != "..";
  const std::string key = (inside ? relative : path).generic_string();
  auto same = std::find_if(files_.begin(), files_.end(), [&](const store::CommittedFile& f) { return f.path == key; });
  if (same != files_.end()) {
    same->bytes.assign(contents);
  } else {
    files_.push_back({key, std::string(contents)});
  }
  return Status::Ok();
}

Status PublishEnvelope(Stages& stages, const fs::path& envelope, bool quarantined,
                       const std::vector<store::CommittedFile>& files) {
  const ProcessOptions& options = stages.options();
  if (quarantined) LIASSE_RETURN_IF_ERROR(Quarantine(envelope, options.out_dir));
  const fs::path json = options.out_dir / (envelope.stem().string() + ".json");
  if (options.observer != nullptr) LIASSE_RETURN_IF_ERROR(options.observer->BeforeWrite(envelope, json));
  for (const auto& f : files) {
    LIASSE_RETURN_IF_ERROR(stages.env().WriteFileAtomically(options.out_dir / fs::path(f.path), f.bytes));
  }
  if (options.observer != nullptr) LIASSE_RETURN_IF_ERROR(options.observer->AfterWrite(envelope, json));
  return Status::Ok();
}

}  // namespace liasse::runner
