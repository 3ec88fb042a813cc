#include "classify.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <regex>
#include <string>

#include "contract_formula.h"
#include "labels.h"
#include "letter_date.h"
#include "normalise.h"
#include "table.h"
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

// A price as printed: digits, one decimal comma or point and two decimals;
// other separators only between thousands ("1.234,56"), so that a phone
// number ("01.17.63.21.16") is no price.
bool IsPrice(const std::string& text) {
  std::string t;
  for (char c : text) {
    if (c != ' ' && c != '\xe2' && c != '\x82' && c != '\xac') t += c;  // the euro sign's bytes
  }
  const auto sep = t.find_last_of(",.");
  if (sep == std::string::npos || sep == 0 || t.size() - sep != 3) return false;
  if (!std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; })) return false;
  // Separators before the decimal one only between groups of three digits.
  size_t group_end = sep;
  while (true) {
    const size_t p = t.find_last_of(",.", group_end - 1);
    if (p == std::string::npos) return true;
    if (p == 0 || group_end - p != 4) return false;
    group_end = p;
  }
}

// Digits before a euro sign ("1768 €", "2210€"): an amount whose decimal
// separator the scan lost.
bool IsEurosWithoutSeparator(const std::string& text, const std::string& next) {
  static const std::string kEuro = "\xe2\x82\xac";
  std::string t = text;
  bool euro = false;
  if (t.ends_with(kEuro)) {
    t.resize(t.size() - kEuro.size());
    euro = true;
  }
  euro = euro || next == kEuro || next == "EUR";
  return euro && t.size() >= 3 && t.size() <= 7 && IsAllDigits(t);
}

// An amount of the row `ids`: a price, or euros without their separator.
bool RowHasAmount(const PageView& page, const std::vector<int>& ids) {
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::string& t = page.words()[static_cast<size_t>(ids[k])].text;
    const std::string next = k + 1 < ids.size() ? page.words()[static_cast<size_t>(ids[k + 1])].text : "";
    if (IsPrice(t) || IsEurosWithoutSeparator(t, next)) return true;
  }
  return false;
}

// A word as an act code: accents, case and punctuation folded away, digits
// read for the letters they look like ("AMÔ", "amo", "1FD").
std::string AsActCode(const PlacedWord& w) {
  std::string code = FoldKey(w.text);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return DigitsReadAsLetters(code);
}

// The rows of `page` that hold one of `codes` as a word of its own and an
// amount or a date: the act lines of a table of care (hand-filled lines
// lose the amount's separator, or print the date and leave the amount).
size_t ActRowCount(const PageView& page, const std::vector<std::string>& codes) {
  size_t n = 0;
  for (size_t r = 0; r < page.rows().size(); ++r) {
    const auto& row = page.rows()[r];
    bool code = false;
    for (int i : row.words) {
      code = code || std::find(codes.begin(), codes.end(), AsActCode(page.words()[static_cast<size_t>(i)])) != codes.end();
    }
    if (code && (RowHasAmount(page, row.words) || FindDate(page.RowText(r)).has_value())) ++n;
  }
  return n;
}

// The rows of `page` that hold an amount.
size_t AmountRowCount(const PageView& page) {
  size_t n = 0;
  for (const auto& row : page.rows()) n += RowHasAmount(page, row.words) ? 1u : 0u;
  return n;
}

// A title heads a short phrase, with at most a couple of words after it
// ("Facture n° 12", "FACTURE CLIENT"), or a longer one printed larger than
// the page's text ("Feuille de soins - actes paramédicaux"); inside a
// sentence ("délivré sur prescription médicale") it is a mention of another
// document, worth a plain cue. After other words of a heading it may be
// their complement ("Bordereau des feuilles de soins"): half a title.
// A short title must be read exactly: one letter from "Devis" is a name.
constexpr size_t kWordsBesideATitle = 2;
constexpr double kMentionWeight = 1;
constexpr double kComplementShare = 0.5;
constexpr double kLargerPrint = 1.25;
constexpr size_t kShortTitle = 7;

double TitleHitWeight(const PageView& page, const WeightedPhrase& cue, const LabelHit& h, double title_area) {
  if (FoldKey(cue.phrase).size() <= kShortTitle && h.similarity < 1.0) return 0;
  const auto phrase = page.Phrase(h.first, h.last, 1.5 * page.word_height());
  const size_t own = static_cast<size_t>(h.last - h.first + 1);
  const PlacedWord& first = page.words()[static_cast<size_t>(h.first)];
  const bool large = first.y1 - first.y0 >= kLargerPrint * page.word_height();
  if (phrase.size() > own + kWordsBesideATitle && !large) return std::min(cue.weight, kMentionWeight);
  // Below the title area and in the page's own print, a short phrase alone
  // heads a section of the form ("Prescription" over the prescriber's block
  // of a feuille de soins), not the page: a mention.
  if (first.y0 >= title_area && !large) return std::min(cue.weight, kMentionWeight);
  const double weight = cue.weight * (first.y0 < title_area ? 1.5 : 1.0);
  const bool heads = !phrase.empty() && phrase.front() == h.first;
  return heads ? weight : kComplementShare * weight;
}

// A title's weight where it is printed: its best hit on the page.
struct TitleWeight {
  double weight = 0;
  LabelHit hit;
};

TitleWeight BestTitleHit(const PageView& page, const WeightedPhrase& cue, const std::vector<LabelHit>& hits, double title_area) {
  TitleWeight best;
  for (const LabelHit& h : hits) {
    const double w = TitleHitWeight(page, cue, h, title_area);
    if (w > best.weight) best = {w, h};
  }
  return best;
}

