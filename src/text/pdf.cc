// PDF text through poppler-cpp. Pages are extracted in physical layout order (the order a
// reader sees lines), joined with form feeds so page boundaries stay visible to the repair step.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "dyad/document.h"
#include "dyad/utf8.h"

namespace dyad {

namespace {

void SilentDebug(const std::string&, void*) {}

// Rebuilds a page's lines from poppler's words. Words carry whether a space followed them, so
// a line that ended at a word boundary keeps its trailing space, and an indented line (a
// running header, a continuation cell) keeps a leading one: the same signals a text extraction
// gives, which the repair step reads to join wrapped lines.
std::string PageText(const poppler::page& page) {
  std::vector<poppler::text_box> boxes = page.text_list();
  double margin = 1e9;
  for (const auto& b : boxes) margin = std::min(margin, b.bbox().x());
  std::string out;
  double line_y = -1e9, line_h = 0;
  bool line_open = false, space_after = false;
  for (const auto& b : boxes) {
    poppler::rectf r = b.bbox();
    bool new_line = !line_open || std::abs(r.y() - line_y) > std::max(line_h, r.height()) * 0.5;
    if (new_line) {
      if (line_open) {
        if (space_after) out += ' ';
        out += '\n';
      }
      if (r.x() - margin > r.height() * 0.3) out += ' ';
      line_y = r.y();
      line_h = r.height();
      line_open = true;
    } else if (space_after) {
      out += ' ';
    }
    poppler::byte_array utf8 = b.text().to_utf8();
    out.append(utf8.begin(), utf8.end());
    space_after = b.has_space_after();
  }
  // The page's last line ends at the form feed that separates pages, not at a newline: an
  // empty line there would read as a paragraph break in the middle of a sentence.
  if (line_open && space_after) out += ' ';
  return out;
}

}  // namespace

Result<Document> ExtractPdf(std::string_view bytes, const std::string& name) {
  // poppler prints syntax warnings to stderr by default; dyad reports its own errors.
  poppler::set_debug_error_function(SilentDebug, nullptr);
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!pdf) return Status::InvalidInput(name + ": corrupt PDF (poppler could not open it)");
  if (pdf->is_locked()) return Status::InvalidInput(name + ": encrypted PDF; unlock it first");
  Document doc;
  doc.path = name;
  doc.format = "pdf";
  doc.encoding = "pdf";
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page)
      return Status::InvalidInput(name + ": corrupt PDF (page " + std::to_string(i + 1) + ")");
    if (i > 0) doc.text += '\f';
    doc.text += PageText(*page);
  }
  doc.text += '\n';
  // A creation date before 1990 is a writer's placeholder, not when the brief was written.
  if (time_t t = pdf->info_date_t("CreationDate"); t > 631152000) {
    long days = static_cast<long>(t / 86400);
    doc.pdf_created = Date::FromDays(days);
  }
  if (!utf8::IsValid(doc.text)) return Status::InvalidInput(name + ": PDF text is not valid UTF-8");
  bool empty = doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos;
  if (empty) return Status::InvalidInput(name + ": PDF has no extractable text (scanned image?)");
  return doc;
}

}  // namespace dyad
