// Tesseract's OpenMP reads OMP_THREAD_LIMIT when the process loads, so a
// command that runs Tesseract engines (one per worker) sets the limit by
// re-executing itself once; engines then stay single-threaded instead of
// oversubscribing the cores. Returns only when the limit is already set or
// the re-exec failed (then the command goes on with the default).
#pragma once

namespace liasse::cli {

void EnsureSingleThreadedOpenMp();

}  // namespace liasse::cli
