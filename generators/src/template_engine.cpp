// The template language of templates/*.toml (see templates.h).
#include <string>
#include <vector>

#include "liasse/generators/templates.h"

namespace liasse::generators {

struct TextTemplate::Node {
  enum class Type { kText, kVar, kIf, kEach };
  Type type = Type::kText;
  std::string text;  // literal text, or the name
  std::vector<Node> children;
  std::vector<Node> alternative;  // {{else}} branch of an if
};

namespace {

struct Token {
  bool tag = false;
  std::string content;  // text, or the tag's inside without braces, trimmed
  int line = 0;
};

std::string TrimCopy(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return std::string(s.substr(a, b - a));
}

bool IsBlockTag(std::string_view inside) {
  return !inside.empty() && (inside[0] == '#' || inside[0] == '/' || inside == "else");
}

// Splits one line into text and tags.
Status TokenizeLine(std::string_view line, int line_no, std::string_view file, std::vector<Token>& out) {
  size_t pos = 0;
  while (pos < line.size()) {
    const size_t open = line.find("{{", pos);
    if (open == std::string_view::npos) {
      out.push_back({false, std::string(line.substr(pos)), line_no});
      break;
    }
    if (open > pos) out.push_back({false, std::string(line.substr(pos, open - pos)), line_no});
    const size_t close = line.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument(std::string(file) + ":" + std::to_string(line_no) + ": « {{ » sans « }} »");
    }
    out.push_back({true, TrimCopy(line.substr(open + 2, close - open - 2)), line_no});
    pos = close + 2;
  }
  return Status::Ok();
}

Result<std::vector<Token>> Tokenize(std::string_view text, std::string_view file, int first_line) {
  std::vector<Token> tokens;
  size_t start = 0;
  int line_no = first_line;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    const bool last = nl == std::string_view::npos;
    if (last) nl = text.size();
    const std::string_view line = text.substr(start, nl - start);
    const std::string trimmed = TrimCopy(line);
    // A block tag alone on its line: drop the line's spaces and newline.
    if (trimmed.size() > 4 && trimmed.rfind("{{", 0) == 0 && trimmed.find("}}") == trimmed.size() - 2 &&
        IsBlockTag(TrimCopy(std::string_view(trimmed).substr(2, trimmed.size() - 4)))) {
      tokens.push_back({true, TrimCopy(std::string_view(trimmed).substr(2, trimmed.size() - 4)), line_no});
    } else {
      LIASSE_RETURN_IF_ERROR(TokenizeLine(line, line_no, file, tokens));
      if (!last) tokens.push_back({false, "\n", line_no});
    }
    if (last) break;
    start = nl + 1;
    ++line_no;
  }
  return tokens;
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  }
  return true;
}

