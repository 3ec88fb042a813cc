// HpdfDocument: the one owner of an HPDF_Doc. libharu reports errors through
// a callback; ours records the first error and returns, so libharu carries on
// to the caller which turns the record into a Status (never longjmp).
//
// The handle is reused from letter to letter: HPDF_NewDoc keeps the loaded
// TrueType definitions, so each font file is parsed once per generator, not
// once per letter. Not thread-safe; one per thread.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>

#include "hpdf_embedded_font.h"
#include "liasse/core/status.h"

namespace liasse::generators::internal {

struct PdfTimestamp {
  int year = 2000, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

struct PdfMetadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string creator;
  PdfTimestamp created;
};

class HpdfDocument {
 public:
  // Loads the two TrueType fonts (embedded, UTF-8). Fails when libharu cannot
  // allocate or a font file is missing or unreadable, naming the file.
  static Result<HpdfDocument> Create(const std::string& regular_font, const std::string& bold_font);

  HpdfDocument(HpdfDocument&& other) noexcept;
  HpdfDocument& operator=(HpdfDocument&& other) noexcept;
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;
  ~HpdfDocument();

  // Starts a new, empty document (the previous one is discarded) with the
  // given metadata; all streams compressed.
  Status Begin(const PdfMetadata& metadata);

  // A new A4 portrait page; nullptr after an error (see status()).
  HPDF_Page AddPage();
  HPDF_Font regular() const { return regular_; }
  HPDF_Font bold() const { return bold_; }

  // Ok, or the first libharu error since Begin().
  Status status() const;

  // The finished PDF bytes, or the first recorded error.
  Result<std::string> Save();

 private:
  struct ErrorRecord {
    HPDF_STATUS error = 0;
    HPDF_STATUS detail = 0;
  };
  static void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data);

  HpdfDocument(HPDF_Doc doc, std::unique_ptr<ErrorRecord> record) : doc_(doc), record_(std::move(record)) {}

  // Gives each font whose glyphs are all in its cached program that program.
  Status UseCachedFontPrograms();

  HPDF_Doc doc_ = nullptr;
  std::unique_ptr<ErrorRecord> record_;  // stable address handed to libharu
  std::string regular_name_;
  std::string bold_name_;
  HPDF_FontDef regular_def_ = nullptr;
  HPDF_FontDef bold_def_ = nullptr;
  CachedFontProgram regular_program_;
  CachedFontProgram bold_program_;
  std::string to_unicode_deflated_;
  // CIDToGIDMap and encoding CMap of each font, deflated at the first letter.
  std::string regular_map_, regular_cmap_, bold_map_, bold_cmap_;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
};

// PDFDocEncoding form of UTF-8 text for the Info dictionary (libharu writes
// those strings byte for byte): Latin-1 plus €, œ, Œ, typographic quotes and
// dashes; anything else becomes '?'.
std::string ToPdfDocEncoding(std::string_view utf8);

}  // namespace liasse::generators::internal
