#include "lot_match.h"

#include <algorithm>

#include "lot_values.h"

namespace liasse::extractors::internal {

namespace {

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

}  // namespace liasse::extractors::internal
