// Generated identifiers must be valid unless the truth says they were
// corrupted on purpose (an invalid NIR is an injected defect, never an accident).
#include <gtest/gtest.h>

#include "liasse/core/identifiers.h"
#include "model.h"
#include "testing/status_matchers.h"

namespace liasse::synth {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

TEST(Synth, GeneratedNirsPassTheKeyAndPlausibilityChecks) {
  const Commune paris{"75011", "Paris", "75", "111"};
  const Date birth = Date::FromYmd(1985, 7, 12).value();
  // 20 000 draws of the 3-digit order number hit "000" about 20 times.
  for (uint64_t seed = 0; seed < 20000; ++seed) {
    Rng rng(seed);
    const std::string nir = MakeNir(rng, 1 + static_cast<int>(seed % 2), birth, paris);
    ASSERT_TRUE(Nir::Parse(nir).ok()) << nir << ": " << Nir::Parse(nir).status().message();
    EXPECT_THAT(Nir::Parse(CorruptNirKey(nir)),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("incorrecte (clé calculée")));
  }
}

}  // namespace
}  // namespace liasse::synth
