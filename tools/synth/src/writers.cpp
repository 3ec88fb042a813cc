#include "writers.h"

#include <fstream>

#include <hpdf.h>
#include <tiffio.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace liasse::synth {

namespace {

Status WriteTiff(const std::filesystem::path& path, const std::string& format, const std::vector<ScannedPage>& pages) {
  TIFF* tif = TIFFOpen(path.string().c_str(), "w");
  if (!tif) return Status::IoError(path.string() + ": ouverture en écriture impossible");
  const bool g4 = format == "tiff-g4";
  for (size_t i = 0; i < pages.size(); ++i) {
    const cv::Mat& img = pages[i].image;
    const auto w = static_cast<uint32_t>(img.cols), h = static_cast<uint32_t>(img.rows);
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, w);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, h);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, static_cast<float>(pages[i].dpi));
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, static_cast<float>(pages[i].dpi));
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    TIFFSetField(tif, TIFFTAG_PAGENUMBER, static_cast<uint16_t>(i), static_cast<uint16_t>(pages.size()));
    if (g4) {
      TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 1);
      TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
      TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4);
      TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, h);
      std::vector<uint8_t> row((w + 7) / 8);
      for (uint32_t y = 0; y < h; ++y) {
        std::fill(row.begin(), row.end(), 0);
        const auto* src = img.ptr<uint8_t>(static_cast<int>(y));
        for (uint32_t x = 0; x < w; ++x) {
          if (src[x] < 128) row[x / 8] = static_cast<uint8_t>(row[x / 8] | (0x80 >> (x % 8)));
        }
        if (TIFFWriteScanline(tif, row.data(), y, 0) < 0) {
          TIFFClose(tif);
          return Status::IoError(path.string() + ": écriture TIFF échouée");
        }
      }
    } else {
      TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
      if (format == "tiff-jpeg") {
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
        TIFFSetField(tif, TIFFTAG_JPEGQUALITY, 70);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 64);
      } else {
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
        TIFFSetField(tif, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 64);
      }
      for (uint32_t y = 0; y < h; ++y) {
        if (TIFFWriteScanline(tif, const_cast<uint8_t*>(img.ptr<uint8_t>(static_cast<int>(y))), y, 0) < 0) {
          TIFFClose(tif);
          return Status::IoError(path.string() + ": écriture TIFF échouée");
        }
      }
    }
    if (!TIFFWriteDirectory(tif)) {
      TIFFClose(tif);
      return Status::IoError(path.string() + ": écriture TIFF échouée");
    }
  }
  TIFFClose(tif);
  return Status::Ok();
}

void HpdfError(HPDF_STATUS, HPDF_STATUS, void*) {}

Status WritePdf(const std::filesystem::path& path, const std::vector<ScannedPage>& pages) {
  HPDF_Doc pdf = HPDF_New(HpdfError, nullptr);
  if (!pdf) return Status::Internal("libharu: HPDF_New a échoué");
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  // Fixed dates keep the file byte-stable for a seed.
  HPDF_Date date{2025, 1, 1, 0, 0, 0, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "liasse synth");
  std::vector<std::vector<uchar>> buffers;  // must outlive HPDF_SaveToFile
  for (const auto& p : pages) {
    HPDF_Image image = nullptr;
    if (p.bilevel) {
      buffers.emplace_back(p.image.begin<uchar>(), p.image.end<uchar>());
      image = HPDF_LoadRawImageFromMem(pdf, buffers.back().data(), static_cast<HPDF_UINT>(p.image.cols),
                                       static_cast<HPDF_UINT>(p.image.rows), HPDF_CS_DEVICE_GRAY, 8);
    } else {
      buffers.emplace_back();
      cv::imencode(".jpg", p.image, buffers.back(), {cv::IMWRITE_JPEG_QUALITY, 70});
      image = HPDF_LoadJpegImageFromMem(pdf, buffers.back().data(), static_cast<HPDF_UINT>(buffers.back().size()));
    }
    if (!image) {
      HPDF_Free(pdf);
      return Status::Internal("libharu: image refusée");
    }
    HPDF_Page page = HPDF_AddPage(pdf);
    const auto w = static_cast<HPDF_REAL>(p.image.cols * 72.0 / p.dpi);
    const auto h = static_cast<HPDF_REAL>(p.image.rows * 72.0 / p.dpi);
    HPDF_Page_SetWidth(page, w);
    HPDF_Page_SetHeight(page, h);
    HPDF_Page_DrawImage(page, image, 0, 0, w, h);
  }
  const HPDF_STATUS st = HPDF_SaveToFile(pdf, path.string().c_str());
  HPDF_Free(pdf);
  if (st != HPDF_OK) return Status::IoError(path.string() + ": écriture PDF échouée");
  return Status::Ok();
}

}  // namespace

std::string FormatExtension(const std::string& format) {
  if (format == "pdf") return ".pdf";
  if (format == "png") return ".png";
  if (format == "jpeg") return ".jpg";
  return ".tiff";
}

Status WriteEnvelope(const std::filesystem::path& path, const std::string& format,
                     const std::vector<ScannedPage>& pages) {
  if (pages.empty()) return Status::InvalidArgument("enveloppe sans page");
  if (format == "pdf") return WritePdf(path, pages);
  if (format == "png" || format == "jpeg") {
    if (pages.size() != 1) return Status::InvalidArgument(format + " : une seule page par fichier");
    std::vector<uchar> buf;
    std::vector<int> params;
    if (format == "jpeg") params = {cv::IMWRITE_JPEG_QUALITY, 80};
    else params = {cv::IMWRITE_PNG_COMPRESSION, 6};
    if (!cv::imencode(format == "png" ? ".png" : ".jpg", pages[0].image, buf, params))
      return Status::Internal(path.string() + ": encodage impossible");
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
    if (!f) return Status::IoError(path.string() + ": écriture échouée");
    return Status::Ok();
  }
  return WriteTiff(path, format, pages);
}

}  // namespace liasse::synth
