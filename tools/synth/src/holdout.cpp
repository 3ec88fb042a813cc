#include "liasse/synth/holdout.h"

#include <algorithm>
#include <fstream>
#include <set>

#include <toml++/toml.h>

#include "family.h"

namespace liasse::synth {

namespace {

namespace fs = std::filesystem;

// Removes from every array under `node` the strings whose folded form is in
// `drop`; records each as "<file>: <string>". A pair in an array (a cue
// ["phrase", weight], a choice ["wording", value]) goes whole with its
// wording; `outranks` names document types and `roles` a form's sections
// (a signer's role, "beneficiaire"), no wordings: a section's key spelt as
// a family's heading ("BÉNÉFICIAIRE") stays, its wordings go.
void Filter(toml::node& node, const std::set<std::string>& drop, const std::string& file,
            std::vector<std::string>& removed) {
  if (auto* table = node.as_table()) {
    for (auto&& [key, child] : *table) {
      if (key.str() != "outranks" && key.str() != "roles") Filter(child, drop, file, removed);
    }
  } else if (auto* array = node.as_array()) {
    for (auto it = array->begin(); it != array->end();) {
      const auto* pair = it->as_array();
      const auto text = pair ? (pair->empty() ? std::nullopt : (*pair)[0].value<std::string>()) : it->value<std::string>();
      if (text && drop.count(FoldWording(*text))) {
        removed.push_back(file + ": " + *text);
        it = array->erase(it);
      } else {
        if (!pair) Filter(*it, drop, file, removed);
        ++it;
      }
    }
  }
}

bool Inside(const fs::path& child, const fs::path& parent) {
  const fs::path c = fs::weakly_canonical(child), p = fs::weakly_canonical(parent);
  auto ci = c.begin();
  for (auto pi = p.begin(); pi != p.end(); ++pi, ++ci) {
    if (ci == c.end() || *ci != *pi) return false;
  }
  return true;
}

Status FilterForms(const fs::path& forms, const Vocabulary& words, int family, HeldOutData& out) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(forms)) {
    if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string name = fs::relative(file, forms.parent_path()).generic_string();
    toml::table table;
    try {
      table = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
      return Status::InvalidArgument(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                     std::string(e.description()));
    }
    const std::string type = words.entries().count(file.stem().string()) ? file.stem().string() : "";
    Filter(table, WordingsOnlyOf(words, family, type), name, out.removed);
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    f << table << "\n";
    if (!f) return Status::IoError(file.string() + " : écriture impossible");
    ++out.files_filtered;
  }
  return Status::Ok();
}

Status WriteSummary(const fs::path& path, int family, const HeldOutData& data) {
  toml::array removed, replaced;
  for (const auto& r : data.removed) removed.push_back(r);
  for (const auto& r : data.replaced) replaced.push_back(r);
  toml::table t{{"famille", family}, {"retires", removed}, {"remplaces", replaced}};
  std::ofstream f(path, std::ios::binary);
  f << "# Données du lecteur sans les libellés de la famille " << family << " (liasse synth --data-without)\n" << t << "\n";
  if (!f) return Status::IoError(path.string() + " : écriture impossible");
  return Status::Ok();
}

}  // namespace

Result<HeldOutData> WriteDataWithoutFamily(const fs::path& data_dir, int family, const fs::path& out_dir) {
  auto families = LoadFamilies(data_dir / "synth");
  if (!families.ok()) return families.status();
  if (family < 0 || family > static_cast<int>(families->styles.size())) {
    return Status::InvalidArgument("famille de mise en page inconnue : " + std::to_string(family) + " (0 à " +
                                   std::to_string(families->styles.size()) + ")");
  }
  if (Inside(out_dir, data_dir)) {
    return Status::InvalidArgument(out_dir.string() + " : le dossier de sortie est dans " + data_dir.string());
  }
  std::error_code ec;
  fs::remove_all(out_dir, ec);
  fs::create_directories(out_dir, ec);
  if (!ec) fs::copy(data_dir, out_dir, fs::copy_options::recursive, ec);
  if (ec) return Status::IoError(out_dir.string() + " : " + ec.message());
  HeldOutData out;
  const fs::path forms = out_dir / "forms";
  const fs::path fitted = forms / "held_out";
  if (fs::exists(forms)) {
    fs::remove_all(fitted, ec);
    if (auto s = FilterForms(forms, families->words, family, out); !s.ok()) return s;
    const fs::path mine = data_dir / "forms" / "held_out" / std::to_string(family);
    if (fs::is_directory(mine)) {
      for (const auto& e : fs::directory_iterator(mine)) {
        if (!e.is_regular_file()) continue;
        fs::copy_file(e.path(), forms / e.path().filename(), fs::copy_options::overwrite_existing, ec);
        if (ec) return Status::IoError(e.path().string() + " : " + ec.message());
        out.replaced.push_back("forms/" + e.path().filename().string());
      }
    }
  }
  if (auto s = WriteSummary(out_dir / "held_out.toml", family, out); !s.ok()) return s;
  return out;
}

}  // namespace liasse::synth
