#include "ink.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "liasse/core/fields.h"
#include "checkbox.h"
#include "crossing.h"
#include "locate.h"
#include "raster.h"
#include "signature.h"

namespace liasse::extractors::internal {

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

Box CheckboxPhrase(const PageView& v, int first, int last) {
  return v.Cover(v.Phrase(first, last, 2 * v.word_height()));
}

void ReadCheckboxField(DocReader& r, std::string_view name) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  if (ink.empty()) return r.Review(name, "image de la page non disponible : case à vérifier");
  const FormSpec* form = r.form();
  const FieldSpec* field = form ? form->Field(name) : nullptr;
  if (field == nullptr) return;
  std::optional<Box> frame;
  const auto printed = PrintedWordBoxes(v);
  for (const auto& hit : FieldLabels(v, *form, *field)) {
    const Box label = v.Cover({hit.first, hit.last});
    if ((frame = FindCheckbox(ink, label, CheckboxPhrase(v, hit.first, hit.last), v.word_height(), printed))) break;
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
  // Every text line of the page, wherever the form prints it: a crossing
  // is a stroke along a line through its letters, found by geometry.
  const auto lines = TextLines(v);
  if (lines.empty()) return r.Review(fields::kRaturee, "texte de la prescription introuvable : rature à vérifier");
  const CrossingReading reading = FindCrossing(ink, lines, v.mm());
  switch (reading.verdict) {
    case Crossed::kCrossed: return r.SetBool(fields::kRaturee, true, 0.9, reading.zone);
    case Crossed::kClean: return r.SetBool(fields::kRaturee, false, 0.9, std::nullopt);
    case Crossed::kUncertain:
      // Present and flagged: a person looks at the line; never raturée on a doubt.
      r.Review(fields::kRaturee, fmt::format("trait possible à travers une ligne du texte ({:.0f} mm) : rature à vérifier",
                                             reading.run_mm));
      return r.SetBool(fields::kRaturee, false, 0.5, reading.zone);
  }
}

}  // namespace liasse::extractors::internal
