// PDFs of scanned pages: each page's largest image XObject is extracted at
// its native resolution with PoDoFo (never re-rasterised). DCT (JPEG) and
// CCITT G3/G4 streams go to Leptonica undecoded, JBIG2 to jbig2dec, Flate /
// LZW / RunLength / unfiltered samples are unpacked here. A page with no
// image (born-digital, vector text) is refused with kUnimplemented: Liasse
// does not rasterise PDFs.
#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>
#include <memory>
#include <cstring>

#include "decode_internal.h"

namespace liasse::ocr {
namespace {

using namespace PoDoFo;

struct PodofoBuffer {  // owner of a podofo_malloc'd copy
  char* data = nullptr;
  pdf_long size = 0;
  ~PodofoBuffer() { podofo_free(data); }
  std::span<const std::byte> span() const {
    return {reinterpret_cast<const std::byte*>(data), static_cast<std::size_t>(size)};
  }
};

const l_uint8* U8(std::span<const std::byte> b) { return reinterpret_cast<const l_uint8*>(b.data()); }

PdfObject* Resolve(PdfObject* obj) {
  if (obj != nullptr && obj->IsReference() && obj->GetOwner() != nullptr) {
    return obj->GetOwner()->GetObject(obj->GetReference());
  }
  return obj;
}

// The last filter of /Filter (a name or an array) and its /DecodeParms.
struct Encoding {
  std::string filter;  // "" when unfiltered
  int filter_count = 0;
  PdfObject* params = nullptr;
};

Encoding GetEncoding(PdfObject* image) {
  Encoding enc;
  PdfObject* filter = image->GetIndirectKey(PdfName("Filter"));
  PdfObject* params = image->GetIndirectKey(PdfName("DecodeParms"));
  if (filter != nullptr && filter->IsName()) {
    enc.filter = filter->GetName().GetName();
    enc.filter_count = 1;
  } else if (filter != nullptr && filter->IsArray() && !filter->GetArray().empty()) {
    const PdfArray& arr = filter->GetArray();
    enc.filter_count = static_cast<int>(arr.size());
    PdfObject* last = Resolve(const_cast<PdfObject*>(&arr.back()));
    if (last != nullptr && last->IsName()) enc.filter = last->GetName().GetName();
    if (params != nullptr && params->IsArray() && params->GetArray().size() == arr.size()) {
      params = Resolve(const_cast<PdfObject*>(&params->GetArray().back()));
    }
  }
  enc.params = (params != nullptr && params->IsDictionary()) ? params : nullptr;
  return enc;
}

std::int64_t ParamInt(PdfObject* params, const char* key, std::int64_t fallback) {
  return params != nullptr ? params->GetIndirectKeyAsLong(PdfName(key), fallback) : fallback;
}

// Number of colour components of /ColorSpace; 0 when unsupported.
int Components(PdfObject* image) {
  PdfObject* cs = image->GetIndirectKey(PdfName("ColorSpace"));
  if (cs == nullptr) return 1;  // image masks and CCITT images often omit it
  if (cs->IsName()) {
    const std::string n = cs->GetName().GetName();
    if (n == "DeviceGray" || n == "CalGray") return 1;
    if (n == "DeviceRGB" || n == "CalRGB") return 3;
    return 0;
  }
  if (cs->IsArray() && cs->GetArray().size() >= 2) {
    PdfObject* kind = Resolve(const_cast<PdfObject*>(&cs->GetArray()[0]));
    if (kind != nullptr && kind->IsName() && kind->GetName().GetName() == "ICCBased") {
      PdfObject* icc = Resolve(const_cast<PdfObject*>(&cs->GetArray()[1]));
      const auto n = icc != nullptr ? icc->GetIndirectKeyAsLong(PdfName("N"), 0) : 0;
      return (n == 1 || n == 3) ? static_cast<int>(n) : 0;
    }
    if (kind != nullptr && kind->IsName() && kind->GetName().GetName() == "CalRGB") return 3;
    if (kind != nullptr && kind->IsName() && kind->GetName().GetName() == "CalGray") return 1;
  }
  return 0;
}

// Wraps raw CCITT data in a one-strip TIFF so Leptonica (libtiff) decodes it.
PixPtr DecodeCcitt(std::span<const std::byte> data, PdfObject* params, int width, int height) {
  const auto k = ParamInt(params, "K", 0);
  const bool black_is_1 = params != nullptr && params->GetIndirectKeyAsBool(PdfName("BlackIs1"), false);
  const bool byte_align = params != nullptr && params->GetIndirectKeyAsBool(PdfName("EncodedByteAlign"), false);
  const auto columns = ParamInt(params, "Columns", 1728);
  const auto rows = ParamInt(params, "Rows", height);
  if (columns != width || rows <= 0 || rows > height) return nullptr;
  std::vector<std::uint8_t> tiff(8);
  auto put16 = [&](std::uint16_t v) { tiff.push_back(static_cast<std::uint8_t>(v)); tiff.push_back(static_cast<std::uint8_t>(v >> 8)); };
  auto put32 = [&](std::uint32_t v) { put16(static_cast<std::uint16_t>(v)); put16(static_cast<std::uint16_t>(v >> 16)); };
  std::memcpy(tiff.data(), "II*\0\x08\0\0\0", 8);
  struct Tag { std::uint16_t id, type; std::uint32_t value; };
  const std::uint32_t data_offset = 8 + 2 + 9 * 12 + 4;
  std::uint32_t options = 0;
  if (k > 0) options |= 1;                    // 2-D coding (T4Options bit 0)
  if (byte_align && k >= 0) options |= 4;     // EOL byte alignment
  const Tag tags[] = {
      {256, 4, static_cast<std::uint32_t>(width)},
      {257, 4, static_cast<std::uint32_t>(rows)},
      {258, 3, 1},
      {259, 3, k < 0 ? 4u : 3u},
      // PDF's default (BlackIs1 false) has 0 bits black: TIFF WhiteIsZero.
      {262, 3, black_is_1 ? 1u : 0u},
      {273, 4, data_offset},
      {278, 4, static_cast<std::uint32_t>(rows)},
      {279, 4, static_cast<std::uint32_t>(data.size())},
      {static_cast<std::uint16_t>(k < 0 ? 293 : 292), 4, k < 0 ? 0u : options},
  };
  put16(9);
  for (const Tag& t : tags) {
    put16(t.id);
    put16(t.type);
    put32(1);
    if (t.type == 3) { put16(static_cast<std::uint16_t>(t.value)); put16(0); } else { put32(t.value); }
  }
  put32(0);
  const auto* d = reinterpret_cast<const std::uint8_t*>(data.data());
  tiff.insert(tiff.end(), d, d + data.size());
  return PixPtr(pixReadMemTiff(tiff.data(), tiff.size(), 0));
}

// Inflates a /FlateDecode stream whose /DecodeParms name a PNG predictor
// (/Predictor 10-15) and undoes the per-row filters. PoDoFo 0.9.8 throws
// ValueOutOfRange on such streams when a pixel is under one byte (1-bit
// scans, as img2pdf writes them). Empty on corrupt data.
std::vector<std::byte> InflatePngPredicted(std::span<const std::byte> raw, int width, int height, int bpc,
                                           int comps) {
  const std::size_t stride = (static_cast<std::size_t>(width) * static_cast<std::size_t>(bpc * comps) + 7) / 8;
  const std::size_t bpp = std::max<std::size_t>(1, static_cast<std::size_t>(bpc * comps) / 8);
  std::size_t n = 0;
  std::unique_ptr<l_uint8, decltype(&lept_free)> in(zlibUncompress(U8(raw), raw.size(), &n), &lept_free);
  if (!in || n < (stride + 1) * static_cast<std::size_t>(height)) return {};
  std::vector<std::byte> out(stride * static_cast<std::size_t>(height));
  auto* dst = reinterpret_cast<std::uint8_t*>(out.data());
  for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
    const l_uint8* row = in.get() + y * (stride + 1);
    const std::uint8_t filter = row[0];
    std::uint8_t* cur = dst + y * stride;
    const std::uint8_t* up = y > 0 ? cur - stride : nullptr;
    for (std::size_t i = 0; i < stride; ++i) {
      const int a = i >= bpp ? cur[i - bpp] : 0, b = up ? up[i] : 0, c = (up && i >= bpp) ? up[i - bpp] : 0;
      int pred = 0;
      switch (filter) {
        case 0: pred = 0; break;
        case 1: pred = a; break;
        case 2: pred = b; break;
        case 3: pred = (a + b) / 2; break;
        case 4: {
          const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
          break;
        }
        default: return {};
      }
      cur[i] = static_cast<std::uint8_t>(row[1 + i] + pred);
    }
  }
  return out;
}

// Unpacks decoded samples (1 or 8 bits, 1 or 3 components) into a raster.
PixPtr FromSamples(std::span<const std::byte> s, int width, int height, int bpc, int comps) {
  const std::size_t stride = (static_cast<std::size_t>(width) * static_cast<std::size_t>(bpc * comps) + 7) / 8;
  if (s.size() < stride * static_cast<std::size_t>(height)) return nullptr;
  const auto* src = reinterpret_cast<const std::uint8_t*>(s.data());
  if (comps == 1 && (bpc == 1 || bpc == 8)) {
    PixPtr pix(pixCreate(width, height, bpc));
    if (!pix) return nullptr;
    l_uint32* dst = pixGetData(pix.get());
    const auto wpl = static_cast<std::size_t>(pixGetWpl(pix.get()));
    for (int y = 0; y < height; ++y) {
      std::memcpy(dst + static_cast<std::size_t>(y) * wpl, src + static_cast<std::size_t>(y) * stride, stride);
    }
    pixEndianByteSwap(pix.get());       // Leptonica words are MSB-first in host order
    if (bpc == 1) pixInvert(pix.get(), pix.get());  // PDF grey: 0 black; Leptonica 1-bit: 1 black
    return pix;
  }
  if (comps == 3 && bpc == 8) {
    PixPtr pix(pixCreate(width, height, 32));
    if (!pix) return nullptr;
    for (int y = 0; y < height; ++y) {
      l_uint32* line = pixGetData(pix.get()) + static_cast<std::size_t>(y) * static_cast<std::size_t>(pixGetWpl(pix.get()));
      const std::uint8_t* row = src + static_cast<std::size_t>(y) * stride;
      for (int x = 0; x < width; ++x) {
        const std::uint8_t* p = row + 3 * x;
        composeRGBPixel(p[0], p[1], p[2], line + x);
      }
    }
    return pix;
  }
  return nullptr;
}

struct PageImageRef {
  PdfObject* image = nullptr;
  std::int64_t pixels = 0;
  std::string name;     // resource name, for finding its placement
  bool in_form = false;
};

// Placement of the image on the page: the last `a b c d e f cm` before
// `/name Do` in the page content (nested q/Q ignored: scanners write one).
struct Placement {
  bool found = false;
  double a = 1, b = 0, c = 0, d = 1;
};

std::string PageContent(PdfPage* page) {
  std::string out;
  PdfObject* contents = Resolve(page->GetContents());
  std::vector<PdfObject*> streams;
  if (contents != nullptr && contents->IsArray()) {
    for (const PdfObject& o : contents->GetArray()) streams.push_back(Resolve(const_cast<PdfObject*>(&o)));
  } else {
    streams.push_back(contents);
  }
  for (PdfObject* s : streams) {
    if (s == nullptr || !s->HasStream()) continue;
    PodofoBuffer buf;
    s->GetStream()->GetFilteredCopy(&buf.data, &buf.size);
    if (buf.size > 0 && out.size() < (4u << 20)) out.append(buf.data, static_cast<std::size_t>(buf.size)).push_back(' ');
  }
  return out;
}

Placement FindPlacement(PdfPage* page, const std::string& name) {
  Placement placement;
  const std::string content = PageContent(page);
  std::vector<std::string> tokens;
  std::size_t i = 0;
  double m[6] = {1, 0, 0, 1, 0, 0};
  while (i < content.size()) {
    while (i < content.size() && std::isspace(static_cast<unsigned char>(content[i]))) ++i;
    std::size_t j = i;
    while (j < content.size() && !std::isspace(static_cast<unsigned char>(content[j]))) ++j;
    if (j == i) break;
    std::string token = content.substr(i, j - i);
    i = j;
    if (token == "cm" && tokens.size() >= 6) {
      try {
        for (int k = 0; k < 6; ++k) m[k] = std::stod(tokens[tokens.size() - 6 + static_cast<std::size_t>(k)]);
      } catch (const std::exception&) {
        continue;
      }
    } else if (token == "Do" && !tokens.empty() && tokens.back() == "/" + name) {
      placement = {true, m[0], m[1], m[2], m[3]};
    }
    tokens.push_back(std::move(token));
    if (tokens.size() > 8) tokens.erase(tokens.begin());
  }
  return placement;
}

// The largest image XObject drawn by the page (one level of form XObjects).
PageImageRef FindLargestImage(PdfObject* resources, int depth = 0) {
  PageImageRef best;
  if (resources == nullptr || depth > 1) return best;
  PdfObject* xobjects = resources->GetIndirectKey(PdfName("XObject"));
  if (xobjects == nullptr || !xobjects->IsDictionary()) return best;
  for (const auto& [key, value] : xobjects->GetDictionary().GetKeys()) {
    PdfObject* obj = Resolve(value);
    if (obj == nullptr || !obj->IsDictionary()) continue;
    const PdfName subtype = obj->GetIndirectKeyAsName(PdfName("Subtype"));
    if (subtype == PdfName("Image")) {
      const auto px = obj->GetIndirectKeyAsLong(PdfName("Width"), 0) * obj->GetIndirectKeyAsLong(PdfName("Height"), 0);
      if (px > best.pixels) best = {obj, px, key.GetName(), depth > 0};
    } else if (subtype == PdfName("Form")) {
      PageImageRef inner = FindLargestImage(obj->GetIndirectKey(PdfName("Resources")), depth + 1);
      if (inner.pixels > best.pixels) {
        best = inner;
        best.in_form = true;
      }
    }
  }
  return best;
}

Result<PageImage> DecodePage(PdfMemDocument& doc, int index, std::string_view name, const DecodeLimits& limits) {
  const int page_number = index + 1;
  const std::string prefix = PagePrefix(name, page_number);
  PdfPage* page = doc.GetPage(index);
  if (page == nullptr) return Status::Corrupt(prefix + "page absente de la structure du PDF");
  const PageImageRef ref = FindLargestImage(page->GetResources());
  if (ref.image == nullptr) {
    return Status::Unimplemented(prefix +
                                 "aucune image scannée sur cette page (PDF né numérique, à texte vectoriel ?) ; Liasse "
                                 "ne lit que des pages scannées et ne rastérise pas les PDF");
  }
  PdfObject* image = ref.image;
  const auto w64 = image->GetIndirectKeyAsLong(PdfName("Width"), 0);
  const auto h64 = image->GetIndirectKeyAsLong(PdfName("Height"), 0);
  if (w64 <= 0 || h64 <= 0 || w64 > 1'000'000 || h64 > 1'000'000) {
    return Status::Corrupt(prefix + "l'image annonce une taille impossible");
  }
  const int width = static_cast<int>(w64), height = static_cast<int>(h64);
  // Resolution and quarter-turns from where the page draws the image (its
  // matrix), else from the media box. A small rotation in the matrix (a
  // skewed placement) is not applied: the native image is straighter.
  const Placement placement = ref.in_form ? Placement{} : FindPlacement(page, ref.name);
  double extent_pt = page->GetMediaBox().GetWidth();
  int quads = 0;
  if (placement.found) {
    extent_pt = std::hypot(placement.a, placement.b);
    const double angle = std::atan2(placement.b, placement.a) * 180.0 / M_PI;  // counter-clockwise
    quads = static_cast<int>(std::lround(-angle / 90.0) % 4 + 4) % 4;
  }
  quads = (quads + page->GetRotation() / 90 % 4 + 4) % 4;
  const int stated_dpi = extent_pt > 0 ? static_cast<int>(width * 72.0 / extent_pt + 0.5) : 0;
  LIASSE_RETURN_IF_ERROR(CheckPixels(name, page_number, width, height, stated_dpi, limits));
  if (!image->HasStream()) return Status::Corrupt(prefix + "image sans données");

  const Encoding enc = GetEncoding(image);
  const int bpc = static_cast<int>(image->GetIndirectKeyAsLong(PdfName("BitsPerComponent"), 1));
  PixPtr pix;
  PodofoBuffer raw;
  if ((enc.filter == "DCTDecode" || enc.filter == "JPXDecode") && enc.filter_count == 1) {
    image->GetStream()->GetCopy(&raw.data, &raw.size);
    pix.reset(pixReadMem(U8(raw.span()), raw.span().size()));
  } else if (enc.filter == "CCITTFaxDecode" || enc.filter == "JBIG2Decode") {
    if (enc.filter_count != 1) return Status::Unimplemented(prefix + "filtres enchaînés non pris en charge avant " + enc.filter);
    image->GetStream()->GetCopy(&raw.data, &raw.size);
    if (enc.filter == "CCITTFaxDecode") {
      pix = DecodeCcitt(raw.span(), enc.params, width, height);
    } else {
      PodofoBuffer globals;
      PdfObject* g = enc.params != nullptr ? enc.params->GetIndirectKey(PdfName("JBIG2Globals")) : nullptr;
      if (g != nullptr && g->HasStream()) g->GetStream()->GetFilteredCopy(&globals.data, &globals.size);
      pix = DecodeJbig2(raw.span(), globals.span(), width, height);
    }
  } else {
    // Unfiltered, Flate/LZW/RunLength samples, or a chain PoDoFo decodes whole.
    const int comps = Components(image);
    if (comps == 0 || (bpc != 1 && bpc != 8)) {
      return Status::Unimplemented(prefix + "espace de couleur ou profondeur de l'image non pris en charge (" +
                                   std::to_string(bpc) + " bits par composante)");
    }
    if (enc.filter == "FlateDecode" && enc.filter_count == 1 && ParamInt(enc.params, "Predictor", 1) >= 10) {
      image->GetStream()->GetCopy(&raw.data, &raw.size);
      const std::vector<std::byte> samples = InflatePngPredicted(raw.span(), width, height, bpc, comps);
      pix = FromSamples(samples, width, height, bpc, comps);
    } else {
      image->GetStream()->GetFilteredCopy(&raw.data, &raw.size);
      pix = FromSamples(raw.span(), width, height, bpc, comps);
    }
  }
  if (!pix) return Status::Corrupt(prefix + "données de l'image (" + (enc.filter.empty() ? "sans filtre" : enc.filter) +
                                   ") tronquées ou abîmées");
  if (pixGetWidth(pix.get()) != width || pixGetHeight(pix.get()) != height) {
    return Status::Corrupt(prefix + "taille des données de l'image différente de ses /Width et /Height");
  }
  // /Decode [1 0] inverts 1-bit images (common for CCITT and JBIG2 scans).
  PdfObject* decode = image->GetIndirectKey(PdfName("Decode"));
  if (decode != nullptr && decode->IsArray() && decode->GetArray().size() >= 2 && decode->GetArray()[0].IsNumber() &&
      decode->GetArray()[0].GetNumber() == 1 && pixGetDepth(pix.get()) <= 8) {
    pixInvert(pix.get(), pix.get());
  }
  if (quads != 0) pix.reset(pixRotateOrth(pix.get(), quads));
  return FinishPage(std::move(pix), stated_dpi, name, page_number, limits);
}

// PoDoFo's error code as a French sentence for the operator: its own
// ErrorName / ErrorMessage are English identifiers ("ePdfError_NoEOFToken").
std::string DescribePdfError(const PdfError& e) {
  switch (e.GetError()) {
    case ePdfError_NoEOFToken: return "marque de fin %EOF absente : fichier tronqué ou incomplet";
    case ePdfError_UnexpectedEOF: return "fin de fichier inattendue : fichier tronqué";
    case ePdfError_NoPdfFile: return "ce n'est pas un fichier PDF";
    case ePdfError_NoXRef:
    case ePdfError_InvalidXRef:
    case ePdfError_InvalidXRefStream: return "table des références (xref) absente ou invalide";
    case ePdfError_NoTrailer:
    case ePdfError_InvalidTrailerSize: return "fin de structure (trailer) absente ou invalide";
    case ePdfError_NoNumber:
    case ePdfError_NoObject:
    case ePdfError_InvalidDataType: return "objet du PDF absent ou mal formé";
    case ePdfError_InvalidStream:
    case ePdfError_InvalidStreamLength: return "flux de données du PDF invalide";
    case ePdfError_InvalidPredictor: return "prédicteur de compression invalide ou non pris en charge";
    case ePdfError_Flate: return "données compressées (Flate) abîmées";
    case ePdfError_UnsupportedFilter: return "filtre de compression non pris en charge";
    case ePdfError_InvalidEncryptionDict: return "dictionnaire de chiffrement invalide";
    default: break;
  }
  const char* nm = PdfError::ErrorName(e.GetError());
  return std::string("erreur de lecture du PDF (code PoDoFo ") + (nm != nullptr ? nm : "inconnu") + ")";
}

}  // namespace

