#include "forms.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "page_view.h"

namespace liasse::extractors::internal {

namespace {

const std::set<std::string, std::less<>>& Kinds() {
  static const std::set<std::string, std::less<>> kinds = {
      "nir",  "numero_am", "rpps",     "finess",   "date",     "amount",   "digits",   "name",    "person",
      "text", "address",   "email",    "phone",    "checkbox", "signature", "choice",  "category", "flag",
      "reference", "adherent", "birth_check", "crossing", "given_name"};
  return kinds;
}

// Reads one form file; the first error wins and names file, line and key.
class FormParser {
 public:
  explicit FormParser(std::string file) : file_(std::move(file)) {}

  Result<FormSpec> Run(const toml::table& root) {
    FormSpec form;
    form.file = file_;
    const auto type_name = String(root, "type", "type");
    if (type_name) {
      if (auto type = ParseDocumentType(*type_name); type && *type != DocumentType::kAutre) {
        form.type = *type;
      } else {
        Fail(root.get("type"), "type", "type de document inconnu « " + *type_name + " »");
      }
    }
    if (const toml::table* c = Table(root, "classification", true)) ReadClassification(*c, form);
    if (const toml::table* s = Table(root, "sections", false)) {
      for (const auto& [key, node] : *s) {
        form.sections[std::string(key.str())] = Strings(node, "sections." + std::string(key.str()));
      }
    }
    if (const toml::table* s = Table(root, "section_by_value", false)) ReadSectionByValue(*s, form);
    if (const toml::table* f = Table(root, "fields", false)) {
      for (const auto& [key, node] : *f) ReadField(std::string(key.str()), node, form);
    }
    if (const toml::table* t = Table(root, "tables", false)) {
      for (const auto& [key, node] : *t) ReadTable(std::string(key.str()), node, form);
    }
    if (form.table_header.weight > 0 && form.Table(form.table_header.table) == nullptr) {
      Fail(root.get("classification"), "classification.table_header.table", "ne nomme aucune table de [tables]");
    }
    if (!error_.ok()) return error_;
    return form;
  }

 private:
  void Fail(const toml::node* node, std::string_view key, std::string_view message) {
    if (!error_.ok()) return;
    if (node != nullptr && node->source().begin.line > 0) {
      error_ = Status::InvalidArgument(fmt::format("{}:{}: {} : {}", file_, node->source().begin.line, key, message));
    } else {
      error_ = Status::InvalidArgument(fmt::format("{}: {} : {}", file_, key, message));
    }
  }

  std::optional<std::string> String(const toml::table& t, std::string_view key, const std::string& path) {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      Fail(&t, path, "clé manquante");
      return std::nullopt;
    }
    auto v = n->value<std::string>();
    if (!v) Fail(n, path, "doit être une chaîne");
    return v;
  }

