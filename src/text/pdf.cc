// PDF text through poppler-cpp. Pages are extracted in physical layout order (the order a
// reader sees lines), joined with form feeds so page boundaries stay visible to the repair step.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <vector>

#include "dyad/document.h"
#include "dyad/utf8.h"

namespace dyad {

namespace {
void SilentDebug(const std::string&, void*) {}
}  // namespace

Result<Document> ExtractPdf(std::string_view bytes, const std::string& name) {
  // poppler prints syntax warnings to stderr by default; dyad reports its own errors.
  poppler::set_debug_error_function(SilentDebug, nullptr);
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
      data.data(), static_cast<int>(data.size())));
  if (!pdf) return Status::InvalidInput(name + ": corrupt PDF (poppler could not open it)");
  if (pdf->is_locked()) return Status::InvalidInput(name + ": encrypted PDF; unlock it first");
  Document doc;
  doc.path = name;
  doc.format = "pdf";
  doc.encoding = "pdf";
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) return Status::InvalidInput(name + ": corrupt PDF (page " + std::to_string(i + 1) + ")");
    poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    if (i > 0) doc.text += '\f';
    doc.text.append(utf8.begin(), utf8.end());
  }
  if (!utf8::IsValid(doc.text)) return Status::InvalidInput(name + ": PDF text is not valid UTF-8");
  bool empty = doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos;
  if (empty) return Status::InvalidInput(name + ": PDF has no extractable text (scanned image?)");
  return doc;
}

}  // namespace dyad
