// Format sniffing and raster decoding (TIFF, PNG, JPEG) through Leptonica.

// Every header is read before its pixels, so a lying size is refused before
// any allocation.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>

#include "liasse/core/system_error.h"
#include "decode_internal.h"

namespace liasse::ocr {
namespace {

enum class Format { kTiff, kPng, kJpeg, kPdf, kUnknown };

const l_uint8* Bytes(std::span<const std::byte> b) { return reinterpret_cast<const l_uint8*>(b.data()); }

bool StartsWith(std::span<const std::byte> b, std::string_view magic) {
  return b.size() >= magic.size() && std::memcmp(b.data(), magic.data(), magic.size()) == 0;
}

Format Sniff(std::span<const std::byte> b) {
  using namespace std::string_view_literals;
  if (StartsWith(b, "II*\0"sv) || StartsWith(b, "MM\0*"sv)) return Format::kTiff;
  if (StartsWith(b, "\x89PNG\r\n\x1a\n"sv)) return Format::kPng;
  if (StartsWith(b, "\xff\xd8\xff"sv)) return Format::kJpeg;
  // PDF allows junk before the header within the first 1024 bytes.
  const std::string_view head(reinterpret_cast<const char*>(b.data()), std::min<std::size_t>(b.size(), 1024));
  if (head.find("%PDF-") != std::string_view::npos) return Format::kPdf;
  return Format::kUnknown;
}

Result<PageImage> DecodeOne(PixPtr pix, std::string_view name, int page, const DecodeLimits& limits) {
  if (!pix) return Status::Corrupt(PagePrefix(name, page) + "données de l'image tronquées ou abîmées");
  const int dpi = pixGetXRes(pix.get());
  return FinishPage(std::move(pix), dpi, name, page, limits);
}

Result<std::vector<PageImage>> DecodeTiff(std::span<const std::byte> bytes, std::string_view name,
                                          const DecodeLimits& limits) {
  std::vector<PageImage> pages;
  for (int n = 0;; ++n) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderMemTiff(Bytes(bytes), bytes.size(), n, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) {
      if (n == 0) return Status::Corrupt(std::string(name) + ": TIFF illisible (en-tête abîmé ou tronqué)");
      break;  // no directory n: the previous one was the last page
    }
    if (n >= limits.max_pages) {
      return Status::LimitExceeded(std::string(name) + ": plus de " + std::to_string(limits.max_pages) +
                                   " pages (limite max_pages)");
    }
    if (w <= 0 || h <= 0) return Status::Corrupt(PagePrefix(name, n + 1) + "le TIFF annonce une image vide");
    LIASSE_RETURN_IF_ERROR(CheckPixels(name, n + 1, w, h, res, limits));
    LIASSE_ASSIGN_OR_RETURN(auto page, DecodeOne(PixPtr(pixReadMemTiff(Bytes(bytes), bytes.size(), n)), name, n + 1, limits));
    pages.push_back(std::move(page));
  }
  return pages;
}

// True when every chunk of the PNG in `b` announces a length that fits in
// the bytes that follow it: libpng allocates a chunk's announced length
// before reading it (a 2 KB file claiming 2 GB took that much), and the
// whole file is in memory here, so a length beyond its end is a lie.
bool PngChunksFit(std::span<const std::byte> b) {
  std::size_t at = 8;  // after the signature
  while (at + 8 <= b.size()) {
    std::uint32_t length = 0;
    for (std::size_t i = 0; i < 4; ++i) length = (length << 8) | std::to_integer<std::uint32_t>(b[at + i]);
    if (length > b.size() - at - 8) return false;
    if (std::memcmp(b.data() + at + 4, "IEND", 4) == 0) return true;
    at += 12 + static_cast<std::size_t>(length);  // length, type, data, CRC
  }
  return true;  // truncated after a whole chunk: libpng says what is missing
}

Result<std::vector<PageImage>> DecodeSingle(std::span<const std::byte> bytes, std::string_view name, Format format,
                                            const DecodeLimits& limits) {
  l_int32 w = 0, h = 0, spp = 0, bps = 0, other = 0, cmyk = 0;
  const bool header_ok =
      format == Format::kPng
          ? readHeaderMemPng(Bytes(bytes), bytes.size(), &w, &h, &bps, &spp, &other) == 0
          : readHeaderMemJpeg(Bytes(bytes), bytes.size(), &w, &h, &spp, &other, &cmyk) == 0;
  const char* kind = format == Format::kPng ? "PNG" : "JPEG";
  if (!header_ok || w <= 0 || h <= 0) {
    return Status::Corrupt(std::string(name) + ": " + kind + " illisible (en-tête abîmé ou tronqué)");
  }
  LIASSE_RETURN_IF_ERROR(CheckPixels(name, 1, w, h, 0, limits));
  if (format == Format::kPng && !PngChunksFit(bytes)) {
    return Status::Corrupt(std::string(name) + ": PNG illisible (un bloc annonce plus d'octets que le fichier n'en contient)");
  }
  LIASSE_ASSIGN_OR_RETURN(auto page, DecodeOne(PixPtr(pixReadMem(Bytes(bytes), bytes.size())), name, 1, limits));
  std::vector<PageImage> pages;
  pages.push_back(std::move(page));
  return pages;
}

int PlausibleDpi(int stated, std::int64_t width, const DecodeLimits& limits) {
  // 72 and 96 are what writers put when they know nothing; a page wider
  // than 20 inches at the stated resolution means the value is meaningless.
  if (stated < 50 || stated > 2400 || width / stated > 20) return limits.default_dpi;
  return stated;
}

}  // namespace

