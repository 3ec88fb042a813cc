#include "liasse/core/document_json.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace liasse {

namespace {

using Json = nlohmann::ordered_json;

// Shape errors are reported, never thrown: each reader returns a Status
// naming the member path.
Status ShapeError(std::string_view where, std::string_view what) {
  return Status::InvalidArgument(std::string(where) + ": " + std::string(what));
}

Result<Field> FieldFromJson(const Json& j, const std::string& where) {
  Field f;
  const Json* v = &j;
  if (j.is_object()) {
    if (!j.contains("value")) return ShapeError(where, "champ sans \"value\"");
    v = &j["value"];
    if (j.contains("confidence")) {
      if (!j["confidence"].is_number()) return ShapeError(where + ".confidence", "nombre attendu");
      f.confidence = j["confidence"].get<double>();
    }
    if (j.contains("page") && !j["page"].is_null()) {
      if (!j["page"].is_number_integer()) return ShapeError(where + ".page", "entier attendu");
      f.page = j["page"].get<int>();
    }
    if (j.contains("box") && !j["box"].is_null()) {
      const Json& b = j["box"];
      if (!b.is_array() || b.size() != 4) return ShapeError(where + ".box", "[x, y, largeur, hauteur] attendu");
      for (const auto& n : b) {
        if (!n.is_number_integer()) return ShapeError(where + ".box", "entiers attendus");
      }
      f.box = Box{b[0].get<int>(), b[1].get<int>(), b[2].get<int>(), b[3].get<int>()};
    }
  }
  if (v->is_string()) {
    f.value = v->get<std::string>();
  } else if (v->is_boolean()) {
    f.value = v->get<bool>();
  } else if (v->is_number()) {
    f.value = v->dump();
  } else {
    return ShapeError(where, "valeur texte, booléenne ou numérique attendue");
  }
  return f;
}

Json FieldToJson(const Field& f) {
  Json j;
  if (const auto* s = std::get_if<std::string>(&f.value)) {
    j["value"] = *s;
  } else {
    j["value"] = std::get<bool>(f.value);
  }
  j["confidence"] = f.confidence;
  if (f.page) j["page"] = *f.page;
  if (f.box) j["box"] = {f.box->x, f.box->y, f.box->width, f.box->height};
  return j;
}

Result<Line> LineFromJson(const Json& j, const std::string& where) {
  if (!j.is_object()) return ShapeError(where, "objet attendu");
  Line line;
  for (const auto& [k, v] : j.items()) {
    if (v.is_null()) continue;
    if (v.is_string()) {
      line.values[k] = v.get<std::string>();
    } else if (v.is_number() || v.is_boolean()) {
      line.values[k] = v.dump();
    } else {
      return ShapeError(where + "." + k, "valeur simple attendue");
    }
  }
  return line;
}

Result<ReviewFlag> ReviewFromJson(const Json& j, const std::string& where) {
  ReviewFlag flag;
  if (j.is_string()) {
    flag.field = j.get<std::string>();
    return flag;
  }
  if (!j.is_object() || !j.contains("field") || !j["field"].is_string()) {
    return ShapeError(where, "{\"field\", \"reason\"} ou nom de champ attendu");
  }
  flag.field = j["field"].get<std::string>();
  if (j.contains("line") && !j["line"].is_null()) {
    if (!j["line"].is_number_integer()) return ShapeError(where + ".line", "entier attendu");
    flag.line = j["line"].get<int>();
  }
  if (j.contains("reason") && j["reason"].is_string()) flag.reason = j["reason"].get<std::string>();
  return flag;
}

Result<Document> DocumentFromJsonValue(const Json& j, const std::string& where) {
  if (!j.is_object()) return ShapeError(where, "objet attendu");
  Document doc;
  if (!j.contains("type") || !j["type"].is_string()) return ShapeError(where + ".type", "type absent");
  auto type = ParseDocumentType(j["type"].get<std::string>());
  if (!type) return ShapeError(where + ".type", "type inconnu \"" + j["type"].get<std::string>() + "\"");
  doc.type = *type;
  if (j.contains("pages")) {
    if (!j["pages"].is_array()) return ShapeError(where + ".pages", "tableau attendu");
    for (const auto& p : j["pages"]) {
      if (!p.is_number_integer()) return ShapeError(where + ".pages", "entiers attendus");
      doc.pages.push_back(p.get<int>());
    }
  }
  if (j.contains("confidence")) {
    if (!j["confidence"].is_number()) return ShapeError(where + ".confidence", "nombre attendu");
    doc.confidence = j["confidence"].get<double>();
  }
  if (j.contains("fields")) {
    if (!j["fields"].is_object()) return ShapeError(where + ".fields", "objet attendu");
    for (const auto& [name, value] : j["fields"].items()) {
      if (value.is_null()) continue;  // null = unreadable, same as absent
      LIASSE_ASSIGN_OR_RETURN(auto field, FieldFromJson(value, where + ".fields." + name));
      doc.fields.emplace(name, std::move(field));
    }
  }
  if (j.contains("lines")) {
    if (!j["lines"].is_array()) return ShapeError(where + ".lines", "tableau attendu");
    for (size_t i = 0; i < j["lines"].size(); ++i) {
      LIASSE_ASSIGN_OR_RETURN(auto line, LineFromJson(j["lines"][i], where + ".lines[" + std::to_string(i) + "]"));
      doc.lines.push_back(std::move(line));
    }
  }
  if (j.contains("review")) {
    if (!j["review"].is_array()) return ShapeError(where + ".review", "tableau attendu");
    for (size_t i = 0; i < j["review"].size(); ++i) {
      LIASSE_ASSIGN_OR_RETURN(auto flag, ReviewFromJson(j["review"][i], where + ".review[" + std::to_string(i) + "]"));
      doc.review.push_back(std::move(flag));
    }
  }
  return doc;
}

Json DocumentToJsonValue(const Document& doc) {
  Json j;
  j["type"] = std::string(DocumentTypeName(doc.type));
  j["pages"] = doc.pages;
  j["confidence"] = doc.confidence;
  j["fields"] = Json::object();
  for (const auto& [name, field] : doc.fields) j["fields"][name] = FieldToJson(field);
  j["lines"] = Json::array();
  for (const auto& line : doc.lines) {
    Json l = Json::object();
    for (const auto& [k, v] : line.values) l[k] = v;
    j["lines"].push_back(l);
  }
  j["review"] = Json::array();
  for (const auto& flag : doc.review) {
    Json r;
    r["field"] = flag.field;
    if (flag.line) r["line"] = *flag.line;
    r["reason"] = flag.reason;
    j["review"].push_back(r);
  }
  return j;
}

Result<Json> Parse(std::string_view text, std::string_view origin) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument(std::string(origin) + ": JSON illisible");
  return j;
}

