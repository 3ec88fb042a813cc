#include "process_cli.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "french_cli.h"
#include "liasse/core/money.h"

namespace liasse::cli {
namespace {

// Progress of a batch. On a terminal (stderr), one line rewritten in place
// after each envelope. When stdout is not a terminal (a log, a pipe), a
// progress line on stdout every few seconds, so that a long batch is never
// silent until the end.
class Progress {
 public:
  static constexpr auto kInterval = std::chrono::seconds(5);

  Progress() : tty_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {
    if (isatty(STDOUT_FILENO) == 0) heartbeat_ = std::thread([this] { Beat(); });
  }
  ~Progress() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    if (heartbeat_.joinable()) heartbeat_.join();
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Update(int done, int total, long pages) {
    {
      std::lock_guard lock(mu_);
      done_ = done;
      total_ = total;
      pages_ = pages;
    }
    if (tty_) {
      std::fprintf(stderr, "\r%s   ", Text(done, total, pages).c_str());
      if (done == total) std::fprintf(stderr, "\n");
    }
  }

  // One envelope's line, printed as soon as it is committed.
  void Envelope(const std::string& line) {
    std::lock_guard lock(mu_);
    std::cout << line << std::endl;
  }

 private:
  std::string Text(int done, int total, long pages) const {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(pages) / elapsed : 0;
    const double eta = done > 0 ? elapsed * (total - done) / done : 0;
    // Page counts are known only once envelopes are read: the total is
    // extrapolated from the pages per envelope so far.
    const long pages_total = done > 0 ? pages * total / done : 0;
    return fmt::format("{}/{} plis, {}/~{} pages, {:.2f} pages/s, reste ~{:.0f} s", done, total, pages, pages_total,
                       rate, eta);
  }

  void Beat() {
    std::unique_lock lock(mu_);
    while (!wake_.wait_for(lock, kInterval, [this] { return stop_; })) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      std::cout << fmt::format("progression ({:.0f} s) : {}", elapsed,
                               total_ > 0 ? Text(done_, total_, pages_) : std::string("lecture des plis"))
                << std::endl;
    }
  }

  const bool tty_;
  const std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  int done_ = 0, total_ = 0;
  long pages_ = 0;
  std::thread heartbeat_;
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
                 "date de réception de tous les plis (défaut : date_reception de NOM.meta.json à côté du pli, "
                 "sinon date du fichier)")
      ->check(IsoDateValidator());
  cmd.add_option("--date", args.today,
                 "date des courriers (défaut : date_courrier de NOM.meta.json, sinon aujourd'hui)")
      ->check(IsoDateValidator());
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
  AttachProgress(options);
  return true;
}

void AttachProgress(runner::ProcessOptions& options) {
  auto progress = std::make_shared<Progress>();
  options.progress = [progress](int done, int total, long pages) { progress->Update(done, total, pages); };
  options.on_envelope = [progress](const std::string& line) { progress->Envelope(line); };
}

void PrintSummary(const runner::ProcessSummary& s) {
  // The envelopes' lines were printed as each was committed.
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
  if (!s.waiting.empty()) std::cout << "  (à lever avec liasse review list, puis review set ou review validate)\n";
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
