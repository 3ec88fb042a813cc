#include "ink.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "liasse/core/fields.h"
#include "checkbox.h"
#include "crossing.h"
#include "crossing_unread.h"
#include "locate.h"
#include "raster.h"
#include "signature.h"
#include "signature_role.h"

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

namespace {

// The box of `field` when none of its wordings was found beside one: the
// one frame beside the phrases holding a word only its labels hold among
// the form's fields ("signer", "impossibilité"); nullopt when none or
// several (a person looks).
std::optional<Box> CheckboxByWords(const PageView& v, const FormSpec& form, const FieldSpec& field,
                                   const std::vector<Box>& printed) {
  std::vector<const FieldSpec*> others;
  for (const FieldSpec& f : form.fields) others.push_back(&f);
  std::optional<Box> found;
  for (const auto& phrase : PhrasesHolding(v, DistinctWords(form, field, others))) {
    const Box around = v.Cover(phrase);
    const auto frame = FindCheckbox(v.page().ink, around, around, v.word_height(), printed);
    if (!frame || frame == found) continue;
    if (found) return std::nullopt;
    found = frame;
  }
  return found;
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
  const auto printed = PrintedWordBoxes(v);
  for (const auto& hit : FieldLabels(v, *form, *field)) {
    const Box label = v.Cover({hit.first, hit.last});
    if ((frame = FindCheckbox(ink, label, CheckboxPhrase(v, hit.first, hit.last), v.word_height(), printed))) break;
  }
  bool by_wording = true;
  if (!frame) {
    by_wording = false;
    frame = CheckboxByWords(v, *form, *field, printed);
  }
  if (!frame) return r.Review(name, "case introuvable près de son libellé : à vérifier");
  const CheckboxReading reading = ReadCheckbox(ink, *frame);
  switch (reading.tick) {
    case Tick::kTicked: return r.SetBool(name, true, by_wording ? 0.95 : 0.9, *frame);
    case Tick::kEmpty: return r.SetBool(name, false, by_wording ? 0.95 : 0.9, *frame);
    case Tick::kUncertain:
      // Present and flagged: a person looks at the box; never true on a doubt.
      r.Review(name, fmt::format("case ni vide ni cochée nettement (encre {:.0f} %) : à vérifier", reading.ink * 100));
      return r.SetBool(name, false, 0.5, *frame);
  }
}

namespace {

// The signature `name` read in the zones of its label: signed in one → true,
// blank in all → false, too little ink to tell → false flagged with the
// zone; no zone → flagged, absent.
void ReadSignatureAt(DocReader& r, std::string_view name, const SignatureLabel& label, const std::vector<Box>& printed) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  // A place given by role or elimination is a little less sure than a wording found.
  const double sure = label.by_wording ? 0.95 : 0.9;
  std::optional<Box> blank;
  std::optional<std::pair<Box, double>> doubt;
  // The hand may sign below the label, beside it or over it: signed in one place is signed.
  for (const Box& zone : SignatureZones(v, label.first, label.last)) {
    const SignatureReading reading = ReadSignature(ink, zone, printed, v.mm(), v.word_height());
    if (reading.verdict == Signed::kSigned) return r.SetBool(name, true, sure, zone);
    if (reading.verdict == Signed::kBlank && !blank) blank = zone;
    if (reading.verdict == Signed::kUncertain && !doubt) doubt = std::make_pair(zone, reading.hand_mm2);
  }
  if (doubt) {
    // Present and flagged: a person looks at the zone; never signed on a doubt.
    r.Review(name, fmt::format("trop peu d'encre manuscrite pour trancher ({:.1f} mm²) : signature à vérifier", doubt->second));
    return r.SetBool(name, false, 0.5, doubt->first);
  }
  if (!blank) return r.Review(name, "zone de signature introuvable près de son libellé : à vérifier");
  r.SetBool(name, false, sure, *blank);
}

}  // namespace

void ReadSignatureFields(DocReader& r, const std::vector<std::string_view>& names) {
  const PageView& v = r.view();
  const FormSpec* form = r.form();
  if (form == nullptr) return;
  std::vector<const FieldSpec*> specs;
  for (std::string_view name : names) {
    if (const FieldSpec* f = form->Field(name)) specs.push_back(f);
  }
  if (v.page().ink.empty()) {
    for (const FieldSpec* f : specs) r.Review(f->name, "image de la page non disponible : signature à vérifier");
    return;
  }
  const auto printed = PrintedWordBoxes(v);
  const auto labels = SignatureLabels(v, *form, specs, printed);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!labels[i]) {
      r.Review(specs[i]->name, "libellé de la signature introuvable et signataire de la zone inconnu : signature à vérifier");
      continue;
    }
    ReadSignatureAt(r, specs[i]->name, *labels[i], printed);
  }
}

