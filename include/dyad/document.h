// Loading a document: bytes on disk → UTF-8 extracted text.
//
// The extracted text is the document's reference text: every span dyad reports is a byte range
// into it. Plain text is decoded from UTF-8 (with or without BOM), UTF-16 (with BOM) or the
// legacy Korean encodings CP949/EUC-KR; a file that is none of these is refused, never turned
// into mojibake. PDF is read page by page with poppler-cpp, pages separated by form feeds. DOCX
// and HWPX give their paragraphs a line each and a table row one line of its cells; an HTML page
// gives its main text, without navigation, headers, footers, forms or scripts, and its declared
// date. The binary formats of old Word and Hangul (.doc, .hwp) are refused with what to convert
// them to.
//
//   Result<Document> doc = LoadDocument("brief.pdf");
//   // doc->text is UTF-8; doc->format is "pdf"; doc->encoding is "utf-8"
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad {

struct Document {
  std::string path;      // as given by the caller
  std::string format;    // "text", "pdf", "docx", "hwpx" or "html"
  std::string encoding;  // the source encoding: "utf-8", "utf-16le", "cp949", "pdf", "html"
  std::string text;      // extracted text, UTF-8
  // The PDF's CreationDate, the document date of last resort (dyad/document_date.h).
  std::optional<Date> pdf_created;
  // The date the file's markup declares: an HTML page's published time (a meta tag, itemprop
  // datePublished, a <time datetime>). Taken before any date in the text.
  std::optional<Date> declared_date;
};

// The bounds of one document (docs/reliability.md): past any of them the document is refused
// with a message naming the bound, before time or memory run away. Coding costs about 25
// bytes of memory for each byte of text.
inline constexpr size_t kMaxDocumentFileBytes = 64u << 20;  // the file: PDF, DOCX, HTML, text
inline constexpr size_t kMaxDocumentTextBytes = 32u << 20;  // the text extracted from it
inline constexpr int kMaxPdfPages = 1000;   // a brief has tens; about 1 MB of layout each
inline constexpr int kMaxPdfSeconds = 120;  // laying out a PDF's pages
// A PDF's page and form content once decoded (images and fonts aside): a few megabytes for a
// brief; a small file inflating to gigabytes of drawing operators is refused before layout.
inline constexpr size_t kMaxPdfContentBytes = 64u << 20;

// Reads and decodes a file. Errors name the path: missing or unreadable file, not a regular
// file, a file or its text past the bounds above, a corrupt or encrypted PDF, a damaged DOCX or
// HWPX, an HTML page with no main text, a legacy binary format, an undecodable encoding, or a
// document with no text.
Result<Document> LoadDocument(const std::string& path);

// Decodes bytes already in memory; `name` is used in messages and as Document::path.
Result<Document> DecodeText(std::string_view bytes, const std::string& name);
Result<Document> ExtractPdf(std::string_view bytes, const std::string& name);

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
