#include "family.h"

#include <cctype>
#include <utility>

#include <toml++/toml.h>

#include "liasse/core/text.h"

namespace liasse::synth {

namespace {

Result<toml::table> ParseToml(const std::filesystem::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
}

Result<std::vector<std::string>> Strings(const toml::node* node, const std::string& where, bool required) {
  std::vector<std::string> out;
  const auto* arr = node ? node->as_array() : nullptr;
  if (!arr) {
    if (required) return Status::InvalidArgument(where + " : liste de textes attendue");
    return out;
  }
  for (const auto& v : *arr) {
    auto s = v.value<std::string>();
    if (!s || s->empty()) return Status::InvalidArgument(where + " : texte non vide attendu");
    out.push_back(*s);
  }
  if (required && out.empty()) return Status::InvalidArgument(where + " : liste vide");
  return out;
}

Result<FamilyStyle> ReadStyle(const toml::table& t, const std::string& file) {
  FamilyStyle s;
  s.id = static_cast<int>(t["id"].value_or(int64_t{0}));
  const std::string where = file + ": family " + std::to_string(s.id);
  if (s.id <= 0) return Status::InvalidArgument(file + ": family.id entier positif attendu");
  s.nom = t["nom"].value_or(std::string());
  s.placement = t["placement"].value_or(std::string());
  static const std::set<std::string> kPlacements = {"box", "above", "leader", "dotted"};
  if (!kPlacements.count(s.placement)) return Status::InvalidArgument(where + ".placement inconnu : '" + s.placement + "'");
  s.table_rules = t["table_rules"].value_or(std::string());
  static const std::set<std::string> kRules = {"full", "header", "none", "rows"};
  if (!kRules.count(s.table_rules)) return Status::InvalidArgument(where + ".table_rules inconnu : '" + s.table_rules + "'");
  s.shuffle_columns = t["column_order"].value_or(std::string("printed")) == "shuffled";
  s.upper_labels = t["upper_labels"].value_or(false);
  s.colon = t["colon"].value_or(std::string());
  s.hand_share = t["hand_share"].value_or(0.5);
  struct List {
    const char* key;
    std::vector<std::string>* out;
    std::set<std::string> allowed;
  };
  for (auto& l : {List{"label_fonts", &s.label_fonts, {}}, List{"value_fonts", &s.value_fonts, {}},
                  List{"title_fonts", &s.title_fonts, {}}, List{"hand_fonts", &s.hand_fonts, {}},
                  List{"ticks", &s.ticks, {"x", "check", "fill", "scribble"}},
                  List{"signatures", &s.signatures, {"loops", "initials", "zigzag", "paraphe"}},
                  List{"crossings", &s.crossings, {"strike", "scribble", "hatch", "overwrite"}},
                  List{"date_formats", &s.date_formats, {"slash", "dot", "dash", "long", "short"}},
                  List{"amount_formats", &s.amount_formats, {"comma", "comma_euro", "comma_eur", "dot"}}}) {
    auto v = Strings(t[l.key].node(), where + "." + l.key, true);
    if (!v.ok()) return v.status();
    for (const auto& x : v.value()) {
      if (!l.allowed.empty() && !l.allowed.count(x)) return Status::InvalidArgument(where + "." + l.key + " : '" + x + "' inconnu");
    }
    *l.out = std::move(v.value());
  }
  return s;
}

// "f3" → 3; -1 when the key is not a family key.
int FamilyKey(std::string_view key) {
  if (key.size() < 2 || key[0] != 'f') return -1;
  int n = 0;
  for (char c : key.substr(1)) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

Status ReadWording(const toml::table& root, const std::string& file, Vocabulary& words) {
  for (const auto& [type, type_node] : root) {
    const auto* slots = type_node.as_table();
    if (!slots) return Status::InvalidArgument(file + ": '" + std::string(type.str()) + "' : table attendue");
    for (const auto& [slot, slot_node] : *slots) {
      const std::string where = file + ": " + std::string(type.str()) + "." + std::string(slot.str());
      const auto* fams = slot_node.as_table();
      if (!fams) return Status::InvalidArgument(where + " : table f0…fN attendue");
      for (const auto& [fkey, list] : *fams) {
        const int family = FamilyKey(fkey.str());
        if (family < 0) return Status::InvalidArgument(where + " : clé '" + std::string(fkey.str()) + "' (f0…fN attendu)");
        auto v = Strings(&list, where + "." + std::string(fkey.str()), true);
        if (!v.ok()) return v.status();
        words.Add(std::string(type.str()), std::string(slot.str()), family, std::move(v.value()));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& Vocabulary::Get(const std::string& type, const std::string& slot, int family) const {
  static const std::vector<std::string> kNone;
  for (const std::string& t : {type, std::string("commun")}) {
    auto ti = entries_.find(t);
    if (ti == entries_.end()) continue;
    auto si = ti->second.find(slot);
    if (si == ti->second.end()) continue;
    auto fi = si->second.find(family);
    if (fi != si->second.end()) return fi->second;
  }
  return kNone;
}

const FamilyStyle* Families::Style(int id) const {
  for (const auto& s : styles) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Result<Families> LoadFamilies(const std::filesystem::path& dir) {
  Families out;
  const std::string families_file = (dir / "families.toml").string();
  auto families = ParseToml(families_file);
  if (!families.ok()) return families.status();
  auto types = Strings(families.value()["types"].node(), families_file + ": types", true);
  if (!types.ok()) return types.status();
  out.types.insert(types->begin(), types->end());
  auto capitals = Strings(families.value()["capital_fonts"].node(), families_file + ": capital_fonts", false);
  if (!capitals.ok()) return capitals.status();
  out.capital_fonts.insert(capitals->begin(), capitals->end());
  auto large = Strings(families.value()["large_hand_fonts"].node(), families_file + ": large_hand_fonts", false);
  if (!large.ok()) return large.status();
  out.large_hand_fonts.insert(large->begin(), large->end());
  const auto* list = families.value()["family"].as_array();
  if (!list || list->empty()) return Status::InvalidArgument(families_file + ": tableau 'family' absent");
  for (const auto& node : *list) {
    const auto* t = node.as_table();
    if (!t) return Status::InvalidArgument(families_file + ": 'family' : table attendue");
    auto style = ReadStyle(*t, families_file);
    if (!style.ok()) return style.status();
    if (style->id != static_cast<int>(out.styles.size()) + 1)
      return Status::InvalidArgument(families_file + ": family " + std::to_string(style->id) + " : ids 1, 2, 3… attendus");
    out.styles.push_back(std::move(style.value()));
  }
  const std::string wording_file = (dir / "wording.toml").string();
  auto wording = ParseToml(wording_file);
  if (!wording.ok()) return wording.status();
  if (auto s = ReadWording(wording.value(), wording_file, out.words); !s.ok()) return s;
  return out;
}

std::string FoldWording(const std::string& text) {
  std::string folded;
  for (char ch : text::FoldFrench(text)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) {
      folded += static_cast<char>(std::tolower(c));
    } else if (folded.empty() || folded.back() != ' ') {
      folded += ' ';  // punctuation, spaces and other symbols (°, ✂) separate words
    }
  }
  while (!folded.empty() && folded.front() == ' ') folded.erase(folded.begin());
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

std::set<std::string> WordingsOnlyOf(const Vocabulary& words, int family, const std::string& type) {
  std::set<std::string> mine, others;
  for (const auto& [t, slots] : words.entries()) {
    if (!type.empty() && t != type && t != "commun") continue;
    for (const auto& [slot, fams] : slots) {
      for (const auto& [f, list] : fams) {
        for (const auto& w : list) {
          // Placeholders ({lieu}) are filled when printed: only the fixed words count.
          std::string fixed;
          bool in_brace = false;
          for (char c : w) {
            if (c == '{') in_brace = true;
            if (!in_brace) fixed += c;
            if (c == '}') in_brace = false;
          }
          (f == family ? mine : others).insert(FoldWording(fixed));
        }
      }
    }
  }
  std::set<std::string> out;
  for (const auto& w : mine) {
    if (!w.empty() && !others.count(w)) out.insert(w);
  }
  return out;
}

}  // namespace liasse::synth
