#include "ink.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "liasse/core/fields.h"
#include "checkbox.h"
#include "locate.h"

namespace liasse::extractors::internal {

namespace {

Box Clip(const GreyRaster& raster, Box b) {
  const int x0 = std::clamp(b.x, 0, raster.width), y0 = std::clamp(b.y, 0, raster.height);
  const int x1 = std::clamp(b.x + b.width, 0, raster.width), y1 = std::clamp(b.y + b.height, 0, raster.height);
  return {x0, y0, x1 - x0, y1 - y0};
}

bool Dark(const GreyRaster& r, int x, int y) { return r.pixels[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)] < 128; }

// Confidence grows with the distance from the decision threshold, in
// units of the band where the two cases overlap.
InkVerdict Decide(double value, double absent_below, double present_above) {
  InkVerdict v;
  const double mid = (absent_below + present_above) / 2;
  v.present = value >= mid;
  if (value <= absent_below || value >= present_above) v.confidence = 0.97;
  else v.confidence = 0.5 + 0.4 * std::abs(value - mid) / ((present_above - absent_below) / 2);
  return v;
}

Box MmBox(const PlacedWord& anchor, double mm, double dx0, double dy0, double w, double h) {
  // Offsets from the anchor word's left edge and bottom (≈ baseline), in mm.
  return {static_cast<int>(anchor.box.x + dx0 * mm), static_cast<int>(anchor.box.y + anchor.box.height + dy0 * mm),
          static_cast<int>(w * mm), static_cast<int>(h * mm)};
}

}  // namespace

std::optional<double> InkFraction(const GreyRaster& raster, const Box& box) {
  if (raster.empty() || raster.width <= 0 || raster.height <= 0) return std::nullopt;
  const Box b = Clip(raster, box);
  if (b.width <= 0 || b.height <= 0) return std::nullopt;
  int64_t dark = 0;
  for (int y = b.y; y < b.y + b.height; ++y) {
    for (int x = b.x; x < b.x + b.width; ++x) dark += Dark(raster, x, y) ? 1 : 0;
  }
  return static_cast<double>(dark) / (static_cast<double>(b.width) * b.height);
}

std::optional<InkVerdict> SignatureIn(const GreyRaster& raster, const Box& zone) {
  const auto f = InkFraction(raster, zone);
  if (!f) return std::nullopt;
  return Decide(*f, 0.002, 0.008);
}

std::optional<InkVerdict> SignatureInIgnoring(const GreyRaster& raster, const Box& zone, const std::vector<Box>& printed) {
  if (raster.empty()) return std::nullopt;
  const Box b = Clip(raster, zone);
  if (b.width <= 0 || b.height <= 0) return std::nullopt;
  if (printed.empty()) return SignatureIn(raster, zone);
  // Label the zone's ink in 8-connected components; a component whose box
  // meets a printed word is printed matter.
  const auto w = static_cast<size_t>(b.width), h = static_cast<size_t>(b.height);
  std::vector<int> label(w * h, -1);
  std::vector<std::pair<int, int>> stack;
  int64_t kept = 0;
  for (size_t start = 0; start < w * h; ++start) {
    const int sx = static_cast<int>(start % w), sy = static_cast<int>(start / w);
    if (label[start] >= 0 || !Dark(raster, b.x + sx, b.y + sy)) continue;
    int x0 = sx, x1 = sx, y0 = sy, y1 = sy;
    int64_t size = 0;
    stack.assign(1, {sx, sy});
    label[start] = 1;
    while (!stack.empty()) {
      const auto [x, y] = stack.back();
      stack.pop_back();
      ++size;
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= b.width || ny >= b.height) continue;
          const size_t at = static_cast<size_t>(ny) * w + static_cast<size_t>(nx);
          if (label[at] >= 0 || !Dark(raster, b.x + nx, b.y + ny)) continue;
          label[at] = 1;
          stack.push_back({nx, ny});
        }
      }
    }
    const bool is_printed = std::any_of(printed.begin(), printed.end(), [&](const Box& p) {
      return b.x + x0 <= p.x + p.width && p.x <= b.x + x1 && b.y + y0 <= p.y + p.height && p.y <= b.y + y1;
    });
    if (!is_printed) kept += size;
  }
  return Decide(static_cast<double>(kept) / (static_cast<double>(b.width) * b.height), 0.002, 0.008);
}

std::optional<InkVerdict> CheckboxTicked(const GreyRaster& raster, const Box& interior) {
  const auto f = InkFraction(raster, interior);
  if (!f) return std::nullopt;
  return Decide(*f, 0.04, 0.12);
}

