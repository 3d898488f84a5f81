#include "core/xml.h"

#include <expat.h>

#include <climits>

namespace dyad::xml {

namespace {

struct Run {
  XML_Parser parser;
  Handlers* h;
};

}  // namespace

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i] != nullptr; i += 2)
    if (LocalName(attrs[i]) == name) return attrs[i + 1];
  return nullptr;
}

Status Parse(std::string_view text, const std::string& where, Handlers* h) {
  // expat takes the length as an int.
  if (text.size() > static_cast<size_t>(INT_MAX))
    return Status::InvalidInput(where + ": XML larger than 2 GiB");
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (p == nullptr) return Status::IoError(where + ": cannot start the XML parser");
  Run run{p, h};
  XML_SetUserData(p, &run);
  XML_SetElementHandler(
      p,
      [](void* u, const XML_Char* name, const XML_Char** attrs) {
        auto* r = static_cast<Run*>(u);
        r->h->line = static_cast<int>(XML_GetCurrentLineNumber(r->parser));
        if (r->h->start) r->h->start(LocalName(name), attrs);
      },
      [](void* u, const XML_Char* name) {
        auto* r = static_cast<Run*>(u);
        if (r->h->end) r->h->end(LocalName(name));
      });
  XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) {
    auto* r = static_cast<Run*>(u);
    if (r->h->text) r->h->text(std::string_view(s, static_cast<size_t>(len)));
  });
  bool ok = XML_Parse(p, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
  std::string err = ok ? "" : XML_ErrorString(XML_GetErrorCode(p));
  int line = ok ? 0 : static_cast<int>(XML_GetCurrentLineNumber(p));
  XML_ParserFree(p);
  if (!ok) return Status::InvalidInput(where + ":" + std::to_string(line) + ": " + err);
  return Status::Ok();
}

}  // namespace dyad::xml
