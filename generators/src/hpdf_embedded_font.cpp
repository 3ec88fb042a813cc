#include "hpdf_embedded_font.h"

// Installed libharu internals: documents, font definitions, dictionaries
// and streams (there is no public call for any of this).
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

// This file reads and writes libharu's private structures (HPDF_Doc_Rec,
// HPDF_Dict_Rec, HPDF_FontAttr_Rec, HPDF_TTFontDefAttr_Rec…), which any
// release may change without notice. They were checked against libharu
// 2.3.0 (Debian libhpdf-dev 2.3.0+dfsg-1): another version must not build
// until someone has checked them again (tests/generators: the
// LibharuVersion.OtherVersionDoesNotCompile test).
#ifndef LIASSE_HPDF_CHECKED_VERSION_ID
#define LIASSE_HPDF_CHECKED_VERSION_ID 20300
#endif
static_assert(HPDF_VERSION_ID == LIASSE_HPDF_CHECKED_VERSION_ID,
              "hpdf_embedded_font.cpp writes libharu 2.3.0's private structures: check them against the "
              "installed libharu, then update LIASSE_HPDF_CHECKED_VERSION_ID");

namespace {
constexpr HPDF_UINT kMemStreamBlock = 16384;  // libharu's own HPDF_STREAM_BUF_SIZ is not installed
}

namespace liasse::generators::internal {

namespace {

std::string StreamBytes(HPDF_Stream stream) {
  std::string out;
  const HPDF_UINT blocks = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < blocks; ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* block = HPDF_MemStream_GetBufPtr(stream, i, &length);
    if (block != nullptr) out.append(reinterpret_cast<const char*>(block), length);
  }
  return out;
}

// libharu drops a /Filter entry from a stream whose own filter is "none";
// the entry is written by this hook instead, after the dictionary's keys.
HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

HPDF_TTFontDefAttr TrueType(HPDF_FontDef def) { return static_cast<HPDF_TTFontDefAttr>(def->attr); }

}  // namespace

std::string DeflateWithHpdf(HPDF_Doc doc, const std::string& raw) {
  HPDF_Stream src = HPDF_MemStream_New(doc->mmgr, kMemStreamBlock);
  HPDF_Stream dst = HPDF_MemStream_New(doc->mmgr, kMemStreamBlock);
  std::string out;
  if (src != nullptr && dst != nullptr &&
      HPDF_Stream_Write(src, reinterpret_cast<const HPDF_BYTE*>(raw.data()), static_cast<HPDF_UINT>(raw.size())) ==
          HPDF_OK &&
      HPDF_Stream_WriteToStream(src, dst, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr) == HPDF_OK) {
    out = StreamBytes(dst);
  }
  if (src != nullptr) HPDF_Stream_Free(src);
  if (dst != nullptr) HPDF_Stream_Free(dst);
  return out;
}

HPDF_Dict DeflatedStream(HPDF_Doc doc, const std::string& deflated) {
  HPDF_Dict dict = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (dict == nullptr) return nullptr;
  if (HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK) {
    return nullptr;
  }
  dict->write_fn = WriteFlateFilter;
  return dict;
}

bool ReplaceWithDeflated(HPDF_Doc doc, HPDF_Dict dict, const std::string& deflated) {
  HPDF_Stream bytes = HPDF_MemStream_New(doc->mmgr, kMemStreamBlock);
  if (bytes == nullptr) return false;
  if (HPDF_Stream_Write(bytes, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK) {
    HPDF_Stream_Free(bytes);
    return false;
  }
  HPDF_Stream_Free(dict->stream);
  dict->stream = bytes;
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = WriteFlateFilter;
  return true;
}

bool DeflateFontStreamsOnce(HPDF_Doc doc, HPDF_Font font, std::string& map_cache, std::string& cmap_cache) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  for (auto [dict, cache] : {std::pair{attr->map_stream, &map_cache}, std::pair{attr->cmap_stream, &cmap_cache}}) {
    if (dict == nullptr) continue;
    if (cache->empty()) *cache = DeflateWithHpdf(doc, StreamBytes(dict->stream));
    if (cache->empty() || !ReplaceWithDeflated(doc, dict, *cache)) return false;
  }
  // Unhooked so that the font's before-write step leaves their filter alone.
  attr->map_stream = nullptr;
  attr->cmap_stream = nullptr;
  return true;
}

Result<CachedFontProgram> CachedFontProgram::Build(HPDF_Doc doc, HPDF_FontDef def,
                                                   const std::vector<char32_t>& code_points) {
  // GetCharWidth marks the glyph, and the parts of a composite glyph, as
  // used: exactly what drawing the character in a document does.
  for (const char32_t cp : code_points) HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(cp));
  HPDF_TTFontDefAttr attr = TrueType(def);
  HPDF_Stream program = HPDF_MemStream_New(doc->mmgr, kMemStreamBlock);
  if (program == nullptr) return Status::Internal("libharu: mémoire insuffisante pour la police");
  const HPDF_STATUS saved = HPDF_TTFontDef_SaveFontData(def, program);
  CachedFontProgram cached;
  cached.length1_ = attr->length1;
  cached.deflated_ = saved == HPDF_OK ? DeflateWithHpdf(doc, StreamBytes(program)) : std::string();
  HPDF_Stream_Free(program);
  if (cached.deflated_.empty()) return Status::Internal(std::string("libharu: police ") + attr->base_font + " non enregistrable");
  cached.glyphs_.assign(attr->glyph_tbl.flgs, attr->glyph_tbl.flgs + attr->num_glyphs);
  return cached;
}

bool CachedFontProgram::Covers(HPDF_FontDef def) const {
  HPDF_TTFontDefAttr attr = TrueType(def);
  if (attr->num_glyphs != glyphs_.size()) return false;
  for (size_t gid = 0; gid < glyphs_.size(); ++gid) {
    if (attr->glyph_tbl.flgs[gid] != 0 && glyphs_[gid] == 0) return false;
  }
  return true;
}

bool CachedFontProgram::Install(HPDF_Doc doc, HPDF_FontDef def) const {
  // The same descriptor libharu's CIDFontType2_BeforeWrite_Func builds when
  // fontdef->descriptor is still empty; with it set, libharu uses it as is.
  HPDF_TTFontDefAttr attr = TrueType(def);
  HPDF_Dict program = DeflatedStream(doc, deflated_);  // owned by the xref
  if (program == nullptr) return false;
  HPDF_Dict descriptor = HPDF_Dict_New(doc->mmgr);
  // The xref owns the descriptor from here on (and frees it if this fails).
  if (descriptor == nullptr || HPDF_Xref_Add(doc->xref, descriptor) != HPDF_OK) return false;
  HPDF_STATUS ret = HPDF_Dict_Add(descriptor, "FontFile2", program);
  ret += HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(length1_));
  ret += HPDF_Dict_AddNumber(program, "Length2", 0);
  ret += HPDF_Dict_AddNumber(program, "Length3", 0);
  ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
  ret += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
  ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
  ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(doc->mmgr, def->font_bbox));
  ret += HPDF_Dict_AddName(descriptor, "FontName", attr->base_font);
  ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
  ret += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
  ret += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
  if (ret != HPDF_OK) return false;
  def->descriptor = descriptor;
  return true;
}

}  // namespace liasse::generators::internal
