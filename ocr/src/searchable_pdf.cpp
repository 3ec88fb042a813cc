// Searchable PDF: Tesseract's PDF renderer writes each page (image + text
// layer) right after its recognition, on the worker that recognised it;
// PoDoFo then appends the one-page PDFs in page order.
#include <podofo/podofo.h>
#include <tesseract/renderer.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "engine_internal.h"
#include "liasse/core/private_temp.h"

namespace liasse::ocr {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void RemoveDates(PoDoFo::PdfMemDocument& doc) {
  PoDoFo::PdfDictionary& info = doc.GetInfo()->GetObject()->GetDictionary();
  info.RemoveKey(PoDoFo::PdfName("CreationDate"));
  info.RemoveKey(PoDoFo::PdfName("ModDate"));
}

}  // namespace

// Tesseract's PDF renderer only writes to a path: the page goes through the
// run's private directory (0700, unguessable), never a predictable name in
// the shared $TMPDIR where another user could plant a link.
std::string RenderPdfPage(tesseract::TessBaseAPI& api) {
  static std::atomic<unsigned> counter{0};
  auto dir = PrivateTempDir();
  if (!dir.ok()) return {};  // the caller reports a page without its PDF
  const auto base = *dir / ("page-" + std::to_string(counter++));
  std::string bytes;
  {
    tesseract::TessPDFRenderer renderer(base.c_str(), api.GetDatapath(), false);
    if (renderer.BeginDocument("Liasse") && renderer.AddImage(&api) && renderer.EndDocument()) {
      bytes = ReadAll(base.string() + ".pdf");
    }
  }
  std::error_code ec;
  std::filesystem::remove(base.string() + ".pdf", ec);
  return bytes;
}

Status WriteSearchablePdf(const std::vector<PageResult>& results, const std::filesystem::path& path) {
  using namespace PoDoFo;
  PdfError::EnableLogging(false);
  try {
    PdfMemDocument out;
    for (const PageResult& r : results) {
      if (r.pdf_page.empty()) {
        return Status::FailedPrecondition(path.filename().string() + " : la page " + std::to_string(r.page_number) +
                                          " a été lue sans son rendu PDF (render_pdf_page)");
      }
      PdfMemDocument one;
      one.LoadFromBuffer(r.pdf_page.data(), static_cast<long>(r.pdf_page.size()));
      // Append copies the page's own Info dictionary too (unreferenced, but
      // written): its dates are the time of recognition, which would make
      // the same scan give other bytes on another day.
      RemoveDates(one);
      out.Append(one);
    }
    // Fixed metadata so the same pages give the same bytes.
    out.GetInfo()->SetCreator(PdfString("Liasse"));
    out.GetInfo()->SetProducer(PdfString("Liasse OCR (Tesseract, PoDoFo)"));
    RemoveDates(out);
    out.Write(path.c_str());
  } catch (const PdfError& e) {
    return Status::IoError(path.string() + " : PDF interrogeable impossible à écrire (" +
                           PdfError::ErrorName(e.GetError()) + ")");
  }
  return Status::Ok();
}

std::string HocrDocument(const std::vector<PageResult>& results) {
  std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
      "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\" lang=\"fr\">\n"
      " <head>\n  <title></title>\n"
      "  <meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
      "  <meta name='ocr-system' content='liasse (tesseract)'/>\n"
      "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>\n"
      " </head>\n <body>\n";
  for (const PageResult& r : results) doc += r.hocr;
  doc += " </body>\n</html>\n";
  return doc;
}

}  // namespace liasse::ocr
