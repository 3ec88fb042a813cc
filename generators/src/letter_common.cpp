#include "letter_common.h"

#include "liasse/core/text.h"

namespace liasse::generators::internal {

namespace {

constexpr float kWindowX = 318;   // DL window envelope: 112 mm from the left
constexpr float kWindowY = 136;   // 48 mm from the top

void DrawLetterhead(Layout& layout, const Letterhead& h) {
  const float x = layout.left();
  layout.TextAt(x, 58, h.name, Style{true, 22, 0.15f});
  layout.TextAt(x, 72, h.long_name, Style{false, 8.5f, 0.3f});
  float y = 86;
  const Style small{false, 8, 0.3f};
  for (const auto& line : h.address) {
    layout.TextAt(x, y, line, small);
    y += 10.5f;
  }
  layout.TextAt(x, y, "Tél. " + h.phone + " – " + h.email, small);
  layout.TextAt(x, y + 10.5f, h.website, small);
}

void DrawRecipient(Layout& layout, const Recipient& r) {
  float y = kWindowY;
  layout.TextAt(kWindowX, y, r.name, Style{true, 10, 0});
  for (const auto& line : r.address) {
    y += 13;
    layout.TextAt(kWindowX, y, line, Style{false, 10, 0});
  }
}

void DrawBody(Layout& layout, const std::string& body, const std::optional<Table>& table) {
  const Style text{false, 9.5f, 0};
  const Style bold{true, 9.5f, 0};
  const Style heading{true, 10.5f, 0.1f};
  size_t start = 0;
  bool in_list = false;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string::npos) nl = body.size();
    const std::string line(text::Trim(std::string_view(body).substr(start, nl - start)));
    start = nl + 1;
    const bool bullet = line.rfind("- ", 0) == 0;
    if (in_list && !bullet) layout.Space(3);  // air after a list
    in_list = bullet;
    if (line.empty()) {
      layout.Space(4);
    } else if (line.rfind("## ", 0) == 0) {
      layout.Space(5);
      layout.EnsureSpace(48);  // keep a heading with what follows
      layout.Paragraph(line.substr(3), heading, 0, 3);
    } else if (bullet) {
      layout.Bullet(line.substr(2), text);
    } else if (line.rfind(">> ", 0) == 0) {
      layout.Space(6);
      layout.EnsureSpace(24);
      layout.Paragraph(line.substr(3), bold, layout.content_width() * 0.55f, 0);
    } else if (line.rfind("> ", 0) == 0) {
      layout.Paragraph(line.substr(2), bold, 0, 4);
    } else if (line == "[[tableau]]") {
      if (table) layout.DrawTable(*table);
    } else {
      layout.Paragraph(line, text, 0, 5);
    }
  }
}

}  // namespace

std::string JoinLines(const std::vector<std::string>& lines, const std::string& separator) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : separator) + line;
  return out;
}

void AddCommonValues(const Letterhead& h, const Recipient& recipient, Date date_courrier, const std::string& reference,
                     TemplateValues& values) {
  auto& s = values.scalars;
  s["operateur.nom"] = h.name;
  s["operateur.nom_long"] = h.long_name;
  s["operateur.telephone"] = h.phone;
  s["operateur.email"] = h.email;
  s["operateur.site"] = h.website;
  s["operateur.adresse"] = h.name + ", " + JoinLines(h.address, ", ");
  s["operateur.signature"] = h.signature;
  s["reclamations.adresse"] = JoinLines(h.complaints_address, ", ");
  s["reclamations.email"] = h.complaints_email;
  s["reclamations.telephone"] = h.complaints_phone;
  s["destinataire.nom"] = recipient.name;
  s["date_courrier"] = Long(date_courrier);
  s["reference"] = reference;
}

Result<RenderedLetter> RenderLetter(HpdfDocument& doc, const TemplateSet& templates, const Timestamp& created,
                                    const LetterContent& content) {
  const LetterTemplate& tmpl = templates.Get(content.kind);
  const Letterhead& h = templates.letterhead();
  const std::string title = tmpl.title.Render(content.values);
  const std::string subject = tmpl.subject.Render(content.values);

  PdfMetadata metadata;
  metadata.title = title;
  metadata.author = h.author;
  metadata.subject = subject;
  metadata.creator = "Liasse";
  metadata.created = {created.date.year(), created.date.month(), created.date.day(), created.hour, created.minute,
                      created.second};
  LIASSE_RETURN_IF_ERROR(doc.Begin(metadata));

  Layout layout(doc, PageFrame{});
  layout.SetContinuationHeader(h.name + " – " + title + " – " + content.recipient.name);
  layout.SetFooter(h.legal);
  layout.NewPage();
  DrawLetterhead(layout, h);
  DrawRecipient(layout, content.recipient);

  layout.TextAt(kWindowX, 208, h.city + ", le " + Long(content.date_courrier), Style{false, 9.5f, 0});
  float y = 208;
  for (const auto& [label, value] : content.references) {
    layout.TextAt(layout.left(), y, label + " : " + value, Style{false, 8.5f, 0.25f});
    y += 11;
  }
  layout.MoveTo(std::max(y, 218.0f) + 8);
  layout.Paragraph(title, Style{true, 13, 0.1f}, 0, 2);
  layout.Paragraph("Objet : " + subject, Style{true, 9.5f, 0}, 0, 10);

  DrawBody(layout, tmpl.body.Render(content.values), content.table);

  if (Status s = layout.Finish(); !s.ok()) return s.WithContext(tmpl.file);
  LIASSE_ASSIGN_OR_RETURN(auto bytes, doc.Save());
  RenderedLetter letter;
  letter.kind = content.kind;
  letter.to = content.recipient.email.empty() ? content.recipient.name : content.recipient.email;
  letter.title = title;
  letter.pdf = std::move(bytes);
  letter.pages = layout.page_count();
  return letter;
}

}  // namespace liasse::generators::internal
