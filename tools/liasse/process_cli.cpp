#include "process_cli.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <memory>

#include "liasse/core/money.h"

namespace liasse::cli {
namespace {

// A progress line on the terminal (envelopes and pages done/total, pages/s,
// ETA);
// nothing when stderr is not a terminal, so logs and CI stay clean.
class ProgressLine {
 public:
  ProgressLine() : tty_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}

  void Update(int done, int total, long pages) {
    if (!tty_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(pages) / elapsed : 0;
    const double eta = done > 0 ? elapsed * (total - done) / done : 0;
    // Page counts are known only once envelopes are read: the total is
    // extrapolated from the pages per envelope so far.
    const long pages_total = done > 0 ? pages * total / done : 0;
    std::fprintf(stderr, "\r%d/%d plis, %ld/~%ld pages, %.2f pages/s, reste ~%.0f s   ", done, total, pages,
                 pages_total, rate, eta);
    if (done == total) std::fprintf(stderr, "\n");
  }

 private:
  bool tty_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

void AddChainOptions(CLI::App& cmd, ChainArgs& args, const std::string& inputs_help) {
  cmd.add_option("INPUT", args.inputs, inputs_help)->required();
  cmd.add_option("--out", args.out, "dossier des résultats")->required();
  cmd.add_option("--contract", args.contract, "fichier adhérents/contrats");
  cmd.add_option("--db", args.db, "base SQLite (défaut : DIR/liasse.db, créée au premier passage)");
  cmd.add_option("--tessdata", args.tessdata, "dossier tessdata (défaut : celui de Tesseract)");
  cmd.add_option("--data", args.data,
                 "dossier des données : règles, tarifs, garanties, courriel (défaut : celui de l'installation)")
      ->check(CLI::ExistingDirectory);
  cmd.add_option("--date-reception", args.date_reception,
                 "date de réception des plis, AAAA-MM-JJ (défaut : date de chaque fichier)");
  cmd.add_option("--date", args.today, "date des courriers, AAAA-MM-JJ (défaut : aujourd'hui)");
  cmd.add_option("--jobs", args.jobs, "nombre de workers OCR (0 : un par cœur)")->check(CLI::NonNegativeNumber);
}

bool ToProcessOptions(const ChainArgs& args, std::string_view command, runner::ProcessOptions& options) {
  for (const auto& input : args.inputs) options.inputs.emplace_back(input);
  options.out_dir = args.out;
  options.contract = args.contract;
  options.database = args.db;
  options.tessdata_dir = args.tessdata;
  options.data_dir = args.data;
  options.jobs = args.jobs;
  // The real time and files; tests of the runner give fixed ones.
  options.clock = &SystemClock();
  options.env = Env::Default();
  for (auto [text, target] : {std::pair{&args.date_reception, &options.date_reception},
                              std::pair{&args.today, &options.today}}) {
    if (text->empty()) continue;
    auto date = Date::Parse(*text);
    if (!date.ok()) {
      std::cerr << "liasse " << command << ": date " << *text << " : " << date.status().message() << "\n";
      return false;
    }
    *target = *date;
  }
  auto progress = std::make_shared<ProgressLine>();
  options.progress = [progress](int done, int total, long pages) { progress->Update(done, total, pages); };
  return true;
}

void PrintSummary(const runner::ProcessSummary& s) {
  for (const auto& line : s.messages) std::cout << line << "\n";
  std::cout << "\n" << s.envelopes << " pli(s), " << s.pages << " page(s), " << s.unreadable
            << " illisible(s) mis en quarantaine\n";
  std::string types;
  for (const auto& [type, n] : s.documents_by_type) types += fmt::format("{}{} {}", types.empty() ? "" : ", ", n, type);
  std::cout << "documents : " << (types.empty() ? "aucun" : types) << "\n";
  std::cout << fmt::format("lots : {} accepté(s), {} partiel(s), {} rejeté(s)\n", s.lots_accepted, s.lots_partial,
                           s.lots_rejected);
  std::cout << fmt::format("remboursements : {} demande(s) payée(s), {} de part complémentaire ; {} refusée(s) ; "
                           "{} en attente de vérification\n",
                           s.claims, Money::FromCents(s.euros_priced_cents).ToFrench(), s.claims_refused,
                           s.claims_waiting);
  for (const auto& [reason, n] : s.refusals) std::cout << fmt::format("  refus ×{} : {}\n", n, reason);
  for (const auto& why : s.waiting) std::cout << "  en attente : " << why << "\n";
  std::cout << fmt::format("courriers : {} produit(s), {} mis en file d'envoi, {} en attente de vérification\n",
                           s.letters, s.letters_queued, s.letters_waiting);
  if (s.letters_by_post > 0) {
    std::cout << fmt::format("courriers par la poste au lieu de l'e-mail (mot de passe impossible ou adresse non confirmée) : {}\n",
                             s.letters_by_post);
  }
  if (!s.addresses_waiting.empty()) {
    std::cout << "adresses e-mail en attente de confirmation (liasse members confirm-email) : "
              << s.addresses_waiting.size() << "\n";
    for (const auto& a : s.addresses_waiting) std::cout << "  " << a << "\n";
  }
  std::cout << "points à revoir : " << s.review_flags << "\n";
  for (const auto& [reason, n] : s.review_by_reason) std::cout << fmt::format("  ×{} : {}\n", n, reason);
  if (s.from_ocr_cache > 0) std::cout << "OCR reprise du cache : " << s.from_ocr_cache << " pli(s)\n";
  if (s.resumed > 0) {
    std::cout << "Plis déjà enregistrés avant l'arrêt du traitement précédent, fichiers réécrits : " << s.resumed
              << "\n";
  }
  if (s.ocr_cache_failures > 0) std::cout << "cache OCR : " << s.ocr_cache_failures << " écriture(s) ou relecture(s) en échec (OCR refait)\n";
  std::cout << fmt::format("durée : {:.1f} s, {:.2f} pages/s\n", s.seconds,
                           s.seconds > 0 ? static_cast<double>(s.pages) / s.seconds : 0.0);
}

}  // namespace liasse::cli