bool IsContractMember(const std::string& key) {
  return key == "schema" || key == "source" || key == "sha256" || key == "error" || key == "searchable_pdf" ||
         key == "pages" || key == "documents";
}

}  // namespace

Result<Document> DocumentFromJson(std::string_view json_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto j, Parse(json_text, origin));
  return DocumentFromJsonValue(j, std::string(origin));
}

std::string DocumentToJson(const Document& document, int indent) { return DocumentToJsonValue(document).dump(indent); }

Result<Envelope> EnvelopeFromJson(std::string_view json_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, Parse(json_text, origin));
  const Json& j = parsed;
  const std::string where(origin);
  if (!j.is_object()) return ShapeError(where, "objet attendu");
  Envelope env;
  auto text_member = [&](const char* key, std::string& out) -> Status {
    if (!j.contains(key) || j[key].is_null()) return Status::Ok();
    if (!j[key].is_string()) return ShapeError(where + "." + key, "texte attendu");
    out = j[key].get<std::string>();
    return Status::Ok();
  };
  for (auto [key, out] : {std::pair{"schema", &env.schema}, std::pair{"source", &env.source},
                          std::pair{"sha256", &env.sha256}, std::pair{"searchable_pdf", &env.searchable_pdf}}) {
    LIASSE_RETURN_IF_ERROR(text_member(key, *out));
  }
  if (j.contains("error") && !j["error"].is_null()) {
    if (!j["error"].is_string()) return ShapeError(where + ".error", "texte attendu");
    env.error = j["error"].get<std::string>();
  }
  if (j.contains("pages")) {
    if (!j["pages"].is_array()) return ShapeError(where + ".pages", "tableau attendu");
    for (size_t i = 0; i < j["pages"].size(); ++i) {
      const Json& p = j["pages"][i];
      const std::string pw = where + ".pages[" + std::to_string(i) + "]";
      if (!p.is_object()) return ShapeError(pw, "objet attendu");
      Page page;
      if (p.contains("index") && p["index"].is_number_integer()) page.index = p["index"].get<int>();
      if (p.contains("rotation") && p["rotation"].is_number_integer()) page.rotation = p["rotation"].get<int>();
      if (p.contains("skew_deg") && p["skew_deg"].is_number()) page.skew_deg = p["skew_deg"].get<double>();
      if (p.contains("ocr_confidence") && p["ocr_confidence"].is_number()) {
        page.ocr_confidence = p["ocr_confidence"].get<double>();
      }
      env.pages.push_back(page);
    }
  }
  if (!j.contains("documents") || !j["documents"].is_array()) {
    return ShapeError(where + ".documents", "tableau de documents absent");
  }
  for (size_t i = 0; i < j["documents"].size(); ++i) {
    LIASSE_ASSIGN_OR_RETURN(auto doc, DocumentFromJsonValue(j["documents"][i], where + ".documents[" + std::to_string(i) + "]"));
    env.documents.push_back(std::move(doc));
  }
  for (const auto& [key, value] : j.items()) {
    if (!IsContractMember(key)) env.other_members[key] = value.dump();
  }
  return env;
}

std::string EnvelopeToJson(const Envelope& env, int indent) {
  Json j;
  j["schema"] = env.schema;
  j["source"] = env.source;
  j["sha256"] = env.sha256;
  j["error"] = env.error ? Json(*env.error) : Json(nullptr);
  j["searchable_pdf"] = env.searchable_pdf;
  j["pages"] = Json::array();
  for (const auto& p : env.pages) {
    j["pages"].push_back(
        {{"index", p.index}, {"rotation", p.rotation}, {"skew_deg", p.skew_deg}, {"ocr_confidence", p.ocr_confidence}});
  }
  j["documents"] = Json::array();
  for (const auto& d : env.documents) j["documents"].push_back(DocumentToJsonValue(d));
  for (const auto& [key, text] : env.other_members) {
    Json v = Json::parse(text, nullptr, false);
    j[key] = v.is_discarded() ? Json(nullptr) : v;
  }
  return j.dump(indent);
}

Result<Envelope> ReadEnvelopeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": lecture impossible");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return EnvelopeFromJson(buffer.str(), path.string());
}

}  // namespace liasse
