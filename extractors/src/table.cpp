#include "table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "labels.h"
#include "normalise.h"

namespace liasse::extractors::internal {

namespace {

// A stop word read with an ending of its own ("Somme totale" for
// "Total") or one OCR slip still ends the table, on a row without a date
// (a line's libellé may say "prothèse totale").
constexpr double kStopSimilarity = 0.8;

bool RowHasStop(const PageView& view, const Row& row, const std::vector<std::string>& stops) {
  std::vector<std::string> words;
  for (int i : row.words) {
    const std::string& f = view.words()[static_cast<size_t>(i)].folded;
    if (!f.empty()) words.push_back(f);
  }
  for (const auto& stop : stops) {
    std::vector<std::string> keys;
    for (size_t i = 0, j; i < stop.size(); i = j + 1) {
      j = std::min(stop.find(' ', i), stop.size());
      if (j > i) keys.push_back(stop.substr(i, j - i));
    }
    for (size_t start = 0; !keys.empty() && start + keys.size() <= words.size(); ++start) {
      bool all = true, exact = true;
      for (size_t k = 0; k < keys.size() && all; ++k) {
        const double similarity = WordSimilarity(words[start + k], keys[k]);
        all = similarity >= kStopSimilarity;
        exact = exact && similarity == 1.0;
      }
      if (all && (exact || !FindDate(view.Join(row.words)))) return true;
    }
  }
  return false;
}

}  // namespace

int FindHeaderRow(const PageView& view, const std::vector<std::string>& header_words, size_t min_hits) {
  int best = -1;
  size_t best_hits = 0;
  for (size_t r = 0; r < view.rows().size(); ++r) {
    size_t hits = 0;
    for (const auto& h : header_words) {
      for (int i : view.rows()[r].words) {
        if (WordSimilarity(view.words()[static_cast<size_t>(i)].folded, h) >= 0.75) {
          ++hits;
          break;
        }
      }
    }
    if (hits > best_hits) {
      best_hits = hits;
      best = static_cast<int>(r);
    }
  }
  return best_hits >= min_hits ? best : -1;
}

std::vector<TableRow> RowsBelow(const PageView& view, int header_row, const std::vector<std::string>& stops,
                                size_t max_rows, double join_gap) {
  std::vector<TableRow> out;
  if (header_row < 0) return out;
  for (size_t r = static_cast<size_t>(header_row) + 1; r < view.rows().size() && out.size() < max_rows; ++r) {
    const Row& row = view.rows()[r];
    if (RowHasStop(view, row, stops)) break;
    TableRow tr;
    tr.row = static_cast<int>(r);
    for (int i : row.words) {
      const PlacedWord& w = view.words()[static_cast<size_t>(i)];
      if (w.folded.empty() && (w.text == "|" || w.text == "—" || w.text == "-" || w.text == "_")) continue;  // ruling read as text
      if (!tr.cells.empty() && w.x0 - tr.cells.back().x1 < join_gap * view.word_height()) {
        Cell& c = tr.cells.back();
        c.text += " " + w.text;
        c.words.push_back(i);
        c.x1 = w.x1;
        c.confidence = std::min(c.confidence, w.confidence / 100.0);
      } else {
        tr.cells.push_back({w.text, {i}, w.x0, w.x1, w.confidence / 100.0});
      }
    }
    if (!tr.cells.empty()) out.push_back(std::move(tr));
  }
  return out;
}

int TableHeader::ColumnAt(double x) const {
  int best = -1;
  double best_distance = 1e18;
  for (size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    const double d = x < col.x0 ? col.x0 - x : x > col.x1 ? x - col.x1 : 0;
    if (d < best_distance) {
      best_distance = d;
      best = static_cast<int>(c);
    }
  }
  return best;
}

// The most words one value of a cell spans (a date with its month in letters).
constexpr size_t kWordsOfAValue = 3;

void NameColumnByKind(const PageView& view, TableHeader& header, const std::vector<TableRow>& rows, const std::string& name,
                      const std::function<bool(const std::string&)>& fits, size_t min_rows) {
  if (header.Find(name) != nullptr || rows.empty()) return;
  std::map<int, size_t> hits;  // unnamed column → rows holding a fitting word under it
  for (const auto& row : rows) {
    std::vector<int> ids;
    for (const auto& cell : row.cells) ids.insert(ids.end(), cell.words.begin(), cell.words.end());
    std::set<int> columns;
    for (size_t k = 0; k < ids.size(); ++k) {
      const PlacedWord& w = view.words()[static_cast<size_t>(ids[k])];
      const int c = header.ColumnAt((w.x0 + w.x1) / 2);
      if (c < 0 || !header.columns[static_cast<size_t>(c)].name.empty()) continue;
      // A value of several words starting under the column ("15 novembre 2023").
      std::string text = w.text;
      for (size_t n = k; n < ids.size() && n < k + kWordsOfAValue; ++n) {
        if (n > k) text += " " + view.words()[static_cast<size_t>(ids[n])].text;
        if (fits(text)) {
          columns.insert(c);
          break;
        }
      }
    }
    for (int c : columns) ++hits[c];
  }
  // The column holding the kind in the most rows; two as many: neither.
  int found = -1;
  size_t most = 0;
  bool tie = false;
  for (const auto& [c, n] : hits) {
    if (n < min_rows || 2 * n < rows.size() || n < most) continue;
    tie = n == most;
    if (n > most) {
      found = c;
      most = n;
    }
  }
  if (tie) return;
  if (found >= 0) header.columns[static_cast<size_t>(found)].name = name;
}

const HeaderColumn* TableHeader::Find(std::string_view name) const {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

namespace {

struct ColumnHit {
  std::string column;
  LabelHit hit;
};

// The header hits of one row that read the most of it: non-overlapping
// hits whose words, weighted by each hit's similarity, add up to most; of
// equal sums the fewer, longer hits (a wording "Date des soins" over
// "Date"). Two exact wordings side by side ("COEF" "ACTE") thus beat one
// longer wording read with a slip across both ("Code acte"), and of two
// wordings as long the closer claims the words ("Part AMO" is the AMO's
// column, one letter from the AMC's "Part AMC"). A column keeps every
// wording it has on the row (its cell may say "Acte (lettre clé)").
std::vector<ColumnHit> ClaimRow(const std::vector<ColumnHit>& hits) {
  std::vector<ColumnHit> sorted = hits;
  std::stable_sort(sorted.begin(), sorted.end(), [](const ColumnHit& a, const ColumnHit& b) { return a.hit.last < b.hit.last; });
  // Weighted interval scheduling over the hits sorted by their last word:
  // best[i] is the best choice among the first i hits.
  struct Choice {
    double weight = 0;
    int hits = 0;
    std::vector<size_t> kept;
  };
  auto better = [](const Choice& a, const Choice& b) {
    if (std::abs(a.weight - b.weight) > 1e-9) return a.weight > b.weight;
    return a.hits < b.hits;
  };
  std::vector<Choice> best(sorted.size() + 1);
  for (size_t i = 0; i < sorted.size(); ++i) {
    const LabelHit& h = sorted[i].hit;
    size_t before = i;  // hits [0, before) end before h starts
    while (before > 0 && sorted[before - 1].hit.last >= h.first) --before;
    Choice take = best[before];
    take.weight += h.similarity * static_cast<double>(h.last - h.first + 1);
    take.hits += 1;
    take.kept.push_back(i);
    best[i + 1] = better(take, best[i]) ? std::move(take) : best[i];
  }
  std::vector<ColumnHit> kept;
  for (size_t i : best.back().kept) kept.push_back(sorted[i]);
  return kept;
}

// A column named twice (two separate wordings far apart, "Prénom de
// l'assuré" … "Nom"): the wording read closest keeps the name, the first
// of equals; the other is a column the data does not know.
void NameEachColumnOnce(std::vector<HeaderColumn>& cols, const std::vector<double>& similarity) {
  for (size_t c = 0; c < cols.size(); ++c) {
    if (cols[c].name.empty()) continue;
    for (size_t d = 0; d < cols.size(); ++d) {
      if (d == c || cols[d].name != cols[c].name) continue;
      if (similarity[d] > similarity[c] || (similarity[d] == similarity[c] && d < c)) {
        cols[c].name.clear();
        break;
      }
    }
  }
}

// The distance from word `n` of `row_words` to the next printed word of
// the row (rules and marks skipped); infinite at the row's end.
double GapToNextWord(const PageView& view, const std::vector<int>& row_words, size_t n) {
  const PlacedWord& w = view.words()[static_cast<size_t>(row_words[n])];
  for (size_t k = n + 1; k < row_words.size(); ++k) {
    const PlacedWord& next = view.words()[static_cast<size_t>(row_words[k])];
    if (!next.folded.empty()) return next.x0 - w.x1;
  }
  return std::numeric_limits<double>::infinity();
}

// The columns of header row `row`: each word in the column of the hit of
// `hits` that holds it, or in a column of its own that the data does not
// know (glued to an unknown neighbour).
std::vector<HeaderColumn> ColumnsOfRow(const PageView& view, int row, const std::vector<ColumnHit>& hits) {
  std::vector<HeaderColumn> cols;
  std::vector<double> similarity;  // of each column's best wording
  const std::vector<int>& row_words = view.rows()[static_cast<size_t>(row)].words;
  for (size_t n = 0; n < row_words.size(); ++n) {
    const int i = row_words[n];
    const PlacedWord& w = view.words()[static_cast<size_t>(i)];
    std::string name;
    bool known = false;
    double s = 0;
    for (const auto& c : hits) {
      if (i >= c.hit.first && i <= c.hit.last) {
        name = c.column;
        known = true;
        s = c.hit.similarity;
      }
    }
    if (!known && w.folded.empty()) continue;  // a rule or a stray mark
    // A word at a word's spacing after a column's wording carries that
    // wording on ("Date des soins" where the data has "Date"): the same
    // cell, named by its first wording — another column's wording there
    // is a complement ("Coefficient de l'acte" is no column of acts).
    // A word of no wording printed with wide spacing ("TOTAL LIGNE") is
    // carried on too when it stands much nearer the cell before it than
    // the word after it.
    const double gap = cols.empty() ? 0 : w.x0 - cols.back().x1;
    const bool close = !cols.empty() && (gap < 0.6 * view.word_height() ||
                                         (!known && gap < view.word_height() && 1.5 * gap < GapToNextWord(view, row_words, n)));
    const bool same = !cols.empty() && (close || (known && cols.back().name == name));
    if (same) {
      cols.back().x1 = std::max(cols.back().x1, w.x1);
      if (known && cols.back().name == name) similarity.back() = std::max(similarity.back(), s);
    } else {
      cols.push_back({name, w.x0, w.x1});
      similarity.push_back(s);
    }
  }
  NameEachColumnOnce(cols, similarity);
  return cols;
}

}  // namespace

TableHeader FindTableHeader(const PageView& view, const TableSpec& spec) { return FindTableHeaderBelow(view, spec, -1); }

TableHeader FindTableHeaderBelow(const PageView& view, const TableSpec& spec, int above) {
  std::map<int, std::vector<ColumnHit>> by_row;
  // Every wording's hits, overlapping ones too: ClaimRow keeps the closest
  // of those as long ("Part AM" read is the AMO's "Part AM", not its "Part
  // AMO" one letter away, which ties with the AMC's "Part AMC").
  for (const auto& [name, wordings] : spec.columns) {
    for (const auto& wording : wordings) {
      for (const auto& h : FindLabel(view, wording)) {
        by_row[view.words()[static_cast<size_t>(h.first)].row].push_back({name, h});
      }
    }
  }
  TableHeader header;
  size_t best = 0;
  std::vector<ColumnHit> best_hits;
  for (const auto& [row, hits] : by_row) {
    if (row <= above) continue;
    auto claimed = ClaimRow(hits);
    std::vector<std::string> names;
    for (const auto& c : claimed) {
      if (std::find(names.begin(), names.end(), c.column) == names.end()) names.push_back(c.column);
    }
    if (names.size() > best) {
      best = names.size();
      header.row = row;
      best_hits = std::move(claimed);
    }
  }
  if (best < spec.min_columns) return {};
  header.columns = ColumnsOfRow(view, header.row, best_hits);
  return header;
}

TableHeader HeaderOfRow(const PageView& view, int row) {
  TableHeader header;
  header.row = row;
  header.columns = ColumnsOfRow(view, row, {});
  return header;
}

std::vector<std::string> StopKeys(const TableSpec& spec) {
  std::vector<std::string> out;
  for (const auto& stop : spec.stops) {
    std::string keys;
    size_t i = 0;
    while (i <= stop.size()) {
      const size_t j = std::min(stop.find(' ', i), stop.size());
      const std::string k = FoldKey(stop.substr(i, j - i));
      if (!k.empty()) keys += (keys.empty() ? "" : " ") + k;
      i = j + 1;
    }
    if (!keys.empty()) out.push_back(keys);
  }
  return out;
}

}  // namespace liasse::extractors::internal
