// libFuzzer target: arbitrary bytes as an HTML page (libxml2's parser, dyad's main-text rules)
// or, behind a first byte 'Z', as a DOCX or HWPX zip. Contract: no crash; text is UTF-8.
#include "dyad/document.h"
#include "dyad/utf8.h"
#include "fuzz_util.h"
#include "text/office.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = fuzz::Bytes(data, size);
  Result<Document> doc = Status::InvalidInput("");
  if (!bytes.empty() && (bytes[0] == 'Z' || bytes[0] == 'H')) {
    std::string path = fuzz::Scratch(bytes.substr(1), bytes[0] == 'Z' ? ".docx" : ".hwpx");
    doc = ExtractOffice(path);
  } else {
    doc = ExtractHtml(bytes, "fuzz.html");
  }
  if (doc.ok()) fuzz::Check(utf8::IsValid(doc->text));
  return 0;
}