// The evidence of a form's cues on the page. Titles of one form printed in
// the same words ("Facture" and "Facture de soins" on one heading) are one
// title: the heaviest counts, the others not.
double CueEvidence(const PageView& page, const FormSpec& form, double title_area) {
  double sum = 0;
  std::vector<TitleWeight> titles;
  for (const auto& cue : form.cues) {
    const auto hits = FindLabel(page, cue.phrase);
    if (hits.empty()) continue;
    if (!cue.title) {
      sum += cue.weight;
      continue;
    }
    const TitleWeight t = BestTitleHit(page, cue, hits, title_area);
    if (t.weight > 0) titles.push_back(t);
  }
  std::stable_sort(titles.begin(), titles.end(), [](const TitleWeight& a, const TitleWeight& b) { return a.weight > b.weight; });
  std::vector<LabelHit> counted;
  for (const TitleWeight& t : titles) {
    const bool shares_words = std::any_of(counted.begin(), counted.end(), [&](const LabelHit& c) {
      return t.hit.first <= c.last && c.first <= t.hit.last;
    });
    if (shares_words) continue;
    sum += t.weight;
    counted.push_back(t.hit);
  }
  return sum;
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

// The header of the form's table (its column wordings on one row): each
// column it names weighs the form's table_header weight.
double TableHeaderEvidence(const PageView& page, const FormSpec& form) {
  const TableSpec* spec = form.table_header.weight > 0 ? form.Table(form.table_header.table) : nullptr;
  if (spec == nullptr) return 0;
  const TableHeader header = FindTableHeader(page, *spec);
  if (!header.ok()) return 0;
  const auto named = std::count_if(header.columns.begin(), header.columns.end(), [](const HeaderColumn& c) { return !c.name.empty(); });
  return form.table_header.weight * static_cast<double>(named);
}

// A wording shorter than this (folded) is no evidence of a form: "le",
// "Dr", "M." stand in any text.
constexpr size_t kMinEvidenceWording = 4;

// A label read closely enough to be evidence of its form (an abbreviation
// or a reading two confusions away is not).
constexpr double kLabelEvidenceSimilarity = 0.9;

// The evidence of the form's field labels and section headings on the
// page (FormSpec::field_labels): each field or section found counts once,
// by its most telling wording found.
// `found` memoises, per folded wording, whether the page holds it: forms
// share many wordings.
double FieldLabelEvidence(const PageView& page, const FormCatalogue& forms, const FormSpec& form,
                          std::map<std::string, bool>& found) {
  if (form.field_labels.weight <= 0) return 0;
  double sum = 0;
  for (const auto& group : forms.LabelWordings(form.type)) {
    double best = 0;
    for (const auto& w : group) {
      if (w.key.size() < kMinEvidenceWording) continue;
      auto [known, inserted] = found.try_emplace(w.key, false);
      if (inserted) {
        const auto hits = FindLabel(page, w.wording);
        known->second = !hits.empty() && hits.front().similarity >= kLabelEvidenceSimilarity;
      }
      if (!known->second) continue;
      best = std::max(best, 1.0 / std::max(1, w.forms));
    }
    sum += best;
  }
  return std::min(form.field_labels.max, form.field_labels.weight * sum);
}

// A row of the page reads as a letter's "<commune>, le <date>".
bool HasPlaceDateRow(const PageView& page) {
  for (size_t r = 0; r < page.rows().size(); ++r) {
    if (PlaceDateOfRow(page, r)) return true;
  }
  return false;
}

// The evidence of the page's shape as a letter and of the contract it
// names ([classification.letter], [classification.formulas]), each looked
// for once per page.
class LetterEvidence {
 public:
  explicit LetterEvidence(const PageView& page) : page_(page) {}
  double Of(const FormSpec& form) {
    double sum = 0;
    if (form.letter.weight > 0) {
      if (!letter_) letter_ = HasPlaceDateRow(page_);
      if (*letter_) sum += form.letter.weight;
    }
    if (form.formulas.weight > 0) {
      if (!flat_) flat_ = FlatText(page_);
      if (NamesAFormula(form, *flat_)) sum += form.formulas.weight;
    }
    return sum;
  }

 private:
  const PageView& page_;
  std::optional<bool> letter_;
  std::optional<std::string> flat_;
};

}  // namespace

PageClass ClassifyPage(const PageView& page, const FormCatalogue* forms) {
  std::array<double, kTypeCount> score{};
  if (forms != nullptr) {
    // Titles printed in the top third of the page count half as much again.
    const double title_area = page.page().height / 3.0;
    std::map<std::string, bool> wording_found;
    LetterEvidence letter(page);
    for (const auto& form : forms->forms()) {
      double& s = score[static_cast<size_t>(form.type)];
      s += CueEvidence(page, form, title_area);
      if (!form.act_rows.codes.empty()) {
        s += form.act_rows.weight * static_cast<double>(std::min(form.act_rows.max_rows, ActRowCount(page, form.act_rows.codes)));
      }
      if (form.nir_rows.weight > 0) {
        s += form.nir_rows.weight * static_cast<double>(std::min(form.nir_rows.max_rows, NirRowCount(page)));
      }
      if (form.amount_rows.weight != 0) {
        s += form.amount_rows.weight * static_cast<double>(std::min(form.amount_rows.max_rows, AmountRowCount(page)));
      }
      s += TableHeaderEvidence(page, form);
      s += FieldLabelEvidence(page, *forms, form, wording_found);
      s += letter.Of(form);
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
