#include "hpdf_document.h"

#include "font_coverage.h"
#include "hpdf_pool.h"
#include "liasse/core/utf8.h"

// libharu 2.3.0 has no public call to load a TrueType font from memory; these
// installed internal headers give the pieces LoadTTFontFromFile is made of.
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace liasse::generators::internal {

namespace {

std::string HpdfError(HPDF_STATUS error, HPDF_STATUS detail) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  return buffer;
}

// LoadTTFontFromFile keeps the font file open and, for every letter, seeks
// and reads it table by table and glyph by glyph (~400 system calls). The
// same steps over a memory stream (hpdf_doc.c, LoadTTFontFromStream).
HPDF_FontDef LoadTTFontFromMemory(HPDF_Doc pdf, const std::string& bytes) {
  HPDF_Stream stream = HPDF_MemStream_New(pdf->mmgr, static_cast<HPDF_UINT>(bytes.size()) + 16);
  if (stream == nullptr) return nullptr;
  if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size())) !=
      HPDF_OK) {
    HPDF_Stream_Free(stream);
    return nullptr;
  }
  HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);
  if (def == nullptr) return nullptr;
  if (HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK) return nullptr;
  // The subset tag ("HPDFAA+", "HPDFAB+", …) as libharu assigns it.
  if (pdf->ttfont_tag[0] == 0) {
    std::memcpy(pdf->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      pdf->ttfont_tag[i] = static_cast<HPDF_BYTE>(pdf->ttfont_tag[i] + 1);
      if (pdf->ttfont_tag[i] > 'Z') {
        pdf->ttfont_tag[i] = 'A';
      } else {
        break;
      }
    }
  }
  HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(pdf->ttfont_tag));
  return def;
}

// A ToUnicode CMap for libharu's UTF-8 fonts, whose character codes are the
// Unicode code points themselves (UCS-2). libharu 2.3.0 points /ToUnicode at
// its encoding CMap (a "cidrange" CMap, which poppler warns about and other
// readers may ignore); this one maps every code to itself with bfrange
// blocks of 256 codes (surrogates left out), at most 100 per section.
const std::string& IdentityToUnicodeCMap() {
  static const std::string cmap = [] {
    std::vector<int> blocks;
    for (int hi = 0; hi < 256; ++hi) {
      if (hi < 0xD8 || hi > 0xDF) blocks.push_back(hi);
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (size_t start = 0; start < blocks.size(); start += 100) {
      const size_t end = std::min(blocks.size(), start + 100);
      out += std::to_string(end - start) + " beginbfrange\n";
      for (size_t i = start; i < end; ++i) {
        char line[40];
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", blocks[i], blocks[i], blocks[i]);
        out += line;
      }
      out += "endbfrange\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
  }();
  return cmap;
}

// The code points the letter fonts cover, and one past the last: libharu
// writes the W array and CIDToGIDMap for CIDs below its highest CID only, so
// a sentinel (which maps to no glyph) keeps the last real one inside.
const std::vector<char32_t>& FontCodePoints() {
  static const std::vector<char32_t> points = [] {
    std::vector<char32_t> out;
    for (char32_t cp = 0x20; cp < 0x10000; ++cp) {
      if (FontCovers(cp)) out.push_back(cp);
    }
    out.push_back(out.back() + 1);
    return out;
  }();
  return points;
}

// HPDF_GetFont with libharu's UTF-8 encoder looks up the glyph of all 65 536
// code points and writes W and CIDToGIDMap up to U+FFFF (128 KB per font,
// deflated at every save): about half the CPU of a one-page letter. Given the
// generic CMap-encoder path for the call, with its map holding only the code
// points the fonts cover, libharu builds the same font objects from those
// (CIDs stay the Unicode code points, so the text and the ToUnicode CMap are
// unchanged) and stops the maps at the last covered code point. The encoder
// is restored afterwards: its UTF-8 parser keeps scratch state in cid_map[0].
class CoveredCodeWindow {
 public:
  explicit CoveredCodeWindow(HPDF_Encoder encoder)
      : encoder_(encoder), attr_(static_cast<HPDF_CMapEncoderAttr>(encoder->attr)), to_unicode_(encoder->to_unicode_fn) {
    std::memcpy(scratch_, attr_->cid_map[0], sizeof scratch_);
    std::memset(attr_->cid_map[0], 0, sizeof scratch_);
    for (const char32_t cp : FontCodePoints()) {
      const unsigned hi = cp >> 8, lo = cp & 0xFF;
      saved_.push_back({attr_->cid_map[hi][lo], attr_->unicode_map[hi][lo]});
      attr_->cid_map[hi][lo] = static_cast<HPDF_UINT16>(cp);
      attr_->unicode_map[hi][lo] = static_cast<HPDF_UNICODE>(cp);
    }
    encoder_->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
  }
  CoveredCodeWindow(const CoveredCodeWindow&) = delete;
  CoveredCodeWindow& operator=(const CoveredCodeWindow&) = delete;
  ~CoveredCodeWindow() {
    encoder_->to_unicode_fn = to_unicode_;
    size_t i = 0;
    for (const char32_t cp : FontCodePoints()) {
      const unsigned hi = cp >> 8, lo = cp & 0xFF;
      attr_->cid_map[hi][lo] = saved_[i].first;
      attr_->unicode_map[hi][lo] = saved_[i].second;
      ++i;
    }
    std::memcpy(attr_->cid_map[0], scratch_, sizeof scratch_);
  }

 private:
  HPDF_Encoder encoder_;
  HPDF_CMapEncoderAttr attr_;
  HPDF_Encoder_ToUnicode_Func to_unicode_;
  HPDF_UINT16 scratch_[8];  // UTF8_EncoderAttr_Rec: 10 bytes
  std::vector<std::pair<HPDF_UINT16, HPDF_UNICODE>> saved_;
};

Result<std::string> ReadFontFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": police TrueType introuvable");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::string ToPdfDocEncoding(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = utf8::NextCodePoint(utf8, i);
    char mapped = '?';
    if (cp < 0x80) {
      mapped = static_cast<char>(cp);
    } else if (cp == 0xA0 || cp == 0x202F) {
      mapped = ' ';
    } else if (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD) {
      mapped = static_cast<char>(static_cast<unsigned char>(cp));
    } else {
      switch (cp) {
        case 0x20AC: mapped = '\xA0'; break;  // €
        case 0x0153: mapped = '\x9C'; break;  // œ
        case 0x0152: mapped = '\x96'; break;  // Œ
        case 0x2019: mapped = '\x90'; break;  // ’
        case 0x2018: mapped = '\x8F'; break;  // ‘
        case 0x201C: mapped = '\x8D'; break;  // “
        case 0x201D: mapped = '\x8E'; break;  // ”
        case 0x2013: mapped = '\x85'; break;  // –
        case 0x2014: mapped = '\x84'; break;  // —
        case 0x2026: mapped = '\x83'; break;  // …
        case 0x2022: mapped = '\x80'; break;  // •
        default: break;
      }
    }
    out += mapped;
  }
  return out;
}