  const toml::table* Table(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) Fail(&t, key, "table manquante");
      return nullptr;
    }
    if (!n->is_table()) Fail(n, key, "doit être une table");
    return n->as_table();
  }

  std::vector<std::string> Strings(const toml::node& node, const std::string& path) {
    std::vector<std::string> out;
    const toml::array* a = node.as_array();
    if (a == nullptr) {
      Fail(&node, path, "doit être une liste de chaînes");
      return out;
    }
    for (const auto& e : *a) {
      auto s = e.value<std::string>();
      if (!s || s->empty()) {
        Fail(&e, path, "doit être une liste de chaînes non vides");
        return out;
      }
      out.push_back(*s);
    }
    return out;
  }

  // [["phrase", 3], …] or [["phrase", "value"], …] or [["phrase", "value", 3], …].
  const toml::array* Tuples(const toml::node& node, const std::string& path, size_t size) {
    const toml::array* a = node.as_array();
    bool ok = a != nullptr;
    if (ok) {
      for (const auto& e : *a) ok = ok && e.is_array() && e.as_array()->size() == size;
    }
    if (!ok) Fail(&node, path, fmt::format("doit être une liste de listes de {} éléments", size));
    return ok ? a : nullptr;
  }

  // [min, max] with 1 ≤ min ≤ max, or nullopt (the error recorded).
  std::optional<std::pair<size_t, size_t>> Range(const toml::node& node, const std::string& path) {
    const toml::array* a = node.as_array();
    if (a != nullptr && a->size() == 2 && (*a)[0].is_integer() && (*a)[1].is_integer()) {
      const int64_t lo = (*a)[0].as_integer()->get(), hi = (*a)[1].as_integer()->get();
      if (lo >= 1 && hi >= lo) return std::make_pair(static_cast<size_t>(lo), static_cast<size_t>(hi));
    }
    Fail(&node, path, "doit être [min, max] avec 1 ≤ min ≤ max");
    return std::nullopt;
  }

  std::optional<double> Number(const toml::node& node, const std::string& path) {
    if (auto d = node.value<double>(); d && *d >= 0) return *d;
    Fail(&node, path, "doit être un nombre positif");
    return std::nullopt;
  }

  // A weight that may take points off (a structure a form never has).
  std::optional<double> SignedNumber(const toml::node& node, const std::string& path) {
    if (auto d = node.value<double>()) return *d;
    Fail(&node, path, "doit être un nombre");
    return std::nullopt;
  }

  void ReadClassification(const toml::table& c, FormSpec& form) {
    double title_weight = 6;
    if (const toml::node* w = c.get("title_weight")) title_weight = Number(*w, "classification.title_weight").value_or(0);
    if (const toml::node* t = c.get("titles")) {
      for (auto& s : Strings(*t, "classification.titles")) form.cues.push_back({std::move(s), title_weight, true});
    } else {
      Fail(&c, "classification.titles", "clé manquante");
    }
    form.title_weight = title_weight;
    form.outranks_from = title_weight;
    if (const toml::node* f = c.get("outranks_from")) form.outranks_from = Number(*f, "classification.outranks_from").value_or(0);
    if (const toml::node* o = c.get("outranks")) {
      if (const toml::array* a = Tuples(*o, "classification.outranks", 2)) {
        for (const auto& e : *a) {
          auto name = (*e.as_array())[0].value<std::string>();
          auto weight = (*e.as_array())[1].value<double>();
          auto type = name ? ParseDocumentType(*name) : std::nullopt;
          if (!type || !weight) return Fail(&e, "classification.outranks", "chaque entrée est [\"type\", points]");
          form.outranks.emplace_back(*type, *weight);
        }
      }
    }
    if (const toml::table* rows = Table(c, "act_rows", false)) {
      if (const toml::node* codes = rows->get("codes")) form.act_rows.codes = Strings(*codes, "classification.act_rows.codes");
      if (const toml::node* w = rows->get("weight")) form.act_rows.weight = Number(*w, "classification.act_rows.weight").value_or(0);
      if (const toml::node* m = rows->get("max_rows")) {
        form.act_rows.max_rows = static_cast<size_t>(Number(*m, "classification.act_rows.max_rows").value_or(0));
      }
      if (form.act_rows.codes.empty()) return Fail(rows, "classification.act_rows.codes", "clé manquante ou vide");
    }
    if (const toml::table* rows = Table(c, "nir_rows", false)) {
      if (const toml::node* w = rows->get("weight")) form.nir_rows.weight = Number(*w, "classification.nir_rows.weight").value_or(0);
      if (const toml::node* m = rows->get("max_rows")) {
        form.nir_rows.max_rows = static_cast<size_t>(Number(*m, "classification.nir_rows.max_rows").value_or(0));
      }
    }
    if (const toml::table* rows = Table(c, "amount_rows", false)) {
      if (const toml::node* w = rows->get("weight")) form.amount_rows.weight = SignedNumber(*w, "classification.amount_rows.weight").value_or(0);
      if (const toml::node* m = rows->get("max_rows")) {
        form.amount_rows.max_rows = static_cast<size_t>(Number(*m, "classification.amount_rows.max_rows").value_or(0));
      }
    }
    if (const toml::table* labels = Table(c, "field_labels", false)) {
      if (const toml::node* w = labels->get("weight")) form.field_labels.weight = Number(*w, "classification.field_labels.weight").value_or(0);
      if (const toml::node* m = labels->get("max")) form.field_labels.max = Number(*m, "classification.field_labels.max").value_or(0);
    }
    if (const toml::table* letter = Table(c, "letter", false)) {
      if (const toml::node* w = letter->get("weight")) form.letter.weight = Number(*w, "classification.letter.weight").value_or(0);
    }
    if (const toml::table* formulas = Table(c, "formulas", false)) {
      if (const toml::node* w = formulas->get("weight")) form.formulas.weight = Number(*w, "classification.formulas.weight").value_or(0);
    }
    if (const toml::table* header = Table(c, "table_header", false)) {
      if (const toml::node* t = header->get("table")) {
        if (auto name = t->value<std::string>()) form.table_header.table = *name;
        else Fail(t, "classification.table_header.table", "doit être le nom d'une table de [tables]");
      }
      if (const toml::node* w = header->get("weight")) form.table_header.weight = Number(*w, "classification.table_header.weight").value_or(0);
    }
    if (const toml::node* cues = c.get("cues")) {
      if (const toml::array* a = Tuples(*cues, "classification.cues", 2)) {
        for (const auto& e : *a) {
          auto phrase = (*e.as_array())[0].value<std::string>();
          auto weight = (*e.as_array())[1].value<double>();
          if (!phrase || !weight) return Fail(&e, "classification.cues", "chaque indice est [\"phrase\", poids]");
          form.cues.push_back({*phrase, *weight, false});
        }
      }
    }
  }

  // kind = "section": the kinds a block's values are told by, each naming a section of the form.
  void ReadSectionByValue(const toml::table& t, FormSpec& form) {
    static const std::set<std::string, std::less<>> kinds = {"nir", "numero_am", "birth_date"};
    for (const auto& [key, node] : t) {
      const std::string path = "section_by_value." + std::string(key.str());
      if (!kinds.contains(key.str())) return Fail(&node, path, "sorte de valeur inconnue (nir, numero_am ou birth_date)");
      auto section = node.value<std::string>();
      if (!section || !form.sections.contains(*section)) return Fail(&node, path, "doit nommer une section de [sections]");
      form.section_by_value[std::string(key.str())] = *section;
    }
  }

  void ReadPairs(const toml::table& t, std::string_view key, const std::string& path,
                 std::vector<std::pair<std::string, std::string>>& out, const std::string& value) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    if (value.empty()) {
      if (const toml::array* a = Tuples(*n, path, 2)) {
        for (const auto& e : *a) {
          auto k = (*e.as_array())[0].value<std::string>();
          auto v = (*e.as_array())[1].value<std::string>();
          if (!k || !v) return Fail(&e, path, "chaque choix est [\"libellé\", \"valeur\"]");
          out.emplace_back(*k, *v);
        }
      }
      return;
    }
    for (auto& s : Strings(*n, path)) out.emplace_back(std::move(s), value);
  }

  void ReadField(const std::string& name, const toml::node& node, FormSpec& form) {
    const std::string path = "fields." + name;
    const toml::table* t = node.as_table();
    if (t == nullptr) return Fail(&node, path, "doit être une table");
    FieldSpec f;
    f.name = name;
    if (const toml::node* l = t->get("labels")) f.labels = Strings(*l, path + ".labels");
    if (auto kind = String(*t, "kind", path + ".kind")) {
      if (!Kinds().contains(*kind)) return Fail(t->get("kind"), path + ".kind", "nature de valeur inconnue « " + *kind + " »");
      f.kind = *kind;
    }
    if (const toml::node* r = t->get("relations")) {
      for (const auto& rel : Strings(*r, path + ".relations")) {
        if (rel == "right") f.relations.push_back(Relation::kRight);
        else if (rel == "below") f.relations.push_back(Relation::kBelow);
        else return Fail(r, path + ".relations", "relation inconnue « " + rel + " » (right, below)");
      }
    }
    if (const toml::node* s = t->get("section")) {
      f.section = s->value<std::string>().value_or("");
      if (!form.sections.contains(f.section)) return Fail(s, path + ".section", "section inconnue « " + f.section + " »");
    }
    if (const toml::node* roles = t->get("roles")) {
      f.roles = Strings(*roles, path + ".roles");
      for (const auto& role : f.roles) {
        if (!form.sections.contains(role)) return Fail(roles, path + ".roles", "section inconnue « " + role + " »");
      }
    }
    f.pair = t->get("pair") ? t->get("pair")->value<std::string>().value_or("") : "";
    if (f.kind == "person" && f.pair.empty()) return Fail(t, path + ".pair", "clé manquante (champ du prénom)");
    f.check = t->get("check") ? t->get("check")->value<std::string>().value_or("") : "";
    if (f.kind == "birth_check" && f.check.empty()) return Fail(t, path + ".check", "clé manquante (champ du NIR)");
    if (const toml::node* d = t->get("digits")) {
      const auto range = Range(*d, path + ".digits");
      if (!range) return;
      f.min_digits = range->first;
      f.max_digits = range->second;
    } else if (f.kind == "digits" || f.kind == "rpps") {
      return Fail(t, path + ".digits", "clé manquante ([min, max])");
    }
    if (const toml::node* d = t->get("dedicated")) {
      if (!d->is_boolean()) return Fail(d, path + ".dedicated", "doit être true ou false");
      f.dedicated = d->as_boolean()->get();
    }
    if (const toml::node* d = t->get("by_value")) {
      if (!d->is_boolean()) return Fail(d, path + ".by_value", "doit être true ou false");
      f.by_value = d->as_boolean()->get();
    }
    if (const toml::node* ti = t->get("titles")) f.titles = Strings(*ti, path + ".titles");
    if (const toml::node* b = t->get("beside")) f.beside = Strings(*b, path + ".beside");
    if (const toml::node* g = t->get("max_gap_mm")) f.max_gap_mm = Number(*g, path + ".max_gap_mm").value_or(25);
    ReadPairs(*t, "choices", path + ".choices", f.choices, "");
    if (f.kind == "choice" && f.choices.empty()) return Fail(t, path + ".choices", "clé manquante");
    ReadPairs(*t, "formulas", path + ".formulas", f.formulas, "");
    ReadPairs(*t, "options", path + ".options", f.options, "");
    ReadPairs(*t, "yes", path + ".yes", f.yes_no, "true");
    ReadPairs(*t, "no", path + ".no", f.yes_no, "false");
    if (f.kind == "category") {
      const toml::node* c = t->get("cues");
      if (c == nullptr) return Fail(t, path + ".cues", "clé manquante");
      if (const toml::array* a = Tuples(*c, path + ".cues", 3)) {
        for (const auto& e : *a) {
          auto phrase = (*e.as_array())[0].value<std::string>();
          auto cat = (*e.as_array())[1].value<std::string>();
          auto w = (*e.as_array())[2].value<double>();
          if (!phrase || !cat || !w) return Fail(&e, path + ".cues", "chaque indice est [\"phrase\", \"catégorie\", poids]");
          f.categories.push_back({*phrase, *cat, *w});
        }
      }
    }
    if (form.Field(name) != nullptr) return Fail(&node, path, "champ en double");
    form.fields.push_back(std::move(f));
  }

  void ReadTable(const std::string& name, const toml::node& node, FormSpec& form) {
    const std::string path = "tables." + name;
    const toml::table* t = node.as_table();
    if (t == nullptr) return Fail(&node, path, "doit être une table");
    TableSpec spec;
    spec.name = name;
    if (const toml::node* m = t->get("min_columns")) {
      auto v = m->value<int64_t>();
      if (!v || *v < 1) return Fail(m, path + ".min_columns", "doit être un entier ≥ 1");
      spec.min_columns = static_cast<size_t>(*v);
    }
    if (const toml::node* s = t->get("stops")) spec.stops = Strings(*s, path + ".stops");
    const toml::table* cols = Table(*t, "columns", true);
    if (cols == nullptr) return;
    for (const auto& [key, wordings] : *cols) {
      spec.columns.emplace_back(std::string(key.str()), Strings(wordings, path + ".columns." + std::string(key.str())));
    }
    if (spec.columns.size() < spec.min_columns) return Fail(cols, path + ".columns", "moins de colonnes que min_columns");
    if (const toml::table* d = Table(*t, "digits", false)) {
      for (const auto& [key, value] : *d) {
        const std::string where = path + ".digits." + std::string(key.str());
        const auto range = Range(value, where);
        if (!range) return;
        if (spec.Column(key.str()) == nullptr) return Fail(&value, where, "colonne inconnue");
        spec.digits[std::string(key.str())] = *range;
      }
    }
    if (const toml::table* sh = Table(*t, "shares", false)) {
      for (const auto& [key, value] : *sh) {
        const std::string where = path + ".shares." + std::string(key.str());
        if (spec.Column(key.str()) == nullptr) return Fail(&value, where, "colonne inconnue");
        const toml::array* a = value.as_array();
        if (a == nullptr || a->empty()) return Fail(&value, where, "doit être une liste de pourcentages");
        for (const auto& e : *a) {
          const auto pct = e.value<int64_t>();
          if (!pct || *pct < 1 || *pct > 100) return Fail(&e, where, "pourcentage entier de 1 à 100 attendu");
          spec.shares[std::string(key.str())].push_back(static_cast<int>(*pct));
        }
      }
    }
    if (const toml::table* c = Table(*t, "codes", false)) {
      for (const auto& [key, phrases] : *c) {
        spec.codes.emplace_back(std::string(key.str()), Strings(phrases, path + ".codes." + std::string(key.str())));
      }
    }
    form.tables[name] = std::move(spec);
  }

  std::string file_;
  Status error_;
};

}  // namespace