std::string PagePrefix(std::string_view name, int page_number) {
  return std::string(name) + ": page " + std::to_string(page_number) + ": ";
}

Status CheckPixels(std::string_view name, int page_number, std::int64_t width, std::int64_t height, int stated_dpi,
                   const DecodeLimits& limits) {
  const int dpi = PlausibleDpi(stated_dpi, width, limits);
  double pixels = static_cast<double>(width) * static_cast<double>(height);
  if (dpi < limits.min_dpi) pixels *= std::pow(static_cast<double>(limits.default_dpi) / dpi, 2.0);
  if (pixels > static_cast<double>(limits.max_pixels_per_page)) {
    return Status::LimitExceeded(PagePrefix(name, page_number) + std::to_string(width) + " x " +
                                 std::to_string(height) + " pixels à " + std::to_string(dpi) +
                                 " dpi, au-delà de max_pixels_per_page " +
                                 std::to_string(limits.max_pixels_per_page));
  }
  return Status::Ok();
}

Result<PageImage> FinishPage(PixPtr pix, int stated_dpi, std::string_view name, int page_number,
                             const DecodeLimits& limits) {
  if (!pix) return Status::Corrupt(PagePrefix(name, page_number) + "données de l'image tronquées ou abîmées");
  if (pixGetColormap(pix.get()) != nullptr) pix.reset(pixRemoveColormap(pix.get(), REMOVE_CMAP_BASED_ON_SRC));
  if (pix && pixGetDepth(pix.get()) == 32 && pixGetSpp(pix.get()) == 4) {
    pix.reset(pixAlphaBlendUniform(pix.get(), 0xffffff00));
  }
  if (pix && pixGetDepth(pix.get()) != 1 && pixGetDepth(pix.get()) != 8 && pixGetDepth(pix.get()) != 32) {
    pix.reset(pixConvertTo8(pix.get(), 0));
  }
  if (!pix) return Status::Corrupt(PagePrefix(name, page_number) + "disposition des pixels non prise en charge");
  const int width = pixGetWidth(pix.get());
  const int dpi = PlausibleDpi(stated_dpi, width, limits);
  LIASSE_RETURN_IF_ERROR(CheckPixels(name, page_number, width, pixGetHeight(pix.get()), dpi, limits));
  if (dpi < limits.min_dpi) {
    // Recognition is tuned for ~300 dpi; interpolate in grey, never sample 1-bit.
    if (pixGetDepth(pix.get()) == 1) pix.reset(pixConvert1To8(nullptr, pix.get(), 255, 0));
    const float factor = static_cast<float>(limits.default_dpi) / static_cast<float>(dpi);
    pix.reset(pixScale(pix.get(), factor, factor));
    if (!pix) return Status::Internal(PagePrefix(name, page_number) + "agrandissement de l'image impossible");
    pixSetResolution(pix.get(), limits.default_dpi, limits.default_dpi);
  } else {
    pixSetResolution(pix.get(), dpi, dpi);
  }
  return MakePageImage(std::move(pix), stated_dpi, page_number);
}

Result<std::vector<PageImage>> DecodeBytes(std::span<const std::byte> bytes, std::string_view name,
                                           const DecodeLimits& limits) {
  QuietLeptonica();
  if (bytes.empty()) return Status::Corrupt(std::string(name) + ": fichier vide (0 octet)");
  if (bytes.size() > limits.max_file_bytes) {
    return Status::LimitExceeded(std::string(name) + ": " + std::to_string(bytes.size()) +
                                 " octets, au-delà de max_file_bytes " + std::to_string(limits.max_file_bytes));
  }
  switch (Sniff(bytes)) {
    case Format::kTiff: return DecodeTiff(bytes, name, limits);
    case Format::kPng: return DecodeSingle(bytes, name, Format::kPng, limits);
    case Format::kJpeg: return DecodeSingle(bytes, name, Format::kJpeg, limits);
    case Format::kPdf: return DecodePdf(bytes, name, limits);
    case Format::kUnknown: break;
  }
  return Status::Corrupt(std::string(name) +
                         ": ni TIFF, ni PNG, ni JPEG, ni PDF (contenu non reconnu, quel que soit le nom du fichier)");
}

Result<std::vector<PageImage>> DecodeFile(const std::filesystem::path& path, const DecodeLimits& limits) {
  const std::string name = path.filename().string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound(path.string() + ": " + FrenchSystemError(ec));
  if (size > limits.max_file_bytes) {
    return Status::LimitExceeded(name + ": " + std::to_string(size) + " octets, au-delà de max_file_bytes " +
                                 std::to_string(limits.max_file_bytes));
  }
  std::vector<std::byte> bytes(size);
  std::ifstream in(path, std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
    return Status::IoError(path.string() + ": lecture impossible");
  }
  return DecodeBytes(bytes, name, limits);
}

}  // namespace liasse::ocr