std::optional<InkVerdict> CrossedOut(const GreyRaster& raster, const Box& band, double mm) {
  if (raster.empty()) return std::nullopt;
  const Box b = Clip(raster, band);
  if (b.width <= 0 || b.height <= 0) return std::nullopt;
  // Longest run of ink along a row, bridging gaps of up to 0.4 mm, after
  // OR-ing bands of rows one stroke-width high (a sloping strike line).
  const int band_h = std::max(1, static_cast<int>(0.6 * mm));
  const int bridge = std::max(1, static_cast<int>(0.4 * mm));
  int longest = 0;
  std::vector<char> any(static_cast<size_t>(b.width));
  for (int y = b.y; y + band_h <= b.y + b.height; y += std::max(1, band_h / 2)) {
    std::fill(any.begin(), any.end(), 0);
    for (int yy = y; yy < y + band_h; ++yy) {
      for (int x = 0; x < b.width; ++x) if (Dark(raster, b.x + x, yy)) any[static_cast<size_t>(x)] = 1;
    }
    int run = 0, gap = 0;
    for (int x = 0; x < b.width; ++x) {
      if (any[static_cast<size_t>(x)]) {
        run += gap + 1;
        gap = 0;
      } else if (run > 0 && ++gap > bridge) {
        run = 0;
        gap = 0;
      }
      longest = std::max(longest, run);
    }
  }
  // Handwritten words break every few millimetres; a strike line does not.
  // Measured on seed 91733: unstruck prescriptions reach 18.6 mm (bold
  // print, underlines), struck ones start near 30 mm.
  return Decide(longest / mm, 19.0, 25.0);
}

namespace {

// The patient's label is printed on the practitioner's label row, right
// of it; a stamp or a poor scan may spoil all but its first word: the word
// "Signature" on that row, at least 60 mm right of the practitioner's
// label. An empty hit when there is none.
LabelHit SignatureWordRightOf(const PageView& v, const LabelHit& praticien) {
  const PlacedWord& p = v.words()[static_cast<size_t>(praticien.first)];
  const double mm = v.mm();
  for (size_t i = 0; i < v.words().size(); ++i) {
    const PlacedWord& w = v.words()[i];
    const bool same_row = std::abs((w.y0 + w.y1) / 2 - (p.y0 + p.y1) / 2) < 0.5 * v.word_height();
    if (same_row && w.x0 > p.x0 + 60 * mm && WordSimilarity(w.folded, "signature") >= 0.85) {
      return LabelHit{static_cast<int>(i), static_cast<int>(i), WordSimilarity(w.folded, "signature"), {}};
    }
  }
  return {};
}

// Where the form prints a signature label when the OCR lost it: its
// baseline 14 mm under the "MONTANT TOTAL" row, `dx_mm` from that label's
// left edge (−72 mm: the practitioner's, +18 mm: the patient's). The frame
// rule check of the caller confirms the place. nullopt without the row.
std::optional<PlacedWord> FromTotalRow(const LabelHit& total, const PageView& v, double dx_mm) {
  if (total.similarity <= 0) return std::nullopt;
  PlacedWord w = v.words()[static_cast<size_t>(total.first)];
  w.box.x += static_cast<int>(dx_mm * v.mm());
  w.box.y += static_cast<int>(14 * v.mm());
  if (w.box.x < 0) return std::nullopt;
  return w;
}

}  // namespace

void ReadCheckboxField(DocReader& r, std::string_view name) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  if (ink.empty()) return r.Review(name, "image de la page non disponible : case à vérifier");
  const FormSpec* form = r.form();
  const FieldSpec* field = form ? form->Field(name) : nullptr;
  if (field == nullptr) return;
  std::optional<Box> frame;
  for (const auto& hit : FieldLabels(v, *form, *field)) {
    const Box label = v.Cover({hit.first, hit.last});
    if ((frame = FindCheckbox(ink, label, v.word_height()))) break;
  }
  if (!frame) return r.Review(name, "case introuvable près de son libellé : à vérifier");
  const CheckboxReading reading = ReadCheckbox(ink, *frame);
  switch (reading.tick) {
    case Tick::kTicked: return r.SetBool(name, true, 0.95, *frame);
    case Tick::kEmpty: return r.SetBool(name, false, 0.95, *frame);
    case Tick::kUncertain:
      // Present and flagged: a person looks at the box; never true on a doubt.
      r.Review(name, fmt::format("case ni vide ni cochée nettement (encre {:.0f} %) : à vérifier", reading.ink * 100));
      return r.SetBool(name, false, 0.5, *frame);
  }
}

