#include "liasse/generators/letter_generator.h"

#include <chrono>

#include "hpdf_document.h"
#include "letters.h"

namespace liasse::generators {

Timestamp TimestampOf(const Clock& clock) {
  const auto now = clock.Now();
  const auto days = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::hh_mm_ss hms(std::chrono::duration_cast<std::chrono::seconds>(now - days));
  return {Date::FromSerial(days.time_since_epoch().count()), static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count())};
}

struct LetterGenerator::Impl {
  GeneratorOptions options;
  TemplateSet templates;
  internal::HpdfDocument doc;

  Result<RenderedLetter> Render(Result<internal::LetterContent> content) {
    if (!content.ok()) return content.status();
    return internal::RenderLetter(doc, templates, TimestampOf(*options.clock), *content);
  }
};

Result<LetterGenerator> LetterGenerator::Create(GeneratorOptions options) {
  if (options.templates_dir.empty()) options.templates_dir = LIASSE_TEMPLATES_DIR;
  if (options.font_regular.empty()) options.font_regular = LIASSE_FONT_REGULAR;
  if (options.font_bold.empty()) options.font_bold = LIASSE_FONT_BOLD;
  if (!options.clock) options.clock = std::shared_ptr<const Clock>(&SystemClock(), [](const Clock*) {});
  LIASSE_ASSIGN_OR_RETURN(auto templates, TemplateSet::Load(options.templates_dir));
  LIASSE_ASSIGN_OR_RETURN(auto doc, internal::HpdfDocument::Create(options.font_regular, options.font_bold));
  return LetterGenerator(std::make_unique<Impl>(Impl{std::move(options), std::move(templates), std::move(doc)}));
}

LetterGenerator::LetterGenerator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LetterGenerator::LetterGenerator(LetterGenerator&&) noexcept = default;
LetterGenerator& LetterGenerator::operator=(LetterGenerator&&) noexcept = default;
LetterGenerator::~LetterGenerator() = default;

const TemplateSet& LetterGenerator::templates() const { return impl_->templates; }

Result<RenderedLetter> LetterGenerator::Decompte(const DecompteModel& model) {
  return impl_->Render(internal::BuildDecompte(impl_->templates, model));
}
Result<RenderedLetter> LetterGenerator::Renonciation(const RenonciationModel& model) {
  return impl_->Render(internal::BuildRenonciation(impl_->templates, model));
}
Result<RenderedLetter> LetterGenerator::AccuseReceptionReclamation(const ReclamationModel& model) {
  return impl_->Render(internal::BuildReclamation(impl_->templates, model));
}
Result<RenderedLetter> LetterGenerator::AnomaliesLot(const LotAnomaliesModel& model) {
  return impl_->Render(internal::BuildAnomaliesLot(impl_->templates, model));
}
Result<RenderedLetter> LetterGenerator::RefusRemboursement(const RefusRemboursementModel& model) {
  return impl_->Render(internal::BuildRefusRemboursement(impl_->templates, model));
}
Result<RenderedLetter> LetterGenerator::DemandePieces(const DemandePiecesModel& model) {
  return impl_->Render(internal::BuildDemandePieces(impl_->templates, model));
}

}  // namespace liasse::generators