void HpdfDocument::OnError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* record = static_cast<ErrorRecord*>(user_data);
  if (record->error == 0) {  // keep the first: later ones are consequences
    record->error = error;
    record->detail = detail;
  }
}

Result<HpdfDocument> HpdfDocument::Create(const std::string& regular_font, const std::string& bold_font) {
  LIASSE_ASSIGN_OR_RETURN(auto regular_bytes, ReadFontFile(regular_font));
  LIASSE_ASSIGN_OR_RETURN(auto bold_bytes, ReadFontFile(bold_font));
  auto record = std::make_unique<ErrorRecord>();
  HPDF_Doc doc = HPDF_NewEx(&HpdfDocument::OnError, &PoolAlloc, &PoolFree, 0, record.get());
  if (doc == nullptr) return Status::Internal("libharu: HPDF_New failed (out of memory)");
  HpdfDocument owner(doc, std::move(record));
  HPDF_UseUTFEncodings(doc);
  owner.regular_def_ = LoadTTFontFromMemory(doc, regular_bytes);
  if (owner.regular_def_ == nullptr) return Status::Corrupt(regular_font + ": " + owner.status().message());
  owner.regular_name_ = owner.regular_def_->base_font;
  owner.bold_def_ = LoadTTFontFromMemory(doc, bold_bytes);
  if (owner.bold_def_ == nullptr) return Status::Corrupt(bold_font + ": " + owner.status().message());
  owner.bold_name_ = owner.bold_def_->base_font;
  const std::vector<char32_t> cached_glyphs = ExpandUnicodeRanges(LIASSE_FONT_CACHED_UNICODES);
  auto regular_program = CachedFontProgram::Build(doc, owner.regular_def_, cached_glyphs);
  if (!regular_program.ok()) return regular_program.status().WithContext(regular_font);
  owner.regular_program_ = std::move(regular_program).value();
  auto bold_program = CachedFontProgram::Build(doc, owner.bold_def_, cached_glyphs);
  if (!bold_program.ok()) return bold_program.status().WithContext(bold_font);
  owner.bold_program_ = std::move(bold_program).value();
  owner.to_unicode_deflated_ = DeflateWithHpdf(doc, IdentityToUnicodeCMap());
  if (owner.to_unicode_deflated_.empty()) return Status::Internal("libharu: CMap ToUnicode : " + owner.status().message());
  return owner;
}

