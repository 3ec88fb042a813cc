#include "classify.h"

#include <algorithm>
#include <array>
#include <regex>
#include <string>

#include "labels.h"
#include "liasse/core/identifiers.h"

namespace liasse::extractors::internal {

namespace {

// One score per document type, indexed by the enum (kAutre is the last).
constexpr size_t kTypeCount = static_cast<size_t>(DocumentType::kAutre) + 1;

// Counts a phrase once per page: repeated labels should not drown titles.
bool Contains(const std::string& folded, const std::string& phrase) {
  const std::string needle = " " + phrase + " ";
  std::string hay = " " + folded;
  std::replace(hay.begin(), hay.end(), '\n', ' ');
  return hay.find(needle) != std::string::npos;
}

// "page 2/3", "page 2 sur 3", "suite": a sheet that continues a document.
bool LooksLikeContinuation(const std::string& folded) {
  static const std::regex page_n(R"((^|\s)page ([2-9]|1[0-9]) (sur )?([2-9]|1[0-9])(\s|$))");
  static const std::regex page_slash(R"((^|\s)page ([2-9]|1[0-9])([2-9]|1[0-9])(\s|$))");  // "2/3" folds to "23"
  std::string flat = folded;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  return std::regex_search(flat, page_n) || std::regex_search(flat, page_slash) || Contains(flat, "suite");
}

// A price as printed: digits, a comma or a point, two decimals.
bool IsPrice(const std::string& text) {
  std::string t;
  for (char c : text) {
    if (c != ' ' && c != '\xe2' && c != '\x82' && c != '\xac') t += c;  // the euro sign's bytes
  }
  const auto sep = t.find_last_of(",.");
  if (sep == std::string::npos || sep == 0 || t.size() - sep != 3) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// The rows of `page` that hold one of `codes` as a word of its own and a
// price: the act lines of a table of care.
size_t ActRowCount(const PageView& page, const std::vector<std::string>& codes) {
  size_t n = 0;
  for (const auto& row : page.rows()) {
    bool code = false, price = false;
    for (int i : row.words) {
      const std::string& t = page.words()[static_cast<size_t>(i)].text;
      code = code || std::find(codes.begin(), codes.end(), t) != codes.end();
      price = price || IsPrice(t);
    }
    if (code && price) ++n;
  }
  return n;
}

// How many words stand together with the hit's words on their row: the
// neighbours closer than a gap between columns (1.5 word heights).
size_t SegmentLength(const PageView& page, const LabelHit& hit) {
  return page.Phrase(hit.first, hit.last, 1.5 * page.word_height()).size();
}

// A title stands on its own, a heading with at most a couple of words
// beside it ("Facture n° 12", "FACTURE CLIENT"); inside a sentence
// ("délivré sur prescription médicale") it is a mention of another
// document, worth a plain cue.
constexpr size_t kWordsBesideATitle = 2;
constexpr double kMentionWeight = 1;

double CueWeight(const PageView& page, const WeightedPhrase& cue, const std::vector<LabelHit>& hits, double title_area) {
  if (!cue.title) return cue.weight;
  double best = 0;
  for (const LabelHit& h : hits) {
    const size_t own = static_cast<size_t>(h.last - h.first + 1);
    if (SegmentLength(page, h) > own + kWordsBesideATitle) {
      best = std::max(best, std::min(cue.weight, kMentionWeight));
      continue;
    }
    const bool high = page.words()[static_cast<size_t>(h.first)].y0 < title_area;
    best = std::max(best, cue.weight * (high ? 1.5 : 1.0));
  }
  return best;
}

// True when the words `ids` of a row hold a NIR whose key passes: digit
// groups put together make its 15 digits.
bool RowHasValidNir(const PageView& page, const std::vector<int>& ids) {
  for (size_t s = 0; s < ids.size(); ++s) {
    std::string digits;
    for (size_t e = s; e < ids.size() && digits.size() < 15; ++e) {
      const std::string& t = page.words()[static_cast<size_t>(ids[e])].text;
      if (t.empty() || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) break;
      digits += t;
    }
    if (digits.size() == 15 && Nir::Parse(digits).ok()) return true;
  }
  return false;
}

// The rows of `page` that hold a valid NIR and two prices or more: the
// lines of a list of invoices (a bordereau).
size_t NirRowCount(const PageView& page) {
  size_t n = 0;
  for (const auto& row : page.rows()) {
    size_t prices = 0;
    for (int i : row.words) prices += IsPrice(page.words()[static_cast<size_t>(i)].text) ? 1u : 0u;
    if (prices >= 2 && RowHasValidNir(page, row.words)) ++n;
  }
  return n;
}

}  // namespace

PageClass ClassifyPage(const PageView& page, const FormCatalogue* forms) {
  std::array<double, kTypeCount> score{};
  if (forms != nullptr) {
    // Titles printed in the top third of the page count half as much again.
    const double title_area = page.page().height / 3.0;
    for (const auto& form : forms->forms()) {
      double& s = score[static_cast<size_t>(form.type)];
      for (const auto& cue : form.cues) {
        const auto hits = FindLabel(page, cue.phrase);
        if (!hits.empty()) s += CueWeight(page, cue, hits, title_area);
      }
      if (!form.act_rows.codes.empty()) {
        s += form.act_rows.weight * static_cast<double>(std::min(form.act_rows.max_rows, ActRowCount(page, form.act_rows.codes)));
      }
      if (form.nir_rows.weight > 0) {
        s += form.nir_rows.weight * static_cast<double>(std::min(form.nir_rows.max_rows, NirRowCount(page)));
      }
    }
    // A form's own title outranks what other types share with it.
    std::array<double, kTypeCount> taken{};
    for (const auto& form : forms->forms()) {
      if (score[static_cast<size_t>(form.type)] < form.outranks_from) continue;
      for (const auto& [other, points] : form.outranks) taken[static_cast<size_t>(other)] += points;
    }
    for (size_t t = 0; t < score.size(); ++t) score[t] = std::max(0.0, score[t] - taken[t]);
  }
  // A letter from a doctor with only a date, a patient and free text: a
  // prescription when nothing else claims the page.
  PageClass out;
  size_t best = static_cast<size_t>(DocumentType::kAutre);
  double best_score = 0, second = 0;
  for (size_t t = 0; t < score.size(); ++t) {
    if (score[t] > best_score) {
      second = best_score;
      best_score = score[t];
      best = t;
    } else if (score[t] > second) {
      second = score[t];
    }
  }
  out.score = best_score;
  if (best_score < 3) {
    // Too little evidence: a continuation sheet when it holds text, else autre.
    out.type = DocumentType::kAutre;
    out.confidence = 0.3;
    out.continuation = LooksLikeContinuation(page.folded_text());
    return out;
  }
  out.type = static_cast<DocumentType>(best);
  // Margin over the runner-up and absolute evidence both matter.
  const double margin = (best_score - second) / best_score;
  out.confidence = std::clamp(0.5 + 0.5 * margin * std::min(1.0, best_score / 8.0), 0.0, 0.99);
  return out;
}

std::vector<PageGroup> SplitDocuments(const std::vector<PageClass>& classes) {
  std::vector<PageGroup> groups;
  for (size_t i = 0; i < classes.size(); ++i) {
    const PageClass& c = classes[i];
    if (c.continuation && !groups.empty() && groups.back().type != DocumentType::kAutre) {
      groups.back().pages.push_back(static_cast<int>(i));
      continue;
    }
    groups.push_back({c.type, c.confidence, {static_cast<int>(i)}});
  }
  return groups;
}

}  // namespace liasse::extractors::internal
