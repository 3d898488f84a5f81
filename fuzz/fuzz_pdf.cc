// libFuzzer target: arbitrary bytes as a PDF (poppler, then dyad's layout recovery). Contract:
// no crash; extracted text is UTF-8 within the document bound.
#include "dyad/document.h"
#include "dyad/utf8.h"
#include "fuzz_util.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = ExtractPdf(fuzz::Bytes(data, size), "fuzz.pdf");
  if (!doc.ok()) return 0;
  fuzz::Check(utf8::IsValid(doc->text) && doc->text.size() <= kMaxDocumentTextBytes + 1);
  return 0;
}
