// Internal: the readers of word-processor and web documents LoadDocument dispatches to.
#ifndef DYAD_SRC_TEXT_OFFICE_H_
#define DYAD_SRC_TEXT_OFFICE_H_

#include <string>
#include <string_view>

#include "dyad/document.h"

namespace dyad {

// DOCX or HWPX at `path` (a zip file): its body text, a line per paragraph and per table row.
Result<Document> ExtractOffice(const std::string& path);

// An HTML page: its main text without navigation, and the date its markup declares.
Result<Document> ExtractHtml(std::string_view bytes, const std::string& path);

// Whether bytes read from `path` are an HTML page: by the name (.html, .htm, .xhtml) or by a
// doctype or <html> near the start.
bool LooksLikeHtml(std::string_view bytes, const std::string& path);

}  // namespace dyad

#endif  // DYAD_SRC_TEXT_OFFICE_H_
