// PoDoFo 0.9.8 adapters. PdfError does not derive from std::exception: it
// is caught here and turned into a Status.
#include "liasse/generators/pdf_tools.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <podofo/podofo.h>

#include <cstdio>
#include <mutex>

namespace liasse::generators {

namespace {

using PoDoFo::PdfError;
using PoDoFo::PdfMemDocument;

void QuietPodofo() {
  // PoDoFo logs to stderr by default; our callers report through Status.
  static std::once_flag once;
  std::call_once(once, [] {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
  });
}

std::string Describe(const PdfError& e) {
  const char* name = PdfError::ErrorName(e.GetError());
  return name != nullptr ? name : "PoDoFo error";
}

void Load(PdfMemDocument& doc, std::string_view pdf) {
  doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
}

std::string Write(PdfMemDocument& doc) {
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

// PoDoFo 0.9.8 leaves the AES block padding (bytes 0x01–0x10) at the end of
// strings it decrypts; metadata never ends with control characters.
std::string StripPadding(std::string text) {
  while (!text.empty() && static_cast<unsigned char>(text.back()) < 0x20) text.pop_back();
  return text;
}

// A per-document owner password: 32 random bytes as hex. Nobody needs it
// (the operator keeps the unencrypted letter), so it is never kept.
Result<std::string> RandomOwnerPassword() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return Status::Internal("chiffrement PDF : aléa indisponible");
  std::string hex;
  char buffer[3];
  for (unsigned char b : bytes) {
    std::snprintf(buffer, sizeof buffer, "%02x", b);
    hex += buffer;
  }
  OPENSSL_cleanse(bytes, sizeof bytes);
  return hex;
}

}  // namespace

std::string BirthDatePassword(Date birth_date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d%02d%04d", birth_date.day(), birth_date.month(), birth_date.year());
  return buffer;
}

Result<std::string> EncryptPdf(std::string_view pdf, const std::string& user_password) {
  QuietPodofo();
  if (user_password.empty()) return Status::InvalidArgument("chiffrement PDF : mot de passe utilisateur vide");
  auto owner_password = RandomOwnerPassword();
  if (!owner_password.ok()) return owner_password.status();
  try {
    PdfMemDocument doc;
    Load(doc, pdf);
    const int permissions = PoDoFo::PdfEncrypt::ePdfPermissions_Print | PoDoFo::PdfEncrypt::ePdfPermissions_Copy |
                            PoDoFo::PdfEncrypt::ePdfPermissions_Accessible |
                            PoDoFo::PdfEncrypt::ePdfPermissions_HighPrint;
    // AES-256 revision 6: revision 5 derives the key with one SHA-256
    // round (deprecated), and the AES-128 handler (revision 4) needs RC4,
    // which OpenSSL 3 no longer provides by default.
    doc.SetEncrypted(user_password, *owner_password, permissions, PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_AESV3R6,
                     PoDoFo::PdfEncrypt::ePdfKeyLength_256);
    return Write(doc);
  } catch (const PdfError& e) {
    return Status::Corrupt("chiffrement PDF : " + Describe(e));
  }
}

Result<std::string> MergePdfs(const std::vector<std::string>& pdfs) {
  QuietPodofo();
  if (pdfs.empty()) return Status::InvalidArgument("fusion PDF : aucun document");
  size_t index = 0;
  try {
    PdfMemDocument merged;
    for (; index < pdfs.size(); ++index) {
      PdfMemDocument part;
      Load(part, pdfs[index]);
      merged.Append(part);
    }
    return Write(merged);
  } catch (const PdfError& e) {
    return Status::Corrupt("fusion PDF : document " + std::to_string(index + 1) + " : " + Describe(e));
  }
}

Result<PdfSummary> InspectPdf(std::string_view pdf, const std::string& password) {
  QuietPodofo();
  PdfMemDocument doc;
  try {
    Load(doc, pdf);
  } catch (const PdfError& e) {
    if (e.GetError() != PoDoFo::ePdfError_InvalidPassword) return Status::Corrupt("lecture PDF : " + Describe(e));
    try {
      doc.SetPassword(password);
    } catch (const PdfError&) {
      return Status::InvalidArgument("lecture PDF : mot de passe incorrect");
    }
  }
  try {
    PdfSummary summary;
    summary.pages = doc.GetPageCount();
    summary.encrypted = doc.GetEncrypted();
    if (const PoDoFo::PdfInfo* info = doc.GetInfo(); info != nullptr) {
      summary.title = StripPadding(info->GetTitle().GetStringUtf8());
      summary.author = StripPadding(info->GetAuthor().GetStringUtf8());
      summary.subject = StripPadding(info->GetSubject().GetStringUtf8());
    }
    return summary;
  } catch (const PdfError& e) {
    return Status::Corrupt("lecture PDF : " + Describe(e));
  }
}

}  // namespace liasse::generators