HpdfDocument::HpdfDocument(HpdfDocument&& other) noexcept
    : doc_(other.doc_),
      record_(std::move(other.record_)),
      regular_name_(std::move(other.regular_name_)),
      bold_name_(std::move(other.bold_name_)),
      regular_def_(other.regular_def_),
      bold_def_(other.bold_def_),
      regular_program_(std::move(other.regular_program_)),
      bold_program_(std::move(other.bold_program_)),
      to_unicode_deflated_(std::move(other.to_unicode_deflated_)),
      regular_map_(std::move(other.regular_map_)),
      regular_cmap_(std::move(other.regular_cmap_)),
      bold_map_(std::move(other.bold_map_)),
      bold_cmap_(std::move(other.bold_cmap_)),
      regular_(other.regular_),
      bold_(other.bold_) {
  other.doc_ = nullptr;
}

HpdfDocument& HpdfDocument::operator=(HpdfDocument&& other) noexcept {
  if (this != &other) {
    if (doc_ != nullptr) HPDF_Free(doc_);
    doc_ = other.doc_;
    other.doc_ = nullptr;
    record_ = std::move(other.record_);
    regular_name_ = std::move(other.regular_name_);
    bold_name_ = std::move(other.bold_name_);
    regular_def_ = other.regular_def_;
    bold_def_ = other.bold_def_;
    regular_program_ = std::move(other.regular_program_);
    bold_program_ = std::move(other.bold_program_);
    to_unicode_deflated_ = std::move(other.to_unicode_deflated_);
    regular_map_ = std::move(other.regular_map_);
    regular_cmap_ = std::move(other.regular_cmap_);
    bold_map_ = std::move(other.bold_map_);
    bold_cmap_ = std::move(other.bold_cmap_);
    regular_ = other.regular_;
    bold_ = other.bold_;
  }
  return *this;
}

HpdfDocument::~HpdfDocument() {
  if (doc_ != nullptr) HPDF_Free(doc_);
}

Status HpdfDocument::status() const {
  if (record_ == nullptr || record_->error == 0) return Status::Ok();
  return Status::Internal(HpdfError(record_->error, record_->detail));
}

Status HpdfDocument::Begin(const PdfMetadata& metadata) {
  *record_ = ErrorRecord{};
  if (HPDF_NewDoc(doc_) != HPDF_OK) return status();
  HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
  HPDF_Encoder utf8 = HPDF_GetEncoder(doc_, "UTF-8");
  if (utf8 == nullptr) return status();
  {
    CoveredCodeWindow window(utf8);
    regular_ = HPDF_GetFont(doc_, regular_name_.c_str(), "UTF-8");
    bold_ = HPDF_GetFont(doc_, bold_name_.c_str(), "UTF-8");
  }
  if (regular_ == nullptr || bold_ == nullptr) return status();
  if (!DeflateFontStreamsOnce(doc_, regular_, regular_map_, regular_cmap_) ||
      !DeflateFontStreamsOnce(doc_, bold_, bold_map_, bold_cmap_)) {
    Status s = status();
    return s.ok() ? Status::Internal("libharu: flux de police non compressés") : s;
  }
  HPDF_Dict to_unicode = DeflatedStream(doc_, to_unicode_deflated_);
  if (to_unicode == nullptr) return status();
  HPDF_Dict_Add(regular_, "ToUnicode", to_unicode);
  HPDF_Dict_Add(bold_, "ToUnicode", to_unicode);
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, ToPdfDocEncoding(metadata.title).c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_AUTHOR, ToPdfDocEncoding(metadata.author).c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_SUBJECT, ToPdfDocEncoding(metadata.subject).c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, ToPdfDocEncoding(metadata.creator).c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "Liasse (libharu)");
  const PdfTimestamp& t = metadata.created;
  HPDF_Date date{t.year, t.month, t.day, t.hour, t.minute, t.second, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(doc_, HPDF_INFO_MOD_DATE, date);
  return status();
}

HPDF_Page HpdfDocument::AddPage() {
  HPDF_Page page = HPDF_AddPage(doc_);
  if (page != nullptr) HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  return page;
}

Status HpdfDocument::UseCachedFontPrograms() {
  for (const auto& [def, program] : {std::pair{regular_def_, &regular_program_}, std::pair{bold_def_, &bold_program_}}) {
    if (program->Covers(def) && !program->Install(doc_, def)) {
      Status s = status();
      return s.ok() ? Status::Internal("libharu: descripteur de police non créé") : s;
    }
  }
  return Status::Ok();
}

Result<std::string> HpdfDocument::Save() {
  LIASSE_RETURN_IF_ERROR(status());
  LIASSE_RETURN_IF_ERROR(UseCachedFontPrograms());
  if (HPDF_SaveToStream(doc_) != HPDF_OK) return status();
  const HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ResetStream(doc_);
  // HPDF_ReadFromStream reports HPDF_STREAM_EOF once everything is read.
  const HPDF_STATUS rc = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  if ((rc != HPDF_OK && rc != HPDF_STREAM_EOF) || read != size) {
    return Status::Internal("libharu: reading the saved document back failed");
  }
  if (rc == HPDF_STREAM_EOF) record_->error = 0;  // not an error here
  return bytes;
}

}  // namespace liasse::generators::internal
