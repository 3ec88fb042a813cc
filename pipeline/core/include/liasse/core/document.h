// The documents Liasse reads out of an envelope, as plain data: what the
// extractors produce and what rules, pricing and the result JSON consume.
// Shapes and names follow docs/results.md ("liasse.result/1").
// Plain value types: copyable, no invariants beyond those stated, safe to
// share read-only between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace liasse {

// The document types of the result contract.
enum class DocumentType {
  kBordereau,
  kFeuilleDeSoins,
  kFacture,
  kPrescription,
  kEntentePrealable,
  kAttestationDroits,
  kDecompteRo,
  kDevis,
  kReclamation,
  kRenonciation,
  kCouponEmail,  // the "décomptes par mail" coupon (seed 000)
  kAutre,
};

// The contract's name of a type: "bordereau", "feuille_de_soins", ...
std::string_view DocumentTypeName(DocumentType type);
// The type named `name`, or nullopt for a name the contract does not know.
std::optional<DocumentType> ParseDocumentType(std::string_view name);

// Where a value was read on its page, in pixels of the page image.
struct Box {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  friend bool operator==(const Box&, const Box&) = default;
};

// One extracted field. `value` is the normalised form (ISO date, "17.00",
// 15-character NIR, upper-case code) or a boolean for check boxes and
// signatures. An unreadable field is not a Field: it is absent from the map
// and named in the document's review flags.
struct Field {
  std::variant<std::string, bool> value;
  double confidence = 1.0;           // 0..1
  std::optional<int> page;           // 0-based page index in the envelope
  std::optional<Box> box;

  // The text value, or nullopt when the field is a boolean.
  std::optional<std::string> text() const;
  // The boolean value, or nullopt when the field is text.
  std::optional<bool> boolean() const;
  friend bool operator==(const Field&, const Field&) = default;
};

using FieldMap = std::map<std::string, Field, std::less<>>;

// One table row (bordereau line, acts of a feuille, facture line): column
// name → normalised text. A column that could not be read is absent.
struct Line {
  std::map<std::string, std::string, std::less<>> values;

  // The value of `column`, or nullptr when absent or empty.
  const std::string* Find(std::string_view column) const;
  friend bool operator==(const Line&, const Line&) = default;
};

// A field (or a line's column) that a person must look at: unreadable
// (absent) or read with low confidence (present).
struct ReviewFlag {
  std::string field;          // "assure.nir", or a line column "montant"
  std::optional<int> line;    // set when the flag concerns lines[line]
  std::string reason;         // French, for the operator
  // A doubt of the reading alone (low OCR confidence, a repaired reading):
  // another, independent and confident reading of the same value settles
  // it (the feuille and its bordereau line agreeing). An anomaly, an
  // unread field or two readings that disagree are never reading doubts.
  bool reading_doubt = false;
  friend bool operator==(const ReviewFlag&, const ReviewFlag&) = default;
};

struct Document {
  DocumentType type = DocumentType::kAutre;
  std::vector<int> pages;     // 0-based page indices in the envelope
  double confidence = 1.0;    // classification confidence, 0..1
  FieldMap fields;
  std::vector<Line> lines;
  std::vector<ReviewFlag> review;

  // The field `name`, or nullptr when absent.
  const Field* Find(std::string_view name) const;
  // The text of field `name`, or nullptr when absent, empty or boolean.
  const std::string* Text(std::string_view name) const;
  // The boolean field `name`, or nullopt when absent or not boolean.
  std::optional<bool> Flag(std::string_view name) const;
  // True when a review flag names field `name` (not a table line's column).
  bool InReview(std::string_view name) const;
  friend bool operator==(const Document&, const Document&) = default;
};

// One scanned page as the OCR saw it.
struct Page {
  int index = 0;
  int rotation = 0;           // degrees, 0/90/180/270
  double skew_deg = 0.0;
  double ocr_confidence = 0.0;
  friend bool operator==(const Page&, const Page&) = default;
};

// A processed envelope (pli). Members of the contract that other modules
// own (`lots`, `claims`, `letters`, and any extension such as `synth`) are
// kept verbatim as JSON text in `other_members` so a read/write round trip
// keeps them (pages keep only their contract members).
struct Envelope {
  std::string schema = "liasse.result/1";
  std::string source;
  std::string sha256;
  std::optional<std::string> error;
  std::string searchable_pdf;
  std::vector<Page> pages;
  std::vector<Document> documents;
  std::map<std::string, std::string> other_members;  // member name → JSON text
  friend bool operator==(const Envelope&, const Envelope&) = default;
};

}  // namespace liasse
