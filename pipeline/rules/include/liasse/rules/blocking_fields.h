// Which fields of a document, while in review, stop the payment of the
// claim it carries and the sending of its letters (issue 20: nothing leaves
// while it depends on a doubt). One list per document type, loaded from
// data/rules/revue_bloquante.toml; the B2 feuilles, the members' factures
// and the review service read the same list. Immutable after load,
// thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/core/status.h"

namespace liasse::rules {

class BlockingFields {
 public:
  // Reads `data_dir`/rules/revue_bloquante.toml. kNotFound when the file
  // is missing; kInvalidArgument naming the file, line and key for an
  // unknown document type, a missing or empty `champs`, a name that is not
  // text or is listed twice.
  static Result<BlockingFields> Load(const std::filesystem::path& data_dir);
  static Result<BlockingFields> Parse(std::string_view toml_text, std::string_view origin);

  // The blocking fields of `type` in file order; empty for a type the file
  // does not list (its review flags then block nothing but its lines').
  const std::vector<std::string>& Of(DocumentType type) const;

  // True when `flag`, a review flag of `document` (not of a table line),
  // stops the payment: its field is one of `champs`, or one of the optional
  // `sans_valeur` — fields that block only while the reader left them
  // without a value (a crossing it could not decide, not one it decided
  // and flagged).
  bool Blocks(const Document& document, const ReviewFlag& flag) const;

 private:
  std::map<DocumentType, std::vector<std::string>> names_;
  std::map<DocumentType, std::vector<std::string>> without_value_;
};

}  // namespace liasse::rules