std::string Known(const TemplateSchema& schema, const std::set<std::string>* item_fields) {
  std::string out;
  auto add = [&out](const std::string& n) { out += (out.empty() ? "" : ", ") + n; };
  if (item_fields != nullptr) {
    for (const auto& n : *item_fields) add(n);
  }
  for (const auto& n : schema.scalars) add(n);
  return out;
}

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const TemplateSchema& schema, std::string_view file)
      : tokens_(tokens), schema_(schema), file_(file) {}

  Status ParseAll(std::vector<TextTemplate::Node>& out) {
    std::string end;
    LIASSE_RETURN_IF_ERROR(ParseBlock(out, nullptr, end, 0));
    if (!end.empty()) return Error(tokens_[pos_ - 1].line, "« {{" + end + "}} » sans bloc ouvert");
    return Status::Ok();
  }

 private:
  using Node = TextTemplate::Node;

  Status Error(int line, const std::string& what) const {
    return Status::InvalidArgument(std::string(file_) + ":" + std::to_string(line) + ": " + what);
  }

  // Parses nodes until a closing tag ({{/if}}, {{/each}}, {{else}}) or the
  // end; `end` receives the closing tag met ("" at the end of the text).
  Status ParseBlock(std::vector<Node>& out, const std::set<std::string>* item, std::string& end, int depth) {
    while (pos_ < tokens_.size()) {
      const Token& t = tokens_[pos_++];
      if (!t.tag) {
        if (!out.empty() && out.back().type == Node::Type::kText) {
          out.back().text += t.content;
        } else {
          out.push_back({Node::Type::kText, t.content, {}, {}});
        }
        continue;
      }
      const std::string& c = t.content;
      if (c == "/if" || c == "/each" || c == "else") {
        if (depth == 0) return Error(t.line, "« {{" + c + "}} » sans bloc ouvert");
        end = c;
        return Status::Ok();
      }
      if (c.rfind("#if ", 0) == 0) {
        const std::string name = TrimCopy(std::string_view(c).substr(4));
        if (!IsCondition(name, item)) return Error(t.line, "condition inconnue « " + name + " » dans {{" + c + "}}");
        Node node{Node::Type::kIf, name, {}, {}};
        std::string closing;
        LIASSE_RETURN_IF_ERROR(ParseBlock(node.children, item, closing, depth + 1));
        if (closing == "else") {
          LIASSE_RETURN_IF_ERROR(ParseBlock(node.alternative, item, closing, depth + 1));
        }
        if (closing != "/if") return Error(t.line, "{{" + c + "}} sans {{/if}}");
        out.push_back(std::move(node));
        continue;
      }
      if (c.rfind("#each ", 0) == 0) {
        const std::string name = TrimCopy(std::string_view(c).substr(6));
        const auto list = schema_.lists.find(name);
        if (list == schema_.lists.end()) return Error(t.line, "liste inconnue « " + name + " » dans {{" + c + "}}");
        Node node{Node::Type::kEach, name, {}, {}};
        std::string closing;
        LIASSE_RETURN_IF_ERROR(ParseBlock(node.children, &list->second, closing, depth + 1));
        if (closing != "/each") return Error(t.line, "{{" + c + "}} sans {{/each}}");
        out.push_back(std::move(node));
        continue;
      }
      if (!ValidName(c) || !(schema_.scalars.count(c) || (item != nullptr && item->count(c)))) {
        return Error(t.line, "placeholder inconnu « {{" + c + "}} » (connus : " + Known(schema_, item) + ")");
      }
      out.push_back({Node::Type::kVar, c, {}, {}});
    }
    end.clear();
    return Status::Ok();
  }

  bool IsCondition(const std::string& name, const std::set<std::string>* item) const {
    return schema_.flags.count(name) || schema_.scalars.count(name) || schema_.lists.count(name) ||
           (item != nullptr && item->count(name));
  }

  const std::vector<Token>& tokens_;
  const TemplateSchema& schema_;
  std::string_view file_;
  size_t pos_ = 0;
};

using Item = std::map<std::string, std::string>;

bool Truthy(const std::string& name, const TemplateValues& values, const Item* item) {
  if (item != nullptr) {
    if (auto it = item->find(name); it != item->end()) return !it->second.empty();
  }
  if (auto it = values.flags.find(name); it != values.flags.end()) return it->second;
  if (auto it = values.lists.find(name); it != values.lists.end()) return !it->second.empty();
  if (auto it = values.scalars.find(name); it != values.scalars.end()) return !it->second.empty();
  return false;
}

void RenderNodes(const std::vector<TextTemplate::Node>& nodes, const TemplateValues& values, const Item* item,
                 std::string& out) {
  using Type = TextTemplate::Node::Type;
  for (const auto& node : nodes) {
    switch (node.type) {
      case Type::kText:
        out += node.text;
        break;
      case Type::kVar: {
        if (item != nullptr) {
          if (auto it = item->find(node.text); it != item->end()) {
            out += it->second;
            break;
          }
        }
        if (auto it = values.scalars.find(node.text); it != values.scalars.end()) out += it->second;
        break;
      }
      case Type::kIf:
        RenderNodes(Truthy(node.text, values, item) ? node.children : node.alternative, values, item, out);
        break;
      case Type::kEach:
        if (auto it = values.lists.find(node.text); it != values.lists.end()) {
          for (const Item& element : it->second) RenderNodes(node.children, values, &element, out);
        }
        break;
    }
  }
}

}  // namespace

Result<TextTemplate> TextTemplate::Compile(std::string_view text, const TemplateSchema& schema, std::string_view file,
                                           int first_line) {
  LIASSE_ASSIGN_OR_RETURN(auto tokens, Tokenize(text, file, first_line));
  auto nodes = std::make_shared<std::vector<Node>>();
  Parser parser(tokens, schema, file);
  LIASSE_RETURN_IF_ERROR(parser.ParseAll(*nodes));
  TextTemplate compiled;
  compiled.nodes_ = std::move(nodes);
  return compiled;
}

std::string TextTemplate::Render(const TemplateValues& values) const {
  std::string out;
  if (nodes_ != nullptr) RenderNodes(*nodes_, values, nullptr, out);
  return out;
}

}  // namespace liasse::generators
