// Lines priced per second, in memory, on one core: a realistic mix of claim
// lines (consultations, auxiliaires, pharmacie, dentaire, optique, forfaits)
// against the real data files. Target: >= 1 000 000 lines/s, with the full
// French trace (BM_PriceLinesWithTrace: what `liasse price` does).
//   build/bin/bench-pricing --benchmark_min_time=2 --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <vector>

#include "liasse/pricing/data.h"
#include "liasse/pricing/pricer.h"

namespace {

using namespace liasse;
using namespace liasse::pricing;

const PricingData& Data() {
  static const PricingData* data = [] {
    auto d = PricingData::Load(DefaultDataDir());
    if (!d.ok()) {
      std::cerr << d.status().ToString() << "\n";
      std::abort();
    }
    return new PricingData(std::move(*d));
  }();
  return *data;
}

ClaimLine Line(const char* code, int64_t cents, int day) {
  ClaimLine l;
  l.code = code;
  l.frais_reels = Money::FromCents(cents);
  l.date = Date::FromYmd(2025, 3, day).value();
  l.professionnel = "P1";
  return l;
}

std::vector<Claim> Claims(size_t count) {
  std::vector<Claim> claims;
  for (size_t i = 0; i < count; ++i) {
    Claim c;
    c.id = "C" + std::to_string(i);
    c.beneficiaire = "B" + std::to_string(i % 100);
    c.date_naissance = Date::FromYmd(1980, 1, 1).value();
    c.coverage.contrat = "PASS" + std::to_string(1 + i % 5);
    c.coverage.date_adhesion = Date::FromYmd(2020, 1, 1).value();
    const int day = static_cast<int>(1 + i % 28);
    c.lines.push_back(Line("G", 5000, day));
    ClaimLine amk = Line("AMK", 1768, day);
    amk.coefficient_centiemes = 800;
    c.lines.push_back(amk);
    ClaimLine ph = Line("PH65", 1250, day);
    ph.base_ligne = Money::FromCents(1250);
    c.lines.push_back(ph);
    switch (i % 4) {
      case 0: c.lines.push_back(Line("HBLD036", 60000, day)); break;
      case 1: c.lines.push_back(Line("OSTEOPATHE", 6000, day)); break;
      case 2: c.lines.push_back(Line("PILULE_NR", 3000, day)); break;
      default: {
        ClaimLine o = Line("OPTIQUE", 40000, day);
        Optique opt;
        opt.droit.sphere = -200;
        opt.gauche.sphere = -700;
        opt.monture = Money::FromCents(15000);
        o.optique = opt;
        c.lines.push_back(o);
      }
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

void PriceLines(benchmark::State& state, bool trace) {
  const std::vector<Claim> claims = Claims(1000);
  size_t lines_per_round = 0;
  for (const auto& c : claims) lines_per_round += c.lines.size();
  Pricer pricer(Data().tables, Data().tariffs, PricingOptions{trace});
  InMemoryCounters counters;
  std::vector<CounterEntry> consumptions;
  int64_t lines = 0;
  for (auto _ : state) {
    for (const Claim& c : claims) {
      consumptions.clear();
      auto p = pricer.Price(c, counters, &consumptions);
      if (!p.ok()) state.SkipWithError(p.status().message().c_str());
      benchmark::DoNotOptimize(p);
    }
    lines += static_cast<int64_t>(lines_per_round);
  }
  state.SetItemsProcessed(lines);
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
  // CPU time per line (Google Benchmark rates use CPU time by default).
  state.counters["cpu/line"] = benchmark::Counter(static_cast<double>(lines),
                                                  benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_PriceLinesWithTrace(benchmark::State& state) { PriceLines(state, true); }
void BM_PriceLinesWithoutTrace(benchmark::State& state) { PriceLines(state, false); }

BENCHMARK(BM_PriceLinesWithTrace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PriceLinesWithoutTrace)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
