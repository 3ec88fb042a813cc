#include "ink.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "liasse/core/fields.h"
#include "checkbox.h"
#include "locate.h"
#include "raster.h"
#include "signature.h"

namespace liasse::extractors::internal {

namespace {

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

}  // namespace

std::optional<double> InkFraction(const GreyRaster& raster, const Box& box) {
  if (raster.empty() || raster.width <= 0 || raster.height <= 0) return std::nullopt;
  const Box b = ClipToRaster(raster, box);
  if (b.width <= 0 || b.height <= 0) return std::nullopt;
  int64_t dark = 0;
  for (int y = b.y; y < b.y + b.height; ++y) {
    for (int x = b.x; x < b.x + b.width; ++x) dark += IsInk(raster, x, y) ? 1 : 0;
  }
  return static_cast<double>(dark) / (static_cast<double>(b.width) * b.height);
}

std::optional<InkVerdict> CrossedOut(const GreyRaster& raster, const Box& band, double mm) {
  if (raster.empty()) return std::nullopt;
  const Box b = ClipToRaster(raster, band);
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
      for (int x = 0; x < b.width; ++x) if (IsInk(raster, b.x + x, yy)) any[static_cast<size_t>(x)] = 1;
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

void ReadSignatureField(DocReader& r, std::string_view name) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  const FormSpec* form = r.form();
  const FieldSpec* field = form ? form->Field(name) : nullptr;
  if (field == nullptr) return;
  if (ink.empty()) return r.Review(name, "image de la page non disponible : signature à vérifier");
  const auto labels = OwnLabels(v, *form, *field);
  if (labels.empty()) return r.Review(name, "libellé de la signature introuvable : signature à vérifier");
  // The best occurrence of the label names the zone; the hand may sign
  // below it, beside it or over it: signed in one place is signed.
  const auto printed = PrintedWordBoxes(v);
  std::optional<Box> blank;
  std::optional<std::pair<Box, double>> doubt;
  for (const Box& zone : SignatureZones(v, labels.front().first, labels.front().last)) {
    const SignatureReading reading = ReadSignature(ink, zone, printed, v.mm(), v.word_height());
    if (reading.verdict == Signed::kSigned) return r.SetBool(name, true, 0.95, zone);
    if (reading.verdict == Signed::kBlank && !blank) blank = zone;
    if (reading.verdict == Signed::kUncertain && !doubt) doubt = std::make_pair(zone, reading.hand_mm2);
  }
  if (doubt) {
    // Present and flagged: a person looks at the zone; never signed on a doubt.
    r.Review(name, fmt::format("trop peu d'encre manuscrite pour trancher ({:.1f} mm²) : signature à vérifier", doubt->second));
    return r.SetBool(name, false, 0.5, doubt->first);
  }
  if (!blank) return r.Review(name, "zone de signature introuvable près de son libellé : à vérifier");
  r.SetBool(name, false, 0.95, *blank);
}

void ReadFeuilleInk(DocReader& r) {
  ReadSignatureField(r, fields::kSignaturePraticien);
  ReadSignatureField(r, fields::kSignaturePatient);
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
