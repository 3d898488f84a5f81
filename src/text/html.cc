// HTML pages: parsed with libxml2's forgiving HTML parser; the main text found as the element
// whose paragraphs hold the most words outside links, navigation, headers, footers, forms and
// scripts left out; the date the page declares (a published-time meta, itemprop
// datePublished, a <time datetime>) kept as the document's date.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "text/office.h"

namespace dyad {

namespace {

// libxml2 sets up its global tables on first use, which is not safe from two threads at once
// (`dyad code -j`, the server's workers): done here, while the program starts, on one thread.
const bool kXmlReady = (xmlInitParser(), true);

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? reinterpret_cast<const char*>(n->name) : "";
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// Elements that are never the text: code, styling, navigation, page furniture and forms.
bool Furniture(const xmlNode* n) {
  static constexpr std::string_view kSkip[] = {
      "script", "style",  "noscript", "nav",      "header", "footer",   "aside",
      "form",   "button", "select",   "iframe",   "svg",    "template", "menu",
      "object", "embed",  "input",    "textarea", "canvas", "head",     "dialog"};
  std::string_view name = Name(n);
  for (std::string_view s : kSkip)
    if (name == s) return true;
  std::string role = Lower(Attr(n, "role"));
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary" || role == "search" || role == "menu")
    return true;
  return Attr(n, "hidden") != "" || Lower(Attr(n, "aria-hidden")) == "true";
}

bool Block(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",  "h1",     "h2",    "h3",    "h4",         "h5",         "h6",
      "li",      "ul",   "ol",     "tr",    "table", "blockquote", "pre",        "section",
      "article", "main", "dd",     "dt",    "dl",    "caption",    "figcaption", "address",
      "hr",      "body", "center", "tbody", "thead"};
  for (std::string_view b : kBlocks)
    if (name == b) return true;
  return false;
}

// The text of a node's subtree: words outside links and inside them.
void Measure(const xmlNode* n, size_t* plain, size_t* linked, bool in_link) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      size_t len = 0;
      for (const xmlChar* p = c->content; p != nullptr && *p; ++p)
        if (!std::isspace(*p)) ++len;
      (in_link ? *linked : *plain) += len;
    } else if (c->type == XML_ELEMENT_NODE && !Furniture(c)) {
      Measure(c, plain, linked, in_link || Name(c) == "a");
    }
  }
}

// Readability's idea, small: each paragraph's words outside links count for its parent, half
// for its grandparent; the element with the most is the main text.
void Score(const xmlNode* n, std::map<const xmlNode*, double>* score) {
  auto credit = [&](const xmlNode* parent, double w) {
    (*score)[parent] += w;
    if (parent->parent != nullptr) (*score)[parent->parent] += w / 2;
  };
  size_t direct = 0;  // text written straight into n, lines parted by <br>
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      for (const xmlChar* p = c->content; p != nullptr && *p; ++p)
        if (!std::isspace(*p)) ++direct;
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || Furniture(c)) continue;
    std::string_view name = Name(c);
    if (name == "p" || name == "pre" || name == "blockquote" || name == "td" || name == "li") {
      size_t plain = 0, linked = 0;
      Measure(c, &plain, &linked, false);
      // Lists of links (menus, related stories) say nothing.
      if (plain > linked) credit(c->parent, static_cast<double>(plain - linked));
    }
    Score(c, score);
  }
  if (direct > 0 && n->parent != nullptr) credit(n, static_cast<double>(direct));
}

// Writes the text of a subtree: a line per block, a table row's cells on one line; inside
// <pre> the lines as written.
void Text(const xmlNode* n, std::string* out, bool in_row, bool in_pre = false) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      for (const xmlChar* p = c->content; p != nullptr && *p; ++p) {
        char ch = static_cast<char>(*p);
        if (in_pre && ch == '\n' && !in_row) {
          out->push_back('\n');
          continue;
        }
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
        if (ch == ' ' && (out->empty() || out->back() == ' ' || out->back() == '\n')) continue;
        out->push_back(ch);
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || Furniture(c)) continue;
    std::string_view name = Name(c);
    if (name == "br") {
      if (in_row)
        out->push_back(' ');
      else
        out->push_back('\n');
      continue;
    }
    bool row = name == "tr";
    bool block = Block(name) && !in_row;
    if ((block || row) && !out->empty() && out->back() != '\n') out->push_back('\n');
    if ((name == "td" || name == "th") && !out->empty() && out->back() != ' ' &&
        out->back() != '\n')
      out->push_back(' ');
    Text(c, out, in_row || row, in_pre || name == "pre");
    if ((block || row) && !out->empty() && out->back() != '\n') out->push_back('\n');
  }
}

const xmlNode* Find(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) return c;
    if (c->children != nullptr)
      if (const xmlNode* f = Find(c->children, name)) return f;
  }
  return nullptr;
}

