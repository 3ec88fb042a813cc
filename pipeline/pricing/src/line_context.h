// Internal: what pricing one line needs, shared by the RO and mutuelle steps.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "liasse/core/claim.h"
#include "liasse/pricing/counters.h"
#include "liasse/pricing/guarantee_table.h"
#include "liasse/pricing/pricer.h"
#include "liasse/pricing/tariffs.h"
#include "french_format.h"
#include "trace_writer.h"

namespace liasse::pricing::detail {

// Counters as seen by one claim being priced: the store's totals (without
// this claim's own past entries) plus what earlier lines of this claim took.
class ClaimCounters {
 public:
  ClaimCounters(const Counters& store, const Claim& claim, std::vector<CounterEntry>* out)
      : store_(store), claim_(claim), out_(out) {}
  Result<CounterTotal> Total(std::string_view compteur, Date du, Date au) const;
  void Consume(CounterEntry entry) { out_->push_back(std::move(entry)); }
  const std::string& beneficiaire() const { return claim_.beneficiaire; }

 private:
  const Counters& store_;
  const Claim& claim_;
  std::vector<CounterEntry>* out_;
};

struct LineState {
  const ClaimLine& line;
  const Claim& claim;
  const TariffItem& item;
  const GuaranteeTable& table;
  const Tariffs& tariffs;
  ClaimCounters& counters;
  bool trace;
  PricedLine out;
  int age = 0;
  bool acte_lourd = false;          // hospital act ≥ seuil: flat participation instead of TM
  Money participation_lourde = Money::Zero();

};

// Appends one French sentence to the line's trace. A macro so that the
// arguments are not evaluated when tracing is off.
#define LIASSE_TRACE(state, format, ...)                                                                   \
  do {                                                                                                     \
    if ((state).trace) {                                                                                   \
      (state).out.trace.push_back(LIASSE_FORMAT_TRACE(format __VA_OPT__(, ) __VA_ARGS__));                \
    }                                                                                                      \
  } while (0)

// The text of `format` when tracing, else empty (for pieces of a sentence,
// e.g. how a guarantee was computed).
#define LIASSE_TRACE_TEXT(state, format, ...) \
  ((state).trace ? LIASSE_FORMAT_TRACE(format __VA_OPT__(, ) __VA_ARGS__) : std::string())

// FormatTrace, with a compile-time check that the literal `format` has one
// "{}" per argument and no other brace (the writer knows only "{}").
#define LIASSE_FORMAT_TRACE(format, ...)                                                                \
  (static_cast<void>(::liasse::pricing::detail::TraceFormatCheck<                                        \
                     ::liasse::pricing::detail::CountFields(format),                                     \
                     std::tuple_size_v<decltype(std::make_tuple(__VA_ARGS__))>>::kOk),                   \
   ::liasse::pricing::detail::FormatTrace(format __VA_OPT__(, ) __VA_ARGS__))

// Number of "{}" fields of a format; -1 when it holds any other brace.
constexpr size_t CountFields(std::string_view format) {
  size_t n = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '{' && format[i] != '}') continue;
    if (format[i] == '}' || i + 1 == format.size() || format[i + 1] != '}') return static_cast<size_t>(-1);
    ++n;
    ++i;
  }
  return n;
}

template <size_t Fields, size_t Args>
struct TraceFormatCheck {
  static_assert(Fields == Args, "trace format: one {} per argument, no other brace");
  static constexpr bool kOk = true;
};

// Names a tariff figure used without a source (confirme = false) on this
// line, once; PriceLine then says in the trace that the claim goes to review.
inline void NoteNonConfirme(LineState& s, std::string what) {
  auto& seen = s.out.tarifs_non_confirmes;
  for (const auto& w : seen) {
    if (w == what) return;
  }
  seen.push_back(std::move(what));
}

// True when the line is a whole class A (100 % Santé) optique equipment.
bool OptiqueToutCentPourCentSante(const LineState& s);

// Base de remboursement of a class A equipment: tarifs LPP of the frame and
// of the two lenses (by class), from data/tarifs/optique.toml.
Result<Money> BaseClasseA(LineState& s);

// Base, RO rate, RO gross, retenues and RO paid (fills out.base … out.ro).
Status PriceRoPart(LineState& s);

// Guarantee row and mutuelle (fills out.garantie, out.mutuelle, motif).
Status PriceMutuellePart(LineState& s);

// Optique equipment guarantee (called by PriceMutuellePart).
Status PriceOptique(LineState& s);

// "PASS3" → "PASS 3" for the traces.
std::string ContratAffiche(const std::string& contrat);

// Calendar-year window of `d`.
inline std::pair<Date, Date> AnneeCivile(Date d) {
  return {Date::FromYmd(d.year(), 1, 1).value(), Date::FromYmd(d.year(), 12, 31).value()};
}

}  // namespace liasse::pricing::detail
