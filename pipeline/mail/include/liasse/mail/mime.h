// MIME building for the décomptes sent to members by e-mail: one
// multipart/mixed message with a French text body, its HTML alternative and
// the PDF décompte attached (RFC 5322 headers, RFC 2045 base64 in 76-char
// lines, RFC 2047 encoded UTF-8 words, RFC 2231 non-ASCII file names).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::mail {

// Who sends: the operator (e.g. CPMS), read from the operator configuration.
struct OperatorIdentity {
  std::string name;               // display name, UTF-8 ("CPMS — Service prestations")
  std::string from_address;       // "prestations@cpms.fr"
  std::string reply_to;           // empty: no Reply-To header
  std::string message_id_domain;  // right-hand side of Message-IDs ("cpms.fr")
};

struct Attachment {
  std::string filename;                          // UTF-8, no path
  std::string content_type = "application/pdf";  // type/subtype
  std::string bytes;                             // the file's bytes
};

// One décompte e-mail. `date` is the RFC 5322 Date header value, injected
// so that the same décompte always gives the same bytes.
struct DecompteMail {
  std::string decompte_id;  // stable id of the décompte; the Message-ID derives from it
  std::string to_name;      // UTF-8, may be empty
  std::string to_address;
  std::string subject;  // UTF-8
  std::string text;     // UTF-8 plain text body (French)
  std::string html;     // UTF-8 HTML alternative; empty: text only
  std::vector<Attachment> attachments;
  std::string date;  // "Mon, 23 Nov 2026 08:00:00 +0100"
};

// The deterministic Message-ID of a décompte, with angle brackets:
// "<decompte.<safe id>.<16 hex of sha-256(id)>@<domain>>". The same id always
// gives the same Message-ID, so a message re-sent after a crash is recognised
// as a duplicate by the member's mail client.
std::string MessageIdFor(std::string_view decompte_id, std::string_view domain);

// The complete message (headers and body, CRLF line ends, no line longer
// than 78 characters). Fails with InvalidArgument when an address is not
// "local@domain", when a header value contains CR or LF, or when a required
// field (decompte_id, to_address, subject, text, date, from_address,
// message_id_domain) is empty. Pure function, thread-safe.
Result<std::string> BuildMime(const DecompteMail& mail, const OperatorIdentity& sender);

// RFC 2047 "B" encoded words for an unstructured header value: the value
// itself when it is printable ASCII, else "=?UTF-8?B?…?=" words of at most 75
// characters, split on UTF-8 character boundaries and separated by one space
// (BuildMime folds the header line at those spaces).
std::string EncodeHeaderWords(std::string_view utf8);

// Base64 (RFC 4648) of `bytes`, cut in lines of 76 characters each ended by
// CRLF (RFC 2045 §6.8).
std::string Base64Lines(std::string_view bytes);

// Base64 of `bytes` on one line, no line end.
std::string Base64(std::string_view bytes);

}  // namespace liasse::mail
