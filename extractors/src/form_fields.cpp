#include "form_fields.h"

#include <algorithm>
#include <functional>
#include <set>

#include "block_names.h"
#include "email_value.h"
#include "envelope_names.h"
#include "field_values.h"
#include "labels.h"
#include "liasse/core/fields.h"
#include "page_dates.h"
#include "liasse/core/identifiers.h"
#include "locate.h"
#include "table.h"
#include "validate.h"
#include "value_first.h"

namespace liasse::extractors::internal {

namespace {

// The normalised form of a located value, to tell two candidates apart.
std::string Normalised(const FieldSpec& f, const std::string& text) {
  if (f.kind == "date") {
    if (auto d = FindDate(text)) return d->value.ToIso();
  }
  if (f.kind == "amount") {
    if (auto m = ParseAmountText(text)) return m->value.ToDecimal();
  }
  if (f.kind == "nir" || f.kind == "numero_am" || f.kind == "digits" || f.kind == "rpps" || f.kind == "phone") return DigitsOf(text);
  return FoldKey(text);
}

void SetChoice(DocReader& r, const FieldSpec& f, const Found& found) {
  if (const auto value = ChoiceIn(f, found.text)) return r.SetText(f.name, *value, found.confidence, found.words);
  r.Review(f.name, "valeur non reconnue : « " + found.text + " »");
}

void SetPhone(DocReader& r, const FieldSpec& f, const Found& found) {
  const std::string d = DigitsOf(found.text);
  if (d.size() == 10) r.SetText(f.name, d, found.confidence, found.words);
  else r.Review(f.name, "numéro de téléphone illisible : « " + found.text + " »");
}

// "NOM Prénom": both; a nom alone (the form has a label of its own for
// the prénom): the nom, the prénom is left to its field.
// True when the words of `hit` name the prénom ("NOM PRENOM", "Nom et prénom").
bool LabelNamesPrenom(const PageView& v, const LabelHit& hit) {
  for (int i = hit.first; i <= hit.last; ++i) {
    if (FoldKey(v.words()[static_cast<size_t>(i)].text).find("prenom") != std::string::npos) return true;
  }
  return false;
}

void SetPerson(DocReader& r, const FieldSpec& f, const Found& found, const LabelHit& hit) {
  if (FitsKind(f, found.text)) {
    SetPersonName(r, f.name, f.pair, found);
    return;
  }
  const auto toks = Tokens(r, found);
  const bool capitalised = std::any_of(toks.begin(), toks.end(), [](const std::string& t) { return IsCapitalisedName(t); });
  // "NOM PRENOM : CLEMENT PHILIPPE": the label gives the order of the two words in capitals.
  if (!capitalised && !f.pair.empty() && LabelNamesPrenom(r.view(), hit) && SetNomPrenomInCapitals(r, f.name, f.pair, found, true)) {
    return;
  }
  if (!capitalised && SetUpperName(r, f.name, found)) return;
  SetPersonName(r, f.name, f.pair, found);
}

void SetGivenName(DocReader& r, const FieldSpec& f, const Found& found) {
  for (const auto& t : Tokens(r, found)) {
    if (IsCapitalisedName(t)) return r.SetText(f.name, t, found.confidence, found.words);
  }
  // A prénom written in capitals, as hand-filled forms have them: the one
  // word of capitals beside the label, flagged (accents the hand left off
  // are not put back).
  const auto toks = Tokens(r, found);
  if (toks.size() == 1 && IsUpperName(toks.front())) {
    r.Review(f.name, std::string(kPrenomInCapitals) + " : « " + found.text + " », à vérifier");
    r.SetText(f.name, CapitalisedFromUpper(toks.front()), found.confidence, found.words);
    return;
  }
  r.Review(f.name, "prénom illisible : « " + found.text + " »");
}

void SetByKind(DocReader& r, const FieldSpec& f, const Located& l) {
  const std::optional<Found> found = l.found;
  const std::string& k = f.kind;
  if (k == "date") SetDate(r, f.name, found);
  else if (k == "amount") SetAmount(r, f.name, found);
  else if (k == "nir") SetNirAt(r, f.name, found, l.hit);
  else if (k == "numero_am") SetNumeroAm(r, f.name, found);
  else if (k == "digits" || k == "rpps") SetDigitsIn(r, f.name, found, f.min_digits, f.max_digits);
  else if (k == "name") SetUpperName(r, f.name, found);
  else if (k == "person") SetPerson(r, f, l.found, l.hit);
  else if (k == "given_name") SetGivenName(r, f, l.found);
  else if (k == "text") SetPlain(r, f.name, found);
  else if (k == "choice") SetChoice(r, f, l.found);
  else if (k == "phone") SetPhone(r, f, l.found);
  else if (k == "reference") SetReference(r, f.name, l.found);
  else if (k == "email") SetEmail(r, f.name, l.found);
  else if (k == "birth_check") {
    if (auto d = FindDate(l.found.text)) CheckNirBirth(r, f.check, d->value);
  }
}

// A NIR whose label the OCR spoilt beyond the usual tolerance: the
// character boxes right of a looser match confirm the place.
void ReadNirUnderWornLabel(DocReader& r, const FieldSpec& f) {
  for (const auto& wording : f.labels) {
    const LabelHit hit = r.view().FindBest(wording, 0.6);
    if (hit.similarity <= 0) continue;
    SetNirAt(r, f.name, r.ValueOf(hit, f.max_gap_mm, 1e9), hit);
    return;
  }
}

// True when `text` holds a date years before `newest`: a birth date, no
// date of the claim (an invoice's, a prescription's).
bool YearsBefore(const std::string& text, const std::optional<Date>& newest) {
  constexpr int kYears = 5;
  const auto d = FindDate(text);
  return newest && d && d->value.year() + kYears < newest->year();
}

// The newest date printed on the reader's page that another confirms.
std::optional<Date> NewestDateOfPage(const PageView& v) {
  std::vector<size_t> rows(v.rows().size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return NewestConfirmedDate(DatesInRows(v, rows, false));
}

// A date field other than a birth date keeps the candidates that are not
// years before the page's newest date (the label "Date" of "Date de
// naissance" gives a birth date); true when only such older ones were found.
bool DropOldDates(const DocReader& r, const FieldSpec& f, std::vector<Located>& located) {
  if (f.kind != "date" || f.name.find(fields::kDateNaissance) != std::string::npos || located.empty()) return false;
  const auto newest = NewestDateOfPage(r.view());
  const bool any_recent = std::any_of(located.begin(), located.end(), [&](const Located& l) {
    return FindDate(l.found.text) && !YearsBefore(l.found.text, newest);
  });
  if (!any_recent) return YearsBefore(located.front().found.text, newest);
  std::erase_if(located, [&](const Located& l) { return YearsBefore(l.found.text, newest); });
  return false;
}

// The value of `f` (and of its pair) read under the one occurrence of its
// labels left once those of other sections are set aside: flagged.
void FlagRoleByElimination(DocReader& r, const FieldSpec& f) {
  const std::string reason = std::string(kRoleByElimination) + " : son rôle est à vérifier";
  r.Review(f.name, reason);
  if (!f.pair.empty() && r.Has(f.pair)) r.Review(f.pair, reason);
}

// Ten digits beside a numéro AM's label: the one way of dropping the
// digit the OCR added that passes the key (NumeroAmWithExtraDigit),
// flagged. Nothing when the digits are not ten or no single way passes.
// The flag is a doubt of the reading alone (the paper holds a number, the
// OCR read a digit too many): another printing of the same number read
// without doubt, the lot's partner on its bordereau, confirms it.
void SetNumeroAmWithExtraDigit(DocReader& r, const FieldSpec& f, const Found& found) {
  const std::string digits = DigitsOf(found.text);
  if (digits.size() != 10) return;
  const auto am = NumeroAmWithExtraDigit(digits);
  if (!am) return;
  r.Doubt(f.name, "N° AM lu avec un chiffre de trop (« " + digits + " ») : « " + *am + " » est la seule lecture valide, à vérifier");
  r.SetText(f.name, *am, std::min(0.6, found.confidence), found.words);
}

// True when `text` shows cents: a comma or point before two digits that
// end the number ("51,90", "51.90 €").
bool ShowsCents(const std::string& text) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  for (size_t i = 1; i < text.size(); ++i) {
    if ((text[i] == ',' || text[i] == '.') && digit(i - 1) && digit(i + 1) && digit(i + 2) && !digit(i + 3)) return true;
  }
  return false;
}

// An amount written far right of its label (a total in the amounts'
// column) without cents: "5190 €" may be 51,90 whose comma the OCR lost,
// and so far from the label nothing else on the row tells the two apart.
// Near its label ("Total : 52 €") an amount without cents stands as read.
void FlagFarAmountWithoutCents(DocReader& r, const FieldSpec& f, const Located& l) {
  constexpr double kNearMm = 25;  // the default widest blank between a label and its value
  if (f.kind != "amount" || !r.Has(f.name) || l.relation != Relation::kRight || l.found.words.empty()) return;
  if (ShowsCents(l.found.text)) return;
  const PageView& v = r.view();
  const double gap = v.words()[static_cast<size_t>(l.found.words.front())].x0 - v.words()[static_cast<size_t>(l.hit.last)].x1;
  if (gap <= kNearMm * v.mm()) return;
  r.Review(f.name, "montant sans centimes lu loin de son libellé : « " + l.found.text + " », virgule perdue ? à vérifier");
}

// Runs `read_another_way` for field `name`, whose reading beside its label
// failed: the failure's flag (the words beside a label of another field,
// "N° AM illisible : « du prescripteur … »") says nothing of a value found
// elsewhere, which carries its own; it stays when nothing is found.
void InsteadOfTheLabelsValue(DocReader& r, std::string_view name, const std::function<void()>& read_another_way) {
  auto failed = r.TakeFlags(name);
  read_another_way();
  if (!r.Has(name)) r.PutBack(std::move(failed));
}

bool Generic(const FieldSpec& f) {
  static const char* kinds[] = {"date", "amount", "nir", "numero_am", "digits", "rpps", "name", "person",
                                "text", "choice", "phone", "reference", "birth_check", "given_name", "email"};
  if (f.relations.empty() || f.dedicated) return false;
  return std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return f.kind == k; });
}

}  // namespace