// "2024-06-19T09:33:00+09:00", "2024.06.19", "20240619" → the day.
std::optional<Date> LeadingDate(std::string_view s) {
  std::string digits;
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  std::vector<int> parts;
  std::string cur;
  for (; i < s.size() && parts.size() < 3; ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      cur += c;
      if (parts.empty() && cur.size() == 8 && (i + 1 == s.size() || !std::isdigit(s[i + 1]))) {
        return Date::IsValid(std::atoi(cur.substr(0, 4).c_str()),
                             std::atoi(cur.substr(4, 2).c_str()),
                             std::atoi(cur.substr(6, 2).c_str()))
                   ? std::optional<Date>(Date{std::atoi(cur.substr(0, 4).c_str()),
                                              std::atoi(cur.substr(4, 2).c_str()),
                                              std::atoi(cur.substr(6, 2).c_str())})
                   : std::nullopt;
      }
    } else if ((c == '-' || c == '.' || c == '/') && !cur.empty()) {
      parts.push_back(std::atoi(cur.c_str()));
      cur.clear();
    } else {
      break;
    }
  }
  if (!cur.empty() && parts.size() < 3) parts.push_back(std::atoi(cur.c_str()));
  if (parts.size() != 3 || parts[0] < 1900 || parts[0] > 2100) return std::nullopt;
  if (!Date::IsValid(parts[0], parts[1], parts[2])) return std::nullopt;
  return Date{parts[0], parts[1], parts[2]};
}

// The date the page declares: a published-time meta first, then itemprop datePublished, then
// the first <time datetime> of the main text, then of the page.
std::optional<Date> DeclaredDate(const xmlNode* root, const xmlNode* main) {
  static constexpr std::string_view kMeta[] = {"article:published_time",
                                               "og:article:published_time",
                                               "datepublished",
                                               "pubdate",
                                               "publishdate",
                                               "publish-date",
                                               "dc.date.issued",
                                               "dc.date",
                                               "dcterms.created",
                                               "dcterms.issued",
                                               "date",
                                               "parsely-pub-date",
                                               "sailthru.date"};
  std::optional<Date> best;
  int best_rank = 1000;
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
    for (const xmlNode* c = n; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        if (Name(c) == "meta") {
          std::string key = Lower(Attr(c, "property"));
          if (key.empty()) key = Lower(Attr(c, "name"));
          if (key.empty()) key = Lower(Attr(c, "itemprop"));
          for (size_t r = 0; r < std::size(kMeta); ++r)
            if (key == kMeta[r] && static_cast<int>(r) < best_rank)
              if (std::optional<Date> d = LeadingDate(Attr(c, "content")))
                best = d, best_rank = static_cast<int>(r);
        } else if (Lower(Attr(c, "itemprop")) == "datepublished" && best_rank > 20) {
          std::string v = Attr(c, "datetime");
          if (v.empty()) v = Attr(c, "content");
          if (std::optional<Date> d = LeadingDate(v)) best = d, best_rank = 20;
        }
      }
      if (c->children != nullptr) walk(c->children);
    }
  };
  walk(root);
  if (best) return best;
  for (const xmlNode* scope : {main, root}) {
    if (scope == nullptr) continue;
    std::function<std::optional<Date>(const xmlNode*)> first_time =
        [&](const xmlNode* n) -> std::optional<Date> {
      for (const xmlNode* c = n; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && Name(c) == "time")
          if (std::optional<Date> d = LeadingDate(Attr(c, "datetime"))) return d;
        if (c->children != nullptr)
          if (std::optional<Date> d = first_time(c->children)) return d;
      }
      return std::nullopt;
    };
    if (std::optional<Date> d = first_time(scope->children)) return d;
  }
  return std::nullopt;
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes, const std::string& path) {
  std::string name = Lower(path);
  for (std::string_view ext : {".html", ".htm", ".xhtml"})
    if (name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  std::string head = Lower(bytes.substr(0, 1024));
  size_t at = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (at == std::string::npos) return false;
  head = head.substr(at);
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

Result<Document> ExtractHtml(std::string_view bytes, const std::string& path) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    return Status::InvalidInput(path + ": an HTML page over 2 GB; not read");
  // No network, no error output; a broken page is read as far as it goes.
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), path.c_str(), nullptr, options),
      xmlFreeDoc);
  if (doc == nullptr) return Status::InvalidInput(path + ": not readable as HTML");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status::InvalidInput(path + ": an empty HTML page");
  const xmlNode* body = Find(root, "body");
  if (body == nullptr) body = root;
  std::map<const xmlNode*, double> score;
  Score(body, &score);
  const xmlNode* main = body;
  double best = 0;
  for (const auto& [n, s] : score)
    if (s > best) best = s, main = n;
  std::string text;
  // The headline, when the main text does not hold it.
  if (const xmlNode* h1 = Find(body->children, "h1")) {
    bool inside = false;
    for (const xmlNode* p = h1; p != nullptr; p = p->parent) inside |= p == main;
    if (!inside) {
      Text(h1, &text, false);
      if (!text.empty() && text.back() != '\n') text += '\n';
    }
  }
  Text(main, &text, false);
  // Each block its own paragraph: a blank line between, so repair never joins a headline to the
  // paragraph under it as if a line had wrapped.
  std::string blocks;
  for (size_t i = 0; i < text.size();) {
    size_t nl = text.find('\n', i);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + i, nl - i);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) blocks.append(line).append("\n\n");
    i = nl + 1;
  }
  Result<Document> out = DecodeText(blocks, path);
  if (!out.ok())
    return Status::InvalidInput(path +
                                ": no main text found in the HTML page (only scripts, "
                                "navigation, forms or markup)");
  out->format = "html";
  out->encoding = "html";
  out->declared_date = DeclaredDate(root, main);
  return out;
}

}  // namespace dyad