void ReadFeuilleInk(DocReader& r) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  const double mm = v.mm();
  // Zone anchors must be sure: a fuzzy match elsewhere on the form would
  // put the zone on the wrong ink. They sit in the lower half of the page.
  auto anchor = [&](std::string_view label) {
    for (const auto& hit : v.Find(label, 0.9)) {
      if (v.words()[static_cast<size_t>(hit.first)].y0 > 0.5 * v.page().height) return hit;
    }
    return LabelHit{0, 0, 0, {}};
  };
  const LabelHit praticien = anchor("L'auxiliaire médical certifie");
  LabelHit patient = anchor("Signature de la personne recevant les soins");
  if (patient.similarity <= 0 && praticien.similarity > 0) patient = SignatureWordRightOf(v, praticien);
  auto word_of = [&](const LabelHit& hit) -> std::optional<PlacedWord> {
    if (hit.similarity <= 0) return std::nullopt;
    return v.words()[static_cast<size_t>(hit.first)];
  };
  const LabelHit total = anchor("MONTANT TOTAL");
  std::optional<PlacedWord> praticien_label = word_of(praticien), patient_label = word_of(patient);
  if (!praticien_label) praticien_label = FromTotalRow(total, v, -72);
  if (!patient_label) patient_label = FromTotalRow(total, v, 18);
  auto reason = [&](std::string_view what) {
    return ink.empty() ? std::string("image de la page non disponible : ") + std::string(what) + " à vérifier"
                       : std::string("zone introuvable : ") + std::string(what) + " à vérifier";
  };
  auto sign = [&](std::string_view field, const std::optional<PlacedWord>& label, double width) {
    if (!label) return r.Review(field, reason("signature"));
    const PlacedWord& w = *label;
    // The frame's top rule must be where the label puts it, or the zone is
    // not the signature frame: then a person looks.
    const auto rule = InkFraction(ink, MmBox(w, mm, 5, 4.5, width - 10, 3));
    if (rule && *rule < 0.04) return r.Review(field, "cadre de signature introuvable à l'endroit attendu : à vérifier");
    // The signature frame: 6 mm under the label's baseline, 24 mm high;
    // 2 mm in from its rules so they do not count as ink.
    const Box zone = MmBox(w, mm, 2, 8, width - 4, 20);
    // Words read surely in the frame are printed (a stamp), not signed.
    std::vector<Box> printed;
    for (const auto& pw : v.words()) {
      size_t letters = 0;
      for (char c : pw.folded) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
      const Box& pb = pw.box;
      const bool inside = pb.x < zone.x + zone.width && zone.x < pb.x + pb.width && pb.y < zone.y + zone.height && zone.y < pb.y + pb.height;
      if (inside && pw.confidence >= 75 && letters >= 3) printed.push_back(pb);
    }
    const auto verdict = SignatureInIgnoring(ink, zone, printed);
    if (!verdict) return r.Review(field, reason("signature"));
    r.SetBool(field, verdict->present, verdict->confidence, MmBox(w, mm, 0, 6, width, 24));
  };
  sign(fields::kSignaturePraticien, praticien_label, 80);
  sign(fields::kSignaturePatient, patient_label, 84);
  ReadCheckboxField(r, fields::kImpossibiliteSigner);
}

void ReadPrescriptionInk(DocReader& r) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  if (ink.empty()) return r.Review(fields::kRaturee, "image de la page non disponible : rature à vérifier");
  // The prescribed text: from the patient's line down to the last row
  // before a gap of more than 9 mm (the signature comes later).
  const Field* patient = r.doc().Find(fields::kPatientNom);
  if (patient == nullptr || !patient->box) return r.Review(fields::kRaturee, "zone de la prescription introuvable : rature à vérifier");
  const double mm = v.mm();
  const double top = patient->box->y + patient->box->height + 2 * mm;
  double bottom = top;
  for (const auto& row : v.rows()) {
    if (row.y0 < top) continue;
    if (row.y0 - bottom > 9 * mm && bottom > top) break;
    bottom = row.y1;
  }
  if (bottom <= top) return r.Review(fields::kRaturee, "texte de la prescription introuvable : rature à vérifier");
  const Box band{static_cast<int>(25 * mm), static_cast<int>(top), static_cast<int>(160 * mm), static_cast<int>(bottom - top + 2 * mm)};
  const auto verdict = CrossedOut(ink, band, mm);
  if (!verdict) return r.Review(fields::kRaturee, "zone de la prescription hors de l'image : rature à vérifier");
  r.SetBool(fields::kRaturee, verdict->present, verdict->confidence, band);
}

}  // namespace liasse::extractors::internal
