#include "lot_reconcile.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "liasse/core/date.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/money.h"

namespace liasse::extractors::internal {

namespace {

enum class Kind { kNumero, kNir, kDate, kAmount, kName };

// A value printed on both the feuille and its bordereau line.
struct SharedValue {
  const char* field;   // on the feuille
  const char* column;  // on the bordereau line
  Kind kind;
  const char* label;   // French, for the reasons
};

constexpr SharedValue kShared[] = {
    {"numero_facture", "numero_facture", Kind::kNumero, "n° de facture"},
    {"assure.nir", "nir", Kind::kNir, "NIR"},
    {"beneficiaire.date_naissance", "date_naissance", Kind::kDate, "date de naissance"},
    {"montant_total", "montant_total", Kind::kAmount, "montant total"},
    {"assure.nom", "nom", Kind::kName, "nom de l'assuré"},
    {"assure.prenom", "prenom", Kind::kName, "prénom de l'assuré"},
};

const ReviewFlag* FindFlag(const Document& doc, std::string_view name, std::optional<int> line) {
  for (const auto& f : doc.review) {
    if (f.field == name && f.line == line) return &f;
  }
  return nullptr;
}

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
  // Flags the side with `reason`, replacing the reason it had.
  void SetFlag(const std::string& reason) const {
    if (ReviewFlag* f = Flag()) f->reason = reason;
    else doc->review.push_back({name, line, reason});
  }
};

std::optional<Date> ParseIso(const std::string* s) {
  if (s == nullptr) return std::nullopt;
  auto d = Date::Parse(*s);
  if (!d.ok()) return std::nullopt;
  return d.value();
}

std::optional<Money> ParseMoney(const std::string* s) {
  if (s == nullptr) return std::nullopt;
  auto m = Money::ParseDecimal(*s);
  if (!m.ok()) return std::nullopt;
  return m.value();
}

// The reading a flag's reason quotes between « and », or nullopt.
std::optional<std::string> Quoted(const std::string& reason) {
  const std::string open = "\xC2\xAB ", close = " \xC2\xBB";
  const auto a = reason.find(open);
  const auto b = reason.rfind(close);
  if (a == std::string::npos || b == std::string::npos || b <= a + open.size()) return std::nullopt;
  return reason.substr(a + open.size(), b - a - open.size());
}

size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Digits (and the A/B of a Corsican NIR) in reading order.
std::string Characters(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || c == 'A' || c == 'B') out += c;
  }
  return out;
}

