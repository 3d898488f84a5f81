// Internal: expat run over a whole XML text with callbacks, shared by every reader of XML parts
// (workbook parts, PETRARCH feeds and validation suites).
#ifndef DYAD_SRC_CORE_XML_H_
#define DYAD_SRC_CORE_XML_H_

#include <functional>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::xml {

// Callbacks receive element and attribute names without their namespace prefix. Any may be
// empty. `line` holds the line of the element being opened while `start` runs.
struct Handlers {
  std::function<void(std::string_view name, const char** attrs)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
  int line = 0;
};

// "x:sheet" → "sheet".
std::string_view LocalName(const char* name);

// The value of attribute `name` (prefix ignored) in an expat attribute list; nullptr if absent.
const char* Attr(const char** attrs, std::string_view name);

// Parses `text` in one pass. A syntax error returns InvalidInput "where:line: message"; callbacks
// already run keep their effects, so a caller may keep what came before the error.
Status Parse(std::string_view text, const std::string& where, Handlers* h);

}  // namespace dyad::xml

#endif  // DYAD_SRC_CORE_XML_H_