Result<std::vector<PageImage>> DecodePdf(std::span<const std::byte> bytes, std::string_view name,
                                         const DecodeLimits& limits) {
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  int current_page = 0;
  try {
    PdfMemDocument doc;
    try {
      doc.LoadFromBuffer(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()));
    } catch (const PdfError& e) {
      const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      if (e.GetError() == ePdfError_InvalidPassword || text.find("/Encrypt") != std::string_view::npos) {
        return Status::FailedPrecondition(std::string(name) + ": PDF chiffré : illisible sans son mot de passe (ou avec ce chiffrement)");
      }
      if (e.GetError() == ePdfError_UnsupportedFilter || e.GetError() == ePdfError_InvalidEncryptionDict) {
        return Status::Unimplemented(std::string(name) + ": PDF utilisant une fonction non prise en charge : " + DescribePdfError(e));
      }
      return Status::Corrupt(std::string(name) + ": PDF illisible : " + DescribePdfError(e));
    }
    const int count = doc.GetPageCount();
    if (count <= 0) return Status::Corrupt(std::string(name) + ": PDF sans aucune page");
    if (count > limits.max_pages) {
      return Status::LimitExceeded(std::string(name) + ": " + std::to_string(count) + " pages, au-delà de max_pages " +
                                   std::to_string(limits.max_pages));
    }
    std::vector<PageImage> pages;
    for (int i = 0; i < count; ++i) {
      current_page = i + 1;
      LIASSE_ASSIGN_OR_RETURN(auto page, DecodePage(doc, i, name, limits));
      pages.push_back(std::move(page));
    }
    return pages;
  } catch (const PdfError& e) {
    const std::string where = current_page > 0 ? PagePrefix(name, current_page) : std::string(name) + ": ";
    return Status::Corrupt(where + "structure du PDF abîmée : " + DescribePdfError(e));
  } catch (const std::bad_alloc&) {
    return Status::LimitExceeded(std::string(name) + ": mémoire insuffisante pour décoder le PDF");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string(name) + ": structure du PDF abîmée : " + e.what());
  }
}

}  // namespace liasse::ocr