// The characters a value shows on the paper: dates are printed dd/mm/yyyy.
std::string PrintedCharacters(Kind kind, const std::string& value) {
  if (kind == Kind::kDate && value.size() == 10) return value.substr(8, 2) + value.substr(5, 2) + value.substr(0, 4);
  return Characters(value);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// A partial reading quoted in a flag agrees with `value` on most characters:
// the ink there is this value, misread.
bool PartialReadingAgrees(Kind kind, const std::string& quoted, const std::string& value) {
  if (kind == Kind::kAmount) return !Characters(quoted).empty();  // the sums confirm the amount
  if (kind == Kind::kName) {
    size_t start = 0;
    const std::string want = Upper(value);
    while (start < quoted.size()) {
      size_t end = quoted.find(' ', start);
      if (end == std::string::npos) end = quoted.size();
      const std::string word = Upper(quoted.substr(start, end - start));
      if (!word.empty() && Distance(word, want) * 3 <= want.size()) return true;
      start = end + 1;
    }
    return false;
  }
  const std::string read = Characters(quoted), want = PrintedCharacters(kind, value);
  if (read.size() * 2 < want.size()) return false;
  return Distance(read, want) <= std::max<size_t>(1, want.size() / 4);
}

// The checks a value is put through before it settles the other side.
class PairChecks {
 public:
  PairChecks(const Document& feuille, const Document& bordereau, const Line& line)
      : feuille_(feuille), bordereau_(bordereau), line_(line) {}

  // Same person: the bénéficiaire's nom and prénom are the assuré's.
  bool SamePerson() const {
    const std::string* bn = feuille_.Text("beneficiaire.nom");
    const std::string* bp = feuille_.Text("beneficiaire.prenom");
    const std::string* an = feuille_.Text("assure.nom");
    const std::string* ap = feuille_.Text("assure.prenom");
    if (!(bn && bp && an && ap) || *bn != *an || *bp != *ap) return false;
    const std::string* ln = line_.Find("nom");
    const std::string* lp = line_.Find("prenom");
    return (!ln || *ln == *an) && (!lp || *lp == *ap);
  }

  bool Passes(Kind kind, const std::string& value, const Side& nir_f, const Side& nir_l, const Side& date_f,
              const Side& date_l) const {
    switch (kind) {
      case Kind::kNumero:
        return value.size() == 9 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      case Kind::kNir: {
        auto nir = Nir::Parse(value);
        if (!nir.ok()) return false;
        if (!SamePerson()) return true;
        for (const Side* d : {&date_f, &date_l}) {
          const auto birth = ParseIso(d->Value());
          if (birth && d->Flag() == nullptr && !nir->MatchesBirthDate(*birth)) return false;
        }
        return true;
      }
      case Kind::kDate: {
        const auto birth = ParseIso(&value);
        if (!birth || birth->year() < 1900) return false;
        const auto lot = ParseIso(bordereau_.Text("lot.date"));
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
      case Kind::kAmount:
        return ParseMoney(&value).has_value();
      case Kind::kName:
        return !value.empty();
    }
    return false;
  }

  // An amount taken from the other side must make this side's own sums add
  // up: AMO + AMC on the line, the acts on the feuille.
  bool SumsConfirm(Kind kind, const Side& target, const std::string& value) const {
    if (kind != Kind::kAmount) return true;
    const auto total = ParseMoney(&value);
    if (!total) return false;
    if (target.line) {
      const auto amo = ParseMoney(line_.Find("montant_amo"));
      const auto amc = ParseMoney(line_.Find("montant_amc"));
      return amo && amc && *amo + *amc == *total;
    }
    if (feuille_.lines.empty()) return false;
    Money sum = Money::Zero();
    for (const Line& act : feuille_.lines) {
      const auto m = ParseMoney(act.Find("montant"));
      if (!m) return false;
      sum += *m;
    }
    return sum == *total;
  }

 private:
  const Document& feuille_;
  const Document& bordereau_;
  const Line& line_;
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

void ReconcilePair(Document& feuille, Document& bordereau, int line) {
  const PairChecks checks(feuille, bordereau, bordereau.lines[static_cast<size_t>(line)]);
  const Side nir_f{&feuille, std::nullopt, "assure.nir"}, nir_l{&bordereau, line, "nir"};
  const Side date_f{&feuille, std::nullopt, "beneficiaire.date_naissance"}, date_l{&bordereau, line, "date_naissance"};
  for (const SharedValue& shared : kShared) {
    const Side f{&feuille, std::nullopt, shared.field}, l{&bordereau, line, shared.column};
    const std::string* fv = f.Value();
    const std::string* lv = l.Value();
    if (fv && lv && *fv == *lv) continue;
    auto passes = [&](const std::string* v) {
      return v && checks.Passes(shared.kind, *v, nir_f, nir_l, date_f, date_l);
    };
    const bool f_sure = fv && f.Flag() == nullptr && passes(fv);
    const bool l_sure = lv && l.Flag() == nullptr && passes(lv);
    // What the doubtful side read: its value, else the partial reading its flag quotes.
    auto reading = [&](const Side& s) -> std::optional<std::string> {
      if (const std::string* v = s.Value()) return *v;
      if (const ReviewFlag* flag = s.Flag()) return Quoted(flag->reason);
      return std::nullopt;
    };
    // A doubtful side that shows it was written: a reading, or a partial
    // reading its flag quotes agreeing with the other side's value.
    auto written = [&](const Side& s, const std::string& other) {
      if (s.Value() != nullptr) return true;
      const auto partial = reading(s);
      return partial && PartialReadingAgrees(shared.kind, *partial, other);
    };
    // The source: read, unflagged and passing its checks; or, flagged but
    // passing them, when the target fails them and its own reading agrees
    // (two readings of the same ink).
    auto usable = [&](const std::string* v, bool sure, const Side& target) {
      if (sure) return true;
      if (!v || !passes(v) || shared.kind == Kind::kName) return false;
      if (target.Value() != nullptr && passes(target.Value())) return false;
      const auto read = reading(target);
      return read && PartialReadingAgrees(shared.kind, *read, *v);
    };
    // A NIR whose key alone differs is how a wrong key on the paper reads:
    // the anomaly the lot rules report, never overwritten.
    auto key_only = [&](const Side& target, const std::string& v) {
      const std::string* t = target.Value();
      return shared.kind == Kind::kNir && t && t->size() == 15 && v.size() == 15 && t->compare(0, 13, v, 0, 13) == 0;
    };
    auto settles = [&](const Side& target, bool target_sure, const std::string* v, bool source_sure) {
      return v && !target_sure && usable(v, source_sure, target) && written(target, *v) && !key_only(target, *v) &&
             checks.SumsConfirm(shared.kind, target, *v);
    };
    if (settles(l, l_sure, fv, f_sure)) {
      Fill(l, *fv, feuille);
    } else if (settles(f, f_sure, lv, l_sure)) {
      Fill(f, *lv, bordereau);
    } else if (fv && lv) {
      // A misreading or an anomaly of the lot: never resolved by picking one.
      f.AddFlag(std::string(shared.label) + " différent de celui du bordereau (" + Quote(*lv) + ") : à vérifier");
      l.AddFlag(std::string(shared.label) + " différent de celui de la feuille de soins (" + Quote(*fv) + ") : à vérifier");
    }
  }
}

// The NIR's birth year and month against the birth date, when the
// bénéficiaire is the assuré: both flagged when they disagree.
void CheckNirBirth(const Side& nir_side, const Side& date_side) {
  const std::string* nir_text = nir_side.Value();
  const auto birth = ParseIso(date_side.Value());
  if (nir_text == nullptr || !birth) return;
  auto nir = Nir::Parse(*nir_text);
  if (!nir.ok() || nir->MatchesBirthDate(*birth)) return;
  const std::string reason = "l'année ou le mois de naissance du NIR ne correspond pas à la date de naissance : à vérifier";
  nir_side.AddFlag(reason);
  date_side.AddFlag(reason);
}

bool SamePersonOnFeuille(const Document& f) {
  const std::string* bn = f.Text("beneficiaire.nom");
  const std::string* bp = f.Text("beneficiaire.prenom");
  const std::string* an = f.Text("assure.nom");
  const std::string* ap = f.Text("assure.prenom");
  return bn && bp && an && ap && *bn == *an && *bp == *ap;
}

// Keys agreeing: an equal n° de facture counts double (consecutive numbers
// differ by a digit, so a near one counts nothing); names and birth dates
// nearly equal count (a misread character), other values must be equal.
int MatchScore(const Document& f, const Document& bordereau, int line) {
  int score = 0;
  for (const SharedValue& shared : kShared) {
    const std::string* fv = f.Text(shared.field);
    const std::string* lv = bordereau.lines[static_cast<size_t>(line)].Find(shared.column);
    if (fv == nullptr) continue;
    if (lv && *fv == *lv) {
      score += shared.kind == Kind::kNumero ? 2 : 1;
      continue;
    }
    if (shared.kind != Kind::kName && shared.kind != Kind::kDate) continue;
    std::optional<std::string> read;
    if (lv) read = *lv;
    else if (const ReviewFlag* flag = FindFlag(bordereau, shared.column, line)) read = Quoted(flag->reason);
    if (!read) continue;
    if (shared.kind == Kind::kDate && lv) read = PrintedCharacters(Kind::kDate, *lv);
    if (PartialReadingAgrees(shared.kind, *read, *fv)) score += 1;
  }
  return score;
}

}  // namespace

std::vector<LotPair> MatchFeuillesToLines(const std::vector<Document>& docs) {
  struct Candidate {
    int score;
    LotPair pair;
  };
  std::vector<Candidate> candidates;
  for (size_t fi = 0; fi < docs.size(); ++fi) {
    if (docs[fi].type != DocumentType::kFeuilleDeSoins) continue;
    for (size_t bi = 0; bi < docs.size(); ++bi) {
      if (docs[bi].type != DocumentType::kBordereau) continue;
      for (size_t li = 0; li < docs[bi].lines.size(); ++li) {
        const int score = MatchScore(docs[fi], docs[bi], static_cast<int>(li));
        if (score >= 2) candidates.push_back({score, {fi, bi, static_cast<int>(li)}});
      }
    }
  }
  // Best agreements first; a feuille or line whose best candidates tie is ambiguous.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::vector<LotPair> pairs;
  std::vector<bool> taken(candidates.size(), false);
  auto feuille_done = [&](size_t fi) { return std::any_of(pairs.begin(), pairs.end(), [&](const LotPair& p) { return p.feuille == fi; }); };
  auto line_done = [&](const LotPair& c) {
    return std::any_of(pairs.begin(), pairs.end(), [&](const LotPair& p) { return p.bordereau == c.bordereau && p.line == c.line; });
  };
  std::vector<size_t> ambiguous_feuilles;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const LotPair& c = candidates[i].pair;
    if (feuille_done(c.feuille) || line_done(c) ||
        std::find(ambiguous_feuilles.begin(), ambiguous_feuilles.end(), c.feuille) != ambiguous_feuilles.end()) {
      continue;
    }
    bool tie = false;
    for (size_t k = 0; k < candidates.size(); ++k) {
      const LotPair& o = candidates[k].pair;
      if (k == i || candidates[k].score != candidates[i].score || feuille_done(o.feuille) || line_done(o)) continue;
      const bool same_line = o.bordereau == c.bordereau && o.line == c.line;
      if (o.feuille == c.feuille || same_line) tie = true;
    }
    if (tie) {
      ambiguous_feuilles.push_back(c.feuille);
      continue;
    }
    pairs.push_back(c);
  }
  return pairs;
}

void ReconcileLot(std::vector<Document>& docs) {
  const auto pairs = MatchFeuillesToLines(docs);
  const bool has_bordereau =
      std::any_of(docs.begin(), docs.end(), [](const Document& d) { return d.type == DocumentType::kBordereau; });
  for (size_t fi = 0; fi < docs.size(); ++fi) {
    Document& f = docs[fi];
    if (f.type != DocumentType::kFeuilleDeSoins) continue;
    const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const LotPair& p) { return p.feuille == fi; });
    if (pair != pairs.end()) {
      ReconcilePair(f, docs[pair->bordereau], pair->line);
    } else if (has_bordereau && f.Text("numero_facture") != nullptr) {
      Side{&f, std::nullopt, "numero_facture"}.AddFlag("facture absente du bordereau du lot : à vérifier");
    }
    if (!SamePersonOnFeuille(f)) continue;
    CheckNirBirth({&f, std::nullopt, "assure.nir"}, {&f, std::nullopt, "beneficiaire.date_naissance"});
    if (pair != pairs.end()) {
      Document& b = docs[pair->bordereau];
      CheckNirBirth({&b, pair->line, "nir"}, {&b, pair->line, "date_naissance"});
    }
  }
}

}  // namespace liasse::extractors::internal
