#include "lot_reconcile.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "liasse/core/date.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/money.h"
#include "liasse/core/fields.h"
#include "forms.h"
#include "lot_values.h"
#include "validate.h"

namespace liasse::extractors::internal {

namespace {

// One side of a shared value: a feuille's field or a bordereau line's column.
struct Side {
  Document* doc = nullptr;
  std::optional<int> line;
  std::string name;

  const std::string* Value() const {
    return line ? doc->lines[static_cast<size_t>(*line)].Find(name) : doc->Text(name);
  }
  ReviewFlag* Flag() const {
    for (auto& f : doc->review) {
      if (f.field == name && f.line == line) return &f;
    }
    return nullptr;
  }
  // Flags the side with `reason` unless it already is.
  void AddFlag(const std::string& reason) const {
    if (Flag() == nullptr) doc->review.push_back({name, line, reason});
  }
  void RemoveFlag() const {
    std::erase_if(doc->review, [&](const ReviewFlag& f) { return f.field == name && f.line == line; });
  }
  // Flags the side with `reason`, replacing the reason it had.
  void SetFlag(const std::string& reason) const {
    if (ReviewFlag* f = Flag()) f->reason = reason;
    else doc->review.push_back({name, line, reason});
  }
};

// The bénéficiaire is the assuré: same nom and prénom on the feuille.
bool SamePersonOnFeuille(const Document& f) {
  const std::string* bn = f.Text(fields::kBeneficiaireNom);
  const std::string* bp = f.Text(fields::kBeneficiairePrenom);
  const std::string* an = f.Text(fields::kAssureNom);
  const std::string* ap = f.Text(fields::kAssurePrenom);
  return bn && bp && an && ap && *bn == *an && *bp == *ap;
}

// How many digits an n° de facture may have: the feuille's form says
// (data/forms, `digits`), each billing software numbers its own way.
struct NumeroLength {
  size_t min = 1, max = 20;
};

NumeroLength NumeroLengthOf(const FormCatalogue* forms) {
  const FormSpec* form = forms != nullptr ? forms->Of(DocumentType::kFeuilleDeSoins) : nullptr;
  const FieldSpec* field = form != nullptr ? form->Field(fields::kNumeroFacture) : nullptr;
  if (field == nullptr || field->max_digits == 0) return {};
  return {std::max<size_t>(1, field->min_digits), field->max_digits};
}

// One lot's invoices come from one billing software: when the bordereau's
// lines (two or more) all carry numbers of one length, that is the length,
// unless every line read its number with doubt: an OCR that adds a digit
// to one font's zeros adds it on every line of the bordereau.
NumeroLength InLot(NumeroLength form, const Document& bordereau) {
  size_t length = 0, lines = 0;
  bool one_sure = false;
  for (size_t i = 0; i < bordereau.lines.size(); ++i) {
    const std::string* n = bordereau.lines[i].Find(fields::kNumeroFacture);
    if (n == nullptr) continue;
    if (lines++ > 0 && n->size() != length) return form;
    length = n->size();
    one_sure = one_sure || FindFlag(bordereau, fields::kNumeroFacture, static_cast<int>(i)) == nullptr;
  }
  if (lines < 2 || !one_sure || length < form.min || length > form.max) return form;
  return {length, length};
}

// The checks a value is put through before it settles the other side.
class PairChecks {
 public:
  PairChecks(const Document& feuille, const Document& bordereau, const Line& line, NumeroLength numero)
      : feuille_(feuille), bordereau_(bordereau), line_(line), numero_(numero) {}

  // Same person: the bénéficiaire is the assuré, whom the line names.
  bool SamePerson() const {
    if (!SamePersonOnFeuille(feuille_)) return false;
    const std::string* ln = line_.Find(fields::kNom);
    const std::string* lp = line_.Find(fields::kPrenom);
    return (!ln || *ln == *feuille_.Text(fields::kAssureNom)) && (!lp || *lp == *feuille_.Text(fields::kAssurePrenom));
  }

