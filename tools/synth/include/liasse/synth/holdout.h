// Held-out families (issue 23): the reader's data as it would be had it been
// built without one layout family of `liasse synth`, so that the family can
// be measured as a layout never seen.
//
// The contract with the reader (extractors/, data/forms/):
// - the reader reads everything it knows about forms from DATA/forms/ of the
//   data directory it is given (`liasse extract --data DIR`);
// - `WriteDataWithoutFamily` copies DATA to OUT and removes from every array
//   of strings in OUT/forms/**/*.toml each string that, compared without
//   case, accents or punctuation, is a wording printed by family N only
//   (data/synth/wording.toml: for forms/<type>.toml the wordings of that
//   type and "commun", for any other file those of every type);
// - anything the reader fits on synthetic corpora (weights, thresholds) is
//   fitted once per held-out family on a corpus made without it
//   (`liasse synth --families` listing the others) and stored in
//   DATA/forms/held_out/<N>/: those files replace the ones of the same name
//   in OUT/forms/; DATA/forms/held_out/ itself is not copied;
// - OUT/held_out.toml names the family and lists the strings removed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::synth {

struct HeldOutData {
  int files_filtered = 0;              // TOML files of forms/ read and rewritten
  std::vector<std::string> removed;    // "forms/<file>: <string>", in file then array order
  std::vector<std::string> replaced;   // files of forms/held_out/<N>/ copied over forms/
};

// Writes OUT as described above. Fails when `family` is not 0 (the
// historical drawing, whose wordings are f0) or one of
// data_dir/synth/families.toml, when OUT is DATA or inside it, or naming the
// file that cannot be read, parsed or written.
Result<HeldOutData> WriteDataWithoutFamily(const std::filesystem::path& data_dir, int family,
                                           const std::filesystem::path& out_dir);

}  // namespace liasse::synth
