// PDF post-processing with PoDoFo: encryption for e-mail, merging the day's
// letters for the postal mailroom, and reading our own outputs back.
// Thread-safe (no shared state); PoDoFo exceptions become Status values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/status.h"

namespace liasse::generators {

// Encrypts `pdf` with AES-256, security handler revision 6 (PDF 2.0: the
// key is derived by the iterated SHA-2 hash, not revision 5's one SHA-256
// round). `user_password` opens the file. The owner password, which unlocks
// the permissions, is 32 fresh random bytes drawn for this call and then
// forgotten: no constant, nothing stored or logged. Printing and copying stay
// allowed for the member. Fails with InvalidArgument on an empty password,
// Corrupt on bad bytes, Internal when no random bytes can be drawn.
Result<std::string> EncryptPdf(std::string_view pdf, const std::string& user_password);

// The member's birth date as DDMMYYYY ("05091985"): {{date_naissance}} in
// the password rule of letterhead.toml (TemplateSet::UserPassword).
std::string BirthDatePassword(Date birth_date);

// All pages of `pdfs`, in order, in one document. Fails on an empty list or
// an unreadable input (its index is named).
Result<std::string> MergePdfs(const std::vector<std::string>& pdfs);

struct PdfSummary {
  int pages = 0;
  bool encrypted = false;
  std::string title;
  std::string author;
  std::string subject;
};

// Opens `pdf` (with `password` when encrypted) and reports its pages and
// metadata. Fails with InvalidArgument on a wrong password, Corrupt on bad
// bytes.
Result<PdfSummary> InspectPdf(std::string_view pdf, const std::string& password = "");

}  // namespace liasse::generators