  // The value's own checks: format, NIR key, plausible birth date, and the
  // NIR's birth year/month against the unflagged birth dates (or the birth
  // date against the NIRs) of the same person.
  bool Passes(Kind kind, const std::string& value, const Side& nir_f, const Side& nir_l, const Side& date_f,
              const Side& date_l) const {
    switch (kind) {
      case Kind::kNumero:
        return value.size() >= numero_.min && value.size() <= numero_.max && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      case Kind::kNir:
        return NirPasses(value, date_f, date_l);
      case Kind::kDate:
        return BirthDatePasses(value, nir_f, nir_l);
      case Kind::kAmount:
        return StoredAmount(&value).has_value();
      case Kind::kName:
        return !value.empty();
    }
    return false;
  }

  bool NirPasses(const std::string& value, const Side& date_f, const Side& date_l) const {
    auto nir = Nir::Parse(value);
    if (!nir.ok()) return false;
    if (!SamePerson()) return true;
    for (const Side* d : {&date_f, &date_l}) {
      const auto birth = StoredDate(d->Value());
      if (birth && d->Flag() == nullptr && !nir->MatchesBirthDate(*birth)) return false;
    }
    return true;
  }

  bool BirthDatePasses(const std::string& value, const Side& nir_f, const Side& nir_l) const {
    const auto birth = StoredDate(&value);
    if (!birth || birth->year() < 1900) return false;
    const auto lot = StoredDate(bordereau_.Text(fields::kLotDate));
    if (lot && *lot < *birth) return false;
    if (!SamePerson()) return true;
    for (const Side* n : {&nir_f, &nir_l}) {
      const std::string* text = n->Value();
      if (text == nullptr) continue;
      auto nir = Nir::Parse(*text);
      if (nir.ok() && !nir->MatchesBirthDate(*birth)) return false;
    }
    return true;
  }

  // An amount taken from the other side must make this side's own sums add
  // up: AMO + AMC on the line, the acts on the feuille.
  bool SumsConfirm(Kind kind, const Side& target, const std::string& value) const {
    if (kind != Kind::kAmount) return true;
    const auto total = StoredAmount(&value);
    if (!total) return false;
    if (target.line) {
      const auto amo = StoredAmount(line_.Find(fields::kMontantAmo));
      const auto amc = StoredAmount(line_.Find(fields::kMontantAmc));
      return amo && amc && *amo + *amc == *total;
    }
    if (feuille_.lines.empty()) return false;
    Money sum = Money::Zero();
    for (const Line& act : feuille_.lines) {
      const auto m = StoredAmount(act.Find(fields::kMontant));
      if (!m) return false;
      sum += *m;
    }
    return sum == *total;
  }

 private:
  const Document& feuille_;
  const Document& bordereau_;
  const Line& line_;
  NumeroLength numero_;
};

std::string Quote(const std::string& s) { return "\xC2\xAB " + s + " \xC2\xBB"; }

// `target` takes `value`, read on `source_doc`; the reason says so.
void Fill(const Side& target, const std::string& value, const Document& source_doc) {
  const bool on_feuille = !target.line.has_value();
  const std::string here = on_feuille ? "sur la feuille" : "sur le bordereau";
  const std::string there = on_feuille ? "repris du bordereau" : "repris de la feuille de soins";
  std::string reason;
  if (const std::string* old = target.Value()) {
    reason = "lu " + Quote(*old) + " " + here + ", douteux ; " + Quote(value) + " " + there + " : à vérifier";
  } else {
    const ReviewFlag* flag = target.Flag();
    const auto partial = flag ? Quoted(flag->reason) : std::nullopt;
    reason = "illisible " + here + (partial ? " (" + Quote(*partial) + ")" : "") + ", " + there + " : à vérifier";
  }
  if (on_feuille) {
    Field f;
    f.value = value;
    f.confidence = 0.5;
    // Where the value was read: the bordereau (its lines carry no box).
    if (source_doc.pages.size() == 1) f.page = source_doc.pages.front();
    target.doc->fields[target.name] = f;
  } else {
    target.doc->lines[static_cast<size_t>(*target.line)].values[target.name] = value;
  }
  target.SetFlag(reason);
}

// An n° de facture settled to its zeros (SettleZeros), flagged, with the
// two readings it was settled from.
struct ZeroMend {
  Side feuille, line;
  std::string value, read_on_feuille, read_on_line;
};

// One shared value of a matched pair: its two sides and the decision.
class ValueReconciler {
 public:
  ValueReconciler(const SharedValue& shared, const PairChecks& checks, Document& feuille, Document& bordereau, int line,
                  std::vector<ZeroMend>& mends)
      : shared_(shared), checks_(checks), feuille_(feuille), bordereau_(bordereau), mends_(mends),
        f_{&feuille, std::nullopt, shared.field}, l_{&bordereau, line, shared.column},
        nir_f_{&feuille, std::nullopt, "assure.nir"}, nir_l_{&bordereau, line, "nir"},
        date_f_{&feuille, std::nullopt, "beneficiaire.date_naissance"}, date_l_{&bordereau, line, "date_naissance"} {}