const std::vector<std::string>* TableSpec::Column(std::string_view column) const {
  for (const auto& [n, w] : columns) {
    if (n == column) return &w;
  }
  return nullptr;
}

const FieldSpec* FormSpec::Field(std::string_view name) const {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const TableSpec* FormSpec::Table(std::string_view name) const {
  auto it = tables.find(std::string(name));
  return it == tables.end() ? nullptr : &it->second;
}

Result<FormSpec> FormCatalogue::Parse(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(fmt::format("{}:{}: TOML invalide : {}", file, e.source().begin.line, e.description()));
  }
  return FormParser(file).Run(root);
}

Result<FormCatalogue> FormCatalogue::Load(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) return Status::NotFound(fmt::format("{} : dossier des formulaires illisible ({})", dir.string(), ec.message()));
  if (files.empty()) return Status::NotFound(fmt::format("{} : aucun fichier de formulaire (*.toml)", dir.string()));
  std::sort(files.begin(), files.end());
  FormCatalogue catalogue;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in) return Status::IoError(fmt::format("{} : lecture impossible", path.string()));
    auto form = Parse(ss.str(), path.filename().string());
    if (!form.ok()) return form.status();
    if (catalogue.Of(form->type) != nullptr) {
      return Status::InvalidArgument(
          fmt::format("{}: type : le type « {} » est déjà décrit par un autre fichier", path.filename().string(), DocumentTypeName(form->type)));
    }
    catalogue.forms_.push_back(std::move(*form));
  }
  catalogue.CountWordings();
  return catalogue;
}

