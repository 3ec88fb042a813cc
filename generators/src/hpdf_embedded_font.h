// Work libharu repeats for every letter, done once per generator: the
// embedded TrueType program of a fixed glyph set, deflated once, and
// streams whose bytes are deflated once (ToUnicode, CIDToGIDMap).
//
// libharu subsets and deflates each font program at every save (a third of
// the CPU of a one-page letter). A letter whose glyphs are all in the fixed
// set gets the cached program instead; any other letter keeps libharu's own
// per-document subset, so every glyph drawn is always embedded.
// Not thread-safe: belongs to one HpdfDocument.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::generators::internal {

// `raw` deflated as libharu deflates streams (zlib, default level).
// Empty on a libharu error (recorded in the document's error handler).
std::string DeflateWithHpdf(HPDF_Doc doc, const std::string& raw);

// A new stream object of the current document holding `deflated` as is,
// marked /FlateDecode; nullptr on a libharu error.
HPDF_Dict DeflatedStream(HPDF_Doc doc, const std::string& deflated);

// Replaces the bytes of the stream object `dict` (whose libharu filter must
// not be set afterwards) with `deflated`, marked /FlateDecode. False on a
// libharu error.
bool ReplaceWithDeflated(HPDF_Doc doc, HPDF_Dict dict, const std::string& deflated);

// The CIDToGIDMap and encoding CMap of a UTF-8 Type0 font are the same in
// every document: deflated the first time (into `cache`), copied after.
// False on a libharu error.
bool DeflateFontStreamsOnce(HPDF_Doc doc, HPDF_Font font, std::string& map_cache, std::string& cmap_cache);

class CachedFontProgram {
 public:
  // Marks the glyphs of `code_points` (and the parts of composite glyphs)
  // in `def` and saves and deflates the font program libharu would embed
  // for them. Call between documents: the marks last until HPDF_NewDoc.
  // Fails with Internal on a libharu error.
  static Result<CachedFontProgram> Build(HPDF_Doc doc, HPDF_FontDef def, const std::vector<char32_t>& code_points);

  // True when every glyph the current document used is in the program.
  bool Covers(HPDF_FontDef def) const;
  // Gives `def` a font descriptor carrying the cached program for the
  // current document, so libharu neither subsets nor deflates it at save.
  // False on a libharu error.
  bool Install(HPDF_Doc doc, HPDF_FontDef def) const;

  size_t deflated_size() const { return deflated_.size(); }

 private:
  std::vector<HPDF_BYTE> glyphs_;  // libharu's per-glyph "used" marks
  std::string deflated_;
  HPDF_UINT length1_ = 0;  // size of the raw program
};

}  // namespace liasse::generators::internal