void ReadFormFields(DocReader& r) {
  const FormSpec* form = r.form();
  if (form == nullptr) return;
  for (const auto& f : form->fields) {
    if (!Generic(f) || r.Has(f.name)) continue;
    auto located = LocateField(r, *form, f);
    if (f.kind == "email") DropLabelsInProse(r.view(), *form, located);
    if (located.empty()) {
      if (f.kind == "nir") ReadNirUnderWornLabel(r, f);
      if (f.kind == "nir") ReadNirWithoutLabel(r, *form, f);
      if (f.kind == "email") ReadEmailWithoutLabel(r, f.name);
      if (f.kind == "numero_am") ReadNumeroAmWithoutLabel(r, *form, f);
      if (f.kind == "name") ReadNameAfterTitle(r, *form, f);
      if (f.kind == "date") ReadDateWithoutLabel(r, *form, f);
      if (f.kind == "name" || f.kind == "person") ReadNameInBlock(r, *form, f);
      if (f.kind == "person") ReadPersonBesideBirthDate(r, *form, f);
      continue;
    }
    const bool only_old = DropOldDates(r, f, located);
    // Beside the labels only a date years before the page's others (a
    // birth date under "Date de naiss."): the field's one recent date above
    // the tables, when its data lets it be read by value.
    if (only_old && f.by_value) {
      ReadDateWithoutLabel(r, *form, f);
      if (r.Has(f.name)) continue;
    }
    const Located& best = located.front();
    if (f.kind == "numero_am") SetNumeroAmWithExtraDigit(r, f, best.found);
    SetByKind(r, f, best);
    // Beside the labels no date read (a label of another field matched,
    // "Prescription" heading the prescriber's row): the field's one date
    // of its kind above the tables, when its data lets it be read by value.
    if (f.kind == "date" && f.by_value && !r.Has(f.name)) ReadDateWithoutLabel(r, *form, f);
    FlagFarAmountWithoutCents(r, f, best);
    if (r.Has(f.name) && ByElimination(r.view(), *form, f, best.hit)) FlagRoleByElimination(r, f);
    if (only_old && r.Has(f.name)) {
      r.Review(f.name, "date lue « " + best.found.text + " », antérieure de plus de cinq ans aux autres dates de la page : à vérifier");
    }
    // The value beside the label is no number of the kind (another
    // field's words, a misread): the kind's only valid value on the page,
    // flagged for how it was found, not for the words beside the label.
    if (f.kind == "nir" && !r.Has(f.name)) {
      InsteadOfTheLabelsValue(r, f.name, [&] { ReadNirWithoutLabel(r, *form, f); });
    }
    if (f.kind == "numero_am" && !r.Has(f.name)) {
      InsteadOfTheLabelsValue(r, f.name, [&] { ReadNumeroAmWithoutLabel(r, *form, f); });
    }
    if (f.kind == "name" && !r.Has(f.name)) ReadNameAfterTitle(r, *form, f);
    // Two readings that fit equally well and differ: a person chooses.
    for (size_t i = 1; i < located.size(); ++i) {
      const Located& other = located[i];
      if (!other.fits || !best.fits || other.hit.similarity < best.hit.similarity - 1e-9) break;
      if (other.hit.last - other.hit.first != best.hit.last - best.hit.first) continue;  // a less specific wording
      if (other.hit.first == best.hit.first) continue;
      const std::string a = Normalised(f, best.found.text), b = Normalised(f, other.found.text);
      if (a != b) {
        r.Review(f.name, "deux valeurs possibles : « " + best.found.text + " » ou « " + other.found.text + " »");
        break;
      }
    }
  }
  // Numbers by their place, once every labelled value is taken.
  for (const auto& f : form->fields) {
    if (Generic(f) && f.kind == "digits") ReadDigitsInHead(r, *form, f);
  }
}

std::optional<Found> AtField(const DocReader& r, std::string_view name) {
  const FormSpec* form = r.form();
  const FieldSpec* f = form ? form->Field(name) : nullptr;
  if (f == nullptr) return std::nullopt;
  const auto located = LocateField(r, *form, *f);
  if (located.empty()) return std::nullopt;
  return located.front().found;
}

LabelHit FieldLabel(const DocReader& r, std::string_view name) {
  const FormSpec* form = r.form();
  const FieldSpec* f = form ? form->Field(name) : nullptr;
  if (f == nullptr) return {};
  const auto hits = FieldLabels(r.view(), *form, *f);
  return hits.empty() ? LabelHit{} : hits.front();
}

}  // namespace liasse::extractors::internal