std::vector<std::vector<std::string>> FormSpec::LabelGroups() const {
  std::vector<std::vector<std::string>> groups;
  for (const FieldSpec& f : fields) {
    if (!f.labels.empty()) groups.push_back(f.labels);
  }
  for (const auto& [name, headings] : sections) groups.push_back(headings);
  return groups;
}

void FormCatalogue::CountWordings() {
  std::vector<std::set<std::string>> keys_of_form;
  for (const FormSpec& form : forms_) {
    auto& keys = keys_of_form.emplace_back();
    for (const auto& group : form.LabelGroups()) {
      for (const auto& wording : group) keys.insert(FoldKey(wording));
    }
  }
  std::map<std::string, int> forms_printing;
  for (const auto& keys : keys_of_form) {
    for (const auto& key : keys) {
      if (forms_printing.contains(key)) continue;
      int n = 0;
      for (const auto& other : keys_of_form) {
        n += std::any_of(other.begin(), other.end(), [&](const std::string& o) {
          return o.find(key) != std::string::npos || key.find(o) != std::string::npos;
        }) ? 1 : 0;
      }
      forms_printing[key] = n;
    }
  }
  label_wordings_.clear();
  for (const FormSpec& form : forms_) {
    auto& groups = label_wordings_[form.type];
    for (const auto& group : form.LabelGroups()) {
      auto& wordings = groups.emplace_back();
      for (const auto& wording : group) {
        std::string key = FoldKey(wording);
        const int forms = forms_printing[key];
        wordings.push_back({wording, std::move(key), forms});
      }
    }
  }
}

const std::vector<std::vector<FormCatalogue::LabelWording>>& FormCatalogue::LabelWordings(DocumentType type) const {
  static const std::vector<std::vector<LabelWording>> kNone;
  const auto it = label_wordings_.find(type);
  return it == label_wordings_.end() ? kNone : it->second;
}

const FormSpec* FormCatalogue::Of(DocumentType type) const {
  for (const auto& f : forms_) {
    if (f.type == type) return &f;
  }
  return nullptr;
}

const Result<FormCatalogue>& DefaultForms(const std::filesystem::path& data_dir) {
  static std::mutex mu;
  static std::map<std::filesystem::path, Result<FormCatalogue>> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(data_dir);
  if (it == cache.end()) it = cache.emplace(data_dir, FormCatalogue::Load(data_dir / "forms")).first;
  return it->second;
}

}  // namespace liasse::extractors::internal
