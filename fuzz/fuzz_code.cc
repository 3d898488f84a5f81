// libFuzzer target: arbitrary bytes as a document → decode → repair → segment → Korean coding.
// Contracts: no crash, spans inside the extracted text, dates ordered, every event with a
// mention, Goldstein weights on the scale.
#include "dyad/coder.h"
#include "dyad/document.h"
#include "fuzz_util.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = DecodeText(fuzz::Bytes(data, size), "fuzz.txt");
  if (!doc.ok()) return 0;
  Coder coder(fuzz::Res());
  CodeOptions opt;
  opt.lang = Language::kKorean;
  opt.year = 2024;
  auto coded = coder.Code(*doc, opt);
  if (!coded.ok()) return 0;
  for (const Event& e : coded->events) {
    fuzz::Check(!e.mentions.empty() && !(e.date.end < e.date.begin));
    fuzz::Check(e.goldstein >= -10 && e.goldstein <= 10);
    for (const Mention& m : e.mentions)
      fuzz::Check(m.span_begin <= m.span_end && m.span_end <= doc->text.size());
  }
  for (const Unresolved& u : coded->unresolved)
    fuzz::Check(u.span_begin <= u.span_end && u.span_end <= doc->text.size());
  return 0;
}