namespace {

// How a stroke found through a line of text is taken: on a prescription (a
// few lines of text) it decides raturée; on a feuille de soins, whose boxes,
// tables and dotted lines the measure is newer to, it only sends the
// feuille to a person — a clean feuille read raturée loses its payment
// (the fresh set of session 10 had one such among 25 clean feuilles).
enum class StrokeFound { kDecides, kDoubt };

// The row of text the OCR read nothing of on the page (crossing_unread.h)
// whose densest stretch is darkest against the row's own; none when the
// page has no such row.
std::optional<UnreadRow> DensestUnreadRow(const PageView& v) {
  std::vector<Box> words;
  int x0 = v.page().ink.width, x1 = 0;
  for (const PlacedWord& w : v.words()) {
    words.push_back(w.box);
    x0 = std::min(x0, w.box.x);
    x1 = std::max(x1, w.box.x + w.box.width);
  }
  std::optional<UnreadRow> best;
  for (const UnreadRow& row : UnreadTextRows(v.page().ink, words, v.word_height(), x0, x1)) {
    if (!best || row.dense > best->dense) best = row;
  }
  return best;
}

// Flags raturée for review, false, with the zone of the word of a page
// measured clean that was struck or written over all the same: a stroke
// along a word read unsurely from end to end over three letter heights (a
// word scribbled over, read as one with its correction), a stretch of a
// word read unsurely 1.7 times as dark as its line's print (characters
// written over others in a bolder pen), or a stretch of a row of text the
// OCR left unread (a joined hand) 2.2 times as dark as the row's median
// one (its loops and capitals vary more than print). True when flagged.
bool ReviewWordDoubt(DocReader& r, const CrossingReading& reading) {
  const PageView& v = r.view();
  std::optional<std::pair<std::string, Box>> doubt;
  if (reading.struck_word >= 3) {
    doubt.emplace(fmt::format("trait possible le long d'un mot ({:.0f} mm) : rature à vérifier", reading.struck_zone.width / v.mm()),
                  reading.struck_zone);
  } else if (reading.dense >= 1.7) {
    doubt.emplace(fmt::format("encre {:.1f} fois plus dense sur un mot que sur sa ligne : surcharge à vérifier", reading.dense),
                  reading.dense_zone);
  } else if (const auto row = DensestUnreadRow(v); row && row->dense >= 2.2) {
    doubt.emplace(fmt::format("ligne non lue, encre {:.1f} fois plus dense sur un mot : surcharge à vérifier", row->dense),
                  row->dense_zone);
  }
  if (!doubt) return false;
  r.Review(fields::kRaturee, doubt->first);
  r.SetBool(fields::kRaturee, false, 0.5, doubt->second);
  return true;
}

// raturée on the reader's page: every text line of the page, wherever the
// form prints it, measured for a stroke along it through its letters
// (crossing.h); crossed → true with the line (or, under kDoubt, absent and
// flagged with the line), clean → false, a doubt → false flagged with the
// line. `what` names the document in messages.
void ReadRaturee(DocReader& r, std::string_view what, StrokeFound stroke) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  if (ink.empty()) return r.Review(fields::kRaturee, "image de la page non disponible : rature à vérifier");
  const auto lines = TextLines(v);
  if (lines.empty()) return r.Review(fields::kRaturee, fmt::format("texte {} introuvable : rature à vérifier", what));
  const CrossingReading reading = FindCrossing(ink, lines, v.mm());
  switch (reading.verdict) {
    case Crossed::kCrossed:
      if (stroke == StrokeFound::kDoubt) {
        return r.Review(fields::kRaturee, fmt::format("trait à travers une ligne du texte ({:.0f} mm) : rature à vérifier",
                                                      reading.run_mm));
      }
      return r.SetBool(fields::kRaturee, true, 0.9, reading.zone);
    case Crossed::kClean:
      // A prescription's word struck or written over that no stroke across
      // a line shows: a doubt. Not on a feuille, whose boxed cells, combs of
      // digits and bold values beside plain labels look the same.
      if (stroke == StrokeFound::kDecides && ReviewWordDoubt(r, reading)) return;
      return r.SetBool(fields::kRaturee, false, 0.9, std::nullopt);
    case Crossed::kUncertain:
      // Present and flagged: a person looks at the line; never raturée on a doubt.
      r.Review(fields::kRaturee, fmt::format("trait possible à travers une ligne du texte ({:.0f} mm) : rature à vérifier",
                                             reading.run_mm));
      return r.SetBool(fields::kRaturee, false, 0.5, reading.zone);
  }
}

}  // namespace

void ReadFeuilleInk(DocReader& r) {
  ReadSignatureFields(r, {fields::kSignaturePraticien, fields::kSignaturePatient});
  ReadCheckboxField(r, fields::kImpossibiliteSigner);
  ReadRaturee(r, "de la feuille", StrokeFound::kDoubt);
}

void ReadPrescriptionInk(DocReader& r) { ReadRaturee(r, "de la prescription", StrokeFound::kDecides); }

}  // namespace liasse::extractors::internal
