#include "doc_reader.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace liasse::extractors::internal {

namespace {

std::string Percent(double c) { return fmt::format("{} %", static_cast<int>(std::lround(c * 100))); }

}  // namespace

Found DocReader::Make(const std::vector<int>& ids, double label_similarity) const {
  Found f;
  f.words = ids;
  f.text = view_->Join(ids);
  f.confidence = view_->MinConfidence(ids) * std::min(1.0, 0.2 + label_similarity * 0.8 + 0.0);
  return f;
}

std::optional<Found> DocReader::ValueOf(const LabelHit& hit, double max_gap_mm, double max_x_mm) const {
  const auto ids = view_->RightOf(hit, max_gap_mm, max_x_mm * view_->mm());
  if (!hit.glued_value.empty()) {
    Found f = Make(ids, hit.similarity);
    f.text = hit.glued_value + (f.text.empty() ? "" : " " + f.text);
    f.words.insert(f.words.begin(), hit.last);
    f.confidence = std::min(f.confidence > 0 ? f.confidence : 1.0, view_->MinConfidence({hit.last})) * 0.9;
    return f;
  }
  if (ids.empty()) return std::nullopt;
  return Make(ids, hit.similarity);
}

std::optional<Found> DocReader::RightOfLabel(std::string_view label, double max_gap_mm, double max_x_mm) const {
  const LabelHit hit = view_->FindBest(label);
  if (hit.similarity <= 0) return std::nullopt;
  return ValueOf(hit, max_gap_mm, max_x_mm);
}

std::optional<Found> DocReader::RightOfLabelWhere(std::string_view label, const std::function<bool(const Found&)>& accept,
                                                  double max_gap_mm) const {
  for (const auto& hit : view_->Find(label)) {
    auto f = ValueOf(hit, max_gap_mm, 1e9);
    if (f && accept(*f)) return f;
  }
  return std::nullopt;
}

std::optional<Found> DocReader::RightOfNthLabel(std::string_view label, size_t k, double max_gap_mm) const {
  auto hits = view_->Find(label);
  std::sort(hits.begin(), hits.end(), [&](const LabelHit& a, const LabelHit& b) {
    return view_->words()[static_cast<size_t>(a.first)].y0 < view_->words()[static_cast<size_t>(b.first)].y0;
  });
  if (k >= hits.size()) return std::nullopt;
  return ValueOf(hits[k], max_gap_mm, 1e9);
}

bool DocReader::Confident(double confidence) const { return confidence >= ctx_.options->review_below_confidence; }

void DocReader::SetText(std::string_view name, std::string value, double confidence, const std::vector<int>& words) {
  if (Has(name) || value.empty()) return;
  Field f;
  f.value = std::move(value);
  f.confidence = std::clamp(confidence, 0.0, 1.0);
  f.page = view_->page().index;
  if (!words.empty()) f.box = view_->Cover(words);
  doc_.fields.emplace(std::string(name), std::move(f));
  if (confidence < ctx_.options->review_below_confidence) {
    Doubt(name, "lu avec une confiance faible (" + Percent(confidence) + ") : à vérifier");
  }
}

void DocReader::SetBool(std::string_view name, bool value, double confidence, std::optional<Box> box) {
  if (Has(name)) return;
  Field f;
  f.value = value;
  f.confidence = std::clamp(confidence, 0.0, 1.0);
  f.page = view_->page().index;
  f.box = box;
  doc_.fields.emplace(std::string(name), std::move(f));
  if (confidence < ctx_.options->review_below_confidence) {
    Review(name, "case ou zone d'encre douteuse (" + Percent(confidence) + ") : à vérifier");
  }
}

void DocReader::Review(std::string_view name, std::string reason, std::optional<int> line) {
  Flag(name, std::move(reason), line, false);
}

void DocReader::Doubt(std::string_view name, std::string reason, std::optional<int> line) {
  Flag(name, std::move(reason), line, true);
}

void DocReader::Flag(std::string_view name, std::string reason, std::optional<int> line, bool reading_doubt) {
  const std::string key = std::string(name) + (line ? "#" + std::to_string(*line) : "");
  if (!reviewed_.insert(key).second) return;
  doc_.review.push_back({std::string(name), line, std::move(reason), reading_doubt});
}

std::vector<ReviewFlag> DocReader::TakeFlags(std::string_view name) {
  std::vector<ReviewFlag> taken;
  std::erase_if(doc_.review, [&](const ReviewFlag& f) {
    if (f.field != name || f.line) return false;
    taken.push_back(f);
    return true;
  });
  reviewed_.erase(std::string(name));
  return taken;
}

void DocReader::PutBack(std::vector<ReviewFlag> flags) {
  for (ReviewFlag& f : flags) {
    if (!reviewed_.insert(f.field).second) continue;
    doc_.review.push_back(std::move(f));
  }
}

void DocReader::FlagMissing(std::span<const fields::Entry> catalogue) {
  for (const fields::Entry& field : catalogue) {
    if (!Has(field.name)) Review(field.name, "non lu : champ introuvable ou illisible");
  }
}

std::optional<std::string> DocReader::Reread(const std::vector<int>& words, RegionKind kind,
                                             const std::function<std::optional<std::string>(std::string_view)>& parse) const {
  if (ctx_.reader == nullptr || words.empty()) return std::nullopt;
  Box box = view_->Cover(words);
  // A margin: the first reading may have cut a character off.
  const int pad = static_cast<int>(view_->mm() * 1.5);
  box.x = std::max(0, box.x - pad);
  box.y = std::max(0, box.y - pad / 2);
  box.width += 2 * pad;
  box.height += pad;
  auto text = ctx_.reader->Reread(view_->page().index, box, kind);
  if (!text.ok()) return std::nullopt;
  return parse(text->text);
}

}  // namespace liasse::extractors::internal