  void Run() {
    const std::string* fv = f_.Value();
    const std::string* lv = l_.Value();
    if (fv && lv && *fv == *lv) return ConfirmAgreement(*fv);
    if (shared_.kind == Kind::kNumero && fv && lv) {
      if (const auto zero = ZeroSettles(*fv, *lv)) return SettleZeros(*fv, *lv, *zero);
    }
    const bool f_sure = Sure(f_), l_sure = Sure(l_);
    if (Settles(l_, l_sure, fv, f_sure)) {
      const auto before = Reading(l_);
      Fill(l_, *fv, feuille_);
      if (f_sure) ConfirmByKey(l_, before, *fv);
    } else if (Settles(f_, f_sure, lv, l_sure)) {
      const auto before = Reading(f_);
      Fill(f_, *lv, bordereau_);
      if (l_sure) ConfirmByKey(f_, before, *lv);
    } else if (fv && lv) {
      // A misreading or an anomaly of the lot: never resolved by picking one.
      f_.AddFlag(std::string(shared_.label) + " différent de celui du bordereau (" + Quote(*lv) + ") : à vérifier");
      l_.AddFlag(std::string(shared_.label) + " différent de celui de la feuille de soins (" + Quote(*fv) + ") : à vérifier");
    }
  }

 private:
  // Two readings of one number differing only where one read 0 and the
  // other a digit with a bowl: both sides take the 0, flagged with both readings.
  void SettleZeros(const std::string& fv, const std::string& lv, const std::string& zero) const {
    const std::string reason = "lu " + Quote(fv) + " sur la feuille et " + Quote(lv) + " sur le bordereau : " + Quote(zero) +
                               " (un zéro lu 6, 8 ou 9 sur l'un des deux) à vérifier";
    feuille_.fields[f_.name].value = zero;
    feuille_.fields[f_.name].confidence = 0.5;
    bordereau_.lines[static_cast<size_t>(*l_.line)].values[l_.name] = zero;
    f_.SetFlag(reason);
    l_.SetFlag(reason);
    mends_.push_back({f_, l_, zero, fv, lv});
  }

  // A NIR taken from the other document's sure reading, where this side had
  // read it otherwise only where a zero reads as a digit with a bowl (a
  // dotted or slashed zero): when, of every number the two readings could
  // stand for (ZeroCandidates), the taken one alone has a valid key, the
  // key is a third, independent witness and the flag goes.
  void ConfirmByKey(const Side& target, const std::optional<std::string>& before, const std::string& value) const {
    if (shared_.kind != Kind::kNir || !before || !ZeroSettles(*before, value)) return;
    int valid = 0;
    bool value_valid = false;
    for (const std::string& candidate : ZeroCandidates(*before, value)) {
      if (!Nir::Parse(candidate).ok()) continue;
      ++valid;
      value_valid = value_valid || candidate == value;
    }
    if (valid == 1 && value_valid) target.RemoveFlag();
  }

