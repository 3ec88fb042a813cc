// The files of one envelope (letters, result JSON) held in memory while its
// writes to the store are a transaction, then written from the bytes the
// store recorded with it: a kill before the commit leaves no file of an
// envelope the store does not hold, and a kill after it leaves files that a
// restart writes again (batch.cpp). Internal to the runner.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "liasse/core/env.h"
#include "liasse/core/status.h"
#include "liasse/store/committed_envelopes.h"
#include "stages.h"

namespace liasse::runner {

// An Env whose WriteFileAtomically keeps the file (by its path relative to
// `out_dir`) instead of writing it; every other call goes to `target`.
class HeldFiles : public EnvWrapper {
 public:
  HeldFiles(Env* target, std::filesystem::path out_dir) : EnvWrapper(target), out_dir_(std::move(out_dir)) {}

  // A second write of the same path replaces the first.
  Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents) override;

  // In the order first written.
  const std::vector<store::CommittedFile>& files() const { return files_; }

 private:
  std::filesystem::path out_dir_;
  std::vector<store::CommittedFile> files_;
};

// Writes `files` (paths relative to the output directory, each atomically)
// for `envelope`: the envelope copied to DIR/quarantine/ first when
// `quarantined`, the options' observer told before the first file and after
// the last. Fails with the first file or observer failure.
Status PublishEnvelope(Stages& stages, const std::filesystem::path& envelope, bool quarantined,
                       const std::vector<store::CommittedFile>& files);

}  // namespace liasse::runner
