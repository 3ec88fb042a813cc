// The family tests draw with Cairo and ask Fontconfig for fonts directly,
// without `Generate`, which frees the two libraries' process-wide caches at
// the end of a run. This environment frees them once every test has run, so
// that LeakSanitizer (.ci/run) reports only what the tests themselves leak.
#include <gtest/gtest.h>

#include "canvas.h"

namespace liasse::synth {
namespace {

class ReleaseFontCachesAtExit : public ::testing::Environment {
 public:
  void TearDown() override { ReleaseFontCaches(); }
};

// gtest owns the environment once it is added.
[[maybe_unused]] const ::testing::Environment* const kReleaseFontCaches =
    ::testing::AddGlobalTestEnvironment(new ReleaseFontCachesAtExit);

}  // namespace
}  // namespace liasse::synth