  // The same value read on both documents: a doubt of the reading alone
  // on one side is settled by a confident reading on the other (two
  // readings of two printings agree). Both doubtful: the same misreading of
  // one font may have happened twice, both stay flagged.
  void ConfirmAgreement(const std::string& value) const {
    if (!Passes(&value)) return;
    const ReviewFlag* ff = f_.Flag();
    const ReviewFlag* lf = l_.Flag();
    if (ff != nullptr && ff->reading_doubt && lf == nullptr) f_.RemoveFlag();
    else if (lf != nullptr && lf->reading_doubt && ff == nullptr) l_.RemoveFlag();
  }

  bool Passes(const std::string* v) const {
    return v && checks_.Passes(shared_.kind, *v, nir_f_, nir_l_, date_f_, date_l_);
  }
  // Read, unflagged and passing its checks.
  bool Sure(const Side& s) const { return s.Value() && s.Flag() == nullptr && Passes(s.Value()); }

  // What a side read: its value, else the partial reading its flag quotes.
  static std::optional<std::string> Reading(const Side& s) {
    if (const std::string* v = s.Value()) return *v;
    if (const ReviewFlag* flag = s.Flag()) return Quoted(flag->reason);
    return std::nullopt;
  }

  // The doubtful side shows it was written: a reading, or a partial reading
  // its flag quotes agreeing with the other side's value. Nothing read
  // there: missing on the paper, an anomaly of the lot.
  bool Written(const Side& target, const std::string& value) const {
    if (target.Value() != nullptr) return true;
    const auto partial = Reading(target);
    return partial && PartialReadingAgrees(shared_.kind, *partial, value);
  }

  // The source: sure; or doubtful, when the target's own reading is the
  // source's value misread (two readings of the same ink):
  // - a value passing its checks, the target failing them (or unread) and
  //   reading nearly the same;
  // - both passing: the target's raw reading, quoted in its flag, is the
  //   source's value but for one character ("7376052811" for 737052811);
  // - a NIR whose key fails, read the same but for one character where the
  //   target's is unread: the wrong key is on the paper (the lot rules
  //   report it), not a misreading.
  bool Usable(const std::string* v, bool sure, const Side& target) const {
    if (sure) return true;
    if (v == nullptr || shared_.kind == Kind::kName) return false;
    const auto read = Reading(target);
    if (!read) return false;
    if (!Passes(v)) {
      return shared_.kind == Kind::kNir && target.Value() == nullptr && v->size() == 15 &&
             WithinOneCharacter(shared_.kind, *read, *v);
    }
    if (target.Value() != nullptr && Passes(target.Value())) {
      const ReviewFlag* flag = target.Flag();
      const auto raw = flag ? Quoted(flag->reason) : std::nullopt;
      return raw && WithinOneCharacter(shared_.kind, *raw, *v);
    }
    return PartialReadingAgrees(shared_.kind, *read, *v);
  }

  // A NIR whose key alone differs is how a wrong key on the paper reads:
  // the anomaly the lot rules report, never overwritten.
  bool KeyOnly(const Side& target, const std::string& v) const {
    const std::string* t = target.Value();
    return shared_.kind == Kind::kNir && t && t->size() == 15 && v.size() == 15 && t->compare(0, 13, v, 0, 13) == 0;
  }

  bool Settles(const Side& target, bool target_sure, const std::string* v, bool source_sure) const {
    return v && !target_sure && Usable(v, source_sure, target) && Written(target, *v) && !KeyOnly(target, *v) &&
           checks_.SumsConfirm(shared_.kind, target, *v);
  }

