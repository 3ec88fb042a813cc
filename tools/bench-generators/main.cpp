// bench-generators: letters per second per core.
//   build/bin/bench-generators [--benchmark_filter=...]
// Target (issue #8): one-page décomptes of 10 lines ≥ 200 per second per core.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "liasse/generators/letter_generator.h"
#include "liasse/generators/pdf_tools.h"

namespace {

using namespace liasse;
using namespace liasse::generators;

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

DecompteModel Model(int lines) {
  DecompteModel m;
  m.numero = "D2025-0912-000341";
  m.numero_adherent = "104582";
  m.adherent = {"Mme Claire MARTIN", {"12 rue de la Fontaine-au-Roi", "75011 PARIS"}, ""};
  m.nir = "295109912611193";
  m.contrat = "PASS 3";
  m.beneficiaires = {{"Claire MARTIN", "adhérente", "295109912611193"}, {"Léa MARTIN", "enfant", ""}};
  m.date_paiement = D(2025, 9, 12);
  m.iban = "FR7630006000011234567890189";
  m.date_courrier = D(2025, 9, 12);
  for (int i = 0; i < lines; ++i) {
    LigneDecompte l;
    l.date_soins = D(2025, 9, 1 + i % 28);
    l.beneficiaire = i % 3 == 0 ? "Léa MARTIN" : "Claire MARTIN";
    l.acte = i % 2 == 0 ? "Consultation généraliste (G)" : "Soins infirmiers AMI 1 + IFD";
    l.frais_reels = Money::FromCents(i % 2 == 0 ? 3000 : 590);
    l.base = l.frais_reels;
    l.securite_sociale = Money::FromCents(i % 2 == 0 ? 1900 : 254);
    l.mutuelle = Money::FromCents(i % 2 == 0 ? 900 : 236);
    l.reste_a_charge = l.frais_reels - l.securite_sociale - l.mutuelle;
    if (i % 2 == 0) l.explication = "Participation forfaitaire de 2,00 € non remboursable.";
    m.lignes.push_back(std::move(l));
  }
  return m;
}

LetterGenerator& Generator() {
  // One generator per thread: each owns a libharu document.
  thread_local LetterGenerator generator = [] {
    GeneratorOptions options;
    options.clock = std::make_shared<liasse::FixedClock>(liasse::FixedClock::At(D(2025, 9, 12), 8, 30, 0));
    auto created = LetterGenerator::Create(options);
    if (!created.ok()) {
      std::cerr << created.status().ToString() << "\n";
      std::exit(1);
    }
    return std::move(created).value();
  }();
  return generator;
}

void BM_Decompte(benchmark::State& state) {
  const DecompteModel model = Model(static_cast<int>(state.range(0)));
  LetterGenerator& generator = Generator();
  int pages = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    auto letter = generator.Decompte(model);
    if (!letter.ok()) {
      state.SkipWithError(letter.status().ToString().c_str());
      return;
    }
    pages = letter->pages;
    bytes = letter->pdf.size();
    benchmark::DoNotOptimize(letter->pdf.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["pages"] = pages;
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Decompte)->Arg(10)->Arg(60)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Decompte)->Arg(10)->Threads(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_EncryptDecompte(benchmark::State& state) {
  auto letter = Generator().Decompte(Model(10));
  if (!letter.ok()) {
    state.SkipWithError(letter.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    auto encrypted = EncryptPdf(letter->pdf, "05101995");
    if (!encrypted.ok()) {
      state.SkipWithError(encrypted.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(encrypted->data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncryptDecompte)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MergeHundredLetters(benchmark::State& state) {
  std::vector<std::string> pdfs;
  for (int i = 0; i < 100; ++i) pdfs.push_back(Generator().Decompte(Model(10)).value().pdf);
  for (auto _ : state) {
    auto merged = MergePdfs(pdfs);
    if (!merged.ok()) {
      state.SkipWithError(merged.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(merged->data());
  }
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_MergeHundredLetters)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
