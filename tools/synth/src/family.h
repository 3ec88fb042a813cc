// Layout families (issue 23): how a document is printed — placement of
// labels, fonts, table rules, ticks, signatures, crossings — and the
// wordings each family prints (data/synth/families.toml, wording.toml).
// Family 0 is the historical drawing and has no style here.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::synth {

struct FamilyStyle {
  int id = 0;
  std::string nom;
  std::string placement;    // box, above, leader, dotted
  std::vector<std::string> label_fonts, value_fonts, title_fonts, hand_fonts;
  bool upper_labels = false;
  std::string colon;        // appended to every label ("", " :")
  std::string table_rules;  // full, header, none, rows
  bool shuffle_columns = true;
  std::vector<std::string> ticks, signatures, crossings;
  std::vector<std::string> date_formats, amount_formats;
  double hand_share = 0.5;
};

// Wordings by document type ("commun" for every type), slot and family.
class Vocabulary {
 public:
  // The wordings of `family` for `type`'s `slot` (falls back to "commun");
  // empty when there are none.
  const std::vector<std::string>& Get(const std::string& type, const std::string& slot, int family) const;
  // Every (type, slot, family) → wordings entry.
  const std::map<std::string, std::map<std::string, std::map<int, std::vector<std::string>>>>& entries() const {
    return entries_;
  }
  void Add(const std::string& type, const std::string& slot, int family, std::vector<std::string> wordings) {
    entries_[type][slot][family] = std::move(wordings);
  }

 private:
  std::map<std::string, std::map<std::string, std::map<int, std::vector<std::string>>>> entries_;
};

struct Families {
  std::vector<FamilyStyle> styles;     // families 1…N, in id order
  std::set<std::string> types;         // document types drawn in families 1…N
  std::set<std::string> capital_fonts; // fonts written in capitals without accents
  std::set<std::string> large_hand_fonts;  // hand fonts written larger (small letters)
  Vocabulary words;
  const FamilyStyle* Style(int id) const;
};

// Reads families.toml and wording.toml under `dir`; fails naming the file and
// key of the first bad or missing value.
Result<Families> LoadFamilies(const std::filesystem::path& dir);

// A wording key for comparing labels: accents folded, lower case, every run
// of non-alphanumerics one space, trimmed ("N° de Sécurité sociale :" and
// "n de securite sociale" are the same).
std::string FoldWording(const std::string& text);

// The folded wordings that `family` prints for `type` (with "commun") and no
// other family does for that type; type "" means over every type.
std::set<std::string> WordingsOnlyOf(const Vocabulary& words, int family, const std::string& type);

}  // namespace liasse::synth