  const SharedValue& shared_;
  const PairChecks& checks_;
  Document& feuille_;
  Document& bordereau_;
  std::vector<ZeroMend>& mends_;
  Side f_, l_, nir_f_, nir_l_, date_f_, date_l_;
};

void ReconcilePair(Document& feuille, Document& bordereau, int line, NumeroLength numero, std::vector<ZeroMend>& mends) {
  const PairChecks checks(feuille, bordereau, bordereau.lines[static_cast<size_t>(line)], numero);
  for (const SharedValue& shared : kShared) ValueReconciler(shared, checks, feuille, bordereau, line, mends).Run();
}

// The n° de facture as a number (at most 18 digits), or nullopt.
std::optional<long long> AsNumber(const std::string& digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  long long n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The lot's own numbering confirms a mend. One lot's invoices come from one
// billing software's counter and lie close together: when, of every number
// the two readings could stand for (ZeroCandidates), the settled one alone
// lies within the lot's size of another invoice number on the bordereau,
// the numbering is a third, independent witness and the flags go. Two
// candidates near the others, or none: the flags stay.
void ConfirmMendsByNumbering(const std::vector<ZeroMend>& mends) {
  for (const ZeroMend& mend : mends) {
    const Document& bordereau = *mend.line.doc;
    std::vector<long long> others;
    for (size_t i = 0; i < bordereau.lines.size(); ++i) {
      if (static_cast<int>(i) == *mend.line.line) continue;
      if (const std::string* n = bordereau.lines[i].Find(fields::kNumeroFacture)) {
        if (const auto value = AsNumber(*n)) others.push_back(*value);
      }
    }
    const long long span = static_cast<long long>(bordereau.lines.size());
    auto near_others = [&](const std::string& candidate) {
      const auto n = AsNumber(candidate);
      // Equal to another line's number is no witness: a lot's invoice
      // numbers are unique.
      return n && std::any_of(others.begin(), others.end(), [&](long long o) {
        const long long gap = std::llabs(*n - o);
        return gap > 0 && gap <= span;
      });
    };
    int near = 0;
    bool settled_near = false;
    for (const std::string& candidate : ZeroCandidates(mend.read_on_feuille, mend.read_on_line)) {
      if (!near_others(candidate)) continue;
      ++near;
      settled_near = settled_near || candidate == mend.value;
    }
    if (near != 1 || !settled_near) continue;
    mend.feuille.RemoveFlag();
    mend.line.RemoveFlag();
  }
}

// The NIR's birth year and month against the birth date, when the
// bénéficiaire is the assuré: both flagged when they disagree.
void CheckNirBirth(const Side& nir_side, const Side& date_side) {
  const std::string* nir_text = nir_side.Value();
  const auto birth = StoredDate(date_side.Value());
  if (nir_text == nullptr || !birth) return;
  auto nir = Nir::Parse(*nir_text);
  if (!nir.ok() || nir->MatchesBirthDate(*birth)) return;
  const std::string reason = "l'année ou le mois de naissance du NIR ne correspond pas à la date de naissance : à vérifier";
  nir_side.AddFlag(reason);
  date_side.AddFlag(reason);
}

}  // namespace

void ReconcileLot(std::vector<Document>& docs, const FormCatalogue* forms) {
  const NumeroLength numero = NumeroLengthOf(forms);
  const auto pairs = MatchFeuillesToLines(docs);
  const bool has_bordereau =
      std::any_of(docs.begin(), docs.end(), [](const Document& d) { return d.type == DocumentType::kBordereau; });
  // Each bordereau's length as read, before any pair adds its flags.
  std::map<size_t, NumeroLength> lengths;
  for (const LotPair& p : pairs) lengths.emplace(p.bordereau, InLot(numero, docs[p.bordereau]));
  std::vector<ZeroMend> mends;
  for (size_t fi = 0; fi < docs.size(); ++fi) {
    Document& f = docs[fi];
    if (f.type != DocumentType::kFeuilleDeSoins) continue;
    const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const LotPair& p) { return p.feuille == fi; });
    if (pair != pairs.end()) {
      ReconcilePair(f, docs[pair->bordereau], pair->line, lengths.at(pair->bordereau), mends);
    } else if (has_bordereau && f.Text(fields::kNumeroFacture) != nullptr) {
      Side{&f, std::nullopt, "numero_facture"}.AddFlag("facture absente du bordereau du lot : à vérifier");
    }
    if (!SamePersonOnFeuille(f)) continue;
    CheckNirBirth({&f, std::nullopt, fields::kAssureNir}, {&f, std::nullopt, fields::kBeneficiaireDateNaissance});
    if (pair != pairs.end()) {
      Document& b = docs[pair->bordereau];
      CheckNirBirth({&b, pair->line, fields::kNir}, {&b, pair->line, fields::kDateNaissance});
    }
  }
  ConfirmMendsByNumbering(mends);
}

}  // namespace liasse::extractors::internal
